# 2.7 dict order and shutdown: dicts iterate in hash-table order (not insertion
# order), and at exit __main__'s names are set to None in that order (names with
# one leading underscore first), after a final collection that runs even with
# gc disabled.  3.x: insertion order, module dict freed at exit.
# requires: 2.7
# digest: keys, items
from __future__ import print_function
import gc
gc.collect()


class D(object):
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print('del', self.n)


class P(object):
    pass


p = P()
q = P()
p.o = q
q.o = p
p.d = D('in-cycle')
del p, q
alpha = D('alpha')
beta = D('beta')
gamma = D('gamma')
zeta = D('zeta')
_priv = D('_priv')
h = {'one': D('v1'), 'two': D('v2'), 'three': D('v3'), 'four': D('v4')}
print(list(h.keys()))
items = []
for k, v in h.items():
    items.append((k, v.n))
del k, v
print('items = %s' % items)
n = {}
for i in range(12):
    n[i * 7] = i
print('int_keys = %s' % list(n))
t = {(1, 2): 'a', (2, 1): 'b', 'x': 'c', 2.5: 'd', -3: 'e', '': 'f', 'longer key': 'g'}
print('mixed = %s' % sorted(t.values()))
order = []
for k in t:
    order.append(t[k])
print('mixed_order = %s' % order)
del t['x']
t['y'] = 'h'
order = []
for k in t:
    order.append(t[k])
print('after_del = %s' % order)
gc.disable()
print('end')
