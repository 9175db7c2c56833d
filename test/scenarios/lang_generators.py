# requires: 2.7
# Generator objects: a GC-tracked object owning a suspended frame. <=3.10 the frame
# is a frame object (gi_frame, in gc.get_referents); 3.11+ it is embedded, so the
# generator refers to the function and the locals itself. A suspended frame keeps
# its locals and value stack (a for loop's iterator) alive; finishing or deleting
# the generator releases them; a generator in a cycle is collected. (The code
# object and the name strings among the referents are not simulated objects, so
# they are filtered out below.)
from __future__ import print_function
import gc
import sys

rc = sys.getrefcount


class A(object):
    pass


def names(o):
    return [type(r).__name__ for r in gc.get_referents(o) if type(r).__name__ not in ('code', 'str')]


def gen(a):
    b = [a]
    for x in b:
        yield x
    yield 'end'


x = A()
print('start', rc(x))
g = gen(x)
print('created', rc(x), gc.is_tracked(g), names(g))
print('first', next(g) is x, rc(x), names(g))
print('second', next(g), rc(x))
print('exhausted', list(g), rc(x), names(g))
del g

g = gen(x)
next(g)
print('suspended', rc(x))
del g
print('deleted', rc(x))

g = gen(x)
print('unstarted del', rc(x))
del g
print('after', rc(x))


def counter(n):
    i = 0
    while i < n:
        yield i
        i += 1


print('list', list(counter(4)), 'sum', sum(counter(5)))
print('for', [v * 2 for v in counter(3)])
g = counter(2)
print(next(g), next(g), next(g, 'done'))

# generator expressions: the first iterable is evaluated at once (and held by .0).
L = [x, x]
print('list before', rc(L), rc(x))
e = (v for v in L)
print('genexp', rc(L), rc(x), gc.is_tracked(e), names(e))
print('genexp first', next(e) is x, rc(x))
del e
print('genexp del', rc(L), rc(x))
print('sum genexp', sum(v * v for v in range(5)), list(c for c in 'abc' if c != 'b'))
print('nested', list((i, j) for i in range(2) for j in range(2)))

# allocations seen by gc.get_count
gc.collect()
c0 = gc.get_count()[0]
g1 = counter(3)
c1 = gc.get_count()[0]
e1 = (v for v in [1, 2])
c2 = gc.get_count()[0]
print('counts', c1 - c0, c2 - c1)
del g1, e1

# a generator in a cycle (a list it holds refers back to it) is collected.
def holder(box):
    yield len(box)


gc.collect()
box = []
g = holder(box)
box.append(g)
print('cycle next', next(g))
del g, box
print('collect suspended cycle', gc.collect())
box = []
g = holder(box)
box.append(g)
del g, box
print('collect unstarted cycle', gc.collect())
box = []
g = holder(box)
box.append(g)
print(list(g))
del g, box
print('collect exhausted cycle', gc.collect())
print('end', rc(x))
