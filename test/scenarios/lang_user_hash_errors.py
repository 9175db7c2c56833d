# Errors from a user __hash__ / __eq__ on set members propagate (a non-int __hash__ result is a
# TypeError; 3.14 rewords it for a set element), a set rejects a __hash__ = None class, and
# hash() keeps the user value exactly when it fits Py_ssize_t (big ones reduced as long_hash).
# requires: 2.7
from __future__ import print_function
import gc, sys
class Bad(object):
    def __hash__(self):
        return 'x'
class Boom(object):
    def __init__(self, tag):
        self.tag = tag
    def __hash__(self):
        return 5
    def __eq__(self, other):
        print('eq', self.tag, getattr(other, 'tag', other))
        raise ValueError('boom %s' % self.tag)
class HashBoom(object):
    def __hash__(self):
        raise KeyError('hash boom')
class NoHash(object):
    __hash__ = None
for make in (lambda: hash(Bad()), lambda: {Bad()}, lambda: set([1, Bad()]), lambda: hash(NoHash()),
             lambda: {NoHash()}, lambda: set().add(HashBoom()), lambda: HashBoom() in {1}):
    try:
        make()
    except Exception as e:
        print(type(e).__name__, e)
s = {Boom('a')}
b = Boom('b')
for op in ('in', 'add', 'discard'):
    try:
        if op == 'in':
            b in s
        elif op == 'add':
            s.add(b)
        else:
            s.discard(b)
    except ValueError as e:
        print(op, 'ValueError', e, len(s), sys.getrefcount(b))
try:
    5 in s
except ValueError as e:
    print('int probe', e, sys.getrefcount(b))
print(6 in s, len(s))
class Wide(object):
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return self.v
vals = [0, 1, -1, -2, 2**31 - 1, 2**31, 2**61 - 1, 2**61, 2**62, 2**63 - 1, 2**63, -2**63, -2**63 - 1, 2**64, 3**50, -3**50, True, False]
print([hash(Wide(v)) for v in vals])
print([hash(Wide(v)) == hash(v) for v in vals])
ws = set(Wide(v) for v in [7, 15, 23, 31, 2**61 + 7])
print([w.v for w in ws])
gc.collect()
print(gc.is_tracked(ws), len(ws))
