#!/usr/bin/env python3
"""A publish that fails for want of space blocks nothing later. The full disk is played by a
file size limit (RLIMIT_FSIZE, with SIGXFSZ ignored, so that a write past it fails with EFBIG
as on a full disk): the publish must fail with JX904 and leave the output as it was, and the
next publishes, with room again, must succeed and give what a publish from scratch gives.

Usage: full_disk_test.py JIXIAO_BINARY
Prints 'N passed, N failed'.
"""
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile

from kill_test import snapshot

REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def full_disk():
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (40_000, 40_000))


def main():
    binary = os.path.abspath(sys.argv[1])
    passed = failed = 0

    def check(condition, what):
        nonlocal passed, failed
        if condition:
            passed += 1
        else:
            failed += 1
            print(f"FAILED: {what}")

    with tempfile.TemporaryDirectory() as scratch:
        data = os.path.join(scratch, "data")
        shutil.copytree(os.path.join(REPOSITORY, "data"), data)
        output = os.path.join(scratch, "output")

        def publish(*options, limit=False):
            return subprocess.run([binary, "publish", data, "--out", output, "-q", *options], capture_output=True, text=True,
                                  preexec_fn=full_disk if limit else None)

        check(publish().returncode == 0, "the first publish")
        before = snapshot(output)
        project = os.path.join(data, "2021", "项目", "村级组织经费.yaml")
        with open(project, encoding="utf-8") as handle:
            text = handle.read()
        with open(project, "w", encoding="utf-8") as handle:
            handle.write(text.replace("指标值: 9\n", "指标值: 10\n", 1))

        for options in [(), ("--full",)]:
            result = publish(*options, limit=True)
            check(result.returncode != 0 and "JX904" in result.stderr, f"a publish on a full disk fails with JX904: {result.stderr[-300:]}")
            check(snapshot(output) == before, "the output is as it was")
            check(sorted(os.listdir(scratch)) == ["data", "output"], f"nothing left beside it: {sorted(os.listdir(scratch))}")

        for options in [(), ("--full",), ()]:
            result = publish(*options)
            check(result.returncode == 0, f"with room again, a publish {' '.join(options)} succeeds: {result.stderr[-300:]}")
        reference = os.path.join(scratch, "reference")
        subprocess.run([binary, "publish", data, "--out", reference, "-q"], check=True)
        check(snapshot(output) == snapshot(reference), "and gives what a publish from scratch gives")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
