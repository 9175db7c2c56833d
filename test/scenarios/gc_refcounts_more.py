# More reference-count causes: closures, default arguments, bound methods,
# dict keys and values, nested containers, exceptions holding references,
# comprehensions, and a function's frame dying at return.
import gc, sys
gc.collect()


class Obj:
    def meth(self):
        return sys.getrefcount(self)


o = Obj()
print('base', sys.getrefcount(o))
pair = [o, (o, o), {'k': o, o: 'v'}]
print('in containers', sys.getrefcount(o))
del pair
print('after del containers', sys.getrefcount(o))


def keep_default(x=o):
    return sys.getrefcount(x)


print('default arg', sys.getrefcount(o), keep_default())
del keep_default
print('after del function', sys.getrefcount(o))


def make_closure(v):
    def inner():
        return v
    return inner


cl = make_closure(o)
print('closure', sys.getrefcount(o))
del cl
print('closure gone', sys.getrefcount(o))
m = o.meth
print('bound method', sys.getrefcount(o), m())
del m
print('comprehension', [sys.getrefcount(o) for _ in range(1)], sys.getrefcount(o))
try:
    raise ValueError(o)
except ValueError as e:
    print('held by exception', sys.getrefcount(o))
print('exception released', sys.getrefcount(o))
d = {}
d[o] = o
print('dict key and value', sys.getrefcount(o))
d.clear()
print('cleared', sys.getrefcount(o))
