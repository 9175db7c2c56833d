# Which generation an object is in (SPEC section 9), read with gc.get_objects(generation=n).
# requires: 3.8
from __future__ import print_function
import gc
gc.collect()
def gen_of(o):
    for g in range(3):
        for x in gc.get_objects(generation=g):
            if x is o:
                return g
    return -1
l = [1]
print('new = %d' % gen_of(l))
gc.collect(0)
print('after_c0 = %d' % gen_of(l))
gc.collect(0)
print('after_c0_again = %d' % gen_of(l))
gc.collect(1)
print('after_c1 = %d' % gen_of(l))
m = []
gc.collect(1)
print('young_after_c1 = %d' % gen_of(m))
k = []
gc.collect()
print('young_after_full = %d' % gen_of(k))
print('untracked = %d' % gen_of(5))
print('untracked_tuple = %d' % gen_of((1, 2)))
print(gc.get_count())
