#!/usr/bin/env python3
"""Compare two result trees (e.g. results vs results-rerun / results-nosite).
Copied from the shared oracle harness. Usage: compare_runs.py DIR_A DIR_B
Prints scenario/version pairs whose normalised stdout/stderr differ, ignoring
'gc: objects in each generation' / 'permanent generation' lines."""
import glob, json, os, re, sys
if len(sys.argv) != 3:
    raise SystemExit(__doc__)
a, b = sys.argv[1], sys.argv[2]
IGN = re.compile(r"^gc: objects in (each|permanent) generation")
def load(p):
    r = json.load(open(p))
    if "skipped" in r:
        return None
    return ([l for l in r["stdout"].splitlines()],
            [l for l in r["stderr"].splitlines() if not IGN.match(l)])
diffs = {}
for p in sorted(glob.glob(os.path.join(a, "*", "*.json"))):
    rel = os.path.relpath(p, a)
    q = os.path.join(b, rel)
    if not os.path.exists(q):
        continue
    x, y = load(p), load(q)
    if x != y:
        sc, ver = rel.split(os.sep)
        lines = []
        for i in (0, 1):
            for k in range(max(len(x[i]), len(y[i]))):
                l1 = x[i][k] if k < len(x[i]) else None
                l2 = y[i][k] if k < len(y[i]) else None
                if l1 != l2:
                    lines.append("%s | %s" % (l1, l2))
        diffs.setdefault(sc, []).append((ver[:-5], lines))
for sc in sorted(diffs):
    print("##", sc)
    for ver, lines in diffs[sc]:
        print("  ", ver, ":", "; ".join(lines[:4]) + (" ..." if len(lines) > 4 else ""))
