#!/usr/bin/env python3
"""`make bench`: Jixiao against the baselines a user would reach for, measured in one run on
the same files, each figure the median of several runs, ratios taken pair by pair.
Writes the table to BENCHMARKS.md.

Usage: bench.py [--sizes 100,1000,10000] [--runs 3] [--district 200x50]
                [--baseline OTHER_JIXIAO --baseline-name NAME [--baseline-templates ITS_TEMPLATES]]
"""
import argparse
import datetime
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
JIXIAO = os.path.join(ROOT, ".build", "release", "jixiao")
PARSE_BENCH = os.path.join(HERE, ".build", "release", "ParseBench")
TEMPLATES = os.path.join(ROOT, "templates")
WORK = os.path.join(ROOT, ".build", "bench")


def timed(command, runs, output=None):
    """Median wall time of `command` over `runs` runs; standard output goes to `output`. Each
    run starts once the kernel has written out what the one before wrote (`sync`): the
    programs compared write 100–400 MB each, and the next one would wait for that."""
    times = []
    for _ in range(runs):
        os.sync()
        start = time.monotonic()
        with open(output or os.devnull, "wb") as sink:
            result = subprocess.run(command, stdout=sink, stderr=subprocess.PIPE)
        times.append(time.monotonic() - start)
        if result.returncode != 0:
            sys.exit(f"{os.path.basename(command[0])} failed ({result.returncode}): {result.stderr.decode()[-500:]}")
    return statistics.median(times)


def xsltproc_seconds(xml_files, css, runs, output):
    """Median wall time of xsltproc applying the templates to every file, in as few processes
    as the system's argument limit allows (each run of them in turn; their times add up)."""
    batch = 4000
    times = []
    for _ in range(runs):
        total = 0.0
        for start in range(0, len(xml_files), batch):
            total += timed(["xsltproc", "--stringparam", "page.css", css, os.path.join(TEMPLATES, "jixiao.xsl"),
                            *xml_files[start:start + batch]], 1, output=output)
        times.append(total)
    return statistics.median(times)


def emitted_xml(folder, name):
    """The XML `jixiao publish --emit-xml` feeds libxslt for the data in `folder`, each
    distinct document once: a project's table is written out twice (a part of its page and of
    a long document) but transformed once."""
    xml = os.path.join(WORK, f"xml-{name}")
    shutil.rmtree(xml, ignore_errors=True)
    subprocess.run([JIXIAO, "publish", folder, "--out", os.path.join(WORK, "scratch"), "--templates", TEMPLATES,
                    "--emit-xml", xml, "-q"], check=True)
    distinct = {}
    for path in sorted(os.path.join(d, f) for d, _, fs in os.walk(xml) for f in fs if f.endswith(".xml")):
        with open(path, "rb") as handle:
            distinct.setdefault(handle.read(), path)
    return sorted(distinct.values())


def peak_rss_mb(command):
    """Peak RSS of one run of `command` (a fresh interpreter measures just that child)."""
    probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
             "stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", probe, *command], check=True, capture_output=True, text=True).stdout
    return int(out.strip()) / 1024


def data_for(size):
    folder = os.path.join(WORK, f"data-{size}")
    if not os.path.isdir(folder):
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), str(size), folder], check=True)
    return folder


def district_for(units, projects):
    folder = os.path.join(WORK, f"district-{units}x{projects}")
    if not os.path.isdir(folder):
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), str(projects), folder, "--units", str(units)],
                       check=True)
    return folder


