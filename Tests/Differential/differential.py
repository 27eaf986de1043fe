#!/usr/bin/env python3
"""Differential test of Jixiao's YAML-subset parser against PyYAML's BaseLoader.

Every document our parser accepts must load to the same tree under PyYAML reading every
scalar as a string; documents outside the subset must be rejected, never read differently.
Inputs: every .yaml file under data/ and Tests/ (the fixtures), and N generated documents
(random nesting, Chinese and ASCII keys, every scalar style, comments, blank lines, CRLF),
plus generated documents that step outside the subset, plus invalid YAML that PyYAML accepts
(SUITE_INVALID), which must be rejected with its code.

Usage: differential.py JIXIAO_BINARY [--count N] [--seed S]
Exits 1 on any difference; prints 'N passed, N failed'.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

import yaml

KEYS = ["项目名称", "预算", "合计", "名称", "金额", "指标值", "描述", "依据", "a", "b", "key", "x_1", "目标", "资金用途"]
WORDS = ["村级组织经费", "71万元", "85%以上", "低于10%", "2021年12月底前", "工作经验", "上级政策、工作经验",
         "text", "a b c", "-5", "3.14", "true", "null", "~", "yes", "0x1F", "1e3", "（元）", "“引号”", "a#b",
         "路径/名称", "50%", "x:y", "≥90%", "不超过3个工作日", "𠀀扩展字", "tab\tinside", "é"]


class Generator:
    def __init__(self, rng):
        self.rng = rng

    def scalar_text(self):
        return self.rng.choice(WORDS)

    def plain(self, text):
        """A plain rendering, or None when the text cannot be written plain."""
        if "\t" in text or text != text.strip() or text == "":
            return None
        if text[0] in "-?:,[]{}#&*!|>'\"%@`" or ": " in text or " #" in text or text.endswith(":"):
            return None
        return text

    def inline_scalar(self, text):
        style = self.rng.choice(["plain", "plain", "single", "double"])
        if style == "plain" and self.plain(text) is not None:
            return text
        if style == "single" and "\t" not in text:
            return "'" + text.replace("'", "''") + "'"
        escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
        if self.rng.random() < 0.2:
            escaped += self.rng.choice(["\\n", "\\u00e9", "\\x41", "\\U0001F600", "\\/", "\\_"])
        return '"' + escaped + '"'

    def block_scalar(self, indent):
        indicator = self.rng.choice(["|", ">"]) + self.rng.choice(["", "-", "+"])
        lines = []
        for _ in range(self.rng.randint(1, 4)):
            kind = self.rng.random()
            if kind < 0.15:
                lines.append("")
            elif kind < 0.3:
                lines.append(" " * (indent + 1) + self.scalar_text())  # more indented
            else:
                lines.append(" " * indent + self.scalar_text().replace("\t", " "))
        if all(line.strip() == "" for line in lines):
            lines.append(" " * indent + "end")
        if lines[0].strip() == "" or lines[0].startswith(" " * (indent + 1)):
            lines.insert(0, " " * indent + "first")
        trailing = [""] * self.rng.randint(0, 2)
        return indicator, lines + trailing

    def flow(self):
        items = [self.rng.choice(["25%", "50%", "a b", "'x, y'", '"q"', "中文"]) for _ in range(self.rng.randint(0, 4))]
        return "[" + ", ".join(items) + "]"

    def mapping(self, indent, depth):
        out = []
        keys = self.rng.sample(KEYS, self.rng.randint(1, 4))
        for key in keys:
            written_key = key if self.rng.random() < 0.9 else "'" + key + "'"
            if self.rng.random() < 0.15:
                out.append(" " * indent + "# " + self.scalar_text().replace("\t", " "))
            if self.rng.random() < 0.1:
                out.append("")
            choice = self.rng.random()
            prefix = " " * indent + written_key + ":"
            if depth < 4 and choice < 0.25:
                out.append(prefix)
                out += self.mapping(indent + self.rng.choice([2, 4]), depth + 1)
            elif depth < 4 and choice < 0.45:
                out.append(prefix)
                out += self.sequence(indent + self.rng.choice([0, 2]), depth + 1)
            elif choice < 0.55:
                indicator, lines = self.block_scalar(indent + 2)
                out.append(prefix + " " + indicator)
                out += lines
            elif choice < 0.62:
                out.append(prefix + " " + self.flow())
            elif choice < 0.66:
                out.append(prefix)
            else:
                comment = "  # " + self.scalar_text().replace("\t", " ") if self.rng.random() < 0.2 else ""
                out.append(prefix + " " + self.inline_scalar(self.scalar_text()) + comment)
        return out

    def sequence(self, indent, depth):
        out = []
        for _ in range(self.rng.randint(1, 3)):
            choice = self.rng.random()
            if depth < 4 and choice < 0.3:
                inner = self.mapping(indent + 2, depth + 1)
                out.append(" " * indent + "- " + inner[0].lstrip() if not inner[0].lstrip().startswith("#") and inner[0].strip() else " " * indent + "-")
                rest = inner[1:] if out[-1].strip() != "-" else inner
                out += rest
            elif choice < 0.4:
                indicator, lines = self.block_scalar(indent + 2)
                out.append(" " * indent + "- " + indicator)
                out += lines
            else:
                out.append(" " * indent + "- " + self.inline_scalar(self.scalar_text()))
        return out

    def document(self):
        lines = self.mapping(0, 0)
        if self.rng.random() < 0.2:
            lines.insert(0, "# 生成的文档")
        newline = "\r\n" if self.rng.random() < 0.2 else "\n"
        text = newline.join(lines) + (newline if self.rng.random() < 0.9 else "")
        if self.rng.random() < 0.1:
            text = "\ufeff" + text
        return text

    def outside_subset(self):
        """A document that uses YAML our subset excludes: it must be rejected."""
        base = self.mapping(0, 1)
        construct = self.rng.choice([
            "k: &anchor v", "k: *alias", "k: !!str v", "k: {a: b}", "? complex", "%YAML 1.2\n---",
            "k: first line\n  continued", "k: 'open\n  quote'", "k: [a, [b]]", "a: 1\na: 2", "k: v\n---\nk: w",
        ])
        return "\n".join(base) + "\n" + construct + "\n"


# Invalid YAML that PyYAML nevertheless loads. The official YAML test suite rejects both, and
# so must we: the expected divergences from the oracle, checked to be rejected with their code
# and never compared.
SUITE_INVALID = [
    ("flow-lone-dash", "[-]\n", "JX112"),
    ("flow-lone-dash-after-item", "k: [a, -]\n", "JX112"),
    ("S98Z", "empty block scalar: >\n \n  \n   \n # comment\n", "JX111"),
]


def load_reference(text):
    try:
        return True, yaml.load(text, Loader=yaml.BaseLoader)
    except yaml.YAMLError as error:
        return False, str(error).splitlines()[0]


def run_ours(binary, paths):
    result = subprocess.run([binary, "dump", "--lines", *paths], capture_output=True, text=True)
    lines = result.stdout.splitlines()
    if len(lines) != len(paths):
        sys.exit(f"jixiao dump printed {len(lines)} lines for {len(paths)} files\n{result.stderr[:2000]}")
    return [json.loads(line) for line in lines]


def repository_files(root):
    for folder in ("data", "Tests"):
        for directory, _, names in os.walk(os.path.join(root, folder)):
            for name in sorted(names):
                if name.endswith(".yaml"):
                    yield os.path.join(directory, name)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=2021)
    args = parser.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    rng = random.Random(args.seed)
    generator = Generator(rng)

    passed = failed = accepted_generated = 0
    with tempfile.TemporaryDirectory() as scratch:
        cases = []  # (path, text, must_reject, expected code or None)
        for path in repository_files(root):
            with open(path, "rb") as handle:
                raw = handle.read()
            try:
                cases.append((path, raw.decode("utf-8"), False, None))
            except UnicodeDecodeError:
                continue  # the GB18030 fixture: not UTF-8, nothing to compare
        for number in range(args.count):
            path = os.path.join(scratch, f"g{number}.yaml")
            text = generator.document()
            with open(path, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
            cases.append((path, text, False, None))
        for number in range(max(100, args.count // 20)):
            path = os.path.join(scratch, f"x{number}.yaml")
            text = generator.outside_subset()
            with open(path, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
            cases.append((path, text, True, None))
        for name, text, code in SUITE_INVALID:
            path = os.path.join(scratch, f"{name}.yaml")
            with open(path, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
            cases.append((path, text, True, code))

        results = []
        for start in range(0, len(cases), 500):
            results += run_ours(args.binary, [case[0] for case in cases[start:start + 500]])

        for (path, text, must_reject, code), ours in zip(cases, results):
            if ours["tree"] is None and code is not None and f" {code}:" not in (ours["error"] or ""):
                failed += 1
                print(f"REJECTED WITH ANOTHER CODE THAN {code}: {path}\n{text}\n-> {ours['error']}")
                continue
            if ours["tree"] is None:
                passed += 1  # rejected with an error: allowed for anything
                continue
            if path.startswith(scratch) and not must_reject:
                accepted_generated += 1
            ok, reference = load_reference(text)
            if must_reject:
                failed += 1
                print(f"ACCEPTED OUTSIDE THE SUBSET: {path}\n{text}\n-> {ours['tree']}")
            elif not ok:
                failed += 1
                print(f"ACCEPTED, BUT PyYAML REJECTS ({reference}): {path}\n{text}")
            elif reference != ours["tree"] and not (reference is None and ours["tree"] is None):
                failed += 1
                print(f"DIFFERENT TREE: {path}\n{text!r}\nours: {ours['tree']!r}\nref:  {reference!r}")
            else:
                passed += 1

    generated = args.count
    print(f"differential: {generated} generated documents, {accepted_generated} accepted and compared; "
          f"{len(cases) - generated} repository, outside-subset and known-invalid documents")
    print(f"{passed} passed, {failed} failed")
    if accepted_generated < generated * 0.9:
        print(f"too few generated documents were accepted ({accepted_generated}): the generator drifted from the subset")
        sys.exit(1)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
