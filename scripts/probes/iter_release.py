# Probe: does an exhausted iterator release its sequence? (CPython's list, tuple,
# str, dict and set iterators set it_seq to NULL at the end.) Prints the
# sequence's refcount with a live iterator before and after exhaustion, both
# through next() and through a for loop that finishes while the iterator is
# still referenced. Usage: python iter_release.py
import sys
rc = sys.getrefcount
for name, seq in [('list', [1, 2]), ('tuple', (1, 2)), ('str', 'ab x'), ('dict', {1: 2}), ('set', {1, 2})]:
    it = iter(seq)
    before = rc(seq)
    for _ in it:
        pass
    after = rc(seq)
    print(name, before, after)
    del it
t = (5, 6)
it = iter(t)
next(it); next(it)
print('tuple_next', rc(t))
try:
    next(it)
except StopIteration:
    pass
print('tuple_stop', rc(t))
L = [5, 6]
r = reversed(L)
for _ in r:
    pass
print('reversed_list', rc(L))
