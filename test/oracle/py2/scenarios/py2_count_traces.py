# gc.get_count() around everyday operations in 2.7 (print to a C file, repr
# pieces, METH_VARARGS argument tuples, bound methods, range() lists,
# dict.items() lists, old-style and new-style instances and classes), and an
# automatic collection driven by a small threshold.
# requires: 2.7
# digest: deltas, auto
from __future__ import print_function
import gc, sys, weakref
gc.collect()


class N(object):
    def __init__(self, v):
        self.v = v

    def m(self):
        return self.v


class O:
    def __init__(self, v):
        self.v = v


def f(a, b=2):
    return a + b


deltas = []
L = [1, 2, 3]
D = {'a': 1, 'b': 2}
gc.collect()
c0 = gc.get_count()[0]
print('one')
c1 = gc.get_count()[0]
print('two', 'args', sep='-')
c2 = gc.get_count()[0]
s = repr((1, 2, 3))
c3 = gc.get_count()[0]
s = '%s %s' % (L, D)
c4 = gc.get_count()[0]
r = range(4)
c5 = gc.get_count()[0]
it = D.items()
c6 = gc.get_count()[0]
n = N(1)
c7 = gc.get_count()[0]
o = O(2)
c8 = gc.get_count()[0]
x = n.m() + f(1) + f(1, b=3)
c9 = gc.get_count()[0]
y = getattr(n, 'v') + len(L) + sorted(L)[0]
c10 = gc.get_count()[0]
w = weakref.ref(n)
c11 = gc.get_count()[0]


class K(object):
    pass


c12 = gc.get_count()[0]


class K2:
    pass


c13 = gc.get_count()[0]
cs = [c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13]
names = ['print1', 'print2_sep', 'repr_tuple', 'pct_list_dict', 'range4', 'dict_items', 'new_style_init',
         'old_style_init', 'calls', 'builtins', 'weakref', 'class_new', 'class_old']
for i in range(len(names)):
    print('%s = %d' % (names[i], cs[i + 1] - cs[i]))
log = []


def cb(ref):
    log.append(1)


gc.collect()
gc.set_threshold(7, 10, 10)
refs = []
trace = []
for i in range(15):
    a = N(i)
    b = N(a)
    a.v = b
    refs.append(weakref.ref(a, cb))
    del a, b
    trace.append(gc.get_count()[0])
gc.set_threshold(700, 10, 10)
for i in range(len(trace)):
    print('auto %d = %d' % (i, trace[i]))
print('callbacks = %d' % len(log))
