// A read-only view of what the panel draws, on window.__pygcPanel, for the
// headless-browser tests and the benchmark (node/edge looks, chart series and
// markers, timings). The panel itself never reads it.

import type { Core } from 'cytoscape';
import type { NodeLook } from './graph/overview-layer';
import type { InspectChart, InspectEdge, InspectTiming, PanelInspect } from './inspect-types';

/** `layerEdges`, `layerNodes`: the edges and the nodes' looks drawn by the overview layer (null: cytoscape draws them). */
export function installInspect(cy: () => Core, chart: () => InspectChart, timings: () => InspectTiming[],
  layerEdges: () => InspectEdge[] | null = () => null, layerNodes: () => Map<string, NodeLook> | null = () => null): void {
  const api: PanelInspect = {
    nodes: () => {
      const drawn = layerNodes();
      return cy().nodes().map((n) => ({
        id: n.id(), label: String(n.data('label') ?? ''), classes: n.classes(), visible: drawn ? drawn.has(n.id()) : n.visible(), selected: n.selected(),
        x: n.position().x, y: n.position().y, screenX: n.renderedPosition().x, screenY: n.renderedPosition().y,
        background: String(n.style('background-color')), border: String(n.style('border-color')),
        borderStyle: String(n.style('border-style')), outlineWidth: parseFloat(String(n.style('outline-width'))) || 0,
        underlayOpacity: parseFloat(String(n.style('underlay-opacity'))) || 0, opacity: parseFloat(String(n.style('opacity'))),
        borderWidth: parseFloat(String(n.style('border-width'))) || 0, shape: String(n.style('shape')),
        overlayOpacity: parseFloat(String(n.style('overlay-opacity'))) || 0,
        ...(drawn?.has(n.id()) ? { layer: drawn.get(n.id()) } : {}),
      }));
    },
    edges: () => layerEdges() ?? cy().edges().map((e) => ({
      id: e.id(), source: e.source().id(), target: e.target().id(), label: String(e.data('label') ?? ''),
      classes: e.classes(), visible: e.visible(), color: String(e.style('line-color')),
    })),
    chart,
    timings,
  };
  (window as unknown as { __pygcPanel: PanelInspect }).__pygcPanel = api;
}
