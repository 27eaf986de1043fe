#!/usr/bin/env python3
"""The JSON Schemas in schema/ (used by editors for completion and checking as you type)
agree with Jixiao: every data file validates, and every fixture whose expected finding is a
structural error (missing or unknown field, wrong type, empty value, bad number or amount,
unknown 一级指标) is rejected.

Usage: schema_test.py   — prints 'N passed, N failed'.
"""
import glob
import json
import os
import sys

import jsonschema
import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
STRUCTURAL = {"JX201", "JX202", "JX203", "JX204", "JX205", "JX206", "JX207"}


def schema(name):
    with open(os.path.join(ROOT, "schema", f"{name}.schema.json"), encoding="utf-8") as handle:
        document = json.load(handle)
    jsonschema.Draft202012Validator.check_schema(document)
    return jsonschema.Draft202012Validator(document)


SCHEMAS = {name: schema(name) for name in ("project", "department", "results", "department-results", "monitoring")}


def schema_for(path, tree):
    name = os.path.basename(path)
    if name == "部门整体绩效目标.yaml" or (isinstance(tree, dict) and "分项绩效目标" in tree):
        return "department"
    if os.path.basename(os.path.dirname(path)) == "自评":
        return "department-results" if name == "部门整体.yaml" else "results"
    if os.path.basename(os.path.dirname(path)) == "监控":
        return "monitoring"
    return "project"


def load(path):
    with open(path, "rb") as handle:
        raw = handle.read()
    try:
        return yaml.safe_load(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, yaml.YAMLError):
        return None


def main():
    passed = failed = 0
    # The data, and the real tables of issue 22 transcribed in the new fields (stand-alone 自评).
    real = glob.glob(os.path.join(ROOT, "Tests", "JixiaoPublishTests", "Fixtures", "issue22", "**", "*.yaml"), recursive=True)
    for path in sorted(glob.glob(os.path.join(ROOT, "data", "**", "*.yaml"), recursive=True)) + sorted(real):
        tree = load(path)
        errors = list(SCHEMAS[schema_for(path, tree)].iter_errors(tree))
        if errors:
            failed += 1
            print(f"{path}: {errors[0].message} at {list(errors[0].path)}")
        else:
            passed += 1
    checked = 0
    for path in sorted(glob.glob(os.path.join(ROOT, "Tests", "JixiaoPublishTests", "Fixtures", "*", "2021", "*.yaml"))):
        with open(path, "rb") as handle:
            header = handle.readline().decode("utf-8", "replace")
        expected = {code.split("@")[0] for code in header.split() if code.startswith("JX")}
        tree = load(path)
        if tree is None:
            continue  # outside YAML or not UTF-8: the parser's business, not the schema's
        valid = not list(SCHEMAS[schema_for(path, tree)].iter_errors(tree))
        if expected & STRUCTURAL:
            checked += 1
            if valid:
                failed += 1
                print(f"{path}: a structural error ({sorted(expected & STRUCTURAL)}) the schema accepts")
            else:
                passed += 1
        elif "期望: 无" in header:
            if valid:
                passed += 1
            else:
                failed += 1
                print(f"{path}: a valid near-miss the schema rejects")
    print(f"schema: every data file, {len(real)} real tables, {checked} structural-error fixtures")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
