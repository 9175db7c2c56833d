// The object graph on screen (cytoscape.js): applies each step's GraphModel to
// the drawing incrementally — only what changed is touched, nodes already drawn
// keep their place, new ones are placed next to their neighbours — fades freed
// objects out, highlights what changed since the previous step, and applies the
// search and focus filters. The first drawing (and "Re-layout") uses fcose up
// to LAYOUT_FCOSE nodes and bands from the roots beyond (layered-layout.ts).
// A big graph zoomed out (the overview) is drawn by the overview layer
// (overview-layer.ts): its edges are not added to cytoscape (nothing for it to
// style, sort or draw) and its nodes are there but hidden (their positions,
// selection and styles kept; taps and drags on them found here, overview-pointer.ts)
// until the labels come back (zoomed in) or for an export.

import cytoscape, { type Core, type ElementDefinition, type NodeSingular, type SingularElementReturnValue } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { GNode, GraphModel } from './model';
import { layeredPositions } from './layered-layout';
import { placeNew, type Pos } from './placement';
import { graphStyle, overviewEdgeLook, overviewNodeLook } from './style';
import { OverviewLayer, type EdgeLook, type LayerEdge, type LayerNode, type NodeLook } from './overview-layer';
import { wireOverviewPointer } from './overview-pointer';
import { graphToSvg } from './svg-export';
import type { Palette } from '../theme';

cytoscape.use(fcose);

/** Up to this many nodes fcose lays the graph out; beyond, bands from the roots (layered-layout.ts). */
export const LAYOUT_FCOSE = 300;
/** Above this many nodes edges are drawn straight, and labels only from LABEL_ZOOM on. */
export const BIG_GRAPH = 500;
const LABEL_ZOOM = 0.45;
/** Labels are switched this long after the last zoom step of the person's. */
const RESTYLE_DELAY = 150;
/** More freed nodes than this in one step are removed at once instead of fading out. */
const FADE_LIMIT = 200;
const FADE_MS = 650;
/** A drawing that adds more elements than ADD_SPLIT adds them ADD_CHUNK at a time, one chunk per frame:
 *  cytoscape styles the elements added at the next frame, and styling thousands at once is a long task. */
const ADD_SPLIT = 1000;
const ADD_CHUNK = 600;

export interface ViewCallbacks {
  onSelect(nodeId: string | null): void;
  onExpandGroup(type: string): void;
}

/** The part of cytoscape's canvas renderer its render loop uses (paintNow runs one step of that loop). */
interface CyRenderer {
  requestedFrame: boolean; skipFrame: boolean; destroyed: boolean; renderOptions: unknown;
  beforeRenderCallbacks: { fn(willDraw: boolean, now: number): void }[];
  render(options: unknown): void;
}

export interface RenderResult { added: number; removed: number; fullLayout: boolean }

export class GraphView {
  readonly cy: Core;
  private model: GraphModel | null = null;
  private byId = new Map<string, GNode>();
  /** The elements on screen (fading ones included), by id. */
  private eles = new Map<string, SingularElementReturnValue>();
  /** Freed nodes fading out. */
  private ghosts = new Set<string>();
  private selectedEle: SingularElementReturnValue | null = null;
  /** Elements still to add (a big drawing, a chunk per frame), and who waits for the drawing to be complete. */
  private queue: ElementDefinition[] = [];
  private waiting: (() => void)[] = [];
  private selectWanted: string | null = null;
  /** Class strings currently applied, per element. */
  private applied = new Map<string, string>();
  /** Change classes of the current step ('new' / 'changed'), per element. */
  private diffCls = new Map<string, string>();
  /** Every position a node ever had: a node that comes back (step back) returns to its place. */
  private posCache = new Map<string, Pos>();
  private search = '';
  private hideNonMatching = false;
  private focusId: string | null = null;
  private palette: Palette;
  /** A big graph: lighter style (see style.ts); labels drawn or not (big graphs, by zoom). */
  private big = false;
  private labels = true;
  /** Set when the person pans or zooms: from then on the view is theirs (until "Fit"). */
  private userMoved = false;
  /** Draws the overview; edge looks by class string, node looks by class string and selection. */
  private layer: OverviewLayer;
  private nodeLooks = new Map<string, NodeLook | null>();
  /** The model's edges are cytoscape elements (false in the overview: the overview layer draws them). */
  private edgesInCy = true;
  private looks = new Map<string, EdgeLook | null>();

