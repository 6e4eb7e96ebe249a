"""Containers: compressed inputs, tar and zip archives, WARC files and
--records (JSON Lines, CSV).  Every fixture is made here from
cliutil.article(); each article's report must equal that of the same
article as a plain file, apart from "source".

Run: python3 test_containers.py BINARY SOURCE_DIR
"""
import bz2
import csv
import gzip
import io
import json
import lzma
import os
import shutil
import subprocess
import tarfile
import tempfile
import time
import unittest
import zipfile

import cliutil
from cliutil import article, run, write

HTML = "<html><head><title>T%d</title></head><body><article><p>%s</p></article></body></html>"


def html_article(i):
    text = article(i)[0]
    return HTML % (i, "</p><p>".join(text.strip().split("\n\n")))


def zstd(data):
    """zstd has no module in the standard library: the command, when there."""
    if not shutil.which("zstd"):
        return None
    return subprocess.run(["zstd", "-q", "-c"], input=data, stdout=subprocess.PIPE,
                          check=True).stdout


def read(path):
    with open(path, "rb") as f:
        return f.read()


def warc_record(rtype, uri, block, content_type="application/http; msgtype=response", n=0):
    head = ("WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:0000-%04d>\r\n"
            "WARC-Target-URI: %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n"
            % (rtype, n, uri, content_type, len(block))).encode()
    return head + block + b"\r\n\r\n"


def http_response(body, ctype):
    return ("HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n"
            % (ctype, len(body))).encode() + body


class Base(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="carnews-containers-")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def path(self, *parts):
        return os.path.join(self.tmp, *parts)

    def reports(self, args, code=0, stdin=b""):
        r = run(["analyze", "-f", "jsonl", "-q"] + args, stdin=stdin)
        self.assertEqual(r.returncode, code, r.stderr.decode(errors="replace"))
        return [json.loads(l) for l in r.stdout.decode().splitlines()], r

    def plain(self, name, data):
        """The report of data as a plain file called name, without source."""
        p = self.path("plain", name)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        write(p, data)
        rep, _ = self.reports([p])
        return strip(rep[0])

    def assertSameAs(self, got, want_list):
        self.assertEqual([strip(g) for g in got], want_list)


def strip(rep):
    rep = dict(rep)
    rep.pop("source", None)
    return rep


class Compressed(Base):
    def test_each_compression(self):
        text, _ = article(3)
        html = html_article(4)
        want_t = self.plain("a.txt", text)
        want_h = self.plain("b.html", html)
        packers = [("gz", gzip.compress), ("xz", lzma.compress), ("bz2", bz2.compress),
                   ("zst", zstd)]
        for ext, pack in packers:
            for name, data, want in (("a.txt", text, want_t), ("b.html", html, want_h)):
                packed = pack(data.encode())
                if packed is None:
                    continue
                p = self.path(name + "." + ext)
                write(p, packed)
                rep, _ = self.reports([p])
                self.assertEqual(len(rep), 1, p)
                self.assertEqual(rep[0]["source"], p)
                self.assertEqual(strip(rep[0]), want, p)

    def test_corrupt(self):
        good = self.path("good.txt")
        write(good, article(1)[0])
        bad = self.path("bad.txt.gz")
        write(bad, gzip.compress(article(2)[0].encode())[:60])
        notgz = self.path("not.txt.gz")
        write(notgz, b"\x1f\x8b\x08\x00garbage garbage garbage")
        rep, r = self.reports([bad, notgz, good], code=1)
        self.assertEqual([x["source"] for x in rep], [good])
        err = r.stderr.decode()
        self.assertIn("carnews: %s: " % bad, err)
        self.assertIn("carnews: %s: " % notgz, err)

    def test_folder_walk_takes_compressed(self):
        os.makedirs(self.path("d"))
        write(self.path("d", "a.txt.gz"), gzip.compress(article(5)[0].encode()))
        rep, _ = self.reports([self.path("d")])
        self.assertEqual(strip(rep[0]), self.plain("a.txt", article(5)[0]))


