// The cyclic garbage collector, following CPython's Modules/gcmodule.c (3.11).
//
// Where to start: collectMain() runs one collection of generation g through
// the phases below, each a small function named as CPython names it and
// stating what holds afterwards. Objects live on the intrusive generation
// lists of heap.ts; during a collection `gcRefs` and the COLLECTING /
// UNREACHABLE flags on each object play the role of PyGC_Head's bits.
// Each object also records its generation (gcGen, for gc.get_objects(), the
// panel and is_tracked): merging lists stays O(1) as in CPython, and the pass
// that walks the merged list anyway renumbers its members (update_refs for the
// younger generations merged into the collected one, untrack_tuples for the
// survivors promoted to the older one).
//
// Speed (V8): the passes over every object live in module functions further
// down (…Run), each walking a run of the list per call; see the notes there.
// There are no consistency checks between phases (nothing to switch off).
//
//   update_refs        gc_refs = refcount for every object in the young list
//   subtract_refs      gc_refs -= references from inside the young list
//   move_unreachable   objects with gc_refs == 0 (and not reachable from one
//                      with gc_refs > 0) move to `unreachable`, in order
//   untrack_tuples / untrack_dicts, promotion to the older generation
//   move_legacy_finalizers (2.7: __del__ makes a cycle uncollectable)
//   handle_weakrefs    clear weakrefs to garbage, call outside callbacks
//   finalize_garbage   __del__ once per object (PEP 442)
//   handle_resurrected_objects / check_garbage
//   delete_garbage     tp_clear breaks the cycles; refcounting frees the rest
//   handle_legacy_finalizers, statistics, callbacks

import type { Interp } from '../interp';
import { GcList, gcUnlink, gcMove } from './gclist';
import {
  GCFLAG_COLLECTING, GCFLAG_UNREACHABLE, PyDict, PyObject, PyTuple, PyWeakref, PyList, PyInstance, PyStandIn, PyStr,
  type GcNode,
} from '../objects';
import { traverse, clearRefs } from './traverse';
import { mroLookup, typeDel } from '../types';
import { runFinalizer, clearRef, handleCallback, writeUnraisable } from '../finalize';
import { callObject } from '../vm/call';
import { PyRaise } from '../errors';
import { dictSetItem } from '../builtins/dictops';
import { reprOf } from '../repr';
import { IncrementalGc } from './incremental';

export const DEBUG_STATS = 1;
export const DEBUG_COLLECTABLE = 2;
export const DEBUG_UNCOLLECTABLE = 4;
export const DEBUG_INSTANCES = 8;
export const DEBUG_OBJECTS = 16;
export const DEBUG_SAVEALL = 32;

/** An instance of PyInstance itself (not of PyException, its one subclass): the exact class
 *  through the prototype's `constructor`, cheaper than a failing instanceof. */
function isPlainInstance(op: PyObject): op is PyInstance {
  return (op as { constructor: unknown }).constructor === PyInstance;
}

// ---- the per-object passes --------------------------------------------------------
//
// V8 notes. Each pass over a generation walks it as a series of calls, each over a run
// of at most RUN objects, instead of one loop in one call: a long loop waits for
// on-stack replacement to leave the interpreter and, when its optimized code meets a
// class it had not seen (the end of a generation often holds a tuple or a descriptor
// the loop's feedback lacks), falls back to it for the rest of the pass; the next call
// of a short run enters the newly optimized code at once. The order of the objects
// and what is done to each are those of one loop.

const RUN = 2048;

// The header fields the passes read and write go through one small function each:
// V8 inlines them with their own feedback, shared by every pass and every kind of
// referent, so a class of object is learned once for all the passes (these sites stay
// polymorphic over any number of classes, the header being at the same offset in all
// of them; a class not met before still costs one deoptimization, in the first pass
// that meets it).
function nextOf(g: GcNode): GcNode { return g.gcNext!; }
function flagsOf(o: PyObject): number { return o.gcFlags; }
function setFlags(o: PyObject, f: number): void { o.gcFlags = f; }
function refsOf(o: PyObject): number { return o.gcRefs; }
function setRefs(o: PyObject, r: number): void { o.gcRefs = r; }

