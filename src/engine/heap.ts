// Memory and collector bookkeeping shared by every object: simulated
// addresses (pymalloc-like size classes, freed blocks reused last-in first-out),
// the per-type free lists that bypass the GC allocator, the generation lists,
// get_count() counters, thresholds, and GC tracking. It decides *that* an
// automatic collection must run; the collector (gc/collector.ts) runs it.

import { GcList, gcUnlink } from './gc/gclist';
import { ADDR_BASE, PyObject } from './objects';
import type { Profile } from './profile';

/** 'cfunction': ≤3.8's PyCFunction free list (builtin bound methods, e.g. print's file.write). */
/** 'method': ≤3.6's PyMethod free list (bound Python methods, cap 256; only the 3.6 profile sets a capacity). */
/** 'set': 2.7's set/frozenset free list (80; only the 2.7 profile sets a capacity). */
export type FreeListKind = 'list' | 'dict' | 'tuple' | 'cfunction' | 'method' | 'set' | null;

/** A heap event, for the debugger and the panel; emitted only when a listener is set. */
export type HeapEvent =
  | { kind: 'alloc'; obj: PyObject; counted: boolean }
  | { kind: 'free'; obj: PyObject }
  | { kind: 'track'; obj: PyObject }
  | { kind: 'untrack'; obj: PyObject }
  | { kind: 'finalize'; obj: PyObject; cause: 'refcount' | 'gc' }
  | { kind: 'resurrect'; obj: PyObject }
  | { kind: 'collect-start'; generation: number; automatic: boolean }
  | { kind: 'phase'; name: string; generation: number }
  | { kind: 'collect-end'; generation: number; collected: number; uncollectable: number; automatic: boolean }
  | { kind: 'garbage'; obj: PyObject };

export type HeapListener = (e: HeapEvent) => void;


const POOL = 4096;

export class Heap {
  /** gc.get_count() */
  count: [number, number, number] = [0, 0, 0];
  threshold: [number, number, number];
  enabled = true;
  collecting = false;
  debug = 0;
  longLivedPending = 0;
  longLivedTotal = 0;
  readonly gens: GcList[] = [new GcList(0, 'generation 0'), new GcList(1, 'generation 1'), new GcList(2, 'generation 2')];
  readonly permanent = new GcList(3, 'permanent');
  /** Set when count[0] crossed the threshold: the interpreter runs the collection. */
  collectPending = false;
  listener: HeapListener | null = null;
  /** Also report every allocation, free, track and untrack (costly: the CLI's --trace, 'freed' watches). */
  fineEvents = false;

  /** Free lists: addresses of parked objects (LIFO). */
  private freeList: { list: number[]; dict: number[]; tuple: number[][]; cfunction: number[]; method: number[]; set: number[] } = { list: [], dict: [], tuple: [], cfunction: [], method: [], set: [] };
  private freeCap: { list: number; dict: number; tuple: number; cfunction: number; method: number; set: number };
  /** Freed blocks per size class (LIFO) and the bump pointer. */
  /** Per size-class index: freed blocks (LIFO) and the next unused block of the current pool. */
  private freeBlocks: number[][] = [];
  private bump: number[] = [];
  private nextPool = ADDR_BASE;

  /** Bytes of a dict object's block (profile.dictBytes). */
  readonly dictBytes: number;

  constructor(public profile: Profile) {
    this.dictBytes = profile.dictBytes ?? 64;
    this.threshold = [...profile.thresholds] as [number, number, number];
    this.freeCap = { cfunction: 0, method: 0, set: 0, ...profile.freeListCapacity };
    // Start-up state of the free lists: parked blocks exist but are not counted.
    for (let i = 0; i < profile.freeListStart.list; i++) this.freeList.list.push(this.rawAddress(72));
    for (let i = 0; i < profile.freeListStart.dict; i++) this.freeList.dict.push(this.rawAddress(this.dictBytes));
    profile.freeListStart.tuple.forEach((n, size) => {
      const l: number[] = (this.freeList.tuple[size] = []);
      for (let i = 0; i < n; i++) l.push(this.rawAddress(tupleSize(size)));
    });
  }

  // ---- addresses ---------------------------------------------------------------

