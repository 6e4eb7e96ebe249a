"""Fault injection, as jq tests it: an LD_PRELOAD shim (fault_shim.c) makes
the Nth call of open, read, write, close or malloc fail, for every N the
batch reaches.  Whatever fails, carnews must not crash or hang, must exit
with a documented status, and must name what it could not do; each input
is either reported whole (the same line as in a run without faults) or
named on stderr.  A failed write to stdout may end the output, but only as
a prefix of the full output, with a message.

Run: python3 test_faults.py BINARY SOURCE_DIR SHIM
Environment: CARNEWS_FAULT_MAX caps the call sites tried per function
(default 2500, more than the batch makes, so every one is tried: a sample
of 400 once stepped over the four mallocs inside libpcre2's JIT compiler
whose failure crashed it; beyond the cap they are sampled evenly).
"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cli"))
import cliutil  # noqa: E402

SHIM = None
MAX_SITES = int(os.environ.get("CARNEWS_FAULT_MAX", "2500"))
TIMEOUT = 60
FUNCTIONS = ("open", "read", "write", "close", "malloc")


def articles(folder):
    paths = []
    for i in range(6):
        p = os.path.join(folder, "a%d.txt" % i)
        with open(p, "w", encoding="utf-8") as f:
            f.write(cliutil.article(i)[0])
        paths.append(p)
    return paths


def run(args, fault=None, count_file=None):
    env = cliutil.env()
    env["LD_PRELOAD"] = SHIM
    if fault:
        env["CN_FAULT"] = fault
    if count_file:
        env["CN_FAULT_COUNT"] = count_file
    return subprocess.run([cliutil.BINARY] + args, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, env=env, timeout=TIMEOUT)


def sites(n):
    if n <= MAX_SITES:
        return list(range(1, n + 1))
    step = n / MAX_SITES
    return sorted({1 + int(k * step) for k in range(MAX_SITES)} | {n})


class Faults(unittest.TestCase):
    def check_run(self, fn, k, r, paths, clean_lines):
        what = "%s:%d" % (fn, k)
        self.assertGreaterEqual(r.returncode, 0, "%s: killed by signal %d" % (what, -r.returncode))
        self.assertIn(r.returncode, (0, 1, 2), what)
        err = r.stderr.decode(errors="replace")
        out = r.stdout.decode(errors="replace")
        if r.returncode != 0:
            self.assertIn("carnews: ", err, "%s: failed without a message" % what)
        if fn == "write" and r.returncode != 0 and "write error" in err:
            self.assertTrue("".join(clean_lines).startswith(out), "%s: output not a prefix" % what)
            return
        lines = out.splitlines(keepends=True)
        for line in lines:
            self.assertTrue(line.endswith("\n"), "%s: truncated line" % what)
            self.assertIn(line, clean_lines, "%s: a line differs from the clean run" % what)
            json.loads(line)
        global_failure = "out of memory" in err and not any(p in err for p in paths)
        for p, clean in zip(paths, clean_lines):
            reported = clean in lines
            named = (p + ":") in err
            self.assertTrue(reported or named or global_failure or r.returncode == 2,
                            "%s: %s neither reported nor named" % (what, p))
        if r.returncode == 0:
            self.assertEqual(len(lines), len(paths), "%s: exit 0 with missing output" % what)

    def test_every_call_site(self):
        with tempfile.TemporaryDirectory() as tmp:
            paths = articles(tmp)
            args = ["analyze", "-f", "jsonl", "-j2"] + paths
            clean = run(args)
            self.assertEqual(clean.returncode, 0, clean.stderr)
            clean_lines = clean.stdout.decode().splitlines(keepends=True)
            self.assertEqual(len(clean_lines), len(paths))
            count_file = os.path.join(tmp, "count")
            for fn in FUNCTIONS:
                run(args, "%s:%d" % (fn, 10 ** 9), count_file)
                with open(count_file) as f:
                    n = int(f.read())
                self.assertGreater(n, 0, fn)
                for k in sites(n):
                    with self.subTest(fault="%s:%d" % (fn, k)):
                        self.check_run(fn, k, run(args, "%s:%d" % (fn, k)), paths, clean_lines)


if __name__ == "__main__":
    SHIM = os.path.abspath(sys.argv.pop(3))
    cliutil.main()