class Archives(Base):
    def members(self):
        """(member name, content, plain name) in archive order."""
        return [("news/a.txt", article(1)[0].encode(), "a.txt"),
                ("news/skip.png", b"\x89PNG\r\n\x1a\n" + bytes(64), None),
                ("news/b.html", html_article(2).encode(), "b.html"),
                ("c.txt.gz", gzip.compress(article(3)[0].encode()), "c.txt"),
                ("notes.md", b"# not an article\n", None)]

    def expected(self):
        out = []
        for name, data, plain in self.members():
            if plain:
                if name.endswith(".gz"):
                    data = gzip.decompress(data)
                out.append((name, self.plain(plain, data)))
        return out

    def make_tar(self, path, mode):
        with tarfile.open(path, mode) as t:
            d = tarfile.TarInfo("news")
            d.type = tarfile.DIRTYPE
            t.addfile(d)
            for name, data, _ in self.members():
                info = tarfile.TarInfo(name)
                info.size = len(data)
                t.addfile(info, io.BytesIO(data))

    def test_tar_and_zip(self):
        want = self.expected()
        paths = []
        for ext, mode in (("tar", "w"), ("tar.gz", "w:gz"), ("tgz", "w:gz"),
                          ("tar.bz2", "w:bz2"), ("tar.xz", "w:xz")):
            p = self.path("a." + ext)
            self.make_tar(p, mode)
            paths.append(p)
        z = self.path("a.zip")
        with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data, _ in self.members():
                zf.writestr(name, data)
        paths.append(z)
        for p in paths:
            rep, _ = self.reports([p])
            self.assertEqual([x["source"] for x in rep], ["%s!%s" % (p, n) for n, _ in want], p)
            self.assertSameAs(rep, [w for _, w in want])
        # -j1 and -j2 give the same bytes.
        r1 = run(["analyze", "-f", "json", "-j1"] + paths)
        r2 = run(["analyze", "-f", "json", "-j2"] + paths)
        self.assertEqual(r1.returncode, 0)
        self.assertEqual(r1.stdout, r2.stdout)

    def test_truncated(self):
        p = self.path("a.tar")
        self.make_tar(p, "w")
        data = read(p)
        cut = self.path("cut.tar")
        write(cut, data[:512 * 5 + 100])    # in the middle of the second article
        garbage = self.path("junk.zip")
        write(garbage, b"PK\x03\x04" + bytes(range(256)) * 4)
        good = self.path("good.txt")
        write(good, article(9)[0])
        rep, r = self.reports([cut, garbage, good], code=1)
        self.assertEqual(rep[0]["source"], cut + "!news/a.txt")
        self.assertEqual(rep[-1]["source"], good)
        err = r.stderr.decode()
        self.assertIn(cut, err)
        self.assertIn("carnews: %s: " % garbage, err)

    def test_empty_archive_note(self):
        p = self.path("none.tar")
        with tarfile.open(p, "w") as t:
            info = tarfile.TarInfo("x.png")
            info.size = 3
            t.addfile(info, io.BytesIO(b"abc"))
        r = run(["analyze", "-f", "jsonl", p])
        self.assertEqual(r.returncode, 0)
        self.assertIn(b"no article file", r.stderr)


