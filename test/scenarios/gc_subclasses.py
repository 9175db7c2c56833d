# requires: 2.7
# tp_subclasses: every base keeps a callback-less weak reference to each subclass
# (weakref.ref(K) returns that same reference), in a container the base makes on its
# first subclass (3.x dict, 2.7 list), visible in gc.get_count() and in what
# gc.collect() finds after classes are deleted.
from __future__ import print_function
import gc
import weakref

class K(object):
    pass

print("weakrefs to K:", weakref.getweakrefcount(K))
print("ref(K) is ref(K):", weakref.ref(K) is weakref.ref(K))
print("the base's ref is ref(K):", weakref.getweakrefs(K)[0] is weakref.ref(K))
print("same repr:", repr(weakref.getweakrefs(K)[0]) == repr(weakref.ref(K)))

def cb(w):
    print("callback")

r = weakref.ref(K, cb)
print("with a callback ref:", weakref.getweakrefcount(K), weakref.getweakrefs(K)[1] is r)
del r

class A(object):
    pass

class B(object):
    pass

class AB(A, B):
    pass

print("two bases share one ref:", weakref.getweakrefcount(AB))

# get_count deltas: a subclass of object, then the first and second subclass of a user class.
class D(object):
    pass

gc.collect()
a = gc.get_count()[0]
class E(D):
    pass
b = gc.get_count()[0]
class F(D):
    pass
c = gc.get_count()[0]
gc.collect()
a2 = gc.get_count()[0]
class G(object):
    pass
b2 = gc.get_count()[0]
print("count deltas: first subclass", b - a, "second", c - b, "object base", b2 - a2)

# Deleting the subclasses, then subclassing again.
del E, F
print("collected after del E, F:", gc.collect())
a = gc.get_count()[0]
class H(D):
    pass
b = gc.get_count()[0]
class I(D):
    pass
c = gc.get_count()[0]
print("again: first", b - a, "second", c - b)
del H, I
print("collected after del H, I:", gc.collect())
del D
print("collected after del D:", gc.collect())

# A class and its subclass deleted together, with a callback on the subclass.
class P(object):
    pass

class Q(P):
    pass

rq = weakref.ref(Q, cb)
del P, Q
print("collected after del P, Q:", gc.collect())
print("rq dead:", rq() is None)
del G, K
print("collected after del G, K:", gc.collect())
del AB, A, B
print("collected after del AB, A, B:", gc.collect())

# Multiple bases: only tp_base holds a reference besides the __bases__ tuple.
class A(object):
    pass

class B(object):
    pass

class AB(A, B):
    pass

print("refs to AB's bases:", weakref.getweakrefcount(AB), len(AB.__bases__))
del AB
print("collected after del AB:", gc.collect())
del A, B
print("collected after del A, B:", gc.collect())
