// A read-only view of the heap at the current stop, one object at a time, for
// the debug adapter. At a clean stop (a line of __main__ code) it reads the live
// engine lazily, so a step on a heap of 100,000 objects costs only what the
// Variables pane shows, not a full snapshot; at a stop inside native code (a
// finalizer, a collector phase) it reads the snapshot the runtime took there.
// Referrer lists (who holds each reference) always come from the full snapshot,
// built on demand.

import type { Engine } from '../engine/engine';
import { PyList, PyObject, PyTuple } from '../engine/objects';
import type { Frame } from '../engine/vm/frame';
import type {
  CollectionInfo, FrameInfo, GcState, ObjectInfo, ReferrerEntry, Snapshot, VariableInfo,
} from '../protocol/snapshot';
import type { GcRuntime } from './runtime';
import { labelledReferents } from './references';
import { displayFrames, engineFrames, gcState, isInternal, shortRepr } from './snapshot';

/** An object as the Variables pane shows it (an ObjectInfo without its referrers). */
export type ObjectSummary = Omit<ObjectInfo, 'referrers' | 'hiddenRefs'>;

/** One outgoing reference: "attribute 't'", "[0]", "key 'k'", "['k']", "member", "__dict__" … */
export interface ChildRef { label: string; id: number }

export interface RefcountExplained { referrers: ReferrerEntry[]; hiddenRefs: number }

/** Heap-wide lists: the generations, the permanent generation, gc.garbage, and during a collection its sets. */
export type MemberList = 'gen0' | 'gen1' | 'gen2' | 'permanent' | 'garbage' | 'unreachable' | 'candidates';

export interface StopView {
  readonly step: number;
  /** Display frames, innermost first (the collector's synthetic frame included). */
  frames(): FrameInfo[];
  /** __main__'s globals (dunder names left out). */
  globals(): VariableInfo[];
  object(id: number): ObjectSummary | null;
  childCount(id: number): number;
  children(id: number, start?: number, count?: number): ChildRef[];
  referrers(id: number): RefcountExplained | null;
  members(list: MemberList): number[];
  /** The length of members(list), without building it when that is cheaper. */
  memberCount(list: MemberList): number;
  gc(): GcState;
  collection(): CollectionInfo | null;
  /** Forget cached answers after the live engine changed (a Debug Console statement). */
  refresh(): void;
}

/** The view for the runtime's current stop. */
export function stopView(rt: GcRuntime): StopView {
  return rt.inspectable ? new LiveView(rt) : new SnapshotView(rt.snapshot());
}

const GEN_OF: Record<string, number> = { gen0: 0, gen1: 1, gen2: 2, permanent: 3 };

/** Reads a Snapshot (a stop inside native code, where the engine state was unwound). */
export class SnapshotView implements StopView {
  private byId = new Map<number, ObjectInfo>();
  private out: Map<number, ChildRef[]> | null = null;
  readonly step: number;

  constructor(private snap: Snapshot) {
    this.step = snap.step;
    for (const o of snap.objects) this.byId.set(o.id, o);
  }

  frames(): FrameInfo[] { return this.snap.frames; }
  globals(): VariableInfo[] { return this.snap.globals; }

  object(id: number): ObjectSummary | null { return this.byId.get(id) ?? null; }

  private outgoing(): Map<number, ChildRef[]> {
    if (!this.out) {
      this.out = new Map();
      for (const e of this.snap.edges) {
        let l = this.out.get(e.from);
        if (!l) this.out.set(e.from, (l = []));
        l.push({ label: e.label, id: e.to });
      }
    }
    return this.out;
  }

  childCount(id: number): number { return this.outgoing().get(id)?.length ?? 0; }

  children(id: number, start = 0, count = Infinity): ChildRef[] {
    return (this.outgoing().get(id) ?? []).slice(start, start + count);
  }

  referrers(id: number): RefcountExplained | null {
    const o = this.byId.get(id);
    return o ? { referrers: o.referrers, hiddenRefs: o.hiddenRefs } : null;
  }

  members(list: MemberList): number[] {
    if (list === 'garbage') return this.snap.gc.garbage;
    if (list === 'unreachable') return this.snap.collection?.unreachable ?? [];
    if (list === 'candidates') return this.snap.collection?.candidates ?? [];
    const g = GEN_OF[list];
    return this.snap.objects.filter((o) => o.generation === g && !o.immortal).map((o) => o.id);
  }

  memberCount(list: MemberList): number { return this.members(list).length; }

  gc(): GcState { return this.snap.gc; }
  collection(): CollectionInfo | null { return this.snap.collection; }
  refresh(): void {}
}

/** Reads the live engine at a clean stop, object by object. */
export class LiveView implements StopView {
  private registry = new Map<number, PyObject>();
  private kids = new Map<number, ChildRef[]>();
  private memberCache = new Map<MemberList, number[]>();
  private explained: Map<number, ObjectInfo> | null = null;
  readonly step: number;

  constructor(private rt: GcRuntime) {
    this.step = rt.currentStep;
  }

  private get engine(): Engine { return this.rt.engine; }

