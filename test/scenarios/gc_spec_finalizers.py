# Finalizers in cycles (SPEC section 6): a ring of 10 instances with __del__ (creation order), a
# plain 2-cycle holding three __del__ objects (2.7: freed by refcount in tp_clear order),
# and an object resurrected on the refcount path (3.x: __del__ once; 2.7: every time).
# requires: 2.7
from __future__ import print_function
import gc
gc.collect()
dels = []
class N(object):
    def __init__(self, i):
        self.i = i
    def __del__(self):
        dels.append(self.i)
nodes = []
for i in range(10):
    nodes.append(N(i))
for i in range(10):
    nodes[i].nxt = nodes[(i + 1) % 10]
del nodes
del i
print('ring_collected = %d' % gc.collect())
print('dels = %s' % dels)
dels = []
class P(object):
    pass
class F(object):
    def __init__(self, n):
        self.n = n
    def __del__(self):
        dels.append(self.n)
a = P()
b = P()
a.o = b
b.o = a
a.f1 = F('f1')
b.f2 = F('f2')
a.f3 = F('f3')
del a, b
print('collected = %d' % gc.collect())
print('garbage = %d' % len(gc.garbage))
print('dels = %s' % dels)
saved = []
calls = []
class R(object):
    def __del__(self):
        calls.append(1)
        saved.append(self)
r = R()
del r
print('a = %d' % len(calls))
del saved[:]
print('b = %d' % len(calls))
saved.append(R())
x = saved.pop()
del x
print('c = %d' % len(calls))
del saved[:]
print('d = %d' % len(calls))
