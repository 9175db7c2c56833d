// Python 2.7's old-style ("classic") classes: `class T:` without a new-style
// base creates a classobj (PyClass_New: one GC object that adopts the class
// body's namespace as its dict; no __mro__ tuple, getset descriptors or
// subclass weakref), and its instances (PyInstance_NewRaw) get their __dict__
// at creation. They print as `<__main__.T instance at 0x…>` and the collector
// reports them only under DEBUG_INSTANCES (Objects/classobject.c, Modules/gcmodule.c).
// Internally a classic class is a heap type whose MRO ends in object, so that
// identity comparison and hashing behave as for classic instances.

import type { Interp } from '../interp';
import { PyDict, PyInstance, PyObject, PyStr, PyType } from '../objects';
import { dictSetStr } from '../builtins/dictops';
import { materializeDict } from '../instances';

/** 2.7: a class statement creates a classic class when none of its bases is a new-style class. */
export function isClassicDefinition(it: Interp, bases: PyType[]): boolean {
  return it.profile.version[0] === 2 && bases.every((b) => b.classic);
}

/** PyClass_New(bases, dict, name): the class object owns the namespace dict itself. */
export function classicClassNew(it: Interp, name: string, bases: PyType[], ns: PyDict): PyType {
  const T = it.types;
  const t = it.gcNew(() => new PyType(T.type, name, 'object'), 104, false);
  T.type.rc++;
  t.classic = true;
  t.isHeap = true;
  t.tpCallTuple = true;
  t.hasInstDict = true;
  t.weakrefable = true;
  t.isGC = true;
  t.bases = bases.length ? bases : [T.object];
  for (const b of t.bases) it.inc(b);
  // Depth-first, left-to-right lookup order of classic classes.
  const order: PyType[] = [t];
  const walk = (c: PyType) => { for (const b of c.bases) if (b.classic) { if (!order.includes(b)) order.push(b); walk(b); } };
  walk(t);
  order.push(T.object);
  t.mro = order;
  const mod = ns.map.get('__module__');
  t.module = mod && mod.value instanceof PyStr ? mod.value.v : '__main__';
  t.qualname = name;
  t.dict = it.inc(ns) as PyDict;
  if (!ns.map.has('__doc__')) dictSetStr(it, ns, '__doc__', it.newNone());
  it.heap.track(t);
  return t;
}

/** PyInstance_NewRaw: a classic instance has its attribute dict from the start. */
export function classicInstanceInit(it: Interp, o: PyInstance): void {
  if (o.type.classic) materializeDict(it, o);
}

/** instance_repr without __repr__: `<module.T instance at 0x…>`. */
export function classicInstanceRepr(o: PyObject): string {
  return `<${o.type.module}.${o.type.qualname} instance at 0x${o.addr.toString(16)}>`;
}

/** class_str: `module.T`. */
export function classicClassStr(t: PyType): string {
  return `${t.module}.${t.qualname}`;
}

/** class_repr: `<class module.T at 0x…>`. */
export function classicClassRepr(t: PyType): string {
  return `<class ${t.module}.${t.qualname} at 0x${t.addr.toString(16)}>`;
}
