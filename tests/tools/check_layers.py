#!/usr/bin/env python3
"""Check the library's layering: which folder may include which, and that
no two source files call each other in a circle.

    check_layers.py SRC_DIR [OBJECT_DIR]

Includes are read from the sources.  Calls are read from the object files'
symbol tables (nm): file A calls file B when A has an undefined symbol that
B defines.  Exits 1 with one line per fault, 0 when the tree is clean.
"""
import os
import re
import subprocess
import sys

# Each folder's level; a file may include its own folder, lower levels and
# the public header, never a sibling on its own level or anything above.
LEVELS = {
    "base": 0,
    "ingest": 1, "segment": 1, "numbers": 1,
    "data": 2,
    "extract": 3,
    ".": 4,            # src/analyzer.c: the pipeline and public entry points
    "report": 5,
    "cli": 6,
}
# Folders that see the library through the public header (and base) only.
PUBLIC_ONLY = {"report", "cli"}
INCLUDE_RE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def folder_of(rel):
    parts = rel.split(os.sep)
    return parts[0] if len(parts) > 1 else "."


def source_files(src):
    for root, _, names in os.walk(src):
        for n in sorted(names):
            if n.endswith((".c", ".h")):
                path = os.path.join(root, n)
                yield os.path.relpath(path, src), path


def header_index(src):
    """Header base name -> folder, to resolve "name.h" includes."""
    index = {}
    for rel, _ in source_files(src):
        if rel.endswith(".h"):
            index.setdefault(os.path.basename(rel), []).append(folder_of(rel))
    return index


def check_includes(src):
    faults = []
    index = header_index(src)
    for rel, path in source_files(src):
        me = folder_of(rel)
        if me not in LEVELS:
            faults.append(f"{rel}: folder '{me}' has no level in check_layers.py")
            continue
        with open(path, encoding="utf-8") as f:
            text = f.read()
        for inc in INCLUDE_RE.findall(text):
            if inc.startswith("carnews/"):
                continue
            if "/" in inc:
                target = inc.split("/")[0]
            else:
                homes = index.get(inc)
                if not homes:
                    faults.append(f"{rel}: includes unknown header {inc}")
                    continue
                target = me if me in homes else homes[0]
            if target == me:
                continue
            if me in PUBLIC_ONLY and target not in ("base",) and not (
                    me == "cli" and target == "report"):
                faults.append(f"{rel}: {me}/ uses the public API only, but includes {inc} ({target}/)")
                continue
            if LEVELS[target] >= LEVELS[me]:
                kind = "a sibling" if LEVELS[target] == LEVELS[me] else "a higher level"
                faults.append(f"{rel}: includes {inc} from {kind} ({target}/)")
    return faults


def symbols(obj):
    out = subprocess.run(["nm", "--defined-only", "-g", obj], capture_output=True,
                         text=True, check=True).stdout
    defined = {l.split()[-1] for l in out.splitlines() if len(l.split()) >= 3}
    out = subprocess.run(["nm", "-u", obj], capture_output=True, text=True,
                         check=True).stdout
    undefined = {l.split()[-1] for l in out.splitlines() if l.strip()}
    return defined, undefined


def check_cycles(objdir):
    objs = []
    for root, _, names in os.walk(objdir):
        for n in names:
            if n.endswith(".c.o") and "CMakeFiles" in root and "/tests/" not in root + "/" \
                    and "fuzz" not in root:
                objs.append(os.path.join(root, n))
    owner, uses = {}, {}
    for o in sorted(objs):
        rel = os.path.relpath(o, objdir)
        folder, rest = rel.split("CMakeFiles" + os.sep, 1)
        name = folder + rest.split(os.sep, 1)[1][:-len(".o")]
        defined, undefined = symbols(o)
        for s in defined:
            owner[s] = name
        uses[name] = undefined
    graph = {f: sorted({owner[s] for s in u if s in owner and owner[s] != f})
             for f, u in uses.items()}
    # Tarjan's strongly connected components: any with two files is a cycle.
    index, low, stack, on, sccs, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            sccs.append(comp)

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    faults = []
    for comp in sccs:
        if len(comp) > 1:
            faults.append("call cycle between " + ", ".join(sorted(comp)))
    return faults, len(objs)


def main():
    if len(sys.argv) not in (2, 3):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    faults = check_includes(sys.argv[1])
    nobj = 0
    if len(sys.argv) == 3:
        cyc, nobj = check_cycles(sys.argv[2])
        faults += cyc
        if nobj == 0:
            faults.append(f"no object files under {sys.argv[2]}")
    for f in faults:
        print(f)
    print(f"check_layers: {len(faults)} faults ({nobj} object files)")
    return 1 if faults else 0


if __name__ == "__main__":
    sys.exit(main())
