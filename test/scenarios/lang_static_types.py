# Static builtin types are not GC objects (type_is_gc): a dict or tuple holding only them is untracked; a class is tracked.
# requires: 2.7
from __future__ import print_function
import gc
class A(object):
    pass
d = {'t': int}
print('dict_static = %s' % gc.is_tracked(d))
d2 = {'t': A}
print('dict_heap = %s' % gc.is_tracked(d2))
t = (int, str)
u = (A, 1)
gc.collect()
print('tuple_static = %s' % gc.is_tracked(t))
print('tuple_heap = %s' % gc.is_tracked(u))
print('type_tracked = %s %s' % (gc.is_tracked(int), gc.is_tracked(A)))
