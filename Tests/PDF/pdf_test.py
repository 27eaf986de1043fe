#!/usr/bin/env python3
"""PDF output (`jixiao publish --pdf`): each goal table's PDF holds every cell of the seed in
order, fonts are embedded CJK TrueType faces, a monitoring table prints landscape with its
figures, the whole annual document keeps its page count, and the first page renders to an image.

Usage: pdf_test.py JIXIAO_BINARY   — needs weasyprint, fonts-arphic-uming, poppler-utils.
Prints 'N passed, N failed'.
"""
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from tally import Tally  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEED = os.path.join(ROOT, "Tests", "JixiaoPublishTests", "Fixtures", "seed.txt")
# Pages of the whole 2021 annual document (第一部分 + 第二部分) as laid out by templates/.
ANNUAL_PAGES = 22


def seed_tables():
    """(title, cells) per table, the cells in reading order, read as the fidelity tests do."""
    text = open(SEED, encoding="utf-8").read().replace("\r\n", "\n").split("第二部分", 1)[1]
    tables, title, cells, row = [], None, [], None
    for line in text.split("\n"):
        stripped = line.strip()
        if not line.startswith("\t") and stripped.endswith("项目绩效目标表"):
            if title:
                tables.append((title, cells))
            title, cells, row = stripped, [], None
        elif line.startswith("\t"):
            cells.append(line[1:])
        elif stripped == "":
            continue
        elif cells:
            cells[-1] += line
    tables.append((title, cells))
    return tables


def squeeze(text):
    return re.sub(r"\s+", "", text)


def main():
    binary = os.path.abspath(sys.argv[1])
    tally = Tally()
    check = tally.check

    with tempfile.TemporaryDirectory() as scratch:
        out = os.path.join(scratch, "output")
        result = subprocess.run([binary, "publish", os.path.join(ROOT, "data"), "--out", out,
                                 "--templates", os.path.join(ROOT, "templates"), "--pdf", "-q"],
                                capture_output=True, text=True)
        check(result.returncode == 0, f"publish --pdf: {result.stderr[-2000:]}")
        for title, cells in seed_tables():
            name = title[: -len("项目绩效目标表")]
            pdf = os.path.join(out, "2021", "项目", name + ".pdf")
            text = squeeze(subprocess.run(["pdftotext", "-raw", pdf, "-"], capture_output=True, text=True).stdout)
            position = 0
            for cell in (squeeze(c) for c in cells):
                if not cell:
                    continue
                # Goals are printed as 目标1…目标2… in one cell, as in the seed.
                found = text.find(cell, position)
                if found < 0:
                    check(False, f"{name}: cell not found in order: {cell[:30]}")
                    break
                position = found + len(cell)
            else:
                check(True, "")
            fonts = subprocess.run(["pdffonts", pdf], capture_output=True, text=True).stdout.splitlines()[2:]
            check(fonts and all(" yes " in f for f in fonts), f"{name}: fonts not all embedded: {fonts}")
            check(any("UMing" in f for f in fonts), f"{name}: no embedded CJK font")
        # 项目支出绩效目标执行监控表: landscape A4, its figures as the page prints them, set in the
        # form's own face only (a character it lacks would pull in a slow fallback font).
        monitoring = os.path.join(out, "2021", "监控", "墓穴安置经费.pdf")
        text = squeeze(subprocess.run(["pdftotext", "-raw", monitoring, "-"], capture_output=True, text=True).stdout)
        for cell in ("项目支出绩效目标执行监控表", "1—7月执行率", "25.00%", "58.42%", "落后33.42个百分点", "完全不可能"):
            check(cell in text, f"monitoring table: {cell} not in the PDF")
        info = subprocess.run(["pdfinfo", monitoring], capture_output=True, text=True).stdout
        check("841.89 x 595.2" in info, f"monitoring table not landscape A4: {info}")
        fonts = subprocess.run(["pdffonts", monitoring], capture_output=True, text=True).stdout.splitlines()[2:]
        check(fonts and all("UMing" in f for f in fonts), f"monitoring table: fonts other than AR PL UMing: {fonts}")
        annual = os.path.join(out, "2021", "年度绩效目标.pdf")
        info = subprocess.run(["pdfinfo", annual], capture_output=True, text=True).stdout
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
        check(pages == ANNUAL_PAGES, f"the annual document has {pages} pages, not {ANNUAL_PAGES}")
        image = os.path.join(scratch, "first")
        render = subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", annual, image], capture_output=True)
        check(render.returncode == 0 and any(f.startswith("first") for f in os.listdir(scratch)), "pdftoppm failed")
        sizes = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(out) for f in fs if f.endswith(".pdf"))
        print(f"pdf: {sum(1 for d, _, fs in os.walk(out) for f in fs if f.endswith('.pdf'))} PDFs, {sizes / 1e6:.1f} MB; "
              f"annual document {pages} pages")
    tally.finish()


if __name__ == "__main__":
    main()
