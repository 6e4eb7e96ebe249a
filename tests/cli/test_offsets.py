"""Offsets invariant: for a plain UTF-8 .txt input the analysed text is the
file itself, so for every mention, figure and quote the file's bytes at
[start, end) are exactly its "text".  Checked on the shipped sample, the
golden articles and, when present beside the project, the dev corpus."""
import glob
import json
import os
import subprocess
import sys
import unittest

import cliutil


def inputs():
    src = cliutil.SOURCE_DIR
    files = glob.glob(os.path.join(src, "data", "samples", "*.txt"))
    files += glob.glob(os.path.join(src, "tests", "golden", "*.txt"))
    files += glob.glob(os.path.join(src, "..", "shared", "corpus", "dev", "*.txt"))
    return sorted(files)


class OffsetsTest(unittest.TestCase):
    def test_offsets_index_the_file(self):
        files = inputs()
        self.assertGreaterEqual(len(files), 2)
        r = subprocess.run([cliutil.BINARY, "analyze", "--format", "jsonl", "-j2"] + files,
                           capture_output=True, env=cliutil.env(), timeout=cliutil.RUN_TIMEOUT)
        self.assertEqual(r.returncode, 0, r.stderr)
        checked = 0
        for line in r.stdout.decode("utf-8").splitlines():
            doc = json.loads(line)
            with open(doc["source"], "rb") as fh:
                raw = fh.read()
            self.assertEqual(doc["stats"]["bytes"], len(raw), doc["source"])
            spans = [(m["start"], m["end"], m["text"])
                     for e in doc["entities"] for m in e["mentions"]]
            spans += [(f["start"], f["end"], f["text"]) for f in doc["figures"]]
            spans += [(q["start"], q["end"], q["text"]) for q in doc["quotes"]]
            for start, end, text in spans:
                self.assertLess(start, end)
                self.assertEqual(raw[start:end].decode("utf-8"), text,
                                 "%s [%d, %d)" % (doc["source"], start, end))
                checked += 1
        self.assertGreater(checked, 50)


if __name__ == "__main__":
    cliutil.setup()
    unittest.main()