  constructor(container: HTMLElement, palette: Palette, private cb: ViewCallbacks, saved?: Record<string, [number, number]>) {
    // cytoscape adds a <style> element unless one with this id exists; the CSP forbids
    // inline styles and media/panel.css already has its one rule.
    if (!document.getElementById('__________cytoscape_stylesheet')) {
      const marker = document.createElement('meta');
      marker.id = '__________cytoscape_stylesheet';
      document.head.appendChild(marker);
    }
    this.palette = palette;
    if (saved) for (const [id, [x, y]] of Object.entries(saved)) this.posCache.set(id, { x, y });
    this.cy = cytoscape({
      container,
      style: graphStyle(palette),
      boxSelectionEnabled: false,
      selectionType: 'single',
      minZoom: 0.05,
      maxZoom: 4,
      // While the person pans or zooms, move a picture of the graph instead of drawing every element.
      textureOnViewport: true,
    });
    this.cy.on('tap', 'node', (e) => {
      const n = e.target as NodeSingular;
      if (n.data('ghost')) return;
      const g = this.byId.get(n.id());
      if (g?.kind === 'group' && g.type) this.cb.onExpandGroup(g.type);
      else this.cb.onSelect(n.id());
    });
    this.cy.on('tap', (e) => {
      if (e.target !== this.cy) return;
      // In the overview the nodes are hidden from cytoscape: a tap on the background may be on one of ours.
      const n = this.layer.isActive ? this.nodeAt(e.position) : null;
      if (!n) { this.cb.onSelect(null); return; }
      // After cytoscape has handled the tap on the background (it unselects everything then).
      queueMicrotask(() => {
        const g = this.byId.get(n.id());
        if (g?.kind === 'group' && g.type) this.cb.onExpandGroup(g.type);
        else this.cb.onSelect(n.id());
      });
    });
    container.addEventListener('wheel', () => { this.userMoved = true; }, { passive: true });
    this.cy.on('dragpan', () => { this.userMoved = true; });
    this.cy.on('zoom', () => {
      if (!this.big) return;
      // Showing or hiding the labels restyles every element: once the zooming pauses, not at every wheel step.
      window.clearTimeout(this.restyleTimer);
      this.restyleTimer = window.setTimeout(() => { this.restyleTimer = undefined; this.restyle(); }, RESTYLE_DELAY);
    });
    this.cy.on('dragfree', 'node', (e) => {
      const n = e.target as NodeSingular;
      this.posCache.set(n.id(), { ...n.position() });
    });
    this.layer = new OverviewLayer(container, this.cy, () => this.layerEdges(), () => this.layerNodes(),
      (id) => (this.eles.get(id) as NodeSingular | undefined)?.position());
    wireOverviewPointer(this.cy, {
      active: () => this.layer.isActive,
      nodeAt: (p) => this.nodeAt(p),
      dropped: (n) => { this.posCache.set(n.id(), { ...n.position() }); },
    });
  }

  /** The model's nodes with their overview looks (those hidden by a filter, and those not added yet, left out). */
  private *layerNodes(): Generator<LayerNode> {
    const model = this.model;
    if (!model) return;
    const selected = this.selectedEle?.id();
    for (const n of model.nodes) {
      const ele = this.eles.get(n.id) as NodeSingular | undefined;
      if (!ele) continue;
      const cls = this.applied.get(n.id) ?? n.cls;
      const key = n.id === selected ? `${cls}|selected` : cls;
      let look = this.nodeLooks.get(key);
      if (look === undefined) this.nodeLooks.set(key, (look = overviewNodeLook(this.palette, cls, n.id === selected)));
      if (!look) continue;
      const p = ele.position();
      yield { x: p.x, y: p.y, w: n.w, h: n.h, look };
    }
  }

