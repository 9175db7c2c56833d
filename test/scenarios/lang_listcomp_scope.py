# List comprehensions: 2.7 runs them inline, so the loop variables stay bound in
# the enclosing scope (module, function, class body) and keep the last item
# alive; 3.x gives them a scope of their own (3.12+: inlined, still hidden).
# requires: 2.7
from __future__ import print_function
import gc, sys


class A(object):
    pass


xs = [A() for i in range(3)]
print('module_var_bound = %s' % ('i' in globals()))
last = [A() for obj in [A(), A()]]
print('last_item_refs = %d' % sys.getrefcount(globals().get('obj', last)))


def f():
    ys = [[j, k] for j in range(2) for k in range(2) if j != k]
    return ys


print(f())


class C(object):
    zs = [q * 2 for q in range(3)]


print(C.zs, hasattr(C, 'q'))
pairs = [(a, b) for a in [1, 2] for b in 'xy']
print(pairs)
print('nested = %s' % [[y for y in range(x)] for x in range(3)])


def g():
    ys = [j * 2 for j in range(4)]
    return ys, j


print(g())
