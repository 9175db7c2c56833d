# requires: 2.7
# sys.getsizeof, exact per version: atoms, tuples, instances, functions, and the
# over-allocation of lists (list_resize), dict keys tables and set tables.
from __future__ import print_function
import sys

g = sys.getsizeof


class A(object):
    def m(self):
        pass


class S(object):
    __slots__ = ('x', 'y')


class B(S):
    pass


class C(A):
    pass


class D(S):
    __slots__ = ('z',)


class E(A):
    __slots__ = ('q',)


class N(object):
    __slots__ = ()


def f():
    pass


def counter(n):
    # an iterator without __len__ or __length_hint__: list_extend guesses 8 items
    return enumerate(range(n))


a = A()
a.x = 1
print('atoms', [g(None), g(True), g(False), g(0), g(1), g(-5), g(2 ** 30), g(2 ** 40), g(2 ** 70), g(-2 ** 62), g(1.5)])
print('bytes', [g(b''), g(b'ab')])
print('tuples', [g(()), g((1,)), g((1, 2, 3))])
print('instances', [g(a), g(S()), g(B()), g(C()), g(D()), g(E()), g(N()), g(f), g(lambda: 0), g(a.m), g(len)])

print('displays', [g([]), g([1]), g([1, 2, 3]), g([1, 2, 3, 4, 5]), g(list()), g(list((1, 2, 3))),
                   g(list([1, 2, 3, 4, 5])), g(list('abc')), g(list(range(20))), g(list(counter(3))), g(list(counter(20)))])
print('comprehension', [g([x for x in range(n)]) for n in (0, 1, 4, 5, 9, 17)])
l = []
sizes = []
for i in range(40):
    l.append(i)
    sizes.append(g(l))
print('append', sizes)
sizes = []
while l:
    l.pop()
    sizes.append(g(l))
print('pop', sizes)
l = [1]
l.pop()
l.extend([1, 2, 3])
print('pop then extend', g(l))
l = list(range(20))
l.pop(0)
l.insert(3, 7)
del l[2:15]
s1 = g(l)
l[1:1] = [1, 2, 3, 4, 5, 6, 7, 8, 9]
s2 = g(l)
l[0:12] = []
s3 = g(l)
del l[0]
s4 = g(l)
print('slices', [s1, s2, s3, s4, len(l)])
l = [1, 2, 3] * 4
s1 = g(l)
l *= 2
s2 = g(l)
l.sort()
s3 = g(l)
l += (1, 2)
s4 = g(l)
l.extend(counter(30))
s5 = g(l)
del l[::2]
s6 = g(l)
l.remove(1)
s7 = g(l)
l *= 0
print('ops', [s1, s2, s3, s4, s5, s6, s7, g(l), g(l[:]), g(l + [1]), g([0] * 7)])
l = [1, 2, 3]
del l[:]
s1 = g(l)
l.extend((1, 2, 3))
print('clear then extend', [s1, g(l)])

print('dict displays', [g({}), g(dict()), g({'a': 1, 'b': 2}), g({1: 1, 2: 2}), g(dict(a=1, b=2)),
                        g({'a': 1, 'b': 2, 'c': 3, 'd': 4, 'e': 5, 'f': 6}),
                        g({1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6, 7: 7, 8: 8, 9: 9, 10: 10, 11: 11}),
                        g({i: i for i in range(3)})])
d = {}
sizes = []
for i in range(50):
    d['k%d' % i] = i
    sizes.append(g(d))
print('str keys', sizes)
d = {}
sizes = []
for i in range(50):
    d[i] = i
    sizes.append(g(d))
print('int keys', sizes)
for i in range(45):
    del d[i]
s1 = g(d)
d[100] = 1
s2 = g(d)
d.clear()
s3 = g(d)
d['a'] = 1
s4 = g(d)
d[1] = 2
s5 = g(d)
d.pop('a')
d.popitem()
print('deletes', [s1, s2, s3, s4, s5, g(d)])
d = {}
for i in range(16):
    d[i] = i
for i in range(12):
    del d[i]
sizes = [g(d)]
for i in range(16, 40):
    d[i] = i
    sizes.append(g(d))
print('reuse', sizes)
x = {}
x['a'] = 1
del x['a']
s1 = g(x)
for i in range(10):
    x[i] = 1
    del x[i]
print('churn', [s1, g(x)])

s = set()
sizes = [g(s)]
for i in range(40):
    s.add(i)
    sizes.append(g(s))
print('sets', sizes)
print('set displays', [g({1, 2}), g(set([1, 2, 3, 4, 5, 6])), g(frozenset()), g(frozenset(range(10)))])

sizes = []
for src in ({1, 2, 3}, {'a': 1, 'b': 2}, 'abcdefghij', (1, 2), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], counter(2)):
    l = []
    l.extend(src)
    sizes.append(g(l))
    l = [0] * 3
    l.extend(src)
    sizes.append(g(l))
    sizes.append(g(list(src)))
print('extend kinds', sizes)
d = {'a': 1, 'b': 2, 'c': 3}
print('list of views', [g(list(d.keys())), g(list(d.values())), g(list(d.items())), g(list(d))])
