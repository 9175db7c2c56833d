# Probe: the repr, __name__ and __module__ of builtin types and the tp_name in AttributeError
# messages, per version (src/engine/typenames.ts follows what this prints). Run with each
# interpreter, e.g. ~/.pyenv/versions/2.7*/bin/python scripts/probes/type_names.py
from __future__ import print_function
import sys, weakref, gc
class A(object):
    def m(self): pass
a = A()
def f(): pass
objs = [('method', a.m), ('list_iterator', iter([])), ('tuple_iterator', iter(())), ('str_iterator', iter('ab')),
        ('set_iterator', iter(set())), ('dict_keyiterator', iter({})), ('dict_valueiterator', iter({}.values())) if sys.version_info[0] > 2 else ('dict_valueiterator', {}.itervalues()),
        ('dict_itemiterator', iter({}.items())) if sys.version_info[0] > 2 else ('dict_itemiterator', {}.iteritems()),
        ('range_iterator', iter(range(3)) if sys.version_info[0] > 2 else iter(xrange(3))),
        ('weakref', weakref.ref(a)), ('mappingproxy', A.__dict__), ('callable_iterator', iter(f, 1)),
        ('cell', (lambda: a).__closure__ and (lambda: a).__closure__[0] or None), ('code', f.__code__), ('frame', sys._getframe()),
        ('enumerate', enumerate([])), ('reversed', reversed([])), ('super', super(A, a)), ('property', property()),
        ('staticmethod', staticmethod(f)), ('classmethod', classmethod(f)), ('builtin_function_or_method', len),
        ('method_descriptor', list.append), ('getset_descriptor', type.__dict__['__dict__']), ('member_descriptor', type.__dict__['__weakrefoffset__']),
        ('version_info', sys.version_info), ('ValueError', ValueError()), ('module', sys), ('NoneType', None), ('slice', slice(1))]
for k, o in objs:
    t = type(o)
    print(k, repr(t), t.__name__, t.__module__)
try:
    weakref.ref(a).foo
except AttributeError as e:
    print(e)
try:
    ValueError().foo
except AttributeError as e:
    print(e)