/** The first member of a list (the list itself when empty). */
function firstOf(list: GcList): GcNode {
  return nextOf(list);
}

/** What move_unreachable leaves in the unreachable list, noted while clearing its marks. */
interface Found { count: number; weak: boolean; del: boolean; legacy: boolean }

/** subtract_refs' visit: one reference from inside the list being collected. */
function subtractRef(r: PyObject): void {
  if (flagsOf(r) & GCFLAG_COLLECTING) setRefs(r, refsOf(r) - 1);
}

/** update_refs over the run starting at g; returns where the next run starts. */
function updateRefsRun(g: GcNode, list: GcList): GcNode {
  const gen = list.gen;
  for (let n = RUN; n > 0 && g !== list; n--) {
    const op = g as PyObject;
    setRefs(op, op.rc);
    setFlags(op, GCFLAG_COLLECTING);
    if (op.gcGen !== gen) op.gcGen = gen; // (a store only where it changes: fewer dirty cache lines)
    g = nextOf(op);
  }
  return g;
}

/** subtract_refs over the run starting at g. The common containers are visited in
 *  tp_traverse order (traverse.ts) without a callback: instances here, the rest in
 *  subtractRefsOther (a separate function: V8 compiles this loop small, so that it is
 *  quickly optimized again when a class it had not seen deoptimizes it). */
function subtractRefsRun(g: GcNode, list: GcList): GcNode {
  for (let n = RUN; n > 0 && g !== list; n--) {
    const op = g as PyObject;
    if (isPlainInstance(op) && op.slots === null && op.dict === null) {
      const vals = op.values;
      if (vals !== null) for (let i = 0; i < vals.length; i++) { const v = vals[i]; if (v !== null) subtractRef(v); }
      const t = op.type;
      if (t.isHeap) subtractRef(t);
    } else subtractRefsOther(op);
    g = nextOf(op);
  }
  return g;
}

function subtractRefsOther(op: PyObject): void {
  if (isPlainInstance(op) && op.slots === null) {
    const vals = op.values;
    if (vals !== null) for (let i = 0; i < vals.length; i++) { const v = vals[i]; if (v !== null) subtractRef(v); }
    const d = op.dict!;
    if (d.untrackable) { for (const e of d.map.values()) subtractRef(e.value); } else subtractRef(d);
    const t = op.type;
    if (t.isHeap) subtractRef(t);
  } else if (op instanceof PyList || op instanceof PyTuple) subtractItems(op.items);
  else if (op instanceof PyDict) {
    for (const e of op.map.values()) { subtractRef(e.value); if (!(e.key instanceof PyStr)) subtractRef(e.key); }
  } else traverse(op, subtractRef);
}

/** A list's or tuple's items (a function of its own: when a class met in a dict or through
 *  traverse() deoptimizes subtractRefsOther, the loop over big lists keeps its optimized code). */
function subtractItems(items: PyObject[]): void {
  for (let i = 0; i < items.length; i++) subtractRef(items[i]);
}

/** move_unreachable's visit_reachable: op is referred to from a reachable object of `young`. */
function visitReachable(op: PyObject, young: GcList): void {
  const flags = flagsOf(op);
  if (!(flags & GCFLAG_COLLECTING)) return;
  if (flags & GCFLAG_UNREACHABLE) {
    gcUnlink(op);
    setFlags(op, flags & ~GCFLAG_UNREACHABLE);
    young.append(op);
    setRefs(op, 1);
  } else if (refsOf(op) === 0) {
    setRefs(op, 1);
  }
}

/** A list's or tuple's items (as subtractItems). */
function visitItemsReachable(items: PyObject[], young: GcList): void {
  for (let i = 0; i < items.length; i++) visitReachable(items[i], young);
}

/** The young list being scanned, for traverse()'s callback (move_unreachable does not nest). */
let scanYoung: GcList | null = null;
function visitReachableCb(op: PyObject): void { visitReachable(op, scanYoung!); }

