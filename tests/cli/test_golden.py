"""Golden output: the whole output of `carnews analyze --format F` for each
tests/golden/<case>.txt or .html, compared with
tests/golden/<case>.<F>.expected for F in json, jsonl, text and tsv.

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
    def test_cases(self):
        update = os.environ.get("CN_UPDATE_GOLDEN") == "1"
        found = list(cases())
        self.assertTrue(found, "no inputs in tests/golden")
        for base, name in found:
            rel = os.path.join("tests", "golden", name)
            for fmt in FORMATS:
                with self.subTest(case=name, format=fmt):
                    r = run(["analyze", "--format", fmt, "-j1", rel], cwd=cliutil.SOURCE_DIR)
                    self.assertEqual(r.returncode, 0, r.stderr.decode(errors="replace"))
                    expected_path = os.path.join(cliutil.SOURCE_DIR, "tests", "golden",
                                                 "%s.%s.expected" % (base, fmt))
                    if update:
                        with open(expected_path, "wb") as f:
                            f.write(r.stdout)
                        continue
                    with open(expected_path, "rb") as f:
                        expected = f.read()
                    if r.stdout != expected:
                        diff = difflib.unified_diff(
                            expected.decode(errors="replace").splitlines(),
                            r.stdout.decode(errors="replace").splitlines(),
                            expected_path, "carnews output", lineterm="")
                        self.fail("output differs (CN_UPDATE_GOLDEN=1 rewrites):\n" +
                                  "\n".join(list(diff)[:MAX_DIFF_LINES]))


if __name__ == "__main__":
    cliutil.main()