  /** The overview's node under a model position (the nearest centre among those whose box, grown by 3 pixels, holds it). */
  private nodeAt(pos: Pos): NodeSingular | null {
    const model = this.model;
    if (!model) return null;
    const slack = 3 / this.cy.zoom();
    let best: NodeSingular | null = null;
    let bestD = Infinity;
    for (const n of model.nodes) {
      const ele = this.eles.get(n.id) as NodeSingular | undefined;
      if (!ele || this.applied.get(n.id)?.endsWith(' off')) continue;
      const p = ele.position();
      const dx = Math.abs(pos.x - p.x), dy = Math.abs(pos.y - p.y);
      if (dx > n.w / 2 + slack || dy > n.h / 2 + slack) continue;
      const d = dx * dx + dy * dy;
      if (d < bestD) { bestD = d; best = ele; }
    }
    return best;
  }

  /** The model's edges with their overview looks (those hidden by a filter left out). */
  private *layerEdges(): Generator<LayerEdge> {
    const model = this.model;
    if (!model) return;
    for (const e of model.edges) {
      const cls = this.applied.get(e.id) ?? e.cls;
      let look = this.looks.get(cls);
      if (look === undefined) this.looks.set(cls, (look = overviewEdgeLook(this.palette, cls)));
      if (look) yield { source: e.source, target: e.target, look };
    }
  }

  get current(): GraphModel | null { return this.model; }
  node(id: string): GNode | undefined { return this.byId.get(id); }

  setPalette(p: Palette): void {
    this.palette = p;
    this.looks.clear();
    this.nodeLooks.clear();
    this.cy.style(graphStyle(p, this.big, this.labels));
    this.layer.schedule();
  }

  /**
   * Switch to the stylesheet the graph's size and the zoom call for (only when that changes), and to the edge layer
   * in the overview. `addEdges`: add the model's edges to cytoscape now when it draws them again (render() adds them itself).
   */
  private restyle(addEdges = true): void {
    const labels = !this.big || this.cy.zoom() >= LABEL_ZOOM;
    if (labels === this.labels && this.styledBig === this.big) return;
    this.labels = labels;
    this.styledBig = this.big;
    const overview = this.big && !labels;
    if (overview) this.setEdgesInCy(false, false);
    this.cy.style(graphStyle(this.palette, this.big, labels));
    if (!overview) this.setEdgesInCy(true, addEdges);
    this.layer.setActive(overview);
  }

  /** Put the model's edges in cytoscape (`add`: now, else render() adds them) or take them out. */
  private setEdgesInCy(on: boolean, add: boolean): void {
    if (on === this.edgesInCy) return;
    this.edgesInCy = on;
    const model = this.model;
    if (!on) {
      this.queue = this.queue.filter((d) => d.group !== 'edges');
      this.cy.batch(() => { this.cy.edges().remove(); });
      for (const [id, ele] of this.eles) if (ele.isEdge()) this.eles.delete(id);
      return;
    }
    if (!add || !model) return;
    const defs: ElementDefinition[] = [];
    for (const e of model.edges) {
      if (this.eles.has(e.id)) continue;
      defs.push({ group: 'edges', data: { id: e.id, source: e.source, target: e.target, label: e.label }, classes: this.applied.get(e.id) ?? e.cls });
    }
    // Their nodes may still be queued (a big drawing, chunk by chunk): then after them.
    if (this.queue.length) this.queue.push(...defs);
    else if (defs.length) this.cy.batch(() => this.addNow(defs));
  }
  private styledBig = false;
  private restyleTimer: number | undefined;

