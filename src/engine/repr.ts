// repr() and str() of every object, in CPython's exact formats
// (`<__main__.A object at 0x7f…>`, `<function A.__del__ at 0x7f…>`, …),
// with user __repr__/__str__ called as Python code and the recursion guard
// that prints `[...]` for self-containing containers.

import type { Interp } from './interp';
import {
  PyBool, PyBuiltin, PyGenerator, PyBytes, PyCell, PyDescriptorWrapper, PyDict, PyDictView, PyException, PyFloat, PyFunction,
  PyInstance, PyInt, PyIterator, PyList, PyMethod, PyModule, PyNone, PyObject, PyRange, PySet, PySlice, PyStr,
  PySuper, PyTuple, PyType, PyWeakref, PyEllipsis, PyNotImplemented, PyTraceback,
} from './objects';
import { DTSF_ADD_DOT_0, doubleToString, floatRepr } from './text/floatrepr';
import { strRepr, bytesRepr } from './text/strrepr';
import { intToStr } from './text/radix';
import { mroLookup } from './types';
import { callObject } from './vm/call';
import { getAttrOrNull } from './attrs';
import { classicInstanceRepr, classicClassRepr, classicClassStr } from './py2/classic';
import { py2IntRepr, py2SetRepr } from './py2/reprs';
import { py2ExceptionRepr } from './py2/unraisable';
import { shortTypeName } from './typenames';

export function hexAddr(o: PyObject): string { return '0x' + o.addr.toString(16); }

/** The name of an object's type in messages and reprs: its tp_name (src/engine/typenames.ts). */
export function typeName(o: PyObject): string { return o.type.tpName; }

/** weakref_repr: the referent's tp_name (3.13+: its qualified name) and its `__name__` if it has one
 *  (≤3.10 any attribute, as getattr finds it; 3.11+ only through its type, _PyObject_LookupSpecial). */
function weakrefRepr(it: Interp, w: PyObject, r: PyObject): string {
  const [major, minor] = it.profile.version;
  const tname = major === 3 && minor >= 13 ? (r.type.isHeap ? r.type.qualname : shortTypeName(r.type)) : r.type.tpName;
  let name: string | null = null;
  if (major === 2 || minor <= 10) {
    const v = getAttrOrNull(it, r, '__name__');
    if (v instanceof PyStr) name = v.v;
    if (v) it.dec(v);
  } else if (r instanceof PyType || r instanceof PyFunction || r instanceof PyBuiltin) {
    name = r.name;
  } else {
    const v = mroLookup(r.type, '__name__');
    if (v instanceof PyStr) name = v.v;
  }
  return `<weakref at ${hexAddr(w)}; to '${tname}' at ${hexAddr(r)}${name === null ? '' : ` (${name})`}>`;
}

/** A type's module-qualified name as object_repr and type_repr show it (a static type: its tp_name). */
function qualifiedTypeName(t: PyType): string {
  if (!t.isHeap) return t.tpName;
  return t.module !== 'builtins' ? `${t.module}.${t.qualname}` : t.qualname;
}

const inRepr = new Set<PyObject>();