def district_rows(shape, runs, publish, css, xsltproc_out):
    """The district "UxP": U units of P projects each (data/<单位>/<年度>/), held to the single
    unit's targets: a full publish (every unit's pages, the index of units, the roll-up) against
    xsltproc on the same XML, run for run in turn; then republishing unchanged and with one
    project changed, each against the full publish of its round."""
    units, projects = (int(n) for n in shape.lower().split("x"))
    district = district_for(units, projects)
    scale = f"{units} 个单位 × {projects} 个项目"
    out = os.path.join(WORK, "out-district")
    command = [JIXIAO, "publish", district, "--out", out, "--templates", TEMPLATES, "-q", "--full"]
    xml = emitted_xml(district, "district")
    pairs = [(timed(command, 1), xsltproc_seconds(xml, css, 1, xsltproc_out)) for _ in range(runs)]
    seconds, xsltproc = (statistics.median(side) for side in zip(*pairs))
    rss = peak_rss_mb(command)
    single = f"；{seconds / publish[units * projects]:.2f}× 同样 {units * projects} 张表的单一单位发布" \
        if units * projects in publish else ""
    rounds = republish_rounds(JIXIAO, district, out, runs)
    full, unchanged, changed = (statistics.median(times) for times in zip(*rounds))
    return [("发布（多单位）", scale,
             f"jixiao publish {seconds:.2f} s，峰值内存 {rss:.0f} MB；xsltproc 同一批 XML {xsltproc:.2f} s",
             f"jixiao/xsltproc = {statistics.median(a / b for a, b in pairs):.2f}×（逐对比值的中位数）{single}"),
            ("重新发布（多单位）", scale,
             f"未改动 {unchanged:.2f} s；改动一个项目 {changed:.2f} s；同一轮的完整发布 {full:.2f} s",
             f"{share(rounds, 1):.0%} 与 {share(rounds, 2):.0%} 的完整发布时间（逐轮比值的中位数）")]


def goals_only(folder):
    """The same projects before year end: their goals, without any results file (the budget
    submission publishes the goal tables and the annual document)."""
    goals = folder + "-goals"
    if not os.path.isdir(goals):
        shutil.copytree(folder, goals, ignore=shutil.ignore_patterns("自评"))
    return goals


def pyyaml_mbps(folder, runs):
    texts = []
    for directory, _, names in os.walk(folder):
        for name in names:
            if name.endswith(".yaml"):
                with open(os.path.join(directory, name), encoding="utf-8") as handle:
                    texts.append(handle.read())
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    times = []
    for _ in range(runs):
        start = time.monotonic()
        for text in texts:
            yaml.load(text, Loader=yaml.CBaseLoader)
        times.append(time.monotonic() - start)
    return size / statistics.median(times)


PYTHON_PIPELINE = r'''
import os, sys, yaml
from lxml import etree
data, out, templates = sys.argv[1:4]
# With "annual": the annual document too (all the tables in one document, one transform).
annual = etree.Element("annual", year="2021", unit="", **{"index-href": "index.html"}) if sys.argv[4:] == ["annual"] else None
css = open(os.path.join(templates, "jixiao.css"), encoding="utf-8").read()
transform = etree.XSLT(etree.parse(os.path.join(templates, "jixiao.xsl")))
folder = os.path.join(data, "2021", "项目")
os.makedirs(os.path.join(out, "项目"), exist_ok=True)
def add(parent, tag, text=None, **attributes):
    element = etree.SubElement(parent, tag, {k.replace("_", "-"): str(v) for k, v in attributes.items()})
    if text is not None:
        element.text = str(text)
    return element
for name in sorted(os.listdir(folder)):
    with open(os.path.join(folder, name), encoding="utf-8") as handle:
        p = yaml.load(handle, Loader=yaml.CLoader)
    root = etree.Element("project", year="2021", unit="", **{"index-href": "../index.html"})
    add(root, "code", p.get("项目编码", "")); add(root, "name", p["项目名称"]); add(root, "purpose", p["资金用途"])
    budget = add(root, "budget", total=p["预算"]["合计"])
    plan = add(root, "plan")
    for n, share in enumerate(p["资金支出计划"], 1): add(plan, "quarter", share, n=n)
    goals = add(root, "goals")
    for n, goal in enumerate(p["绩效目标"], 1): add(goals, "goal", goal, n=n)
    indicators = add(root, "indicators")
    for level1, groups in p["绩效指标"].items():
        l1 = add(indicators, "level1", name=level1)
        for level2, rows in groups.items():
            l2 = add(l1, "level2", name=level2)
            for row in rows:
                i = add(l2, "indicator")
                add(i, "name", row["名称"]); add(i, "description", row["描述"])
                add(i, "value", row["指标值"], kind="comparison"); add(i, "basis", row["依据"])
    result = transform(etree.ElementTree(root), **{"page.css": etree.XSLT.strparam(css)})
    with open(os.path.join(out, "项目", name[:-5] + ".html"), "wb") as handle:
        handle.write(bytes(result))
    if annual is not None:
        del root.attrib["index-href"]
        annual.append(root)
if annual is not None:
    result = transform(etree.ElementTree(annual), **{"page.css": etree.XSLT.strparam(css)})
    with open(os.path.join(out, "年度绩效目标.html"), "wb") as handle:
        handle.write(bytes(result))
'''


