#!/usr/bin/env python3
"""jixiao as a user meets it outside the repository: command-line mistakes answered in Chinese
(a mistyped subcommand gets a suggestion), templates found from any folder without
--templates, and `make install` / `make uninstall` into a temporary prefix (this builds the
release binary, as `make install` does for a user).

Usage: install_test.py JIXIAO_BINARY   — prints 'N passed, N failed'; exits 1 on any failure.
Everything it makes is under one temporary folder, removed at the end.
"""
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
USAGE_ERROR = 64

failures = []
passed = 0


def check(condition, description, detail=""):
    global passed
    if condition:
        passed += 1
    else:
        failures.append(f"{description}\n{detail}".rstrip())


def run(command, cwd, **options):
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, **options)


def building(work):
    """The environment for `make install`, which builds: the compiler's own temporary folders,
    which it does not always remove, go into this test's folder, removed with it."""
    folder = os.path.join(work, "compiler-tmp")
    os.makedirs(folder, exist_ok=True)
    return dict(os.environ, TMPDIR=folder)


def shown(result):
    return f"exit {result.returncode}\nstdout: {result.stdout[-2000:]}\nstderr: {result.stderr[-2000:]}"


def files_under(folder):
    """Every file, symlink and folder below `folder`, as relative paths."""
    found = set()
    for directory, folders, names in os.walk(folder):
        for name in folders + names:
            found.add(os.path.relpath(os.path.join(directory, name), folder))
    return found


def same_tree(first, second, *excluded):
    """Same files with the same bytes, but for files named as `excluded`."""
    return run(["diff", "-r", *(f"--exclude={name}" for name in excluded), first, second], ROOT).returncode == 0


def command_line_errors(binary, work):
    """Usage errors: Chinese text, a usage hint naming the subcommand, exit status 64, no English."""
    cases = [
        (["chek", "data"], "没有子命令“chek”。您是不是要用：jixiao check", None),
        (["publsh"], "您是不是要用：jixiao publish", None),
        (["nwe", "项目", "甲"], "您是不是要用：jixiao new", None),
        (["publish", "--bogus"], "没有选项 --bogus", "publish"),
        (["check", "data", "--strcit"], "没有选项 --strcit。您是不是要用：--strict", "check"),
        (["publish", "--out"], "选项 --out 后面缺少值", "publish"),
        (["check", "--format", "xml"], "“xml”不是 --format 可以取的值，可选：text、json", "check"),
        (["publish", "--jobs", "many"], "“many”不是 --jobs 可以取的值", "publish"),
        (["publish", "data", "extra"], "多余的参数“extra”", "publish"),
        (["dump"], "缺少参数 <files>", "dump"),
        (["publish", "--quiet=yes"], "选项 --quiet 不带值，却给了“yes”", "publish"),
        (["publish", "--jobs", "0"], "--jobs 至少为 1", "publish"),
        (["new", "项目", "a/b"], "项目名称不能为空", "new"),
        (["new", "监控", "甲", "--as-of", "七月底"], "截至日期“七月底”无法识别", "new"),
        (["new", "自评", "甲", "--as-of", "2021年7月31日"], "--as-of 只用于 jixiao new 监控", "new"),
        (["new", "项目", "甲", "--layout", "四川"], "--layout 与 --standalone 只用于 jixiao new 自评", "new"),
        (["new", "自评", "甲", "--layout", "福建"], "没有名为“福建”的版式；可用：财预〔2020〕10号、默认、四川", "new"),
    ]
    for arguments, message, subcommand in cases:
        result = run([binary] + arguments, work)
        label = "jixiao " + " ".join(arguments)
        check(result.returncode == USAGE_ERROR, f"{label}: exit status {USAGE_ERROR}", shown(result))
        check(message in result.stderr, f"{label}: says “{message}”", shown(result))
        check("Error:" not in result.stderr and "Usage:" not in result.stderr, f"{label}: no English", shown(result))
        if subcommand:
            check(f"查看用法：jixiao {subcommand} --help" in result.stderr, f"{label}: usage hint", shown(result))
    for arguments in (["--help"], ["help", "publish"], ["check", "--help"]):
        result = run([binary] + arguments, work)
        check(result.returncode == 0 and "USAGE:" in result.stdout, f"jixiao {' '.join(arguments)}: argument-parser's help", shown(result))