/** move_unreachable over the run starting at g; returns where the scan goes on. As in
 *  subtractRefsRun, the referents of instances are visited here, the others' in
 *  moveUnreachableOther, in tp_traverse order (the order matters here). */
function moveUnreachableRun(g: GcNode, young: GcList, unreachable: GcList): GcNode {
  for (let n = RUN; n > 0 && g !== young; n--) {
    const op = g as PyObject;
    if (refsOf(op) > 0) {
      if (isPlainInstance(op) && op.slots === null && op.dict === null) {
        const vals = op.values;
        if (vals !== null) for (let i = 0; i < vals.length; i++) { const v = vals[i]; if (v !== null) visitReachable(v, young); }
        const t = op.type;
        if (t.isHeap) visitReachable(t, young);
      } else moveUnreachableOther(op, young);
      setFlags(op, flagsOf(op) & ~GCFLAG_COLLECTING);
      g = nextOf(op);
    } else {
      const next = nextOf(op);
      gcUnlink(op);
      unreachable.append(op);
      setFlags(op, flagsOf(op) | GCFLAG_UNREACHABLE);
      g = next;
    }
  }
  return g;
}

function moveUnreachableOther(op: PyObject, young: GcList): void {
  if (isPlainInstance(op) && op.slots === null) {
    const vals = op.values;
    if (vals !== null) for (let i = 0; i < vals.length; i++) { const v = vals[i]; if (v !== null) visitReachable(v, young); }
    const d = op.dict!;
    if (d.untrackable) { for (const e of d.map.values()) visitReachable(e.value, young); } else visitReachable(d, young);
    const t = op.type;
    if (t.isHeap) visitReachable(t, young);
  } else if (op instanceof PyList || op instanceof PyTuple) visitItemsReachable(op.items, young);
  else if (op instanceof PyDict) {
    for (const e of op.map.values()) { visitReachable(e.value, young); if (!(e.key instanceof PyStr)) visitReachable(e.key, young); }
  } else {
    const prev = scanYoung;
    scanYoung = young;
    traverse(op, visitReachableCb);
    scanYoung = prev;
  }
}

/** After move_unreachable: clear the UNREACHABLE marks of a run of the unreachable list and note
 *  how many objects it holds, whether any has (or is) a weak reference or a __del__ to call. */
function noteUnreachableRun(u: GcNode, unreachable: GcList, weakref: PyObject, found: Found): GcNode {
  for (let n = RUN; n > 0 && u !== unreachable; n--) {
    const op = u as PyObject;
    setFlags(op, flagsOf(op) & ~GCFLAG_UNREACHABLE);
    found.count++;
    if (op.weakrefs !== null || op.type === weakref) found.weak = true;
    if (typeDel(op.type) !== null) {
      if (!op.finalized) found.del = true;
      if (op.type.isHeap) found.legacy = true;
    }
    u = nextOf(op);
  }
  return u;
}

/** untrack_tuples (and untrack_dicts) over the run starting at g, counting the objects that stay. */
function untrackRun(c: Collector, g: GcNode, list: GcList, dicts: boolean, nextGen: number, tuple: PyObject, dict: PyObject,
  listType: PyObject, count: { n: number }): GcNode {
  let n = 0;
  for (let k = RUN; k > 0 && g !== list; k--) {
    const op = g as PyObject;
    const next = nextOf(op);
    const t = op.type; // (compared first: a failing instanceof walks the prototype chain)
    // (gcGen is stored only where it changes, so that a full collection writes nothing here.)
    if (t === tuple && op instanceof PyTuple) {
      c.maybeUntrackTuple(op);
      if (op.gcGen !== -1) { n++; if (op.gcGen !== nextGen) op.gcGen = nextGen; }
    } else if (dicts && t === dict && op instanceof PyDict) {
      if (!c.maybeUntrackDict(op)) { n++; if (op.gcGen !== nextGen) op.gcGen = nextGen; }
    } else {
      n += t === listType && op instanceof PyStandIn ? op.weight : 1;
      if (op.gcGen !== nextGen) op.gcGen = nextGen;
    }
    g = next;
  }
  count.n += n;
  return g;
}

export interface GenStats { collections: number; collected: number; uncollectable: number }

