// Builds the Snapshot (src/protocol/snapshot.ts) of an engine at a stop: the
// scenario's objects with their refcounts explained by referrers, the labelled
// edges, the frames (with the synthetic collector frame while a collection
// runs), globals, and the collector's state.

import type { Engine } from '../engine/engine';
import type { Interp } from '../engine/interp';
import { PyObject } from '../engine/objects';
import { safeRepr } from './safe-repr';
import type { Frame } from '../engine/vm/frame';
import type {
  CollectionInfo, EdgeInfo, FrameInfo, GcState, ObjectInfo, ReferrerEntry, Snapshot, VariableInfo,
} from '../protocol/snapshot';
import { frameRoots, labelledReferents } from './references';

const MAX_REPR = 60;

/** A display repr: no Python code runs, nothing is allocated on the simulated heap. */
export function shortRepr(_it: Interp, o: PyObject): string {
  const r = safeRepr(o);
  return r.length > MAX_REPR ? r.slice(0, MAX_REPR - 1) + '…' : r;
}

/** The frames of the engine, innermost first (Python frames only). */
export function engineFrames(it: Interp): Frame[] {
  const out: Frame[] = [];
  for (let f = it.frame; f; f = f.back) out.push(f);
  return out;
}

/** Is this one of the interpreter's own objects (created before the scenario started)? */
export function isInternal(engine: Engine, o: PyObject): boolean {
  return o.serial < engine.firstScenarioSerial;
}

export function frameName(f: Frame): string {
  return f.code.kind === 'module' ? '<module>' : f.code.qualname;
}

export interface SnapshotOptions {
  step: number;
  previousIds?: Set<number>;
}

export function buildSnapshot(engine: Engine, opts: SnapshotOptions): Snapshot {
  const it = engine.it;
  const saved = it.hook;
  it.hook = null;
  try {
    return build(engine, opts);
  } finally {
    it.hook = saved;
  }
}

function build(engine: Engine, opts: SnapshotOptions): Snapshot {
  const it = engine.it;
  const heap = it.heap;
  const included = new Map<number, PyObject>();
  const queue: PyObject[] = [];
  const refs = new Map<number, Map<string, ReferrerEntry>>();
  const edges: EdgeInfo[] = [];
  const addRef = (to: PyObject, from: number | null, reason: string) => {
    let m = refs.get(to.serial);
    if (!m) refs.set(to.serial, (m = new Map()));
    const key = `${from}|${reason}`;
    const e = m.get(key);
    if (e) e.count++;
    else m.set(key, { from, reason, count: 1 });
  };
  const include = (o: PyObject) => {
    if (included.has(o.serial)) return;
    included.set(o.serial, o);
    if (!isInternal(engine, o)) queue.push(o);
  };
  // Roots: frames, globals, gc.garbage and gc.callbacks.
  const pyFrames = engineFrames(it);
  for (const f of pyFrames) for (const r of frameRoots(f)) { include(r.to); addRef(r.to, null, r.reason); }
  const globals: VariableInfo[] = [];
  for (const e of engine.globals.map.values()) {
    const name = (e.key as { v?: string }).v ?? '?';
    if (name.startsWith('__') && name.endsWith('__')) { addRef(e.value, null, `global '${name}'`); continue; }
    include(e.value);
    addRef(e.value, null, `global '${name}'`);
    globals.push({ name, value: e.value.serial });
  }
  it.garbage.items.forEach((o, i) => { include(o); addRef(o, null, `gc.garbage[${i}]`); });
  it.callbacks.items.forEach((o, i) => { include(o); addRef(o, null, `gc.callbacks[${i}]`); });
  // Every tracked object the scenario created (unreachable cycles included).
  for (const g of [...heap.gens, heap.permanent]) for (const o of g.toArray()) if (!isInternal(engine, o)) include(o);
  const cur = engine.collector.current;
  if (cur) for (const l of [cur.young, cur.unreachable, cur.finalizers]) for (const o of l.toArray()) if (!isInternal(engine, o)) include(o);
  // Follow references.
  while (queue.length) {
    const o = queue.pop()!;
    for (const r of labelledReferents(it, o)) {
      if (r.to === engine.globals) continue;
      include(r.to);
      addRef(r.to, o.serial, r.label);
      edges.push({ from: o.serial, to: r.to.serial, label: r.label });
    }
  }
  const garbageIds = new Set(it.garbage.items.map((o) => o.serial));
  const objects: ObjectInfo[] = [];
  const inCollection = new Set<number>();
  if (cur) for (const l of [cur.young, cur.unreachable]) for (const o of l.toArray()) inCollection.add(o.serial);
  for (const o of included.values()) {
    const referrers = [...(refs.get(o.serial)?.values() ?? [])];
    const accounted = referrers.reduce((s, r) => s + r.count, 0);
    const rc = it.refcountOf(o);
    const immortal = isInternal(engine, o);
    const info: ObjectInfo = {
      id: o.serial,
      address: '0x' + o.addr.toString(16),
      type: o.type.name,
      repr: shortRepr(it, o),
      refcount: rc,
      referrers,
      hiddenRefs: Math.max(0, rc - accounted),
      tracked: o.gcGen !== -1,
      generation: o.gcGen >= 0 ? o.gcGen : -1,
      finalized: o.finalized,
      immortal,
      inGarbage: garbageIds.has(o.serial),
      allocLine: o.allocLine,
    };
    if (inCollection.has(o.serial)) info.gcRefs = o.gcRefs;
    objects.push(info);
  }
  const freed = opts.previousIds ? [...opts.previousIds].filter((id) => !included.has(id)) : [];
  return {
    step: opts.step,
    line: it.frame?.lineno ?? 0,
    objects,
    edges,
    frames: displayFrames(engine),
    globals,
    gc: gcState(engine),
    collection: collectionInfo(engine),
    freedSinceLast: freed,
  };
}

