"""carnews batches: folders of many files, ordering across thread counts,
failed inputs among good ones, odd file names, --files-from, walking.

Run: python3 test_batch.py BINARY SOURCE_DIR
"""
import json
import os
import select
import shutil
import subprocess
import tempfile
import threading
import time
import unittest

import cliutil
from cliutil import TSV_COLUMNS, article, run, write

N_ARTICLES = 200
N_FOLDERS = 4


class Corpus(unittest.TestCase):
    """200 generated articles in 4 sub-folders, shared by the tests."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="carnews-batch-")
        cls.root = os.path.join(cls.tmp, "corpus")
        cls.expected = []       # (path, brand) in walk order
        for k in range(N_FOLDERS):
            os.makedirs(os.path.join(cls.root, "part%d" % k))
        for i in range(N_ARTICLES):
            text, brand = article(i)
            rel = os.path.join("part%d" % (i % N_FOLDERS), "article-%03d.txt" % i)
            write(os.path.join(cls.root, rel), text)
            cls.expected.append((os.path.join(cls.root, rel), brand))
        cls.expected.sort()

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_jsonl_line_by_line(self):
        r = run(["analyze", "-f", "jsonl", "-j4", self.root])
        self.assertEqual(r.returncode, 0, r.stderr)
        lines = r.stdout.decode().split("\n")
        self.assertEqual(lines.pop(), "")
        self.assertEqual(len(lines), N_ARTICLES)
        for line, (path, brand) in zip(lines, self.expected):
            doc = json.loads(line)
            self.assertEqual(doc["schema"], "carnews/1")
            self.assertEqual(doc["source"], path)
            brands = {e["name"] for e in doc["entities"] if e["type"] == "brand"}
            self.assertIn(brand, brands, path)
            self.assertGreater(doc["stats"]["sentences"], 2)

    def test_output_same_for_any_job_count(self):
        for fmt in ("jsonl", "json", "tsv", "text"):
            outs = [run(["analyze", "-f", fmt, "-j", str(j), self.root]) for j in (1, 4, 13)]
            for r in outs:
                self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(outs[0].stdout, outs[1].stdout, fmt)
            self.assertEqual(outs[0].stdout, outs[2].stdout, fmt)
        s1 = run(["summarize", "-f", "json", "-j1", self.root]).stdout
        s4 = run(["summarize", "-f", "json", "-j4", self.root]).stdout
        self.assertEqual(s1, s4)
        self.assertEqual(json.loads(s1)["articles"], N_ARTICLES)

    def test_tsv_columns_constant(self):
        r = run(["analyze", "-f", "tsv", self.root])
        rows = r.stdout.decode().splitlines()
        self.assertEqual(rows[0].split("\t"), TSV_COLUMNS)
        for row in rows:
            self.assertEqual(len(row.split("\t")), len(TSV_COLUMNS), row)

    def test_files_from(self):
        paths = [p for p, _ in self.expected[:20]][::-1]
        lst = os.path.join(self.tmp, "list.txt")
        write(lst, "".join(p + "\n" for p in paths))
        r = run(["analyze", "-f", "jsonl", "--files-from", lst])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual([json.loads(l)["source"] for l in r.stdout.splitlines()], paths)
        r = run(["analyze", "-f", "jsonl", "--files-from", "-", "-0"],
                stdin="".join(p + "\0" for p in paths).encode())
        self.assertEqual([json.loads(l)["source"] for l in r.stdout.splitlines()], paths)
        r = run(["analyze", "-f", "json", "--files-from", lst])
        self.assertIsInstance(json.loads(r.stdout), list)

    def test_include_exclude(self):
        r = run(["analyze", "-f", "jsonl", "--include", "article-00*", self.root])
        self.assertEqual(len(r.stdout.splitlines()), 10)
        r = run(["analyze", "-f", "jsonl", "--exclude", "part[123]", self.root])
        self.assertEqual(len(r.stdout.splitlines()), N_ARTICLES // N_FOLDERS)

    def test_closed_pipe(self):
        p = subprocess.Popen([cliutil.BINARY, "analyze", "-f", "jsonl", "-j2", self.root],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             env=cliutil.env())
        first = p.stdout.readline()
        p.stdout.close()
        err = p.stderr.read()
        p.stderr.close()
        p.wait(timeout=cliutil.RUN_TIMEOUT)
        json.loads(first)
        self.assertEqual(p.returncode, 0)   # a reader that went away: the status so far
        self.assertEqual(err, b"")


class Mixed(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="carnews-mixed-")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def p(self, *parts):
        return os.path.join(self.tmp, *parts)

    def test_bad_inputs_among_good(self):
        good1, good2 = self.p("good1.txt"), self.p("good2.txt")
        write(good1, article(1)[0])
        write(good2, article(2)[0])
        empty, binary = self.p("empty.txt"), self.p("binary.bin")
        write(empty, b"")
        write(binary, b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 4)
        missing, dangling = self.p("missing.txt"), self.p("dangling.txt")
        os.symlink(self.p("nowhere"), dangling)
        args = [good1, missing, empty, dangling, binary, good2]
        for j in ("1", "3"):
            r = run(["analyze", "-f", "jsonl", "-j", j] + args)
            self.assertEqual(r.returncode, 1)
            sources = [json.loads(l)["source"] for l in r.stdout.splitlines()]
            self.assertEqual(sources, [good1, empty, binary, good2])
            err = r.stderr.decode()
            self.assertIn("carnews: %s: No such file or directory\n" % missing, err)
            self.assertIn("carnews: %s: No such file or directory\n" % dangling, err)
            self.assertLess(err.index(missing), err.index(dangling))

    def test_dangling_link_in_walked_folder(self):
        os.mkdir(self.p("d"))
        write(self.p("d", "a.txt"), article(1)[0])
        os.symlink(self.p("nowhere"), self.p("d", "b.txt"))
        r = run(["analyze", "-f", "jsonl", self.p("d")])    # links not followed
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(len(r.stdout.splitlines()), 1)
        r = run(["analyze", "-f", "jsonl", "-L", self.p("d")])
        self.assertEqual(r.returncode, 1)
        self.assertEqual(len(r.stdout.splitlines()), 1)
        self.assertIn(b"b.txt: No such file or directory", r.stderr)

    def test_odd_names(self):
        names = ["with space.txt", "new\nline.txt", "tab\there.txt", "back\\slash.txt"]
        paths = []
        for i, n in enumerate(names):
            paths.append(self.p(n))
            write(paths[-1], article(i)[0])
        latin = os.fsencode(self.tmp) + b"/caf\xe9.txt"
        write(latin, article(9)[0])
        r = run(["analyze", "-f", "jsonl"] + paths + [latin])
        self.assertEqual(r.returncode, 0, r.stderr)
        docs = [json.loads(l) for l in r.stdout.splitlines()]
        self.assertEqual([d["source"] for d in docs[:4]], paths)
        self.assertTrue(docs[4]["source"].endswith("caf\ufffd.txt"))
        r = run(["analyze", "-f", "tsv", "--no-header"] + paths)
        for row in r.stdout.decode().splitlines():
            self.assertEqual(len(row.split("\t")), len(TSV_COLUMNS))
        r = run(["analyze", "-f", "jsonl", "--files-from", "-", "-0"],
                stdin=b"\0".join(os.fsencode(p) for p in paths) + b"\0")
        self.assertEqual([json.loads(l)["source"] for l in r.stdout.splitlines()], paths)
        r = run(["analyze", self.p("gone\nfile\x1b.txt")])
        self.assertIn(b"gone\\nfile\\x1b.txt: No such file", r.stderr)
        r = run(["text", os.fsencode(self.tmp) + b"/x\xff.txt"])
        self.assertIn(b"x\\xff.txt: No such file", r.stderr)

    def test_walk_skips_hidden_fifos_and_loops(self):
        d = self.p("d")
        os.makedirs(os.path.join(d, "sub"))
        os.mkdir(os.path.join(d, ".git"))
        write(os.path.join(d, "a.txt"), article(1)[0])
        write(os.path.join(d, ".hidden.txt"), article(2)[0])
        write(os.path.join(d, ".git", "x.txt"), article(3)[0])
        write(os.path.join(d, "sub", "b.txt"), article(4)[0])
        os.mkfifo(os.path.join(d, "pipe"))
        os.symlink("..", os.path.join(d, "sub", "up"))
        r = run(["analyze", "-f", "jsonl", d])
        self.assertEqual(r.returncode, 0, r.stderr)
        sources = [json.loads(l)["source"] for l in r.stdout.splitlines()]
        self.assertEqual(sources, [os.path.join(d, "a.txt"), os.path.join(d, "sub", "b.txt")])
        self.assertEqual(r.stderr, b"")     # the link is not followed at all
        r = run(["analyze", "-f", "jsonl", "--follow", d])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(len(r.stdout.splitlines()), 2)
        self.assertIn(b"directory loop", r.stderr)
        r = run(["analyze", "-f", "jsonl", "--hidden", d])
        self.assertEqual(len(r.stdout.splitlines()), 4)
        hidden = os.path.join(d, ".hidden.txt")
        r = run(["analyze", "-f", "jsonl", hidden])     # explicit: always read
        self.assertEqual(json.loads(r.stdout)["source"], hidden)

    def test_empty_folder_json_array(self):
        os.mkdir(self.p("empty"))
        r = run(["analyze", "-f", "json", self.p("empty")])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(json.loads(r.stdout), [])


class Streaming(unittest.TestCase):
    """--files-from on a pipe that stays open (find | carnews, or names
    typed in): each result is written as soon as it and every one before
    it are done, not when the list ends or the window of jobs fills."""

    WAIT = 30       # seconds for one result: a hang fails, never blocks

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="carnews-stream-")
        self.paths = []
        for i in range(3):
            self.paths.append(os.path.join(self.tmp, "stream-%d.txt" % i))
            write(self.paths[-1], article(i)[0])
        self.big = os.path.join(self.tmp, "stream-big.txt")
        write(self.big, "".join(article(i)[0] + "\n" for i in range(1000)))

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def start(self, *args):
        p = subprocess.Popen([cliutil.BINARY, "analyze", "--files-from", "-"] + list(args),
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=cliutil.env())
        timer = threading.Timer(self.WAIT * 4, p.kill)
        timer.start()
        self.addCleanup(timer.cancel)
        self.addCleanup(p.stderr.close)
        self.addCleanup(p.stdout.close)
        return p

    def read_until(self, p, out, needle, what=""):
        """out plus what carnews writes until needle is in it."""
        deadline = time.monotonic() + self.WAIT
        while needle not in out:
            left = deadline - time.monotonic()
            if left <= 0:
                self.fail("%s%r not written after %d s with the list still open"
                          % (what, needle, self.WAIT))
            if select.select([p.stdout], [], [], left)[0]:
                chunk = os.read(p.stdout.fileno(), 1 << 16)
                if not chunk:
                    self.fail("output ended before %r" % needle)
                out += chunk
        return out

    def finish(self, p, out):
        """Close the list; returns all of stdout once carnews has exited."""
        p.stdin.close()
        for chunk in iter(lambda: os.read(p.stdout.fileno(), 1 << 16), b""):
            out += chunk
        p.wait(timeout=self.WAIT)
        self.assertEqual(p.returncode, 0, p.stderr.read())
        return out

    def test_each_result_before_the_next_name(self):
        # No subTest: the first format held back fails the test at once.
        for fmt in ("jsonl", "json", "tsv", "text"):
            for jobs in ("1", "3"):
                what = "-f %s -j%s: " % (fmt, jobs)
                p = self.start("-f", fmt, "-j", jobs)
                out = b""
                for path in self.paths:
                    p.stdin.write(path.encode() + b"\n")
                    p.stdin.flush()
                    out = self.read_until(p, out, path.encode(), what)
                out = self.finish(p, out)
                if fmt == "jsonl":
                    self.assertEqual([json.loads(l)["source"] for l in out.splitlines()],
                                     self.paths, what)
                if fmt == "json":
                    self.assertEqual([d["source"] for d in json.loads(out)], self.paths, what)

    def test_name_in_pieces(self):
        p = self.start("-f", "jsonl", "-0", "-j2")
        out = b""
        for path in self.paths:
            half = len(path) // 2
            p.stdin.write(path[:half].encode())
            p.stdin.flush()
            time.sleep(0.05)
            p.stdin.write(path[half:].encode() + b"\0")
            p.stdin.flush()
            out = self.read_until(p, out, path.encode())
        out = self.finish(p, out)
        self.assertEqual([json.loads(l)["source"] for l in out.splitlines()], self.paths)

    def test_slow_first_input_keeps_order(self):
        """A slow input first: the others finish before it on other
        threads, and are written after it, all before the list ends."""
        p = self.start("-f", "jsonl", "-j3")
        names = [self.big] + self.paths
        p.stdin.write(b"".join(n.encode() + b"\n" for n in names))
        p.stdin.flush()
        out = self.read_until(p, b"", self.paths[-1].encode() + b'"')
        out = self.finish(p, out)
        self.assertEqual([json.loads(l)["source"] for l in out.splitlines()], names)


if __name__ == "__main__":
    cliutil.main()
