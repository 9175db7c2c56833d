// The set algebra of Objects/setobject.c over the table of settable.ts:
// which set is iterated and which is probed, and into what, decides the
// result's table order, so each function follows its C counterpart.

import type { Interp } from '../interp';
import { PyDict, PyObject, PySet, PyType } from '../objects';
import {
  baseSetType, pyHash, setAddBorrowed, setAddEntry, setAddKey, setClear, setContainsKey, setDiscardEntry, loopEntries, setLookup,
  setMerge, setSwapBodies, setTableResize,
} from '../settable';
import { getIter, iterNext } from '../ops';
import { hashKey } from './dictops';

const isAnySet = (o: PyObject): o is PySet => o instanceof PySet;

function forEachIn(it: Interp, o: PyObject, f: (x: PyObject) => boolean | void): void {
  const iter = getIter(it, o);
  try {
    for (;;) {
      const x = iterNext(it, iter);
      if (x === null) break;
      let stop: boolean | void;
      try { stop = f(x); } finally { it.dec(x); }
      if (stop) break;
    }
  } finally { it.dec(iter); }
}

/** set_update_internal */
export function setUpdateInternal(it: Interp, so: PySet, other: PyObject): void {
  if (isAnySet(other)) { setMerge(it, so, other); return; }
  if (other instanceof PyDict && other.type === it.types.dict) {
    const n = other.map.size;
    if ((so.fill + n) * 5 >= (so.table.length - 1) * 3) setTableResize(so, (so.used + n) * 2, (it.profile.hashBuild === 'wasm32' ? 32 : 64), it.profile.version[0] === 2);
    for (const [k, h] of dictEntryHashes(it, other)) setAddEntry(it, so, it.inc(k), h);
    return;
  }
  forEachIn(it, other, (x) => { setAddBorrowed(it, so, x); });
}

/** make_new_set(type, iterable) */
export function makeNewSet(it: Interp, type: PyType, iterable: PyObject | null): PySet {
  const s = it.newSet(type);
  if (iterable) {
    try { setUpdateInternal(it, s, iterable); } catch (e) { it.dec(s); throw e; }
  }
  return s;
}

export function setCopy(it: Interp, so: PySet): PySet {
  return makeNewSet(it, baseSetType(it, so.type), so);
}

/** set_or / set.union */
export function setUnion(it: Interp, so: PySet, others: PyObject[]): PySet {
  const r = setCopy(it, so);
  try {
    for (const o of others) if (o !== so) setUpdateInternal(it, r, o);
  } catch (e) { it.dec(r); throw e; }
  return r;
}

/** 3.9+: loops over a set's entries hold a new reference to the key while probing another
 *  table (whose __eq__ calls could drop the entry); 2.7 to 3.8 use the entry's borrowed one. */
function held<T>(it: Interp, k: PyObject, f: () => T): T {
  if (it.profile.version[0] === 2 || it.profile.version[1] < 9) return f();
  it.inc(k);
  try { return f(); } finally { it.dec(k); }
}

/** set_intersection */
export function setIntersection(it: Interp, so: PySet, other: PyObject): PySet {
  if (other === so) return setCopy(it, so);
  const result = it.newSet(baseSetType(it, so.type));
  try {
    if (isAnySet(other)) {
      let a: PySet = so, b: PySet = other;
      if (b.used > a.used) [a, b] = [b, a];
      for (const [k, h] of loopEntries(it, b, a)) {
        held(it, k, () => { if (setLookup(it, a, k, h) >= 0) setAddEntry(it, result, it.inc(k), h); });
      }
      return result;
    }
    forEachIn(it, other, (x) => {
      const h = pyHash(it, x);
      if (setLookup(it, so, x, h) >= 0) {
        setAddEntry(it, result, it.inc(x), h);
        if (result.used >= so.used) return true;
      }
      return false;
    });
  } catch (e) { it.dec(result); throw e; }
  return result;
}

export function setIntersectionMulti(it: Interp, so: PySet, others: PyObject[]): PySet {
  if (!others.length) return setCopy(it, so);
  let result: PySet = it.inc(so);
  for (const o of others) {
    let r: PySet;
    try { r = setIntersection(it, result, o); } catch (e) { it.dec(result); throw e; }
    it.dec(result);
    result = r;
  }
  return result;
}

/** set_intersection_update(_multi) */
export function setIntersectionUpdate(it: Interp, so: PySet, others: PyObject[]): void {
  const tmp = setIntersectionMulti(it, so, others);
  setSwapBodies(so, tmp);
  it.dec(tmp);
}

/** set_isdisjoint */
export function setIsDisjoint(it: Interp, so: PySet, other: PyObject): boolean {
  if (other === so) return so.used === 0;
  if (isAnySet(other) && (other.type === it.types.set || other.type === it.types.frozenset)) {
    let a: PySet = so, b: PySet = other;
    if (b.used > a.used) [a, b] = [b, a];
    for (const [k, h] of loopEntries(it, b, a)) if (held(it, k, () => setLookup(it, a, k, h) >= 0)) return false;
    return true;
  }
  let disjoint = true;
  forEachIn(it, other, (x) => { if (setContainsKey(it, so, x)) { disjoint = false; return true; } return false; });
  return disjoint;
}

