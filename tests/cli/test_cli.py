"""carnews command line: help, usage errors, formats, inputs, data.

Run: python3 test_cli.py BINARY SOURCE_DIR
"""
import json
import os
import shutil
import subprocess
import tempfile
import unittest

import cliutil
from cliutil import TSV_COLUMNS, article, run, write

ELF_HEADER = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00"


class Base(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="carnews-cli-")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def path(self, *parts):
        return os.path.join(self.tmp, *parts)

    def good(self, name="good.txt", i=1):
        p = self.path(name)
        write(p, article(i)[0])
        return p

    def ok(self, r):
        self.assertEqual(r.returncode, 0, r.stderr.decode(errors="replace"))
        return r


class Help(Base):
    def test_help_version(self):
        for args in (["--help"], ["-h"], ["help"], ["analyze", "--help"],
                     ["summarize", "--help"], ["text", "--help"], ["help", "analyze"],
                     ["data", "--help"], ["help", "data"]):
            r = self.ok(run(args))
            self.assertIn(b"usage: carnews", r.stdout, args)
            self.assertEqual(r.stderr, b"", args)
        self.assertIn(b"Exit status", run(["--help"]).stdout)
        self.assertIn(b"Exit status", run(["analyze", "--help"]).stdout)
        r = self.ok(run(["--version"]))
        self.assertEqual(r.stdout, b"carnews 0.1.0\n")

    def test_usage_errors(self):
        good = self.good()
        for args in ([], ["frobnicate", good], ["--bogus"],
                     ["analyze", "--bogus", good], ["analyze", "--format", "xml", good],
                     ["analyze", "--format"], ["analyze", "--types", "brand,car", good],
                     ["analyze", "--input", "pdf", good], ["analyze", "-j", "0", good],
                     ["analyze", "-j", "x", good], ["analyze", "--hidden=yes", good],
                     ["text", "--format", "json", good], ["summarize", "--aggregate", good],
                     ["analyze", "--files-from", "-", "-"], ["help", "nothing"],
                     ["data"], ["data", "check"], ["data", "fix", "x"]):
            r = run(args)
            self.assertEqual(r.returncode, 2, args)
            self.assertIn(b"usage: carnews", r.stderr, args)
            self.assertEqual(r.stdout, b"", args)

    def test_unknown_type_named(self):
        r = run(["analyze", "--types", "brand,car", self.good()])
        self.assertIn(b"'car'", r.stderr)


