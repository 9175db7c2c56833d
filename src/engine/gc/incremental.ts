// The incremental cycle collector of CPython 3.14.0–3.14.4 (Python/gc.c; 3.14.5
// returned to the generational collector of 3.13). Selected by the profile's
// `incrementalGc`; collector.ts hands every collection to _PyGC_Collect here.
//
// Generations: `young` (heap.gens[0]) and two old spaces old[0] / old[1]
// (heap.gens[1] / heap.gens[2]); `visited_space` says which old space holds the
// objects already scanned in the current cycle ("visited"), the other is
// "pending". GEN_HEAD(1) is old[visited], GEN_HEAD(2) old[pending]; get_count()
// is (young.count, old[visited].count, old[pending].count), so heap.count[1] /
// heap.count[2] follow the spaces (swapped when they flip).
// An object's space bit is where it lives: young objects are "not visited", an
// old object is visited when its list is old[visited_space], objects on the
// collector's temporary lists and in the permanent generation are visited.
//
//   gc.collect(0)  gc_collect_young        the young list is collected, survivors
//                                          go to old[visited]
//   gc.collect(1)  gc_collect_increment    and every automatic collection: the
//                                          work budget grows (assess_work_to_do);
//                                          at a cycle's start mark_at_start moves
//                                          everything reachable from the roots into
//                                          old[visited] (and charges it twice);
//                                          else young + pending objects, each with
//                                          what it reaches, are collected as one
//                                          region, until the budget is spent; an
//                                          empty pending space ends the cycle
//                                          (completed_scavenge: the spaces flip)
//   gc.collect(2)  gc_collect_full         everything in old[visited], collected
//                                          as one region; counts zeroed

import type { Interp } from '../interp';
import type { Collector } from './collector';
import { DEBUG_STATS } from './collector';
import { GcList, gcMove, gcUnlink } from './gclist';
import { PyDict, PyObject, PyStandIn } from '../objects';
import type { Frame } from '../vm/frame';
import { traverse } from './traverse';
import { callObject } from '../vm/call';
import { PyRaise } from '../errors';
import { dictSetItem } from '../builtins/dictops';
import { reprOf } from '../repr';
import { writeUnraisable } from '../finalize';
import { gc_collect_region, untrack_tuples, type RegionHooks, type RegionStats } from './incremental-region';

/** Divide by 10, so that the default incremental threshold of 10 scans 1% of the heap. */
const SCAN_RATE_DIVISOR = 10;

type Phase = 'GC_PHASE_MARK' | 'GC_PHASE_COLLECT';

export class IncrementalGc {
  visited_space = 0;
  work_to_do = 0;
  phase: Phase = 'GC_PHASE_MARK';
  /** Start-up stand-ins the mark phase does not reach from the roots; the start-up young tuples
   *  (a stand-in the first untrack_tuples of the young list drops). */
  private readonly notFromRoots = new WeakSet<PyObject>();
  private youngTuples: PyStandIn | null = null;
  private started = false;
  /** frame->visited: frames mark_stacks has scanned (set once, for the frame's life). */
  private readonly visitedFrames = new WeakSet<Frame>();

  constructor(private it: Interp, private collector: Collector) {}

  private get heap() { return this.it.heap; }
  private get young(): GcList { return this.heap.gens[0]; }
  private old(space: number): GcList { return this.heap.gens[1 + space]; }
  private get visited(): GcList { return this.old(this.visited_space); }
  private get pending(): GcList { return this.old(this.visited_space ^ 1); }

  /** GEN_HEAD(n). */
  genHead(n: number): GcList { return n === 0 ? this.young : n === 1 ? this.visited : this.pending; }

  /** gc_old_space(op) == visited_space, for a tracked object. */
  private isVisited(op: PyObject): boolean {
    const g = op.gcGen;
    if (g === 0) return false;
    if (g === 1 || g === 2) return g - 1 === this.visited_space;
    return true;
  }

  /** Objects in the lists that heap.track() did not count (start-up stand-ins by weight, the
   *  module's globals), measured when the collector first runs. */
  private baseSize = 0;

  /** Number of tracked objects (gcstate->heap_size), kept as heap.track/untrack count them. */
  heapSize(): number {
    return this.heap.trackedCount + this.baseSize;
  }

  // ---- _PyGC_Collect ------------------------------------------------------------------

