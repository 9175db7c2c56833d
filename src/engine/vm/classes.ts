// Class creation (__build_class__ + type_new): run the class body in a fresh
// namespace, then build the heap type with the objects CPython creates for
// it — the type, its dict, the __mro__ and __bases__ tuples, and the
// __dict__/__weakref__ descriptors — which is why a deleted class is cyclic
// garbage that only the collector frees.

import type { Interp } from '../interp';
import { PyCell, PyDescriptorWrapper, PyDict, PyFunction, PyObject, PyStr, PyTuple, PyType } from '../objects';
import { computeMro } from '../types';
import { Frame } from './frame';
import { makeFrame } from './call';
import { runFrame } from './eval';
import { dictSetStr } from '../builtins/dictops';
import { iterateToArray } from '../ops';
import { NotSupportedRuntime } from '../errors';
import { isClassicDefinition, classicClassNew } from '../py2/classic';
import { addSubclass } from './subclasses';

export function buildClass(it: Interp, body: PyFunction, name: string, basesTuple: PyTuple, kw: PyDict | null): PyType {
  if (kw && kw.map.size) {
    throw new NotSupportedRuntime('class keyword arguments (metaclass=…)', it.frame ? it.frame.lineno : 0);
  }
  const bases = basesTuple.items.map((b) => {
    if (!(b instanceof PyType)) it.raise('TypeError', 'bases must be types');
    return b;
  });
  for (const b of bases) {
    if (!b.isHeap && b !== it.types.object && !b.classic && b.builtinBase !== 'BaseException') {
      throw new NotSupportedRuntime(`subclassing the builtin type '${b.name}'`, it.frame ? it.frame.lineno : 0);
    }
  }
  // __build_class__: type.__prepare__ is fetched as a bound method, called for the namespace, dropped.
  // (2.7's build_class has no __prepare__.)
  // The bound __prepare__ is a PyCFunction (classmethod_get of type.__prepare__), so it goes to
  // the PyCFunction free list up to 3.8 (freed without decrementing the gen-0 count: +1 per class
  // after a full collection emptied the list; gc_incremental_budget at 3.7/3.8).
  // 3.6: __build_class__ is METH_VARARGS (an argument tuple (func, name, *bases) for the whole
  // call), and __prepare__ is called with a (name, bases) tuple.
  const buildArgs = it.profile.hidden.buildClassArgsTuple ? it.hidden.argsTuple(2 + bases.length) : null;
  const prepare = it.profile.version[0] === 2 ? null : it.hidden.boundBuiltin();
  const prepareArgs = it.profile.hidden.buildClassArgsTuple ? it.hidden.argsTuple(2) : null;
  const ns = it.newDict();
  it.hidden.release(prepareArgs);
  it.hidden.release(prepare);
  try {
    return buildClassBody(it, body, name, bases, basesTuple, ns);
  } finally { it.hidden.release(buildArgs); }
}

function buildClassBody(it: Interp, body: PyFunction, name: string, bases: PyType[], basesTuple: PyTuple, ns: PyDict): PyType {
  const f: Frame = makeFrame(it, body, [], null, false, it.frame);
  f.localsDict = it.inc(ns);
  f.role = 'class-body';
  let cellResult: PyObject;
  try {
    cellResult = runFrame(it, f);
  } catch (e) {
    it.dec(ns);
    throw e;
  }
  // type(name, bases, ns) goes through _PyObject_MakeTpCall: an argument 3-tuple.
  const args = it.hidden.argsTuple(3);
  try {
    if (isClassicDefinition(it, bases)) return classicClassNew(it, name, bases, ns);
    return typeNew(it, name, bases, ns, cellResult instanceof PyCell ? cellResult : null, basesTuple);
  } finally {
    it.hidden.release(args);
    it.dec(cellResult);
    it.dec(ns);
  }
}

