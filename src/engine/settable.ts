// The set/frozenset hash table of Objects/setobject.c: PySet_MINSIZE 8,
// LINEAR_PROBES 9 then perturbation, dummy entries on deletion, resize when
// fill*5 >= mask*3, iteration in table order. Storage is plain data on PySet
// (table/hashes arrays) so engine copies stay deep-clonable.
//
// Version differences modelled: set_add_entry puts a new key in the last dummy
// it passed (freeslot), except in 3.9, where dummies are skipped and a new key
// always goes to an unused slot (checked against 3.7 to 3.13). 2.7 has no
// linear probing (i = 5*i + perturb + 1 before perturb >>= 5, as its dicts) and
// reuses the first dummy it passed; its hashes are those of py2/py2hash.ts.
//
// Instances of classes with a user __hash__ / __eq__: slot_tp_hash calls
// __hash__ (userHash below) and set_lookkey / set_add_entry compare an entry of
// equal hash with PyObject_RichCompareBool(startkey, key) while holding a new
// reference to startkey, in the table's probe order. A set mutated by that
// __eq__ (CPython restarts the lookup) is refused.

import type { Interp } from './interp';
import {
  PyBool, PyBytes, PyFloat, PyInstance, PyInt, PyNone, PyObject, PySet, PyStr, PyTuple, PyType } from './objects';
import { effectiveHash, hashKey, type KeyRole } from './builtins/dictops';
import { NotSupportedRuntime, PyRaise } from './errors';
import { strOf, typeName } from './repr';
import { slotCall } from './slotcall';
import { eq as pyEq } from './ops';
import { py2Hash } from './py2/py2hash';
import {
  bytesHash, floatHash, frozensetHash, intHash, pointerHash, strHash, tupleHash, tupleHashLegacy,
  HASH_WASM32, HASH64, type HashWidth,
} from './pyhash';

export const SET_MINSIZE = 8;
const LINEAR_PROBES = 9;

function minor(it: Interp): number { return it.profile.version[1]; }
/** The build's hashing (profile.hashBuild: 'wasm32' for Pyodide's). */
function width(it: Interp): HashWidth { return it.profile.hashBuild === 'wasm32' ? HASH_WASM32 : HASH64; }

/** PyObject_Hash for the types the engine hashes (raises for unhashable ones). */
export function pyHash(it: Interp, o: PyObject, role: KeyRole = 'set element'): bigint {
  if (isPy2(it) && (o instanceof PyStr || o instanceof PyBytes || o instanceof PyInt || o instanceof PyFloat)) return py2Hash(o);
  if (o instanceof PyStr) return strHash(o.v, minor(it), width(it));
  if (o instanceof PyInstance && o.type.isHeap && !o.type.classic) {
    const h = effectiveHash(it, o.type);
    if (h === null || h === it.objectHash) return pointerHash(o.addr, width(it));
    if (h === it.None) hashKey(it, o, role); // raises the unhashable TypeError
    return userHash(it, o, h, role);
  }
  if (role !== null && it.profile.unhashableRole && !(o instanceof PyInt) && !(o instanceof PyFloat)) {
    hashKey(it, o, role); // 3.14's wrapped message for an unhashable element (nested ones too)
  }
  if (o instanceof PyInt) return intHash(o instanceof PyBool ? Number(o.v) : o.v, width(it));
  if (o instanceof PyFloat) return floatHash(o.v, minor(it) >= 10 ? pointerHash(o.addr, width(it)) : 0n, width(it));
  if (o instanceof PyTuple) {
    const hs = o.items.map((x) => pyHash(it, x, null));
    return minor(it) >= 8 ? tupleHash(hs, width(it)) : tupleHashLegacy(hs);
  }
  if (o instanceof PyBytes) return bytesHash(o.v, minor(it), width(it));
  if (o instanceof PyNone) return minor(it) >= 12 ? BigInt.asIntN(width(it).bits, 0xFCA86420n) : pointerHash(o.addr, width(it));
  if (o instanceof PySet && !o.type.mro.includes(it.types.set)) return frozensetHash(o.hashes, o.fill, o.used, width(it));
  hashKey(it, o, null); // unhashable types raise here
  return pointerHash(o.addr, width(it));
}

const notSupported = (it: Interp, what: string): never => {
  throw new NotSupportedRuntime(what, it.frame ? it.frame.lineno : 0);
};

/** slot_tp_hash: call __hash__; an int result is the hash as is when it fits
 *  Py_ssize_t (-1 becomes -2), else long_hash of it (3.x: modulo 2**61-1, or
 *  2**31-1 on Pyodide's 32-bit build); 2.7 takes PyInt_AsLong of an int and
 *  2.7's long_hash of a long. 3.14 wraps a TypeError as the other unhashable
 *  errors (set_unhashable_type). */