  /** Draw a step. `highlight`: mark what changed since the model drawn before. */
  render(model: GraphModel, highlight: boolean): RenderResult {
    this.flush();
    const cy = this.cy;
    const prev = this.byId;
    const prevModel = this.model;
    const next = new Map<string, GNode>();
    for (const n of model.nodes) next.set(n.id, n);
    const edgeIds = new Set<string>();
    for (const e of model.edges) edgeIds.add(e.id);
    /** The previous step's edge labels, by id. */
    const prevEdges = new Map<string, string>();
    for (const e of prevModel?.edges ?? []) prevEdges.set(e.id, e.label);
    this.big = model.nodes.length > BIG_GRAPH;
    if (this.big !== this.styledBig) {
      // A new big graph is fitted (zoomed out) right after: start without labels.
      if (this.big && !prevModel) cy.zoom(cy.minZoom());
      this.restyle(false);
    }

    // What changed since the previous step.
    this.diffCls.clear();
    if (highlight && prevModel) {
      for (const n of model.nodes) {
        const before = prev.get(n.id);
        if (!before) this.diffCls.set(n.id, 'new');
        else if (before.label !== n.label || before.cls !== n.cls) this.diffCls.set(n.id, 'changed');
      }
      for (const e of model.edges) if (!prevEdges.has(e.id)) this.diffCls.set(e.id, 'new');
    }
    this.model = model;
    this.byId = next;

    // Where new nodes go: where they were before, else a full layout (most nodes are new) or next to their neighbours.
    // The elements on screen are kept by id in `eles` (cy.getElementById and cy.elements() make collections: slow by the thousand).
    const have = this.eles;
    const fresh = model.nodes.filter((n) => !have.has(n.id) && !this.posCache.has(n.id)).map((n) => n.id);
    const total = model.nodes.length;
    const fullLayout = fresh.length > 0 && (fresh.length === total || (total > 20 && fresh.length > total * 0.6));
    let spots = new Map<string, Pos>();
    if (fullLayout && total > LAYOUT_FCOSE) spots = layeredPositions(model, this.aspect());
    else if (fresh.length && !fullLayout) {
      const placed = new Map<string, Pos>();
      for (const n of model.nodes) {
        const ele = have.get(n.id);
        const p = ele ? (ele as NodeSingular).position() : this.posCache.get(n.id);
        if (p) placed.set(n.id, p);
      }
      const adj = this.adjacency(model);
      spots = placeNew(fresh, (id) => adj.get(id) ?? [], placed, (id) => this.sizeOf(id));
    }

    const fading: NodeSingular[] = [];
    let removed = 0;
    /** Something the overview layer draws changed: an element came, went or changed its look or size. */
    let layerChanged = false;
    const forget = (id: string) => { have.delete(id); this.applied.delete(id); };
    cy.batch(() => {
      // Edges of the previous step that are gone (those of removed nodes go with them).
      for (const e of prevModel?.edges ?? []) {
        if (edgeIds.has(e.id)) continue;
        const ele = have.get(e.id);
        if (ele?.inside()) ele.remove();
        forget(e.id);
        layerChanged = true;
      }
      // Nodes of the previous step that are gone. Fading redraws the whole graph at every frame for FADE_MS: not for big graphs.
      const gone = prevModel ? prevModel.nodes.filter((n) => !next.has(n.id) && have.has(n.id)).map((n) => n.id) : [];
      const fade = highlight && gone.length <= FADE_LIMIT && !this.big;
      if (!fade) {
        // Fading nodes still gone are removed at once (those back in the model are restored below).
        for (const id of [...this.ghosts]) {
          if (next.has(id)) continue;
          const g = have.get(id);
          if (g?.inside()) g.remove();
          forget(id);
          this.ghosts.delete(id);
        }
      }
      for (const id of gone) {
        const n = have.get(id)! as NodeSingular;
        removed++;
        layerChanged = true;
        this.posCache.set(id, { ...n.position() });
        this.applied.delete(id);
        if (fade) {
          n.data('ghost', true);
          n.classes('freed ' + (prev.get(id)?.cls ?? ''));
          this.ghosts.add(id);
          fading.push(n);
        } else { n.remove(); have.delete(id); }
      }

      const cls = this.classesFor(model);
      const add: ElementDefinition[] = [];
      for (const n of model.nodes) {
        const ele = have.get(n.id);
        const c = cls.get(n.id)!;
        if (ele) {
          const was = prev.get(n.id);
          if (!was) {
            // A fading node that came back (a step back), or one filtered out before.
            if (this.ghosts.delete(n.id)) { ele.stop(true, false); ele.removeStyle('opacity'); ele.data('ghost', false); }
            if (ele.data('label') !== n.label || ele.data('w') !== n.w || ele.data('h') !== n.h) ele.data({ label: n.label, w: n.w, h: n.h });
            layerChanged = true;
          } else if (was.label !== n.label || was.w !== n.w || was.h !== n.h) {
            ele.data({ label: n.label, w: n.w, h: n.h });
            layerChanged ||= was.w !== n.w || was.h !== n.h;
          }
          if (this.applied.get(n.id) !== c) { ele.classes(c); this.applied.set(n.id, c); layerChanged = true; }
        } else {
          const p = spots.get(n.id) ?? this.posCache.get(n.id) ?? { x: 0, y: 0 };
          add.push({ group: 'nodes', data: { id: n.id, label: n.label, w: n.w, h: n.h }, position: { ...p }, classes: c });
          this.applied.set(n.id, c);
          layerChanged = true;
        }
      }
      for (const e of model.edges) {
        const ele = have.get(e.id);
        const c = cls.get(e.id)!;
        if (!ele) {
          if (this.edgesInCy) add.push({ group: 'edges', data: { id: e.id, source: e.source, target: e.target, label: e.label }, classes: c });
          else if (this.applied.get(e.id) !== c || !prevEdges.has(e.id)) layerChanged = true;
          this.applied.set(e.id, c);
        } else {
          if (prevEdges.get(e.id) !== e.label) ele.data('label', e.label);
          if (this.applied.get(e.id) !== c) { ele.classes(c); this.applied.set(e.id, c); }
        }
      }
      // Nodes come before edges in `add`: a chunk's edges always find their nodes.
      const now = add.length > ADD_SPLIT ? add.slice(0, ADD_CHUNK) : add;
      if (now.length) this.addNow(now);
      if (now !== add) { this.queue = add.slice(ADD_CHUNK); requestAnimationFrame(() => this.addChunk()); }
    });

    if (fullLayout && total <= LAYOUT_FCOSE) this.layout(!this.userMoved);
    else for (const [id, p] of spots) this.posCache.set(id, { ...p });
    if (fullLayout && total > LAYOUT_FCOSE && !this.userMoved) this.fit();
    else if (fresh.length && !fullLayout && !this.userMoved && !this.allInView()) this.fit();
    // The overview layer redraws when what it draws changed (a moved view or node schedules it itself).
    if (this.layer.isActive && (layerChanged || !prevModel)) this.layer.schedule();
    for (const n of fading) {
      n.animate({ style: { opacity: 0 } }, {
        duration: FADE_MS,
        complete: () => {
          if (!n.data('ghost') || !n.inside()) return;
          n.remove();
          this.eles.delete(n.id());
          this.ghosts.delete(n.id());
        },
      });
    }
    return { added: fresh.length, removed, fullLayout };
  }

