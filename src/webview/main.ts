// The GC panel's entry point (bundled into media/panel.js). It knows nothing
// but the messages it is sent: each message is validated, a snapshot becomes a
// graph model, the graph and the counter chart are updated, and the person's
// clicks go back to the extension host as typed messages. After the first whole
// snapshot the host sends diffs against the state the panel holds (named by an
// id); a diff against another state makes the panel ask for the whole one. A big snapshot is
// handled in three tasks (the message, the model, the drawing) so that no task
// runs long, and a newer snapshot arriving meanwhile replaces it.

import {
  describeInvalid, isHostToPanel, type HostToPanel, type PanelToHost, type SessionState,
} from '../protocol/panel-messages';
import type { Snapshot, Timeline } from '../protocol/snapshot';
import { applySnapshotDiff, applyTimelineDiff } from '../protocol/snapshot-diff';
import { CounterChart } from './chart/counter-chart';
import { TimelineTable } from './chart/timeline-table';
import { renderDetails } from './details';
import { byId } from './dom';
import { buildModel, ModelCache, type GraphModel } from './graph/model';
import { GraphView } from './graph/view';
import { renderSession, renderStep } from './header';
import { installInspect } from './inspect';
import type { InspectTiming } from './inspect-types';
import { restoreState, SAVE_SNAPSHOT_LIMIT, StateSaver, type PanelState, type UiState } from './state';
import { readPalette, watchTheme, type Palette } from './theme';
import { post } from './vscode-api';

/** Above this many drawn objects, objects are grouped by type. */
const GROUP_ABOVE = 2000;
/** An expanded group draws at most this many of its objects. */
const EXPAND_LIMIT = 1000;
/** Above this many drawn nodes, `__class__` references are hidden unless asked for. */
const CLASS_EDGES_ABOVE = 500;
/** Positions are saved for graphs up to this many nodes. */
const SAVE_POSITIONS_LIMIT = 3000;
/** Snapshots with more objects than this are modelled and drawn in tasks of their own. */
const SPLIT_ABOVE = 5000;

/** Run `f` in a task of its own, as soon as possible (no timer clamping). */
const nextTask = (() => {
  const channel = new MessageChannel();
  const queue: (() => void)[] = [];
  channel.port1.onmessage = () => { queue.shift()?.(); };
  return (f: () => void) => { queue.push(f); channel.port2.postMessage(null); };
})();

class Panel {
  private snapshot: Snapshot | null = null;
  private timeline: Timeline | null = null;
  private model: GraphModel | null = null;
  private ui: UiState;
  private session: { state: SessionState; label?: string } = { state: 'none' };
  private palette: Palette;
  private view: GraphView;
  private chart: CounterChart;
  private table: TimelineTable;
  private saver: StateSaver;
  private timings: InspectTiming[] = [];
  /** What one step's model keeps for the next (labels, sizes, cycles). */
  private modelCache = new ModelCache();

  constructor(saved: PanelState) {
    this.ui = saved.ui;
    this.palette = readPalette();
    this.view = new GraphView(byId('graph'), this.palette, {
      onSelect: (id) => this.select(id, false),
      onExpandGroup: (type) => this.setExpanded(type, true),
    }, saved.ui.positions);
    this.chart = new CounterChart(byId('chart'), byId('chart-tip'), this.palette, { onGotoStep: (step) => this.send({ type: 'gotoStep', step }) });
    this.table = new TimelineTable(byId<HTMLDetailsElement>('table-box'), byId('table'), (step) => this.send({ type: 'gotoStep', step }));
    this.table.open = this.ui.tableOpen;
    this.saver = new StateSaver(() => this.stateToSave());
    installInspect(() => this.view.cy, () => this.chart.inspect(), () => this.timings, () => this.view.layerEdgesDrawn(),
      () => this.view.layerNodesDrawn());
    this.wireGraphKeys(byId('graph'));
    this.wireToolbar();
    watchTheme(() => {
      this.palette = readPalette();
      this.view.setPalette(this.palette);
      this.chart.setPalette(this.palette);
    });
    if (saved.session) this.session = saved.session;
    renderSession(this.session.state, this.session.label, !!saved.snapshot);
    if (saved.snapshot) this.showSnapshot(saved.snapshot, saved.timeline, false, ++this.received);
  }

