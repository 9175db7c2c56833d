# Classes: inheritance, super(), class attributes, properties, static and class
# methods, __slots__, special methods, isinstance.
import gc, sys


class Base:
    kind = 'base'

    def __init__(self, name):
        self.name = name

    def describe(self):
        return '%s(%s)' % (self.kind, self.name)

    def __repr__(self):
        return 'Base<%s>' % self.name


class Child(Base):
    kind = 'child'

    def __init__(self, name, extra):
        super().__init__(name)
        self.extra = extra

    def describe(self):
        return super().describe() + '+' + str(self.extra)


b = Base('b')
c = Child('c', 42)
print(b.describe(), c.describe(), repr(c), c, [b, c])
print(isinstance(c, Base), issubclass(Child, Base), type(c).__name__, Child.__mro__ == (Child, Base, object))
print(Child.kind, c.kind, getattr(c, 'extra'), hasattr(c, 'nope'), getattr(c, 'nope', 'default'))
setattr(c, 'dyn', 1)
print(c.dyn, sorted(vars(c)))
delattr(c, 'dyn')
print(hasattr(c, 'dyn'))


class Temp:
    def __init__(self):
        self._c = 0

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, v):
        self._c = v

    @staticmethod
    def unit():
        return 'C'

    @classmethod
    def make(cls):
        return cls()


t = Temp.make()
t.celsius = 21
print(t.celsius, Temp.unit(), t.unit())


class Vec:
    __slots__ = ('x', 'y')

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def __eq__(self, o):
        return self.x == o.x and self.y == o.y

    def __len__(self):
        return 2

    def __getitem__(self, i):
        return (self.x, self.y)[i]

    def __str__(self):
        return 'Vec(%d, %d)' % (self.x, self.y)

    __hash__ = None


v = Vec(1, 2) + Vec(3, 4)
print(v, v == Vec(4, 6), v != Vec(0, 0), len(v), v[0], list(v), gc.is_tracked(v))
try:
    v.z = 1
except AttributeError as e:
    print('AttributeError:', e)
try:
    b.missing
except AttributeError as e:
    print('AttributeError:', e)


class MyError(Exception):
    def __init__(self, code):
        super().__init__('code %d' % code)
        self.code = code


try:
    raise MyError(7)
except MyError as e:
    print(type(e).__name__, e, e.code, e.args)
