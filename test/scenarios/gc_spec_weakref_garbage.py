# Weakrefs and cyclic garbage (SPEC section 7): an outside weakref's callback runs before __del__ and sees the referent dead; a weakref inside the garbage gets no callback.
# requires: 2.7
from __future__ import print_function
import gc, weakref
gc.collect()
events = []
class A(object):
    def __init__(self, n):
        self.n = n
    def __del__(self):
        events.append('del:%s:%s' % (self.n, wr() is None))
a = A('a')
b = A('b')
a.o = b
b.o = a
def cb(r):
    events.append('cb:dead=%s' % (r() is None))
wr = weakref.ref(a, cb)
del a, b
print('c = %d' % gc.collect())
print('events = %s' % events)
events2 = []
class B(object):
    pass
x = B()
y = B()
x.o = y
y.o = x
def cb2(r):
    events2.append('cb2')
x.w = weakref.ref(y, cb2)
del x, y
print('c2 = %d' % gc.collect())
print('events2 = %s' % events2)
