# requires: 3.7
# sys.getsizeof, continued (3.x only): compact ASCII str, range, sorted(), dict
# copies (a dense table is cloned from 3.7), and set tables built other ways.
import sys

g = sys.getsizeof

print('strs', [g(''), g('a'), g('abc'), g('x' * 100), g('a' + 'b' * 40), g(str(12345))])
print('range', [g(range(0)), g(range(10 ** 6))])
print('sorted', [g(sorted([3, 1, 2])), g(sorted((5, 4, 3, 2, 1))), g(sorted('hello')), g(sorted({3: 1, 1: 2})), g(sorted(range(30)))])

d = {}
sizes = [g(d.copy())]
d['a'] = 1
sizes.append(g(d.copy()))
for i in range(30):
    d[i] = i
sizes.append(g(d.copy()))
for i in range(5):
    del d[i]
sizes.append(g(d.copy()))
e = {'a': 1, 'b': 2}
x = e.copy()
x['c'] = 3
sizes.append(g(x))
x.clear()
sizes.append(g(x.copy()))
print('copies', sizes)

s = {1, 2, 3}
t = set(range(20))
print('sets', [g(s | t), g(t & s), g(t - s), g(s ^ t), g(s.copy()), g(t.copy()), g(set(t)), g(set({1: 2, 3: 4})),
               g({x for x in range(12)}), g(frozenset(t))])
u = set(range(30))
for i in range(25):
    u.discard(i)
s1 = g(u)
u.add(100)
s2 = g(u)
u.clear()
print('set churn', [s1, s2, g(u)])