function userHash(it: Interp, o: PyObject, fn: PyObject, role: KeyRole): bigint {
  if (role === null || !it.profile.unhashableRole) return userHashRaw(it, o, fn);
  try {
    return userHashRaw(it, o, fn);
  } catch (e) {
    if (!(e instanceof PyRaise) || e.exc.type !== it.types.get('TypeError')) throw e;
    const msg = strOf(it, e.exc);
    it.dec(e.exc);
    it.raise('TypeError', `cannot use '${typeName(o)}' as a ${role} (${msg})`);
  }
}

function userHashRaw(it: Interp, o: PyObject, fn: PyObject): bigint {
  const py2 = it.profile.version[0] === 2;
  const r = slotCall(it, fn, o, []);
  if (!(r instanceof PyInt)) {
    const odd = r instanceof PyFloat || r instanceof PyInstance;
    it.dec(r);
    // 2.7's PyInt_AsLong converts floats and objects with __int__: not modelled.
    if (py2 && odd) notSupported(it, `a __hash__ returning a ${typeName(r)} on 2.7`);
    it.raise('TypeError', py2 ? 'an integer is required' : '__hash__ method should return an integer');
  }
  const v = BigInt(r instanceof PyBool ? Number(r.v) : r.v);
  const h = py2 ? py2Hash(r) : null;
  it.dec(r);
  if (h !== null) return h;
  const w = width(it);
  const lim = 1n << BigInt(w.bits - 1);
  if (v >= -lim && v < lim) return v === -1n ? -2n : v;
  return intHash(v, w);
}

function isUserKeyed(it: Interp, o: PyObject): boolean {
  return o instanceof PyInstance && o.type.isHeap;
}

/** The comparison of set_lookkey / set_add_entry for the key at slot e, whose
 *  hash equals key's: identity, else PyObject_RichCompareBool(startkey, key)
 *  with startkey held by a new reference. */
function keyEq(it: Interp, s: PySet, e: number, key: PyObject, lookup = false): boolean {
  const k = s.table[e]!;
  if (k === key) return true;
  if (!isUserKeyed(it, k) && !isUserKeyed(it, key)) return hashKey(it, k) === hashKey(it, key);
  // 3.14's lookups in an exact frozenset (set_compare_frozenset) borrow startkey.
  if (lookup && s.type === it.types.frozenset && is314(it)) return pyEq(it, k, key);
  const table = s.table;
  it.inc(k);
  let r: boolean;
  try { r = pyEq(it, k, key); } finally { it.dec(k); }
  if (s.table !== table || s.table[e] !== k) notSupported(it, 'a set changed by the __eq__ of one of its elements during a lookup');
  return r;
}

const lowBits = (h: bigint, mask: number): number => Number(BigInt.asUintN(64, h) & BigInt(mask));
const isPy2 = (it: Interp): boolean => it.profile.version[0] === 2;
const is314 = (it: Interp): boolean => it.profile.version[0] === 3 && it.profile.version[1] >= 14;
/** The next probe start: 3.x shifts perturb first, 2.7 after (its perturb starts as the hash). */
function nextSlot(py2: boolean, i: number, perturb: bigint, mask: number): [number, bigint] {
  if (py2) return [(i * 5 + 1 + lowBits(perturb, mask)) & mask, perturb >> 5n];
  const p = perturb >> 5n;
  return [(i * 5 + 1 + lowBits(p, mask)) & mask, p];
}

/** set_lookkey: the slot holding an equal key, or -1. */
export function setLookup(it: Interp, s: PySet, key: PyObject, hash: bigint): number {
  const mask = s.table.length - 1;
  const py2 = isPy2(it);
  let perturb = BigInt.asUintN(width(it).bits, hash); // size_t
  let i = lowBits(hash, mask);
  for (;;) {
    let e = i;
    let probes = !py2 && i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
    do {
      const k = s.table[e];
      if (k === null && s.hashes[e] === 0n) return -1;
      if (k !== null && s.hashes[e] === hash && keyEq(it, s, e, key, true)) return e;
      e++;
    } while (probes--);
    [i, perturb] = nextSlot(py2, i, perturb, mask);
  }
}

