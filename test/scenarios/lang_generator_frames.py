# requires: 2.7
# More of what a generator's frame holds and when it lets go: the function (3.11+
# keeps it in the embedded frame), closure cells, self in a generator method, the
# value of a yield expression, a return value (StopIteration's value, 3.x), an
# exception raised inside a generator (its traceback keeps the finished frame and
# its locals), locals released in order when a suspended generator dies, nested
# generators, weak references to generators; the order locals are released in
# (3.14 releases a frame's locals last to first, also for plain functions).
from __future__ import print_function
import gc
import sys
import weakref

rc = sys.getrefcount


class D(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('del', self.name)


def plain():
    yield 1


print('function', rc(plain))
g = plain()
print('function with generator', rc(plain))
next(g)
print('suspended', rc(plain))
del g
print('deleted', rc(plain))


def outer(n):
    items = [D('c%d' % i) for i in range(n)]

    def inner():
        for it in items:
            yield it.name
    return inner()


g = outer(2)
print('closure', next(g))
del g
print('after closure')


class Holder(object):
    def values(self):
        yield self
        yield 2


h = Holder()
print('self before', rc(h))
g = h.values()
print('self in generator', rc(h))
print(next(g) is h, rc(h))
del g
print('self after', rc(h))


def echo():
    got = yield 1
    print('got', got)
    yield 2


g = echo()
print(next(g), next(g))
del g


def ordered():
    a = D('first')
    b = D('second')
    c = [D('in list')]
    yield 1
    print('never')


g = ordered()
next(g)
print('deleting ordered')
del g
print('after ordered')


def failing(d):
    local = D('failing local')
    yield 1
    raise ValueError('from generator')


try:
    for v in failing(None):
        print('value', v)
except ValueError as e:
    print('caught', e)
    kept = sys.exc_info()[2]
print('handler done')
del kept
print('traceback dropped')


def inner_gen(n):
    for i in range(n):
        yield i * 10


def outer_gen():
    for v in inner_gen(3):
        yield v + 1


print('nested', list(outer_gen()))
g = plain()
w = weakref.ref(g)
print('weak alive', w() is g)
del g
print('weak dead', w())
print('generator expression over a closure', list(x * k for k in [1, 2] for x in [3]))


def counts():
    x = D('count local')
    yield rc(x)


print('refcount inside', next(counts()))


# The order a finished frame releases its locals in (3.14: last to first).
def plain_locals():
    a = D('plain first')
    b = D('plain second')
    return 1


plain_locals()


def loop_locals():
    a = D('loop local')
    for v in [D('loop item')]:
        yield v


g = loop_locals()
next(g)
del g
print('end')