  /** Size-class index: 16-byte classes up to 512 bytes (pymalloc), then 1 KiB steps. */
  private sizeIndex(bytes: number): number {
    return bytes > 512 ? 32 + Math.ceil(bytes / 1024) : (bytes + 15) >> 4;
  }
  private classBytes(i: number): number { return i > 32 ? (i - 32) * 1024 + 1024 : i << 4; }

  /** Memory blocks in use (live objects plus parked free-list blocks): the heap's size, for the debugger. */
  blocks = 0;

  rawAddress(bytes: number): number {
    this.blocks++;
    const i = this.sizeIndex(bytes);
    const free = this.freeBlocks[i];
    if (free !== undefined && free.length) return free.pop()!;
    const sc = this.classBytes(i);
    let b = this.bump[i];
    if (b === undefined || (b % POOL) + sc > POOL) {
      b = this.nextPool + 48; // pool header
      this.nextPool += sc > POOL ? Math.ceil(sc / POOL) * POOL : POOL;
    }
    this.bump[i] = b + sc;
    return b;
  }

  releaseAddress(addr: number, bytes: number): void {
    this.blocks--;
    const i = this.sizeIndex(bytes);
    const free = this.freeBlocks[i] ?? (this.freeBlocks[i] = []);
    free.push(addr);
  }

  // ---- GC allocator ------------------------------------------------------------

  /**
   * Allocate the memory of a GC object: from the type's free list when it has
   * one (not counted), else through the GC allocator (count[0] += 1, which may
   * schedule an automatic collection, run by the caller *before* the object is
   * initialised, as _PyObject_GC_Link does). Returns the address.
   */
  allocGC(bytes: number, fl: FreeListKind, tupleLen = 0): number {
    if (fl !== null) {
      const reusable = fl !== 'tuple' || tupleLen < 20 || (tupleLen === 20 && this.profile.hidden.tuple20Reused);
      const l = fl === 'tuple' ? this.freeList.tuple[tupleLen] : this.freeList[fl];
      if (reusable && l && l.length) return l.pop()!;
    }
    const addr = this.rawAddress(bytes);
    if (!this.profile.gcCountsTracks) this.countNew();
    return addr;
  }

  /** count[0] += 1 for a new GC object (allocation ≤3.13, track 3.14), scheduling a collection past the threshold. */
  countNew(): void {
    this.count[0]++;
    if (this.count[0] > this.threshold[0] && this.enabled && this.threshold[0] !== 0 && !this.collecting) {
      this.collectPending = true;
    }
  }

  /** count[0] -= 1 (if > 0) when a GC object's memory is released (≤3.13; 3.14 counts untracks instead). */
  private uncount(): void {
    if (this.count[0] > 0 && !this.profile.gcCountsTracks) this.count[0]--;
  }

  /** Release a GC object's memory: park it on its free list or PyObject_GC_Del. */
  freeGC(addr: number, bytes: number, fl: FreeListKind, tupleLen = 0): void {
    if (fl !== null) {
      let l: number[];
      let cap: number;
      if (fl === 'tuple') {
        l = this.freeList.tuple[tupleLen] ?? (this.freeList.tuple[tupleLen] = []);
        cap = tupleLen > 0 && tupleLen <= 20 ? this.freeCap.tuple : 0;
      } else {
        l = this.freeList[fl];
        cap = this.freeCap[fl];
      }
      if (l.length < cap) { l.push(addr); return; }
    }
    this.uncount();
    this.releaseAddress(addr, bytes);
  }

  /** ≤3.10 frame free list: addresses and sizes of parked frame objects (LIFO). */
  private frameFree: { addr: number; bytes: number }[] = [];

  /** frame_alloc: the code's zombie frame, else one from the free list (neither counted), else a GC allocation. */
  allocFrame(code: { zombieFrame: number; frameBytes: number }): { addr: number; bytes: number } {
    if (code.zombieFrame) {
      const addr = code.zombieFrame;
      code.zombieFrame = 0;
      return { addr, bytes: code.frameBytes };
    }
    const parked = this.frameFree.pop();
    if (parked) return parked;
    const bytes = code.frameBytes;
    return { addr: this.allocGC(bytes, null), bytes };
  }

