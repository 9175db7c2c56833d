# The names builtin types show: type reprs (2.7's <type '...'>, module-qualified tp_names such as
# weakref.ReferenceType since 3.10 and 2.7's exceptions.ValueError), __name__, __module__, the
# tp_name in error messages, and sys.version_info, a struct sequence.
# requires: 2.7
from __future__ import print_function
import sys, weakref, gc
class A(object):
    def m(self):
        pass
a = A()
def f():
    pass
def show(label, o):
    t = type(o)
    print(label, repr(t), t.__name__, t.__module__)
show('method', a.m)
show('list_iterator', iter([]))
show('tuple_iterator', iter(()))
show('str_iterator', iter('ab'))
show('set_iterator', iter(set()))
show('dict_keyiterator', iter({}))
show('weakref', weakref.ref(a))
show('mappingproxy', A.__dict__)
show('enumerate', enumerate([]))
show('reversed', reversed([]))
show('function', f)
show('builtin', len)
show('ValueError', ValueError())
show('module', sys)
show('NoneType', None)
show('version_info', sys.version_info)
print(int, object, type, A, KeyError, type(A))
print(repr(sys.version_info)[:33], sys.version_info.major == sys.version_info[0], len(sys.version_info))
print(sys.version_info.releaselevel, sys.version_info.serial, sys.version_info >= (2, 7), sys.version_info[:1] < (4,))
print(isinstance(sys.version_info, tuple) == (sys.version_info[0] > 2), gc.is_tracked(sys.version_info))
try:
    weakref.ref(a).foo
except AttributeError as e:
    print(e)
try:
    ValueError().foo
except AttributeError as e:
    print(e)
try:
    sys.version_info.foo
except AttributeError as e:
    print(e)