  /**
   * Draw the step now instead of at the next animation frame: a step arrives at any time, and the frame
   * that shows it then has only to composite what is drawn (cytoscape draws at its render loop's next
   * frame otherwise; this is that loop's own step, run early). Nothing to do while a big drawing is added
   * chunk by chunk or a batch is open.
   */
  paintNow(): void {
    if (this.queue.length) return;
    const r = (this.cy as unknown as { renderer(): CyRenderer }).renderer();
    if (!(this.cy as unknown as { batching(): boolean }).batching() && r.requestedFrame && !r.skipFrame && !r.destroyed) {
      r.requestedFrame = false;
      const now = performance.now();
      for (const cb of r.beforeRenderCallbacks) cb.fn(true, now);
      r.render(r.renderOptions);
    }
    this.layer.drawIfScheduled();
  }

  private addNow(defs: ElementDefinition[]): void {
    this.cy.add(defs).forEach((x) => { this.eles.set(x.id(), x); });
  }

  /** Add the next chunk of a big drawing (in an animation frame); when the last is in, the drawing is complete. */
  private addChunk(): void {
    if (!this.queue.length) return;
    const chunk = this.queue.splice(0, ADD_CHUNK);
    this.cy.batch(() => this.addNow(chunk));
    if (this.layer.isActive) this.layer.schedule();
    if (this.queue.length) requestAnimationFrame(() => this.addChunk());
    else this.completed();
  }

  /** Add what is left of a big drawing now (a new step, or the person acts on the graph). */
  flush(): void {
    if (!this.queue.length) return;
    const rest = this.queue;
    this.queue = [];
    this.cy.batch(() => this.addNow(rest));
    if (this.layer.isActive) this.layer.schedule();
    this.completed();
  }