/** set_add_entry: steals `key`. */
export function setAddEntry(it: Interp, s: PySet, key: PyObject, hash: bigint): void {
  const mask = s.table.length - 1;
  const reuseDummy = minor(it) !== 9;
  const py2 = isPy2(it);
  const firstDummy = py2 || it.profile.setTwoThirdsFill;
  let perturb = BigInt.asUintN(width(it).bits, hash);
  let i = lowBits(hash, mask);
  let freeslot = -1;
  for (;;) {
    let e = i;
    let probes = !py2 && i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
    do {
      const k = s.table[e];
      const h = s.hashes[e];
      if (k === null && h === 0n) {
        if (freeslot >= 0) {
          s.used++;
          s.table[freeslot] = key; s.hashes[freeslot] = hash;
          return;
        }
        s.fill++; s.used++;
        s.table[e] = key; s.hashes[e] = hash;
        // 2.7 set_add_key: grow when fill*3 >= (mask+1)*2; 3.6: fill*3 >= mask*2; 3.7+: fill*5 >= mask*3.
        if (it.profile.version[0] === 2 ? s.fill * 3 < (mask + 1) * 2
          : it.profile.setTwoThirdsFill ? s.fill * 3 < mask * 2 : s.fill * 5 < mask * 3) return;
        setTableResize(s, s.used > 50000 ? s.used * 2 : s.used * 4, width(it).bits, py2);
        return;
      }
      if (h === hash && k !== null) {
        let same: boolean;
        try { same = keyEq(it, s, e, key); } catch (err) { it.dec(key); throw err; }
        if (same) { it.dec(key); return; }
      } else if (h === -1n && k === null && reuseDummy && (freeslot < 0 || !firstDummy)) freeslot = e;
      e++;
    } while (probes--);
    [i, perturb] = nextSlot(py2, i, perturb, mask);
  }
}

function insertClean(table: (PyObject | null)[], hashes: bigint[], key: PyObject, hash: bigint, sizeBits: number, py2: boolean): void {
  const mask = table.length - 1;
  let perturb = BigInt.asUintN(sizeBits, hash);
  let i = lowBits(hash, mask);
  for (;;) {
    if (table[i] === null) { table[i] = key; hashes[i] = hash; return; }
    if (!py2 && i + LINEAR_PROBES <= mask) {
      for (let j = 1; j <= LINEAR_PROBES; j++) {
        if (table[i + j] === null) { table[i + j] = key; hashes[i + j] = hash; return; }
      }
    }
    [i, perturb] = nextSlot(py2, i, perturb, mask);
  }
}

/** set_table_resize; `sizeBits`: the width of size_t (perturbation); `py2`: 2.7's probing. */
export function setTableResize(s: PySet, minused: number, sizeBits = 64, py2 = false): void {
  let newsize = SET_MINSIZE;
  while (newsize <= minused) newsize *= 2;
  const oldTable = s.table, oldHashes = s.hashes;
  if (newsize === SET_MINSIZE && oldTable.length === SET_MINSIZE && s.fill === s.used) return;
  const table: (PyObject | null)[] = new Array(newsize).fill(null);
  const hashes: bigint[] = new Array(newsize).fill(0n);
  s.fill = s.used;
  for (let i = 0; i < oldTable.length; i++) {
    const k = oldTable[i];
    if (k !== null) insertClean(table, hashes, k, oldHashes[i], sizeBits, py2);
  }
  s.table = table; s.hashes = hashes;
}

/** set_discard_entry: true when found (the stored key is released). */
export function setDiscardEntry(it: Interp, s: PySet, key: PyObject, hash: bigint): boolean {
  const e = setLookup(it, s, key, hash);
  if (e < 0) return false;
  const old = s.table[e]!;
  s.table[e] = null; s.hashes[e] = -1n;
  s.used--;
  it.dec(old);
  return true;
}

/** Empty the table (set_empty_to_minsize) and return the keys it held, in table order. */
export function setTakeAll(s: PySet): PyObject[] {
  const out = s.table.filter((k): k is PyObject => k !== null);
  s.table = new Array(SET_MINSIZE).fill(null);
  s.hashes = new Array(SET_MINSIZE).fill(0n);
  s.fill = 0; s.used = 0;
  return out;
}

/** set_clear_internal */
export function setClear(it: Interp, s: PySet): void {
  for (const k of setTakeAll(s)) it.dec(k);
}

/** The active entries in table order (set_next). */
export function* setEntries(s: PySet): Generator<[PyObject, bigint]> {
  for (let i = 0; i < s.table.length; i++) {
    const k = s.table[i];
    if (k !== null) yield [k, s.hashes[i]];
  }
}

/** The entries of `s` for a set_next loop whose probes may run a user __eq__: refused when
 *  that code changes `s` (set_next would go on over the changed table). */