/** set_difference_update_internal */
export function setDifferenceUpdateInternal(it: Interp, so: PySet, other: PyObject): void {
  if (other === so) { setClear(it, so); return; }
  if (isAnySet(other)) {
    const o = (other.used >> 3) > so.used ? setIntersection(it, so, other) : it.inc(other);
    try {
      for (const [k, h] of loopEntries(it, o, so)) held(it, k, () => setDiscardEntry(it, so, k, h));
    } finally { it.dec(o); }
  } else {
    forEachIn(it, other, (x) => { setDiscardEntry(it, so, x, pyHash(it, x)); });
  }
  if (so.fill - so.used <= Math.floor((so.table.length - 1) / 4)) return;
  setTableResize(so, so.used > 50000 ? so.used * 2 : so.used * 4, (it.profile.hashBuild === 'wasm32' ? 32 : 64), it.profile.version[0] === 2);
}

function copyAndDifference(it: Interp, so: PySet, other: PyObject): PySet {
  const r = setCopy(it, so);
  try { setDifferenceUpdateInternal(it, r, other); } catch (e) { it.dec(r); throw e; }
  return r;
}

/** set_difference */
export function setDifference(it: Interp, so: PySet, other: PyObject): PySet {
  let otherSize: number;
  const isDict = other instanceof PyDict && other.type === it.types.dict;
  if (isAnySet(other)) otherSize = other.used;
  else if (isDict) otherSize = (other as PyDict).map.size;
  else return copyAndDifference(it, so, other);
  if ((so.used >> 2) > otherSize) return copyAndDifference(it, so, other);
  const result = it.newSet(baseSetType(it, so.type));
  try {
    for (const [k, h] of loopEntries(it, so, isDict ? null : other as PySet)) {
      held(it, k, () => {
        const present = isDict ? dictHas(it, other as PyDict, k) : setLookup(it, other as PySet, k, h) >= 0;
        if (!present) setAddEntry(it, result, it.inc(k), h);
      });
    }
  } catch (e) { it.dec(result); throw e; }
  return result;
}

function dictHas(it: Interp, d: PyDict, k: PyObject): boolean {
  return d.map.has(hashKey(it, k));
}

/** A dict's keys with their hashes (the hashes CPython's dict entries store). */
function dictEntryHashes(it: Interp, d: PyDict): [PyObject, bigint][] {
  return [...d.map.values()].map((e) => [e.key, pyHash(it, e.key)]);
}

export function setDifferenceMulti(it: Interp, so: PySet, others: PyObject[]): PySet {
  if (!others.length) return setCopy(it, so);
  const r = setDifference(it, so, others[0]);
  try {
    for (const o of others.slice(1)) setDifferenceUpdateInternal(it, r, o);
  } catch (e) { it.dec(r); throw e; }
  return r;
}

/** set_symmetric_difference_update */
export function setSymmetricDifferenceUpdate(it: Interp, so: PySet, other: PyObject): void {
  if (other === so) { setClear(it, so); return; }
  if (other instanceof PyDict && other.type === it.types.dict) {
    for (const [k, h] of dictEntryHashes(it, other)) {
      if (!setDiscardEntry(it, so, k, h)) setAddEntry(it, so, it.inc(k), h);
    }
    return;
  }
  const otherset = isAnySet(other) ? it.inc(other) : makeNewSet(it, baseSetType(it, so.type), other);
  try {
    for (const [k, h] of loopEntries(it, otherset, so)) {
      it.inc(k);
      try {
        if (!setDiscardEntry(it, so, k, h)) setAddEntry(it, so, it.inc(k), h);
      } finally { it.dec(k); }
    }
  } finally { it.dec(otherset); }
}

/** set_symmetric_difference */
export function setSymmetricDifference(it: Interp, so: PySet, other: PyObject): PySet {
  const otherset = makeNewSet(it, baseSetType(it, so.type), other);
  try { setSymmetricDifferenceUpdate(it, otherset, so); } catch (e) { it.dec(otherset); throw e; }
  return otherset;
}

/** set_issubset */
export function setIsSubset(it: Interp, so: PySet, other: PyObject): boolean {
  if (!isAnySet(other)) {
    const tmp = makeNewSet(it, it.types.set, other);
    try { return setIsSubset(it, so, tmp); } finally { it.dec(tmp); }
  }
  if (so.used > other.used) return false;
  for (const [k, h] of loopEntries(it, so, other)) if (held(it, k, () => setLookup(it, other, k, h) < 0)) return false;
  return true;
}

/** set_issuperset */
export function setIsSuperset(it: Interp, so: PySet, other: PyObject): boolean {
  if (isAnySet(other)) return setIsSubset(it, other, so);
  let sup = true;
  forEachIn(it, other, (x) => { if (!setContainsKey(it, so, x)) { sup = false; return true; } return false; });
  return sup;
}

/** set_richcompare's Py_EQ for two sets (sizes, then hash for frozensets, then subset). */
export function setEquals(it: Interp, a: PySet, b: PySet): boolean {
  if (a.used !== b.used) return false;
  return setIsSubset(it, a, b);
}