/** Frames as the debugger shows them, innermost first, with the collector's synthetic frame. */
export function displayFrames(engine: Engine): FrameInfo[] {
  const it = engine.it;
  const frames = engineFrames(it);
  const cur = engine.collector.current;
  const out: FrameInfo[] = [];
  let depth = it.frameDepth;
  let inserted = false;
  const collectorFrame = (): FrameInfo => ({
    id: 0,
    name: `${cur!.automatic ? `automatic collection (generation ${cur!.generation})` : `gc.collect(generation=${cur!.generation})`} › ${cur!.phase}`,
    line: frames.find((f, i) => it.frameDepth - i <= cur!.frameDepth)?.lineno ?? 0,
    role: 'collector',
    reason: cur!.automatic ? 'count[0] passed threshold0' : 'gc.collect() was called',
    locals: [],
  });
  frames.forEach((f) => {
    if (cur && !inserted && depth <= cur.frameDepth) { out.push(collectorFrame()); inserted = true; }
    out.push({
      id: 0,
      name: frameName(f),
      line: f.lineno,
      role: f.role,
      reason: f.reason,
      locals: localsOf(f),
    });
    depth--;
  });
  if (cur && !inserted) out.push(collectorFrame());
  out.forEach((f, i) => { f.id = i + 1; });
  return out;
}

export function localsOf(f: Frame): VariableInfo[] {
  const out: VariableInfo[] = [];
  const code = f.code;
  if (f.localsDict) {
    for (const e of f.localsDict.map.values()) out.push({ name: (e.key as { v?: string }).v ?? '?', value: e.value.serial });
    return out;
  }
  if (code.kind === 'module') return out;
  code.varnames.forEach((n, i) => { const v = f.locals[i]; if (v) out.push({ name: n, value: v.serial }); });
  f.cells.forEach((c, i) => {
    const name = i < code.cellvars.length ? code.cellvars[i] : code.freevars[i - code.cellvars.length];
    if (c && c.ref) out.push({ name, value: c.ref.serial });
  });
  return out;
}

export function gcState(engine: Engine): GcState {
  const it = engine.it;
  const h = it.heap;
  return {
    count: [...h.count] as [number, number, number],
    threshold: [...h.threshold] as [number, number, number],
    enabled: h.enabled,
    debug: h.debug,
    stats: engine.collector.stats.map((s) => ({ ...s })),
    garbage: it.garbage.items.map((o) => o.serial),
    freezeCount: h.permanent.size(),
    generationSizes: [h.gens[0].size(), h.gens[1].size(), h.gens[2].size()],
  };
}

function collectionInfo(engine: Engine): CollectionInfo | null {
  const cur = engine.collector.current;
  if (!cur) return null;
  const ids = (l: { toArray(): PyObject[] }) => l.toArray().filter((o) => !isInternal(engine, o)).map((o) => o.serial);
  return {
    generation: cur.generation,
    automatic: cur.automatic,
    phase: cur.phase,
    candidates: ids(cur.young),
    unreachable: ids(cur.unreachable),
  };
}
