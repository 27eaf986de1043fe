#!/usr/bin/env python3
"""Spreadsheet output (`jixiao publish --xlsx`) read back by a real spreadsheet program:
LibreOffice opens every .xlsx of data/2021 (目标表, 自评表, 监控表) and saves it as CSV (the cells as displayed),
and each cell is compared with the data files, read through `jixiao dump` (the parser's
tree, before any rendering). The merged ranges are read from the sheet XML with zipfile.

Usage: xlsx_test.py JIXIAO_BINARY   — needs LibreOffice Calc (Debian: libreoffice-calc).
Prints 'N passed, N failed'.
"""
import csv
import glob
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from tally import Tally  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "data")
YEAR = "2021"
PROJECTS = 14
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
# CSV as LibreOffice's filter names its options: comma, double quote, UTF-8 (76), from row 1.
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1"


def dump(binary, paths):
    """file path → the parsed tree of each data file (every value a string)."""
    lines = subprocess.run([binary, "dump", "--lines", *paths], check=True, capture_output=True,
                           text=True).stdout.splitlines()
    return {record["file"]: record["tree"] for record in map(json.loads, lines)}


def to_csv(files, out, profile):
    """Every file converted by one LibreOffice process with its own profile directory, so
    that runs side by side (or a desktop LibreOffice) do not share a lock."""
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", CSV_FILTER, "--outdir", out, *files],
                   check=True, capture_output=True, timeout=300)
    grids = {}
    for path in files:
        name = os.path.splitext(os.path.basename(path))[0]
        with open(os.path.join(out, name + ".csv"), encoding="utf-8", newline="") as handle:
            grids[name] = list(csv.reader(handle))
    return grids


def merges(path):
    with zipfile.ZipFile(path) as package:
        sheet = ET.fromstring(package.read("xl/worksheets/sheet1.xml"))
    return {cell.get("ref") for cell in sheet.iter(MAIN + "mergeCell")}


def cell(grid, row, column):
    """The text of a cell as displayed ('' beyond the data), row and column 0-based."""
    return grid[row][column] if row < len(grid) and column < len(grid[row]) else ""


def find_row(grid, column, text):
    return next((index for index, row in enumerate(grid) if cell(grid, index, column) == text), None)


def indicator_groups(project):
    """[(一级, [(二级, [indicator…])…])…] in the order of the data file."""
    return [(level1, list(level2s.items())) for level1, level2s in project["绩效指标"].items()]


def expected_merges(first_row, project):
    """The 一级 (column A) and 二级 (column B) merges of the indicator rows, 1-based rows."""
    ranges, row = set(), first_row
    for _, level2s in indicator_groups(project):
        count = sum(len(indicators) for _, indicators in level2s)
        if count > 1:
            ranges.add(f"A{row}:A{row + count - 1}")
        for _, indicators in level2s:
            if len(indicators) > 1:
                ranges.add(f"B{row}:B{row + len(indicators) - 1}")
            row += len(indicators)
    return ranges