def templates_from_any_folder(binary, work):
    """Run from a folder with no templates/: the checkout the binary was built from supplies them;
    the default subcommand still takes an existing folder named like nothing in particular."""
    result = run([binary, "data", "--out", "out", "-q"], work)
    check(result.returncode == 0, "jixiao data (default subcommand, no --templates) from a temporary folder publishes", shown(result))
    check(os.path.isfile(os.path.join(work, "out", "2021", "index.html")), "the index page is written")
    empty = os.path.join(work, "no-templates")
    os.mkdir(empty)
    result = run([binary, "publish", "data", "--out", "out-none", "--templates", empty], work)
    check(result.returncode == 1, "--templates without jixiao.xsl fails", shown(result))
    check(empty in result.stderr and "--templates" in result.stderr and "make install" in result.stderr,
          "the failure says where it looked and how to fix it", shown(result))
    check(not os.path.exists(os.path.join(work, "out-none")), "and writes nothing")


def new_monitoring_file(binary, work):
    """`jixiao new 监控`: refuses to overwrite, then writes the scaffold from the goal table at the
    date asked for, which `check` reports as not filled in (JX212) until it is."""
    data = os.path.join(work, "new-data")
    shutil.copytree(os.path.join(ROOT, "data"), data)
    arguments = [binary, "new", "监控", "村级组织经费", "--data", data, "--year", "2021", "--as-of", "2021年6月30日"]
    result = run(arguments, work)
    check(result.returncode == 1 and "已经存在" in result.stderr, "jixiao new 监控 keeps an existing file", shown(result))
    result = run(arguments + ["--force"], work)
    check(result.returncode == 0, "jixiao new 监控 --force writes the file", shown(result))
    path = os.path.join(data, "2021", "监控", "村级组织经费.yaml")
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    check("截至: 2021年6月30日" in text and text.count("完成目标可能性: 待填写") == 7, "the scaffold lists the 7 indicators", text)
    result = run([binary, "check", path], work)
    printed = result.stdout + result.stderr
    check(result.returncode == 1 and "JX212" in printed and "JX7" not in printed,
          "check reports what is still to fill in", shown(result))


def new_standalone_results(binary, work):
    """`jixiao new 自评` without a goal table writes a stand-alone 自评表 in either layout, which
    `check` reports as not filled in (JX212) until it is, then accepts; it publishes as a 自评表
    alone, without a goal table page."""
    for layout in ("财预〔2020〕10号", "四川"):
        data = os.path.join(work, "standalone-" + layout)
        result = run([binary, "new", "自评", "单独的项目", "--data", data, "--year", "2023", "--layout", layout], work)
        check(result.returncode == 0, f"jixiao new 自评 --layout {layout} writes a stand-alone file", shown(result))
        path = os.path.join(data, "2023", "自评", "单独的项目.yaml")
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        check(f"版式: {layout}" in text and "绩效指标:" in text and "\n指标:" not in text, f"{layout}: its own 绩效指标", text)
        result = run([binary, "check", data], work)
        check(result.returncode == 1 and "JX212" in result.stdout + result.stderr, f"{layout}: check lists what is to fill in", shown(result))
        annual, spent = ("调整后预算数", "预算执行数") if layout == "四川" else ("全年预算数", "全年执行数")
        for old, new in ((f"年初预算数: 待填写", "年初预算数: 100万元"), (f"{annual}: 待填写", f"{annual}: 100万元"),
                         (f"{spent}: 待填写", f"{spent}: 95万元"), ("实际完成值: 待填写", "实际完成值: 96%"),
                         ("年度指标值: 待填写", "年度指标值: 95" if layout == "四川" else "年度指标值: ≥95%")):
            text = text.replace(old, new)
        for number in range(3):
            text = text.replace("名称: 待填写", f"名称: 指标{number + 1}", 1)
        text = text.replace("待填写", "照表填写")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
        result = run([binary, "check", data], work)
        check(result.returncode == 0 and "JX" not in result.stdout + result.stderr, f"{layout}: filled in, check accepts it without a finding", shown(result))
        result = run([binary, "publish", data, "--out", os.path.join(work, "out-" + layout), "-q"], work)
        out = os.path.join(work, "out-" + layout, "2023")
        check(result.returncode == 0 and os.path.isfile(os.path.join(out, "自评", "单独的项目.html"))
              and not os.path.exists(os.path.join(out, "项目")), f"{layout}: publishes the 自评表 alone", shown(result))


