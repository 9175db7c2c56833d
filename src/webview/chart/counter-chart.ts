// The counter progression (uPlot): gc.get_count() per generation over the
// steps, each threshold as a dashed line (or a note when it is far above the
// data), a marker per collection (filled: automatic, hollow: gc.collect(); red
// when something was uncollectable), the number of live objects, and the
// current step (a line of its own over the plot: a new step moves it without
// drawing the chart again, unless a threshold's label changes with it). Click
// or drag on the chart (or use the arrow keys on it) to travel to a step.

import uPlot from 'uplot';
import type { CollectionEvent, Timeline } from '../../protocol/snapshot';
import { blend, type Palette } from '../theme';
import type { InspectChart } from '../inspect-types';

export interface ChartCallbacks { onGotoStep(step: number): void }

const HEIGHT = 170;
const INTEGER_INCRS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000];

/** Each generation's threshold at each point (they change with gc.set_threshold). */
export function thresholdSeries(t: Timeline): number[][] {
  return [0, 1, 2].map((g) => t.points.map((p) => (p.threshold ?? t.thresholds)[g]));
}

/** Ticks of an arcsinh count axis: 0, 1, 5, 10, 50, 100 … up to the top. */
function countSplits(_u: uPlot, _axis: number, _min: number, max: number): number[] {
  const out = [0];
  for (let p = 1; p <= max; p *= 10) { out.push(p); if (5 * p <= max) out.push(5 * p); }
  return out;
}

function niceMax(x: number): number {
  if (x <= 5) return 5;
  const p = Math.pow(10, Math.floor(Math.log10(x)));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= x) return m * p;
  return 10 * p;
}

export class CounterChart {
  private u: uPlot | null = null;
  private timeline: Timeline | null = null;
  private current = -1;
  private palette: Palette;
  private dragging = false;
  private lastSent = -1;
  private hoverCollection: CollectionEvent | null = null;
  /** Per generation: the runs of equal threshold [first point index, last point index, value]. */
  private runs: [number, number, number][][] = [];
  /** The current step's line, over the plot; the thresholds' labels as last drawn (they depend on the step). */
  private marker: HTMLDivElement | null = null;
  private drawnLabels = '';

  constructor(private box: HTMLElement, private tip: HTMLElement, palette: Palette, private cb: ChartCallbacks) {
    this.palette = palette;
    new ResizeObserver(() => this.resize()).observe(box);
    box.addEventListener('keydown', (e) => this.onKey(e));
  }

  setPalette(p: Palette): void {
    this.palette = p;
    if (this.timeline) this.rebuild();
  }

  setTimeline(t: Timeline): void {
    this.runs = thresholdSeries(t).map((xs) => {
      const out: [number, number, number][] = [];
      xs.forEach((v, i) => { const last = out[out.length - 1]; if (last && last[2] === v) last[1] = i; else out.push([i, i, v]); });
      return out;
    });
    const sameShape = this.timeline && this.u && this.timeline.thresholds.join() === t.thresholds.join();
    this.timeline = t;
    if (sameShape) this.u!.setData(this.data(t));
    else this.rebuild();
    this.box.setAttribute('aria-valuemin', String(t.points[0]?.step ?? 0));
    this.box.setAttribute('aria-valuemax', String(t.lastStep));
  }

  setStep(step: number): void {
    this.current = step;
    this.box.setAttribute('aria-valuenow', String(step));
    if (!this.u) return;
    if (this.thresholdLabels().join() !== this.drawnLabels) this.u.redraw(false, false);
    else this.placeMarker(this.u);
  }

  /** Each threshold's label: its value at the current step (the first one before the first point). */
  private thresholdLabels(): number[] {
    const t = this.timeline;
    if (!t) return [];
    return this.runs.map((runs, gen) => {
      let label = runs[0]?.[2] ?? t.thresholds[gen];
      for (const [i, , v] of runs) if (t.points[i].step <= this.current) label = v;
      return label;
    });
  }

  private placeMarker(u: uPlot): void {
    let m = this.marker;
    if (!m || m.parentElement !== u.over) {
      m = this.marker = document.createElement('div');
      m.className = 'chart-step';
      m.style.position = 'absolute';
      m.style.top = '0';
      m.style.bottom = '0';
      m.style.width = '2px';
      m.style.pointerEvents = 'none';
      u.over.appendChild(m);
    }
    m.style.background = this.palette.focus;
    const x = this.current >= 0 ? u.valToPos(this.current, 'x') : -1;
    // (The plot's width from uPlot's box, in canvas pixels: reading the element's would force a layout.)
    m.hidden = x < 0 || x > u.bbox.width / uPlot.pxRatio + 1;
    m.style.transform = `translateX(${(x - 1).toFixed(1)}px)`;
  }