def republish_rounds(jixiao, folder, out, runs, templates=TEMPLATES):
    """Round by round, each republish against the full publish just before it (the machine's
    speed drifts over the minutes a bench takes): (full publish, nothing changed, one project
    changed). The change is made anew each round, always to the same file."""
    command = [jixiao, "publish", folder, "--out", out, "--templates", templates, "-q"]
    # The first goal table in the folder: the single unit's data/2021/项目, or the first unit's.
    project = min(os.path.join(d, f) for d, _, fs in os.walk(folder) if os.path.basename(d) == "项目"
                  for f in fs if f.endswith(".yaml"))
    with open(project, encoding="utf-8") as handle:
        original = handle.read()
    rounds = []
    try:
        for run in range(runs):
            full = timed(command + ["--full"], 1)
            unchanged = timed(command, 1)
            with open(project, "w", encoding="utf-8") as handle:
                handle.write(original.replace('项目编码: ""', f'项目编码: "B-{run}"', 1))
            # A correction comes some time after the last publish, not while the kernel is still
            # writing its 400 MB out: let the writeback finish first, or the republish waits on it.
            os.sync()
            rounds.append((full, unchanged, timed(command, 1)))
            with open(project, "w", encoding="utf-8") as handle:
                handle.write(original)
    finally:
        with open(project, "w", encoding="utf-8") as handle:
            handle.write(original)
    return rounds