class Inputs(Base):
    def test_missing_file_others_still_reported(self):
        a, b = self.good("a.txt", 1), self.good("b.txt", 2)
        missing = self.path("missing.txt")
        r = run(["analyze", "-f", "jsonl", a, missing, b])
        self.assertEqual(r.returncode, 1)
        self.assertIn(("carnews: %s: No such file or directory\n" % missing).encode(), r.stderr)
        sources = [json.loads(l)["source"] for l in r.stdout.decode().splitlines()]
        self.assertEqual(sources, [a, b])

    def test_directory_argument_is_walked(self):
        os.mkdir(self.path("d"))
        os.mkdir(self.path("d", "sub"))
        write(self.path("d", "b.txt"), article(2)[0])
        write(self.path("d", "a.txt"), article(1)[0])
        write(self.path("d", "sub", "c.txt"), article(3)[0])
        r = self.ok(run(["analyze", "-f", "json", self.path("d")]))
        doc = json.loads(r.stdout)
        self.assertIsInstance(doc, list)
        self.assertEqual([d["source"] for d in doc],
                         [self.path("d", x) for x in ("a.txt", "b.txt", "sub/c.txt")])

    def test_single_file_json_is_an_object(self):
        r = self.ok(run(["analyze", "-f", "json", self.good()]))
        doc = json.loads(r.stdout)
        self.assertEqual(doc["schema"], "carnews/1")
        self.assertTrue(r.stdout.endswith(b"}\n"))

    def test_empty_file(self):
        p = self.path("empty.txt")
        write(p, b"")
        for fmt in ("json", "jsonl", "text", "tsv"):
            r = self.ok(run(["analyze", "-f", fmt, p]))
            if fmt in ("json", "jsonl"):
                doc = json.loads(r.stdout)
                self.assertEqual(doc["entities"], [])
                self.assertEqual(doc["stats"]["bytes"], 0)
            elif fmt == "tsv":
                self.assertEqual(r.stdout.decode(), "\t".join(TSV_COLUMNS) + "\n")
            else:
                self.assertIn(b"Source", r.stdout)

    def test_binary_file(self):
        p = self.path("prog")
        write(p, ELF_HEADER + bytes(range(256)) * 8 + os.urandom(4096))
        for fmt in ("json", "text", "tsv"):
            r = self.ok(run(["analyze", "-f", fmt, p]))
            if fmt == "json":
                json.loads(r.stdout)

    def test_stdin(self):
        text = article(5)[0].encode()
        r = self.ok(run(["analyze", "-f", "json", "-"], stdin=text))
        doc = json.loads(r.stdout)
        self.assertEqual(doc["source"], "-")
        self.assertGreater(doc["stats"]["bytes"], 0)
        r = self.ok(run(["text", "-"], stdin=text))
        self.assertEqual(r.stdout, text)

    def test_invalid_utf8_warning(self):
        p = self.path("latin1.txt")
        write(p, "Renault sold 5,000 cars in S\u00e3o Paulo.\n".encode("latin-1"))
        r = self.ok(run(["analyze", "-f", "json", p]))
        self.assertEqual(r.stderr.decode().count("warning: not valid UTF-8"), 1)
        self.assertEqual(json.loads(r.stdout)["warnings"], ["invalid-utf8"])
        self.assertEqual(self.ok(run(["analyze", "-q", "-f", "json", p])).stderr, b"")

    @unittest.skipUnless(os.path.exists("/dev/full"), "needs /dev/full")
    def test_write_error(self):
        with open("/dev/full", "wb") as full:
            r = subprocess.run([cliutil.BINARY, "analyze", self.good()], stdout=full,
                               stderr=subprocess.PIPE, env=cliutil.env(),
                               timeout=cliutil.RUN_TIMEOUT)
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"carnews: write error: No space left on device", r.stderr)

    @unittest.skipUnless(os.path.exists("/dev/full"), "needs /dev/full")
    def test_write_error_every_command(self):
        good = self.good()
        for args in (["--help"], ["--version"], ["help"], ["analyze", "--help"],
                     ["data", "path"], ["text", good], ["summarize", good],
                     ["analyze", "-f", "tsv", good]):
            with self.subTest(args=args), open("/dev/full", "wb") as full:
                r = subprocess.run([cliutil.BINARY] + args, stdout=full,
                                   stderr=subprocess.PIPE, env=cliutil.env(),
                                   timeout=cliutil.RUN_TIMEOUT)
                self.assertEqual(r.returncode, 1)
                self.assertEqual(r.stderr.count(b"write error: No space left on device"), 1)

    def test_closed_pipe_is_quiet_and_ok(self):
        paths = [self.good("p%d.txt" % i, i) for i in range(40)]
        for args in (["analyze", "-f", "jsonl", "-j2"] + paths, ["text"] + paths, ["--help"]):
            with self.subTest(args=args[:2]):
                p = subprocess.Popen([cliutil.BINARY] + args, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, env=cliutil.env())
                p.stdout.read(1)
                p.stdout.close()
                err = p.stderr.read()
                p.stderr.close()
                self.assertEqual(p.wait(timeout=cliutil.RUN_TIMEOUT), 0)
                self.assertEqual(err, b"")

    def test_too_large_file_refused(self):
        big = self.path("big.txt")
        with open(big, "wb") as f:
            f.truncate(257 * 1024 * 1024)   # sparse: costs no disk
        r = run(["analyze", "-f", "jsonl", big, self.good()])
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"limit", r.stderr)
        self.assertEqual(len(r.stdout.splitlines()), 1)


