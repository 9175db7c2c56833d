// The counter progression as a table, for screen readers and copy-paste: one
// row per step (a window around the current step when the run is long) with
// the three counts, the live objects and the collection that ran there.
// Built only while its <details> is open. Step cells are buttons: go to step.

import type { CollectionEvent, Timeline } from '../../protocol/snapshot';
import { el, fmt, replaceChildren } from '../dom';

const MAX_ROWS = 500;

export class TimelineTable {
  private timeline: Timeline | null = null;
  private current = -1;

  constructor(private details: HTMLDetailsElement, private box: HTMLElement, private onGoto: (step: number) => void) {
    details.addEventListener('toggle', () => this.render());
  }

  get open(): boolean { return this.details.open; }
  set open(v: boolean) { this.details.open = v; }

  update(t: Timeline | null, step: number): void {
    this.timeline = t;
    this.current = step;
    this.render();
  }

  private render(): void {
    if (!this.details.open) return;
    const t = this.timeline;
    if (!t || !t.points.length) { replaceChildren(this.box, el('p', {}, 'No steps yet.')); return; }
    const byStep = new Map<number, CollectionEvent[]>();
    for (const c of t.collections) {
      const l = byStep.get(c.step);
      if (l) l.push(c); else byStep.set(c.step, [c]);
    }
    const pts = t.points;
    let from = 0, to = pts.length;
    if (pts.length > MAX_ROWS) {
      const at = Math.max(0, pts.findIndex((p) => p.step >= this.current));
      from = Math.max(0, Math.min(pts.length - MAX_ROWS, at - MAX_ROWS / 2));
      to = from + MAX_ROWS;
    }
    const rows = pts.slice(from, to).map((p) => {
      const cs = byStep.get(p.step) ?? [];
      const text = cs.map((c) => `gen ${c.generation} ${c.automatic ? 'automatic' : 'explicit'}: ${c.collected} collected, ${c.uncollectable} uncollectable`).join('; ');
      const btn = el('button', { type: 'button', class: 'link', title: `Go to step ${p.step}` }, String(p.step));
      btn.addEventListener('click', () => this.onGoto(p.step));
      return el('tr', { class: p.step === this.current ? 'current' : undefined, 'aria-current': p.step === this.current ? 'step' : undefined },
        el('th', { scope: 'row' }, btn), el('td', {}, String(p.count[0])), el('td', {}, String(p.count[1])), el('td', {}, String(p.count[2])),
        el('td', {}, String(p.live)), el('td', {}, text));
    });
    const caption = pts.length > MAX_ROWS
      ? `gc.get_count() per step: steps ${pts[from].step}–${pts[to - 1].step} of ${fmt(pts.length)} (around the current step). Thresholds ${t.thresholds.join(', ')}.`
      : `gc.get_count() per step (${fmt(pts.length)} steps). Thresholds ${t.thresholds.join(', ')}.`;
    replaceChildren(this.box, el('table', {},
      el('caption', {}, caption),
      el('thead', {}, el('tr', {}, ...['Step', 'count[0]', 'count[1]', 'count[2]', 'Live objects', 'Collection'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...rows)));
  }
}