  /** The start-up state (profile.incrementalStartup): phase and budget, and the start-up
   *  stand-ins split into the young tuples, the old objects out of the roots' reach and the rest. */
  private startup(): void {
    if (this.started) return;
    this.started = true;
    const listed = this.young.size() + this.old(0).size() + this.old(1).size() + this.heap.permanent.size();
    this.baseSize = listed - this.heap.trackedCount;
    const s = this.it.profile.incrementalStartup;
    if (!s) return;
    this.phase = s.phase === 'mark' ? 'GC_PHASE_MARK' : 'GC_PHASE_COLLECT';
    this.work_to_do = s.workToDo;
    const young = standInOf(this.young);
    if (young && s.youngTuples > 0) this.youngTuples = this.split(young, s.youngTuples);
    let left = s.notFromRoots;
    for (const l of [this.pending, this.visited]) {
      const o = standInOf(l);
      if (!o || left <= 0) continue;
      const piece = o.weight > left ? this.split(o, left) : o;
      this.notFromRoots.add(piece);
      left -= piece.weight;
    }
  }

  /** A stand-in for `n` of the objects `o` stands for, placed right before it in its list. */
  private split(o: PyStandIn, n: number): PyStandIn {
    const piece = this.it.rawNew(new PyStandIn(o.type, n), 72);
    o.weight -= n;
    const prev = o.gcPrev!;
    piece.gcPrev = prev; piece.gcNext = o; prev.gcNext = piece; o.gcPrev = piece;
    piece.gcGen = o.gcGen;
    if (this.notFromRoots.has(o)) this.notFromRoots.add(piece);
    return piece;
  }

  /** _PyGC_Collect(generation): callbacks, DEBUG_STATS lines, the collection, statistics. */
  collect(generation: number, automatic: boolean): number {
    const it = this.it;
    const heap = this.heap;
    this.startup();
    const stats: RegionStats = { collected: 0, uncollectable: 0, candidates: 0 };
    this.invoke_gc_callback('start', generation, stats);
    if (heap.debug & DEBUG_STATS) {
      it.writeStderr(`gc: collecting generation ${generation}...\n`);
      it.writeStderr(`gc: objects in each generation: ${[0, 1, 2].map((i) => this.genHead(i).size()).join(' ')}\n`);
      it.writeStderr(`gc: objects in permanent generation: ${heap.permanent.size()}\n`);
    }
    const t0 = it.perfClock;
    if (heap.listener) heap.listener({ kind: 'collect-start', generation, automatic });
    const unreachable = new GcList(-2, 'unreachable');
    this.collector.current = {
      generation, automatic, phase: 'start', young: this.young, unreachable, finalizers: new GcList(-2, 'finalizers'), frameDepth: it.frameDepth,
    };
    try {
      if (generation === 0) this.gc_collect_young(stats, unreachable);
      else if (generation === 1) this.gc_collect_increment(stats, unreachable);
      else this.gc_collect_full(stats, unreachable);
    } finally {
      this.collector.current = null;
    }
    if (heap.listener) heap.listener({ kind: 'collect-end', generation, collected: stats.collected, uncollectable: stats.uncollectable, automatic });
    this.invoke_gc_callback('stop', generation, stats);
    if (heap.debug & DEBUG_STATS) {
      const dt = (it.perfClock - t0).toFixed(4);
      it.writeStderr(`gc: done, ${stats.collected + stats.uncollectable} unreachable, ${stats.uncollectable} uncollectable, ${dt}s elapsed\n`);
    }
    return stats.collected + stats.uncollectable;
  }

  /** gc.callbacks: each called with (phase, {generation, collected, uncollectable}). */
  private invoke_gc_callback(phase: string, generation: number, stats: RegionStats): void {
    const it = this.it;
    const cbs = it.callbacks;
    if (!cbs.items.length) return;
    const info = it.newDict();
    dictSetItem(it, info, it.newStr('generation'), it.newInt(generation));
    dictSetItem(it, info, it.newStr('collected'), it.newInt(stats.collected));
    dictSetItem(it, info, it.newStr('uncollectable'), it.newInt(stats.uncollectable));
    const ph = it.newStr(phase);
    for (let i = 0; i < cbs.items.length; i++) {
      const cb = it.inc(cbs.items[i]);
      it.nextFrameRole = { role: 'callback', reason: `gc.callbacks: '${phase}' of a collection` };
      try {
        it.dec(callObject(it, cb, [ph, info], null));
      } catch (e) {
        if (!(e instanceof PyRaise)) throw e;
        writeUnraisable(it, e.exc, () => reprOf(it, cb), 'calling GC callback');
      } finally {
        it.dec(cb);
      }
    }
    it.dec(ph);
    it.dec(info);
  }

