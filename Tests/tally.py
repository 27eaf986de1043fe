"""The pass/fail count the Python test scripts share: each check either passes or prints
what failed; at the end 'N passed, N failed' and exit status 1 on any failure."""
import sys


class Tally:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, ok, message):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print("FAILED:", message)

    def finish(self):
        print(f"{self.passed} passed, {self.failed} failed")
        sys.exit(1 if self.failed else 0)