  send(m: PanelToHost): void { post(m); }

  /** The newest state received (shown or waiting to be), named by the host's id: the base of the next diff. */
  private held: { id: number | null; snapshot: Snapshot; timeline: Timeline | null } | null = null;
  /** The whole state was asked for and has not come yet. */
  private asked = false;

  handle(m: HostToPanel): void {
    switch (m.type) {
      case 'snapshot':
        this.asked = false;
        this.held = { id: m.id ?? null, snapshot: m.snapshot, timeline: m.timeline ?? this.held?.timeline ?? null };
        this.receive(m.snapshot, m.timeline);
        break;
      case 'snapshotDiff': {
        const h = this.held;
        if (!h || h.id === null || h.id !== m.base) { this.askWhole(); break; }
        let snapshot: Snapshot, timeline: Timeline | undefined;
        try {
          snapshot = applySnapshotDiff(h.snapshot, m.diff);
          if (m.timeline) {
            const base = h.timeline ?? { points: [], collections: [], thresholds: m.timeline.thresholds, lastStep: 0 };
            timeline = applyTimelineDiff(base, m.timeline);
          }
        } catch (e) {
          post({ type: 'error', message: `panel: a snapshot diff does not fit the state it names: ${e instanceof Error ? e.message : String(e)}` });
          this.askWhole();
          break;
        }
        this.held = { id: m.id, snapshot, timeline: timeline ?? h.timeline };
        this.receive(snapshot, timeline);
        break;
      }
      case 'timeline': this.setTimeline(m.timeline); break;
      case 'session':
        this.session = { state: m.state, label: m.label };
        document.body.dataset.session = m.state;
        renderSession(m.state, m.label, !!this.snapshot);
        this.saver.schedule();
        break;
    }
  }

  /** Drop the held state (later diffs cannot fit it) and ask the host for the whole one, once. */
  private askWhole(): void {
    this.held = null;
    if (this.asked) return;
    this.asked = true;
    this.send({ type: 'requestSnapshot' });
  }

  private receive(snapshot: Snapshot, timeline: Timeline | undefined): void {
    if (snapshot.objects.length > SPLIT_ABOVE) this.queueSnapshot(snapshot, timeline, ++this.received);
    else this.showSnapshot(snapshot, timeline, true, ++this.received);
  }

  /** The big snapshot waiting for its model (the newest one received), its timeline and its number. */
  private pending: { snapshot: Snapshot; timeline?: Timeline; seq: number } | null = null;
  /** Snapshots received, and the number of the one shown. */
  private received = 0;
  private shownSeq = 0;
  /** Counts the models drawn: a model built in one task is drawn in the next only if no other was drawn meanwhile. */
  private modelSerial = 0;

  /** A big snapshot: its model in the next task, its drawing in the one after. */
  private queueSnapshot(snapshot: Snapshot, timeline: Timeline | undefined, seq: number): void {
    const scheduled = this.pending !== null;
    // A newer snapshot replaces one not modelled yet; the timeline sent with either is kept.
    this.pending = { snapshot, timeline: timeline ?? this.pending?.timeline, seq };
    if (scheduled) return;
    nextTask(() => {
      const p = this.pending;
      this.pending = null;
      if (!p || p.seq < this.shownSeq) return;
      const t0 = performance.now();
      const model = this.buildModel(p.snapshot);
      const serial = this.modelSerial;
      const t1 = performance.now();
      nextTask(() => {
        if (p.seq < this.shownSeq) return;
        // Drawn meanwhile (the filters changed): the model is built again with them.
        this.showSnapshot(p.snapshot, p.timeline, true, p.seq, serial === this.modelSerial ? model : undefined, t1 - t0);
      });
    });
  }

