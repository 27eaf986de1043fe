#!/usr/bin/env python3
"""Kills `jixiao publish` with SIGKILL at random moments and checks, each time, that the
output directory holds exactly the complete old set or the complete new set, byte for byte.
Every other run swaps without RENAME_EXCHANGE (JIXIAO_NO_RENAME_EXCHANGE=1), as on file systems
that lack it: killed between its two renames, such a publish leaves no output folder, and the
next start must recover the complete one (a publish of a missing data folder, which recovers
before it fails).

Usage: kill_test.py JIXIAO_BINARY [--runs N] [--projects N] [--seed S]
Prints 'N passed, N failed'; exits 1 on any half-written output.
"""
import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time


def snapshot(folder):
    files = {}
    for directory, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(directory, name)
            with open(path, "rb") as handle:
                files[os.path.relpath(path, folder)] = handle.read()
    return files


def make_data(root, repository, count, marker):
    """`count` projects made from the 2021 tables under new names; `marker` changes every page."""
    source = os.path.join(repository, "data", "2021", "项目")
    target = os.path.join(root, "2021", "项目")
    os.makedirs(target, exist_ok=True)
    tables = sorted(os.listdir(source))
    for number in range(count):
        name = tables[number % len(tables)]
        with open(os.path.join(source, name), encoding="utf-8") as handle:
            text = handle.read()
        old_name = name[:-len(".yaml")]
        new_name = f"{old_name}{number:04d}"
        text = text.replace(f"项目名称: {old_name}", f"项目名称: {new_name}", 1)
        text = text.replace("资金用途: >-\n  ", f"资金用途: >-\n  {marker}", 1)
        with open(os.path.join(target, new_name + ".yaml"), "w", encoding="utf-8") as handle:
            handle.write(text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--projects", type=int, default=600)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    repository = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    templates = os.path.join(repository, "templates")
    binary = os.path.abspath(args.binary)
    rng = random.Random(args.seed)

    with tempfile.TemporaryDirectory() as scratch:
        old_data, new_data = os.path.join(scratch, "old"), os.path.join(scratch, "new")
        make_data(old_data, repository, args.projects, "旧")
        make_data(new_data, repository, args.projects, "新")
        output = os.path.join(scratch, "site", "output")

        def publish(data, out, exchange=True):
            environment = dict(os.environ)
            if not exchange:
                environment["JIXIAO_NO_RENAME_EXCHANGE"] = "1"
            return subprocess.Popen([binary, "publish", data, "--out", out, "--templates", templates, "-q"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment)

        start = time.monotonic()
        if publish(new_data, os.path.join(scratch, "reference")).wait() != 0:
            sys.exit("publishing the new data failed")
        duration = time.monotonic() - start
        new_set = snapshot(os.path.join(scratch, "reference"))
        if publish(old_data, output).wait() != 0:
            sys.exit("publishing the old data failed")
        old_set = snapshot(output)

        passed = failed = caught_midway = recovered = 0
        for run in range(args.runs):
            process = publish(new_data, output, exchange=run % 2 == 0)
            time.sleep(rng.uniform(0, duration * 1.1))
            killed = process.poll() is None
            if killed:
                process.send_signal(signal.SIGKILL)
                caught_midway += 1
            process.wait()
            if not os.path.exists(output):
                publish(os.path.join(scratch, "no-data"), output).wait()
                recovered += 1
            now = snapshot(output)
            if now == old_set:
                state = "old"
            elif now == new_set:
                state = "new"
            else:
                state = None
            if state is None:
                failed += 1
                print(f"run {run + 1}: output is neither the old nor the new set ({len(now)} files)")
            else:
                passed += 1
            # Back to the old set for the next run.
            if state != "old":
                if publish(old_data, output).wait() != 0:
                    sys.exit("republishing the old data failed")
        print(f"kill test: {args.runs} runs on {args.projects} projects (a publish takes {duration:.2f} s), "
              f"{caught_midway} killed mid-way, {recovered} recovered by the next start")
        if caught_midway < args.runs // 2:
            print("too few runs were killed mid-way to prove anything")
            failed += 1
        print(f"{passed} passed, {failed} failed")
        sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
