# Methods read from a class: 2.7 makes an unbound method (a new object each
# time, checked against its class when called); 3.x returns the function.
# Bound method reprs: 2.7 names the instance's class (a classmethod: the
# metaclass), 3.x the function's qualified name.
# requires: 2.7
from __future__ import print_function
import sys


class A(object):
    def m(self):
        return 'm'

    @classmethod
    def c(cls):
        return cls.__name__


class B(A):
    pass


class Old:
    def m(self):
        return 'old'


class D(object):
    def __del__(self):
        print('D del')


class E(D):
    def __del__(self):
        print('E del')
        D.__del__(self)


b = B()
print(repr(b.m).split(' of ')[0])
print(repr(B.c).split(' of ')[0])
print(A.m)
print(B.m)
print(Old.m)
print(A.m is A.m, A.__dict__['m'] is A.__dict__['m'])
print(A.m(b), B.c(), Old.m(Old()))
f = A.__dict__['m']
before = sys.getrefcount(f)
u = A.m
print(sys.getrefcount(f) - before)
del u
print(sys.getrefcount(f) - before)
e = E()
del e
print(A.m(1))
