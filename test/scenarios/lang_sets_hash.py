# Set iteration order follows CPython's hash table (Objects/setobject.c):
# int/float/tuple/None hashes, 8-slot tables growing past 3/5 fill, linear
# probing plus perturbation, dummies left by removal (reused from 3.10),
# set algebra, frozenset, refcounts of members, and hash() results.
import sys

print({3, 1, 2})
print(set([10, 2, 7, 1, 9, 4]))
print(set(range(20, 0, -3)))
a = -1
b = -2
print({a, b, 5}, {b, a, 5}, hash(a), hash(b))
print(set([2**64, 10**20, 0.5, 7.0, -3, 2**61 - 1, 2**61]))

# collisions: 0, 8, 16 share slot 0 of an 8-slot table
s = set()
for x in [0, 8, 16, 24]:
    s.add(x)
print(s)
s.remove(0)
s.add(32)
print(s, len(s))
s.discard(8)
s.add(8)
print(s)
# a new key goes to the last dummy passed on its probe sequence, except in 3.9
d = set([0, 8])
d.remove(0)
d.add(16)
print(d)

# growth past 3/5 fill: 8 -> 32 -> 128 slots
g = set()
for i in range(40):
    g.add(i * 13 % 64)
    if i in (3, 4, 18, 19):
        print(i, sorted(g) == sorted(list(g)), list(g)[:6])
print(g)
while len(g) > 5:
    g.pop()
print(g)

# comprehensions and set algebra (which operand is iterated decides order)
sq = {x * 7 % 50 for x in range(15)}
print(sq)
p = set(range(0, 40, 3))
q = set(range(0, 40, 5))
print(p | q)
print(p & q, q & p)
print(p - q)
print(p ^ q)
print(q ^ p)
p2 = set(p)
p2 |= {100, 33}
p2 &= set(range(0, 101, 11))
print(p2)
p3 = set(p)
p3 -= q
p3 ^= {1, 2, 3}
print(p3)

# methods
m = set([5, 1, 9, 13])
print(m.intersection([13, 9, 40], range(10)), m.difference([1], (13,)))
print(m.symmetric_difference([2, 5, 17]), m.union([8, 0], {21}))
print(m.isdisjoint([2, 3]), m.isdisjoint({9}), m.issuperset([1, 5]), m.issubset(range(20)))
print(m <= set(range(20)), m < m, m >= {1}, m == frozenset([1, 5, 9, 13]))
m.difference_update([1, 9])
m.intersection_update([5, 13, 99])
m.symmetric_difference_update([13, 6])
print(m)

# frozenset
f = frozenset([5, 3, 9, 17, 33, 1])
print(f, frozenset(f) is f, f.copy() is f, f | {2}, type(f & {3}).__name__)
print(hash(frozenset()), hash(frozenset([1, 2, 3])), hash(frozenset([(1, 2), (3, 4)])))
print({frozenset([1]), frozenset([2, 3])} == {frozenset([2, 3]), frozenset([1])})

# tuples and None
t = set([(1, 2), (0, 0), (3, -1), (2, 1), ()])
print(t)
print(hash(()), hash((1, 2)), hash((1, (2, 3))), hash((-1,)))

# hash() of numbers
print(hash(-1), hash(-2), hash(0), hash(2**61 - 1), hash(2**61), hash(-2**61), hash(10**30))
print(hash(1.5), hash(-0.1), hash(2.0), hash(1e300), hash(float('inf')), hash(-float('inf')))
print(hash(True), hash(False), hash(5) == hash(5.0))
print(set([1, 1.0, True]), set([0, False, 0.0]))
if sys.version_info >= (3, 12):
    print(hash(None), set([None, 1, 2]))
else:
    print(4238894112, {None, 1, 2} == {1, 2, None})

# refcounts: a set holds one reference to each member; removal releases it
class Node:
    pass
n = Node()
before = sys.getrefcount(n)
h = set()
h.add(n)
h.add(n)
print(sys.getrefcount(n) - before)
h2 = h | set()
print(sys.getrefcount(n) - before)
h.discard(n)
del h2
print(sys.getrefcount(n) - before, len(h))