def share(rounds, which):
    """A republish of each round over that round's full publish, the median of the rounds."""
    return statistics.median(times[which] / times[0] for times in rounds)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--district", default="200x50",
                        help="units x projects of the district case (a data folder of units); empty: none")
    parser.add_argument("--baseline", help="another jixiao binary to compare with, run for run in turn")
    parser.add_argument("--baseline-name", default="对照", help="what the baseline is, for the table")
    parser.add_argument("--baseline-templates", default=TEMPLATES,
                        help="the templates the baseline was made with, where this version's no longer fit it")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    largest = sizes[-1]
    os.makedirs(WORK, exist_ok=True)
    rows = []

    # 1. Parse throughput on the largest data set: the three parsers one after another in
    #    each round, the ratios taken round by round (the machine's speed drifts).
    folder = data_for(largest)
    rounds = []
    for _ in range(args.runs):
        parse = yaml.safe_load(subprocess.run([PARSE_BENCH, folder, "1"], check=True,
                                              capture_output=True, text=True).stdout)
        rounds.append((parse["ours_mbps"], parse["yams_mbps"], pyyaml_mbps(folder, 1)))
    ours, yams, pyyaml = (statistics.median(r[i] for r in rounds) for i in range(3))
    to_yams = statistics.median(r[0] / r[1] for r in rounds)
    to_pyyaml = statistics.median(r[0] / r[2] for r in rounds)
    rows.append(("解析", f"N={largest}（{parse['megabytes']:.1f} MB，{parse['files']} 个文件）",
                 f"Jixiao {ours:.1f} MB/s；Yams {yams:.1f} MB/s；PyYAML CBaseLoader {pyyaml:.1f} MB/s",
                 f"Jixiao/Yams = {to_yams:.1f}×；Jixiao/PyYAML = {to_pyyaml:.1f}×（逐轮比值的中位数）"))

    # 2. Publish against xsltproc on the same XML and a Python pipeline; 3. memory.
    with open(os.path.join(TEMPLATES, "jixiao.css"), encoding="utf-8") as handle:
        css = handle.read()
    xsltproc_out = os.path.join(WORK, "xsltproc-out.html")
    publish = {}
    for size in sizes:
        folder = data_for(size)
        out = os.path.join(WORK, f"out-{size}")
        # --full: every run does all the work (the next one would otherwise find nothing changed).
        command = [JIXIAO, "publish", folder, "--out", out, "--templates", TEMPLATES, "-q", "--full"]
        if size != largest:
            publish[size] = timed(command, args.runs)
        else:
            # Run by run in turn, so that both see the same machine: this one's speed drifts
            # by a factor of two within an hour. Each ratio is one pair's.
            xml = emitted_xml(folder, size)
            python_command = [sys.executable, "-c", PYTHON_PIPELINE, folder, os.path.join(WORK, "python-out"), TEMPLATES]
            triples = [(timed(command, 1), xsltproc_seconds(xml, css, 1, xsltproc_out), timed(python_command, 1))
                       for _ in range(args.runs)]
            publish[size], xsltproc, python = (statistics.median(t[i] for t in triples) for i in range(3))
            to_xsltproc = statistics.median(ours / theirs for ours, theirs, _ in triples)
            to_python = statistics.median(theirs / ours for ours, _, theirs in triples)
        rss = peak_rss_mb(command)
        rows.append(("发布", f"N={size}", f"jixiao publish {publish[size]:.2f} s，峰值内存 {rss:.0f} MB", ""))
    size = largest
    folder = data_for(size)
    rows.append(("发布对比", f"N={size}",
                 f"jixiao {publish[size]:.2f} s；xsltproc 同一批 XML {xsltproc:.2f} s；Python（PyYAML C + lxml，仅项目表）{python:.2f} s",
                 f"jixiao/xsltproc = {to_xsltproc:.2f}×；Python/jixiao = {to_python:.2f}×（逐对比值的中位数）"))

    # The same projects at the goal stage, where the Python pipeline makes the same documents:
    # every goal table and the annual document holding them all.
    goals = goals_only(folder)
    pairs = [(timed([JIXIAO, "publish", goals, "--out", os.path.join(WORK, "out-goals"), "--templates", TEMPLATES, "-q", "--full"], 1),
              timed([sys.executable, "-c", PYTHON_PIPELINE, goals, os.path.join(WORK, "python-goals"), TEMPLATES, "annual"], 1))
             for _ in range(args.runs)]
    ours, theirs = (statistics.median(p[i] for p in pairs) for i in range(2))
    rows.append(("发布对比（目标阶段）", f"N={size}，没有自评文件",
                 f"jixiao {ours:.2f} s；Python（PyYAML C + lxml，项目表与年度全文）{theirs:.2f} s",
                 f"Python/jixiao = {statistics.median(b / a for a, b in pairs):.2f}×（逐对比值的中位数）"))

    # The 2021 data set itself: 14 tables against one bare xsltproc run on their XML. Both take
    # a few hundredths of a second, where one slow moment of the machine weighs a lot: nine
    # runs each, in turn, and the ratio pair by pair.
    seed = os.path.join(ROOT, "data")
    seed_xml = emitted_xml(seed, "2021")
    small_pairs = [(timed([JIXIAO, "publish", seed, "--out", os.path.join(WORK, "out-2021"), "--templates", TEMPLATES,
                           "-q", "--full"], 1),
                    xsltproc_seconds(seed_xml, css, 1, xsltproc_out)) for _ in range(max(args.runs, 9))]
    small, small_xsltproc = (statistics.median(side) for side in zip(*small_pairs))
    rows.append(("发布对比", "2021 年数据（14 张表）", f"jixiao {small:.3f} s；xsltproc 同一批 XML {small_xsltproc:.3f} s",
                 f"jixiao/xsltproc = {statistics.median(a / b for a, b in small_pairs):.2f}×（逐对比值的中位数，各 {len(small_pairs)} 次）"))

    if args.district:
        rows.extend(district_rows(args.district, args.runs, publish, css, xsltproc_out))

    # 4. Republish into the previous output: nothing changed, and one project changed.
    rounds = republish_rounds(JIXIAO, folder, os.path.join(WORK, f"out-{size}"), args.runs)
    full, unchanged, changed = (statistics.median(times) for times in zip(*rounds))
    rows.append(("重新发布", f"N={size}",
                 f"未改动 {unchanged:.2f} s；改动一个项目 {changed:.2f} s；同一轮的完整发布 {full:.2f} s",
                 f"{share(rounds, 1):.0%} 与 {share(rounds, 2):.0%} 的完整发布时间（逐轮比值的中位数）"))

    # 5. Before and after: another build of Jixiao (`--baseline`, e.g. the commit before a
    #    redesign) on the same data, run for run in turn with this one.
    if args.baseline:
        baseline = os.path.abspath(args.baseline)
        pairs = [(republish_rounds(JIXIAO, folder, os.path.join(WORK, f"out-{size}"), 1)[0],
                  republish_rounds(baseline, folder, os.path.join(WORK, f"baseline-{size}"), 1, args.baseline_templates)[0])
                 for _ in range(args.runs)]
        ours_rss = peak_rss_mb([JIXIAO, "publish", folder, "--out", os.path.join(WORK, f"out-{size}"), "--templates", TEMPLATES,
                                "-q", "--full"])
        base_rss = peak_rss_mb([baseline, "publish", folder, "--out", os.path.join(WORK, f"baseline-{size}"), "--templates",
                                args.baseline_templates, "-q", "--full"])
        for label, side, rss in (("本版", 0, ours_rss), (f"对照（{args.baseline_name}）", 1, base_rss)):
            times = [pair[side] for pair in pairs]
            full, unchanged, changed = (statistics.median(t[i] for t in times) for i in range(3))
            rows.append(("前后对比", f"N={size}，{label}",
                         f"完整发布 {full:.2f} s，峰值内存 {rss:.0f} MB；未改动 {unchanged:.2f} s；改动一个项目 {changed:.2f} s",
                         f"{share(times, 1):.0%} 与 {share(times, 2):.0%} 的完整发布时间"))
        rows.append(("前后对比", f"N={size}", "两个程序逐轮交替运行",
                     f"完整发布 本版/对照 = {statistics.median(a[0] / b[0] for a, b in pairs):.2f}×（逐轮比值的中位数）"))

    machine = f"{platform.machine()}，{os.cpu_count()} 核，{platform.platform()}"
    table = "\n".join(f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows)
    report = f"""# 性能基准

由 `make bench` 生成（`python3 Tests/Benchmarks/bench.py --sizes {args.sizes} --runs {args.runs}`），
{datetime.date.today().isoformat()}，{machine}。每个数字是 {args.runs} 次运行的中位数，比值在同一次运行中成对计算。
数据由 `Tests/Benchmarks/generate.py` 确定性地生成（每个项目一个目标表和一个自评文件，外加部门文件）。

| 项目 | 规模 | 结果 | 比值 |
|---|---|---|---|
{table}
"""
    with open(os.path.join(ROOT, "BENCHMARKS.md"), "w", encoding="utf-8") as handle:
        handle.write(report + NOTES)
    print(report)


