// Dict and set storage: Python keys mapped to JS Map keys (equal Python keys
// map to the same JS key), insertion with CPython's reference and tracking
// rules, and unhashable-type errors.

import type { Interp } from '../interp';
import {
  MapKey, PyBool, PyDict, PyFloat, PyInstance, PyInt, PyObject, PySet, PyStr, PyTuple,
} from '../objects';
import { mroLookup } from '../types';
import { NotSupportedRuntime, PyRaise } from '../errors';
import { strOf, typeName } from '../repr';
import { setAddBorrowed, setAddKey, setContainsKey } from '../settable';
import { dictDeleted, dictInserted } from '../sizes';

/** Interned key object for composite dict/set keys (tuples, big ints): one per value, shared by engine copies. */
export class TupleKey { constructor(readonly s: string) {} }
const tupleKeys = new Map<string, TupleKey>();

function keyString(it: Interp, o: PyObject): string {
  if (o instanceof PyStr) return 'S' + JSON.stringify(o.v);
  if (o instanceof PyInt) return 'N' + String(o.v);
  if (o instanceof PyFloat) return Number.isInteger(o.v) ? 'N' + String(o.v) : 'F' + String(o.v);
  if (o instanceof PyTuple) return 'T(' + o.items.map((x) => keyString(it, x)).join(',') + ')';
  const k = rawHashKey(it, o);
  if (typeof k === 'object') return 'O' + o.serial;
  return 'N' + String(k);
}

/** What a key is used as, for 3.14's unhashable-key message (null: hash() itself). */
export type KeyRole = 'dict key' | 'set element' | null;

/** The JS Map key for a Python key; raises TypeError for unhashable objects. 3.14
 *  (dict_unhashable_type / set_unhashable_type, measured in 3.14.2) re-raises a
 *  TypeError from hashing as "cannot use 'T' as a dict key (<message>)". */
export function hashKey(it: Interp, o: PyObject, role: KeyRole = 'dict key'): MapKey {
  if (o instanceof PyStr) return o.v;
  if (role === null || !it.profile.unhashableRole || o instanceof PyInt || o instanceof PyFloat) return rawHashKey(it, o);
  try {
    return rawHashKey(it, o);
  } catch (e) {
    if (!(e instanceof PyRaise) || e.exc.type !== it.types.get('TypeError')) throw e;
    const msg = strOf(it, e.exc);
    it.dec(e.exc);
    it.raise('TypeError', `cannot use '${typeName(o)}' as a ${role} (${msg})`);
  }
}

function rawHashKey(it: Interp, o: PyObject): MapKey {
  if (o instanceof PyStr) return o.v;
  if (o instanceof PyInt) return typeof o.v === 'bigint' ? tupleKey('B' + o.v.toString()) : (o instanceof PyBool ? o.v : o.v);
  if (o instanceof PyFloat) {
    if (Number.isInteger(o.v) && !Number.isSafeInteger(o.v)) return tupleKey('B' + BigInt(o.v).toString());
    return o.v;
  }
  if (o instanceof PyTuple) return tupleKey(keyString(it, o));
  const t = o.type;
  if (t === it.types.list || t === it.types.dict || t === it.types.set) it.raise('TypeError', `unhashable type: '${t.name}'`);
  if (t === it.types.frozenset) {
    const parts = [...(o as PySet).map.values()].map((x) => keyString(it, x)).sort();
    return tupleKey('Z{' + parts.join(',') + '}');
  }
  if (o instanceof PyInstance && t.isHeap) {
    // Sets support these (settable.ts models set_lookkey's probe order); dicts
    // are keyed by value-equality Map keys, which cannot call user code.
    const h = effectiveHash(it, t);
    const eq = mroLookup(t, '__eq__');
    if (h === it.None || (eq && eq !== it.objectEq && !h && it.profile.version[0] !== 2)) it.raise('TypeError', `unhashable type: '${typeName(o)}'`);
    if (h && h !== it.objectHash) throw new NotSupportedRuntime(`a user-defined __hash__ on a dict key or in a tuple/frozenset key (class ${t.name})`, it.frame ? it.frame.lineno : 0);
    if (eq && eq !== it.objectEq) throw new NotSupportedRuntime(`a user-defined __eq__ on a dict key or in a tuple/frozenset key (class ${t.name})`, it.frame ? it.frame.lineno : 0);
  }
  return o;
}

