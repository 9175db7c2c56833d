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
import { py2Hash } from './py2hash';

const MINSIZE = 8;
const DUMMY = Symbol('dummy');
const M64 = (1n << 64n) - 1n;

type Slot = MapKey | typeof DUMMY | undefined;

/** A Py2DictMap's table (its slots, hashes, mask and fill), as the debugger's checkpoints keep it. */
export interface Py2TableState { slots: Slot[]; hashes: Map<MapKey, bigint>; mask: number; fill: number }

export class Py2DictMap extends Map<MapKey, DictEntry> {
  private slots: Slot[] = new Array(MINSIZE);
  private hashes = new Map<MapKey, bigint>();
  private mask = MINSIZE - 1;
  private fill = 0;

  override set(k: MapKey, v: DictEntry): this {
    if (this.slots === undefined) return super.set(k, v); // Map's constructor
    if (super.has(k)) return super.set(k, v);
    const h = py2Hash(v.key);
    this.hashes.set(k, h);
    const i = this.probe(k, h, true);
    if (this.slots[i] === undefined) this.fill++;
    this.slots[i] = k;
    super.set(k, v);
    // PyDict_SetItem: grow when a new key brought the fill to 2/3 of the table.
    if (this.fill * 3 >= (this.mask + 1) * 2) this.resize((this.size > 50000 ? 2 : 4) * this.size);
    return this;
  }

  override delete(k: MapKey): boolean {
    if (!super.has(k)) return false;
    const i = this.probe(k, this.hashes.get(k)!, false);
    this.slots[i] = DUMMY;
    this.hashes.delete(k);
    return super.delete(k);
  }

  override clear(): void {
    super.clear();
    this.hashes.clear();
    this.slots = new Array(MINSIZE);
    this.mask = MINSIZE - 1;
    this.fill = 0;
  }

  /** _PyDict_NewPresized / dictresize(minused): a table of the first power of 2 above minused. */
  presize(minused: number): void { if (minused > 5) this.resize(minused); }

  /** lookdict: the slot holding k, or (forInsert) the slot where k goes (first dummy seen, else the empty one). */
  private probe(k: MapKey, h: bigint, forInsert: boolean): number {
    const mask = this.mask;
    let perturb = h & M64;
    let i = Number(perturb & BigInt(mask));
    let free = -1;
    for (;;) {
      const s = this.slots[i & mask];
      if (s === undefined) return forInsert && free >= 0 ? free : i & mask;
      if (s === DUMMY) { if (free < 0) free = i & mask; } else if (s === k) return i & mask;
      i = ((i * 5) + Number(perturb & 0xffffffffn) + 1) >>> 0;
      perturb >>= 5n;
    }
  }

  /** dictresize: re-insert the live keys, in slot order, into a clean table. */
  private resize(minused: number): void {
    let size = MINSIZE;
    while (size <= minused) size <<= 1;
    const old = this.slots;
    this.slots = new Array(size);
    this.mask = size - 1;
    this.fill = 0;
    for (const s of old) {
      if (s === undefined || s === DUMMY) continue;
      this.slots[this.probe(s, this.hashes.get(s)!, true)] = s;
      this.fill++;
    }
  }

  // Arrays instead of generators: the collector and dealloc walk every instance dict's values.
  override keys(): MapIterator<MapKey> {
    const out: MapKey[] = [];
    for (const s of this.slots) if (s !== undefined && s !== DUMMY) out.push(s);
    return out[Symbol.iterator]() as unknown as MapIterator<MapKey>;
  }
  override values(): MapIterator<DictEntry> {
    const out: DictEntry[] = [];
    for (const s of this.slots) if (s !== undefined && s !== DUMMY) out.push(super.get(s)!);
    return out[Symbol.iterator]() as unknown as MapIterator<DictEntry>;
  }
  override entries(): MapIterator<[MapKey, DictEntry]> {
    const out: [MapKey, DictEntry][] = [];
    for (const s of this.slots) if (s !== undefined && s !== DUMMY) out.push([s, super.get(s)!]);
    return out[Symbol.iterator]() as unknown as MapIterator<[MapKey, DictEntry]>;
  }
  override [Symbol.iterator](): MapIterator<[MapKey, DictEntry]> { return this.entries(); }
  override forEach(cb: (v: DictEntry, k: MapKey, m: Map<MapKey, DictEntry>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) cb.call(thisArg, v, k, this);
  }

  /** For the debugger's checkpoints (src/runtime/checkpoint-store.ts): the table beside the entries. */
  tableState(): Py2TableState {
    return { slots: this.slots.slice(), hashes: new Map(this.hashes), mask: this.mask, fill: this.fill };
  }

  tableMatches(t: Py2TableState): boolean {
    if (t.mask !== this.mask || t.fill !== this.fill || t.slots.length !== this.slots.length) return false;
    for (let i = 0; i < t.slots.length; i++) if (t.slots[i] !== this.slots[i]) return false;
    return true;
  }

  /** Put back the entries ([k, v, …] in any order) and the table recorded by tableState. */
  restoreTable(pairs: unknown[], t: Py2TableState): void {
    super.clear();
    for (let i = 0; i < pairs.length; i += 2) super.set(pairs[i] as MapKey, pairs[i + 1] as DictEntry);
    this.slots = t.slots.slice();
    this.hashes = new Map(t.hashes);
    this.mask = t.mask;
    this.fill = t.fill;
  }

  /** For the debugger's deep copy: the same table, with keys mapped through `ref`. */
  copyTableFrom(src: Py2DictMap, ref: (k: MapKey) => MapKey): void {
    this.slots = src.slots.map((s) => (s === undefined || s === DUMMY ? s : ref(s)));
    this.hashes = new Map([...src.hashes].map(([k, h]) => [ref(k), h]));
    this.mask = src.mask;
    this.fill = src.fill;
  }
}

/** New dicts of this profile's interpreter: 2.7 table order, else insertion order. */
export function useDictStorage(profile: Profile): void {
  dictStorage.make = profile.version[0] === 2 ? () => new Py2DictMap() : () => new Map();
}
