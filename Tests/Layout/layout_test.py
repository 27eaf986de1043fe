#!/usr/bin/env python3
"""Phone and desktop layout of the published pages, measured in headless Chromium: at 360,
412 and 1100 px wide, no two pieces of text overlap, and no line of a text holds a single
character (项/目/名/称 stacked one per line, or 年度总体目/标).

Chromium is driven through its DevTools protocol over a pipe (--remote-debugging-pipe: it
reads commands on fd 3 and writes answers on fd 4, each a JSON text ending in NUL), so one
browser serves every page and width and nothing but the standard library is needed. The
measuring script runs in the page from outside; the published pages carry no script.

Usage: layout_test.py JIXIAO_BINARY [--all]   — needs chromium, xsltproc and the fonts the pages name.
By default it checks a sample: the pages of each kind (the index, the department pages, the
annual document, the report) and a few projects' tables, the longest among them; the pages of
a district (the index of units, the roll-ups, a comparison of two years); and the pages of the
template inputs in Tests/Fixtures/layout-xml (the Sichuan layout, 不适用 rows, a value column per
recipient, the review page), rendered with xsltproc.
Prints 'N passed, N failed'.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from tally import Tally  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WIDTHS = (360, 412, 1100)
# Projects sampled besides the whole-year pages: the longest goal and self-assessment tables,
# a long name, and a short one.
SAMPLE = ("社区经费（含智慧社区及网格化管理费用）", "村干部及村官考核奖和离任村干部补贴", "墓穴安置经费")

# Runs in the page; returns a list of faults as text. Each text node's line boxes are the
# client rectangles of a Range over it (one per line it occupies). Text clipped away by a
# scrolling box (a table scrolled sideways) is not visible, so only the part inside every
# clipping ancestor counts.
MEASURE = r"""
(() => {
  const faults = [];
  const boxes = [];
  const blocks = new Map();
  const visible = (node, rect) => {
    let r = {left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom};
    for (let e = node.parentElement; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.visibility === "hidden" || style.display === "none") return null;
      if (style.overflowX !== "visible" || style.overflowY !== "visible") {
        const c = e.getBoundingClientRect();
        r = {left: Math.max(r.left, c.left), right: Math.min(r.right, c.right),
             top: Math.max(r.top, c.top), bottom: Math.min(r.bottom, c.bottom)};
      }
    }
    return r.right - r.left > 0.5 && r.bottom - r.top > 0.5 ? r : null;
  };
  // The box whose lines a text is set in: its nearest ancestor that is not inline.
  const blockOf = (node) => {
    let e = node.parentElement;
    while (e.parentElement && getComputedStyle(e).display.startsWith("inline")) e = e.parentElement;
    return e;
  };
  const describe = (element) => JSON.stringify(element.textContent.trim().slice(0, 24));
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.data.trim() || node.parentElement.closest("title, style, script")) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const rects = Array.from(range.getClientRects()).filter(r => r.width > 0.5 && r.height > 0.5);
    const block = blockOf(node);
    for (const rect of rects) {
      const r = visible(node, rect);
      if (r) boxes.push({r, block});
    }
    if (!blocks.has(block)) blocks.set(block, []);
    blocks.get(block).push(...rects);
  }
  // A line that holds one character of a longer text: narrower than 1.3 characters. A line is
  // the text of a box whose tops lie within half a character of each other.
  for (const [block, rects] of blocks) {
    if (Array.from(block.textContent.replace(/\s/g, "")).length < 2) continue;
    const size = parseFloat(getComputedStyle(block).fontSize);
    const lines = [];
    for (const rect of rects.sort((a, b) => a.top - b.top)) {
      const line = lines.find(l => Math.abs(l.top - rect.top) < size / 2);
      if (line) line.width += rect.width; else lines.push({top: rect.top, width: rect.width});
    }
    if (lines.length > 1 && lines.some(l => l.width < 1.3 * size)) faults.push("one character on a line: " + describe(block));
  }
  // Two boxes overlap when they share more than a pixel both across and down (neighbouring
  // lines and cells may touch).
  boxes.sort((a, b) => a.r.top - b.r.top);
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i];
    for (let j = i + 1; j < boxes.length && boxes[j].r.top < a.r.bottom - 1; j++) {
      const b = boxes[j];
      const across = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
      const down = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
      if (across > 1 && down > 1 && !(a.block === b.block && Math.abs(a.r.top - b.r.top) < 1))
        faults.push("text overlaps: " + describe(a.block) + " and " + describe(b.block));
    }
  }
  // The page itself must not scroll sideways: only a table's own box may.
  if (document.documentElement.scrollWidth > window.innerWidth + 1)
    faults.push("the page is " + document.documentElement.scrollWidth + " px wide");
  return Array.from(new Set(faults));
})()
"""


class Browser:
    """Headless Chromium spoken to over --remote-debugging-pipe."""

    def __init__(self, profile):
        read_commands, self._commands = os.pipe()
        self._answers, write_answers = os.pipe()
        # Chromium reads commands on fd 3 and writes answers on fd 4: the shell puts the pipes there.
        arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                     "--remote-debugging-pipe", f"--user-data-dir={profile}", "--no-first-run",
                     "--disable-extensions", "about:blank"]
        self.process = subprocess.Popen(
            ["sh", "-c", f'exec chromium "$@" 3<&{read_commands} 4>&{write_answers}', "chromium", *arguments],
            pass_fds=(read_commands, write_answers), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(read_commands)
        os.close(write_answers)
        self._buffer = b""
        self._next = 0
        self._events = []
        targets = self.call("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        self.session = self.call("Target.attachToTarget", targetId=page["targetId"], flatten=True)["sessionId"]
        self.call("Page.enable", session=True)
        self.call("Runtime.enable", session=True)

    def _read(self):
        while b"\0" not in self._buffer:
            chunk = os.read(self._answers, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed its DevTools pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, session=False, **params):
        self._next += 1
        message = {"id": self._next, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        while True:
            answer = self._read()
            if answer.get("id") == self._next:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})
            self._events.append(answer)

    def wait_for(self, event):
        while True:
            for i, seen in enumerate(self._events):
                if seen.get("method") == event:
                    del self._events[i]
                    return seen
            self._events.append(self._read())

    def measure(self, path, width):
        self.call("Emulation.setDeviceMetricsOverride", session=True, width=width, height=900,
                  deviceScaleFactor=1, mobile=width < 600)
        self._events.clear()
        self.call("Page.navigate", session=True, url="file://" + path)
        self.wait_for("Page.loadEventFired")
        result = self.call("Runtime.evaluate", session=True, expression=MEASURE,
                           returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"measuring {path}: {result['exceptionDetails']}")
        return result["result"]["value"]

    def close(self):
        try:
            self.call("Browser.close")
        except RuntimeError:
            pass
        self.process.wait(timeout=30)
        os.close(self._commands)
        os.close(self._answers)


def pages(out, everything):
    year = os.path.join(out, "2021")
    found = []
    for folder, _, files in os.walk(year):
        for name in sorted(files):
            if not name.endswith(".html"):
                continue
            path = os.path.join(folder, name)
            if everything or folder == year or name[: -len(".html")] in SAMPLE + ("部门整体",):
                found.append(path)
    return sorted(found)


# The district built from the 2021 data (Tests/JixiaoPublishTests/Fixtures/district): its own pages,
# the index of units and each year's roll-up, the comparison of a unit's 2022 with its 2021, and a
# matched project's goal table and 自评表 with their line of what changed.
DISTRICT = os.path.join(ROOT, "Tests", "JixiaoPublishTests", "Fixtures", "district")
DISTRICT_PAGES = ("index.html", "汇总/2021.html", "汇总/2022.html", "乙街道/2022/年度对比.html",
                  "乙街道/2022/对比/垃圾分类督导员补助.html", "乙街道/2022/项目/垃圾分类督导员补助.html",
                  "乙街道/2022/自评/垃圾分类督导员补助.html")
FIXTURE_XML = os.path.join(ROOT, "Tests", "Fixtures", "layout-xml")


def fixture_pages(out, tally):
    """Each template input of Tests/Fixtures/layout-xml rendered as its page into out (the same
    stylesheet and CSS as jixiao publish uses); their paths."""
    if not shutil.which("xsltproc"):
        tally.check(False, "版面测试需要 xsltproc：sudo apt-get install -y xsltproc")
        return []
    os.makedirs(out)
    css = open(os.path.join(ROOT, "templates", "jixiao.css"), encoding="utf-8").read()
    rendered = []
    for name in sorted(n for n in os.listdir(FIXTURE_XML) if n.endswith(".xml")):
        page = os.path.join(out, name[: -len(".xml")] + ".html")
        result = subprocess.run(["xsltproc", "--stringparam", "page.css", css, "-o", page,
                                 os.path.join(ROOT, "templates", "jixiao.xsl"), os.path.join(FIXTURE_XML, name)],
                                capture_output=True, text=True)
        tally.check(result.returncode == 0, f"xsltproc {name}: {result.stderr[-2000:]}")
        if result.returncode == 0:
            rendered.append(page)
    return rendered


def main():
    binary = os.path.abspath(sys.argv[1])
    everything = "--all" in sys.argv[2:]
    if not shutil.which("chromium"):
        sys.exit("版面测试需要 Chromium：sudo apt-get install -y --no-install-recommends chromium fonts-noto-cjk")
    tally = Tally()
    with tempfile.TemporaryDirectory() as scratch:
        out = os.path.join(scratch, "output")
        result = subprocess.run([binary, "publish", os.path.join(ROOT, "data"), "--out", out,
                                 "--templates", os.path.join(ROOT, "templates"), "-q"],
                                capture_output=True, text=True)
        tally.check(result.returncode == 0, f"publish: {result.stderr[-2000:]}")
        district = os.path.join(scratch, "district")
        result = subprocess.run([binary, "publish", DISTRICT, "--out", district,
                                 "--templates", os.path.join(ROOT, "templates"), "-q"],
                                capture_output=True, text=True)
        tally.check(result.returncode == 0, f"publish district: {result.stderr[-2000:]}")
        browser = Browser(os.path.join(scratch, "profile"))
        try:
            checked = pages(out, everything) + [os.path.join(district, page) for page in DISTRICT_PAGES]
            tally.check(len(checked) >= 10, f"only {len(checked)} pages to check")
            checked += fixture_pages(os.path.join(scratch, "layout-xml"), tally)
            for path in checked:
                for width in WIDTHS:
                    faults = browser.measure(path, width)
                    tally.check(not faults, f"{os.path.relpath(path, scratch)} at {width} px: " + "; ".join(faults[:8])
                                + (f" (and {len(faults) - 8} more)" if len(faults) > 8 else ""))
        finally:
            browser.close()
        print(f"layout: {len(checked)} pages at {', '.join(map(str, WIDTHS))} px")
    tally.finish()


if __name__ == "__main__":
    main()