  /** add_stats: 3.14 counts a collection only when it collected a region (not a mark phase,
   *  not an increment that found its budget spent). */
  private add_stats(generation: number, stats: RegionStats): void {
    const st = this.collector.stats[generation];
    st.collections++;
    st.collected += stats.collected;
    st.uncollectable += stats.uncollectable;
  }

  /** The debugger's "candidates" are the region being collected. */
  private showRegion(l: GcList): void {
    if (this.collector.current) this.collector.current.young = l;
  }

  private hooks(generation: number): RegionHooks {
    return {
      phase: (name) => this.collector.emitPhase(name, generation),
      unreachable: (l) => { if (this.collector.current) this.collector.current.unreachable = l; },
    };
  }

  // ---- the three collections ------------------------------------------------------------

  /** gc.collect(0): the young list as one region; survivors join old[visited]. */
  gc_collect_young(stats: RegionStats, unreachable: GcList): void {
    this.untrack_tuples_young();
    const survivors = new GcList(-2, 'survivors');
    this.young.mergeInto(survivors);
    this.showRegion(survivors);
    gc_collect_region(this.it, survivors, survivors, stats, this.hooks(0), unreachable);
    survivors.mergeInto(this.visited);
    this.heap.count[0] = 0;
    this.heap.count[1]++; // old[visited].count
    this.add_stats(0, stats);
  }

  /** gc.collect(1) and automatic collections: one increment of the old generation. */
  gc_collect_increment(stats: RegionStats, unreachable: GcList): void {
    this.work_to_do += this.assess_work_to_do();
    if (this.work_to_do < 0) return;
    this.untrack_tuples_young();
    if (this.phase === 'GC_PHASE_MARK') {
      const objects_marked = this.mark_at_start();
      this.work_to_do -= objects_marked;
      stats.candidates += objects_marked;
      return;
    }
    const notVisited = this.pending;
    const visited = this.visited;
    const increment = new GcList(-2, 'increment');
    this.work_to_do -= this.mark_stacks(visited, false);
    this.young.mergeInto(increment);
    let increment_size = increment.size();
    while (increment_size < this.work_to_do) {
      let op = notVisited.first();
      if (!op) break;
      // A stand-in gives up only as many of its objects as the budget still asks for.
      if (op instanceof PyStandIn && op.weight > this.work_to_do - increment_size) op = this.split(op, this.work_to_do - increment_size);
      gcMove(op, increment);
      increment_size += (op as { weight?: number }).weight ?? 1;
      increment_size += this.expand_region_transitively_reachable(increment, op);
    }
    const survivors = new GcList(-2, 'survivors');
    this.showRegion(increment);
    gc_collect_region(this.it, increment, survivors, stats, this.hooks(1), unreachable);
    survivors.mergeInto(visited);
    this.work_to_do -= increment_size;
    this.add_stats(1, stats);
    if (notVisited.isEmpty()) this.completed_scavenge();
  }

  /** gc.collect(2): everything merged into old[visited] and collected as one region. */
  gc_collect_full(stats: RegionStats, unreachable: GcList): void {
    this.untrack_tuples_young();
    const visited = this.visited;
    this.young.mergeInto(this.pending);
    this.pending.mergeInto(visited);
    this.heap.count[0] = 0;
    this.showRegion(visited);
    gc_collect_region(this.it, visited, visited, stats, this.hooks(2), unreachable);
    this.heap.count[0] = 0;
    this.heap.count[1] = 0;
    this.heap.count[2] = 0;
    this.completed_scavenge();
    this.heap.clearFreeLists();
    this.add_stats(2, stats);
  }

  /** untrack_tuples(young), the start-up tuples included. */
  private untrack_tuples_young(): void {
    untrack_tuples(this.it, this.young);
    const t = this.youngTuples;
    if (t && t.gcGen === 0) { gcUnlink(t); t.gcGen = -1; this.baseSize -= t.weight; }
    this.youngTuples = null;
  }

  // ---- bookkeeping ----------------------------------------------------------------------------

  /** Work for this increment: the new objects plus a fraction of the heap (at most twice them). */
  assess_work_to_do(): number {
    const scale_factor = Math.max(2, this.heap.threshold[1]);
    const new_objects = this.heap.count[0];
    const max_heap_fraction = new_objects * 2;
    const heap_fraction = Math.min(Math.trunc(Math.trunc(this.heapSize() / SCAN_RATE_DIVISOR) / scale_factor), max_heap_fraction);
    this.heap.count[0] = 0;
    return new_objects + heap_fraction;
  }