/** What a collection in progress looks like (for the debugger's phase steps). */
export interface CollectionState {
  generation: number;
  automatic: boolean;
  phase: string;
  young: GcList;
  unreachable: GcList;
  finalizers: GcList;
  /** Python frames running when the collection started (the debugger's synthetic frame sits above them). */
  frameDepth: number;
}

export class Collector {
  readonly stats: GenStats[] = [0, 1, 2].map(() => ({ collections: 0, collected: 0, uncollectable: 0 }));
  current: CollectionState | null = null;
  /** 3.14.0–3.14.4: the incremental collector takes every collection. */
  readonly incremental: IncrementalGc | null;
  /** Set when a collection called a finalizer or a weakref callback. */
  private calledOut = false;
  /** What the last move_unreachable left in the unreachable list (see there). */
  /** What move_unreachable left: how many, whether any is or has a weakref, has a __del__ to call,
   *  or (2.7) has a legacy finalizer (a heap type with __del__). */
  private readonly found: Found = { count: 0, weak: false, del: false, legacy: false };

  constructor(private it: Interp) {
    it.collector = this;
    this.incremental = it.profile.incrementalGc ? new IncrementalGc(it, this) : null;
  }

  private get heap() { return this.it.heap; }

  /** gc_collect_generations: the automatic collection chosen by the thresholds. */
  collectGenerations(): number {
    const gen = this.heap.pickGeneration();
    if (gen < 0) return 0;
    this.heap.collecting = true;
    try {
      return this.collectWithCallback(gen, true);
    } finally {
      this.heap.collecting = false;
    }
  }

  /** gc.collect(generation) */
  collectExplicit(gen: number): number {
    if (this.heap.collecting) return 0;
    this.heap.collecting = true;
    try {
      return this.collectWithCallback(gen, false);
    } finally {
      this.heap.collecting = false;
    }
  }

  collectWithCallback(gen: number, automatic: boolean): number {
    if (this.incremental) return this.incremental.collect(gen, automatic);
    this.invokeCallbacks('start', gen, 0, 0);
    const [m, n] = this.collectMain(gen, automatic);
    this.invokeCallbacks('stop', gen, m, n);
    return m + n;
  }

  private invokeCallbacks(phase: string, generation: number, collected: number, uncollectable: number): void {
    const it = this.it;
    const cbs = it.callbacks;
    if (!cbs.items.length) return;
    const info = it.newDict();
    dictSetItem(it, info, it.newStr('generation'), it.newInt(generation));
    dictSetItem(it, info, it.newStr('collected'), it.newInt(collected));
    dictSetItem(it, info, it.newStr('uncollectable'), it.newInt(uncollectable));
    for (let i = 0; i < cbs.items.length; i++) {
      const cb = it.inc(cbs.items[i]);
      const ph = it.newStr(phase);
      it.nextFrameRole = { role: 'callback', reason: `gc.callbacks: '${phase}' of a collection` };
      try {
        const r = callObject(it, cb, [ph, info], null);
        it.dec(r);
      } catch (e) {
        if (!(e instanceof PyRaise)) throw e;
        writeUnraisable(it, e.exc, () => reprOf(it, cb));
      } finally {
        it.dec(ph);
        it.dec(cb);
      }
    }
    it.dec(info);
  }

  emitPhase(name: string, gen: number): void {
    if (this.current) this.current.phase = name;
    const l = this.heap.listener;
    if (l) l({ kind: 'phase', name, generation: gen });
    const h = this.it.hook;
    if (h) {
      this.it.steps++;
      h.phase(name, gen);
    }
  }

