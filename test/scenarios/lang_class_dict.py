# A class's __dict__ is a new read-only mappingproxy (2.7: dictproxy) at each access, a GC
# object that refers to the class namespace; reading through it, and what gc sees of it.
# requires: 2.7
from __future__ import print_function
import gc, sys
class A(object):
    x = 1
    def m(self):
        pass
p = A.__dict__
print(type(p).__name__, p is A.__dict__, gc.is_tracked(p))
print([type(x).__name__ for x in gc.get_referents(p)])
print(p['x'], 'x' in p, 'y' in p, p.get('y', 5), len(p) > 3)
print(sorted([k for k in p if not k.startswith('__')]))
print(sorted(p.keys())[-2:])
before = gc.get_count()[0]
q = A.__dict__
print(gc.get_count()[0] - before)
print(sys.getrefcount(p))
print(repr(int.__dict__['bit_length'])[:20])