  private register(o: PyObject): number {
    this.registry.set(o.serial, o);
    return o.serial;
  }

  private lookup(id: number): PyObject | null {
    const o = this.registry.get(id) ?? this.rt.findObject(id);
    if (o) this.registry.set(id, o);
    return o;
  }

  frames(): FrameInfo[] {
    for (const f of engineFrames(this.engine.it)) for (const o of frameObjects(f)) this.register(o);
    return displayFrames(this.engine);
  }

  globals(): VariableInfo[] {
    const out: VariableInfo[] = [];
    for (const e of this.engine.globals.map.values()) {
      const name = (e.key as { v?: string }).v ?? '?';
      if (name.startsWith('__') && name.endsWith('__')) continue;
      out.push({ name, value: this.register(e.value) });
    }
    return out;
  }

  object(id: number): ObjectSummary | null {
    const o = this.lookup(id);
    if (!o) return null;
    const engine = this.engine;
    const it = engine.it;
    return {
      id,
      address: '0x' + o.addr.toString(16),
      type: o.type.name,
      repr: shortRepr(it, o),
      refcount: it.refcountOf(o),
      tracked: o.gcGen !== -1,
      generation: o.gcGen >= 0 ? o.gcGen : -1,
      finalized: o.finalized,
      immortal: isInternal(engine, o),
      inGarbage: it.garbage.items.includes(o),
      allocLine: o.allocLine,
    };
  }

  private childList(id: number): ChildRef[] {
    let l = this.kids.get(id);
    if (!l) {
      const o = this.lookup(id);
      l = [];
      if (o && !isInternal(this.engine, o)) {
        for (const r of labelledReferents(this.engine.it, o)) {
          if (r.to === this.engine.globals) continue;
          l.push({ label: r.label, id: this.register(r.to) });
        }
      }
      this.kids.set(id, l);
    }
    return l;
  }

  childCount(id: number): number {
    const o = this.lookup(id);
    if (!o || isInternal(this.engine, o)) return 0;
    // Large containers: count without building every row.
    if ((o instanceof PyList || o instanceof PyTuple) && !this.kids.has(id)) return o.items.length;
    return this.childList(id).length;
  }

  children(id: number, start = 0, count = Infinity): ChildRef[] {
    const o = this.lookup(id);
    if ((o instanceof PyList || o instanceof PyTuple) && !isInternal(this.engine, o) && !this.kids.has(id)) {
      const items = o.items;
      // Lists and tuples: page without labelling every item.
      const end = Math.min(items.length, start + count);
      const out: ChildRef[] = [];
      for (let i = start; i < end; i++) out.push({ label: `[${i}]`, id: this.register(items[i]) });
      return out;
    }
    return this.childList(id).slice(start, start + count);
  }

  referrers(id: number): RefcountExplained | null {
    if (!this.explained) {
      this.explained = new Map();
      for (const o of this.rt.snapshot().objects) this.explained.set(o.id, o);
    }
    const o = this.explained.get(id);
    return o ? { referrers: o.referrers, hiddenRefs: o.hiddenRefs } : null;
  }

  members(list: MemberList): number[] {
    let ids = this.memberCache.get(list);
    if (ids) return ids;
    const engine = this.engine;
    const it = engine.it;
    let objs: PyObject[];
    if (list === 'garbage') objs = it.garbage.items;
    else if (list === 'unreachable' || list === 'candidates') {
      const cur = engine.collector.current;
      objs = cur ? (list === 'unreachable' ? cur.unreachable : cur.young).toArray() : [];
    } else {
      const g = GEN_OF[list];
      objs = (g === 3 ? it.heap.permanent : it.heap.gens[g]).toArray();
    }
    ids = [];
    for (const o of objs) if (list === 'garbage' || !isInternal(engine, o)) ids.push(this.register(o));
    this.memberCache.set(list, ids);
    return ids;
  }

  memberCount(list: MemberList): number {
    const cached = this.memberCache.get(list);
    if (cached) return cached.length;
    if (list === 'garbage' || list === 'unreachable' || list === 'candidates') return this.members(list).length;
    const g = GEN_OF[list];
    const head = g === 3 ? this.engine.it.heap.permanent : this.engine.it.heap.gens[g];
    const first = this.engine.firstScenarioSerial;
    let n = 0;
    for (let o = head.gcNext; o !== head && o; o = o.gcNext) if ((o as PyObject).serial >= first) n++;
    return n;
  }

  gc(): GcState { return gcState(this.engine); }
  collection(): CollectionInfo | null { return this.engine.collector.current ? this.rt.snapshot().collection : null; }

  refresh(): void {
    this.kids.clear();
    this.memberCache.clear();
    this.explained = null;
  }
}

/** The objects a frame's variables hold (fast locals, cells, a class body's namespace). */
function frameObjects(f: Frame): PyObject[] {
  const out: PyObject[] = [];
  if (f.localsDict) for (const e of f.localsDict.map.values()) out.push(e.value);
  for (const v of f.locals) if (v) out.push(v);
  for (const c of f.cells) if (c && c.ref) out.push(c.ref);
  return out;
}
