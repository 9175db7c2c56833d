# DEBUG_SAVEALL (SPEC section 2): a 2-cycle with __del__ plus a list self-cycle are saved in gc.garbage and still counted; __del__ runs once, also when they are freed later.
# requires: 2.7
from __future__ import print_function
import gc
gc.collect()
dels = []
class A(object):
    def __init__(self, n):
        self.n = n
    def __del__(self):
        dels.append(self.n)
a = A('a')
b = A('b')
a.o = b
b.o = a
l = []
l.append(l)
del a, b, l
gc.set_debug(gc.DEBUG_SAVEALL)
print('c = %d' % gc.collect())
print('garbage = %d' % len(gc.garbage))
print('types = %s' % sorted([type(o).__name__ for o in gc.garbage]))
print('dels = %s' % dels)
gc.set_debug(0)
for o in gc.garbage:
    if isinstance(o, A):
        o.o = None
del gc.garbage[:]
del o
print('c_after = %d' % gc.collect())
print('dels_after = %s' % dels)
