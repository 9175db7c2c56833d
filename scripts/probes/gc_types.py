# Probe: which built-in / interpreter-internal types are GC types.
# What it measures: for each type, whether Py_TPFLAGS_HAVE_GC (1 << 14) is set,
# i.e. whether creating an instance goes through the GC allocator and bumps
# gc.get_count()[0] (unless the instance comes from a free list) and freeing
# it goes through PyObject_GC_Del.  Also prints gc.get_threshold() and
# whether gc.is_tracked() is true for a fresh instance where one is cheap to
# make.  Types that do not exist in a version print "absent".
from __future__ import print_function
import gc, sys, types, weakref
HAVE_GC = 1 << 14


def gen():
    yield 1


class K(object):
    def m(self):
        return None


def f():
    return None


def cellmaker():
    z = 1

    def g():
        return z
    return g


frame = sys._getframe()
try:
    raise ValueError('x')
except ValueError:
    tb = sys.exc_info()[2]
cands = [
    ('object', object), ('int', int), ('float', float), ('str', str), ('bytes', bytes),
    ('tuple', tuple), ('list', list), ('dict', dict), ('set', set), ('frozenset', frozenset),
    ('type', type), ('instance_of_class', K), ('function', types.FunctionType),
    ('method (bound)', types.MethodType), ('builtin_function_or_method', type(len)),
    ('method-wrapper', type((1).__add__)), ('wrapper_descriptor', type(int.__add__)),
    ('method_descriptor', type(str.join)), ('getset_descriptor', type(type.__dict__['__dict__'])),
    ('member_descriptor', type(type.__dict__['__weakrefoffset__'])),
    ('cell', type(cellmaker().__closure__[0])), ('frame', type(frame)),
    ('traceback', type(tb)), ('code', type(f.__code__)), ('generator', type(gen())),
    ('range', type(range(1))), ('range_iterator', type(iter(range(1)))),
    ('list_iterator', type(iter([]))), ('tuple_iterator', type(iter(()))),
    ('dict_keyiterator', type(iter({}))), ('set_iterator', type(iter(set()))),
    ('str_iterator', type(iter(''))), ('enumerate', enumerate), ('zip', zip),
    ('map', map), ('filter', filter), ('reversed', reversed), ('slice', slice),
    ('property', property), ('staticmethod', staticmethod), ('classmethod', classmethod),
    ('super', super), ('weakref.ref', weakref.ref), ('weakref.proxy', weakref.ProxyType),
    ('module', types.ModuleType), ('BaseException', BaseException), ('ValueError', ValueError),
    ('memoryview', memoryview), ('bytearray', bytearray), ('dict_keys', type({}.keys())),
    ('dict_items', type({}.items())), ('NoneType', type(None)), ('bool', bool),
    ('complex', complex), ('mappingproxy', type(type.__dict__)),
]
print('version = %s' % sys.version.split()[0])
print('threshold = %s' % (gc.get_threshold(),))
for name, t in cands:
    fl = getattr(t, '__flags__', None)
    if fl is None:
        print('%s = n/a (not a type here: %s)' % (name, type(t).__name__))
    else:
        print('%s = %s' % (name, 'GC' if fl & HAVE_GC else 'no'))