  /** gc_collect_main: returns [collected, uncollectable]. */
  collectMain(generation: number, automatic: boolean): [number, number] {
    const it = this.it;
    const heap = this.heap;
    const debug = heap.debug;
    let m = 0;
    let n = 0;
    if (heap.listener) heap.listener({ kind: 'collect-start', generation, automatic });
    if (debug & DEBUG_STATS) {
      this.write(`gc: collecting generation ${generation}...\n`);
      this.showStats();
    }
    const t0 = it.perfClock;
    // Counters: older generation counts this collection, younger ones restart.
    if (generation + 1 < 3) heap.count[generation + 1] += 1;
    for (let i = 0; i <= generation; i++) heap.count[i] = 0;
    // Merge younger generations into the one being collected (update_refs renumbers their gcGen).
    for (let i = 0; i < generation; i++) heap.gens[i].spliceInto(heap.gens[generation]);
    const young = heap.gens[generation];
    const old = generation < 2 ? heap.gens[generation + 1] : young;
    const unreachable = new GcList(-2, 'unreachable');
    const finalizers = new GcList(-2, 'finalizers');
    this.current = { generation, automatic, phase: 'start', young, unreachable, finalizers, frameDepth: it.frameDepth };
    try {
      this.deduceUnreachable(young, unreachable, generation);
      const found = this.found;
      // untrack_tuples (and, in a full collection, untrack_dicts) in one pass that
      // also counts the survivors (the order of untracking is not observable).
      // Survivors move on (renumbered to the older generation by that pass, then spliced).
      const survivors = this.untrackContainers(young, young === old, old.gen);
      if (young !== old) {
        if (generation === 1) heap.longLivedPending += survivors;
        young.spliceInto(old);
      } else {
        heap.longLivedPending = 0;
        heap.longLivedTotal = survivors;
      }
      const legacyMoved = found.legacy && this.moveLegacyFinalizers(unreachable, finalizers) ? this.moveLegacyFinalizerReachable(finalizers) : 0;
      this.emitPhase('move_legacy_finalizers', generation);
      if (debug & DEBUG_COLLECTABLE) {
        for (const op of unreachable.toArray()) this.debugCycle('collectable', op);
      }
      const steps = it.steps;
      this.calledOut = false;
      const res = it.profile.resurrection;
      // 3.6 (and 2.7) count the collectable objects here, before any finalizer runs: those a finalizer
      // frees, or keeps alive, are counted all the same.
      const countedFirst = res === 'count-all' ? unreachable.size() : -1;
      // (Both phases would find nothing to do when move_unreachable saw no weak reference
      // and no __del__; a legacy-finalizer move only takes objects away.)
      if (found.weak) m += this.handleWeakrefs(unreachable, old);
      this.emitPhase('handle_weakrefs', generation);
      if (found.del) this.finalizeGarbage(unreachable);
      this.emitPhase('finalize_garbage', generation);
      const finalUnreachable = new GcList(-2, 'final unreachable');
      this.current.unreachable = finalUnreachable;
      let abort = false;
      let size = -1;
      if (!this.calledOut && it.steps === steps) {
        // No finalizer or callback ran and no debugger stop came (which counts a step): nothing
        // can have changed, and recomputing reachability (either way below) would find every
        // object unreachable again, in the same order, with gc_refs 0 and COLLECTING set.
        if (!unreachable.isEmpty()) moveSegment(unreachable.gcNext!, unreachable.gcPrev!, finalUnreachable);
        size = found.count - legacyMoved;
      } else if (res === 'partial') {
        this.handleResurrectedObjects(unreachable, finalUnreachable, old, generation);
      } else {
        // 3.6–3.8 check_garbage: any resurrection keeps the whole set.
        abort = this.checkGarbage(unreachable);
        if (abort) {
          this.clearFlags(unreachable);
          unreachable.mergeInto(old);
        } else unreachable.mergeInto(finalUnreachable);
      }
      this.emitPhase('handle_resurrected_objects', generation);
      if (countedFirst >= 0) m += countedFirst;
      else if (!abort) m += size >= 0 ? size : finalUnreachable.size();
      deleteGarbage(this.it, finalUnreachable, old);
      this.emitPhase('delete_garbage', generation);
      for (const op of finalizers.toArray()) {
        n++;
        if (debug & DEBUG_UNCOLLECTABLE) this.debugCycle('uncollectable', op);
      }
      if (debug & DEBUG_STATS) {
        const dt = (it.perfClock - t0).toFixed(4);
        const p = it.profile.statsDoneWhenNothing;
        if (m + n === 0 && p !== 'counts') this.write(`gc: done, ${dt}s elapsed${p === 'short-dot' ? '.' : ''}\n`);
        else this.write(`gc: done, ${n + m} unreachable, ${n} uncollectable, ${dt}s elapsed${p === 'short-dot' ? '.' : ''}\n`);
      }
      this.handleLegacyFinalizers(finalizers, old);
      if (generation === 2) heap.clearFreeLists();
      const st = this.stats[generation];
      st.collections++;
      st.collected += m;
      st.uncollectable += n;
    } finally {
      this.current = null;
    }
    if (heap.listener) heap.listener({ kind: 'collect-end', generation, collected: m, uncollectable: n, automatic });
    return [m, n];
  }

