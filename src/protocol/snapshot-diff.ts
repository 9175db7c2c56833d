// Snapshot diffs: after the first full snapshot the host sends the GC panel only
// what changed since the snapshot the panel holds — objects added or changed
// (whole), objects removed, references added and removed, the small per-step
// parts (frames, globals, collector state) whole, and the counter points added
// to the timeline. `diffSnapshots` (host) and `applySnapshotDiff` (panel) are
// inverses: applying the diff of (a, b) to a gives b — every field equal, the
// objects in b's order, the references the same multiset (the base's order, new
// ones at the end). Plain data and pure functions: imported by both sides.

import type {
  CollectionEvent, CounterPoint, EdgeInfo, ObjectInfo, ReferrerEntry, Snapshot, Timeline,
} from './snapshot';

export interface SnapshotDiff {
  step: number;
  line: number;
  /** Objects new or changed since the base (whole). */
  objects: ObjectInfo[];
  /** Ids of the base's objects that are gone. */
  removed: number[];
  /** References of the result that the base lacks, and references of the base that are gone (as multisets). */
  edgesAdded: EdgeInfo[];
  edgesRemoved: EdgeInfo[];
  /** The result's order of the objects, when it is not the implied one (the base's order with the removed ones
   *  left out and the new ones appended; omitted then): runs of that implied order, as flat pairs
   *  [start, length, start, length …] (a few objects moving make a few runs). */
  order?: number[];
  frames: Snapshot['frames'];
  globals: Snapshot['globals'];
  gc: Snapshot['gc'];
  collection: Snapshot['collection'];
  freedSinceLast: number[];
}

/** What changed in the timeline: the first `keepPoints` points (and `keepCollections` collections) stay, the rest follow. */
export interface TimelineDiff {
  keepPoints: number;
  points: CounterPoint[];
  keepCollections: number;
  collections: CollectionEvent[];
  thresholds: [number, number, number];
  lastStep: number;
}

const sameTriple = (a: readonly number[], b: readonly number[]) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2];

function sameReferrers(a: ReferrerEntry[], b: ReferrerEntry[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i], y = b[i];
    if (x.from !== y.from || x.count !== y.count || x.reason !== y.reason) return false;
  }
  return true;
}

/** Field by field (every field of ObjectInfo; see snapshot.ts). */
export function sameObject(a: ObjectInfo, b: ObjectInfo): boolean {
  return a.id === b.id && a.refcount === b.refcount && a.generation === b.generation && a.tracked === b.tracked
    && a.repr === b.repr && a.type === b.type && a.address === b.address && a.hiddenRefs === b.hiddenRefs
    && a.finalized === b.finalized && a.immortal === b.immortal && a.inGarbage === b.inGarbage
    && a.allocLine === b.allocLine && a.gcRefs === b.gcRefs && sameReferrers(a.referrers, b.referrers);
}

const edgeKey = (e: EdgeInfo) => `${e.from}>${e.to}>${e.label}`;

function edgesByFrom(edges: readonly EdgeInfo[]): Map<number, EdgeInfo[]> {
  const m = new Map<number, EdgeInfo[]>();
  for (const e of edges) {
    const l = m.get(e.from);
    if (l) l.push(e); else m.set(e.from, [e]);
  }
  return m;
}

/** The references of one object: those of `b` that `a` lacks go to `added`, those of `a` that `b` lacks to `removed`. */
function diffEdgeLists(a: EdgeInfo[], b: EdgeInfo[], added: EdgeInfo[], removed: EdgeInfo[]): void {
  if (a.length === b.length && a.every((e, i) => e.to === b[i].to && e.label === b[i].label)) return;
  const count = new Map<string, number>();
  for (const e of a) { const k = edgeKey(e); count.set(k, (count.get(k) ?? 0) + 1); }
  for (const e of b) {
    const k = edgeKey(e);
    const c = count.get(k) ?? 0;
    if (c > 0) count.set(k, c - 1); else added.push(e);
  }
  for (const e of a) {
    const k = edgeKey(e);
    const c = count.get(k) ?? 0;
    if (c > 0) { removed.push(e); count.set(k, c - 1); }
  }
}

/** The diff that turns `base` into `next`. */
export function diffSnapshots(base: Snapshot, next: Snapshot): SnapshotDiff {
  const before = new Map<number, ObjectInfo>();
  for (const o of base.objects) before.set(o.id, o);
  const objects: ObjectInfo[] = [];
  const present = new Set<number>();
  for (const o of next.objects) {
    present.add(o.id);
    const b = before.get(o.id);
    if (!b || !sameObject(b, o)) objects.push(o);
  }
  const removed: number[] = [];
  for (const o of base.objects) if (!present.has(o.id)) removed.push(o.id);
  // Edges as multisets, compared per referring object (most have the same references, in the same order).
  const edgesAdded: EdgeInfo[] = [];
  const edgesRemoved: EdgeInfo[] = [];
  const baseFrom = edgesByFrom(base.edges), nextFrom = edgesByFrom(next.edges);
  for (const [from, es] of nextFrom) diffEdgeLists(baseFrom.get(from) ?? [], es, edgesAdded, edgesRemoved);
  for (const [from, es] of baseFrom) if (!nextFrom.has(from)) for (const e of es) edgesRemoved.push(e);
  const diff: SnapshotDiff = {
    step: next.step, line: next.line, objects, removed, edgesAdded, edgesRemoved,
    frames: next.frames, globals: next.globals, gc: next.gc, collection: next.collection, freedSinceLast: next.freedSinceLast,
  };
  // The order applySnapshotDiff would give; next's as runs of it when it differs.
  const gone = new Set(removed);
  const implied = new Map<number, number>();
  for (const o of base.objects) if (!gone.has(o.id)) implied.set(o.id, implied.size);
  for (const o of objects) if (!before.has(o.id)) implied.set(o.id, implied.size);
  if (next.objects.some((o, i) => implied.get(o.id) !== i)) {
    const runs: number[] = [];
    for (const o of next.objects) {
      const at = implied.get(o.id)!;
      const n = runs.length;
      if (n && runs[n - 2] + runs[n - 1] === at) runs[n - 1]++;
      else runs.push(at, 1);
    }
    diff.order = runs;
  }
  return diff;
}