NOTES = """
## 说明

- 解析：Jixiao 的解析器与 Yams（底层为 libyaml，`Yams.compose`）在同一个进程里解析同一批已读入内存的文件（`Tests/Benchmarks`
  是单独的 Swift 包，产品本身不依赖 Yams）；PyYAML 用 C 加载器 `CBaseLoader`。三者每一轮依次各测一次，比值逐轮计算后取中位数。
- 发布：`jixiao publish --full`（每次都完整地做全部工作，包括删除被替换下来的上一版输出）。发布对比：xsltproc 把同一套模板
  应用于 `jixiao publish --emit-xml` 写出的同一批 XML（内容相同的 XML 只转换一次：项目表与自评表既是项目页面中的一段、
  又是长文档中的一段，Jixiao 也只转换一次），每个进程至多 4,000 个文件，各进程时间相加，输出写到同一个文件；
  Python 流水线（PyYAML C 加载器 + lxml，同一套模板）只生成项目表，是它所需时间的下限。
- 多单位：`--district 200x50`（`make bench BENCH_DISTRICT=…`，空则不测）生成 200 个单位、每个单位 50 个项目（共 10,000 张目标表
  与自评表，`data/<单位>/2021/…`），完整发布：每个单位的全部页面、单位一览（`index.html`）与年度汇总（`汇总/2021.html`）。
  与单一单位同样的目标：完整发布与 xsltproc 处理同一批 XML 逐轮交替、逐对求比值，并与同样张数的单一单位发布（上表 N=10000）相比；
  重新发布同样逐轮测未改动与改动一个项目（第一个单位的第一个目标表）。
- 目标阶段：同一批项目去掉全部自评文件，即年底之前、预算申报时的情形，两边生成同样的项目表与年度全文。
- 重新发布：在上一次的输出上再发布（默认的增量方式）；输出与完整发布逐字节相同（见 `IncrementalPublishTests`）。
  测 3 轮，每轮依次为：完整发布；未改动时重新发布；改动一个项目后重新发布。比值是每一轮的重新发布与同一轮的完整发布之比，
  取中位数：`make bench` 要十几分钟，机器的快慢在这期间会变。
- 前后对比（`make bench BENCH_BASELINE=另一个 jixiao`）：两个程序在同一次运行中逐轮交替，各自发布到自己的输出目录，
  每轮做同样的完整发布、未改动的重新发布、改动一个项目后的重新发布。
- 每次计时前先 `sync`：比较的程序每次写出 100–400 MB，紧接着计时，下一个程序测到的是等待上一个的写回。
- 峰值内存由 `getrusage(RUSAGE_CHILDREN)` 测得。

## 重设计（一条看得见的流水线，只动自己的输出目录）

重设计之前（783de34）的增量发布为了速度，按文件的大小、修改时间和 inode 判断没有改动，记住每个数据文件的要点以免再次解读，
把替换下来的输出留作备用目录与储备目录以免删除与新建上万个文件；这部分代码约 3,000 行，也正是它会删除或改写用户的文件、
在粗粒度时间戳的文件系统上留下过时的页面。重设计之后：

- 是否沿用只看内容的 SHA-256（swift-crypto）：数据文件、模板、程序本身、输出中的每个文件；清单是输出目录中的一个 JSON 文件，
  与页面一起换入。
- 每次发布都读取、解读、检查并评分全部数据文件（没有要点缓存）；改动一个项目时，只重新生成显示它的页面，
  其余页面从上一版输出硬链接（先核对内容的摘要），长文档中未改动的段从上一版文件复制（同样先核对整个文件的摘要）。
- 没有备用与储备目录：上一版输出在换入之后删除（完整发布时约 1–1.5 s，硬链接为主的重新发布约 0.15 s）。
- 什么都没改时：清单的读取与输出目录的列表在一个核上，数据、模板与程序的摘要在另一个核上；然后在两个核上核对输出中每个文件的内容。

重设计过程中量出、改掉的：为每个文件分配并清零 1 MB 读缓冲区（一次重新发布要清零约 20 GB，未改动时 2.3 s → 1.1 s）；
清单的键按 Unicode 排序（改为按字节、逐行写出）；第 21 号问题的检查用 Foundation 的 `contains` 查找含糊词（占读取的四分之一，
改为先看首字）。早先的优化记录见重设计之前的 BENCHMARKS.md（git 历史）。

## 目标（第 20 号问题）

在第 20 号问题结束时的那一次 `make bench` 中（N=10,000，与 783de34 同一次运行、逐轮交替；783de34 用它自己的模板；那一次的表见 git 历史中的本文件 0f2f690）：

- 达到：完整发布不超过 xsltproc 单独处理同一批 XML 的时间：0.52×。与重设计之前的程序相比 1.16×：第 25 号问题之后每个页面
  更大（内嵌的 CSS 由 7 KB 增至 17 KB，表格文字末尾的两个字包在不断行的 span 里，多了目录与封面），783de34 用它自己较简单的模板，
  两边生成的页面已不相同；第 25 号问题之前的一次运行（同样与 783de34 交替）为 0.90×。
- 达到：未改动时重新发布不超过完整发布的 10%：6% 与 5%。
- 达到：改动一个项目后重新发布不超过完整发布的 30%：26% 与 25%（4.22 s 与 3.78 s）。比值降下来有两个原因，要分开看：
  一是读取、解读、检查与评分变快了——整数算商、指标名按字节对应、单位成本按字节查找、文件名不经 NSString、一级指标按类别求哈希，
  `jixiao check` 在 1,000 个项目上少执行 21% 的指令（cachegrind），用第 25 号问题之前的模板逐轮交替测 3 轮，改动一个项目的重新发布
  由 4.45 s 降到 3.90 s（−12%）；但完整发布也同样变快，那时的比值仍是 30%–35%。二是第 25 号问题之后完整发布多做了工作
  （见上一条），改动一个项目时也要重写两份长文档，绝对时间反而从 3.73 s 增到 4.22 s。下一步：CSS 只嵌入一次或去掉注释（每个页面少写
  几 KB 到十几 KB），并继续把评分中的 `Decimal` 加法与乘法换成整数。
- 达到：峰值内存不超过 300 MB：213–214 MB（N=1,000 为 63 MB）；重设计之前 133 MB（那时模型按批读入又放掉，现在全部留在内存里）。
- 输出与重设计之前逐字节相同（重设计完成时核对，见 git 历史中的本文件）：2021 年数据的全部页面与电子表格相同；3,000 个项目的生成
  数据，除第 21 号问题改正取整后得分变化的 5 个项目外全部相同。此后第 24、25 号问题有意改变了页面。

## 多单位与第 22、23 号问题之后（上表这一次 `make bench`，2026-12-06）

这一次机器比第 20 号问题那次慢（N=10,000 完整发布 25.9 s，当时 16.1 s；xsltproc 43.6 s，当时 31.3 s），后半段（多单位的两行与
N=10,000 的重新发布）与两个正在编译的程序同时运行，只看同一轮内的比值。

- 达到：完整发布不超过 xsltproc：单一单位 0.59×，200 个单位 × 50 个项目 0.60×（多单位与同样张数的单一单位发布之比 1.09×，
  多出的是每个单位的目录、长文档与汇总页）。
- 达到：未改动时重新发布不超过 10%：单一单位 2%，多单位 4%（安静时单独重测 3 轮：0.80–1.09 s，对 21.8–22.8 s，4%）。
- 多单位未达到：改动一个项目后重新发布不超过 30%。上表 42% 是在编译负载下测的；机器安静时单独重测多单位的 3 轮
  （`republish_rounds`，同一份数据）：改动一个项目 7.0–8.6 s，同一轮完整发布 21.8–22.8 s，**35%**。单一单位这一次 15%（负载下）。
  多单位改动一个项目时要重写的只有它的页面、所在单位的长文档与汇总页，但每次发布都要读取、检查、评分全部 10,000 个项目，
  还要为每个单位做审核与年度对比；下一步先量出这几段各占多少，再决定要不要让审核与对比只重做改动了的单位。
- 未达到：峰值内存不超过 300 MB。多单位 274 MB；单一单位 N=10,000 为 403 MB（N=1,000 为 87 MB）。同一台机器上，本轮之前的
  提交 eb03bfe（第 22、23 号问题的第一轮）N=10,000 为 409 MB、N=1,000 为 83 MB，本轮的改动没有加大内存；与第 20 号问题时的
  214 MB 相比，增加的约 20 KB/项目来自第 22 号问题扩充的数据模型与评分结果（一个项目的表在页面与长文档之间共用，全部留在内存中）。
  下一步：在 N=1,000 上逐个提交对比峰值内存，找出增长的那一步（valgrind 读不了 release 版的调试信息，要用 debug 版或 heaptrack）。
"""


if __name__ == "__main__":
    main()