export function* loopEntries(it: Interp, s: PySet, probed: PySet | null): Generator<[PyObject, bigint]> {
  const table = s.table;
  const snap = [...setEntries(s)];
  const watch = snap.some(([k]) => isUserKeyed(it, k)) || (probed !== null && probed.table.some((k) => k !== null && isUserKeyed(it, k)));
  const copy = watch ? table.slice() : null;
  for (const e of snap) {
    yield e;
    if (copy && (s.table !== table || table.some((x, i) => x !== copy[i]))) notSupported(it, 'a set changed by the __eq__ of an element while a set operation walks it');
  }
}

export function setItems(s: PySet): PyObject[] {
  return s.table.filter((k): k is PyObject => k !== null);
}

/** set_merge: add every key of `other` (a set or frozenset). */
export function setMerge(it: Interp, so: PySet, other: PySet): void {
  if (other === so || other.used === 0) return;
  if (isPy2(it)) {
    // 2.7 set_merge: resize at 2/3 of mask+1, then set_insert_key for each entry (comparing).
    if ((so.fill + other.used) * 3 >= so.table.length * 2) setTableResize(so, (so.used + other.used) * 2, width(it).bits, true);
    for (const [k, h] of loopEntries(it, other, so)) setAddEntry(it, so, it.inc(k), h);
    return;
  }
  const grow = it.profile.setTwoThirdsFill ? (so.fill + other.used) * 3 >= (so.table.length - 1) * 2
    : (so.fill + other.used) * 5 >= (so.table.length - 1) * 3;
  if (grow) setTableResize(so, (so.used + other.used) * 2, width(it).bits, isPy2(it));
  if (so.fill === 0 && so.table.length === other.table.length && other.fill === other.used) {
    for (let i = 0; i < other.table.length; i++) {
      const k = other.table[i];
      if (k !== null) { so.table[i] = it.inc(k); so.hashes[i] = other.hashes[i]; }
    }
    so.fill = other.fill; so.used = other.used;
    return;
  }
  if (so.fill === 0) {
    so.fill = other.used; so.used = other.used;
    for (const [k, h] of setEntries(other)) insertClean(so.table, so.hashes, it.inc(k), h, width(it).bits, isPy2(it));
    return;
  }
  for (const [k, h] of loopEntries(it, other, so)) setAddEntry(it, so, it.inc(k), h);
}

/** PySet_Add then a release of the caller's reference (BUILD_SET, SET_ADD): steals `key`.
 *  set_add_key hashes with the caller's reference only; set_add_entry then holds its own
 *  (seen by a user __eq__) and the caller drops its one after the insertion. 3.14's
 *  _PySet_AddTakeRef inserts the stolen reference itself. */
export function setAddKey(it: Interp, s: PySet, key: PyObject): void {
  if (is314(it)) {
    let h: bigint;
    try { h = pyHash(it, key); } catch (e) { it.dec(key); throw e; }
    setAddEntry(it, s, key, h);
    return;
  }
  try { setAddBorrowed(it, s, key); } finally { it.dec(key); }
}

/** set_add_key with a borrowed `key` (set.add, set_update_internal). */
export function setAddBorrowed(it: Interp, s: PySet, key: PyObject): void {
  const h = pyHash(it, key);
  setAddEntry(it, s, it.inc(key), h);
}

export function setContainsKey(it: Interp, s: PySet, key: PyObject): boolean {
  return setLookup(it, s, key, pyHash(it, key)) >= 0;
}

export function setDiscardKey(it: Interp, s: PySet, key: PyObject): boolean {
  return setDiscardEntry(it, s, key, pyHash(it, key));
}

/** set_pop, with its search finger. */
export function setPop(s: PySet): PyObject | null {
  if (s.used === 0) return null;
  const mask = s.table.length - 1;
  let e = s.finger & mask;
  while (s.table[e] === null) { e++; if (e > mask) e = 0; }
  const k = s.table[e]!;
  s.table[e] = null; s.hashes[e] = -1n;
  s.used--;
  s.finger = e + 1;
  return k;
}

/** set_swap_bodies */
export function setSwapBodies(a: PySet, b: PySet): void {
  [a.table, b.table] = [b.table, a.table];
  [a.hashes, b.hashes] = [b.hashes, a.hashes];
  [a.fill, b.fill] = [b.fill, a.fill];
  [a.used, b.used] = [b.used, a.used];
}

/** make_new_set_basetype: operations on a subclass instance build a plain set/frozenset. */
export function baseSetType(it: Interp, t: PyType): PyType {
  if (t === it.types.set || t === it.types.frozenset) return t;
  return t.mro.includes(it.types.set) ? it.types.set : it.types.frozenset;
}