  /** Show a snapshot: its model (given when built in an earlier task), graph, header, chart and table. */
  private showSnapshot(s: Snapshot, timeline: Timeline | undefined, highlight: boolean, seq: number, model?: GraphModel, modelTime = 0): void {
    const t0 = performance.now() - modelTime;
    this.shownSeq = seq;
    this.snapshot = s;
    byId('empty').hidden = true;
    this.draw(model ?? this.buildModel(s), highlight);
    renderStep(s);
    if (timeline) this.setTimeline(timeline);
    this.chart.setStep(s.step);
    this.table.update(this.timeline, s.step);
    const nodes = this.model?.nodes.length ?? 0;
    // Drawn once the graph is complete (a big one is added over a few frames).
    this.view.whenDrawn(() => {
      const t1 = performance.now();
      document.body.dataset.renderedStep = String(s.step);
      const entry = { step: s.step, update: t1 - t0, frame: 0, nodes };
      this.timings.push(entry);
      if (this.timings.length > 1000) this.timings.shift();
      requestAnimationFrame(() => { entry.frame = performance.now() - t0; });
    });
    this.saver.schedule();
  }

  private setTimeline(t: Timeline): void {
    const old = this.timeline;
    this.timeline = t;
    if (old && old.lastStep === t.lastStep && old.points.length === t.points.length && old.collections.length === t.collections.length
      && old.thresholds.join() === t.thresholds.join()) return;
    this.chart.setTimeline(t);
    if (this.snapshot) this.table.update(t, this.snapshot.step);
  }

  /** Rebuild the graph model from the current snapshot and the filters, and draw it. */
  private rebuild(highlight: boolean): void {
    const s = this.snapshot;
    if (!s) return;
    this.draw(this.buildModel(s), highlight);
  }

  private buildModel(s: Snapshot): GraphModel {
    return buildModel(s, {
      showHidden: this.ui.showHidden, groupAbove: GROUP_ABOVE, expandedTypes: new Set(this.ui.expandedTypes),
      expandLimit: EXPAND_LIMIT, classEdgesAbove: CLASS_EDGES_ABOVE, fontSize: this.palette.fontSize,
    }, this.modelCache);
  }

  /** Draw the model of the current snapshot: the graph's notes, the graph, focus, search, selection, details. */
  private draw(model: GraphModel, highlight: boolean): void {
    const s = this.snapshot!;
    this.model = model;
    this.modelSerial++;
    const notes: string[] = [];
    if (this.model.grouped) notes.push(`${s.objects.length.toLocaleString('en-US')} objects: grouped by type (click a group to expand it)`);
    if (this.model.classEdgesOmitted) notes.push('__class__ references hidden (large graph; "Atoms & immortal" shows them)');
    const note = byId('graph-note');
    note.hidden = !notes.length;
    note.textContent = notes.join(' · ');
    this.view.render(this.model, highlight);
    if (this.ui.focus && !this.view.node(this.ui.focus)) this.ui.focus = null;
    this.view.setFocus(this.ui.focus);
    if (this.ui.search) this.view.setSearch(this.ui.search, this.ui.hideNonMatching);
    byId('unfocus').hidden = !this.ui.focus;
    if (this.ui.selected && !this.view.node(this.ui.selected)) this.ui.selected = null;
    this.view.select(this.ui.selected);
    this.renderDetails();
    this.view.paintNow();
  }

  private renderDetails(): void {
    const node = this.ui.selected ? this.view.node(this.ui.selected) : undefined;
    renderDetails(byId('details'), node, this.model, this.snapshot, this.ui.focus, {
      select: (id) => this.select(id, true),
      reveal: (id) => this.send({ type: 'revealObject', id }),
      gotoLine: (line) => this.send({ type: 'gotoLine', line }),
      breakOnRefcount: (id) => this.send({ type: 'breakOnRefcount', id }),
      focus: (id) => this.setFocus(id),
      collapse: (type) => this.setExpanded(type, false),
    });
  }

