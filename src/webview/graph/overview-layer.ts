// The zoomed-out overview of a big graph, drawn on a canvas of our own under
// cytoscape's. Cytoscape's canvas renderer draws every element again at any
// change, each with its own bounding box, texture lookup and image draw: a
// thousand nodes cost it ~10 ms a step. Here the elements that look alike
// are one path and one fill or stroke (a handful for thousands of elements),
// all redrawn when a step is drawn, the view moves or a node is dragged. In
// that mode the stylesheet hides cytoscape's own nodes and edges (style.ts);
// it draws them again as soon as the labels come back (zoomed in), and for an
// export. The looks are cytoscape's overview looks (`overviewEdgeLook`,
// `overviewNodeLook` in style.ts): edges as straight lines between node
// centres under the nodes, then each node's underlay, body and border,
// outline and overlay, sized in model units like cytoscape's.

import type { Core } from 'cytoscape';

export interface EdgeLook { color: string; width: number; opacity: number; dashed: boolean }
export interface LayerEdge { source: string; target: string; look: EdgeLook }

export type NodeShape = 'round-rectangle' | 'ellipse' | 'cut-rectangle';
export interface Halo { color: string; padding: number; opacity: number }
export interface NodeLook {
  shape: NodeShape;
  fill: string;
  border: string;
  borderWidth: number;
  borderStyle: 'solid' | 'dashed' | 'dotted' | 'double';
  opacity: number;
  outline: { color: string; width: number; offset: number; opacity: number } | null;
  underlay: Halo | null;
  overlay: Halo | null;
}
export interface LayerNode { x: number; y: number; w: number; h: number; look: NodeLook }

/**
 * Add a node's shape, grown by `grow` on every side, to `path` (cytoscape's shapes and corner sizes). Corners
 * smaller than `pixel` (a screen pixel) are drawn square: the same on screen, and much cheaper.
 */
function addShape(path: Path2D, shape: NodeShape, x: number, y: number, w: number, h: number, grow: number, pixel: number): void {
  const hw = w / 2 + grow, hh = h / 2 + grow;
  if (hw <= 0 || hh <= 0) return;
  if (shape === 'ellipse') {
    path.moveTo(x + hw, y);
    path.ellipse(x, y, hw, hh, 0, 0, 2 * Math.PI);
    return;
  }
  const k = Math.min(w / 4, h / 4, 8) + (grow > 0 ? grow / 2 : 0);
  if (k < pixel) {
    path.rect(x - hw, y - hh, 2 * hw, 2 * hh);
    return;
  }
  if (shape === 'cut-rectangle') {
    path.moveTo(x - hw + k, y - hh);
    path.lineTo(x + hw - k, y - hh); path.lineTo(x + hw, y - hh + k);
    path.lineTo(x + hw, y + hh - k); path.lineTo(x + hw - k, y + hh);
    path.lineTo(x - hw + k, y + hh); path.lineTo(x - hw, y + hh - k);
    path.lineTo(x - hw, y - hh + k);
    path.closePath();
    return;
  }
  path.roundRect(x - hw, y - hh, 2 * hw, 2 * hh, Math.max(0, Math.min(k, hw, hh)));
}

const DASHES: Record<NodeLook['borderStyle'], number[]> = { solid: [], dashed: [4, 2], dotted: [1, 1], double: [] };

export class OverviewLayer {
  private readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private frame = 0;
  private active = false;

