#!/usr/bin/env python3
"""Hostile inputs for carnews: files that are empty, binary, in the wrong
encoding, broken UTF-8, huge, deeply nested or malicious, plus odd file
system objects (dangling and looping links, FIFOs, odd names).

Usage: python3 make_hostile.py OUTDIR [--huge-mb N] [--no-huge]

Writes every case into OUTDIR (which must exist or is created) and prints
one line per file: NAME<TAB>BYTES.  The 200 MB case (CARNEWS_HOSTILE_HUGE_MB
or --huge-mb, default 200; 0 = skip) is written in chunks, never held in
memory.  The test tests/cli/test_hostile.py imports this module.

Everything is generated (python3 standard library only) and deterministic;
nothing is copied from the system.  Small regression inputs found by the
fuzzers live next to this script in regress/ and are replayed too.
"""
import os
import random
import string
import struct
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
REGRESS_DIR = os.path.join(HERE, "regress")

GOOD_ARTICLE = (
    "Nissan sold 12,000 cars in the UK in March 2024, up from a year earlier.\n\n"
    "The result gives Nissan a market share of 6.5 per cent, ahead of Toyota.\n\n"
    "\u201cWe are proud of the team,\u201d said Alice Mercer, chief executive of Nissan.\n")

SENTENCE = "Toyota sold 5,000 cars in Japan in 2023. "


def huge_mb_default():
    try:
        return int(os.environ.get("CARNEWS_HOSTILE_HUGE_MB", "200"))
    except ValueError:
        return 200


# ---- binary formats -------------------------------------------------------

def png_bytes():
    """A real 16x16 RGB PNG built from scratch: signature, IHDR, IDAT, IEND."""
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    w = h = 16
    rows = []
    for y in range(h):
        row = bytearray(b"\x00")
        for x in range(w):
            row += bytes(((x * 16) & 255, (y * 16) & 255, ((x ^ y) * 16) & 255))
        rows.append(bytes(row))
    raw = b"".join(rows)
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    # a tEXt chunk with words an analyzer might pick up, inside binary
    text = chunk(b"tEXt", b"Comment\x00Toyota sold 5,000 cars in 2023.")
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + text
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def elf_bytes():
    """A minimal 64-bit little-endian ELF executable header, program header,
    some x86-64 code and a string table, padded with non-text bytes."""
    code = bytes.fromhex("48c7c03c00000048c7c7000000000f05")  # exit(0)
    strtab = b"\x00.text\x00.shstrtab\x00Nissan Sunderland\x00"
    ehdr_size, phdr_size = 64, 56
    entry = 0x400000 + ehdr_size + phdr_size
    ehdr = (b"\x7fELF" + bytes((2, 1, 1, 0)) + b"\x00" * 8
            + struct.pack("<HHIQQQIHHHHHH", 2, 0x3E, 1, entry, ehdr_size, 0, 0,
                          ehdr_size, phdr_size, 1, 64, 0, 0))
    body = code + strtab + bytes(range(256)) * 4
    total = ehdr_size + phdr_size + len(body)
    phdr = struct.pack("<IIQQQQQQ", 1, 5, 0, 0x400000, 0x400000, total, total, 0x1000)
    return ehdr + phdr + body


# ---- encodings --------------------------------------------------------------