class ShellContract(Base):
    def folder_with_sidecars(self):
        d = self.path("corpus")
        os.makedirs(os.path.join(d, "2024"))
        write(os.path.join(d, "a.txt"), article(1)[0])
        write(os.path.join(d, "a.gold.json"), '{"brands": [["Nissan"]]}\n')
        write(os.path.join(d, "table.tsv"), "name\tcountry\nNissan\tJapan\n")
        write(os.path.join(d, "photo.png"), b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
        write(os.path.join(d, "2024", "b.html"), "<html><body><p>%s</p></body></html>" % article(2)[0])
        write(os.path.join(d, "2024", "c.txt"), article(3)[0])
        return d

    def sources(self, r):
        return [os.path.relpath(json.loads(l)["source"], self.path("corpus"))
                for l in r.stdout.splitlines()]

    def test_walk_takes_article_files_only(self):
        d = self.folder_with_sidecars()
        r = self.ok(run(["analyze", "-f", "jsonl", d]))
        self.assertEqual(self.sources(r), ["2024/b.html", "2024/c.txt", "a.txt"])
        self.assertEqual(r.stderr, b"")
        r = self.ok(run(["analyze", "-f", "jsonl", "--type", "html", d]))
        self.assertEqual(self.sources(r), ["2024/b.html"])
        r = self.ok(run(["analyze", "-f", "jsonl", "--all-files", d]))
        self.assertEqual(self.sources(r), ["2024/b.html", "2024/c.txt", "a.gold.json", "a.txt",
                                           "table.tsv"])
        self.assertIn(b"photo.png: warning: binary file, skipped", r.stderr)
        r = self.ok(run(["analyze", "-f", "jsonl", "-q", "--all-files", d]))
        self.assertEqual(r.stderr, b"")
        # A summary of the folder counts the brand in each article once.
        r = self.ok(run(["summarize", "-f", "json", d]))
        self.assertEqual(json.loads(r.stdout)["articles"], 3)
        r = run(["analyze", "--type", "pdf", d])
        self.assertEqual(r.returncode, 2)

    def test_include_exclude_paths_and_negation(self):
        d = self.folder_with_sidecars()
        r = self.ok(run(["analyze", "-f", "jsonl", "--include", "2024/*", d]))
        self.assertEqual(self.sources(r), ["2024/b.html", "2024/c.txt"])
        r = self.ok(run(["analyze", "-f", "jsonl", "--include", "!*.html", d]))
        self.assertEqual(self.sources(r), ["2024/c.txt", "a.txt"])
        r = self.ok(run(["analyze", "-f", "jsonl", "--exclude", "2024", d]))
        self.assertEqual(self.sources(r), ["a.txt"])
        r = self.ok(run(["analyze", "-f", "jsonl", "--exclude", "*.txt", "--exclude", "!c.txt", d]))
        self.assertEqual(self.sources(r), ["2024/b.html", "2024/c.txt"])
        r = self.ok(run(["analyze", "-f", "jsonl", "--include", "*.tsv", d]))   # named: taken
        self.assertEqual(self.sources(r), ["table.tsv"])

    def test_stdin_when_no_input_named(self):
        text = article(4)[0].encode()
        r = self.ok(run(["analyze", "-f", "json"], stdin=text))
        self.assertEqual(json.loads(r.stdout)["source"], "-")

    def test_files_from_crlf(self):
        a, b = self.good("a.txt", 1), self.good("b.txt", 2)
        lst = self.path("list.txt")
        write(lst, ("%s\r\n%s\r\n" % (a, b)).encode())
        r = self.ok(run(["analyze", "-f", "jsonl", "--files-from", lst]))
        self.assertEqual([json.loads(l)["source"] for l in r.stdout.splitlines()], [a, b])

    def test_output_file(self):
        a = self.good()
        out = self.path("out.jsonl")
        r = self.ok(run(["analyze", "-f", "jsonl", "-o", out, a]))
        self.assertEqual(r.stdout, b"")
        with open(out, "rb") as f:
            self.assertEqual(json.loads(f.read())["source"], a)
        r = run(["analyze", "-o", self.path("no", "such", "dir", "x"), a])
        self.assertEqual(r.returncode, 2)
        self.assertIn(b"No such file or directory", r.stderr)

    def test_color_when(self):
        a = self.good()
        bold = b"\033[1m"
        self.assertIn(bold, self.ok(run(["analyze", "--color", a])).stdout)
        self.assertIn(bold, self.ok(run(["analyze", "--color=always", a])).stdout)
        self.assertNotIn(bold, self.ok(run(["analyze", "--color=never", a])).stdout)
        self.assertNotIn(bold, self.ok(run(["analyze", "--color=auto", a])).stdout)
        env = cliutil.env()
        env["CLICOLOR_FORCE"] = "1"
        r = subprocess.run([cliutil.BINARY, "analyze", a], capture_output=True, env=env)
        self.assertIn(bold, r.stdout)
        env["NO_COLOR"] = "1"
        r = subprocess.run([cliutil.BINARY, "analyze", a], capture_output=True, env=env)
        self.assertNotIn(bold, r.stdout)
        self.assertEqual(run(["analyze", "--color=sometimes", a]).returncode, 2)


class NoMentions(Base):
    def test_counts_instead_of_lists(self):
        a = self.good()
        full = json.loads(self.ok(run(["analyze", "-f", "json", a])).stdout)
        short = json.loads(self.ok(run(["analyze", "-f", "json", "--no-mentions", a])).stdout)
        self.assertEqual(len(full["entities"]), len(short["entities"]))
        for f, s in zip(full["entities"], short["entities"]):
            self.assertNotIn("mentions", s)
            self.assertEqual(s["mention_count"], len(f["mentions"]))
            self.assertEqual({k: v for k, v in f.items() if k != "mentions"},
                             {k: v for k, v in s.items() if k != "mention_count"})
        self.assertEqual(full["figures"], short["figures"])


class Completions(Base):
    def complete(self, words):
        script = subprocess.run([cliutil.BINARY, "completions", "bash"], capture_output=True,
                                check=True).stdout.decode()
        prog = script + "\nCOMP_WORDS=(%s); COMP_CWORD=%d; _carnews; echo \"${COMPREPLY[*]}\"\n" % (
            " ".join("'%s'" % w for w in words), len(words) - 1)
        return subprocess.run(["bash", "-c", prog], capture_output=True, check=True).stdout.split()

    def test_bash_completes_from_the_option_table(self):
        self.assertEqual(self.complete(["carnews", "sum"]), [b"summarize"])
        self.assertEqual(self.complete(["carnews", "analyze", "--format", ""]),
                         [b"text", b"json", b"jsonl", b"tsv"])
        self.assertIn(b"--follow", self.complete(["carnews", "text", "--f"]))
        self.assertNotIn(b"--format", self.complete(["carnews", "text", "--f"]))

    def test_every_shell(self):
        for shell in ("bash", "zsh", "fish"):
            r = self.ok(run(["completions", shell]))
            self.assertIn(b"carnews", r.stdout)
            if shutil.which(shell):
                check = ["bash", "-n"] if shell == "bash" else [shell, "-n"]
                p = subprocess.run(check, input=r.stdout, capture_output=True)
                self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(run(["completions", "tcsh"]).returncode, 2)


class Formats(Base):
    def test_every_format_is_valid(self):
        a, b = self.good("a.txt", 1), self.good("b.txt", 2)
        r = self.ok(run(["analyze", "-f", "json", a, b]))
        docs = json.loads(r.stdout)
        self.assertEqual(len(docs), 2)
        r = self.ok(run(["analyze", "-f", "jsonl", a, b]))
        lines = r.stdout.decode().splitlines()
        self.assertEqual(len(lines), 2)
        for line in lines:
            self.assertEqual(json.loads(line)["schema"], "carnews/1")
        r = self.ok(run(["analyze", "-f", "tsv", a, b]))
        rows = r.stdout.decode().split("\n")
        self.assertEqual(rows.pop(), "")
        self.assertEqual(rows[0].split("\t"), TSV_COLUMNS)
        self.assertGreater(len(rows), 2)
        for row in rows:
            self.assertEqual(len(row.split("\t")), len(TSV_COLUMNS), row)
        r = self.ok(run(["analyze", "-f", "text", a, b]))
        self.assertEqual(r.stdout.count(b"Source "), 2)
        self.assertIn(b"\n\nSource ", r.stdout)
        self.assertNotIn(b"\033[", r.stdout)

    def test_default_format_is_text(self):
        a = self.good()
        self.assertEqual(run(["analyze", a]).stdout, run(["analyze", "-f", "text", a]).stdout)

    def test_color(self):
        a = self.good()
        self.assertIn(b"\033[1m", self.ok(run(["analyze", "--color", a])).stdout)
        r = self.ok(run(["analyze", "--color", "--no-color", a]))
        self.assertNotIn(b"\033[", r.stdout)

    def test_tsv_no_header(self):
        r = self.ok(run(["analyze", "-f", "tsv", "--no-header", self.good()]))
        self.assertFalse(r.stdout.startswith(b"source\t"))

    def test_types_filter(self):
        a = self.good()
        doc = json.loads(self.ok(run(["analyze", "-f", "json", "--types", "brand", a])).stdout)
        self.assertTrue(doc["entities"])
        self.assertEqual({e["type"] for e in doc["entities"]}, {"brand"})
        # Figures and quotes are then not looked for, and the brands are
        # those of a full run.
        full = json.loads(self.ok(run(["analyze", "-f", "json", a])).stdout)
        self.assertTrue(full["figures"])
        self.assertEqual(doc["entities"], [e for e in full["entities"] if e["type"] == "brand"])
        self.assertEqual(doc["figures"], [])
        self.assertEqual(doc["quotes"], [])
        r = self.ok(run(["analyze", "-f", "tsv", "--no-header", "-t", "figure,quote", a]))
        types = {row.split("\t")[1] for row in r.stdout.decode().splitlines()}
        self.assertTrue(types <= {"figure", "quote"}, types)
        r = self.ok(run(["analyze", "-f", "text", "-t", "brands", a]))
        self.assertIn(b"Brands", r.stdout)
        self.assertNotIn(b"Figures", r.stdout)

    def test_jsonl_of_many_is_one_line_each(self):
        paths = [self.good("f%d.txt" % i, i) for i in range(5)]
        r = self.ok(run(["analyze", "-f", "jsonl"] + paths))
        self.assertEqual([json.loads(l)["source"] for l in r.stdout.splitlines()], paths)


class TextCommand(Base):
    def test_text_is_the_file(self):
        p = self.good()
        with open(p, "rb") as f:
            data = f.read()
        self.assertEqual(self.ok(run(["text", p])).stdout, data)

    def test_texts_separated_by_blank_line(self):
        a, b = self.path("a.txt"), self.path("b.txt")
        write(a, "First article.\n")
        write(b, "Second article.\n")
        r = self.ok(run(["text", a, b]))
        self.assertEqual(r.stdout, ("==> %s <==\nFirst article.\n\n==> %s <==\nSecond article.\n"
                                    % (a, b)).encode())
        r = self.ok(run(["text", "--no-heading", a, b]))
        self.assertEqual(r.stdout, b"First article.\n\nSecond article.\n")
        r = self.ok(run(["text", a]))       # one text: no heading
        self.assertEqual(r.stdout, b"First article.\n")


class Data(Base):
    def test_check_is_strict(self):
        d = self.path("mydata")
        os.mkdir(d)
        write(os.path.join(d, "brands.tsv"), "name\taliases\tparent\tcountry\tkind\n"
              "Nova Motors\tNova\tStellantis\tUnited Kingdom\tbrand\n")
        r = self.ok(run(["data", "check", d]))     # parent and country are built-in names
        write(os.path.join(d, "brands.tsv"), "name\taliases\tparent\tcountry\tkind\n"
              "Nova Motors\tNova\tStelantis\tUnited Kingdom\tbrand\n")
        r = run(["data", "check", d])
        self.assertEqual(r.returncode, 2)
        self.assertIn(b"brands.tsv:2: unknown brand or group 'Stelantis'", r.stderr)
        write(os.path.join(d, "brands.tsv"), "name\taliases\tparent\tcountry\tkind\n"
              "Nova Motors\tNova\t\tNarnia\tbrand\n")
        r = run(["data", "check", d])
        self.assertIn(b"brands.tsv:2: unknown country 'Narnia'", r.stderr)
        os.remove(os.path.join(d, "brands.tsv"))
        write(os.path.join(d, "brand.tsv"), "name\n")
        r = run(["data", "check", d])
        self.assertEqual(r.returncode, 2)
        self.assertIn(b"brand.tsv: unknown data file", r.stderr)
        self.ok(run(["data", "check", os.path.join(cliutil.SOURCE_DIR, "data")]))

    def data_dir(self):
        return os.path.join(cliutil.SOURCE_DIR, "data")

    def test_check_real_data(self):
        d = self.data_dir()
        r = self.ok(run(["data", "check", d]))
        self.assertEqual(r.stdout, ("%s: ok\n" % d).encode())

    def test_missing_folders(self):
        missing = self.path("no-such-dir")
        r = run(["data", "check", missing])
        self.assertEqual(r.returncode, 2)
        self.assertIn(("carnews: %s: No such file or directory" % missing).encode(), r.stderr)
        r = run(["analyze", "--data", missing, self.good()])
        self.assertEqual(r.returncode, 2)
        self.assertIn(missing.encode(), r.stderr)
        self.assertEqual(r.stdout, b"")

    def test_check_malformed(self):
        d = self.path("bad")
        os.mkdir(d)
        write(os.path.join(d, "brands.tsv"),
              "# comment\nname\taliases\tparent\tcountry\tkind\n"
              "Good Motors\t\t\tUnited Kingdom\tbrand\n"
              "Broken Motors\tonly two fields\n")
        r = run(["data", "check", d])
        self.assertEqual(r.returncode, 2)
        self.assertIn(b"brands.tsv:4:", r.stderr)
        self.assertEqual(r.stdout, b"")

    def user_data(self):
        d = self.path("mydata")
        os.mkdir(d)
        write(os.path.join(d, "brands.tsv"),
              "name\taliases\tparent\tcountry\tkind\n"
              "Zorblax Motors\tZorblax\t\tUnited Kingdom\tbrand\n")
        art = self.path("zorblax.txt")
        write(art, "Zorblax Motors sold 1,200 cars in March, the company said.\n\n"
                   "Zorblax will open a second factory next year.\n")
        return d, art

    @staticmethod
    def brands(stdout):
        return {e["name"] for e in json.loads(stdout)["entities"] if e["type"] == "brand"}

    def test_user_data_dir(self):
        d, art = self.user_data()
        self.assertNotIn("Zorblax Motors", self.brands(self.ok(run(["analyze", "-f", "json", art])).stdout))
        r = self.ok(run(["analyze", "-f", "json", "--data", d, art]))
        self.assertIn("Zorblax Motors", self.brands(r.stdout))
        r = self.ok(run(["analyze", "-f", "json", art], extra_env={"CARNEWS_DATA": d}))
        self.assertIn("Zorblax Motors", self.brands(r.stdout))

    def test_bad_user_data_exits_2(self):
        d = self.path("bad")
        os.mkdir(d)
        write(os.path.join(d, "brands.tsv"), "name\taliases\tparent\tcountry\tkind\nX\n")
        r = run(["analyze", "--data", d, self.good()])
        self.assertEqual(r.returncode, 2)
        self.assertIn(b"brands.tsv:2:", r.stderr)
        self.assertEqual(r.stdout, b"")


class Summarize(Base):
    def test_summary_formats(self):
        paths = [self.good("f%d.txt" % i, i) for i in range(6)]
        doc = json.loads(self.ok(run(["summarize", "-f", "json"] + paths)).stdout)
        self.assertEqual(doc["schema"], "carnews-summary/1")
        self.assertEqual(doc["articles"], 6)
        for key in ("brands", "models", "people", "plants", "organizations", "places",
                    "figures", "speakers"):
            self.assertIsInstance(doc[key], list, key)
        ranks = [(-b["articles"], -b["mentions"]) for b in doc["brands"]]
        self.assertEqual(ranks, sorted(ranks))
        for f in doc["figures"]:
            self.assertIn(f["source"], paths)
        agg = self.ok(run(["analyze", "--aggregate", "-f", "json"] + paths)).stdout
        self.assertEqual(json.loads(agg), doc)

        r = self.ok(run(["summarize", "-f", "jsonl"] + paths))
        lines = [json.loads(l) for l in r.stdout.splitlines()]
        self.assertEqual(lines[0]["type"], "summary")
        self.assertTrue(all("type" in l for l in lines))

        r = self.ok(run(["summarize", "-f", "tsv"] + paths))
        rows = r.stdout.decode().splitlines()
        self.assertEqual(rows[0].split("\t"), TSV_COLUMNS + ["articles", "quotes"])
        for row in rows:
            self.assertEqual(len(row.split("\t")), len(TSV_COLUMNS) + 2, row)

        r = self.ok(run(["summarize"] + paths))
        self.assertTrue(r.stdout.startswith(b"Summary"))

    def test_summary_types(self):
        paths = [self.good("f%d.txt" % i, i) for i in range(3)]
        doc = json.loads(self.ok(run(["summarize", "-f", "json", "-t", "brand"] + paths)).stdout)
        self.assertTrue(doc["brands"])
        self.assertEqual(doc["figures"], [])
        self.assertEqual(doc["places"], [])


if __name__ == "__main__":
    cliutil.main()
