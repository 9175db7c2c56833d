# __del__ raising (2.7: one 'Exception E: value in <bound method ...> ignored' line,
# no traceback; the value of an exception set from C is its bare message), and
# resurrection on the refcount path (2.7 calls __del__ every time the count
# reaches 0; 3.x only once).
# requires: 2.7
# digest: dels, saved_len
from __future__ import print_function
import gc, sys
gc.collect()


class Bad(object):
    def __del__(self):
        raise ValueError('boom')


class Missing(object):
    def __del__(self):
        self.nothing.append(1)


class Keyed(object):
    def __del__(self):
        {}['k']


b = Bad()
del b
m = Missing()
del m
k = Keyed()
del k
print('after the bad ones')
saved = []
dels = [0]


class R(object):
    def __del__(self):
        dels[0] += 1
        if dels[0] < 4:
            saved.append(self)


r = R()
del r
for i in range(5):
    if saved:
        x = saved.pop()
        del x
print('dels = %d' % dels[0])
print('saved_len = %d' % len(saved))
print('repr_exc = %r' % (ValueError('x'),))
print('repr_exc2 = %r' % (KeyError('a', 2),))