  /** frame_dealloc: keep it as the code's zombie, else park it, else PyObject_GC_Del. */
  freeFrame(code: { zombieFrame: number }, frame: { addr: number; bytes: number }): void {
    if (!code.zombieFrame) { code.zombieFrame = frame.addr; return; }
    if (this.frameFree.length < this.profile.frameFreeList) { this.frameFree.push(frame); return; }
    this.freeGC(frame.addr, frame.bytes, null);
  }

  /** Free-list clearing done by full collections (clear_freelists). */
  clearFreeLists(): void {
    // PyMethod_ClearFreeList comes first (3.6).
    for (const a of this.freeList.method.splice(0).reverse()) {
      this.uncount();
      this.releaseAddress(a, 64);
    }
    while (this.frameFree.length) {
      const f = this.frameFree.pop()!;
      this.uncount();
      this.releaseAddress(f.addr, f.bytes);
    }
    const drop = (l: number[], bytes: number) => {
      while (l.length) {
        const a = l.pop()!;
        this.uncount();
        this.releaseAddress(a, bytes);
      }
    };
    // clear_freelists' order: (frames, builtin methods,) tuples, floats, lists, dicts.
    drop(this.freeList.cfunction, 72);
    this.freeList.tuple.forEach((l, size) => l && drop(l, tupleSize(size)));
    if (this.profile.collectKeepsListDictFreeLists) return;
    drop(this.freeList.list, 72);
    drop(this.freeList.dict, this.dictBytes);
  }

  /** Parked objects taken (n > 0) or left (n < 0) by work the simulation does not run (2.7's weakref.py import). */
  dropParked(kind: 'list' | 'dict' | 'set', n: number): void {
    const l = this.freeList[kind];
    const bytes = kind === 'list' ? 72 : kind === 'dict' ? this.dictBytes : 216;
    for (let i = 0; i < n && l.length; i++) this.releaseAddress(l.pop()!, bytes);
    for (let i = 0; i < -n && l.length < this.freeCap[kind]; i++) l.push(this.rawAddress(bytes));
  }

  /** Parked objects made up to n (at most the free list's capacity): scratch objects of work the
   *  simulation does not run (2.7's compiler), or a transient need of it (parked again after). */
  parkUpTo(kind: 'list' | 'dict', n: number): void {
    const l = this.freeList[kind];
    const bytes = kind === 'list' ? 72 : 64;
    while (l.length < Math.min(n, this.freeCap[kind])) l.push(this.rawAddress(bytes));
  }

  freeListSizes(): { list: number; dict: number; tuple: number[] } {
    return { list: this.freeList.list.length, dict: this.freeList.dict.length, tuple: this.freeList.tuple.map((l) => (l ? l.length : 0)) };
  }

  // ---- tracking ------------------------------------------------------------------

  /** Objects tracked by the scenario (for the debugger's live-object count). */
  trackedCount = 0;

  track(op: PyObject): void {
    if (op.gcGen !== -1) return;
    this.trackedCount++;
    this.gens[0].append(op);
    if (this.profile.gcCountsTracks) this.countNew();
    if (this.fineEvents && this.listener) this.listener({ kind: 'track', obj: op });
  }

  untrack(op: PyObject): void {
    if (op.gcGen === -1) return;
    this.trackedCount--;
    this.countUntrack();
    gcUnlink(op);
    op.gcGen = -1;
    if (this.fineEvents && this.listener) this.listener({ kind: 'untrack', obj: op });
  }

  /** 3.14.1+ _PyObject_GC_UNTRACK: count[0] -= 1 (if > 0). */
  countUntrack(): void {
    if (this.profile.gcCountsTracks && this.count[0] > 0) this.count[0]--;
  }

  isTracked(op: PyObject): boolean { return op.gcGen !== -1; }

  /** Which generation automatic collection should run (gc_collect_generations), or -1. */
  pickGeneration(): number {
    if (this.profile.incrementalGc) return 1; // 3.14.0–3.14.4 _Py_RunGC: young + one increment
    for (let i = 2; i >= 0; i--) {
      if (this.count[i] > this.threshold[i]) {
        if (i === 2 && this.longLivedPending < this.longLivedTotal / 4) continue;
        return i;
      }
    }
    return -1;
  }
}

export function tupleSize(n: number): number { return 24 + 16 + 8 * n; }
