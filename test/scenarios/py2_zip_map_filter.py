# zip(), map() and filter(): 2.7 builds lists at once (the result list, iterators, a tuple per row, the
# function's argument tuples; filter of an unshared list filters it in place), 3.x returns lazy iterators
# that hold their arguments until consumed. Counts and refcounts right after the call, per version.
# requires: 2.7
from __future__ import print_function
import gc, sys
class X(object):
    pass
a, b, c = X(), X(), X()
PY2 = sys.version_info[0] == 2
def counts(label, f):
    gc.collect()
    n0 = gc.get_count()[0]
    r = f()
    n1 = gc.get_count()[0]
    ra, rb = sys.getrefcount(a), sys.getrefcount(b)
    print(label, n1 - n0, ra, rb, type(r).__name__, len(list(r)))
counts('zip2', lambda: zip([a, b], (c, a)))
counts('zip3', lambda: zip([a], [b, c], 'xy'))
counts('zip0', lambda: zip())
counts('map1', lambda: map(lambda x: x, [a, b, c]))
counts('map2', lambda: map(lambda x, y: (x, y), [a, b], [c, c]))
counts('mapstr', lambda: map(str, [1, 2]))
counts('filt', lambda: filter(lambda x: x is not b, [a, b, c]))
counts('filtNone', lambda: filter(None, [a, 0, b]))
l = [a, b, c]
counts('filtShared', lambda: filter(None, l))
counts('filtbool', lambda: filter(bool, [a, None]))
r = list(filter(lambda x: x is not b, [a, b, c]))
print(sys.getrefcount(a), sys.getrefcount(b), sys.getrefcount(c), r == [a, c])
def gen():
    yield a
    yield b
print(len(list(zip(gen(), [1, 2, 3]))), len(list(filter(None, gen()))))
if PY2:
    print(len(map(None, gen(), [1])), map(None, [1, 2]), map(None, [1], [2, 3]))
else:
    print(2, [1, 2], [(1, 2), (None, 3)])
try:
    zip(1, 2)
except TypeError as e:
    print('TypeError')
n = sys.getrefcount(None)
for i in range(50):
    list(filter(None, [1, 0]))
    list(filter(lambda x: x, [1]))
    list(zip([1], []))
print('None refs', sys.getrefcount(None) - n)