  /** What the chart shows (for the tests' inspection). */
  inspect(): InspectChart {
    const u = this.u, t = this.timeline;
    if (!u || !t) return { series: {}, markers: [], step: this.current, thresholds: [], plot: null };
    const d = u.data;
    const over = u.over.getBoundingClientRect(), box = this.box.getBoundingClientRect();
    return {
      series: { step: [...d[0]], live: [...d[1]] as number[], count0: [...d[2]] as number[], count1: [...d[3]] as number[], count2: [...d[4]] as number[] },
      markers: t.collections.map((c) => ({ ...c, x: u.valToPos(c.step, 'x') })),
      step: this.current,
      thresholds: thresholdSeries(t),
      plot: { left: over.left - box.left, top: over.top - box.top, width: over.width, height: over.height },
    };
  }

  private data(t: Timeline): uPlot.AlignedData {
    const pts = t.points;
    return [
      pts.map((p) => p.step), pts.map((p) => p.live), pts.map((p) => p.count[0]), pts.map((p) => p.count[1]),
      pts.map((p) => p.count[2]),
    ];
  }

  private rebuild(): void {
    const t = this.timeline;
    if (!t) return;
    this.u?.destroy();
    const p = this.palette;
    const th = thresholdSeries(t).map((xs) => Math.max(0, ...xs));
    const width = Math.max(200, this.box.clientWidth);
    const axis = { stroke: p.foreground, grid: { stroke: blend(p.muted, p.background, 0.25), width: 1 }, ticks: { stroke: p.muted, width: 1 }, font: `${Math.round(p.fontSize * 0.85)}px ${p.fontFamily}` };
    // Counts run from 0 to the threshold and back: an arcsinh scale shows both small counts and the threshold.
    const range = (gens: number[]) => (_u: uPlot, _min: number, max: number): uPlot.Range.MinMax => {
      let top = Number.isFinite(max) ? max : 0;
      for (const g of gens) top = Math.max(top, th[g]);
      return [0, niceMax(top * 1.08)];
    };
    const stepped = uPlot.paths.stepped!({ align: 1 });
    const opts: uPlot.Options = {
      width,
      height: HEIGHT,
      scales: {
        x: { time: false },
        c0: { range: range([0]), distr: 4, asinh: 1 },
        c12: { range: range([1, 2]), distr: 4, asinh: 1 },
        live: { range: (_u, _a, max) => [0, niceMax((Number.isFinite(max) ? max : 1) * 1.1)] },
      },
      axes: [
        { ...axis, label: 'step', labelFont: axis.font, size: 32, labelSize: 14, incrs: INTEGER_INCRS },
        { ...axis, scale: 'c0', label: 'count[0]', labelFont: axis.font, labelSize: 14, size: 44, splits: countSplits },
        { ...axis, scale: 'c12', side: 1, grid: { show: false }, label: 'count[1], count[2]', labelFont: axis.font, labelSize: 14, size: 36, splits: countSplits },
      ],
      series: [
        { label: 'step' },
        { label: 'live objects', scale: 'live', stroke: blend(p.muted, p.background, 0.6), fill: blend(p.muted, p.background, 0.1), width: 1, paths: stepped, points: { show: false } },
        { label: 'count[0]', scale: 'c0', stroke: p.gen[0], width: 2, paths: stepped, points: { show: false } },
        { label: 'count[1]', scale: 'c12', stroke: p.gen[1], width: 2, paths: stepped, points: { show: false } },
        { label: 'count[2]', scale: 'c12', stroke: p.gen[2], width: 2, dash: [6, 3], paths: stepped, points: { show: false } },
      ],
      cursor: { drag: { x: false, y: false, setScale: false }, points: { show: false } },
      legend: { show: true, live: true },
      hooks: {
        draw: [(u) => this.drawOverlay(u)],
        setCursor: [(u) => this.onCursor(u)],
      },
    };
    this.u = new uPlot(opts, this.data(t), this.box);
    const over = this.u.over;
    over.addEventListener('pointerdown', (e) => { this.dragging = true; this.lastSent = -1; over.setPointerCapture(e.pointerId); this.gotoAt(e); });
    over.addEventListener('pointermove', (e) => { if (this.dragging) this.gotoAt(e); });
    const stop = () => { this.dragging = false; };
    over.addEventListener('pointerup', stop);
    over.addEventListener('pointercancel', stop);
  }

  private resize(): void {
    if (!this.u) return;
    const w = Math.max(200, this.box.clientWidth);
    if (Math.abs(w - this.u.width) > 2) this.u.setSize({ width: w, height: HEIGHT });
  }

  /** The step under a pointer event on the plotting area. */
  private stepAt(clientX: number): number | null {
    const u = this.u, t = this.timeline;
    if (!u || !t || !t.points.length) return null;
    const r = u.over.getBoundingClientRect();
    const v = Math.round(u.posToVal(clientX - r.left, 'x'));
    const first = t.points[0].step;
    return Math.max(first, Math.min(t.lastStep, v));
  }