  /** The end of a scan cycle: the spaces flip (or, with frozen objects, visited returns to pending). */
  completed_scavenge(): void {
    if (this.heap.permanent.isEmpty()) {
      this.visited_space ^= 1;
      const c = this.heap.count;
      [c[1], c[2]] = [c[2], c[1]];
    } else {
      this.visited.mergeInto(this.pending);
    }
    this.work_to_do = 0;
    this.phase = 'GC_PHASE_MARK';
  }

  // ---- marking from the roots -----------------------------------------------------------------

  /** Move op to `reachable` unless it is untracked, immortal or already visited (it flips to visited). */
  private move_to_reachable(op: PyObject | null | undefined, reachable: GcList): number {
    if (!op || op.gcGen === -1 || this.it.isImmortal(op) || this.isVisited(op)) return 0;
    gcMove(op, reachable);
    return (op as { weight?: number }).weight ?? 1;
  }

  /** Everything reachable from `reachable` moves to `visited`; returns the number of objects added. */
  private mark_all_reachable(reachable: GcList, visited: GcList): number {
    let size = 0;
    const visit_add_to_container = (r: PyObject) => { size += this.move_to_reachable(r, reachable); };
    while (!reachable.isEmpty()) {
      const op = reachable.first()!;
      gcMove(op, visited);
      traverse(op, visit_add_to_container);
    }
    return size;
  }

  /** The interpreter's roots: sys.modules' modules (their dicts), builtins, gc.garbage / gc.callbacks,
   *  the static types' dicts, and the interpreter's own objects (the start-up stand-ins). */
  private mark_global_roots(visited: GcList): number {
    const it = this.it;
    const reachable = new GcList(-2, 'reachable');
    let n = 0;
    for (const m of it.modules.values()) n += this.move_to_reachable(m.dict, reachable);
    n += this.move_to_reachable(it.builtins, reachable);
    n += this.move_to_reachable(it.garbage, reachable);
    n += this.move_to_reachable(it.callbacks, reachable);
    for (const t of it.types.byName.values()) if (!t.isHeap && t.dict instanceof PyDict) n += this.move_to_reachable(t.dict, reachable);
    for (const l of [this.young, this.pending]) {
      for (let g = l.gcNext; g !== l;) {
        const op = g as PyObject;
        g = op.gcNext;
        if (op instanceof PyStandIn && !this.notFromRoots.has(op)) n += this.move_to_reachable(op, reachable);
      }
    }
    return n + this.mark_all_reachable(reachable, visited);
  }

  /** The frames' locals and stacks (frames scanned earlier in the cycle stop the walk unless `start`). */
  private mark_stacks(visited: GcList, start: boolean): number {
    const reachable = new GcList(-2, 'reachable');
    let n = 0;
    for (let f = this.it.frame; f; f = f.back) {
      n += this.move_to_reachable(f.localsDict, reachable);
      n += this.move_to_reachable(f.func, reachable);
      for (let i = f.stack.length - 1; i >= 0; i--) n += this.move_to_reachable(f.stack[i], reachable);
      for (let i = f.cells.length - 1; i >= 0; i--) n += this.move_to_reachable(f.cells[i], reachable);
      for (let i = f.locals.length - 1; i >= 0; i--) n += this.move_to_reachable(f.locals[i], reachable);
      if (!start && this.visitedFrames.has(f)) break;
      this.visitedFrames.add(f);
    }
    return n + this.mark_all_reachable(reachable, visited);
  }

  /** At the start of a cycle: everything reachable from the roots becomes visited without being examined. */
  mark_at_start(): number {
    const visited = this.visited;
    const objects_marked = this.mark_global_roots(visited) + this.mark_stacks(visited, true);
    this.work_to_do -= objects_marked;
    this.phase = 'GC_PHASE_COLLECT';
    return objects_marked;
  }

  /** Add to `container` whatever the objects from `op` on reach that is not yet visited. */
  private expand_region_transitively_reachable(container: GcList, op: PyObject): number {
    let size = 0;
    const visit_add_to_container = (r: PyObject) => { size += this.move_to_reachable(r, container); };
    let g: PyObject | GcList = op;
    while (g !== container) {
      const o = g as PyObject;
      if (this.it.isImmortal(o)) {
        g = o.gcNext as PyObject | GcList;
        gcMove(o, this.heap.permanent);
        continue;
      }
      traverse(o, visit_add_to_container);
      g = o.gcNext as PyObject | GcList;
    }
    return size;
  }
}

/** The start-up stand-in of a list, if any. */
function standInOf(l: GcList): PyStandIn | null {
  for (let g = l.gcNext; g !== l; g = g!.gcNext) if (g instanceof PyStandIn) return g;
  return null;
}
