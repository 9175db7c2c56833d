# Probe: gc.get_count()[0] after every statement of the first iterations of
# bench/alloc_cycles.py's loop (entry of make(), each allocation, each
# instance __dict__ made by an attribute store), after gc.collect().
# Run it as `python2.7 py27_alloc_counts.py` and as
# `node dist/cli.js run scripts/probes/py27_alloc_counts.py --python 2.7`:
# the two lines must be equal. This is how the off-by-one automatic collection
# of the 2.7 profile was traced to the dict free list: in 2.7 the first
# attribute stores take their __dict__ from the free list (no count), which
# compiling __main__ filled (see py27_compile_freelists.py).
from __future__ import print_function
import gc


class Node(object):
    pass


trace = [0] * 40


def make(n):
    g = gc.get_count
    k = 0
    trace[0] = g()[0]
    i = 0
    while i < n:
        trace[k + 1] = g()[0]
        a = Node()
        trace[k + 2] = g()[0]
        b = Node()
        trace[k + 3] = g()[0]
        a.other = b
        trace[k + 4] = g()[0]
        b.other = a
        trace[k + 5] = g()[0]
        c = Node()
        trace[k + 6] = g()[0]
        d = Node()
        trace[k + 7] = g()[0]
        i = i + 4
        k = k + 8


gc.collect()
c0 = gc.get_count()[0]
make(12)
c1 = gc.get_count()[0]
print(c0, trace[:25], c1)
