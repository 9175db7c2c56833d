# What gc.collect() counts for cycles of many shapes (SPEC section 3): instance, list
# and dict self-cycles, list<->dict, dicts among themselves, instance<->dict, a
# self-recursive closure, and deleted classes (with a method, with an instance).
# requires: 2.7
from __future__ import print_function
import gc, sys
gc.collect()
class A(object):
    pass
a = A()
a.me = a
del a
print('inst_self = %d' % gc.collect())
l = []
l.append(l)
del l
print('list_self = %d' % gc.collect())
d = {}
d['d'] = d
del d
print('dict_self = %d' % gc.collect())
l = []
d = {'l': l}
l.append(d)
del l, d
print('list_dict = %d' % gc.collect())
d = {}
d['self'] = d
del d
print('dict_self = %d' % gc.collect())
d1 = {}
d2 = {'o': d1}
d1['o'] = d2
del d1, d2
print('two_dicts = %d' % gc.collect())
class A2(object):
    pass
a = A2()
d = {'a': a}
a.d = d
del a, d
print('inst_dict = %d' % gc.collect())
print(gc.get_count())
def outer():
    def rec(n):
        if n == 0:
            return 0
        return rec(n - 1)
    return rec
f = outer()
print('r = %d' % f(3))
del f
print('c = %d' % gc.collect())
def outer2():
    x = []
    def g():
        return x
    x.append(g)
    return g
g = outer2()
del g
print('c2 = %d' % gc.collect())
class E(object):
    pass
del E
print('empty = %d' % gc.collect())
class M(object):
    def m(self):
        return 1
del M
print('method = %d' % gc.collect())
class C(object):
    pass
c = C()
del C
del c
print('cls_inst = %d' % gc.collect())
