// What every executed step looked like, recorded once as execution first
// reaches it: its depth and line (for step back and reverse continue) and the
// collector's counters (the GC panel's counter progression), plus the
// collections. Typed arrays keep a million steps small.

import type { CollectionEvent, CounterPoint, Timeline } from '../protocol/snapshot';

const MAX_POINTS = 4000;

class IntColumn {
  data = new Int32Array(1024);
  set(i: number, v: number): void {
    if (i >= this.data.length) {
      let n = this.data.length;
      while (n <= i) n *= 2;
      const d = new Int32Array(n);
      d.set(this.data);
      this.data = d;
    }
    this.data[i] = v;
  }
  get(i: number): number { return i < this.data.length ? this.data[i] : 0; }
}

export class TimelineLog {
  private depth = new IntColumn();
  private line = new IntColumn();
  private c0 = new IntColumn();
  private c1 = new IntColumn();
  private c2 = new IntColumn();
  private live = new IntColumn();
  private last = 0;
  private collections: CollectionEvent[] = [];
  private collectionSteps = new Set<string>();
  /** Steps where the thresholds changed (gc.set_threshold), in order; the first is the start. */
  private thresholdChanges: { step: number; t: [number, number, number] }[] = [];
  lastStopStep = 0;
  finalStep = 0;

  record(step: number, depth: number, line: number, count: number[], live: number, threshold?: readonly number[]): void {
    if (threshold) {
      const prev = this.thresholdChanges[this.thresholdChanges.length - 1];
      if (!prev || prev.t[0] !== threshold[0] || prev.t[1] !== threshold[1] || prev.t[2] !== threshold[2]) {
        this.thresholdChanges.push({ step, t: [threshold[0], threshold[1], threshold[2]] });
      }
    }
    this.depth.set(step, depth);
    this.line.set(step, line);
    this.c0.set(step, count[0]);
    this.c1.set(step, count[1]);
    this.c2.set(step, count[2]);
    this.live.set(step, live);
    if (step > this.last) this.last = step;
  }

  addCollection(ev: CollectionEvent): void {
    const key = `${ev.step}:${ev.generation}:${ev.automatic}`;
    if (this.collectionSteps.has(key)) return;
    this.collectionSteps.add(key);
    this.collections.push(ev);
  }

  noteStop(step: number): void { this.lastStopStep = step; }

  /** Forget everything recorded after `step` (the future changed). */
  truncate(step: number): void {
    this.last = Math.min(this.last, step);
    this.collections = this.collections.filter((c) => c.step <= step);
    this.collectionSteps = new Set(this.collections.map((c) => `${c.step}:${c.generation}:${c.automatic}`));
    this.thresholdChanges = this.thresholdChanges.filter((c, i) => i === 0 || c.step <= step);
  }
  finish(step: number): void { this.finalStep = step; }

  depthAt(step: number): number { return step > 0 ? this.depth.get(step) : 0; }
  lineAt(step: number): number { return this.line.get(step); }
  get recordedSteps(): number { return this.last; }

  /** The last step before `current` at depth ≤ `depth` (reverse "next"), or 1. */
  previousStep(current: number, depth: number): number {
    for (let s = current - 1; s >= 1; s--) if (this.depth.get(s) <= depth) return s;
    return 1;
  }

  /** The last step before `current` whose line matches. */
  previousMatching(current: number, pred: (line: number) => boolean): number | null {
    for (let s = current - 1; s >= 1; s--) if (pred(this.line.get(s))) return s;
    return null;
  }

  /**
   * The counter progression (down-sampled to at most MAX_POINTS points, keeping
   * collections' steps and threshold changes). `thresholds` are the current
   * ones, used when nothing was recorded yet.
   */
  toTimeline(thresholds: number[], frontier: number): Timeline {
    const last = Math.min(this.last, Math.max(frontier, this.last));
    const stride = Math.max(1, Math.ceil(last / MAX_POINTS));
    const points: CounterPoint[] = [];
    const keep = new Set(this.collections.map((c) => c.step));
    const changes = this.thresholdChanges;
    for (const c of changes) keep.add(c.step);
    const start: [number, number, number] = changes.length ? changes[0].t : [thresholds[0], thresholds[1], thresholds[2]];
    let ci = 0;
    for (let s = 1; s <= last; s++) {
      while (ci + 1 < changes.length && changes[ci + 1].step <= s) ci++;
      if (s % stride !== 0 && s !== last && !keep.has(s) && !keep.has(s + 1)) continue;
      const p: CounterPoint = { step: s, count: [this.c0.get(s), this.c1.get(s), this.c2.get(s)], live: this.live.get(s) };
      if (ci > 0 && changes[ci].step <= s) p.threshold = [...changes[ci].t];
      points.push(p);
    }
    return { points, collections: [...this.collections], thresholds: [...start], lastStep: last };
  }

  /** Bytes held by the recorded columns (for the benchmark). */
  memoryBytes(): number {
    return [this.depth, this.line, this.c0, this.c1, this.c2, this.live].reduce((s, c) => s + c.data.byteLength, 0);
  }
}