/** repr(o) (PyObject_Repr, which checks for signals — a GC point in 3.12+) */
export function reprOf(it: Interp, o: PyObject): string {
  if (it.heap.collectPending) it.gcPoint();
  if (o instanceof PyStr) return strRepr(o.v);
  if (o instanceof PyBool) return o.v ? 'True' : 'False';
  if (o instanceof PyInt) return it.profile.version[0] === 2 ? py2IntRepr(o.v) : intToStr(o.v);
  if (o instanceof PyFloat) return floatRepr(o.v);
  if (o instanceof PyNone) return 'None';
  if (o instanceof PyInstance && o.type.isHeap) {
    const r = mroLookup(o.type, '__repr__');
    if (r && r !== it.objectRepr && !(r instanceof PyBuiltin && o instanceof PyException)) return callStrMethod(it, r, o, '__repr__');
  }
  if (o instanceof PyList || o instanceof PyTuple || o instanceof PyDict || o instanceof PySet) return containerRepr(it, o);
  if (o instanceof PyException) {
    const args = o.args ? o.args.items : [];
    const name = o.type.name;
    if (it.profile.version[0] === 2 || it.profile.py36Wording) return py2ExceptionRepr(name, o.args ? reprOf(it, o.args) : '()');
    if (args.length === 1) return `${name}(${reprOf(it, args[0])})`;
    return `${name}(${args.map((a) => reprOf(it, a)).join(', ')})`;
  }
  if (o instanceof PyInstance) return o.type.classic ? classicInstanceRepr(o) : `<${qualifiedTypeName(o.type)} object at ${hexAddr(o)}>`;
  if (o instanceof PyType) {
    if (o.classic) return classicClassRepr(o);
    // 2.7's type_repr: 'type' for a static type, 'class' for a heap type.
    return `<${it.profile.version[0] === 2 && !o.isHeap ? 'type' : 'class'} '${qualifiedTypeName(o)}'>`;
  }
  if (o instanceof PyFunction) return `<function ${o.qualname} at ${hexAddr(o)}>`;
  // gen_repr: gi_qualname (2.7: the code's name).
  if (o instanceof PyGenerator) return `<generator object ${it.profile.version[0] === 2 ? o.name : o.qualname} at ${hexAddr(o)}>`;
  if (o instanceof PyMethod && o.unbound) return `<unbound method ${(o.self as PyType).name}.${o.func instanceof PyFunction ? o.func.name : '?'}>`;
  if (o instanceof PyMethod) {
    const fname = o.func instanceof PyFunction ? o.func.qualname : reprOf(it, o.func);
    // 2.7 instancemethod_repr: im_class's name (the instance's class; for a classmethod the
    // class's metaclass) and the function's __name__.
    if (it.profile.version[0] === 2 && o.func instanceof PyFunction && o.self && !(o.self instanceof PyInstance && o.self.type.classic)) {
      return `<bound method ${o.self.type.name}.${o.func.name} of ${reprOf(it, o.self)}>`;
    }
    return `<bound method ${fname} of ${reprOf(it, o.self)}>`;
  }
  if (o instanceof PyBuiltin) {
    if (o.methodOf) return `<method '${o.name}' of '${o.methodOf.name}' objects>`;
    if (o.self && !(o.self instanceof PyModule)) return `<built-in method ${o.name} of ${typeName(o.self)} object at ${hexAddr(o.self)}>`;
    return `<built-in function ${o.name}>`;
  }
  if (o instanceof PyModule) return `<module '${o.name}' (built-in)>`;
  if (o instanceof PyCell) {
    return o.ref ? `<cell at ${hexAddr(o)}: ${typeName(o.ref)} object at ${hexAddr(o.ref)}>` : `<cell at ${hexAddr(o)}: empty>`;
  }
  if (o instanceof PyWeakref) {
    if (!o.referent) return `<weakref at ${hexAddr(o)}; dead>`;
    return weakrefRepr(it, o, o.referent);
  }
  if (o instanceof PyRange) return o.step === 1 ? `range(${o.start}, ${o.stop})` : `range(${o.start}, ${o.stop}, ${o.step})`;
  if (o instanceof PySlice) return `slice(${reprOf(it, o.start)}, ${reprOf(it, o.stop)}, ${reprOf(it, o.step)})`;
  if (o instanceof PyBytes) return bytesRepr(o.v);
  if (o instanceof PyEllipsis) return 'Ellipsis';
  if (o instanceof PyNotImplemented) return 'NotImplemented';
  if (o instanceof PyDictView && o.kind === 'proxy') {
    return `${it.profile.version[0] === 2 ? 'dict_proxy' : 'mappingproxy'}(${reprOf(it, o.dict)})`;
  }
  if (o instanceof PyDictView) {
    const name = `dict_${o.kind}`;
    const d = o.dict;
    const parts: string[] = [];
    for (const e of d.map.values()) {
      if (o.kind === 'keys') parts.push(reprOf(it, e.key));
      else if (o.kind === 'values') parts.push(reprOf(it, e.value));
      else parts.push(`(${reprOf(it, e.key)}, ${reprOf(it, e.value)})`);
    }
    return `${name}([${parts.join(', ')}])`;
  }
  if (o instanceof PySuper) return `<super: <class '${o.thisType.name}'>, <${o.obj.type.name} object>>`;
  if (o instanceof PyDescriptorWrapper) return `<${typeName(o)} object at ${hexAddr(o)}>`;
  if (o instanceof PyIterator) return `<${typeName(o)} object at ${hexAddr(o)}>`;
  if (o instanceof PyTraceback) return `<traceback object at ${hexAddr(o)}>`;
  return `<${typeName(o)} object at ${hexAddr(o)}>`;
}