/** type(name, bases, ns) for a heap type. */
export function typeNew(it: Interp, name: string, bases: PyType[], ns: PyDict, classCell: PyCell | null,
  givenBases: PyTuple | null = null): PyType {
  const T = it.types;
  const realBases = bases.length ? bases : [T.object];
  // tp_bases: the given tuple, or a new (object,) tuple; then the dict copy; then the type itself.
  const basesT = givenBases && givenBases.items.length ? it.inc(givenBases) : it.newTuple(realBases.map((b) => it.inc(b)));
  const d = it.newDict();
  const t = it.gcNew(() => new PyType(T.type, name, realBases[0].builtinBase), 912, false);
  t.tpCallTuple = it.profile.hidden.classCallTuple !== false;
  T.type.rc++;
  t.isHeap = true;
  t.bases = realBases;
  // tp_base (the first base here) holds a reference; the others are held by the __bases__ tuple only.
  it.inc(realBases[0]);
  const mro = computeMro(t, realBases);
  if (!mro) it.raise('TypeError', `Cannot create a consistent method resolution order (MRO) for bases ${realBases.map((b) => b.name).join(', ')}`);
  t.mro = mro;
  // 3.6 mro_implementation's temporary lists (PyList_New, PySequence_List, Py_BuildValue …), all
  // alive together, then parked on the list free list.
  const mroLists = Array.from({ length: it.profile.hidden.mroTempLists ?? 0 }, () => it.hidden.alloc('list'));
  for (const b of mroLists) it.hidden.free(b);
  const qn = ns.map.get('__qualname__');
  t.qualname = qn && qn.value instanceof PyStr ? qn.value.v : name;
  const mod = ns.map.get('__module__');
  t.module = mod && mod.value instanceof PyStr ? mod.value.v : '__main__';
  // __slots__
  const slotsEntry = ns.map.get('__slots__');
  // type_new: a class without __slots__ adds a __dict__ (unless a base already has one).
  let addsDict = true;
  let addsWeakref = true;
  if (slotsEntry) {
    const names = iterateToArray(it, slotsEntry.value instanceof PyStr ? it.newTuple([it.inc(slotsEntry.value)]) : slotsEntry.value);
    const slotNames: string[] = [];
    addsDict = false;
    addsWeakref = false;
    for (const n of names) {
      const s = (n as PyStr).v;
      if (s === '__dict__') addsDict = true;
      else if (s === '__weakref__') addsWeakref = true;
      else slotNames.push(s);
      it.dec(n);
    }
    const inherited = realBases.flatMap((b) => b.slotNames ?? []);
    t.slotNames = [...inherited, ...slotNames];
  } else {
    const inherited = realBases.flatMap((b) => b.slotNames ?? []);
    if (inherited.length) t.slotNames = inherited;
  }
  const baseHasDict = realBases.some((b) => b.hasInstDict);
  t.hasInstDict = addsDict || baseHasDict;
  t.weakrefable = addsWeakref || realBases.some((b) => b.weakrefable && b !== T.object);
  t.isGC = t.hasInstDict || !!(t.slotNames && t.slotNames.length) || realBases.some((b) => b.isGC) || t.weakrefable;
  // The type's own dict (a copy of the namespace).
  for (const e of ns.map.values()) {
    if (e.key instanceof PyStr && e.key.v === '__classcell__') continue;
    d.map.set(e.key instanceof PyStr ? e.key.v : e.key, { key: it.inc(e.key), value: it.inc(e.value) });
    it.maintainDictTracking(d, e.key, e.value);
  }
  t.dict = d;
  if (!d.map.has('__doc__')) dictSetStr(it, d, '__doc__', it.newNone());
  // __mro__ tuple, and the getset descriptors for __dict__ / __weakref__.
  const mroT = it.newTuple(mro.map((b) => it.inc(b)));
  t.internals.push(basesT, mroT);
  if (addsDict && !baseHasDict) {
    const g = it.gcNew(() => new PyDescriptorWrapper(T.getset_descriptor, it.inc(t)), 80);
    dictSetStr(it, d, '__dict__', g);
  }
  if (addsWeakref && !realBases.some((b) => b.weakrefable && b !== T.object)) {
    const g = it.gcNew(() => new PyDescriptorWrapper(T.getset_descriptor, it.inc(t)), 80);
    dictSetStr(it, d, '__weakref__', g);
  }
  // Each base keeps a weak reference to its new subclass (tp_subclasses, vm/subclasses.ts).
  t.subclassRefs = realBases.map((b) => addSubclass(it, b, t));
  // type_new_set_names works on a copy of the dict (parked at once); __init_subclass__
  // is called through a super object and a bound method (both freed).
  // (Neither exists in 2.7: __set_name__ and __init_subclass__ are 3.6's PEP 487.)
  if (it.profile.version[0] >= 3) {
    it.hidden.free(it.hidden.alloc('dict'));
    const supArgs = it.hidden.profileSuperArgs();
    const sup = it.hidden.alloc(null, 0, 48);
    it.hidden.release(supArgs);
    const meth = it.hidden.alloc(null, 0, 64);
    it.hidden.free(meth);
    it.hidden.free(sup);
  }
  // Functions defined in the body know their class through __class__.
  if (classCell) {
    const old = classCell.ref;
    classCell.ref = it.inc(t);
    it.xdec(old);
  }
  it.heap.track(t);
  return t;
}