def invalid_utf8_cases():
    """name -> bytes: each class of invalid UTF-8 at the start, in the
    middle and at the end of an otherwise good sentence."""
    bad = {
        "lone_cont": b"\x80",
        "lone_cont_run": b"\xbf\x80\xa0",
        "trunc2": b"\xc3",              # 2-byte lead, no continuation
        "trunc3a": b"\xe2",             # 3-byte lead only
        "trunc3b": b"\xe2\x82",         # 3-byte lead + 1
        "trunc4a": b"\xf0",
        "trunc4b": b"\xf0\x9f",
        "trunc4c": b"\xf0\x9f\x98",
        "overlong2": b"\xc0\xaf",       # '/' overlong
        "overlong2b": b"\xc1\xbf",
        "overlong3": b"\xe0\x80\xaf",
        "overlong4": b"\xf0\x80\x80\xaf",
        "overlong_nul": b"\xc0\x80",
        "surrogate_hi": b"\xed\xa0\x80",
        "surrogate_lo": b"\xed\xbf\xbf",
        "surrogate_pair": b"\xed\xa0\xbd\xed\xb8\x80",
        "above_10ffff": b"\xf4\x90\x80\x80",
        "f5": b"\xf5\x80\x80\x80",
        "f8_5byte": b"\xf8\x88\x80\x80\x80",
        "fc_6byte": b"\xfc\x84\x80\x80\x80\x80",
        "fe": b"\xfe",
        "ff": b"\xff",
        "fffe_bom_like": b"\xff\xfe",
        "all_high": bytes(range(0xF5, 0x100)),
    }
    text = SENTENCE.encode()
    out = {}
    for k, b in bad.items():
        out["utf8_%s_start.txt" % k] = b + text
        half = len(text) // 2
        out["utf8_%s_middle.txt" % k] = text[:half] + b + text[half:]
        out["utf8_%s_end.txt" % k] = text + b
        # inside a word, next to a figure and inside a quote
        out["utf8_%s_inword.txt" % k] = (b"Toy" + b + b"ota sold 5," + b + b"000 cars. "
                                         + b"\xe2\x80\x9c" + b + b"\xe2\x80\x9d said Akio Toyoda.")
    out["utf8_every_byte.txt"] = bytes(range(256)) * 16
    out["utf8_every_pair.txt"] = bytes(b for i in range(128, 256)
                                       for j in (0x80, 0xbf, 0x41) for b in (i, j))
    return out


def utf16_cases():
    t = GOOD_ARTICLE
    return {
        "utf16le_bom.txt": b"\xff\xfe" + t.encode("utf-16-le"),
        "utf16be_bom.txt": b"\xfe\xff" + t.encode("utf-16-be"),
        "utf16le_nobom.txt": t.encode("utf-16-le"),
        "utf16be_nobom.txt": t.encode("utf-16-be"),
        "utf16le_bom_odd.txt": b"\xff\xfe" + t.encode("utf-16-le") + b"\x41",
        "utf16le_bom_lone_surrogate.txt": b"\xff\xfe" + "Ford ".encode("utf-16-le")
        + b"\x00\xd8" + b"\x00\xdc\x00\xdc" + "sold 5,000 cars.".encode("utf-16-le"),
        "utf16be_bom_only.txt": b"\xfe\xff",
        "utf16le_bom_html.html": b"\xff\xfe" + ("<html><head><title>Ford</title></head>"
                                               "<body><p>" + t + "</p></body></html>").encode("utf-16-le"),
        "utf32le_bom.txt": b"\xff\xfe\x00\x00" + t.encode("utf-32-le"),
        "utf32be_bom.txt": b"\x00\x00\xfe\xff" + t.encode("utf-32-be"),
        "utf32le_nobom.txt": t.encode("utf-32-le"),
        "utf32be_nobom.txt": t.encode("utf-32-be"),
        # surrogates, values past U+10FFFF and 3 trailing bytes
        "utf32le_bom_bad_units.txt": b"\xff\xfe\x00\x00" + t.encode("utf-32-le")
        + b"\x00\xd8\x00\x00" + b"\xff\xff\xff\xff" + b"\x00\x00\x11\x00" + b"AB\x00",
        "utf32be_bom_only.txt": b"\x00\x00\xfe\xff",
        "utf32le_bom_html.html": b"\xff\xfe\x00\x00" + ("<html><head><title>Ford</title></head>"
                                                       "<body><p>" + t + "</p></body></html>").encode("utf-32-le"),
        # a UTF-16LE BOM, then U+0000: not UTF-32 although it starts FF FE 00 00
        "utf16le_bom_nul.txt": b"\xff\xfe" + ("\u0000" + t).encode("utf-16-le"),
        "utf8_bom.txt": b"\xef\xbb\xbf" + t.encode(),
        "utf8_bom_only.txt": b"\xef\xbb\xbf",
    }


# ---- the small set ----------------------------------------------------------