class Warc(Base):
    def warc(self):
        recs = [warc_record("warcinfo", "", b"software: test\r\n", "application/warc-fields", 0)]
        recs.append(warc_record("request", "http://example.com/a", b"GET /a HTTP/1.1\r\n\r\n",
                                "application/http; msgtype=request", 1))
        recs.append(warc_record("response", "http://example.com/a",
                                http_response(html_article(1).encode(), "text/html; charset=utf-8"), n=2))
        recs.append(warc_record("response", "http://example.com/logo.png",
                                http_response(b"\x89PNG....", "image/png"), n=3))
        recs.append(warc_record("response", "http://example.com/b.txt",
                                http_response(article(2)[0].encode(), "text/plain"), n=4))
        return recs

    def test_warc_and_gz(self):
        want = [self.plain("a.html", html_article(1)), self.plain("b.txt", article(2)[0])]
        recs = self.warc()
        p = self.path("crawl.warc")
        write(p, b"".join(recs))
        pg = self.path("crawl.warc.gz")
        write(pg, b"".join(gzip.compress(r) for r in recs))  # one gzip member per record
        for f in (p, pg):
            rep, _ = self.reports([f])
            self.assertEqual([x["source"] for x in rep],
                             [f + "!http://example.com/a", f + "!http://example.com/b.txt"])
            self.assertSameAs(rep, want)

    def test_truncated_warc(self):
        data = b"".join(self.warc())
        p = self.path("cut.warc")
        write(p, data[:len(data) - 200])
        rep, r = self.reports([p], code=1)
        self.assertEqual([x["source"] for x in rep], [p + "!http://example.com/a"])
        self.assertIn(b"truncated WARC record", r.stderr)
        q = self.path("not.warc")
        write(q, b"hello\n")
        _, r = self.reports([q], code=1)
        self.assertIn(b"not a WARC record", r.stderr)


