#!/usr/bin/env python3
"""The README's examples are real runs: every fenced block that follows a
line `<!-- run: COMMAND -->` must be what COMMAND prints, run with bash in
the source folder with the built carnews first on PATH.

    check_readme.py BINARY SOURCE_DIR [--update]

--update rewrites the blocks from fresh runs (review the diff).
"""
import os
import re
import subprocess
import sys

RUN_RE = re.compile(r"^<!-- run: ([^\n]+) -->\n(```[a-z]*\n)(.*?)^```\n", re.M | re.S)


def run(cmd, binary, src):
    env = dict(os.environ)
    env["PATH"] = os.path.dirname(os.path.abspath(binary)) + os.pathsep + env.get("PATH", "")
    env.pop("NO_COLOR", None)
    env.pop("CLICOLOR_FORCE", None)
    env.pop("CARNEWS_DATA", None)
    r = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], cwd=src, env=env,
                       capture_output=True, timeout=120)
    if r.returncode != 0:
        raise SystemExit("%s: exit %d: %s" % (cmd, r.returncode, r.stderr.decode()[-500:]))
    return r.stdout.decode()


def main():
    if len(sys.argv) not in (3, 4):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    binary, src = sys.argv[1], sys.argv[2]
    update = len(sys.argv) == 4 and sys.argv[3] == "--update"
    path = os.path.join(src, "README.md")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    bad, count = [], 0

    def replace(m):
        nonlocal count
        count += 1
        cmd, fence, shown = m.group(1), m.group(2), m.group(3)
        out = run(cmd, binary, src)
        if out != shown:
            bad.append(cmd)
        return "<!-- run: %s -->\n%s%s```\n" % (cmd, fence, out)

    new = RUN_RE.sub(replace, text)
    if update:
        with open(path, "w", encoding="utf-8") as f:
            f.write(new)
        print("check_readme: %d examples written" % count)
        return 0
    for cmd in bad:
        print("README.md: the output shown for `%s` is not what it prints "
              "(check_readme.py --update rewrites it)" % cmd)
    print("check_readme: %d examples, %d differ" % (count, len(bad)))
    return 1 if bad or count == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
