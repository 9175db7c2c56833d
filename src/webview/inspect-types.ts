// The shapes window.__pygcPanel returns (see inspect.ts): plain data, no DOM,
// so the Node-side tests can use them too.

export interface InspectNode {
  id: string; label: string; classes: string[]; visible: boolean; selected: boolean;
  /** Model position and position on screen (CSS pixels inside the graph box). */
  x: number; y: number; screenX: number; screenY: number;
  background: string; border: string; borderStyle: string; outlineWidth: number; underlayOpacity: number; opacity: number;
  borderWidth: number; shape: string; overlayOpacity: number;
  /** In the overview, the look the overview layer draws it with (overview-layer.ts NodeLook). */
  layer?: {
    shape: string; fill: string; border: string; borderWidth: number; borderStyle: string; opacity: number;
    outline: { color: string; width: number } | null; underlay: { color: string; opacity: number } | null; overlay: { color: string; opacity: number } | null;
  };
}

export interface InspectEdge { id: string; source: string; target: string; label: string; classes: string[]; visible: boolean; color: string }

export interface InspectMarker { step: number; generation: number; automatic: boolean; collected: number; uncollectable: number; x: number }

export interface InspectChart {
  series: Record<string, number[]>;
  markers: InspectMarker[];
  step: number;
  /** Each generation's threshold at each step (as drawn). */
  thresholds: number[][];
  /** The plotting area in CSS pixels, relative to the chart box. */
  plot: { left: number; top: number; width: number; height: number } | null;
}

export interface InspectTiming { step: number; update: number; frame: number; nodes: number }

export interface PanelInspect {
  nodes(): InspectNode[];
  edges(): InspectEdge[];
  chart(): InspectChart;
  /** Durations (ms) of the panel's updates: until the message was handled, and until the next frame. */
  timings(): InspectTiming[];
}