  private completed(): void {
    if (this.selectWanted) this.select(this.selectWanted);
    const w = this.waiting;
    this.waiting = [];
    for (const f of w) f();
  }

  /** Call `f` once the drawing is complete: now, or when the last chunk of a big drawing is added. */
  whenDrawn(f: () => void): void {
    if (this.queue.length) this.waiting.push(f); else f();
  }

  private aspect(): number {
    const box = this.cy.container();
    return box ? Math.max(0.5, box.clientWidth / Math.max(1, box.clientHeight)) : 2;
  }

  private sizeOf(id: string): { w: number; h: number } {
    const n = this.byId.get(id);
    return n ? { w: n.w, h: n.h } : { w: 120, h: 50 };
  }

  private adjacency(model: GraphModel): Map<string, string[]> {
    const adj = new Map<string, string[]>();
    const add = (a: string, b: string) => { const l = adj.get(a); if (l) l.push(b); else adj.set(a, [b]); };
    for (const e of model.edges) { add(e.source, e.target); add(e.target, e.source); }
    return adj;
  }

  /** Lay out every node again: fcose up to LAYOUT_FCOSE nodes, bands from the roots beyond. */
  layout(fit: boolean): void {
    this.flush();
    const cy = this.cy;
    const model = this.model;
    const nodes = cy.nodes().filter((n) => !n.data('ghost'));
    const n = nodes.length;
    if (n === 0 || !model) return;
    if (n <= LAYOUT_FCOSE) {
      cy.layout({
        name: 'fcose', fit: false, padding: 30, animate: false, quality: 'default', randomize: true,
        nodeDimensionsIncludeLabels: false, uniformNodeDimensions: false, packComponents: false,
        idealEdgeLength: () => 110, nodeRepulsion: () => 9000, nodeSeparation: 90, numIter: 1500,
      } as cytoscape.LayoutOptions).run();
    } else {
      const spots = layeredPositions(model, this.aspect());
      cy.batch(() => { cy.nodes().forEach((x) => { const p = spots.get(x.id()); if (p) x.position(p); }); });
    }
    cy.nodes().forEach((x) => { this.posCache.set(x.id(), { ...x.position() }); });
    if (fit) this.fit();
  }

  /** The box around the drawn nodes, from their positions and sizes (no style needed). */
  private drawnBox(): { x1: number; y1: number; x2: number; y2: number } | null {
    let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
    for (const [id, g] of this.byId) {
      // The model's nodes (not the fading ghosts), unless filtered out; sizes from the model (faster than data()),
      // positions of the nodes not added yet (a big drawing, chunk by chunk) from where they are placed.
      if (this.applied.get(id)?.endsWith(' off')) continue;
      const ele = this.eles.get(id) as NodeSingular | undefined;
      const p = ele ? ele.position() : this.posCache.get(id);
      if (!p) continue;
      const w = g.w / 2 + 12, h = g.h / 2 + 12;
      x1 = Math.min(x1, p.x - w); x2 = Math.max(x2, p.x + w); y1 = Math.min(y1, p.y - h); y2 = Math.max(y2, p.y + h);
    }
    return x1 === Infinity ? null : { x1, y1, x2, y2 };
  }

  /** Fit the drawn graph in the view, never magnifying beyond 1.25. */
  fit(): void {
    const cy = this.cy;
    const bb = this.drawnBox();
    if (!bb) return;
    const W = cy.width(), H = cy.height();
    const pad = 30;
    const zoom = Math.max(cy.minZoom(), Math.min(1.25, (W - 2 * pad) / Math.max(1, bb.x2 - bb.x1), (H - 2 * pad) / Math.max(1, bb.y2 - bb.y1)));
    cy.viewport({ zoom, pan: { x: W / 2 - ((bb.x1 + bb.x2) / 2) * zoom, y: H / 2 - ((bb.y1 + bb.y2) / 2) * zoom } });
    if (this.big) this.restyle();
  }

  /** Give the view back to the automatic fitting ("Fit" button). */
  resetView(): void { this.userMoved = false; this.fit(); }

