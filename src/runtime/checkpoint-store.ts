// The debugger's checkpoints without copying the heap: a checkpoint is the
// list of every JS object reachable from the engine, each paired with a
// shallow record of its fields (references point at the live objects
// themselves, never at copies). Records are shared between checkpoints while
// an object does not change, so a checkpoint costs one walk of the heap plus
// a new record for each object that changed since the previous one.
//
// Restoring is done in place, by diff: every object of the checkpoint whose
// fields differ from its record gets them back; objects created since are
// left unreferenced. The engine keeps its identity, so no heap is copied and
// going back a few steps on a 100,000-object heap costs one comparison pass.
// Immutable leaves (functions, typed arrays, interned tuple keys) and the
// objects in `share` are kept by reference and not walked.

import { TupleKey } from '../engine/builtins/dictops';
import { PyObject } from '../engine/objects';

type Obj = Record<string, unknown>;

/**
 * The own keys of a class of objects, with functions compiled for them (named
 * property accesses are many times faster than a generic loop over keys on a
 * heap of many different classes).
 */
interface Shape {
  keys: string[];
  /** Do o's fields equal the values v (in key order)? */
  eq(o: object, v: unknown[]): boolean;
  values(o: object): unknown[];
  put(o: object, v: unknown[]): void;
  /** Call p with every field holding an object. */
  kids(o: object, p: (x: object) => void): void;
}

/** A plain object's record: its shape and the values of its fields. */
class ObjRec { constructor(readonly s: Shape, readonly v: unknown[]) {} }
/**
 * A Map that simulates a hash table of its own (2.7's dicts iterate in table order,
 * src/engine/py2/dictorder.ts): its table is part of its state, beside the entries.
 */
interface TableMap {
  tableState(): unknown;
  tableMatches(t: unknown): boolean;
  restoreTable(pairs: unknown[], t: unknown): void;
}
const isTableMap = (o: object): o is Map<unknown, unknown> & TableMap => typeof (o as Partial<TableMap>).tableState === 'function';
/** A TableMap's record: its entries [k, v, …] and its table. */
class TableRec { constructor(readonly pairs: unknown[], readonly table: unknown) {} }
/** A shallow record: the elements of an array, [k, v, …] of a Map, the members of a Set, or an object's fields. */
type Rec = unknown[] | ObjRec | TableRec;

interface Seen { rec: Rec; epoch: number }

export interface StoredCheckpoint {
  /** [object, record, object, record, …] for every object reachable at the checkpoint. */
  readonly pairs: unknown[];
  /** Estimated bytes held only by this checkpoint (its list and its new records). */
  readonly bytes: number;
  /** Objects met for the first time (recorded, not only compared): a walk's cost depends on it. */
  readonly fresh: number;
}

const isLeaf = (v: object): boolean => typeof v === 'function' || ArrayBuffer.isView(v) || v instanceof TupleKey;

/** Same value, telling 0 from -0 and NaN equal to itself. */
const same = (a: unknown, b: unknown): boolean => (a === b ? a !== 0 || 1 / (a as number) === 1 / (b as number) : a !== a && b !== b);

const IDENT = /^[A-Za-z_$][\w$]*$/;

function compileShape(keys: string[]): Shape {
  const at = (k: string) => (IDENT.test(k) ? `o.${k}` : `o[${JSON.stringify(k)}]`);
  /* eslint-disable @typescript-eslint/no-implied-eval */
  const eq = keys.length ? new Function('S', `return function eq(o, v) { return ${keys.map((k, i) => `S(${at(k)}, v[${i}])`).join(' && ')}; }`)(same)
    : () => true;
  const values = new Function(`return function values(o) { return [${keys.map(at).join(', ')}]; }`)();
  const put = new Function('S', `return function put(o, v) { ${keys.map((k, i) => `if (!S(${at(k)}, v[${i}])) ${at(k)} = v[${i}];`).join(' ')} }`)(same);
  const kids = new Function(`return function kids(o, p) { let x; ${keys.map((k) => `x = ${at(k)}; if (x !== null && typeof x === 'object') p(x);`).join(' ')} }`)();
  return { keys, eq, values, put, kids };
}

/** Number of enumerable keys (own, for the engine's class instances). */
function keyCount(o: object): number {
  let n = 0;
  for (const _ in o) n++;
  return n;
}

function record(o: object, shapes: Map<object | null, Shape[]>): Rec {
  if (Array.isArray(o)) return o.slice();
  if (o instanceof Map) {
    const r: unknown[] = [];
    for (const [k, v] of o) r.push(k, v);
    return isTableMap(o) ? new TableRec(r, o.tableState()) : r;
  }
  if (o instanceof Set) return [...o];
  const keys = Object.keys(o);
  const proto = Object.getPrototypeOf(o) as object | null;
  let list = shapes.get(proto);
  if (!list) shapes.set(proto, (list = []));
  let s = list.find((x) => x.keys.length === keys.length && x.keys.every((k, i) => k === keys[i]));
  if (!s) list.push((s = compileShape(keys)));
  return new ObjRec(s, s.values(o));
}