  /**
   * `edges()` and `nodes()` give what to draw (null: nothing), `position(id)` a node's model position (undefined: not drawn).
   */
  constructor(private readonly container: HTMLElement, private readonly cy: Core,
    private readonly edges: () => Iterable<LayerEdge> | null, private readonly nodes: () => Iterable<LayerNode> | null,
    private readonly position: (id: string) => { x: number; y: number } | undefined) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'overview-layer';
    this.canvas.setAttribute('aria-hidden', 'true');
    this.canvas.style.position = 'absolute';
    this.canvas.style.left = '0';
    this.canvas.style.top = '0';
    this.canvas.style.pointerEvents = 'none';
    // Under cytoscape's canvases (added to the container after it, positioned, z-index 0).
    container.insertBefore(this.canvas, container.firstChild);
    this.ctx = this.canvas.getContext('2d')!;
    const later = () => this.schedule();
    cy.on('viewport resize', later);
    cy.on('position', 'node', later);
  }

  /** Draw the overview (true) or nothing (false). */
  setActive(on: boolean): void {
    if (on === this.active) return;
    this.active = on;
    this.schedule();
  }

  get isActive(): boolean { return this.active; }

  /** Redraw at the next frame (cytoscape draws at its own, in the same frame). */
  schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => { this.frame = 0; this.draw(); });
  }

  /** Draw now what a frame was scheduled for (the step's drawing is complete: no need to wait for the frame). */
  drawIfScheduled(): void {
    if (!this.frame) return;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.draw();
  }

  draw(): void {
    const c = this.canvas, ctx = this.ctx;
    const dpr = window.devicePixelRatio || 1;
    const w = this.container.clientWidth, h = this.container.clientHeight;
    if (c.width !== Math.round(w * dpr) || c.height !== Math.round(h * dpr)) {
      c.width = Math.round(w * dpr);
      c.height = Math.round(h * dpr);
      c.style.width = `${w}px`;
      c.style.height = `${h}px`;
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, c.width, c.height);
    if (!this.active) return;
    const zoom = this.cy.zoom(), pan = this.cy.pan();
    ctx.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * pan.x, dpr * pan.y);
    const edges = this.edges();
    if (edges) this.drawEdges(edges);
    const nodes = this.nodes();
    if (nodes) this.drawNodes(nodes, 1 / zoom);
    ctx.globalAlpha = 1;
    ctx.setLineDash([]);
  }

  /** One path per look; faint ones first, so the highlighted ones (new, cycles) stay on top. */
  private drawEdges(edges: Iterable<LayerEdge>): void {
    const ctx = this.ctx;
    const groups = new Map<string, { look: EdgeLook; path: Path2D }>();
    for (const e of edges) {
      const a = this.position(e.source), b = this.position(e.target);
      if (!a || !b) continue;
      const key = `${e.look.color}|${e.look.width}|${e.look.opacity}|${e.look.dashed}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { look: e.look, path: new Path2D() }));
      if (e.source === e.target) {
        // A reference to itself: a small loop above and to the right of the node's centre.
        g.path.moveTo(a.x, a.y);
        g.path.bezierCurveTo(a.x - 6, a.y - 40, a.x + 40, a.y + 6, a.x, a.y);
      } else {
        g.path.moveTo(a.x, a.y);
        g.path.lineTo(b.x, b.y);
      }
    }
    const order = [...groups.values()].sort((x, y) => x.look.opacity - y.look.opacity || x.look.width - y.look.width);
    for (const { look, path } of order) {
      ctx.globalAlpha = look.opacity;
      ctx.strokeStyle = look.color;
      ctx.lineWidth = look.width;
      ctx.setLineDash(look.dashed ? [6, 4] : []);
      ctx.stroke(path);
    }
    ctx.setLineDash([]);
  }

  /**
   * Nodes grouped by look (looks are shared objects); each part of the look over all nodes before the next part.
   * Borders and outlines are at least `hairline` wide (a screen pixel), as cytoscape's element textures draw them.
   */
  private drawNodes(nodes: Iterable<LayerNode>, hairline: number): void {
    const ctx = this.ctx;
    const groups = new Map<NodeLook, LayerNode[]>();
    for (const n of nodes) {
      const g = groups.get(n.look);
      if (g) g.push(n); else groups.set(n.look, [n]);
    }
    const shapes = (list: LayerNode[], shape: NodeShape, grow: number) => {
      const p = new Path2D();
      for (const n of list) addShape(p, shape, n.x, n.y, n.w, n.h, grow, hairline);
      return p;
    };
    const halo = (which: 'underlay' | 'overlay') => {
      for (const [look, list] of groups) {
        const h = look[which];
        if (!h) continue;
        ctx.globalAlpha = look.opacity * h.opacity;
        ctx.fillStyle = h.color;
        ctx.fill(shapes(list, 'round-rectangle', h.padding));
      }
    };
    halo('underlay');
    for (const [look, list] of groups) {
      ctx.globalAlpha = look.opacity;
      const body = shapes(list, look.shape, 0);
      ctx.fillStyle = look.fill;
      ctx.fill(body);
      if (look.borderWidth > 0) {
        ctx.strokeStyle = look.border;
        ctx.setLineDash(DASHES[look.borderStyle]);
        if (look.borderStyle === 'double') {
          // Two lines, each a third of the width, at the border's outer and inner thirds.
          const t = look.borderWidth / 3;
          ctx.lineWidth = Math.max(t, hairline);
          ctx.stroke(shapes(list, look.shape, t));
          ctx.stroke(shapes(list, look.shape, -t));
        } else {
          ctx.lineWidth = Math.max(look.borderWidth, hairline);
          ctx.stroke(body);
        }
      }
      const o = look.outline;
      if (o) {
        ctx.setLineDash([]);
        ctx.globalAlpha = look.opacity * o.opacity;
        ctx.strokeStyle = o.color;
        ctx.lineWidth = Math.max(o.width, hairline);
        ctx.stroke(shapes(list, look.shape, look.borderWidth / 2 + o.offset + o.width / 2));
      }
    }
    ctx.setLineDash([]);
    halo('overlay');
  }
}
