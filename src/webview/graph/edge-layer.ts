// The edges of a big graph's zoomed-out overview, drawn on a canvas of their own
// under cytoscape's. Cytoscape's canvas renderer draws every element again at
// any change, each edge with its own path, style lookups and stroke; here the
// edges that look alike are one path and one stroke (a handful for thousands of
// edges), redrawn when a step is drawn, the view moves or a node is dragged.
// In that mode the stylesheet hides cytoscape's own edges (style.ts); they are
// drawn as before, by cytoscape, as soon as the labels come back (zoomed in).
// The look is cytoscape's overview look: straight lines between node centres
// under the nodes, width scaled with the zoom, colour and opacity by class.

import type { Core } from 'cytoscape';

export interface EdgeLook { color: string; width: number; opacity: number; dashed: boolean }
export interface LayerEdge { source: string; target: string; look: EdgeLook }

export class EdgeLayer {
  private readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private frame = 0;
  private active = false;

  /**
   * `edges()` gives the edges to draw (null: none), `position(id)` a node's model position (undefined: not drawn).
   */
  constructor(private readonly container: HTMLElement, private readonly cy: Core,
    private readonly edges: () => Iterable<LayerEdge> | null, private readonly position: (id: string) => { x: number; y: number } | undefined) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'edge-layer';
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

  /** Draw the edges (true) or nothing (false). */
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
    const edges = this.active ? this.edges() : null;
    if (!edges) return;
    const zoom = this.cy.zoom(), pan = this.cy.pan();
    ctx.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * pan.x, dpr * pan.y);
    // One path per look.
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
    // Faint ones first, so the highlighted ones (new, cycles) stay on top.
    const order = [...groups.values()].sort((x, y) => x.look.opacity - y.look.opacity || x.look.width - y.look.width);
    for (const { look, path } of order) {
      ctx.globalAlpha = look.opacity;
      ctx.strokeStyle = look.color;
      ctx.lineWidth = look.width;
      ctx.setLineDash(look.dashed ? [6, 4] : []);
      ctx.stroke(path);
    }
    ctx.globalAlpha = 1;
    ctx.setLineDash([]);
  }
}
