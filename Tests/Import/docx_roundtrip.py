#!/usr/bin/env python3
"""Round trip through Word and Excel: publish data/2021 with --docx and --xlsx, `jixiao
import` each Word document and each goal table's workbook, and compare every imported table
with the data it was published from. Three kinds of document: our own (publish --docx, and
publish --xlsx for the goal tables), and the published pages converted to .docx by
LibreOffice headless, as a user's Word file made from them would be.

Imported: each of the 14 projects' documents (one table each) and the whole annual
document 年度绩效目标 (the department part's criteria tables, which must be passed over,
and all 14 goal tables). Compared through `jixiao dump --model`: everything the goal table
prints — 项目编码, 项目名称, 资金用途, the budget total and sources read from it,
资金支出计划, 绩效目标, and the indicator tree with each indicator's name, description,
value (and how it was understood) and basis; the annual document's 序号 too. Not compared:
预算.明细, which the data transcribes from the prose by hand and the importer never fills.

LibreOffice also opens our own documents: a goal table, a 自评表 and the annual document
(a sample: one of each kind) convert to PDF without error, on A4 in the orientation of the
printed pages, with their text in it.

Then the command line on documents it cannot read (not a zip, no word/document.xml,
malformed XML, no goal table, an old .doc or .xls): exit status 1 and a message, never a
crash; and an existing file is not overwritten without --force.

Last, the real layouts of Tests/JixiaoPublishTests/Fixtures/import (sources in its README):
the Sichuan 自评表 (.txt, .docx, .xlsx) lands in <data>/2023/自评/, the Fujian goal table with a
value per town (.xlsx) in <data>/2025/项目/, and `jixiao dump` reads each written file.

Usage: docx_roundtrip.py JIXIAO_BINARY   — needs LibreOffice Writer (libreoffice-writer) and
poppler-utils (pdfinfo, pdftotext).
Prints 'N passed, N failed'; exit status 1 on any failure.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from tally import Tally  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROJECTS = os.path.join(ROOT, "data", "2021", "项目")
ANNUAL = "年度绩效目标"


def run(command, **options):
    result = subprocess.run(command, capture_output=True, text=True, **options)
    if result.returncode != 0:
        sys.exit(f"failed ({result.returncode}): {' '.join(command)}\n{result.stdout}{result.stderr}")
    return result.stdout


def models(binary, paths):
    """File name → (decoded model, first diagnostic) through `jixiao dump --model --lines`."""
    result = subprocess.run([binary, "dump", "--model", "--lines", *paths], capture_output=True, text=True)
    found = {}
    for line in result.stdout.splitlines():
        entry = json.loads(line)
        found[os.path.basename(entry["file"])] = (entry["tree"], entry["error"])
    return found


def table_view(model, with_order):
    """What the printed goal table shows, plus the budget read from its prose."""
    budget = dict(model["预算"])
    budget.pop("明细", None)
    view = {key: model[key] for key in ("项目编码", "项目名称", "资金用途", "资金支出计划", "绩效目标", "绩效指标")}
    view["预算"] = budget
    if with_order:
        view["序号"] = model["序号"]
    return view


def differences(expected, got, path=""):
    """Leaf paths where two JSON values differ, with both sides."""
    if isinstance(expected, dict) and isinstance(got, dict):
        return [d for key in sorted(set(expected) | set(got))
                for d in differences(expected.get(key), got.get(key), f"{path}.{key}" if path else key)]
    if isinstance(expected, list) and isinstance(got, list) and len(expected) == len(got):
        return [d for i, (e, g) in enumerate(zip(expected, got)) for d in differences(e, g, f"{path}[{i}]")]
    return [] if expected == got else [f"{path}: expected {json.dumps(expected, ensure_ascii=False)}, "
                                       f"imported {json.dumps(got, ensure_ascii=False)}"]


def command_line_failures(binary, scratch, document, check):
    def package(name, entries):
        path = os.path.join(scratch, name)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for entry, contents in entries.items():
                archive.writestr(entry, contents)
        return path

    word = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{}</w:body></w:document>'
    text_file = os.path.join(scratch, "not-a-zip.docx")
    with open(text_file, "w", encoding="utf-8") as f:
        f.write("这不是 Word 文档\n")
    old_word = os.path.join(scratch, "old.doc")
    with open(old_word, "wb") as f:
        f.write(bytes.fromhex("d0cf11e0a1b11ae1"))
    old_excel = os.path.join(scratch, "old.xls")
    shutil.copy(old_word, old_excel)
    cases = [
        (text_file, "不是 Word 文档"),
        (package("workbook.docx", {"xl/workbook.xml": "<workbook/>"}), "没有 word/document.xml"),
        (package("broken.docx", {"word/document.xml": word.format("<w:p>")}), "不是格式正确的 XML"),
        (package("prose.docx", {"word/document.xml": word.format("<w:p><w:r><w:t>2021年</w:t></w:r></w:p>")}),
         "没有找到绩效目标表或自评表"),
        (old_word, "另存为 .docx"),
        (old_excel, "另存为 .xlsx"),
        (os.path.join(scratch, "missing.docx"), "文件不存在"),
    ]
    for path, expected in cases:
        result = subprocess.run([binary, "import", path, "--out", os.path.join(scratch, "refused")],
                                capture_output=True, text=True)
        check(result.returncode == 1 and expected in result.stderr and result.stderr.startswith(path),
              f"import {os.path.basename(path)}: exit {result.returncode}, stderr {result.stderr.strip()!r}, expected {expected!r}")
        check(not os.path.exists(os.path.join(scratch, "refused")), f"import {os.path.basename(path)} wrote files")

    folder = os.path.join(scratch, "twice")
    run([binary, "import", document, "--out", folder])
    written = os.path.join(folder, os.listdir(folder)[0])
    with open(written, "a", encoding="utf-8") as f:
        f.write("# 手工修改\n")
    again = subprocess.run([binary, "import", document, "--out", folder], capture_output=True, text=True)
    check(again.returncode == 1 and "--force" in again.stderr and open(written, encoding="utf-8").read().endswith("# 手工修改\n"),
          f"an existing file is kept without --force: exit {again.returncode}, {again.stderr.strip()!r}")
    run([binary, "import", document, "--out", folder, "--force"])
    check(not open(written, encoding="utf-8").read().endswith("# 手工修改\n"), "--force overwrites")


def real_layouts(binary, scratch, check):
    fixtures = os.path.join(ROOT, "Tests", "JixiaoPublishTests", "Fixtures", "import")
    cases = [("青神县发展和改革局-2023-自评" + extension, os.path.join("2023", "自评", "工资性支出.yaml"),
              {"版式": "四川", "报表编号": "510000_0013zp", "项目编码": "51000021R000000019951"})
             for extension in (".txt", ".docx", ".xlsx")]
    cases.append(("秀屿区-2025-绩效目标表.xlsx", os.path.join("2025", "项目", "省级第七批水利专项资金.yaml"),
                  {"项目名称": "省级第七批水利专项资金"}))
    for name, written, expected in cases:
        data = os.path.join(scratch, "real", name)
        result = subprocess.run([binary, "import", os.path.join(fixtures, name), "--data", data], capture_output=True, text=True)
        path = os.path.join(data, written)
        check(result.returncode == 0 and os.path.isfile(path), f"import {name}: exit {result.returncode}, {result.stderr.strip()!r}, expected {written}")
        if not os.path.isfile(path):
            continue
        dump = subprocess.run([binary, "dump", path], capture_output=True, text=True)
        tree = json.loads(dump.stdout) if dump.returncode == 0 else {}
        found = {key: tree.get(key) for key in expected}
        check(found == expected, f"import {name}: jixiao dump {written}: exit {dump.returncode}, {found} (expected {expected})")
        if found == expected:
            print(f"ok: import {name} → {written}")


def libreoffice_opens_our_documents(soffice, profile, scratch, ours, name, check):
    """A goal table, a 自评表 and the annual document, each converted to PDF in one run."""
    samples = {"goal": (os.path.join(ours, "项目", f"{name}.docx"), f"{name}项目绩效目标表", "portrait"),
               "assessment": (os.path.join(ours, "自评", f"{name}.docx"), "项目支出绩效自评表", "landscape"),
               "annual": (os.path.join(ours, f"{ANNUAL}.docx"), "第二部分", "portrait")}
    folder = os.path.join(scratch, "pdf")
    for kind, (document, _, _) in samples.items():
        os.makedirs(os.path.join(folder, kind))
        shutil.copy(document, os.path.join(folder, kind, f"{kind}.docx"))
    result = subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                             "--outdir", folder, *(os.path.join(folder, kind, f"{kind}.docx") for kind in samples)],
                            capture_output=True, text=True, timeout=600)
    check(result.returncode == 0, f"LibreOffice converts our .docx to PDF: exit {result.returncode}, {result.stderr.strip()}")
    for kind, (_, text, orientation) in samples.items():
        pdf = os.path.join(folder, f"{kind}.pdf")
        if not os.path.exists(pdf):
            check(False, f"LibreOffice wrote no PDF of the {kind} document")
            continue
        info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
        size = next((line.split(":", 1)[1].split("pts")[0].split(" x ") for line in info.splitlines()
                     if line.startswith("Page size:")), ["0", "0"])
        width, height = (round(float(value)) for value in size)
        expected = (595, 842) if orientation == "portrait" else (842, 595)
        check((width, height) == expected, f"{kind}: A4 {orientation} ({expected}), got {(width, height)}")
        words = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
        check(text in words.replace(" ", ""), f"{kind}: the PDF shows {text!r}")
        if (width, height) == expected and text in words.replace(" ", ""):
            print(f"ok: LibreOffice opens the {kind} document")


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "jixiao"))
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("LibreOffice is missing: apt-get install -y --no-install-recommends libreoffice-writer")
    tally = Tally()
    check = tally.check

    originals = models(binary, sorted(os.path.join(PROJECTS, f) for f in os.listdir(PROJECTS) if f.endswith(".yaml")))
    names = [name[:-len(".yaml")] for name in originals]
    check(len(names) == 14, f"14 projects in data/2021, found {len(names)}")

    with tempfile.TemporaryDirectory() as scratch:
        published = os.path.join(scratch, "output")
        run([binary, "publish", os.path.join(ROOT, "data"), "--out", published,
             "--templates", os.path.join(ROOT, "templates"), "--docx", "--xlsx", "-q"])
        pages = [os.path.join(published, "2021", "项目", f"{name}.html") for name in names]
        pages.append(os.path.join(published, "2021", f"{ANNUAL}.html"))

        # One LibreOffice run for all 15 pages, with a profile of its own so that neither a
        # user's profile nor another test's running instance gets in the way.
        documents = os.path.join(scratch, "docx")
        profile = "file://" + os.path.join(scratch, "lo-profile")
        run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "docx:MS Word 2007 XML",
             "--outdir", documents, *pages], timeout=600)

        def import_document(document):
            folder = os.path.join(scratch, "imported", os.path.relpath(document, scratch))
            run([binary, "import", document, "--out", folder])
            return models(binary, sorted(os.path.join(folder, f) for f in os.listdir(folder)))

        def compare(source, imported, with_order, extension=".docx"):
            for file, (original, _) in originals.items():
                if source != ANNUAL and file != f"{source}.yaml":
                    continue
                label = f"{source}{extension} → {file}"
                if file not in imported:
                    check(False, f"{label}: not imported")
                    continue
                model, error = imported[file]
                check(error is None and model is not None, f"{label}: imported file does not decode cleanly: {error}")
                if model is None:
                    continue
                found = differences(table_view(original, with_order), table_view(model, with_order))
                check(not found, f"{label}:\n  " + "\n  ".join(found))
                if not found:
                    print(f"ok: {label}")

        ours = os.path.join(published, "2021")
        for kind, extension, project_folder, annual_folder in [
                ("LibreOffice", ".docx", documents, documents),
                ("publish --docx", ".docx", os.path.join(ours, "项目"), ours),
                ("publish --xlsx", ".xlsx", os.path.join(ours, "项目"), None)]:
            print(f"-- {kind}")
            for name in names:
                imported = import_document(os.path.join(project_folder, name + extension))
                check(list(imported) == [f"{name}.yaml"], f"{kind}: {name}{extension} gives one table, got {list(imported)}")
                compare(name, imported, with_order=False, extension=extension)
            if annual_folder is None:
                continue
            annual = import_document(os.path.join(annual_folder, f"{ANNUAL}.docx"))
            check(sorted(annual) == sorted(originals), f"{kind}: {ANNUAL}.docx gives the 14 goal tables, got {sorted(annual)}")
            compare(ANNUAL, annual, with_order=True)

        libreoffice_opens_our_documents(soffice, profile, scratch, ours, names[0], check)

        command_line_failures(binary, scratch, os.path.join(documents, f"{names[0]}.docx"), check)
        real_layouts(binary, scratch, check)

    tally.finish()


if __name__ == "__main__":
    main()