  private write(s: string): void { this.it.writeStderr(s); }

  private showStats(): void {
    const sizes = this.heap.gens.map((g) => g.size());
    this.write(`gc: objects in each generation: ${sizes.join(' ')}\n`);
    if (this.it.profile.statsPermanentLine) this.write(`gc: objects in permanent generation: ${this.heap.permanent.size()}\n`);
  }

  private debugCycle(msg: string, op: PyObject): void {
    if (this.it.profile.version[0] === 2) {
      // 2.7 debug_cycle: old-style instances under DEBUG_INSTANCES, everything else under DEBUG_OBJECTS.
      const classic = op instanceof PyInstance && op.type.classic;
      if (classic && (this.heap.debug & DEBUG_INSTANCES)) {
        this.write(`gc: ${msg} <${op.type.name} instance at 0x${op.addr.toString(16)}>\n`);
        return;
      }
      if (!(this.heap.debug & DEBUG_OBJECTS)) return;
      this.write(`gc: ${msg} <${classic ? 'instance' : op.type.name} 0x${op.addr.toString(16)}>\n`);
      return;
    }
    this.write(`gc: ${msg} <${op.type.name} 0x${op.addr.toString(16)}>\n`);
  }

  private clearFlags(l: GcList): void {
    for (let g = l.gcNext; g !== l; g = g!.gcNext) (g as PyObject).gcFlags = 0;
  }

  // ---- phases -------------------------------------------------------------------

  /** update_refs + subtract_refs + move_unreachable. Post: `base` holds objects
   *  reachable from outside it (COLLECTING cleared), `unreachable` the rest. */
  private deduceUnreachable(base: GcList, unreachable: GcList, gen: number): void {
    this.updateRefs(base);
    this.emitPhase('update_refs', gen);
    this.subtractRefs(base);
    this.emitPhase('subtract_refs', gen);
    this.moveUnreachable(base, unreachable);
    this.emitPhase('move_unreachable', gen);
  }

  /** Post: every object in `list` has gc_refs == refcount and the COLLECTING flag, and
   *  gcGen == list.gen (the younger generations were spliced in without renumbering). */
  private updateRefs(list: GcList): void {
    for (let g = firstOf(list); g !== list;) g = updateRefsRun(g, list);
  }

  /** Post: gc_refs counts only references from outside `list`. */
  private subtractRefs(list: GcList): void {
    for (let g = firstOf(list); g !== list;) g = subtractRefsRun(g, list);
  }

  /** CPython's move_unreachable, including its reordering of survivors. */
  private moveUnreachable(young: GcList, unreachable: GcList): void {
    for (let g = firstOf(young); g !== young;) g = moveUnreachableRun(g, young, unreachable);
    // Clear the UNREACHABLE marks and note, on the way, what the next phases will find:
    // how many objects, whether any has (or is) a weak reference or a __del__ to call.
    const found = this.found;
    found.count = 0; found.weak = false; found.del = false; found.legacy = false;
    for (let u = firstOf(unreachable); u !== unreachable;) u = noteUnreachableRun(u, unreachable, this.it.types.weakref, found);
    found.legacy = found.legacy && this.it.profile.legacyFinalizers;
  }

