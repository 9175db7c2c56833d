// Dragging a node in the overview. There the nodes are hidden from cytoscape
// (the overview layer draws them), so a press on one reaches cytoscape as a press
// on the background, which would pan the view: while the overview is shown, a
// press on a node (found by `nodeAt`) turns panning off and moves that node with
// the pointer until it is released. Taps are handled by the view (view.ts).

import type { Core, EventObject, NodeSingular } from 'cytoscape';

export interface OverviewPointer {
  /** The overview layer draws the nodes. */
  active(): boolean;
  /** The node under a model position, if any. */
  nodeAt(p: { x: number; y: number }): NodeSingular | null;
  /** A node was dragged to its new place. */
  dropped(n: NodeSingular): void;
}

export function wireOverviewPointer(cy: Core, o: OverviewPointer): void {
  let drag: { node: NodeSingular; dx: number; dy: number; panning: boolean; moved: boolean } | null = null;
  cy.on('tapstart', (e: EventObject) => {
    if (e.target !== cy || !o.active()) return;
    const node = o.nodeAt(e.position);
    if (!node || node.locked() || !node.grabbable()) return;
    const p = node.position();
    drag = { node, dx: e.position.x - p.x, dy: e.position.y - p.y, panning: cy.userPanningEnabled(), moved: false };
    cy.userPanningEnabled(false);
  });
  cy.on('tapdrag', (e: EventObject) => {
    if (!drag) return;
    drag.moved = true;
    drag.node.position({ x: e.position.x - drag.dx, y: e.position.y - drag.dy });
  });
  cy.on('tapend', () => {
    if (!drag) return;
    const d = drag;
    drag = null;
    cy.userPanningEnabled(d.panning);
    if (d.moved && d.node.inside()) o.dropped(d.node);
  });
}