def many_people(n):
    """n quotes by n different people with n different employers: every
    later capitalised word is compared with every person found (slow:
    quadratic in extract_people.c at the time of writing)."""
    rng = random.Random(n)
    given = ("Alice", "John", "Maria", "Peter", "Akio", "Luca", "Carlos", "Ola")

    def word():
        return "".join(rng.choice(string.ascii_lowercase) for _ in range(7)).capitalize()
    return "".join('"Sales are strong," said %s %s, chief executive of %s Motors.\n'
                   % (rng.choice(given), word(), word()) for _ in range(n)).encode()


def billion_laughs():
    ents = ['<!ENTITY lol "lol">']
    for i in range(1, 10):
        prev = "&lol%s;" % ("" if i == 1 else i - 1)
        ents.append('<!ENTITY lol%d "%s">' % (i, prev * 10))
    return ('<?xml version="1.0"?>\n<!DOCTYPE lolz [\n' + "\n".join(ents)
            + ']>\n<html><head><title>&lol9;</title></head><body><p>&lol9;</p>'
            "<p>" + GOOD_ARTICLE + "</p></body></html>\n").encode()


def small_cases():
    """name -> bytes for every case held in memory (up to ~10 MB each)."""
    c = {}
    c["empty.txt"] = b""
    c["empty.html"] = b""
    c["empty_noext"] = b""
    c["whitespace.txt"] = b" \t\n\r\n   \n\f\v\n" * 100
    c["whitespace_unicode.txt"] = ("\u00a0\u2002\u2003\u2009\u200b\u3000\u2028\u2029\n"
                                   * 200).encode()
    c["newlines_only.txt"] = b"\n" * 100000
    c["image.png"] = png_bytes()
    c["image_named.txt"] = png_bytes()
    c["program.elf"] = elf_bytes()
    c["program"] = elf_bytes()
    c.update(utf16_cases())
    c.update(invalid_utf8_cases())
    c["nul_inside.txt"] = (b"Nissan sold 12,000\x00 cars in the UK.\x00\x00 "
                           b"\x00Toyota\x00 sold 5,000.\n\n\x00") * 50
    c["nul_only.txt"] = b"\x00" * 4096
    c["nul_inside.html"] = (b"<html><head><title>Ford\x00Fiesta</title></head><body>"
                            b"<p>Ford sold\x00 12,000 cars.</p>\x00<p>"
                            + GOOD_ARTICLE.encode() + b"</p></body></html>")
    # one sentence of 1,000,000 words, no full stop until the very end
    words = ("Toyota", "sold", "5,000", "cars", "and", "Nissan", "said", "2024",
             "in", "Japan", "\u201cquote", "end\u201d")
    c["million_words.txt"] = (" ".join(words[i % len(words)] for i in range(1000000))
                              + ".\n").encode()
    c["ten_mb_number.txt"] = b"Toyota sold " + b"7" * (10 * 1024 * 1024) + b" cars.\n"
    c["ten_mb_number_commas.txt"] = b"Sales were \xc2\xa3" + b"123," * (1024 * 1024) + b"000.\n"
    c["long_word.txt"] = b"Toyota " + b"a" * (4 * 1024 * 1024) + b" sold 5 cars.\n"
    c["many_quotes.txt"] = ("\u201c" * 100000 + "said Nissan" + "\u201d" * 100000
                            + "\n" + "\"x\" said Ford. " * 20000).encode()
    c["many_paragraphs.txt"] = b"Ford.\n\n" * 200000
    c["many_entities.txt"] = (SENTENCE * 50000).encode()
    c["many_people.txt"] = many_people(6000)
    c["nested_divs.html"] = (b"<html><body>" + b"<div>" * 100000 + b"<p>"
                             + GOOD_ARTICLE.encode() + b"</p>" + b"</div>" * 100000
                             + b"</body></html>\n")
    c["nested_divs_unclosed.html"] = (b"<html><body>" + b"<div><span><b>" * 100000
                                      + GOOD_ARTICLE.encode())
    c["nested_tables.html"] = (b"<table><tr><td>" * 20000 + GOOD_ARTICLE.encode())
    c["external_entity.html"] = (
        b'<?xml version="1.0"?>\n'
        b'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">'
        b'<!ENTITY ext SYSTEM "http://127.0.0.1:9/evil.dtd"> %ext;]>\n'
        b"<html><head><title>&xxe;</title></head><body><p>&xxe;</p><p>"
        + GOOD_ARTICLE.encode() + b"</p></body></html>\n")
    c["doctype_url.html"] = (
        b'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
        b'"http://127.0.0.1:9/DTD/xhtml1-strict.dtd">\n'
        b'<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Ford</title>'
        b'<link rel="stylesheet" href="http://127.0.0.1:9/x.css"/>'
        b'<script src="http://127.0.0.1:9/x.js"></script></head><body><p>'
        + GOOD_ARTICLE.encode() + b"</p></body></html>\n")
    c["billion_laughs.html"] = billion_laughs()
    c["billion_laughs.txt"] = billion_laughs()
    c["xinclude.html"] = (b'<html xmlns:xi="http://www.w3.org/2001/XInclude"><body>'
                          b'<xi:include href="file:///etc/passwd" parse="text"/><p>'
                          + GOOD_ARTICLE.encode() + b"</p></body></html>")
    c["broken_html.html"] = (b"<html<<<head><title>Ford</tit<le><body><p><p><p "
                             b"a='''\"\"><!-- <!-- --><![CDATA[ x ]]><script>"
                             b"</scr" + b"<" * 10000 + b"&#0;&#xFFFFFFFF;&#99999999999;"
                             b"&#xD800;&amp&lt&bogus;" * 1000 + b"<p>" + GOOD_ARTICLE.encode())
    c["huge_attr.html"] = (b'<html><head><meta name="description" content="'
                           + b"Ford " * 400000 + b'"><title>' + b"T" * 1000000
                           + b"</title></head><body><p>" + GOOD_ARTICLE.encode()
                           + b"</p></body></html>")
    c["many_meta.html"] = (b"<html><head>" + b'<meta property="og:title" content="Ford">'
                           b'<script type="application/ld+json">{"@type":"NewsArticle",'
                           b'"headline":"Ford","author":{"name":"A"}}</script>' * 20000
                           + b"</head><body><p>" + GOOD_ARTICLE.encode() + b"</p></body></html>")
    c["jsonld_deep.html"] = (b'<html><head><script type="application/ld+json">'
                             + b"[" * 100000 + b"]" * 100000
                             + b'{"headline":' + b'{"a":' * 50000 + b'"x"' + b"}" * 50000
                             + b"}</script></head><body><p>" + GOOD_ARTICLE.encode()
                             + b"</p></body></html>")
    c["charset_bogus.html"] = (b'<html><head><meta charset="x-no-such-charset-\xff">'
                               b'<meta http-equiv="Content-Type" content="text/html; '
                               b'charset=utf-16"></head><body><p>' + GOOD_ARTICLE.encode()
                               + b"</p></body></html>")
    c["control_chars.txt"] = bytes(range(1, 32)) * 200 + GOOD_ARTICLE.encode()
    c["cr_only.txt"] = GOOD_ARTICLE.replace("\n", "\r").encode() * 100
    c["ansi_escapes.txt"] = b"\x1b[31mFord\x1b[0m sold \x1b]0;title\x07 5,000 cars.\n" * 100
    c["bidi.txt"] = ("\u202eFord\u202c sold \u2066 5,000 \u2069 cars in \u200fIsrael.\n"
                     * 100).encode()
    c["combining.txt"] = ("Fo" + "\u0301" * 5000 + "rd sold 5,000 cars.\n").encode()
    c["astral.txt"] = ("\U0001F697 Tesla sold \U0001D7D3,000 cars \U0001F600.\n" * 500).encode()
    c["numbers_odd.txt"] = (
        "Sales were 1e308 1e309 -0 NaN inf 0x7fffffff 99999999999999999999999 "
        "1,2,3,4,5,6 1.2.3.4 \u00a31.1bn\u00a3 $-5m 5%% of 5%% 1/0 \u00bd \u2155 "
        "\u0661\u0662\u0663 \uff11\uff12\uff13 1\u20092000 12\u202f345 cars in 20244 "
        "and Q5 2024 H3 2024 FY99999 between 1 and 2 and 3 million.\n" * 200).encode()
    return c