  /** untrack_tuples, plus untrack_dicts when `dicts`; returns the number of objects left in `list`,
   *  which now have gcGen == `nextGen` (the generation they are about to be spliced into). */
  private untrackContainers(list: GcList, dicts: boolean, nextGen: number): number {
    const T = this.it.types;
    const count = { n: 0 };
    for (let g = firstOf(list); g !== list;) g = untrackRun(this, g, list, dicts, nextGen, T.tuple, T.dict, T.list, count);
    return count.n;
  }

  /** untrack_dicts' test for one dict in the list: does it hold anything that may be tracked? */
  maybeUntrackDict(d: PyDict): boolean {
    for (const e of d.map.values()) {
      if (this.it.mayBeTracked(e.value) || this.it.mayBeTracked(e.key)) return false;
    }
    this.heap.untrack(d);
    return true;
  }

  maybeUntrackTuple(t: PyTuple): void {
    for (const x of t.items) if (this.it.mayBeTracked(x)) return;
    this.heap.untrack(t);
  }

  private hasLegacyFinalizer(op: PyObject): boolean {
    return this.it.profile.legacyFinalizers && op.type.isHeap && typeDel(op.type) !== null;
  }

  /** 2.7: objects with __del__ move to `finalizers` (the others keep the COLLECTING flag).
   *  Returns whether any moved. */
  private moveLegacyFinalizers(unreachable: GcList, finalizers: GcList): boolean {
    if (!this.it.profile.legacyFinalizers) return false;
    let moved = false;
    let g = unreachable.gcNext;
    while (g !== unreachable) {
      const next = g!.gcNext;
      const op = g as PyObject;
      if (op.type.isHeap && typeDel(op.type) !== null) {
        op.gcFlags &= ~GCFLAG_COLLECTING;
        gcMove(op, finalizers);
        moved = true;
      } else op.gcFlags |= GCFLAG_COLLECTING;
      g = next;
    }
    return moved;
  }

  /** Everything reachable from a legacy finalizer is uncollectable too. Returns how many
   *  objects left `unreachable` (the finalizers and what they reach). */
  private moveLegacyFinalizerReachable(finalizers: GcList): number {
    let n = 0;
    const visit = (op: PyObject) => {
      if (op.gcFlags & GCFLAG_COLLECTING) {
        op.gcFlags &= ~GCFLAG_COLLECTING;
        gcMove(op, finalizers);
      }
    };
    for (let g = finalizers.gcNext; g !== finalizers; g = g!.gcNext) { n++; traverse(g as PyObject, visit); }
    return n;
  }

  /** Clear weakrefs to unreachable objects; call callbacks of weakrefs that are not garbage themselves
   *  (also 3.14's gc_collect_region, incremental-region.ts). */
  handleWeakrefs(unreachable: GcList, old: GcList): number {
    const it = this.it;
    const toCall = new GcList(-2, 'wrcb_to_call');
    for (let g = unreachable.gcNext; g !== unreachable;) {
      const op = g as PyObject;
      const next = op.gcNext;
      if (op instanceof PyWeakref) clearRef(op); // PyWeakref_Check: subclasses of weakref.ref too
      if (op.weakrefs) {
        for (const wr of [...op.weakrefs]) {
          clearRef(wr);
          if (!wr.callback) continue;
          if (wr.gcFlags & GCFLAG_COLLECTING) continue;
          it.inc(wr);
          gcMove(wr, toCall);
        }
      }
      g = next;
    }
    let freed = 0;
    if (!toCall.isEmpty()) this.calledOut = true;
    while (!toCall.isEmpty()) {
      const wr = toCall.first() as PyWeakref;
      const cb = wr.callback!;
      handleCallback(it, wr, cb);
      it.dec(wr);
      if (toCall.first() === wr) gcMove(wr, old);
      else freed++;
    }
    return freed;
  }