  private select(id: string | null, center: boolean): void {
    this.ui.selected = id;
    this.view.select(id, center);
    this.renderDetails();
    this.saver.schedule();
  }

  /** Arrow keys move the selection to the nearest node that way, Enter expands a group, Escape clears. */
  private wireGraphKeys(graph: HTMLElement): void {
    const dirs: Record<string, 'left' | 'right' | 'up' | 'down'> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };
    graph.addEventListener('keydown', (e) => {
      const dir = dirs[e.key];
      if (dir) {
        const next = this.view.nodeToward(this.ui.selected, dir);
        if (next) this.select(next, true);
      } else if (e.key === 'Enter' && this.ui.selected) {
        const type = this.view.groupType(this.ui.selected);
        if (type) this.setExpanded(type, true);
      } else if (e.key === 'Escape') {
        this.select(null, false);
      } else return;
      e.preventDefault();
    });
  }

  private setFocus(id: string | null): void {
    this.ui.focus = id;
    this.view.setFocus(id);
    byId('unfocus').hidden = !id;
    if (id) this.view.cy.fit(this.view.cy.elements(':visible'), 40);
    this.renderDetails();
    this.saver.schedule();
  }

  private setExpanded(type: string, on: boolean): void {
    const set = new Set(this.ui.expandedTypes);
    if (on) set.add(type); else set.delete(type);
    this.ui.expandedTypes = [...set];
    this.rebuild(false);
    this.saver.schedule();
  }

  private wireToolbar(): void {
    const search = byId<HTMLInputElement>('search');
    const hide = byId<HTMLInputElement>('hide-nonmatching');
    const hidden = byId<HTMLInputElement>('show-hidden');
    search.value = this.ui.search;
    hide.checked = this.ui.hideNonMatching;
    hidden.checked = this.ui.showHidden;
    const applySearch = () => {
      this.ui.search = search.value;
      this.ui.hideNonMatching = hide.checked;
      this.view.setSearch(search.value, hide.checked);
      this.saver.schedule();
    };
    search.addEventListener('input', applySearch);
    hide.addEventListener('change', applySearch);
    search.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter') return;
      const first = this.view.matches()[0];
      if (first) this.select(first, true);
    });
    hidden.addEventListener('change', () => { this.ui.showHidden = hidden.checked; this.rebuild(false); this.saver.schedule(); });
    byId('unfocus').addEventListener('click', () => this.setFocus(null));
    byId('fit').addEventListener('click', () => this.view.resetView());
    byId('relayout').addEventListener('click', () => { this.view.layout(true); this.saver.schedule(); });
    byId('export-png').addEventListener('click', () => this.send({ type: 'exportImage', format: 'png', data: this.view.png() }));
    byId('export-svg').addEventListener('click', () => this.send({ type: 'exportImage', format: 'svg', data: this.view.svg() }));
    byId('table-box').addEventListener('toggle', () => { this.ui.tableOpen = this.table.open; this.saver.schedule(); });
  }

  private stateToSave(): PanelState {
    const st: PanelState = { v: 1, ui: { ...this.ui, positions: this.view.positions(SAVE_POSITIONS_LIMIT) }, session: this.session };
    if (this.snapshot && this.snapshot.objects.length <= SAVE_SNAPSHOT_LIMIT) {
      st.snapshot = this.snapshot;
      if (this.timeline) st.timeline = this.timeline;
    }
    return st;
  }
}

function reportError(e: unknown): void {
  const message = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
  post({ type: 'error', message });
}

function start(): void {
  let panel: Panel;
  try {
    panel = new Panel(restoreState());
  } catch (e) {
    reportError(e);
    return;
  }
  window.addEventListener('message', (ev: MessageEvent) => {
    const m: unknown = ev.data;
    if (!isHostToPanel(m)) { post({ type: 'error', message: `panel: ignored a message: ${describeInvalid(m)}` }); return; }
    try { panel.handle(m); } catch (e) { reportError(e); }
  });
  window.addEventListener('error', (ev) => reportError(ev.error ?? ev.message));
  post({ type: 'ready' });
}

start();
