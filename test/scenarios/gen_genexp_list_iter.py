# requires: 2.7
# gc.get_count() around generator expressions and loops whose iterable is a list display
# with a variable, after a generator has run. 2.7-3.7 build a real list for `[k]` there
# (3.6 and 3.7 fold only a list of constants into a constant tuple, 2.7 only for `in`);
# 3.8+ build a tuple (fold_iter). The list, its iterator, the function, the frame (new,
# or a code's zombie frame / the frame free list up to 3.10) and the generator are counted.
from __future__ import print_function
import gc


def gen(n):
    for i in range(n):
        yield i


class Node(object):
    pass


gc.collect()
t = []
for k in range(4):
    t.append(gc.get_count()[0])
    g = gen(3)
    t.append(gc.get_count()[0])
    next(g)
    t.append(gc.get_count()[0])
    e = (x for x in [k])
    t.append(gc.get_count()[0])
    if k % 3 == 0:
        for v in gen(2):
            pass
    t.append(gc.get_count()[0])
    for v in [k, k + 1]:
        pass
    t.append(gc.get_count()[0])
    n = Node()
    n.self = n
    t.append(gc.get_count()[0])
print(t)
k = 5
print('in', k in [k], 1 in [1, 2], [y * 2 for y in [k]], list(z for z in [1, 2]))
print(gc.get_count()[0] - t[-1] < 50)