  private allInView(): boolean {
    const ext = this.cy.extent();
    const bb = this.drawnBox();
    return !bb || (bb.x1 >= ext.x1 && bb.x2 <= ext.x2 && bb.y1 >= ext.y1 && bb.y2 <= ext.y2);
  }

  // ---- selection, search, focus ------------------------------------------------------

  select(id: string | null, center = false): void {
    this.selectWanted = id;
    if (center) this.flush();
    // The selection is one node at most: only it is unselected (a ':selected' query visits every element).
    const n = id ? this.eles.get(id) : undefined;
    if (this.selectedEle && this.selectedEle !== n && this.selectedEle.inside()) this.selectedEle.unselect();
    const was = this.selectedEle;
    this.selectedEle = n && n.inside() ? n : null;
    if (was !== this.selectedEle && this.layer.isActive) this.layer.schedule();
    if (!n || !this.selectedEle) return;
    if (!n.selected()) n.select();
    if (center) this.cy.animate({ center: { eles: n } }, { duration: 200 });
  }

  /**
   * Keyboard navigation: the visible node nearest to `fromId` in direction `dir`
   * (distance along it plus twice the distance across it), or the top-left node
   * when nothing is selected. Null when there is none in that direction.
   */
  nodeToward(fromId: string | null, dir: 'left' | 'right' | 'up' | 'down'): string | null {
    this.flush();
    // The model's nodes on screen (not the fading ghosts), unless filtered out.
    const nodes: { id: string; p: Pos }[] = [];
    for (const n of this.model?.nodes ?? []) {
      const ele = this.eles.get(n.id) as NodeSingular | undefined;
      if (ele && !this.applied.get(n.id)?.endsWith(' off')) nodes.push({ id: n.id, p: ele.position() });
    }
    if (!nodes.length) return null;
    const from = fromId ? nodes.find((n) => n.id === fromId) : undefined;
    if (!from) {
      let best = nodes[0];
      for (const n of nodes) if (n.p.y + n.p.x < best.p.y + best.p.x) best = n;
      return best.id;
    }
    const o = from.p;
    let bestId: string | null = null;
    let bestCost = Infinity;
    for (const n of nodes) {
      if (n.id === from.id) continue;
      const dx = n.p.x - o.x, dy = n.p.y - o.y;
      const along = dir === 'right' ? dx : dir === 'left' ? -dx : dir === 'down' ? dy : -dy;
      const across = dir === 'left' || dir === 'right' ? Math.abs(dy) : Math.abs(dx);
      if (along <= 0) continue;
      const cost = along + 2 * across;
      if (cost < bestCost) { bestCost = cost; bestId = n.id; }
    }
    return bestId;
  }

  /** Whether `id` is a type group (Enter expands it). */
  groupType(id: string): string | null {
    const g = this.byId.get(id);
    return g?.kind === 'group' && g.type ? g.type : null;
  }

  setSearch(q: string, hideNonMatching: boolean): void {
    const search = q.trim().toLowerCase();
    if (search === this.search && hideNonMatching === this.hideNonMatching) return;
    this.search = search;
    this.hideNonMatching = hideNonMatching;
    this.cy.batch(() => this.applyClasses());
  }

  /** Ids of the nodes the search matches, in model order. */
  matches(): string[] {
    if (!this.search || !this.model) return [];
    return this.model.nodes.filter((n) => n.search.includes(this.search)).map((n) => n.id);
  }

  setFocus(id: string | null): void {
    if (id === this.focusId) return;
    this.focusId = id;
    this.cy.batch(() => this.applyClasses());
  }

  get focus(): string | null { return this.focusId; }

