# weakref reprs: the referent's type name (3.13+: its qualified name) and its
# __name__ (3.11+ only one found through the type: functions, not instances).
# requires: 2.7
from __future__ import print_function
import weakref


class K(object):
    pass


def fn():
    pass


class Outer(object):
    class Inner(object):
        pass


k = K()
k.__name__ = 'inst'
keep = []
for o in [fn, k, Outer.Inner(), K()]:
    r = weakref.ref(o)
    keep.append(r)
    print(r)
del o
print(keep[3])
keep[1] = None
del k
print(keep[1], keep[0]().__name__)
