# Benchmark: gc.collect() over 1,000,000 tracked objects in reachable
# structures (a tree of lists holding instances). Only the collection is timed.
from __future__ import print_function
import gc
import time


class Leaf(object):
    pass


def build(n):
    root = []
    chunk = []
    i = 0
    while i < n:
        if len(chunk) == 1000:
            root.append(chunk)
            chunk = []
        chunk.append(Leaf())
        i = i + 1
    root.append(chunk)
    return root


gc.disable()
data = build(1000000)
gc.collect()
clock = getattr(time, 'perf_counter', time.time)  # 2.7 has no perf_counter
t0 = clock()
n = gc.collect()
t1 = clock()
print('collected', n)
print('collect seconds %.6f' % (t1 - t0))
