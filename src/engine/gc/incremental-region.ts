// gc_collect_region of CPython 3.14's Python/gc.c (the incremental collector's
// common core, used by the young collection, each increment and the full
// collection): the same deduce / finalize / resurrect / clear phases as
// collector.ts, in 3.14's order:
//
//   update_refs              gc_refs = refcount (immortal objects are untracked here)
//   subtract_refs            gc_refs -= references from inside `from`
//   move_unreachable         unreachable objects move out, survivors are reordered
//   untrack_tuples(from), survivors merge into `to`
//   handle_weakrefs          every weakref to the garbage (and inside it) is cleared,
//                            the callbacks of weakrefs outside the garbage run
//   finalize_garbage         __del__ once per object (PEP 442)
//   handle_resurrected_objects
//   delete_garbage           tp_clear breaks the cycles
// (Later sources clear weakrefs without callbacks only after the finalizers, GH-135552;
// 3.14.2 does not: a weakref to the garbage is dead inside __del__, measured.)
// 3.x has no legacy (tp_del) finalizers among Python objects: `finalizers` stays empty.

import type { Interp } from '../interp';
import { GcList, gcUnlink, gcMove } from './gclist';
import { GCFLAG_COLLECTING, GCFLAG_UNREACHABLE, PyObject, PyTuple } from '../objects';
import { traverse } from './traverse';
import { mroLookup } from '../types';
import { runFinalizer } from '../finalize';
import { DEBUG_COLLECTABLE, deleteGarbage } from './collector';

/** struct gc_collection_stats */
export interface RegionStats { collected: number; uncollectable: number; candidates: number }

/** What a region collection reports to the debugger as it goes. */
export interface RegionHooks {
  phase(name: string): void;
  /** The final unreachable list replaces the first one (for the debugger's view). */
  unreachable(l: GcList): void;
}

/** gc_collect_region(from, to): collect the objects of `from`; survivors end in `to`. */
export function gc_collect_region(it: Interp, from: GcList, to: GcList, stats: RegionStats, hooks: RegionHooks, unreachable: GcList): void {
  stats.candidates = deduce_unreachable(it, from, unreachable, hooks);
  untrack_tuples(it, from);
  if (from !== to) from.mergeInto(to);
  if (it.heap.debug & DEBUG_COLLECTABLE) {
    for (let g = unreachable.gcNext; g !== unreachable; g = g!.gcNext) {
      const op = g as PyObject;
      it.writeStderr(`gc: collectable <${op.type.name} 0x${op.addr.toString(16)}>\n`);
    }
  }
  stats.collected += it.collector.handleWeakrefs(unreachable, to);
  hooks.phase('handle_weakrefs');
  finalize_garbage(it, unreachable);
  hooks.phase('finalize_garbage');
  const finalUnreachable = new GcList(-2, 'final unreachable');
  hooks.unreachable(finalUnreachable);
  handle_resurrected_objects(it, unreachable, finalUnreachable, to);
  hooks.phase('handle_resurrected_objects');
  stats.collected += finalUnreachable.size();
  deleteGarbage(it, finalUnreachable, to);
  hooks.phase('delete_garbage');
  stats.uncollectable = 0;
}

/** update_refs + subtract_refs + move_unreachable; returns the number of candidates. */
export function deduce_unreachable(it: Interp, base: GcList, unreachable: GcList, hooks?: RegionHooks): number {
  const candidates = update_refs(it, base);
  hooks?.phase('update_refs');
  subtract_refs(base);
  hooks?.phase('subtract_refs');
  move_unreachable(base, unreachable);
  hooks?.phase('move_unreachable');
  return candidates;
}

/** Post: every object of `list` has gc_refs = refcount and COLLECTING; immortal ones are untracked. */
function update_refs(it: Interp, list: GcList): number {
  let n = 0;
  for (let g = list.gcNext; g !== list;) {
    const op = g as PyObject;
    g = op.gcNext;
    if (it.isImmortal(op)) { it.heap.untrack(op); continue; }
    op.gcRefs = op.rc;
    op.gcFlags = GCFLAG_COLLECTING;
    n += (op as { weight?: number }).weight ?? 1;
  }
  return n;
}

/** Post: gc_refs counts only the references from outside `list`. */
function subtract_refs(list: GcList): void {
  const visit_decref = (r: PyObject) => { if (r.gcFlags & GCFLAG_COLLECTING) r.gcRefs--; };
  for (let g = list.gcNext; g !== list; g = g!.gcNext) traverse(g as PyObject, visit_decref);
}

/** Objects with gc_refs 0 not reachable from one with gc_refs > 0 move to `unreachable`, in order;
 *  survivors keep CPython's order (those found late are appended again). */
function move_unreachable(young: GcList, unreachable: GcList): void {
  const visit_reachable = (op: PyObject) => {
    if (!(op.gcFlags & GCFLAG_COLLECTING)) return;
    if (op.gcFlags & GCFLAG_UNREACHABLE) {
      gcUnlink(op);
      op.gcFlags &= ~GCFLAG_UNREACHABLE;
      young.append(op);
      op.gcRefs = 1;
    } else if (op.gcRefs === 0) op.gcRefs = 1;
  };
  for (let g = young.gcNext; g !== young;) {
    const op = g as PyObject;
    if (op.gcRefs > 0) {
      traverse(op, visit_reachable);
      op.gcFlags &= ~GCFLAG_COLLECTING;
      g = op.gcNext;
    } else {
      const next = op.gcNext;
      gcUnlink(op);
      unreachable.append(op);
      op.gcFlags |= GCFLAG_UNREACHABLE;
      g = next;
    }
  }
  for (let u = unreachable.gcNext; u !== unreachable; u = u!.gcNext) (u as PyObject).gcFlags &= ~GCFLAG_UNREACHABLE;
}

/** untrack_tuples: exact tuples holding nothing that may be tracked are untracked. */
export function untrack_tuples(it: Interp, head: GcList): void {
  const T = it.types.tuple;
  for (let g = head.gcNext; g !== head;) {
    const next = g!.gcNext;
    if (g instanceof PyTuple && g.type === T) it.collector.maybeUntrackTuple(g);
    g = next;
  }
}

/** __del__ (tp_finalize) once per object, in list order. */
function finalize_garbage(it: Interp, collectable: GcList): void {
  const seen = new GcList(-2, 'seen');
  while (!collectable.isEmpty()) {
    const op = collectable.first()!;
    gcMove(op, seen);
    if (op.finalized) continue;
    const del = mroLookup(op.type, '__del__');
    if (!del) continue;
    op.finalized = true;
    if (it.heap.listener) it.heap.listener({ kind: 'finalize', obj: op, cause: 'gc' });
    it.inc(op);
    runFinalizer(it, op, del, `called by the collector (finalize_garbage) for ${op.type.name} object at 0x${op.addr.toString(16)}`);
    it.dec(op);
  }
  seen.mergeInto(collectable);
}

/** Reachability again after the finalizers: resurrected objects survive into `old`. */
function handle_resurrected_objects(it: Interp, unreachable: GcList, stillUnreachable: GcList, old: GcList): void {
  for (let g = unreachable.gcNext; g !== unreachable; g = g!.gcNext) (g as PyObject).gcFlags = 0;
  deduce_unreachable(it, unreachable, stillUnreachable);
  for (let g = unreachable.gcNext; g !== unreachable; g = g!.gcNext) {
    const op = g as PyObject;
    op.gcFlags = 0;
    if (it.heap.listener) it.heap.listener({ kind: 'resurrect', obj: op });
  }
  unreachable.mergeInto(old);
}

