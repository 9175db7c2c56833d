// The C names (tp_name) of the builtin types, per version: what their reprs
// (`<class 'weakref.ReferenceType'>`, 2.7's `<type 'exceptions.ValueError'>`),
// `__name__`, `__module__` and error messages show. A static type's tp_name
// may carry its module before the last dot; type_name() is what follows it,
// type_module() what precedes it (builtins, or 2.7's __builtin__, without a
// dot). Measured with scripts/probes/type_names.py on 2.7 and 3.6–3.13.

import type { PyType } from './objects';
import type { Profile } from './profile';
import type { Types } from './types';

/** 2.7's names for types that Python 3 renamed (by the engine's name). */
const PY2_NAMES: Record<string, string> = {
  method: 'instancemethod', list_iterator: 'listiterator', tuple_iterator: 'tupleiterator', set_iterator: 'setiterator',
  dict_keyiterator: 'dictionary-keyiterator', dict_valueiterator: 'dictionary-valueiterator',
  dict_itemiterator: 'dictionary-itemiterator', range_iterator: 'rangeiterator', mappingproxy: 'dictproxy',
  callable_iterator: 'callable-iterator', list_reverseiterator: 'listreverseiterator', str_ascii_iterator: 'iterator',
};

/** Give each builtin type its tp_name under this profile. */
export function nameBuiltinTypes(t: Types, p: Profile): void {
  const [major, minor] = p.version;
  if (major === 2) {
    for (const [name, ty] of t.byName) {
      if (PY2_NAMES[name]) ty.tpName = PY2_NAMES[name];
      else if (ty.builtinBase === 'BaseException') ty.tpName = `exceptions.${name}`;
    }
    // 2.7's struct sequences are not tuples (isinstance(sys.version_info, tuple) is False).
    t.version_info.bases = [t.object];
    t.version_info.mro = [t.version_info, t.object];
    return;
  }
  // The str iterator: str_ascii_iterator since 3.11 (for an ASCII string), str_iterator before.
  if (minor < 11) t.str_iterator.tpName = 'str_iterator';
  // weakref.ReferenceType since 3.10 (its __name__ is ReferenceType), weakref before.
  if (minor >= 10) t.weakref.tpName = 'weakref.ReferenceType';
}

/** type.__name__ (type_name): a static type's tp_name after its last dot. */
export function shortTypeName(t: PyType): string {
  if (t.isHeap) return t.name;
  return t.tpName.slice(t.tpName.lastIndexOf('.') + 1);
}

/** type.__module__ of a static type (type_module): what precedes the last dot of its tp_name, else the builtins module. */
export function staticTypeModule(t: PyType, p: Profile): string {
  const dot = t.tpName.lastIndexOf('.');
  if (dot >= 0) return t.tpName.slice(0, dot);
  return p.version[0] === 2 ? '__builtin__' : 'builtins';
}
