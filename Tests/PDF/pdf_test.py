#!/usr/bin/env python3
"""PDF output (`jixiao publish --pdf`): each goal table's PDF holds every cell of the seed in
order, fonts are embedded CJK TrueType faces (AR PL UMing only: no Japanese or sans fallback,
figures included), every PDF keeps its page count, no page holds only a line or two of text,
a monitoring table prints landscape with its figures, and the first page renders to an image.

The template inputs of Tests/Fixtures/layout-xml (the Sichuan layout, 不适用 rows, a value column per
recipient), rendered with xsltproc and printed as jixiao does, are each one page in the expected
orientation, showing the printed figures (not the computed ones a 原文如此 keeps off the form).

Usage: pdf_test.py JIXIAO_BINARY   — needs weasyprint, fonts-arphic-uming, poppler-utils, xsltproc.
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


FIXTURE_XML = os.path.join(ROOT, "Tests", "Fixtures", "layout-xml")
# Each form of Tests/Fixtures/layout-xml: its orientation (one page), and texts its PDF shows,
# in order; and texts it must not show (a computed value that differs from the printed one).
FIXTURE_FORMS = {
    "四川-自评-青神县工资性支出": ("landscape", ["报表编号：510000_0013zp", "部门预算项目支出绩效自评表", "51000021R000000019951-工资性支出",
                                       "实施单位（盖章）", "预算执行情况（10分）", "调整后预算数", "总额", "238.93", "251.89", "100.00%10",
                                       "1.预算执行率=预算执行数/调整后预算数", "其中：财政资金", "财政专户管理资金", "0.00%//", "单位资金",
                                       "其他资金", "绩效指标（90分）", "指标性质", "度量单位",
                                       "产出指标（60分）", "发放(缴纳)覆盖率", "=100%60", "合计100", "评价结论", "项目负责人：",
                                       "财务负责人："], ["10.00"]),
    "四川-自评-不适用与原文如此": ("landscape", ["预算执行情况（20分）", "83.50%2018管网维修招标结余16.5万元", "93%//部分维修项目结余",
                                        "绩效指标（80分）", "产出指标（60分）",
                                        "水质达标率≥95%97%3030.00", "新建工程验收合格率//////", "合计10096.67",
                                        "项目负责人：张三", "财务负责人：李四", "对于不适用部分评价对象的评价指标"], ["16.70"]),
    "默认-自评-不适用与原文如此": ("landscape", ["报表编号：510000_0013zp", "项目支出绩效自评表", "年度资金总额10010083.52083.50%18",
                                        "水质达标率≥95%97%3030.00", "新建工程验收合格率////", "总分10096.67等级：优",
                                        "总分按适用指标的得分与分值折算为百分制", "评价结论", "对于不适用部分评价对象的评价指标"], ["16.70"]),
    "四川-目标-青神县工资性支出": ("portrait", ["项目支出绩效目标表", "51000021R000000019951-工资性支出", "指标性质", "度量单位",
                                        "发放(缴纳)覆盖率=100%", "工资发放时间定性每月15日前", "结余率≤5%",
                                        "填表人李四", "注：1.一级指标分值统一设置为"], []),
    "默认-目标-分项指标值": ("landscape", ["指标值东庄镇月塘镇东峤镇笏石镇", "≥120座40302822", "≥60个18151512"], []),
    "四川-目标-分项指标值": ("landscape", ["东庄镇月塘镇东峤镇笏石镇", "≥120座40302822", "≥60个18151512"], []),
}


def fixture_forms(scratch, check):
    """The forms of Tests/Fixtures/layout-xml as pages (xsltproc) and PDFs (WeasyPrint, as jixiao
    prints them): one page each, in the orientation and with the texts of FIXTURE_FORMS."""
    out = os.path.join(scratch, "layout-xml")
    os.makedirs(out)
    css = open(os.path.join(ROOT, "templates", "jixiao.css"), encoding="utf-8").read()
    for name, (orientation, shown, hidden) in FIXTURE_FORMS.items():
        page = os.path.join(out, name + ".html")
        result = subprocess.run(["xsltproc", "--stringparam", "page.css", css, "-o", page,
                                 os.path.join(ROOT, "templates", "jixiao.xsl"), os.path.join(FIXTURE_XML, name + ".xml")],
                                capture_output=True, text=True)
        check(result.returncode == 0, f"xsltproc {name}: {result.stderr[-2000:]}")
        pdf = page[: -len(".html")] + ".pdf"
        subprocess.run(["/usr/bin/python3", "-c", "import sys, logging; from weasyprint import HTML; "
                        "logging.getLogger('weasyprint').setLevel(logging.ERROR); HTML(filename=sys.argv[1]).write_pdf(sys.argv[2])",
                        page, pdf], check=True)
        check(page_count(pdf) == 1, f"{name}: {page_count(pdf)} pages, not 1")
        info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
        size = "841.89 x 595.2" if orientation == "landscape" else "595.2"
        check(re.search(r"Page size:\s+" + re.escape(size), info) is not None, f"{name}: not {orientation} A4: {info}")
        text = squeeze(subprocess.run(["pdftotext", "-raw", pdf, "-"], capture_output=True, text=True).stdout)
        position = 0
        for cell in map(squeeze, shown):
            found = text.find(cell, position)
            check(found >= 0, f"{name}: {cell} not in the PDF in order")
            position = found + len(cell) if found >= 0 else position
        for cell in hidden:
            check(cell not in text, f"{name}: shows {cell}, a computed value the form leaves to the review page")


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
        fixture_forms(scratch, check)
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
