# Builtins (sorted/min/max/sum/enumerate/zip/reversed/round/divmod/conversions),
# dict/list/str methods, slicing, format specs and ascii().
# requires: 3.9
words = ['banana', 'Apple', 'cherry', 'date', 'Elder', 'fig']
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len, reverse=True))
print(sorted(words, key=lambda w: (len(w), w)))
print(min(words), max(words), min(words, key=len), max(words, key=len))
print(min(3, 1, 2), max(3, 1, 2), min([], default='empty'), max([1], default=0))
print(min((1, 'b'), (1, 'a')), max('hello'))
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([0.1] * 10), sum([[1], [2]], []))
print(sum((1.5, 2, True)))
print(list(enumerate('abc')), list(enumerate('abc', 5)), list(enumerate('ab', start=-1)))
print(list(zip('abc', [1, 2, 3], (True, False, None))), list(zip()), list(zip('ab', 'xyz')))
print(list(reversed([1, 2, 3])), list(reversed('abc')), list(reversed(range(5))), list(reversed((1, 2))))
print(any([]), all([]), any([0, '', None]), all([1, 'a', [0]]), any([x > 2 for x in range(4)]))
print(abs(-3), abs(3.5), abs(-0.0), abs(True), abs(-2 ** 70))
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1234.5678, -2), round(7, -1), round(15, -1), round(25, -1))
print(round(0.5), round(1.5), round(2.4999), round(-0.4), round(1e20), round(3.14159, 3), round(-1.005, 2))
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(7.5, 2), divmod(-7.5, 2), divmod(1, 0.3))
print(isinstance(1, (str, int)), isinstance(True, int), isinstance(1.0, (int,)), isinstance('a', (list, (tuple, str))))
print(issubclass(bool, int), issubclass(int, (str, object)))
print(int('42'), int('-0x1f', 16), int('  12  '), int('1_000'), int(3.99), int(-3.99), int(True), int('z', 36), int('0b101', 0))
print(float('3.5'), float('-inf'), float(' 1e3 '), float(7), float('nan'), float('1_0.5'))
print(str(1.0), str(1e16), str(1e-7), str(123456789012345678.0), str(0.1), str([1, 'a']), str(None), str(True))
print(repr({'a': [1, (2, 3)], 'b': {'c': None}}), repr([[]]), repr((1,)), repr(set()), repr({1}), repr(frozenset()))
print(repr("it's"), repr('say "hi"'), repr('both \' and "'), repr('tab\tnl\n\x00\x7f'), repr('é'), repr('\u200b'))
print(repr(1e100), repr(-1.5e-10), repr(float('inf')), repr(2**63), repr(-0.0), repr(1.0e15), repr(1e16))
print(chr(65), ord('a'), chr(0x1F600) == '\U0001F600', hex(255), hex(-1), oct(8) if False else 0, bin(5) if False else 1)
print(format(3.14159, '.2f'), format(42, '08b'), format(255, 'x'), format('s', '>4'), format(1234567, ','), format(0.25, '%'))
print(callable(len), callable(1), callable(lambda: 0))
d = {'a': 1, 'b': 2}
print(d.get('a'), d.get('x'), d.get('x', 5), d.setdefault('c', 3), d.setdefault('a', 9), d)
print(d.pop('a'), d.pop('zz', None), d, d.popitem(), d)
d.update({'x': 1}, y=2)
d.update([('z', 3)])
d.update(w=4)
print(d, list(d.items()), len(d))
print(dict(a=1, b=2), dict([(1, 2)]), dict({'k': 'v'}, q=1), {**d, 'b': 0})
print(d.copy(), d == d.copy(), d != {}, {1: 'a'} == {1.0: 'a'}, list(d), sorted(d.values()))
try:
    d.pop('nope')
except KeyError as e:
    print('KeyError', e, repr(e), e.args)
try:
    d['missing']
except KeyError as e:
    print('KeyError', e)
try:
    {}.popitem()
except KeyError as e:
    print('KeyError', e)
d.clear()
print(d, bool(d), {1: {2: {3: []}}})
l = [5, 3, 8]
l.insert(0, 1); l.insert(100, 9); l.insert(-1, 7); l.insert(-100, 0)
print(l, l.pop(), l.pop(0), l.pop(-2), l)
l.remove(3)
print(l, l.index(7), l.count(5), [1, 1, 2].count(1), [1, 2, 3, 2].index(2, 2))
l.extend(range(3)); l.extend('ab'); l.extend((None,))
print(l)
try:
    l.remove(42)
except ValueError as e:
    print('ValueError', e)
try:
    [1].index(42)
except ValueError as e:
    print('ValueError', e)
try:
    [].pop()
except IndexError as e:
    print('IndexError', e)
try:
    [1].pop(5)
except IndexError as e:
    print('IndexError', e)
n = [3, 1, 2, 10, -4]
n.sort(reverse=True); print(n)
n.sort(key=abs); print(n)
n.sort(key=lambda x: -x, reverse=True); print(n)
n.reverse(); print(n, n.copy(), n[:] is n)
n.clear(); print(n)
m = [[2, 'b'], [1, 'a'], [2, 'a']]
m.sort(); print(m)
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, 'a') < (1, 'b'), [] == [], [1] * 3 == [1, 1, 1])
print(list(range(10))[::3], list(range(10))[-3:], list(range(10))[8:2:-2], 'abcdef'[::-2], 'abcdef'[-100:100], (1, 2, 3)[::-1])
x = list(range(6))
x[1:3] = ['a', 'b', 'c']; print(x)
x[::2] = [0, 0, 0, 0][:len(x[::2])]; print(x)
del x[::3]; print(x)
del x[0]; print(x)
x[-1:] = []; print(x)
try:
    x[::2] = [1, 2, 3, 4, 5, 6, 7]
