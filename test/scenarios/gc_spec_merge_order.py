# Finalizer order shows the collected list's order (SPEC section 2): a full collection merges gen 0 then gen 1 after gen 2; collect(1) merges gen 0 after gen 1.
# requires: 2.7
from __future__ import print_function
import gc
gc.collect()
order = []
class F(object):
    def __init__(self, n):
        self.n = n
    def __del__(self):
        order.append(self.n)
def pair(n):
    a = F(n + '1')
    b = F(n + '2')
    a.o = b
    b.o = a
w = []
pair('W')
gc.collect()
pair('X')
gc.collect(0)
pair('Y')
gc.collect(2)
print('full = %s' % order)
order[:] = []
pair('X')
gc.collect(0)
pair('Y')
gc.collect(1)
print('c1 = %s' % order)