  /** Call __del__ (tp_finalize) once for each unreachable object, in list order. CPython moves
   *  each object to a `seen` list before finalizing it; here the objects without a finalizer
   *  stay in place until one with a finalizer comes, then all of them move at once (the lists
   *  hold the same objects whenever Python code runs). */
  private finalizeGarbage(collectable: GcList): void {
    const it = this.it;
    if (it.profile.legacyFinalizers) return;
    const seen = new GcList(-2, 'seen');
    let g = collectable.gcNext;
    while (g !== collectable) {
      const op = g as PyObject;
      const del = op.finalized ? null : typeDel(op.type);
      if (del === null) { g = op.gcNext; continue; }
      moveSegment(collectable.gcNext!, op, seen);
      this.calledOut = true;
      op.finalized = true;
      if (it.heap.listener) it.heap.listener({ kind: 'finalize', obj: op, cause: 'gc' });
      it.inc(op);
      runFinalizer(it, op, del, `called by the collector (finalize_garbage) for ${op.type.name} object at 0x${op.addr.toString(16)}`);
      it.dec(op);
      g = collectable.gcNext;
    }
    if (seen.isEmpty()) return;
    if (!collectable.isEmpty()) moveSegment(collectable.gcNext!, collectable.gcPrev!, seen);
    moveSegment(seen.gcNext!, seen.gcPrev!, collectable);
  }

  /** 3.9+: recompute reachability; resurrected objects survive into `old`. */
  private handleResurrectedObjects(unreachable: GcList, stillUnreachable: GcList, old: GcList, gen: number): void {
    this.updateRefs(unreachable); // (sets every gcFlags to COLLECTING alone)
    this.subtractRefs(unreachable);
    this.moveUnreachable(unreachable, stillUnreachable);
    const l = this.heap.listener;
    if (l) for (let g = unreachable.gcNext; g !== unreachable; g = g!.gcNext) l({ kind: 'resurrect', obj: g as PyObject });
    this.clearFlags(unreachable);
    unreachable.mergeInto(old);
    void gen;
  }

  /** 3.4–3.8 check_garbage: true when any object was resurrected. */
  private checkGarbage(collectable: GcList): boolean {
    for (let g = collectable.gcNext; g !== collectable; g = g!.gcNext) {
      const op = g as PyObject;
      op.gcRefs = op.rc;
      op.gcFlags |= GCFLAG_COLLECTING;
    }
    this.subtractRefs(collectable);
    let ret = false;
    for (let g = collectable.gcNext; g !== collectable; g = g!.gcNext) {
      if ((g as PyObject).gcRefs !== 0) { ret = true; break; }
    }
    return ret;
  }

  /** Uncollectable objects with legacy finalizers (or all, under SAVEALL) go to gc.garbage. */
  private handleLegacyFinalizers(finalizers: GcList, old: GcList): void {
    const it = this.it;
    for (let g = finalizers.gcNext; g !== finalizers; g = g!.gcNext) {
      const op = g as PyObject;
      if ((this.heap.debug & DEBUG_SAVEALL) || this.hasLegacyFinalizer(op)) {
        (it.garbage as PyList).items.push(it.inc(op));
        if (it.heap.listener) it.heap.listener({ kind: 'garbage', obj: op });
      }
    }
    this.clearFlags(finalizers);
    finalizers.mergeInto(old);
  }
}

/** Move the run first..last (linked in one temporary list) to the tail of the temporary list
 *  `to`; members keep their gcGen (every temporary list has the same one). */
function moveSegment(first: GcNode, last: GcNode, to: GcList): void {
  const before = first.gcPrev!, after = last.gcNext!;
  before.gcNext = after;
  after.gcPrev = before;
  const tail = to.gcPrev!;
  tail.gcNext = first;
  first.gcPrev = tail;
  last.gcNext = to;
  to.gcPrev = last;
}

/** delete_garbage: tp_clear each object (or save it in gc.garbage under DEBUG_SAVEALL);
 *  survivors go to `old`. Shared by the generational and the incremental collector. */
export function deleteGarbage(it: Interp, collectable: GcList, old: GcList): void {
  while (!collectable.isEmpty()) {
    const op = collectable.first()!;
    if (it.heap.debug & DEBUG_SAVEALL) {
      it.garbage.items.push(it.inc(op));
      if (it.heap.listener) it.heap.listener({ kind: 'garbage', obj: op });
    } else {
      it.inc(op);
      clearRefs(it, op);
      it.dec(op);
    }
    if (collectable.first() === op) {
      op.gcFlags = 0;
      gcMove(op, old);
    }
  }
}
