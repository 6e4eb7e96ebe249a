"""Pathological inputs, in the manner of cmark's suite: each case is made at
size n and 2n and run through every stage and output format; the case fails
when doubling the input more than PATHO_MAX_RATIO times the time (growth
worse than linear) or when a run passes PATHO_CEILING seconds.

Run: python3 test_pathological.py BINARY SOURCE_DIR
Environment: CARNEWS_PATHO_SCALE multiplies n (default 1).
"""
import os
import subprocess
import tempfile
import time
import unittest

import sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cli"))
import cliutil  # noqa: E402

PATHO_MAX_RATIO = float(os.environ.get("CARNEWS_PATHO_MAX_RATIO", "2.5"))
# A ratio over the bar is measured again this many times (the best counts):
# a busy machine makes one slow run, a quadratic pass makes every run slow.
ATTEMPTS = 3
PATHO_CEILING = float(os.environ.get("CARNEWS_PATHO_CEILING", "60"))
SCALE = float(os.environ.get("CARNEWS_PATHO_SCALE", "1"))
# Below this a run is mostly start-up and the ratio says nothing.
NOISE_FLOOR = 0.15
# Each stage or format a case goes through.
RUNS = (
    ["analyze", "-f", "json"], ["analyze", "-f", "jsonl"], ["analyze", "-f", "tsv"],
    ["analyze", "-f", "text"], ["summarize", "-f", "json"], ["text"],
)


def html(body):
    return "<html><head><title>t</title></head><body>" + body + "</body></html>"


# name, extension, builder(n) -> text, base n
CASES = [
    ("nested inline tags", ".html", lambda n: html("<p>" + "<span>word " * n + "</p>"), 20000),
    ("nested links", ".html", lambda n: html("<p>" + "<a href='/x'>link " * n + "</p>"), 20000),
    ("alternating b and i", ".html", lambda n: html("<p>" + "<b>bold <i>it " * n + "</p>"), 20000),
    ("nested divs", ".html", lambda n: html("<div>text " * n), 20000),
    ("one huge table", ".html",
     lambda n: html("<table>" + "<tr><td>Toyota</td><td>1,234</td><td>5%</td></tr>" * n +
                    "</table>"), 20000),
    ("huge attributes and comments", ".html",
     lambda n: html("<p class='" + "x" * (50 * n) + "'>Ford sold 5 cars.</p><!--" +
                    "-- " * (20 * n) + "-->"), 20000),
    ("quote marks in one sentence", ".txt", lambda n: "He said " + "\u201c" * n + " and \"" * n + ".\n",
     50000),
    ("numbers", ".txt", lambda n: "Sales were " + " ".join("%d," % (i * 37) for i in range(n)) + ".\n",
     50000),
    ("capitalised words", ".txt",
     lambda n: "The " + " ".join("Word%s" % chr(65 + i % 26) for i in range(n)) + " said.\n", 50000),
    ("brand names in one sentence", ".txt",
     lambda n: "Rivals include " + ", ".join(["Toyota", "BMW", "Tata Motors", "Kia", "BYD"] * (n // 5))
     + ".\n", 50000),
    ("Indian-grouped digits", ".txt",
     lambda n: "Maruti sold " + ",".join(["12", "34", "56"] * (n // 3)) + " cars and " +
     " ".join("1,04,407 crore" for _ in range(n // 10)) + ".\n", 50000),
    ("many short sentences", ".txt", lambda n: "Nissan sold 5 cars. " * n, 50000),
]


def timed(args, path):
    best = None
    for _ in range(2):
        t0 = time.monotonic()
        r = subprocess.run([cliutil.BINARY] + args + ["-j1", path], stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, env=cliutil.env(), timeout=PATHO_CEILING * 2)
        dt = time.monotonic() - t0
        if r.returncode not in (0, 1):
            raise AssertionError("%s exited %d: %s" % (" ".join(args), r.returncode,
                                                       r.stderr[-300:].decode(errors="replace")))
        best = dt if best is None else min(best, dt)
    return best


class Pathological(unittest.TestCase):
    def test_cases(self):
        with tempfile.TemporaryDirectory() as tmp:
            for name, ext, make, n in CASES:
                n = max(10, int(n * SCALE))
                paths = []
                for k, size in enumerate((n, 2 * n)):
                    p = os.path.join(tmp, "case%d%s" % (k, ext))
                    with open(p, "w", encoding="utf-8") as f:
                        f.write(make(size))
                    paths.append(p)
                for args in RUNS:
                    with self.subTest(case=name, run=" ".join(args)):
                        for _ in range(ATTEMPTS):
                            t1 = timed(args, paths[0])
                            t2 = timed(args, paths[1])
                            self.assertLess(t2, PATHO_CEILING, "over the ceiling")
                            ratio = t2 / max(t1, NOISE_FLOOR / PATHO_MAX_RATIO)
                            if t2 <= NOISE_FLOOR or ratio < PATHO_MAX_RATIO:
                                break
                        if t2 > NOISE_FLOOR:
                            self.assertLess(ratio, PATHO_MAX_RATIO,
                                            "n: %.3f s, 2n: %.3f s" % (t1, t2))


if __name__ == "__main__":
    cliutil.main()