  private gotoAt(e: PointerEvent): void {
    const s = this.stepAt(e.clientX);
    if (s === null || s === this.lastSent) return;
    this.lastSent = s;
    this.cb.onGotoStep(s);
  }

  private onKey(e: KeyboardEvent): void {
    const t = this.timeline;
    if (!t || !t.points.length) return;
    const first = t.points[0].step;
    const cur = this.current < 0 ? first : this.current;
    const to = { ArrowLeft: cur - 1, ArrowRight: cur + 1, PageUp: cur - 10, PageDown: cur + 10, Home: first, End: t.lastStep }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    this.cb.onGotoStep(Math.max(first, Math.min(t.lastStep, to)));
  }

  private onCursor(u: uPlot): void {
    const t = this.timeline;
    const left = u.cursor.left ?? -1;
    let hit: CollectionEvent | null = null;
    if (t && left >= 0) {
      for (const c of t.collections) if (Math.abs(u.valToPos(c.step, 'x') - left) <= 4) { hit = c; break; }
    }
    if (hit === this.hoverCollection) return;
    this.hoverCollection = hit;
    if (!hit) { this.tip.hidden = true; return; }
    this.tip.textContent = describeCollection(hit);
    this.tip.hidden = false;
    const r = u.over.getBoundingClientRect();
    const br = this.box.getBoundingClientRect();
    this.tip.style.left = `${Math.round(r.left - br.left + u.valToPos(hit.step, 'x') + 8)}px`;
    this.tip.style.top = `${Math.round(r.top - br.top + 4)}px`;
  }

  private drawOverlay(u: uPlot): void {
    const t = this.timeline;
    if (!t) return;
    const p = this.palette;
    const ctx = u.ctx;
    const pr = uPlot.pxRatio;
    const { left, top, width, height } = u.bbox;
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, top, width, height);
    ctx.clip();
    // Thresholds: a dashed line per generation, stepping where gc.set_threshold changed it.
    const pts = t.points;
    ctx.font = `${Math.round(p.fontSize * 0.8 * pr)}px ${p.fontFamily}`;
    ctx.textBaseline = 'bottom';
    ctx.textAlign = 'right';
    const labels = this.thresholdLabels();
    this.drawnLabels = labels.join();
    this.runs.forEach((runs, gen) => {
      const scale = gen === 0 ? 'c0' : 'c12';
      ctx.strokeStyle = p.gen[gen];
      ctx.fillStyle = p.gen[gen];
      ctx.setLineDash([4 * pr, 4 * pr]);
      ctx.lineWidth = pr;
      ctx.beginPath();
      const label = labels[gen];
      runs.forEach(([i, j, v], k) => {
        const y = u.valToPos(v, scale, true);
        const x1 = k === 0 ? left : u.valToPos(pts[i].step, 'x', true);
        const x2 = k + 1 < runs.length ? u.valToPos(pts[j + 1].step, 'x', true) : left + width;
        if (k === 0) ctx.moveTo(x1, y); else ctx.lineTo(x1, y);
        ctx.lineTo(x2, y);
      });
      ctx.stroke();
      ctx.fillText(`threshold${gen} ${label}`, left + width - (4 + 100 * gen) * pr, u.valToPos(label, scale, true) - 2 * pr);
    });
    ctx.textAlign = 'left';
    // Collections.
    ctx.setLineDash([3 * pr, 3 * pr]);
    ctx.textBaseline = 'top';
    for (const c of t.collections) {
      const x = u.valToPos(c.step, 'x', true);
      if (x < left - 1 || x > left + width + 1) continue;
      const color = c.uncollectable > 0 ? p.cycle : p.gen[Math.min(2, c.generation)];
      ctx.strokeStyle = color;
      ctx.lineWidth = pr;
      ctx.beginPath(); ctx.moveTo(x, top + 10 * pr); ctx.lineTo(x, top + height); ctx.stroke();
      ctx.setLineDash([]);
      ctx.beginPath();
      ctx.moveTo(x - 5 * pr, top); ctx.lineTo(x + 5 * pr, top); ctx.lineTo(x, top + 9 * pr); ctx.closePath();
      if (c.automatic) { ctx.fillStyle = color; ctx.fill(); } else { ctx.lineWidth = 1.5 * pr; ctx.stroke(); }
      ctx.fillStyle = color;
      ctx.fillText(`g${c.generation}${c.collected ? ` −${c.collected}` : ''}${c.uncollectable ? ` !${c.uncollectable}` : ''}`, x + 6 * pr, top + 2 * pr);
      ctx.setLineDash([3 * pr, 3 * pr]);
    }
    ctx.restore();
    // The current step.
    this.placeMarker(u);
  }
}

export function describeCollection(c: CollectionEvent): string {
  return `step ${c.step}: ${c.automatic ? 'automatic' : 'explicit (gc.collect)'} collection of generation ${c.generation}, `
    + `${c.collected} collected, ${c.uncollectable} uncollectable`;
}
