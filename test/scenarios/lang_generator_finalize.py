# Closing generators (3.x): close() raises GeneratorExit at the suspension point, so
# a finally block runs; a generator deleted while suspended is closed by its
# finalizer (_PyGen_Finalize) before its locals are released; an exception escaping
# that close is reported as unraisable. In a cycle, the collector calls the
# finalizer (PEP 442); what it frees while closing is not counted from 3.7. 3.12+
# only marks an unstarted generator closed, keeping its locals until it is freed.
import gc
import sys

rc = sys.getrefcount


class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('del', self.name)


def guarded(name):
    d = D(name)
    try:
        yield 1
        yield 2
    finally:
        print('finally', name)
    print('not reached', name)


g = guarded('a')
print(next(g))
print('closing')
print(g.close())
print('closed', list(g))
g.close()
del g

g = guarded('b')
next(g)
print('deleting')
del g
print('after del b')

g = guarded('c')
print('unstarted close')
g.close()
print('after close c')
del g
print('after del c')


def stubborn():
    try:
        yield 1
    finally:
        raise KeyError('in finally')


g = stubborn()
next(g)
try:
    g.close()
except KeyError as e:
    print('close raised', repr(e))
g = stubborn()
next(g)
del g
print('after unraisable')


def catcher():
    try:
        yield 1
    except GeneratorExit:
        print('caught GeneratorExit')
        raise


g = catcher()
next(g)
g.close()


def looped(box, name):
    d = D(name)
    try:
        yield 1
    finally:
        print('finally', name)


gc.collect()
box = []
g = looped(box, 'cycle')
box.append(g)
next(g)
del g, box
print('collect started', gc.collect())
box = []
g = looped(box, 'unstarted')
box.append(g)
del g, box
print('collect unstarted', gc.collect())
x = D('x')
g = looped([], 'hold')
print('held', rc(x))
del x
print('end')
