# sys.getrefcount while a generator is suspended with a value of a local on its stack
# (a list being built around a yield). 3.14 loads the local as a borrowed reference
# (LOAD_FAST_BORROW), which holds no count, also across the yield; earlier versions
# hold a strong reference. The yielded value itself is always a strong reference.
import sys


class O:
    pass


def pair(a):
    yield [a, (yield 1)]


def tupled(a):
    x = a.__class__, (yield 2)
    yield x


def loop(a):
    for i in [1, 2]:
        yield a, i


o = O()
print('start', sys.getrefcount(o))
g = pair(o)
print('created', sys.getrefcount(o))
print(next(g), sys.getrefcount(o))
print('second', len(next(g)), sys.getrefcount(o))
del g
print('deleted', sys.getrefcount(o))
h = tupled(o)
print(next(h), sys.getrefcount(o))
del h
print('deleted', sys.getrefcount(o))
k = loop(o)
v = next(k)
print('loop', sys.getrefcount(o))
del v
print('loop item dropped', sys.getrefcount(o))
del k
print('end', sys.getrefcount(o))
