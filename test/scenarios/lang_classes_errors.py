# Classes with special methods, properties, class/static methods, unpacking,
# exception messages, comparisons and three-argument pow().
# requires: 3.11
class V:
    scale = 2
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f'V({self.x}, {self.y})'
    def __eq__(self, o):
        return isinstance(o, V) and (self.x, self.y) == (o.x, o.y)
    def __lt__(self, o):
        return (self.x, self.y) < (o.x, o.y)
    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y)
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __contains__(self, v):
        return v in (self.x, self.y)
    def __bool__(self):
        return bool(self.x or self.y)
    @property
    def norm(self):
        return abs(self.x) + abs(self.y)
    @classmethod
    def zero(cls):
        return cls(0, 0)
    @staticmethod
    def sm(a):
        return a * 2
vs = [V(2, 1), V(1, 5), V(1, 2)]
print(sorted(vs), min(vs), max(vs), V(1, 1) + V(2, 2), V(1, 2) == V(1, 2), V(1, 2) != V(1, 3), V(1, 2) > V(0, 0))
print(len(V(0, 0)), list(V(3, 4)), 3 in V(3, 4), V(3, 4)[-1], bool(V.zero()), V(1, 2).norm, V.sm(4), V.scale, V(0, 1).scale)
a, *rest = V(7, 8)
print(a, rest)
first, *mid, last = range(6)
print(first, mid, last, *'ab', *[1, 2])
class W(V):
    def __init__(self, x):
        super().__init__(x, -x)
    def __str__(self):
        return 'W!'
w = W(3)
print(w, repr(w), str(w), [w], isinstance(w, V), type(w).__name__, W.__mro__[1].__name__, W.__bases__)
try:
    hash(V(1, 1))
except TypeError as e:
    print('TypeError:', e)
try:
    w.norm = 3
except AttributeError as e:
    print('AttributeError:', e)
try:
    int('abc')
except ValueError as e:
    print('ValueError:', e)
try:
    float('x1')
except ValueError as e:
    print('ValueError:', e)
try:
    1 / 0
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
try:
    1 % 0
except ZeroDivisionError as e:
    print(e)
try:
    1.0 // 0
except ZeroDivisionError as e:
    print(e)
try:
    undefined_name
except NameError as e:
    print('NameError:', e)
try:
    'a' + 1
except TypeError as e:
    print(e)
try:
    len(5)
except TypeError as e:
    print(e)
try:
    None.foo
except AttributeError as e:
    print(e)
try:
    [].foo
except AttributeError as e:
    print(e)
try:
    raise ValueError('a', 1)
except ValueError as e:
    print(e, repr(e), e.args)
try:
    x, y = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    x, y, z = [1]
except ValueError as e:
    print(e)
try:
    {}['k'] 
except LookupError as e:
    print(type(e).__name__, e)
print(1 < 2 < 3, 1 < 3 < 2, 'b' in 'abc', 4 not in [1, 2], None is None, 1 == 1.0, (1, 2) == [1, 2])
print(divmod(-7, 3), -7 // 3, -7 % 3, 7 // -3, 2 ** -1, (-8) ** (1 / 3) if False else 0, 10 ** -2, pow(2, 10), pow(2, 10, 1000), pow(3, -1, 7))
print(int('0o17', 0), int('ff', 16), float('1e-3'), str(-0.0), 1e22, 1e21, 12345678901234567890.0, 0.1 + 0.7, 1 / 7)
print(pow(2, 100, 10 ** 9 + 7), pow(-3, 3, 7), pow(3, 3, -7), pow(5, 0, 1), pow(True, 5, 3), pow(2, 3, None), pow(38, -1, 97))
for args in [(2, 3, 0), (2, -1, 4), (2.0, 3, 5), (2, 3, 5.0), ('a', 2, 3)]:
    try:
        print(pow(*args))
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ':', e)
