# Set members whose class defines __hash__ and __eq__: slot_tp_hash calls __hash__ once per
# operation (the result taken as is when it fits Py_ssize_t, big ints reduced, -1 -> -2), and a
# lookup compares only entries of equal hash, in the table's probe order, with
# RichCompareBool(stored, probe) holding a new reference to the stored key; members' order follows
# the table built from the user hashes; set algebra reuses the stored hashes (no __hash__ call).
# requires: 2.7
from __future__ import print_function
import gc, sys
log = []
class K(object):
    def __init__(self, name, h):
        self.name = name
        self.h = h
    def __hash__(self):
        log.append('hash %s rc=%d' % (self.name, sys.getrefcount(self)))
        return self.h
    def __eq__(self, other):
        log.append('eq %s %s rc=%d/%d' % (self.name, getattr(other, 'name', other), sys.getrefcount(self), sys.getrefcount(other)))
        return isinstance(other, K) and self.name[0] == other.name[0]
    def __ne__(self, other):
        return not self.__eq__(other)
    def __repr__(self):
        return self.name
def flush(tag):
    print(tag, log)
    del log[:]
def names(s):
    return [k.name for k in s]
a1 = K('a1', 1); a2 = K('a2', 1); b1 = K('b1', 1); c1 = K('c1', 9); d1 = K('d1', 17)
s = {a1, b1, c1}
flush('display')
print('order', names(s), gc.is_tracked(s), len(s))
s.add(a2); flush('add equal')
print('order', names(s), sys.getrefcount(a1), sys.getrefcount(a2))
s.add(d1); flush('add new')
print(a2 in s, K('b9', 1) in s, K('z', 1) in s, c1 in s); flush('in')
s.discard(K('a7', 1)); flush('discard equal')
print('order', names(s), sys.getrefcount(a1))
s.add(K('z', 1)); flush('add into dummy')
print('order', names(s))
try:
    s.remove(K('q', 1))
except KeyError as e:
    print('KeyError', e)
flush('remove missing')
t = set([K('b2', 1), K('y', 25), K('c2', 9)]); flush('set(list)')
print('union', names(s | t)); flush('union')
print('inter', names(s & t)); flush('inter')
print('diff', names(s - t)); flush('diff')
print('sub', t <= s, s == set(s)); flush('compare')
fs = frozenset([K('a3', 1), K('b3', 1)]); flush('frozenset')
print('fs', names(fs), K('b4', 1) in fs, hash(fs) == hash(frozenset([K('b5', 1), K('a5', 1)])))
flush('fs in/hash')
many = set(K('m%d' % i, (i * 7) % 5) for i in range(12)); flush('many')
print('many', names(many))
print('hashes', hash(c1), hash(K('big', 2**64 + 5)), hash(K('m1', -1)), hash(K('t', True)),
      hash(K('n', -2**63)), hash(K('n2', 2**63)), hash(K('n3', -2**63 - 1)))
flush('hash()')
class Sub(K):
    pass
class NoHash(K):
    def __eq__(self, other):
        return True
print(hash(Sub('s', 3)), {Sub('s1', 3), K('s2', 3)} == {K('s3', 3)}); flush('subclass')
try:
    {NoHash('n', 1)}
except TypeError as e:
    print('TypeError', e)
del s, t, many, fs
gc.collect()
print(sys.getrefcount(a1), sys.getrefcount(a2), sys.getrefcount(b1))