  /** The class string of every node and edge: the model's look, this step's changes, search and focus. */
  private classesFor(model: GraphModel): Map<string, string> {
    const out = new Map<string, string>();
    const q = this.search;
    let focusSet: Set<string> | null = null;
    if (this.focusId && this.byId.has(this.focusId)) {
      focusSet = new Set([this.focusId]);
      for (const e of model.edges) {
        if (e.source === this.focusId) focusSet.add(e.target);
        if (e.target === this.focusId) focusSet.add(e.source);
      }
    }
    const hits = new Set<string>();
    const off = new Set<string>();
    const nodeUi = (n: GNode): string => {
      if (focusSet && !focusSet.has(n.id)) return ' off';
      if (!q) return '';
      if (n.search.includes(q)) { hits.add(n.id); return ' match'; }
      return this.hideNonMatching ? ' off' : ' dim';
    };
    for (const n of model.nodes) {
      const ui = nodeUi(n);
      if (ui === ' off') off.add(n.id);
      const d = this.diffCls.get(n.id);
      out.set(n.id, n.cls + (d ? ' ' + d : '') + ui);
    }
    for (const e of model.edges) {
      let ui = '';
      if (off.has(e.source) || off.has(e.target)) ui = ' off';
      else if (q && !(hits.has(e.source) && hits.has(e.target))) ui = ' dim';
      const d = this.diffCls.get(e.id);
      out.set(e.id, e.cls + (d ? ' ' + d : '') + ui);
    }
    return out;
  }

  private applyClasses(): void {
    this.flush();
    const model = this.model;
    if (!model) return;
    const want = this.classesFor(model);
    // The model's elements (edges the overview layer draws included; fading ghosts keep their look).
    for (const [id, c] of want) {
      if (this.applied.get(id) === c) continue;
      this.applied.set(id, c);
      this.eles.get(id)?.classes(c);
    }
    if (this.layer.isActive) this.layer.schedule();
  }

  // ---- persistence and export ----------------------------------------------------------

  /** Positions of the nodes on screen, for the panel's saved state (small graphs only). */
  positions(limit: number): Record<string, [number, number]> | undefined {
    this.flush();
    const nodes = this.cy.nodes();
    if (nodes.length > limit) return undefined;
    const out: Record<string, [number, number]> = {};
    nodes.forEach((n) => { const p = n.position(); out[n.id()] = [Math.round(p.x), Math.round(p.y)]; });
    return out;
  }

  png(): string {
    return this.withCytoscapeDrawing(() => {
      const bb = this.cy.elements(':visible').boundingBox();
      const scale = Math.max(0.25, Math.min(2, 4000 / Math.max(1, bb.w, bb.h)));
      return this.cy.png({ output: 'base64uri', full: true, bg: this.palette.background, scale });
    });
  }

  svg(): string {
    return this.withCytoscapeDrawing(() => graphToSvg(this.cy, this.palette.background, this.palette.fontFamily));
  }

  /** Run `f` (an export) with the nodes and edges drawn by cytoscape, as in the overview before the overview layer. */
  private withCytoscapeDrawing<T>(f: () => T): T {
    this.flush();
    if (this.edgesInCy) return f();
    this.cy.style(graphStyle(this.palette, this.big, this.labels, false));
    this.setEdgesInCy(true, true);
    try {
      return f();
    } finally {
      this.setEdgesInCy(false, false);
      this.cy.style(graphStyle(this.palette, this.big, this.labels));
    }
  }

  /** The nodes the overview layer draws and their looks, for the tests (inspect.ts): null when cytoscape draws them. */
  layerNodesDrawn(): Map<string, NodeLook> | null {
    if (!this.layer.isActive || !this.model) return null;
    const looks = new Map<string, NodeLook>();
    const selected = this.selectedEle?.id();
    for (const n of this.model.nodes) {
      const look = this.eles.has(n.id) ? overviewNodeLook(this.palette, this.applied.get(n.id) ?? n.cls, n.id === selected) : null;
      if (look) looks.set(n.id, look);
    }
    return looks;
  }

  /** The edges as drawn, for the tests (inspect.ts): null when cytoscape draws them, else the overview layer's. */
  layerEdgesDrawn(): { id: string; source: string; target: string; label: string; classes: string[]; color: string; visible: boolean }[] | null {
    if (this.edgesInCy || !this.model) return null;
    return this.model.edges.map((e) => {
      const cls = this.applied.get(e.id) ?? e.cls;
      const look = overviewEdgeLook(this.palette, cls);
      return { id: e.id, source: e.source, target: e.target, label: e.label, classes: cls.split(' ').filter(Boolean), color: look?.color ?? '', visible: !!look };
    });
  }
}
