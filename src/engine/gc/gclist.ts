// Intrusive doubly-linked lists of GC objects, as CPython's PyGC_Head lists:
// a generation, the unreachable set, the finalizers list. O(1) append, remove,
// move and merge; iteration order is the order CPython would see.

import type { GcNode } from '../objects';
import { PyObject } from '../objects';

export class GcList implements GcNode {
  gcPrev: GcNode | null;
  gcNext: GcNode | null;
  /** Which generation this list is (-1 for temporary lists); stored on members. */
  constructor(public gen: number, public label: string) {
    this.gcPrev = this;
    this.gcNext = this;
  }

  isEmpty(): boolean { return this.gcNext === this; }

  first(): PyObject | null { return this.gcNext === this ? null : (this.gcNext as PyObject); }

  /** Append op at the tail (op must not be in a list). */
  append(op: PyObject): void {
    const last = this.gcPrev!;
    op.gcPrev = last;
    op.gcNext = this;
    last.gcNext = op;
    this.gcPrev = op;
    op.gcGen = this.gen;
  }

  /** Number of objects (a stand-in for the interpreter's own objects counts as its weight). */
  size(): number {
    let n = 0;
    for (let g = this.gcNext; g !== this; g = g!.gcNext) n += (g as { weight?: number }).weight ?? 1;
    return n;
  }

  /** Move every member of this list to the tail of `to`, keeping order. */
  mergeInto(to: GcList): void {
    if (this.isEmpty()) return;
    const gen = to.gen;
    for (let g = this.gcNext; g !== this; g = g!.gcNext) (g as PyObject).gcGen = gen;
    this.spliceInto(to);
  }

  /** Move every member of this list to the tail of `to` in O(1), like CPython's gc_list_merge,
   *  leaving their gcGen as it was: the caller renumbers them in a pass it makes anyway
   *  (collector.ts: update_refs for the generation being collected, untrack_tuples for the
   *  survivors) before anything reads it. */
  spliceInto(to: GcList): void {
    if (this.gcNext === this) return;
    const toLast = to.gcPrev!;
    toLast.gcNext = this.gcNext;
    this.gcNext!.gcPrev = toLast;
    to.gcPrev = this.gcPrev;
    this.gcPrev!.gcNext = to;
    this.gcNext = this;
    this.gcPrev = this;
  }

  toArray(): PyObject[] {
    const out: PyObject[] = [];
    for (let g = this.gcNext; g !== this; g = g!.gcNext) out.push(g as PyObject);
    return out;
  }
}

/** Unlink op from whatever list holds it. */
export function gcUnlink(op: GcNode): void {
  const p = op.gcPrev, n = op.gcNext;
  if (p) p.gcNext = n;
  if (n) n.gcPrev = p;
  op.gcPrev = null;
  op.gcNext = null;
}

/** Move op from its list to the tail of `to`. */
export function gcMove(op: PyObject, to: GcList): void {
  gcUnlink(op);
  to.append(op);
}
