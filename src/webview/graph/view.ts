// The object graph on screen (cytoscape.js): applies each step's GraphModel to
// the drawing incrementally — only what changed is touched, nodes already drawn
// keep their place, new ones are placed next to their neighbours — fades freed
// objects out, highlights what changed since the previous step, and applies the
// search and focus filters. The first drawing (and "Re-layout") uses fcose.

import cytoscape, { type Core, type EdgeSingular, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { GEdge, GNode, GraphModel } from './model';
import { placeNew, type Pos } from './placement';
import { graphStyle } from './style';
import type { Palette } from '../theme';

cytoscape.use(fcose);

/** Up to this many nodes fcose runs at full quality; up to LAYOUT_DRAFT in draft quality; beyond, a grid. */
export const LAYOUT_DEFAULT = 500;
export const LAYOUT_DRAFT = 3000;
/** More freed nodes than this in one step are removed at once instead of fading out. */
const FADE_LIMIT = 200;
const FADE_MS = 650;

export interface ViewCallbacks {
  onSelect(nodeId: string | null): void;
  onExpandGroup(type: string): void;
}

export interface RenderResult { added: number; removed: number; fullLayout: boolean }

export class GraphView {
  readonly cy: Core;
  private model: GraphModel | null = null;
  private byId = new Map<string, GNode>();
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
  /** Set when the person pans or zooms: from then on the view is theirs (until "Fit"). */
  private userMoved = false;

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
      textureOnViewport: false,
    });
    this.cy.on('tap', 'node', (e) => {
      const n = e.target as NodeSingular;
      if (n.data('ghost')) return;
      const g = this.byId.get(n.id());
      if (g?.kind === 'group' && g.type) this.cb.onExpandGroup(g.type);
      else this.cb.onSelect(n.id());
    });
    this.cy.on('tap', (e) => { if (e.target === this.cy) this.cb.onSelect(null); });
    container.addEventListener('wheel', () => { this.userMoved = true; }, { passive: true });
    this.cy.on('dragpan', () => { this.userMoved = true; });
    this.cy.on('dragfree', 'node', (e) => {
      const n = e.target as NodeSingular;
      this.posCache.set(n.id(), { ...n.position() });
    });
  }

  get current(): GraphModel | null { return this.model; }
  node(id: string): GNode | undefined { return this.byId.get(id); }

  setPalette(p: Palette): void {
    this.palette = p;
    this.cy.style(graphStyle(p));
  }

  /** Draw a step. `highlight`: mark what changed since the model drawn before. */
  render(model: GraphModel, highlight: boolean): RenderResult {
    const cy = this.cy;
    const prev = this.byId;
    const next = new Map<string, GNode>();
    for (const n of model.nodes) next.set(n.id, n);
    const edgeIds = new Set(model.edges.map((e) => e.id));
    const fresh: string[] = [];
    const fading: NodeSingular[] = [];
    let removed = 0;
    this.diffCls.clear();

    cy.batch(() => {
      cy.edges().forEach((e) => { if (!edgeIds.has(e.id())) { e.remove(); this.applied.delete(e.id()); } });
      const gone = cy.nodes().filter((n) => !next.has(n.id()) && !n.data('ghost'));
      const fade = highlight && gone.length <= FADE_LIMIT;
      gone.forEach((n) => {
        removed++;
        this.posCache.set(n.id(), { ...n.position() });
        this.applied.delete(n.id());
        if (fade) { n.data('ghost', true); n.classes('freed ' + (prev.get(n.id())?.cls ?? '')); fading.push(n); } else n.remove();
      });
      if (!fade) cy.nodes().filter((n) => n.data('ghost') && !next.has(n.id())).remove();

      for (const n of model.nodes) {
        const ele = cy.getElementById(n.id);
        const before = prev.get(n.id);
        if (ele.nonempty()) {
          if (ele.data('ghost')) { ele.stop(true, false); ele.removeStyle('opacity'); ele.data('ghost', false); }
          if (ele.data('label') !== n.label || ele.data('w') !== n.w || ele.data('h') !== n.h) ele.data({ label: n.label, w: n.w, h: n.h });
        } else {
          const p = this.posCache.get(n.id);
          cy.add({ group: 'nodes', data: { id: n.id, label: n.label, w: n.w, h: n.h }, position: p ? { ...p } : { x: 0, y: 0 } });
          if (!p) fresh.push(n.id);
        }
        if (highlight && this.model) {
          if (!before) this.diffCls.set(n.id, 'new');
          else if (before.label !== n.label || before.cls !== n.cls) this.diffCls.set(n.id, 'changed');
        }
      }
      const prevEdges = this.model ? new Set(this.model.edges.map((e) => e.id)) : null;
      for (const e of model.edges) {
        const ele = cy.getElementById(e.id);
        if (ele.empty()) cy.add({ group: 'edges', data: { id: e.id, source: e.source, target: e.target, label: e.label } });
        else if (ele.data('label') !== e.label) ele.data('label', e.label);
        if (highlight && prevEdges && !prevEdges.has(e.id)) this.diffCls.set(e.id, 'new');
      }
      this.model = model;
      this.byId = next;
      this.applyClasses();
    });

    let fullLayout = false;
    const total = model.nodes.length;
    if (fresh.length && (fresh.length === total || (total > 20 && fresh.length > total * 0.6))) {
      this.layout(!this.userMoved);
      fullLayout = true;
    } else if (fresh.length) {
      const freshSet = new Set(fresh);
      const placed = new Map<string, Pos>();
      cy.nodes().forEach((n) => { if (!freshSet.has(n.id())) placed.set(n.id(), n.position()); });
      const adj = this.adjacency(model);
      const spots = placeNew(fresh, (id) => adj.get(id) ?? [], placed, (id) => this.sizeOf(id));
      cy.batch(() => { for (const [id, p] of spots) cy.getElementById(id).position(p); });
    }
    for (const id of fresh) this.posCache.set(id, { ...cy.getElementById(id).position() });
    if (fresh.length && !fullLayout && !this.userMoved && !this.allInView()) this.fit();
    for (const n of fading) {
      n.animate({ style: { opacity: 0 } }, {
        duration: FADE_MS,
        complete: () => { if (n.data('ghost') && n.inside()) n.remove(); },
      });
    }
    return { added: fresh.length, removed, fullLayout };
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

  /** Lay out every node again (fcose; draft quality for big graphs; a grid beyond). */
  layout(fit: boolean): void {
    const cy = this.cy;
    const nodes = cy.nodes().filter((n) => !n.data('ghost'));
    const n = nodes.length;
    if (n === 0) return;
    const base = { fit: false, padding: 30, animate: false };
    if (n <= LAYOUT_DRAFT) {
      cy.layout({
        name: 'fcose', ...base, quality: n <= LAYOUT_DEFAULT ? 'default' : 'draft', randomize: true,
        nodeDimensionsIncludeLabels: false, uniformNodeDimensions: false, packComponents: false,
        idealEdgeLength: () => 110, nodeRepulsion: () => 9000, nodeSeparation: 90, numIter: 1500,
      } as cytoscape.LayoutOptions).run();
    } else {
      nodes.layout({ name: 'grid', ...base, avoidOverlap: true, condense: true }).run();
    }
    cy.nodes().forEach((x) => { this.posCache.set(x.id(), { ...x.position() }); });
    if (fit) this.fit();
  }

  /** Fit the drawn graph in the view, never magnifying beyond 1.25. */
  fit(): void {
    const cy = this.cy;
    cy.fit(cy.elements(':visible'), 30);
    if (cy.zoom() > 1.25) { cy.zoom(1.25); cy.center(cy.elements(':visible')); }
  }

  /** Give the view back to the automatic fitting ("Fit" button). */
  resetView(): void { this.userMoved = false; this.fit(); }

  private allInView(): boolean {
    const ext = this.cy.extent();
    const bb = this.cy.elements(':visible').boundingBox();
    return bb.x1 >= ext.x1 && bb.x2 <= ext.x2 && bb.y1 >= ext.y1 && bb.y2 <= ext.y2;
  }

  // ---- selection, search, focus ------------------------------------------------------

  select(id: string | null, center = false): void {
    this.cy.$(':selected').unselect();
    if (!id) return;
    const n = this.cy.getElementById(id);
    if (n.empty()) return;
    n.select();
    if (center) this.cy.animate({ center: { eles: n } }, { duration: 200 });
  }

  setSearch(q: string, hideNonMatching: boolean): void {
    this.search = q.trim().toLowerCase();
    this.hideNonMatching = hideNonMatching;
    this.cy.batch(() => this.applyClasses());
  }

  /** Ids of the nodes the search matches, in model order. */
  matches(): string[] {
    if (!this.search || !this.model) return [];
    return this.model.nodes.filter((n) => n.search.includes(this.search)).map((n) => n.id);
  }

  setFocus(id: string | null): void {
    this.focusId = id;
    this.cy.batch(() => this.applyClasses());
  }

  get focus(): string | null { return this.focusId; }

  private applyClasses(): void {
    const model = this.model;
    if (!model) return;
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
    const nodeUi = (n: GNode): string => {
      if (focusSet && !focusSet.has(n.id)) return ' off';
      if (!q) return '';
      if (n.search.includes(q)) { hits.add(n.id); return ' match'; }
      return this.hideNonMatching ? ' off' : ' dim';
    };
    const set = (id: string, cls: string, ele: () => NodeSingular | EdgeSingular) => {
      if (this.applied.get(id) === cls) return;
      this.applied.set(id, cls);
      ele().classes(cls);
    };
    const offNodes = new Set<string>();
    for (const n of model.nodes) {
      const ui = nodeUi(n);
      if (ui === ' off') offNodes.add(n.id);
      const d = this.diffCls.get(n.id);
      set(n.id, n.cls + (d ? ' ' + d : '') + ui, () => this.cy.getElementById(n.id) as NodeSingular);
    }
    const edgeUi = (e: GEdge): string => {
      if (offNodes.has(e.source) || offNodes.has(e.target)) return ' off';
      if (q && !(hits.has(e.source) && hits.has(e.target))) return ' dim';
      return '';
    };
    for (const e of model.edges) {
      const d = this.diffCls.get(e.id);
      set(e.id, e.cls + (d ? ' ' + d : '') + edgeUi(e), () => this.cy.getElementById(e.id) as EdgeSingular);
    }
  }

  // ---- persistence and export ----------------------------------------------------------

  /** Positions of the nodes on screen, for the panel's saved state (small graphs only). */
  positions(limit: number): Record<string, [number, number]> | undefined {
    const nodes = this.cy.nodes();
    if (nodes.length > limit) return undefined;
    const out: Record<string, [number, number]> = {};
    nodes.forEach((n) => { const p = n.position(); out[n.id()] = [Math.round(p.x), Math.round(p.y)]; });
    return out;
  }

  png(): string {
    const bb = this.cy.elements(':visible').boundingBox();
    const scale = Math.max(0.25, Math.min(2, 4000 / Math.max(1, bb.w, bb.h)));
    return this.cy.png({ output: 'base64uri', full: true, bg: this.palette.background, scale });
  }
}