/** Does `o` still hold exactly what `r` recorded? */
function matches(o: object, r: Rec): boolean {
  if (r instanceof ObjRec) return r.s.eq(o, r.v) && keyCount(o) === r.v.length;
  if (r instanceof TableRec) return isTableMap(o) && o.tableMatches(r.table) && matches(o, r.pairs);
  if (Array.isArray(o)) {
    const a = r;
    if (o.length !== a.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(o[i], a[i])) return false;
    return true;
  }
  if (o instanceof Map) {
    const a = r;
    if (o.size * 2 !== a.length) return false;
    let i = 0;
    for (const [k, v] of o) { if (!same(k, a[i]) || !same(v, a[i + 1])) return false; i += 2; }
    return true;
  }
  if (o instanceof Set) {
    const a = r;
    if (o.size !== a.length) return false;
    let i = 0;
    for (const v of o) if (!same(v, a[i++])) return false;
    return true;
  }
  return false;
}

function write(o: object, r: Rec): void {
  if (r instanceof TableRec) (o as Map<unknown, unknown> & TableMap).restoreTable(r.pairs, r.table);
  else if (r instanceof ObjRec) {
    if (keyCount(o) === r.v.length) r.s.put(o, r.v);
    else {
      // Keys were added or deleted since: rebuild the fields in their recorded order.
      for (const k in o) delete (o as Obj)[k];
      r.s.keys.forEach((k, i) => { (o as Obj)[k] = r.v[i]; });
    }
  } else if (Array.isArray(o)) {
    o.length = r.length;
    for (let i = 0; i < r.length; i++) o[i] = r[i];
  } else if (o instanceof Map) {
    o.clear();
    for (let i = 0; i < r.length; i += 2) o.set(r[i], r[i + 1]);
  } else if (o instanceof Set) {
    o.clear();
    for (const v of r) o.add(v);
  }
}

const recordBytes = (r: Rec): number => 32 + 8 * (r instanceof ObjRec ? r.v.length + 2 : r instanceof TableRec ? 2 * r.pairs.length + 4 : r.length);

export class CheckpointStore {
  /** The latest record of every object met, and the walk that last met it. */
  private seen = new Map<object, Seen>();
  /**
   * The same for heap objects, by serial number (an array index instead of a Map
   * lookup: most of a big heap). A serial can be reused by a replayed run, so the
   * object is kept too and checked.
   */
  private bySerial: (PyObject | undefined)[] = [];
  private seenBySerial: (Seen | undefined)[] = [];
  /** Serials met by the last walk (to forget those no longer reachable). */
  private serialsMet: number[] = [];
  private epoch = 0;
  private shapes = new Map<object | null, Shape[]>();

  /** Record the state of everything reachable from `root`. */
  take(root: object, share: ReadonlySet<object>): StoredCheckpoint {
    const epoch = ++this.epoch;
    const seen = this.seen;
    const shapes = this.shapes;
    const pairs: unknown[] = [];
    let bytes = 0;
    let fresh = 0;
    const stack: object[] = [root];
    const push = (x: object) => { stack.push(x); };
    const bySerial = this.bySerial;
    const seenBySerial = this.seenBySerial;
    const met: number[] = [];
    while (stack.length) {
      const o = stack.pop()!;
      const serial = o instanceof PyObject ? o.serial : -1;
      let s = serial >= 0 ? (bySerial[serial] === o ? seenBySerial[serial] : undefined) : seen.get(o);
      if (s === undefined) {
        if (share.has(o) || isLeaf(o)) continue;
        s = { rec: record(o, shapes), epoch };
        if (serial >= 0) { bySerial[serial] = o as PyObject; seenBySerial[serial] = s; met.push(serial); }
        else seen.set(o, s);
        bytes += recordBytes(s.rec) + 64;
        fresh++;
      } else {
        if (serial >= 0 && s.epoch !== epoch) met.push(serial);
        if (s.epoch === epoch) continue;
        s.epoch = epoch;
        if (!matches(o, s.rec)) { s.rec = record(o, shapes); bytes += recordBytes(s.rec); }
      }
      pairs.push(o, s.rec);
      const r = s.rec;
      if (r instanceof ObjRec) r.s.kids(o, push);
      else if (Array.isArray(o)) { for (let i = 0; i < o.length; i++) { const x = o[i]; if (x !== null && typeof x === 'object') stack.push(x); } }
      else if (o instanceof Map) { for (const [k, v] of o) { if (k !== null && typeof k === 'object') stack.push(k); if (v !== null && typeof v === 'object') stack.push(v); } }
      else if (o instanceof Set) { for (const v of o) if (v !== null && typeof v === 'object') stack.push(v); }
    }
    // Forget objects no longer reachable (a restore brings back their records from its own list).
    if (seen.size + met.length > pairs.length / 2) for (const [o, s] of seen) if (s.epoch !== epoch) seen.delete(o);
    for (const n of this.serialsMet) {
      const s = seenBySerial[n];
      if (s !== undefined && s.epoch !== epoch) { bySerial[n] = undefined; seenBySerial[n] = undefined; }
    }
    this.serialsMet = met;
    bytes += 8 * pairs.length;
    return { pairs, bytes, fresh };
  }

  /** Put every object of `cp` back as it was; returns how many objects were written. */
  restore(cp: StoredCheckpoint): number {
    const p = cp.pairs;
    let written = 0;
    for (let i = 0; i < p.length; i += 2) {
      const o = p[i] as object;
      const r = p[i + 1] as Rec;
      if (!matches(o, r)) { write(o, r); written++; }
    }
    return written;
  }
}