except ValueError as e:
    print('ValueError', e)
try:
    x[10]
except IndexError as e:
    print('IndexError', e)
try:
    (1,)[5]
except IndexError as e:
    print('IndexError', e)
try:
    'ab'[9]
except IndexError as e:
    print('IndexError', e)
print([1, 2, 3, 2].index(2, -2), [1, 2, 3].index(3, -10), (1, 2, 3, 2).index(2, 2), (5, 6).index(6, 0, 2))
print(dict.fromkeys('ab'), dict.fromkeys([1, 2], 0))
print('a,b,,c'.split(','), 'a b  c'.split(), ' x '.split(' '), 'a,b,c'.split(',', 1), 'a,b,c'.rsplit(',', 1), ''.split(), ''.split(','))
print('  hi  '.strip(), '  hi  '.lstrip(), '  hi  '.rstrip(), 'xxhixx'.strip('x'), '\t\n hi\r\n'.strip())
print('-'.join('abc'), ''.join([]), ', '.join(map(str, [1, 2])), 'aaa'.replace('a', 'b', 2), 'abc'.replace('', '-'))
print('hello'.startswith(('he', 'x')), 'hello'.endswith('lo'), 'hello'.startswith('l', 2), 'hello'.find('l'), 'hello'.rfind('l'), 'hello'.find('z'), 'hello'.index('e'))
print('Hello World'.upper(), 'Hello World'.lower(), 'hello world'.title(), 'hello'.capitalize(), 'HeLLo'.swapcase(), 'ß'.upper(), 'ǅ'.lower())
print('abc'.isalpha(), '123'.isdigit(), 'a1'.isalnum(), '  '.isspace(), 'Ab'.isupper(), 'ab'.islower(), 'x'.isidentifier(), '½'.isnumeric(), '²'.isdecimal())
print('abc'.center(9, '*'), 'abc'.ljust(6, '.'), 'abc'.rjust(6), '42'.zfill(5), '-42'.zfill(6), 'a\tb'.expandtabs(4))
print('a-b-c'.partition('-'), 'a-b-c'.rpartition('-'), 'abc'.partition('x'), 'a\nb\r\nc'.splitlines(), 'a\nb\n'.splitlines(True))
print('banana'.count('a'), 'banana'.count('an'), 'banana'.count(''), 'abc'.removeprefix('a'), 'abc'.removesuffix('c'))
print('{:,.2f}'.format(1234567.891), '{:+d}'.format(5), '{: d}'.format(5), '{:#x} {:#o} {:#b}'.format(255, 8, 5), '{:e}'.format(0.000123))
print('{:g}'.format(1e-5), '{:g}'.format(123456789), '{:.3g}'.format(0.0001234), '{:%}'.format(0.5), '{:.0%}'.format(0.125), '{:_}'.format(10**6))
print(f'{3.14159:.2f}|{42:>6}|{42:<6}|{42:^6}|{"ab":*^7}|{-3:05}|{1e20:.3e}|{0.1:.17g}|{255:X}|{12345:_d}')
print(f'{2.5:.0f} {3.5:.0f} {-0.5:.0f} {1/3:.30f} {1e300:.2g} {123.456:10.2f}| {123.456:<10.1e}|')
print('%5s|%-5s|%05.1f|%+d|%x|%X|%o|%e|%E|%g|%G|%c|%c|%%|%r' % ('a', 'b', 3.14159, 5, 255, 255, 8, 1.5, 1.5, 1e-10, 1e20, 65, 'z', 'q'))
print('%.3s|%*d|%-*d|%.*f' % ('abcdef', 5, 1, 4, 2, 2, 3.14159))
print(f'{True!r} {None!s:>6} {[1, 2]!r:>10} {"é"!a} {65:c}')
e = 'é'
print('%a|%a' % (e, [e, 'x\u20ac\U0001F600']), '{!a}'.format(e), ascii(('\n', e)))
class Seq:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * 10
class Rev:
    def __reversed__(self):
        return iter(['r1', 'r2'])
print(list(reversed(Seq(4))), list(Seq(3)), list(reversed(Rev())), list(reversed(range(2, 11, 3))), list(reversed(range(5, 0, -2))), list(reversed(range(0))))
for bad in [{1}, 5, iter([1])]:
    try:
        reversed(bad)
    except TypeError as ex:
        print('TypeError:', ex)
print(list(zip()), list(zip([])), list(zip('a', [])))
dd = {'a': 1, 'b': 2, 'c': 3}
print(list(reversed(dd)), list(reversed(dd.keys())), list(reversed(dd.values())), list(reversed(dd.items())))
rd = reversed(dd)
print(next(rd))
dd['z'] = 0
try:
    next(rd)
except RuntimeError as ex:
    print('RuntimeError:', ex)
print(sum([0.1] * 10), sum([1e100, 1.0, -1e100]), sum([0.1, 0.2, 0.3]), sum([1, 0.1, 2, 0.2]), sum([True, 0.5]), sum([2 ** 64, 0.5]), sum([], 0.0))
print(sum([float('inf'), 1.0]), sum([1e308, 1e308]), sum([0.5, 10 ** 30, 1e-30]), sum(range(5), 0.1))