function callStrMethod(it: Interp, m: PyObject, o: PyObject, which: string): string {
  const r = callObject(it, m, [o], null);
  if (!(r instanceof PyStr)) {
    const n = typeName(r);
    it.dec(r);
    it.raise('TypeError', `${which} returned non-string (type ${n})`);
  }
  const s = r.v;
  it.dec(r);
  return s;
}

function containerRepr(it: Interp, o: PyList | PyTuple | PyDict | PySet): string {
  const fields = o.type.structFields;
  if (o instanceof PyTuple && fields) {
    // structseq_repr: `sys.version_info(major=3, …)`, built in a string writer (no GC allocation).
    return `${typeName(o)}(${fields.map((f, i) => `${f}=${reprOf(it, o.items[i])}`).join(', ')})`;
  }
  if (o instanceof PyTuple) {
    if (inRepr.has(o)) return '(...)';
    if (o.items.length === 0) return '()';
  }
  if (o instanceof PyList && o.items.length === 0) {
    if (it.profile.hidden.reprPieces) it.reprEnter(); // 2.7's list_repr enters before the size test
    return '[]';
  }
  if (inRepr.has(o)) {
    if (o instanceof PyList) return '[...]';
    if (o instanceof PyDict) return '{...}';
    return `${o.type.name}(...)`;
  }
  it.reprEnter();
  inRepr.add(o);
  const pieces = o instanceof PyTuple ? it.hidden.reprPieces('tuple', o.items.length)
    : o instanceof PyList || o instanceof PyDict ? it.hidden.reprPieces('list', 1) : null;
  try {
    if (o instanceof PyList) return '[' + o.items.map((x) => reprOf(it, x)).join(', ') + ']';
    if (o instanceof PyTuple) {
      const s = o.items.map((x) => reprOf(it, x)).join(', ');
      return o.items.length === 1 ? `(${s},)` : `(${s})`;
    }
    if (o instanceof PyDict) {
      const parts: string[] = [];
      for (const e of o.map.values()) parts.push(`${reprOf(it, e.key)}: ${reprOf(it, e.value)}`);
      return '{' + parts.join(', ') + '}';
    }
    if (o.map.size) {
      // set_repr goes through a temporary list of the items.
      const tmp = it.hidden.alloc('list');
      it.hidden.free(tmp);
    }
    const items = [...o.map.values()].map((x) => reprOf(it, x));
    if (it.profile.version[0] === 2) return py2SetRepr(o.type.name, items);
    if (o.type === it.types.frozenset) return items.length ? `frozenset({${items.join(', ')}})` : 'frozenset()';
    if (!items.length) return `${o.type.name}()`;
    return o.type === it.types.set ? `{${items.join(', ')}}` : `${o.type.name}({${items.join(', ')}})`;
  } finally {
    it.hidden.release(pieces);
    inRepr.delete(o);
  }
}

/** str(o) (PyObject_Str, which checks for signals — a GC point in 3.12+) */
export function strOf(it: Interp, o: PyObject): string {
  if (it.heap.collectPending) it.gcPoint();
  if (o instanceof PyStr) return o.v;
  if (o instanceof PyType && o.classic) return classicClassStr(o);
  if (o instanceof PyInt && !(o instanceof PyBool)) return intToStr(o.v); // 2.7: str() of a long has no 'L'
  // 2.7's float_str: 12 significant digits ('g', PyFloat_STR_PRECISION); repr is the shortest round-trip.
  if (o instanceof PyFloat && o.type === it.types.float && it.profile.version[0] === 2) return doubleToString(o.v, 'g', 12, DTSF_ADD_DOT_0);
  if (o instanceof PyInstance && o.type.isHeap) {
    const s = mroLookup(o.type, '__str__');
    if (s && s !== it.objectStr && !(s instanceof PyBuiltin)) return callStrMethod(it, s, o, '__str__');
  }
  if (o instanceof PyException) {
    const args = o.args ? o.args.items : [];
    if (args.length === 0) return '';
    if (o.type === it.types.get('KeyError') && args.length === 1) return reprOf(it, args[0]);
    if (args.length === 1) return strOf(it, args[0]);
    return reprOf(it, o.args!);
  }
  return reprOf(it, o);
}
