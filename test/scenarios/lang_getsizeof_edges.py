# requires: 2.7
# sys.getsizeof edge cases: lists emptied by pop/remove/del/*= 0 then refilled,
# slice assignment, self-extension; dicts with mixed keys, many keys, deletions
# before a resize (3.6's GROWTH_RATE landing on a power of two), popitem,
# setdefault, overwrites.
from __future__ import print_function
import sys
g = sys.getsizeof
r = []
l = [1]
l.pop(0)
r.append(g(l))
l.append(1)
r.append(g(l))
l = [1, 2]
l.pop(0)
r.append(g(l))
l.pop(0)
r.append(g(l))
l.extend((1, 2, 3))
r.append(g(l))
l = [1]
del l[::-1]
r.append(g(l))
l.extend((1, 2, 3))
r.append(g(l))
l = [1, 2, 3]
del l[::-1]
r.append(g(l))
l.extend((1, 2, 3))
r.append(g(l))
l = [1]
l.remove(1)
r.append(g(l))
l.extend((1, 2, 3))
r.append(g(l))
l = [1]
l *= 0
r.append(g(l))
l.extend((1, 2, 3))
r.append(g(l))
l = [1, 2, 3, 4, 5, 6, 7, 8, 9]
l[2:8] = [0]
r.append(g(l))
l[1:1] = [7] * 20
r.append(g(l))
l = []
l.insert(0, 1)
r.append(g(l))
l += [2]
r.append(g(l))
l += l
r.append(g(l))
print('lists', r)
r = []
k = 'k'
r.append(g({k + '1': 1, k + '2': 2, k + '3': 3, k + '4': 4, k + '5': 5, k + '6': 6, k + '7': 7}))
r.append(g({'a': 1, 2: 2, 'c': 3, 'd': 4, 'e': 5, 'f': 6}))
r.append(g({'a': 1, 'b': 2, 'c': 3, 'd': 4, 'e': 5, 'f': 6, 'g': 7, 'h': 8, 'i': 9, 'j': 10, 'k': 11, 'l': 12, 'm': 13, 'n': 14, 'o': 15, 'p': 16, 'q': 17, 'r': 18, 's': 19, 't': 20, 'u': 21, 'v': 22}))
d = {'a': 1, 'b': 2, 'c': 3, 'd': 4, 'e': 5, 'f': 6}
d[1] = 1
r.append(g(d))
d = {}
for i in range(8):
    d[i] = i
for i in range(4):
    del d[i]
for i in range(10, 18):
    d[i] = i
    r.append(g(d))
d = {}
d.setdefault('a', 1)
d.setdefault('b', 2)
r.append(g(d))
d = {i: i for i in range(100)}
r.append(g(d))
for i in range(90):
    d.popitem()
r.append(g(d))
for i in range(200, 300):
    d[i] = 0
r.append(g(d))
d = {'x': 1}
d['x'] = 2
r.append(g(d))
print('dicts', r)
d = {}
for i in range(10):
    d[i] = i
for i in range(6):
    del d[i]
d[50] = 1
s1 = g(d)
d = {}
for i in range(21):
    d[i] = i
for i in range(13):
    del d[i]
d[50] = 1
print('resize after deletes', [s1, g(d)])
