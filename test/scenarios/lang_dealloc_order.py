# Deallocation order on the refcount path (SPEC section 11): list and tuple items last to first, dict values first to last, attributes after the owner's __del__, nested lists, list.clear(), rebinding.
# requires: 2.7
from __future__ import print_function
import gc
order = []
class T(object):
    def __init__(self, n):
        self.n = n
    def __del__(self):
        order.append(self.n)
l = [T('l0'), T('l1'), T('l2')]
del l
print('list = %s' % order)
order[:] = []
t = (T('t0'), T('t1'), T('t2'))
del t
print('tuple = %s' % order)
order[:] = []
d = {'a': T('d0'), 'b': T('d1'), 'c': T('d2')}
del d
print('dict = %s' % order)
order[:] = []
h = T('holder')
h.a0 = T('a0')
h.a1 = T('a1')
h.a2 = T('a2')
del h
print('attrs = %s' % order)
order[:] = []
n = [T('n0'), [T('n1a'), T('n1b')], T('n2')]
del n
print('nested = %s' % order)
order[:] = []
l = [T('c0'), T('c1'), T('c2')]
l.clear()
print('clear = %s' % order)
order[:] = []
l = [T('r0'), T('r1')]
l = None
print('rebind = %s' % order)