def install_and_uninstall(work):
    """`make install PREFIX=…` into a prefix that already holds someone else's files; the installed
    binary, run from elsewhere (directly and through a symlink), uses the installed templates and
    publishes what the checkout's binary publishes; `make uninstall` leaves the prefix as it was."""
    prefix = os.path.join(work, "prefix")
    for own in ("bin/other-tool", "share/other/readme.txt"):
        os.makedirs(os.path.dirname(os.path.join(prefix, own)), exist_ok=True)
        with open(os.path.join(prefix, own), "w") as handle:
            handle.write("not jixiao's\n")
    before = files_under(prefix)
    result = run(["make", "install", f"PREFIX={prefix}"], ROOT, env=building(work))
    check(result.returncode == 0, "make install PREFIX=<temporary folder>", shown(result))
    installed = os.path.join(prefix, "bin", "jixiao")
    share = os.path.join(prefix, "share", "jixiao", "templates")
    check(os.access(installed, os.X_OK), "the program is installed and executable")
    if not os.access(installed, os.X_OK):
        return
    check(same_tree(share, os.path.join(ROOT, "templates")), "the templates are installed, templates/xlsx/ included")

    elsewhere = os.path.join(work, "elsewhere")
    os.mkdir(elsewhere)
    os.symlink(installed, os.path.join(elsewhere, "jixiao-link"))
    for program, out in ((installed, "installed-out"), ("./jixiao-link", "linked-out")):
        result = run([program, "publish", os.path.join(work, "data"), "--out", out], elsewhere)
        check(result.returncode == 0, f"{program} publish, run from another folder", shown(result))
        check(f"编译模板 {share}" in result.stdout, f"{program} uses the installed templates", shown(result))
    # The manifests differ: each records the digest of the program that wrote it.
    check(same_tree(os.path.join(elsewhere, "installed-out"), os.path.join(work, "out"), ".jixiao-manifest.json"),
          "the installed program publishes the same pages as the checkout's")

    # Someone's own stylesheet put beside the installed ones is not make install's to remove.
    mine = os.path.join(share, "mine.xsl")
    with open(mine, "w") as handle:
        handle.write("<!-- mine -->\n")
    result = run(["make", "uninstall", f"PREFIX={prefix}"], ROOT)
    check(result.returncode == 0, "make uninstall PREFIX=<temporary folder>", shown(result))
    check(files_under(prefix) == before | {"share/jixiao", "share/jixiao/templates", "share/jixiao/templates/mine.xsl"},
          "make uninstall removes the installed files and nothing else", "\n".join(sorted(files_under(prefix))))
    os.remove(mine)
    result = run(["make", "uninstall", f"PREFIX={prefix}"], ROOT)
    check(files_under(prefix) == before, "once the folder is empty, a second make uninstall removes share/jixiao too",
          "\n".join(sorted(files_under(prefix))))

    stage = os.path.join(work, "stage")
    result = run(["make", "install", f"DESTDIR={stage}", "PREFIX=/opt/jixiao"], ROOT, env=building(work))
    check(result.returncode == 0 and os.path.isfile(os.path.join(stage, "opt/jixiao/bin/jixiao"))
          and os.path.isfile(os.path.join(stage, "opt/jixiao/share/jixiao/templates/jixiao.xsl")),
          "make install honours DESTDIR", shown(result))
    run(["make", "uninstall", f"DESTDIR={stage}", "PREFIX=/opt/jixiao"], ROOT)
    check(files_under(stage) == {"opt", "opt/jixiao", "opt/jixiao/bin", "opt/jixiao/share"},
          "make uninstall honours DESTDIR", "\n".join(sorted(files_under(stage))))


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    binary = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory(prefix="jixiao-install-") as work:
        shutil.copytree(os.path.join(ROOT, "data"), os.path.join(work, "data"))
        command_line_errors(binary, work)
        templates_from_any_folder(binary, work)
        new_monitoring_file(binary, work)
        new_standalone_results(binary, work)
        install_and_uninstall(work)
    for failure in failures:
        print("FAIL", failure)
    print(f"{passed} passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