/** The user __hash__ (a callable) of a heap-class instance, or null when the
 *  instance hashes by identity or is unhashable (rawHashKey raises for those). */
export function userHashOf(it: Interp, o: PyObject): PyObject | null {
  if (!(o instanceof PyInstance) || !o.type.isHeap) return null;
  const h = effectiveHash(it, o.type);
  return h && h !== it.None && h !== it.objectHash ? h : null;
}

/** Whether a heap-class instance compares with a user __eq__. */
export function hasUserEq(it: Interp, o: PyObject): boolean {
  if (!(o instanceof PyInstance) || !o.type.isHeap) return false;
  const eq = mroLookup(o.type, '__eq__');
  return !!eq && eq !== it.objectEq;
}

/** The __hash__ a class's instances get: type_new stores `__hash__ = None` in
 * the dict of a class that defines __eq__ without __hash__, so along the MRO
 * the first class defining either decides. 2.7 has no such rule (without -3):
 * the __hash__ found along the MRO. */
export function effectiveHash(it: Interp, t: import('../objects').PyType): PyObject | null {
  if (it.profile.version[0] === 2) return mroLookup(t, '__hash__') ?? null;
  for (const c of t.mro) {
    const d = c.dict;
    if (!d) continue;
    const h = d.map.get('__hash__');
    if (h) return h.value;
    if (c.isHeap && d.map.has('__eq__')) return it.None;
  }
  return null;
}

function tupleKey(s: string): TupleKey {
  let k = tupleKeys.get(s);
  if (!k) { k = new TupleKey(s); tupleKeys.set(s, k); }
  return k;
}

/** d[key] = value, stealing both references (PyDict_SetItem + decref of the caller's refs). */
export function dictSetItem(it: Interp, d: PyDict, key: PyObject, value: PyObject): void {
  let k;
  try { k = hashKey(it, key); } catch (e) { it.dec(key); it.dec(value); throw e; }
  const e = d.map.get(k);
  if (e) {
    const old = e.value;
    e.value = value;
    it.maintainDictTracking(d, e.key, value);
    it.dec(key);
    it.dec(old);
    return;
  }
  d.map.set(k, { key, value });
  dictInserted(it, d, key);
  it.maintainDictTracking(d, key, value);
}

export function dictGet(it: Interp, d: PyDict, key: PyObject): PyObject | undefined {
  const e = d.map.get(hashKey(it, key));
  return e ? e.value : undefined;
}

/** del d[key]; returns false when absent. Releases the stored key and value. */
export function dictDel(it: Interp, d: PyDict, key: PyObject): boolean {
  const k = hashKey(it, key);
  const e = d.map.get(k);
  if (!e) return false;
  d.map.delete(k);
  dictDeleted(d);
  it.dec(e.key);
  it.dec(e.value);
  return true;
}

/** Store under a str key (namespaces): steals value. */
export function dictSetStr(it: Interp, d: PyDict, name: string, value: PyObject): void {
  const e = d.map.get(name);
  if (e) {
    const old = e.value;
    e.value = value;
    it.maintainDictTracking(d, e.key, value);
    it.dec(old);
    return;
  }
  const key = it.intern(name);
  d.map.set(name, { key, value });
  dictInserted(it, d, key);
  it.maintainDictTracking(d, key, value);
}

/** PySet_Add: steals `item`. */
export function setAdd(it: Interp, s: PySet, item: PyObject): void {
  setAddKey(it, s, item);
}

/** PySet_Add: borrows `item`. */
export function setAddBorrowedItem(it: Interp, s: PySet, item: PyObject): void {
  setAddBorrowed(it, s, item);
}

export function setHas(it: Interp, s: PySet, item: PyObject): boolean {
  return setContainsKey(it, s, item);
}
