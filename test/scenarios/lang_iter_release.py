# An exhausted iterator drops its sequence (CPython's list, tuple, str, dict
# and set iterators set it_seq to NULL when they reach the end; 3.13.0's
# list_reverseiterator only sets its index to -1 and keeps the list).
import sys
import gc

rc = sys.getrefcount
for name, seq in [('list', [1, 2]), ('tuple', (1, 2)), ('str', 'ab x'), ('dict', {1: 2}), ('set', {1, 2})]:
    it = iter(seq)
    before = rc(seq)
    for _ in it:
        pass
    print(name, before, rc(seq))
    del it
t = (5, 6)
it = iter(t)
next(it)
next(it)
print('tuple_next', rc(t))
print(next(it, 'done'), rc(t))
L = [5, 6]
r = reversed(L)
for _ in r:
    pass
print('reversed_list', rc(L))
T = (5, 6)
r = reversed(T)
for _ in r:
    pass
print('reversed_tuple', rc(T))

class Box:
    def __del__(self):
        print('Box freed')

b = [Box()]
it = iter((b,))
del b
print(next(it) is not None)
print('before exhaustion')
print(next(it, 'end'))
print('after exhaustion')
gc.collect()
