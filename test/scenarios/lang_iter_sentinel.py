# iter(callable, sentinel): a tracked callable_iterator holding the callable and the sentinel until it
# stops (the result equals the sentinel, or the callable raises StopIteration), then releasing both.
# requires: 2.7
from __future__ import print_function
import gc, sys
class Counter(object):
    def __init__(self, stop):
        self.n = 0
        self.stop = stop
    def __call__(self):
        self.n += 1
        if self.n > self.stop:
            raise StopIteration
        return self.n
c = Counter(10)
sentinel = [4]
before = gc.get_count()[0]
i = iter(c, 4)
print('tracked', gc.is_tracked(i), gc.get_count()[0] - before)
print('refs', sys.getrefcount(c))
print('first', next(i), next(i))
print('rest', list(i))
print('refs after', sys.getrefcount(c))
print('again', list(i))
d = Counter(3)
j = iter(d, sentinel)
print('referents', [type(x).__name__ for x in gc.get_referents(j)], sys.getrefcount(sentinel))
print('until StopIteration', list(j), sys.getrefcount(sentinel), sys.getrefcount(d))
k = iter(len, 0)
try:
    iter(5, 0)
except TypeError as e:
    print('TypeError', e)
def pop_from(xs):
    return xs.pop() if xs else None
xs = [1, 2, 3]
print('pop', list(iter(lambda: pop_from(xs), None)))
print(repr(k)[:26])
