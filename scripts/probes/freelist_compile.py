# Probe: the free lists at a script's first line hold what compiling that very
# script left behind (symtable entries, compiler units), so their occupancy
# depends on the script's scopes. Writes variants of one scenario with N extra
# function definitions (never called), runs each, and prints how many empty
# lists the script can create before gc.get_count()[0] rises.
# Usage: python freelist_compile.py [PYTHON ...]   (default: this interpreter)
# Measured: 3.10.13 gives 4, 6, 8, 12 lists for 0, 1, 2, 4 extra functions;
# 3.8.18 4, 5, 7, 11; 3.11.7 38 throughout (site's garbage fills them); 3.13.0 8, 8, 8, 11.
import os
import subprocess
import sys
import tempfile

BODY = """import gc
gc.disable()
K = [None] * 100
i = 0
b = gc.get_count()[0]
while i < 100:
    K[i] = []
    if gc.get_count()[0] != b:
        break
    i += 1
print(i)
"""

def variant(n):
    return BODY + "".join("def f%d(a, b):\n    return a\n" % k for k in range(n))

pythons = sys.argv[1:] or [sys.executable]
with tempfile.TemporaryDirectory() as d:
    for py in pythons:
        counts = []
        for n in (0, 1, 2, 4):
            path = os.path.join(d, "v%d.py" % n)
            with open(path, "w") as f:
                f.write(variant(n))
            out = subprocess.run([py, path], capture_output=True, text=True).stdout.strip()
            counts.append(out)
        print(py, "free lists with 0/1/2/4 extra functions:", " ".join(counts))
