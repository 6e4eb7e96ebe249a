"""Shared helpers for the CLI tests (not a test itself: no test_ prefix).

Every test script is run as `python3 test_x.py BINARY SOURCE_DIR`; call
setup() first to take those two arguments off sys.argv.
"""
import os
import random
import subprocess
import sys
import unittest

BINARY = None
SOURCE_DIR = None

# Columns of `analyze --format tsv` (src/report_tsv.c, man/carnews.1).
TSV_COLUMNS = ["source", "type", "name", "kind", "value", "unit", "qualifier",
               "region", "period", "role", "organization", "parent", "location",
               "country", "mentions", "start", "end", "text", "reported_by", "measure",
               "period_text"]

# A single run should take well under this; a hang fails the test instead
# of the whole ctest run.
RUN_TIMEOUT = 120


def setup():
    """Take BINARY and SOURCE_DIR off the command line."""
    global BINARY, SOURCE_DIR
    if len(sys.argv) < 3:
        sys.exit("usage: %s BINARY SOURCE_DIR [unittest args]" % sys.argv[0])
    BINARY = os.path.abspath(sys.argv[1])
    SOURCE_DIR = os.path.abspath(sys.argv[2])
    del sys.argv[1:3]


def env(**extra):
    """The environment of every run: C locale, no user data, no colour
    preference from the caller's shell."""
    e = dict(os.environ)
    for k in ("CARNEWS_DATA", "NO_COLOR"):
        e.pop(k, None)
    e["LC_ALL"] = "C"
    e.update(extra)
    return e


def run(args, stdin=b"", cwd=None, extra_env=None):
    """Run carnews with args (str or bytes items); returns the completed
    process with bytes stdout and stderr."""
    return subprocess.run([BINARY] + list(args), input=stdin,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          cwd=cwd, env=env(**(extra_env or {})),
                          timeout=RUN_TIMEOUT)


BRANDS = ["Nissan", "Toyota", "BMW", "Ford", "Kia", "Volvo", "Honda", "Mazda",
          "Renault", "Peugeot", "Tesla", "BYD"]
PLACES = ["the UK", "Germany", "France", "Spain", "Italy", "Japan", "China"]
PEOPLE = [("Alice Mercer", "chief executive"), ("Tom Okafor", "sales director"),
          ("Priya Raman", "head of manufacturing"), ("Jan Kowalski", "chairman")]
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]


def article(i, rng=None):
    """A short made-up article, varied by i: returns (text, brand)."""
    rng = rng or random.Random(i)
    brand = BRANDS[i % len(BRANDS)]
    other = BRANDS[(i * 7 + 3) % len(BRANDS)]
    if other == brand:
        other = BRANDS[(i + 1) % len(BRANDS)]
    place = PLACES[i % len(PLACES)]
    name, role = PEOPLE[i % len(PEOPLE)]
    sold = rng.randrange(1000, 90000)
    share = rng.randrange(10, 250) / 10
    jobs = rng.randrange(2, 60) * 100
    year = 2015 + i % 10
    month = MONTHS[i % 12]
    paras = [
        "%s sold %s cars in %s in %s %d, up from a year earlier."
        % (brand, "{:,}".format(sold), place, month, year),
        "The result gives %s a market share of %.1f per cent, ahead of %s."
        % (brand, share, other),
        "The carmaker said it would create %s jobs at its factory." % "{:,}".format(jobs),
        "\u201cWe are proud of the team,\u201d said %s, %s of %s." % (name, role, brand),
    ]
    return "\n\n".join(paras) + "\n", brand


def write(path, data):
    mode = "wb" if isinstance(data, bytes) else "w"
    kw = {} if isinstance(data, bytes) else {"encoding": "utf-8"}
    with open(path, mode, **kw) as f:
        f.write(data)


def main():
    setup()
    unittest.main(verbosity=1)
