#!/usr/bin/env python3
"""Build the benchmark corpus once: DIR/text (>= 100 MB of .txt articles),
DIR/html (>= 20 MB of .html pages) and DIR/slice (5 MB for the peer).

Articles are recombined from the project's own sample and golden articles
(data/samples, tests/golden): paragraphs are shuffled with a fixed seed and
numbers and names varied, so every file differs but reads like news.
Rerunning with the same sources is a no-op (a stamp file records them)."""
import hashlib
import os
import random
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TEXT_BYTES = 105 * 1000 * 1000
HTML_BYTES = 21 * 1000 * 1000
SLICE_BYTES = 5 * 1000 * 1000
BRANDS = ["Nissan", "Toyota", "BYD", "Chery", "Volkswagen", "Ford", "Stellantis",
          "Jaguar Land Rover", "BMW", "Kia", "Hyundai", "Renault", "Geely", "MG"]


def sources():
    paras = []
    for sub in ("data/samples", "tests/golden"):
        d = os.path.join(ROOT, sub)
        for name in sorted(os.listdir(d)) if os.path.isdir(d) else []:
            if name.endswith(".txt"):
                with open(os.path.join(d, name), encoding="utf-8") as fh:
                    paras += [p for p in fh.read().split("\n") if len(p) > 40]
    if not paras:
        sys.exit("make_corpus: no source articles found")
    return paras


def vary(p, rng):
    p = re.sub(r"\d[\d,]*", lambda m: f"{rng.randint(1, 999):,}" + ",000"
               if len(m.group()) > 3 else m.group(), p)
    return p.replace("Nissan", rng.choice(BRANDS))


def article(paras, rng):
    body = [vary(p, rng) for p in rng.sample(paras, min(len(paras), rng.randint(8, 14)))]
    return "\n".join(body) + "\n"


def html_page(text, rng, i):
    paras = "".join(f"<p>{p}</p>\n" for p in text.splitlines())
    return (f"<!DOCTYPE html><html><head><title>Story {i} | Motor Desk</title>"
            f"<meta property=\"article:published_time\" content=\"2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}\">"
            "</head><body><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/ev\">EVs</a></li></ul></nav>"
            "<div class=\"cookie-banner\">We use cookies.</div>"
            f"<article><h1>Story {i}</h1>\n{paras}</article>"
            "<aside class=\"related\"><a href=\"/a\">More news</a></aside>"
            "<footer>Copyright Motor Desk</footer></body></html>\n")


def fill(dirname, limit, make):
    os.makedirs(dirname, exist_ok=True)
    total, i = 0, 0
    while total < limit:
        sub = os.path.join(dirname, f"{i // 1000:03d}")
        os.makedirs(sub, exist_ok=True)
        data = make(i).encode("utf-8")
        with open(os.path.join(sub, f"a{i:06d}" + (".html" if "html" in dirname else ".txt")), "wb") as fh:
            fh.write(data)
        total += len(data)
        i += 1


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/carnews-bench"
    paras = sources()
    stamp = hashlib.sha256("\n".join(paras).encode()).hexdigest()
    stamp_file = os.path.join(out, "STAMP")
    if os.path.exists(stamp_file) and open(stamp_file).read() == stamp:
        return
    os.system(f"rm -rf '{out}'")
    rng = random.Random(2024)
    fill(os.path.join(out, "text"), TEXT_BYTES, lambda i: article(paras, rng))
    fill(os.path.join(out, "html"), HTML_BYTES, lambda i: html_page(article(paras, rng), rng, i))
    fill(os.path.join(out, "slice"), SLICE_BYTES, lambda i: article(paras, rng))
    with open(stamp_file, "w") as fh:
        fh.write(stamp)


if __name__ == "__main__":
    main()
