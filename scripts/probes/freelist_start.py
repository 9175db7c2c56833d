# Probe: free-list occupancy at the start of __main__ (after `import gc, sys`,
# the first line of every oracle scenario), measured from inside Python.
# What it measures: for one kind of container (argv[1]: list, dict, or tN =
# tuple of length N, 1..20), how many objects of that kind the interpreter can
# hand out from its free list before gc.get_count()[0] starts to rise.  The
# objects are created one by one and kept alive; after each creation the count
# is read into a pre-allocated store.  Nothing else runs before the loop: no
# gc.collect() (it would empty the free lists in 3.x), no set_threshold (its
# argument tuple would use the 1-tuple free list); gc.disable() allocates
# nothing.  Storage never uses the kind being measured (lists are kept in a
# dict, dicts and tuples in lists).  The reading itself creates a 3-tuple
# (gc.get_count()'s result) which is freed at once, so it only borrows a free
# 3-tuple; for kind t3 the formula below still holds (see the .md notes).
# Output: free_at_start = number of leading creations that did not raise the
# count (= free-list occupancy), and the count deltas of the first 12 steps.
# Usage: python freelist_start.py KIND     (run once per kind; -S too)
from __future__ import print_function
import gc, sys
gc.disable()
kind = sys.argv[1]
N = 120
if kind[0] == 't':
    N = 2100
    size = int(kind[1:])
else:
    size = 0
if kind == 'list':
    K = {}
    R = {}
else:
    K = [None] * N
    R = [0] * N
x = 0
i = 0
c0 = gc.get_count()[0]
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
    elif size == 4:
        K[i] = (x, x, x, x)
    elif size == 5:
        K[i] = (x, x, x, x, x)
    elif size == 6:
        K[i] = (x, x, x, x, x, x)
    elif size == 7:
        K[i] = (x, x, x, x, x, x, x)
    elif size == 8:
        K[i] = (x, x, x, x, x, x, x, x)
    elif size == 9:
        K[i] = (x, x, x, x, x, x, x, x, x)
    elif size == 10:
        K[i] = (x, x, x, x, x, x, x, x, x, x)
    elif size == 11:
        K[i] = (x, x, x, x, x, x, x, x, x, x, x)
    elif size == 12:
        K[i] = (x, x, x, x, x, x, x, x, x, x, x, x)
    elif size == 13:
        K[i] = (x, x, x, x, x, x, x, x, x, x, x, x, x)
    elif size == 14:
        K[i] = (x, x, x, x, x, x, x, x, x, x, x, x, x, x)
    elif size == 15:
        K[i] = (x, x, x, x, x, x, x, x, x, x, x, x, x, x, x)
    elif size == 16:
        K[i] = (x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x)
    elif size == 17:
        K[i] = (x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x)
    elif size == 18:
        K[i] = (x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x)
    elif size == 19:
        K[i] = (x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x)
    elif size == 20:
        K[i] = (x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x)
    R[i] = gc.get_count()[0]
    i = i + 1
# ---- evaluation (allocations from here on do not matter)
free = 0
while free < N and R[free] == c0:
    free = free + 1
steps = []
prev = c0
j = 0
while j < 12:
    steps.append(R[j] - prev)
    prev = R[j]
    j = j + 1
total = R[N - 1] - c0
print('kind = %s' % kind)
print('free_at_start = %d' % free)
print('first_steps = %s' % steps)
print('total_rise = %d of %d' % (total, N))
