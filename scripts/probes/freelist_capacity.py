# Probe: free-list capacity and clearing, per container kind.
# What it measures (argv[1] = list, dict or tN, a tuple of length N):
#   1. after gc.collect(), create N objects of the kind (N well above the
#      capacity), keep them, then free them all at once: the count drops by
#      N - parked, so parked = objects kept in the free list (the capacity);
#   2. create N again: rise = N - reused (reused = objects taken back from the
#      free list; normally = parked, but 3.11/3.12 park 20-tuples they never
#      reuse);
#   3. free them, run gc.collect() (does a full collection empty the free
#      list?), create N again: rise_after_collect = N - reused_after_collect.
# Storage never uses the measured kind.  Counts are read as differences of
# gc.get_count()[0]; gc is disabled (gc.collect() still works).
# Usage: python freelist_capacity.py KIND
from __future__ import print_function
import gc, sys
gc.disable()
kind = sys.argv[1]
x = 0
if kind[0] == 't':
    N = 2600
    size = int(kind[1:])
else:
    N = 300
    size = 0


def make_store():
    if kind == 'list':
        return {}
    return [None] * N


def fill(K):
    i = 0
    while i < N:
        if kind == 'list':
            K[i] = []
        elif kind == 'dict':
            K[i] = {}
        elif size == 1:
            K[i] = (x,)
        elif size == 2:
            K[i] = (x, x)
        elif size == 3:
            K[i] = (x, x, x)
        elif size == 19:
            K[i] = (x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x)
        elif size == 20:
            K[i] = (x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x)
        elif size == 21:
            K[i] = (x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x)
        i = i + 1


def clear(K):
    # free the N objects, last to first, without freeing the store
    i = N - 1
    while i >= 0:
        K[i] = None
        i = i - 1


gc.collect()
K = make_store()
fill(K)
gc.get_count()
c0 = gc.get_count()[0]
clear(K)
c1 = gc.get_count()[0]
fill(K)
c2 = gc.get_count()[0]
clear(K)
gc.collect()
gc.get_count()
c3 = gc.get_count()[0]
fill(K)
c4 = gc.get_count()[0]
print('kind = %s' % kind)
print('n = %d' % N)
print('parked_on_free = %d' % (N + (c1 - c0)))
print('reused_on_realloc = %d' % (N - (c2 - c1)))
print('reused_after_collect = %d' % (N - (c4 - c3)))
