"""Golden output: the whole output of `carnews analyze --format F` for each
tests/golden/<case>.txt or .html, compared with
tests/golden/<case>.<F>.expected for F in json, jsonl, text and tsv; and
of `carnews summarize --format F tests/golden`, compared with
tests/golden/summary/summary.<F>.expected.

carnews runs with the source folder as working directory and the input
given as tests/golden/<case>.<ext>, so the "source" field is stable.

When extraction changes on purpose, regenerate the expected files and
review the diff before committing:

    CN_UPDATE_GOLDEN=1 python3 tests/cli/test_golden.py build/carnews .

Run: python3 test_golden.py BINARY SOURCE_DIR
"""
import difflib
import os
import unittest

import cliutil
from cliutil import run

FORMATS = ("json", "jsonl", "text", "tsv")
INPUT_EXTENSIONS = (".txt", ".html")
# Lines of diff shown when a case fails.
MAX_DIFF_LINES = 60


def cases():
    folder = os.path.join(cliutil.SOURCE_DIR, "tests", "golden")
    for name in sorted(os.listdir(folder)):
        base, ext = os.path.splitext(name)
        if ext in INPUT_EXTENSIONS and "." not in base:
            yield base, name


class Golden(unittest.TestCase):
    def compare(self, args, expected_path):
        r = run(args, cwd=cliutil.SOURCE_DIR)
        self.assertEqual(r.returncode, 0, r.stderr.decode(errors="replace"))
        if os.environ.get("CN_UPDATE_GOLDEN") == "1":
            with open(expected_path, "wb") as f:
                f.write(r.stdout)
            return
        with open(expected_path, "rb") as f:
            expected = f.read()
        if r.stdout != expected:
            diff = difflib.unified_diff(
                expected.decode(errors="replace").splitlines(),
                r.stdout.decode(errors="replace").splitlines(),
                expected_path, "carnews output", lineterm="")
            self.fail("output differs (CN_UPDATE_GOLDEN=1 rewrites):\n" +
                      "\n".join(list(diff)[:MAX_DIFF_LINES]))

    def test_cases(self):
        found = list(cases())
        self.assertGreaterEqual(len(found), 10, "fewer than ten cases in tests/golden")
        for base, name in found:
            rel = os.path.join("tests", "golden", name)
            for fmt in FORMATS:
                with self.subTest(case=name, format=fmt):
                    self.compare(["analyze", "--format", fmt, "-j1", rel],
                                 os.path.join(cliutil.SOURCE_DIR, "tests", "golden",
                                              "%s.%s.expected" % (base, fmt)))

    def test_summary(self):
        folder = os.path.join(cliutil.SOURCE_DIR, "tests", "golden", "summary")
        os.makedirs(folder, exist_ok=True)
        for fmt in FORMATS:
            with self.subTest(format=fmt):
                self.compare(["summarize", "--format", fmt, "-j2", "--include", "*.txt",
                              "--include", "*.html", os.path.join("tests", "golden")],
                             os.path.join(folder, "summary.%s.expected" % fmt))


if __name__ == "__main__":
    cliutil.main()
