// CPython 2.7's dict iteration order: the order of the slots of its open-
// addressing hash table (Objects/dictobject.c), not insertion order. The
// engine keeps dict contents in a JS Map; under the 2.7 profile each dict's
// Map is a Py2DictMap, which also simulates the table — 8 slots to start,
// probing i = 5*i + perturb + 1 (perturb >>= 5), dummies left by deletions,
// resized to 4*used (2*used above 50000) when fill reaches 2/3 — and iterates
// in slot order. Hashes are 2.7's (PYTHONHASHSEED=0 disables randomisation):
// see py2hash.ts. Keys hashed by address (instances, None …) follow the
// simulated addresses, which are not CPython's.

import { dictStorage, type DictEntry, type MapKey } from '../objects';
import type { Profile } from '../profile';
import { HASH_HI, HASH_LO, py2HashParts } from './py2hash';

const MINSIZE = 8;
const DUMMY = Symbol('dummy');
/** Py2DictMap.top when the Map's order is not the slot order (above any slot index, a small integer). */
const UNORDERED = 0x3fffffff;

type Slot = MapKey | typeof DUMMY | undefined;

/** A Py2DictMap's table (its slots, mask and fill), as the debugger's checkpoints keep it. */
export interface Py2TableState { slots: Slot[]; mask: number; fill: number }

export class Py2DictMap extends Map<MapKey, DictEntry> {
  /** The table (its length is a power of 2: mask + 1); null while it is the fresh 8-slot one
   *  holding at most one key, made on demand (most instance __dict__s get one attribute and
   *  never need it). */
  private slots: Slot[] | null = null;
  private fill = 0;
  /** Highest slot given to a key since the last resize (or clear); not known yet (-2) while the
   *  table is implicit; UNORDERED once a key went to a slot before an earlier key's. Until then
   *  the Map's own (insertion) order is the slot order (a deletion keeps the order of the rest),
   *  as for most small dicts (an instance __dict__ with a few attributes), and iteration needs no
   *  table walk. */
  private top = -1;

  override set(k: MapKey, v: DictEntry): this {
    const slots = this.slots;
    if (slots === undefined) return super.set(k, v); // Map's constructor
    if (slots === null && this.size === 0) {
      // The first key of a fresh table: its first probe will find an empty slot (worked out
      // when the table is made).
      this.top = -2;
      this.fill = 1;
      return super.set(k, v);
    }
    if (super.has(k)) return super.set(k, v);
    const table = this.table();
    py2HashParts(v.key);
    const i = this.probe(k, HASH_LO, HASH_HI, true);
    if (table[i] === undefined) this.fill++;
    table[i] = k;
    if (i > this.top) this.top = i; else this.top = UNORDERED;
    super.set(k, v);
    // PyDict_SetItem: grow when a new key brought the fill to 2/3 of the table.
    if (this.fill * 3 >= table.length * 2) this.resize((this.size > 50000 ? 2 : 4) * this.size);
    return this;
  }

  override delete(k: MapKey): boolean {
    const e = super.get(k);
    if (e === undefined) return false;
    // The hash is recomputed from the key (the same value: keys are hashable, hence immutable).
    const table = this.table();
    py2HashParts(e.key);
    table[this.probe(k, HASH_LO, HASH_HI, false)] = DUMMY;
    return super.delete(k);
  }

  override clear(): void {
    super.clear();
    this.slots = null;
    this.fill = 0;
    this.top = -1;
  }

  /** _PyDict_NewPresized / dictresize(minused): a table of the first power of 2 above minused. */
  presize(minused: number): void { if (minused > 5) { this.table(); this.resize(minused); } }

  /** The table, made if it was still implicit (then fresh, with at most one key at `top`). */
  private table(): Slot[] {
    let t = this.slots;
    if (!t) {
      t = this.slots = new Array(MINSIZE);
      if (this.size) {
        const [k, e] = super.entries().next().value!;
        py2HashParts(e.key);
        this.top = HASH_LO & (MINSIZE - 1);
        t[this.top] = k;
      }
    }
    return t;
  }

  /** lookdict: the slot holding k, or (forInsert) the slot where k goes (first dummy seen, else the
   *  empty one). The hash comes as unsigned 32-bit halves; i = 5*i + perturb + 1 and perturb >>= 5
   *  as in CPython, where only the low 32 bits of i can reach `i & mask`. */
  private probe(k: MapKey, lo: number, hi: number, forInsert: boolean): number {
    const slots = this.slots!;
    const mask = slots.length - 1;
    let i = lo & mask;
    let free = -1;
    for (;;) {
      const j = i & mask;
      const s = slots[j];
      if (s === undefined) return forInsert && free >= 0 ? free : j;
      if (s === DUMMY) { if (free < 0) free = j; } else if (s === k) return j;
      i = (i * 5 + lo + 1) >>> 0;
      lo = ((lo >>> 5) | (hi << 27)) >>> 0;
      hi >>>= 5;
    }
  }