def regress_cases():
    """Inputs found by the fuzzers, kept as files in regress/."""
    out = {}
    if os.path.isdir(REGRESS_DIR):
        for n in sorted(os.listdir(REGRESS_DIR)):
            p = os.path.join(REGRESS_DIR, n)
            if os.path.isfile(p):
                with open(p, "rb") as f:
                    out["regress_" + n] = f.read()
    return out


def write_huge(path, mb, chunk_mb=1):
    """mb MiB of text with no newline at all, written chunk by chunk."""
    unit = SENTENCE.encode()
    chunk = (unit * (chunk_mb * 1024 * 1024 // len(unit) + 1))[:chunk_mb * 1024 * 1024]
    left = mb * 1024 * 1024
    with open(path, "wb") as f:
        while left > 0:
            n = min(left, len(chunk))
            f.write(chunk[:n])
            left -= n


def write_all(outdir, huge_mb=None):
    """Write every file case into outdir; returns {name: path}."""
    os.makedirs(outdir, exist_ok=True)
    paths = {}
    for name, data in list(small_cases().items()) + list(regress_cases().items()):
        p = os.path.join(outdir, name)
        with open(p, "wb") as f:
            f.write(data)
        paths[name] = p
    if huge_mb is None:
        huge_mb = huge_mb_default()
    if huge_mb > 0:
        p = os.path.join(outdir, "huge_no_newline.txt")
        write_huge(p, huge_mb)
        paths["huge_no_newline.txt"] = p
    return paths


def make_tree(root):
    """A folder to walk holding a good article, a symlink loop, a link to
    itself, a dangling link, a FIFO, and names with spaces, newlines,
    control characters and bytes that are not UTF-8.  Returns the good
    files' paths (bytes) in walk order."""
    rb = os.fsencode(root)
    os.makedirs(os.path.join(rb, b"sub", b"deeper"), exist_ok=True)
    good = []
    for rel in (b"a good.txt", b"new\nline.txt", b"caf\xe9.txt", b"ctl\x01\x1b.txt",
                b"sub/deeper/b.txt", b"tab\there.txt", b"\xff\xfe.txt"):
        p = os.path.join(rb, rel)
        with open(p, "wb") as f:
            f.write(GOOD_ARTICLE.encode())
        good.append(p)
    os.symlink(b"..", os.path.join(rb, b"sub", b"deeper", b"up"))       # loop
    os.symlink(b".", os.path.join(rb, b"self"))                          # loop
    os.symlink(b"loop2", os.path.join(rb, b"loop1"))                     # ELOOP
    os.symlink(b"loop1", os.path.join(rb, b"loop2"))
    os.symlink(b"nowhere", os.path.join(rb, b"dangling.txt"))
    os.mkfifo(os.path.join(rb, b"fifo.txt"))
    return sorted(good)


def make_deep_tree(root, depth=60, name_len=100):
    """Folders nested deeper than PATH_MAX (4096 bytes) allows a path to
    name, built through directory descriptors; an article at depth 10 and
    one at the bottom.  Returns the path of the reachable article."""
    os.mkdir(root)
    fd = os.open(root, os.O_RDONLY)
    name = "d" * name_len
    reachable = None
    try:
        for i in range(depth):
            if i in (10, depth - 1):
                f = os.open("a.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
                os.write(f, GOOD_ARTICLE.encode())
                os.close(f)
                if i == 10:
                    reachable = os.path.join(root, *([name] * i), "a.txt")
            os.mkdir(name, dir_fd=fd)
            nfd = os.open(name, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = nfd
    finally:
        os.close(fd)
    return reachable


def main(argv):
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__.strip())
        return 0 if argv else 2
    outdir = argv[0]
    huge = None
    if "--no-huge" in argv:
        huge = 0
    if "--huge-mb" in argv:
        huge = int(argv[argv.index("--huge-mb") + 1])
    for name, p in sorted(write_all(outdir, huge).items()):
        print("%s\t%d" % (name, os.path.getsize(p)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
