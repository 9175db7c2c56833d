# Language coverage: arithmetic, strings, formatting, containers, control flow.
# requires: 3.8
import gc, sys
x = 7
y = 2
print(x + y, x - y, x * y, x / y, x // y, x % y, x ** y, -x // y, -x % y)
print(2 ** 100, 10 ** 20 + 1, -(2 ** 70) // 3, 7.5 // 2, 7.5 % 2, 1 / 3)
print(1e16, 1e-5, 0.1 + 0.2, 3.0, -0.0, float('inf'), 1.5e300 * 1e10)
print('abc' + 'def', 'ab' * 3, 'x=%d y=%5.2f z=%s r=%r' % (1, 2.5, 'z', 'r'))
print('%(a)s-%(b)03d' % {'a': 'A', 'b': 7}, '%x %o %e %g' % (255, 8, 12345.678, 0.00001))
print(f'{x} {x:>5} {y:05d} {x / y:.3f} {"s"!r} {x=}')
print('{} {:^7} {name}'.format(1, 'mid', name='n'))
s = 'Hello, World'
print(len(s), s[1], s[-1], s[2:5], s[::-1], s.upper(), s.lower(), s.split(', '))
print(s.replace('l', 'L'), s.find('World'), s.startswith('He'), s.strip('Hd'), ','.join(['a', 'b']))
l = [3, 1, 2]
l.append(5)
l.extend([4, 0])
l.sort()
print(l, l[1:3], l[::2], len(l), sorted(l, reverse=True), min(l), max(l), sum(l))
t = (1, 'two', 3.0)
print(t, t[1], len(t), t + (4,), t * 2, (1,), ())
d = {'a': 1, 'b': 2}
d['c'] = 3
del d['a']
print(d, list(d.keys()), list(d.values()), list(d.items()), d.get('z', 0), 'b' in d)
st = {3, 1, 2}
st.add(4)
print(sorted(st), 2 in st, len(st), sorted(st | {9}), sorted(st & {1, 2}), sorted(st - {1}))
for i, v in enumerate(['a', 'b']):
    print(i, v)
for a, b in zip([1, 2], 'xy'):
    print(a, b)
for k in range(10, 0, -3):
    print(k, end=' ')
print()
n = 0
while True:
    n += 1
    if n == 2:
        continue
    if n > 4:
        break
    print('n', n)
else:
    print('not reached')
for q in []:
    pass
else:
    print('for-else ran')
print([i * i for i in range(5) if i % 2 == 0], {k: k * 2 for k in 'ab'}, sorted({i % 3 for i in range(9)}))
print([(i, j) for i in range(2) for j in range(2)])
a, (b, c) = 1, (2, 3)
first, *rest = [1, 2, 3, 4]
print(a, b, c, first, rest)
print(1 < 2 < 3, 1 < 3 < 2, 1 == 1.0, 'a' < 'b', [1, 2] < [1, 3], None is None, 2 is not None)
print(not 0, not [], 0 or 'x', 1 and 'y', [] or {} or 'z')
print(int('42'), int('ff', 16), float('2.5'), str(42), repr('q'), bool(''), bool([0]), abs(-3), round(2.675, 2), round(2.5), divmod(17, 5))
print(hex(255), oct(8), bin(5), chr(65), ord('A'), isinstance(1, int), isinstance(True, int), type(1.0).__name__)
print(any([0, 1]), all([1, 0]), list(reversed([1, 2, 3])), list(map(str, [1, 2])), list(filter(None, [0, 1, 2])))
print(sys.getrecursionlimit(), type(None), type(print), type(len).__name__)