  /** dictresize: re-insert the live keys, in slot order, into a clean table. */
  private resize(minused: number): void {
    let size = MINSIZE;
    while (size <= minused) size <<= 1;
    const old = this.slots!;
    const slots: Slot[] = (this.slots = new Array(size));
    this.fill = 0;
    // Keys go back in old slot order: still the Map's order if the new slots keep increasing.
    let top = this.top === UNORDERED ? UNORDERED : -1;
    for (const s of old) {
      if (s === undefined || s === DUMMY) continue;
      py2HashParts(super.get(s)!.key);
      const i = this.probe(s, HASH_LO, HASH_HI, true);
      slots[i] = s;
      this.fill++;
      if (i > top) top = i; else top = UNORDERED;
    }
    this.top = top;
  }

  // Arrays instead of generators: the collector and dealloc walk every instance dict's values.
  override keys(): MapIterator<MapKey> {
    if (this.top !== UNORDERED) return super.keys();
    const out: MapKey[] = [];
    for (const s of this.table()) if (s !== undefined && s !== DUMMY) out.push(s);
    return out[Symbol.iterator]() as unknown as MapIterator<MapKey>;
  }
  override values(): MapIterator<DictEntry> {
    if (this.top !== UNORDERED) return super.values();
    const out: DictEntry[] = [];
    for (const s of this.table()) if (s !== undefined && s !== DUMMY) out.push(super.get(s)!);
    return out[Symbol.iterator]() as unknown as MapIterator<DictEntry>;
  }
  override entries(): MapIterator<[MapKey, DictEntry]> {
    if (this.top !== UNORDERED) return super.entries();
    const out: [MapKey, DictEntry][] = [];
    for (const s of this.table()) if (s !== undefined && s !== DUMMY) out.push([s, super.get(s)!]);
    return out[Symbol.iterator]() as unknown as MapIterator<[MapKey, DictEntry]>;
  }
  override [Symbol.iterator](): MapIterator<[MapKey, DictEntry]> { return this.entries(); }
  override forEach(cb: (v: DictEntry, k: MapKey, m: Map<MapKey, DictEntry>) => void, thisArg?: unknown): void {
    if (this.top !== UNORDERED) { super.forEach(cb, thisArg); return; }
    for (const [k, v] of this.entries()) cb.call(thisArg, v, k, this);
  }

  /** For the debugger's checkpoints (src/runtime/checkpoint-store.ts): the table beside the entries. */
  tableState(): Py2TableState {
    const slots = this.table();
    return { slots: slots.slice(), mask: slots.length - 1, fill: this.fill };
  }

  tableMatches(t: Py2TableState): boolean {
    const slots = this.table();
    if (t.mask !== slots.length - 1 || t.fill !== this.fill || t.slots.length !== slots.length) return false;
    for (let i = 0; i < t.slots.length; i++) if (t.slots[i] !== slots[i]) return false;
    return true;
  }

  /** Put back the entries ([k, v, …] in any order) and the table recorded by tableState. */
  restoreTable(pairs: unknown[], t: Py2TableState): void {
    super.clear();
    for (let i = 0; i < pairs.length; i += 2) super.set(pairs[i] as MapKey, pairs[i + 1] as DictEntry);
    this.slots = t.slots.slice();
    this.fill = t.fill;
    this.top = UNORDERED; // the Map's order is not the slots' any more
  }

  /** For the debugger's deep copy (after the entries were set in src's iteration order): the same
   *  table, with keys mapped through `ref`. */
  copyTableFrom(src: Py2DictMap, ref: (k: MapKey) => MapKey): void {
    this.slots = src.table().map((s) => (s === undefined || s === DUMMY ? s : ref(s)));
    this.fill = src.fill;
    // The entries were added in src's slot order, which the copied table keeps.
    this.top = -1;
    this.slots.forEach((s, i) => { if (s !== undefined && s !== DUMMY) this.top = i; });
  }
}

/** New dicts of this profile's interpreter: 2.7 table order, else insertion order. */
export function useDictStorage(profile: Profile): void {
  dictStorage.make = profile.version[0] === 2 ? () => new Py2DictMap() : () => new Map();
}