def main():
    binary = os.path.abspath(sys.argv[1])
    tally = Tally()
    check = tally.check

    project_files = sorted(glob.glob(os.path.join(DATA, YEAR, "项目", "*.yaml")))
    result_files = [path for path in sorted(glob.glob(os.path.join(DATA, YEAR, "自评", "*.yaml")))
                    if os.path.basename(path) != "部门整体.yaml"]
    projects = {tree["项目名称"]: tree for tree in dump(binary, project_files).values()}
    results = {tree["项目名称"]: tree for tree in dump(binary, result_files).values()}
    monitoring_files = sorted(glob.glob(os.path.join(DATA, YEAR, "监控", "*.yaml")))
    monitored = {tree["项目名称"]: tree for tree in dump(binary, monitoring_files).values()}
    check(set(monitored) == set(projects), f"data/{YEAR}/监控: {len(monitored)} projects, expected {PROJECTS}")
    check(len(projects) == PROJECTS and set(results) == set(projects),
          f"data/{YEAR}: {len(projects)} projects, {len(results)} self-assessments, expected {PROJECTS}")

    with tempfile.TemporaryDirectory() as scratch:
        out = os.path.join(scratch, "output")
        subprocess.run([binary, "publish", DATA, "--out", out, "--templates", os.path.join(ROOT, "templates"),
                        "--xlsx", "-q"], check=True)
        goal_files = sorted(glob.glob(os.path.join(out, YEAR, "项目", "*.xlsx")))
        assessment_files = sorted(glob.glob(os.path.join(out, YEAR, "自评", "*.xlsx")))
        check(len(goal_files) == PROJECTS and len(assessment_files) == PROJECTS,
              f"{len(goal_files)} goal tables and {len(assessment_files)} self-assessments written")
        profile = os.path.join(scratch, "libreoffice-profile")
        goal_grids = to_csv(goal_files, os.path.join(scratch, "csv-goal"), profile)
        assessment_grids = to_csv(assessment_files, os.path.join(scratch, "csv-assessment"), profile)
        monitoring_grids = to_csv(sorted(glob.glob(os.path.join(out, YEAR, "监控", "*.xlsx"))),
                                  os.path.join(scratch, "csv-monitoring"), profile)

        for name, project in projects.items():
            grid, where = goal_grids.get(name), f"项目/{name}.xlsx"
            if grid is None:
                check(False, f"{where}: not written")
                continue
            check(cell(grid, 0, 0) == name + "项目绩效目标表", f"{where}: title {cell(grid, 0, 0)!r}")
            check(cell(grid, 1, 4) == name, f"{where}: 项目名称 {cell(grid, 1, 4)!r}")
            check(cell(grid, 2, 1) == project["资金用途"], f"{where}: 项目资金主要用途")
            plan_row = find_row(grid, 0, "资金支出计划") + 1
            check(grid[plan_row][1:5] == project["资金支出计划"], f"{where}: 资金支出计划 {grid[plan_row][1:5]}")
            goals = "\n".join(f"目标{n}{goal}" for n, goal in enumerate(project["绩效目标"], 1))
            check(cell(grid, plan_row + 1, 1) == goals, f"{where}: 绩效目标")

            header = find_row(grid, 2, "三级指标")
            row = header + 1
            for level1, level2s in indicator_groups(project):
                check(cell(grid, row, 0) == level1, f"{where} A{row + 1}: {cell(grid, row, 0)!r}, expected {level1}")
                for level2, indicators in level2s:
                    check(cell(grid, row, 1) == level2, f"{where} B{row + 1}: {cell(grid, row, 1)!r}, expected {level2}")
                    for indicator in indicators:
                        expected = [indicator["名称"], indicator["描述"], indicator["指标值"], indicator["依据"]]
                        check(grid[row][2:6] == expected, f"{where} row {row + 1}: {grid[row][2:6]}, expected {expected}")
                        row += 1
            check(len(grid) == row, f"{where}: {len(grid) - row} rows after the last indicator")
            found = merges(os.path.join(out, YEAR, "项目", name + ".xlsx"))
            indicator_ranges = {ref for ref in found if int(ref.split(":")[0][1:]) > header + 1}
            wanted = expected_merges(header + 2, project)
            check(indicator_ranges == wanted, f"{where}: indicator merges {sorted(indicator_ranges)}, expected {sorted(wanted)}")

            grid, where = assessment_grids.get(name), f"自评/{name}.xlsx"
            if grid is None:
                check(False, f"{where}: not written")
                continue
            result = results[name]
            check(cell(grid, find_row(grid, 0, "项目名称"), 1) == name, f"{where}: 项目名称")
            funds = find_row(grid, 1, "年度资金总额")
            budget = [result["全年预算数"].removesuffix("万元"), result["全年执行数"].removesuffix("万元")]
            check(grid[funds][3:5] == budget, f"{where}: 全年预算数, 全年执行数 {grid[funds][3:5]}, expected {budget} 万元")
            header = find_row(grid, 2, "三级指标")
            row = header + 1
            for _, level2s in indicator_groups(project):
                for _, indicators in level2s:
                    for indicator in indicators:
                        actual = result["指标"].get(indicator["名称"], {}).get("实际完成值", "")
                        expected = [indicator["名称"], indicator["指标值"], actual]
                        check(grid[row][2:5] == expected, f"{where} row {row + 1}: {grid[row][2:5]}, expected {expected}")
                        row += 1
            check(cell(grid, row, 0) == "总分", f"{where}: 总分 after the indicators")
            found = merges(os.path.join(out, YEAR, "自评", name + ".xlsx"))
            indicator_ranges = {ref for ref in found if header + 1 < int(ref.split(":")[0][1:]) <= row}
            wanted = expected_merges(header + 2, project)
            check(indicator_ranges == wanted, f"{where}: indicator merges {sorted(indicator_ranges)}, expected {sorted(wanted)}")
            check(f"A{funds}:A{funds + 4}" in found, f"{where}: 项目资金（万元） merged over its five rows")

            grid, where = monitoring_grids.get(name), f"监控/{name}.xlsx"
            if grid is None:
                check(False, f"{where}: not written")
                continue
            monitoring = monitored[name]
            check(cell(grid, find_row(grid, 0, "项目名称"), 2) == name, f"{where}: 项目名称")
            funds = find_row(grid, 2, "年度资金总额")
            spent = monitoring["执行数"]["合计"] if isinstance(monitoring["执行数"], dict) else monitoring["执行数"]
            figures = [project["预算"]["合计"].removesuffix("万元"), spent.removesuffix("万元")]
            check(grid[funds][3:5] == figures, f"{where}: 年初预算数, 执行数 {grid[funds][3:5]}, expected {figures} 万元")
            header = find_row(grid, 2, "三级指标")
            row = header + 2  # the boxes' names are the header's second row
            likelihoods = ["确定能", "有可能", "完全不可能"]
            for _, level2s in indicator_groups(project):
                for _, indicators in level2s:
                    for indicator in indicators:
                        progress = monitoring["指标"][indicator["名称"]]
                        expected = [indicator["名称"], indicator["指标值"], progress["实际完成值"], progress["全年预计完成值"]]
                        check(grid[row][2:6] == expected, f"{where} row {row + 1}: {grid[row][2:6]}, expected {expected}")
                        ticks = ["√" if box == progress["完成目标可能性"] else "" for box in likelihoods]
                        check(grid[row][11:14] == ticks, f"{where} row {row + 1}: 完成目标可能性 {grid[row][11:14]}")
                        row += 1
            found = merges(os.path.join(out, YEAR, "监控", name + ".xlsx"))
            indicator_ranges = {ref for ref in found if header + 2 < int(ref.split(":")[0][1:]) <= row}
            wanted = expected_merges(header + 3, project)
            check(indicator_ranges == wanted, f"{where}: indicator merges {sorted(indicator_ranges)}, expected {sorted(wanted)}")

    tally.finish()


if __name__ == "__main__":
    main()