class Records(Base):
    N = 12

    def rows(self):
        return [{"id": "art-%d" % i, "title": "x", "text": article(i)[0]} for i in range(self.N)]

    def want(self):
        return [self.plain("r%d.txt" % i, article(i)[0]) for i in range(self.N)]

    def test_jsonl(self):
        p = self.path("dump.jsonl")
        write(p, "".join(json.dumps(r) + "\n" for r in self.rows()))
        rep, _ = self.reports(["--records", "jsonl", p])
        self.assertEqual([x["source"] for x in rep], ["%s#art-%d" % (p, i) for i in range(self.N)])
        self.assertSameAs(rep, self.want())
        # compressed, from stdin, and -j1 equal to -j2
        pg = self.path("dump.jsonl.gz")
        write(pg, gzip.compress(read(p)))
        rep2, _ = self.reports(["--records", "jsonl", pg])
        self.assertSameAs(rep2, self.want())
        rep3, _ = self.reports(["--records", "jsonl", "-"], stdin=read(p))
        self.assertEqual(rep3[0]["source"], "-#art-0")
        a = run(["analyze", "-f", "jsonl", "-j1", "--records", "jsonl", p])
        b = run(["analyze", "-f", "jsonl", "-j2", "--records", "jsonl", p])
        self.assertEqual(a.stdout, b.stdout)

    def test_jsonl_bad_records(self):
        rows = [json.dumps(r) for r in self.rows()[:4]]
        lines = [rows[0], "{not json", rows[1], json.dumps({"id": 7}), "", "[1, 2]",
                 json.dumps({"text": article(2)[0]}), rows[3]]
        p = self.path("bad.jsonl")
        write(p, "\n".join(lines))      # and no final newline
        rep, r = self.reports(["--records", "jsonl", p], code=1)
        self.assertEqual([x["source"] for x in rep],
                         [p + "#art-0", p + "#art-1", p + "#7", p + "#art-3"])
        err = r.stderr.decode().splitlines()
        self.assertEqual(len(err), 3, err)
        self.assertTrue(err[0].startswith("carnews: %s:2: invalid JSON" % p), err)
        self.assertEqual(err[1], "carnews: %s:4: no field 'text'" % p)
        self.assertEqual(err[2], "carnews: %s:6: not a JSON object" % p)

    def test_walk(self):
        d = self.path("d")
        os.makedirs(d)
        write(os.path.join(d, "a.jsonl"), json.dumps({"id": "x", "text": article(1)[0]}) + "\n")
        write(os.path.join(d, "b.txt"), article(2)[0])
        rep, _ = self.reports(["--records", "jsonl", d])
        self.assertEqual([x["source"] for x in rep],
                         [os.path.join(d, "a.jsonl#x"), os.path.join(d, "b.txt")])
        self.assertSameAs(rep, [self.plain("a.txt", article(1)[0]), self.plain("b.txt", article(2)[0])])

    def test_fields_and_html(self):
        p = self.path("h.jsonl")
        write(p, "".join(json.dumps({"key": i, "body": html_article(i)}) + "\n" for i in range(3)))
        rep, _ = self.reports(["--records", "jsonl", "--id-field", "key", "--html-field", "body", p])
        self.assertEqual([x["source"] for x in rep], ["%s#%d" % (p, i) for i in range(3)])
        self.assertSameAs(rep, [self.plain("h%d.html" % i, html_article(i)) for i in range(3)])

    def test_csv(self):
        p = self.path("dump.csv")
        with open(p, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)           # quotes the fields with commas, quotes, newlines
            w.writerow(["id", "title", "text"])
            for r in self.rows():
                w.writerow([r["id"], 'say "x", y', r["text"]])
        rep, _ = self.reports(["--records", "csv", p])
        self.assertEqual([x["source"] for x in rep], ["%s#art-%d" % (p, i) for i in range(self.N)])
        self.assertSameAs(rep, self.want())

    def test_csv_bad(self):
        p = self.path("bad.csv")
        write(p, 'id,text\r\n1,"%s"\r\n2\r\n,"%s"\r\n4,"open' % (
            article(1)[0].replace('"', '""'), article(2)[0].replace('"', '""')))
        rep, r = self.reports(["--records", "csv", p], code=1)
        # the record without an id is named by its line
        line_of_two = 3 + article(1)[0].count("\n")
        self.assertEqual([x["source"] for x in rep], [p + "#1", "%s#%d" % (p, line_of_two + 1)])
        err = r.stderr.decode()
        self.assertIn("carnews: %s:%d: no field 'text'" % (p, line_of_two), err)
        self.assertIn("quoted field not closed", err)
        q = self.path("nocol.csv")
        write(q, "a,b\n1,2\n")
        _, r = self.reports(["--records", "csv", q], code=1)
        self.assertIn("carnews: %s:1: no column 'text'" % q, r.stderr.decode())

    def test_pipe_worker(self):
        """One record in, its result out, before the next record comes."""
        proc = subprocess.Popen([cliutil.BINARY, "analyze", "--records", "jsonl", "-f", "jsonl",
                                 "-j2", "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env=cliutil.env())
        try:
            for i in range(3):
                proc.stdin.write((json.dumps({"id": i, "text": article(i)[0]}) + "\n").encode())
                proc.stdin.flush()
                line = proc.stdout.readline()
                self.assertEqual(json.loads(line)["source"], "-#%d" % i)
            proc.stdin.close()
            self.assertEqual(proc.wait(timeout=30), 0)
        finally:
            if proc.poll() is None:
                proc.kill()
            proc.stdout.close()
            proc.stderr.close()

    def test_json_array_for_one_file(self):
        p = self.path("one.jsonl")
        write(p, json.dumps({"id": "x", "text": article(1)[0]}) + "\n")
        r = run(["analyze", "-f", "json", "--records", "jsonl", p])
        self.assertEqual(r.returncode, 0)
        self.assertIsInstance(json.loads(r.stdout), list)

    @unittest.skipUnless(os.environ.get("CARNEWS_BENCH_RECORDS"), "set CARNEWS_BENCH_RECORDS=N")
    def test_speed(self):
        """records/s from one JSONL vs the same articles as files."""
        n = int(os.environ["CARNEWS_BENCH_RECORDS"])
        p = self.path("big.jsonl")
        d = self.path("files")
        os.makedirs(d)
        with open(p, "w", encoding="utf-8") as f:
            for i in range(n):
                text = article(i)[0]
                f.write(json.dumps({"id": i, "text": text}) + "\n")
                write(os.path.join(d, "%05d.txt" % i), text)
        for label, args in (("jsonl", ["--records", "jsonl", p]), ("files", [d])):
            t = time.time()
            r = run(["analyze", "-f", "jsonl", "-q"] + args)
            dt = time.time() - t
            self.assertEqual(r.returncode, 0)
            print("\n%s: %d articles in %.2f s, %.0f/s" % (label, n, dt, n / dt))


if __name__ == "__main__":
    cliutil.main()
