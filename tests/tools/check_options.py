#!/usr/bin/env python3
"""Every option that --help lists for a command appears in the man page.

    check_options.py CARNEWS_BINARY MAN_PAGE

The help is generated from the option table in src/cli/options.c, so this
checks the table against carnews(1).
"""
import re
import subprocess
import sys


def main():
    binary, man = sys.argv[1], sys.argv[2]
    with open(man, encoding="utf-8") as f:
        page = f.read().replace("\\-", "-").replace("\\fB", "").replace("\\fR", "") \
            .replace("\\fI", "")
    missing = []
    seen = set()
    for cmd in ("analyze", "summarize", "text"):
        out = subprocess.run([binary, cmd, "--help"], capture_output=True, text=True,
                             check=True).stdout
        for m in re.finditer(r"^\s+(?:(-\w), )?(--[\w-]+)", out, re.M):
            for opt in filter(None, m.groups()):
                if opt in seen:
                    continue
                seen.add(opt)
                if not re.search(r"(?<![\w-])" + re.escape(opt) + r"(?![\w-])", page):
                    missing.append(opt)
    for opt in missing:
        print(f"{man}: option {opt} is in --help but not in the man page")
    print(f"check_options: {len(seen)} options, {len(missing)} missing")
    return 1 if missing or not seen else 0


if __name__ == "__main__":
    sys.exit(main())
