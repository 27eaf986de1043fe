#!/usr/bin/env python3
"""PDF output (`jixiao publish --pdf`): each goal table's PDF holds every cell of the seed in
order, fonts are embedded CJK TrueType faces (AR PL UMing only: no Japanese or sans fallback,
figures included), every PDF keeps its page count, no page holds only a line or two of text,
a monitoring table prints landscape with its figures, and the first page renders to an image.

Usage: pdf_test.py JIXIAO_BINARY   — needs weasyprint, fonts-arphic-uming, poppler-utils.
Prints 'N passed, N failed'.
"""
import os
import re
import subprocess
import sys
import tempfile
from xml.etree import ElementTree

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from tally import Tally  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEED = os.path.join(ROOT, "Tests", "JixiaoPublishTests", "Fixtures", "seed.txt")
# Pages of each PDF of the 2021 data as laid out by templates/: every goal table and every
# project's 自评表 on one page; the annual document (cover, 目录, 第一部分 on 6 pages, 14 goal
# tables); the report (8 pages of text and figures, 14 landscape 自评表, the department's 自评 on
# 3 pages); the monitoring summary (its table; the figure and 二; 三 with its notes on a page of
# its own); every monitoring table on one landscape page; the review's 26 findings on 4 pages.
PAGES = {"年度绩效目标.pdf": 22, "绩效自评报告.pdf": 25, "部门整体绩效目标.pdf": 6, "自评/部门整体.pdf": 5,
         "绩效运行监控.pdf": 3, "绩效目标审核.pdf": 4}
PROJECT_PAGES = 1
# The text of a page, its footer aside, runs down at least this share of the page's height (a
# goal table pushing one row onto a page of its own covered 6 %, a 自评表's last rows 7 to 16 %);
# the annual document's cover (its first page: title and unit) is the one exception.
LEAST_EXTENT = 0.25


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


def page_count(pdf):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def page_lines(pdf):
    """Each page's lines of text, top to bottom, its footer (the text in the bottom margin, run
    together), and the share of the page's height that the other text runs down."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], capture_output=True, text=True).stdout
    root = ElementTree.fromstring(re.sub(r'xmlns="[^"]*"', "", xml, count=1))
    pages = []
    for page in root.iter("page"):
        height = float(page.get("height"))
        lines = sorted((float(line.get("yMin")), float(line.get("xMin")), "".join(w.text or "" for w in line.iter("word")),
                        float(line.get("yMax"))) for line in page.iter("line"))
        body = [line for line in lines if line[0] < 0.92 * height]
        footer = "".join(line[2] for line in lines if line[0] >= 0.92 * height)
        extent = (max(line[3] for line in body) - min(line[0] for line in body)) / height if body else 0
        pages.append(([line[2] for line in body], footer, extent))
    return pages


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
        # 项目支出绩效目标执行监控表: landscape A4, its figures as the page prints them.
        monitoring = os.path.join(out, "2021", "监控", "墓穴安置经费.pdf")
        text = squeeze(subprocess.run(["pdftotext", "-raw", monitoring, "-"], capture_output=True, text=True).stdout)
        for cell in ("项目支出绩效目标执行监控表", "1—7月执行率", "25.00%", "58.42%", "落后33.42个百分点", "完全不可能"):
            check(cell in text, f"monitoring table: {cell} not in the PDF")
        info = subprocess.run(["pdfinfo", monitoring], capture_output=True, text=True).stdout
        check("841.89 x 595.2" in info, f"monitoring table not landscape A4: {info}")
        year = os.path.join(out, "2021")
        pdfs = sorted(os.path.relpath(os.path.join(d, f), year) for d, _, fs in os.walk(year) for f in fs if f.endswith(".pdf"))
        check(len(pdfs) == 3 * 14 + 6, f"{len(pdfs)} PDFs: {pdfs}")
        for pdf in pdfs:
            path = os.path.join(year, pdf)
            pages = page_count(path)
            expected = PAGES.get(pdf, PROJECT_PAGES)
            check(pages == expected, f"{pdf} has {pages} pages, not {expected}")
            for page, (lines, footer, extent) in enumerate(page_lines(path), start=1):
                if pdf == "年度绩效目标.pdf" and page == 1:
                    check(squeeze("".join(lines)) == "2021年度绩效目标街道办事处" and not footer,
                          f"{pdf}: the cover is not title and unit alone: {lines} {footer}")
                    continue
                check(f"第{page}页共{pages}页" in footer and "街道办事处2021年" in footer,
                      f"{pdf} page {page}: the footer is not 街道办事处 2021年 … 第{page}页 共{pages}页: {footer}")
                check(extent >= LEAST_EXTENT, f"{pdf} page {page} is nearly empty ({extent:.0%} of its height): {lines}")
            fonts = subprocess.run(["pdffonts", path], capture_output=True, text=True).stdout.splitlines()[2:]
            check(fonts and all("UMing" in f for f in fonts), f"{pdf}: a face other than AR PL UMing: {fonts}")
        annual = os.path.join(year, "年度绩效目标.pdf")
        pages = page_count(annual)
        image = os.path.join(scratch, "first")
        render = subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", annual, image], capture_output=True)
        check(render.returncode == 0 and any(f.startswith("first") for f in os.listdir(scratch)), "pdftoppm failed")
        sizes = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(out) for f in fs if f.endswith(".pdf"))
        print(f"pdf: {sum(1 for d, _, fs in os.walk(out) for f in fs if f.endswith('.pdf'))} PDFs, {sizes / 1e6:.1f} MB; "
              f"annual document {pages} pages")
    tally.finish()


if __name__ == "__main__":
    main()
