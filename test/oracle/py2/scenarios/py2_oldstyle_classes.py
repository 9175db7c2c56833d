# Old-style classes in 2.7 ('class T:' without object): reprs, str of the class,
# DEBUG_INSTANCES vs DEBUG_OBJECTS, a collectable old-style cycle, a legacy
# __del__ cycle, weakref callback vs __del__, get_count around creation.
# 3.x: 'class T:' is an ordinary class (DEBUG_INSTANCES/OBJECTS do not exist).
# requires: 2.7
# digest: collected_plain, collected_del, garbage_len, events
from __future__ import print_function
import gc, sys, weakref
gc.collect()
INSTANCES = getattr(gc, 'DEBUG_INSTANCES', 0)
OBJECTS = getattr(gc, 'DEBUG_OBJECTS', 0)


class Old:
    pass


class OldDel:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('del %s' % self.name)


class Sub(Old):
    def hello(self):
        return 'hello from %s' % self.__class__.__name__


o = Old()
print('instance_repr_ok = %s' % (repr(o).startswith('<__main__.Old ')))
print('class_str = %s' % str(Old))
print('isinstance = %s %s' % (isinstance(Sub(), Old), isinstance(o, Sub)))
print(Sub().hello())
before = gc.get_count()
x = Old()
after = gc.get_count()
print('create_old = %d' % (after[0] - before[0]))
del x
a = Old()
b = Old()
a.other = b
b.other = a
del a, b
# SAVEALL keeps them in gc.garbage (no freed memory to reuse below).
gc.set_debug(gc.DEBUG_COLLECTABLE | INSTANCES | gc.DEBUG_SAVEALL)
print('collected_plain = %d' % gc.collect())
gc.set_debug(0)
c = OldDel('c')
d = OldDel('d')
c.d = d
d.c = c
del c, d
gc.set_debug(gc.DEBUG_UNCOLLECTABLE | OBJECTS)
print('collected_del = %d' % gc.collect())
gc.set_debug(0)
print('garbage_len = %d' % len(gc.garbage))
for g in gc.garbage:
    if isinstance(g, dict):
        g.clear()
del gc.garbage[:]
events = []


def cb(ref):
    events.append('cb')


class OldEv:
    def __del__(self):
        events.append('del')


e = OldEv()
w = weakref.ref(e, cb)
del e
print('events = %s' % events)
print('end')