/**
 * Apply a diff to the snapshot it was made against (left unchanged); objects that did not change are shared
 * with `base`. Throws when the diff does not fit the base (an object or reference it names is missing).
 */
export function applySnapshotDiff(base: Snapshot, d: SnapshotDiff): Snapshot {
  const byId = new Map<number, ObjectInfo>();
  for (const o of base.objects) byId.set(o.id, o);
  const gone = new Set(d.removed);
  for (const id of gone) if (!byId.has(id)) throw new Error(`snapshot diff: object ${id} to remove is not in the base`);
  const fresh: ObjectInfo[] = [];
  for (const o of d.objects) {
    if (gone.has(o.id)) throw new Error(`snapshot diff: object ${o.id} both changed and removed`);
    if (!byId.has(o.id)) fresh.push(o);
    byId.set(o.id, o);
  }
  let objects: ObjectInfo[] = [];
  for (const o of base.objects) if (!gone.has(o.id)) objects.push(byId.get(o.id)!);
  for (const o of fresh) objects.push(o);
  if (d.order) {
    // Runs of the implied order; together they must take each object once.
    const implied = objects;
    const taken = new Uint8Array(implied.length);
    objects = [];
    if (d.order.length % 2) throw new Error('snapshot diff: the order is not made of pairs');
    for (let k = 0; k < d.order.length; k += 2) {
      const start = d.order[k], len = d.order[k + 1];
      if (start < 0 || len < 1 || start + len > implied.length) throw new Error('snapshot diff: a run of the order is out of range');
      for (let i = start; i < start + len; i++) {
        if (taken[i]) throw new Error('snapshot diff: the order takes an object twice');
        taken[i] = 1;
        objects.push(implied[i]);
      }
    }
    if (objects.length !== implied.length) throw new Error('snapshot diff: the order does not list every object');
  }
  let edges = base.edges;
  if (d.edgesRemoved.length) {
    const drop = new Map<string, number>();
    for (const e of d.edgesRemoved) { const k = edgeKey(e); drop.set(k, (drop.get(k) ?? 0) + 1); }
    edges = [];
    for (const e of base.edges) {
      const k = edgeKey(e);
      const c = drop.get(k) ?? 0;
      if (c > 0) drop.set(k, c - 1); else edges.push(e);
    }
    for (const c of drop.values()) if (c > 0) throw new Error('snapshot diff: a reference to remove is not in the base');
  }
  if (d.edgesAdded.length) edges = edges.concat(d.edgesAdded);
  else if (edges === base.edges) edges = base.edges.slice();
  return {
    step: d.step, line: d.line, objects, edges, frames: d.frames, globals: d.globals, gc: d.gc,
    collection: d.collection, freedSinceLast: d.freedSinceLast,
  };
}

function samePoint(a: CounterPoint, b: CounterPoint): boolean {
  return a.step === b.step && a.live === b.live && sameTriple(a.count, b.count)
    && (a.threshold === undefined ? b.threshold === undefined : b.threshold !== undefined && sameTriple(a.threshold, b.threshold));
}

function sameCollection(a: CollectionEvent, b: CollectionEvent): boolean {
  return a.step === b.step && a.generation === b.generation && a.automatic === b.automatic
    && a.collected === b.collected && a.uncollectable === b.uncollectable;
}

function commonPrefix<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && same(a[i], b[i])) i++;
  return i;
}

/** The timeline diff from `base` to `next`, or null when they are the same. */
export function diffTimelines(base: Timeline, next: Timeline): TimelineDiff | null {
  const keepPoints = commonPrefix(base.points, next.points, samePoint);
  const keepCollections = commonPrefix(base.collections, next.collections, sameCollection);
  if (keepPoints === base.points.length && keepPoints === next.points.length && keepCollections === base.collections.length
    && keepCollections === next.collections.length && base.lastStep === next.lastStep && sameTriple(base.thresholds, next.thresholds)) return null;
  return {
    keepPoints, points: next.points.slice(keepPoints), keepCollections, collections: next.collections.slice(keepCollections),
    thresholds: next.thresholds, lastStep: next.lastStep,
  };
}

export function applyTimelineDiff(base: Timeline, d: TimelineDiff): Timeline {
  if (d.keepPoints > base.points.length || d.keepCollections > base.collections.length) throw new Error('timeline diff: keeps more than the base has');
  return {
    points: base.points.slice(0, d.keepPoints).concat(d.points),
    collections: base.collections.slice(0, d.keepCollections).concat(d.collections),
    thresholds: d.thresholds, lastStep: d.lastStep,
  };
}
