// The graph's cytoscape stylesheet, from the theme's palette. Visual channels:
// fill = generation; border = tracking (dashed: untracked), finalized (dotted),
// gc.garbage (double, red); outline = member of a reference cycle; underlay =
// the collection in progress (candidate, gc_refs 0 after subtract_refs,
// unreachable); overlay = changed since the previous step. Big graphs get a
// lighter variant (straight edges; zoomed out, no labels nor arrowheads, and the
// nodes and edges drawn by the overview layer — overview-layer.ts — with
// `overviewNodeLook` and `overviewEdgeLook`, which follow the same rules).

import type { StylesheetJson } from 'cytoscape';
import { blend, type Palette } from '../theme';
import type { EdgeLook, NodeLook } from './overview-layer';

/** A node's fill: its colour blended into the background (the background itself in high contrast). */
function tinter(p: Palette): (c: string) => string {
  const hc = p.kind === 'high-contrast' || p.kind === 'high-contrast-light';
  return (c) => (hc ? p.background : blend(c, p.background, p.kind === 'light' ? 0.22 : 0.3));
}

/** A node's look in the overview, from its classes (and whether it is selected): the node rules of `graphStyle`,
 *  applied in the same order (a later rule wins). Null: not drawn. */
export function overviewNodeLook(p: Palette, classes: string, selected: boolean): NodeLook | null {
  const has = (c: string) => (` ${classes} `).includes(` ${c} `);
  if (has('off')) return null;
  const tint = tinter(p);
  const hc = p.kind === 'high-contrast' || p.kind === 'high-contrast-light';
  const look: NodeLook = {
    shape: 'round-rectangle', fill: p.background, border: p.muted, borderWidth: hc ? 2 : 1.5, borderStyle: 'solid', opacity: 1,
    outline: null, underlay: null, overlay: null,
  };
  (['gen0', 'gen1', 'gen2', 'perm'] as const).forEach((g, i) => { if (has(g)) { look.fill = tint(p.gen[i]); look.border = p.gen[i]; } });
  if (has('collecting')) { look.fill = tint(p.collecting); look.border = p.collecting; }
  if (has('untracked')) { look.fill = p.background; look.border = p.muted; look.borderStyle = 'dashed'; }
  if (has('atom')) { look.shape = 'ellipse'; look.borderStyle = 'dashed'; }
  if (has('finalized')) { look.borderStyle = 'dotted'; look.borderWidth = 3; }
  if (has('garbage')) { look.borderStyle = 'double'; look.borderWidth = 5; look.border = p.cycle; }
  if (has('cycle')) look.outline = { color: p.cycle, width: 2.5, offset: 3, opacity: 0.9 };
  if (has('root')) { look.shape = 'cut-rectangle'; look.fill = tint(p.link); look.border = p.link; look.borderWidth = 2; }
  if (has('group')) { look.shape = 'round-rectangle'; look.fill = tint(p.muted); look.border = p.foreground; look.borderWidth = 2; look.borderStyle = 'double'; }
  if (has('candidate')) look.underlay = { color: p.focus, padding: 7, opacity: 0.35 };
  if (has('gcrefs0')) look.underlay = { color: p.error, padding: look.underlay?.padding ?? 0, opacity: 0.35 };
  if (has('unreachable')) look.underlay = { color: p.error, padding: 10, opacity: 0.75 };
  if (has('changed')) look.overlay = { color: p.warning, padding: 5, opacity: 0.22 };
  if (has('new')) look.overlay = { color: p.warning, padding: 6, opacity: 0.32 };
  if (has('freed')) { look.borderStyle = 'dashed'; look.opacity = 0.5; }
  if (selected) { look.border = p.focus; look.borderWidth = 4; look.borderStyle = 'solid'; }
  if (has('dim')) look.opacity = 0.18;
  if (has('match')) { look.border = p.focus; look.borderWidth = 3; }
  return look;
}

/** An edge's look in the overview (a big graph zoomed out), from its classes: the rules of `graphStyle` for edges
 *  without labels nor arrowheads, applied in the same order (a later rule wins). Null: not drawn. */
export function overviewEdgeLook(p: Palette, classes: string): EdgeLook | null {
  const has = (c: string) => (` ${classes} `).includes(` ${c} `);
  if (has('off')) return null;
  const look: EdgeLook = { color: p.muted, width: 1.3, opacity: 1, dashed: false };
  if (has('rootref')) { look.color = p.link; look.width = 1.8; }
  if (has('faint')) look.opacity = 0.35;
  if (has('cycle')) { look.color = p.cycle; look.width = 2.4; }
  if (has('agg')) { look.width = 2; look.dashed = true; }
  if (has('new')) { look.color = p.warning; look.width = 2.6; }
  if (has('dim')) look.opacity = 0.18;
  return look;
}

/** `big`: a graph of hundreds of nodes — straight edges (no curve fitting), loops still curved, and
 *  no labels while zoomed out too far to read them (`labels` false: nothing to measure or draw); then
 *  no arrowheads either (a few pixels at that zoom) and edges are drawn as haystack lines. */
export function graphStyle(p: Palette, big = false, labels = true, ownLayer = true): StylesheetJson {
  // A big graph zoomed out: an overview, edges as plain lines (cytoscape's cheapest kind) without arrowheads.
  const overview = big && !labels;
  const arrow = (c: string) => (overview ? {} : { 'target-arrow-color': c });
  const loop = { 'control-point-step-size': 26, 'loop-sweep': '-60deg' };
  const hc = p.kind === 'high-contrast' || p.kind === 'high-contrast-light';
  const tint = tinter(p);
  const font = `${Math.round(p.fontSize * 0.92)}px`;
  const genStyles = (['gen0', 'gen1', 'gen2', 'perm'] as const).map((g, i) => ({
    selector: `node.${g}`,
    style: { 'background-color': tint(p.gen[i]), 'border-color': p.gen[i] },
  }));
  return [
    {
      selector: 'node',
      style: {
        shape: 'round-rectangle',
        width: 'data(w)',
        height: 'data(h)',
        ...(labels ? {
          label: 'data(label)',
          'text-wrap': 'wrap',
          'text-valign': 'center',
          'text-halign': 'center',
          'font-family': p.fontFamily,
          'font-size': font,
          'line-height': 1.3,
          color: p.foreground,
          'min-zoomed-font-size': 6,
        } : {}),
        'background-color': p.background,
        'border-width': hc ? 2 : 1.5,
        'border-color': p.muted,
      },
    },
    ...genStyles,
    { selector: 'node.collecting', style: { 'background-color': tint(p.collecting), 'border-color': p.collecting } },
    { selector: 'node.untracked', style: { 'background-color': p.background, 'border-color': p.muted, 'border-style': 'dashed' } },
    { selector: 'node.atom', style: { shape: 'ellipse', 'border-style': 'dashed' } },
    { selector: 'node.finalized', style: { 'border-style': 'dotted', 'border-width': 3 } },
    { selector: 'node.garbage', style: { 'border-style': 'double', 'border-width': 5, 'border-color': p.cycle } },
    {
      selector: 'node.cycle',
      style: { 'outline-width': 2.5, 'outline-color': p.cycle, 'outline-offset': 3, 'outline-opacity': 0.9 },
    },
    {
      selector: 'node.root',
      style: {
        shape: 'cut-rectangle',
        'background-color': tint(p.link),
        'border-color': p.link,
        'border-width': 2,
        'font-weight': 'bold',
      },
    },
    {
      selector: 'node.group',
      style: { shape: 'round-rectangle', 'background-color': tint(p.muted), 'border-color': p.foreground, 'border-width': 2, 'border-style': 'double' },
    },
    { selector: 'node.candidate', style: { 'underlay-color': p.focus, 'underlay-padding': 7, 'underlay-opacity': 0.35, 'underlay-shape': 'round-rectangle' } },
    { selector: 'node.gcrefs0', style: { 'underlay-color': p.error, 'underlay-opacity': 0.35 } },
    { selector: 'node.unreachable', style: { 'underlay-color': p.error, 'underlay-padding': 10, 'underlay-opacity': 0.75, 'underlay-shape': 'round-rectangle' } },
    { selector: 'node.changed', style: { 'overlay-color': p.warning, 'overlay-opacity': 0.22, 'overlay-padding': 5 } },
    { selector: 'node.new', style: { 'overlay-color': p.warning, 'overlay-opacity': 0.32, 'overlay-padding': 6 } },
    { selector: 'node.freed', style: { 'border-style': 'dashed', opacity: 0.5 } },
    { selector: 'node:selected', style: { 'border-color': p.focus, 'border-width': 4, 'border-style': 'solid' } },
    {
      selector: 'edge',
      style: {
        width: 1.3,
        'curve-style': overview ? 'haystack' : big ? 'straight' : 'bezier',
        'line-color': p.muted,
        // Each property set costs cytoscape work per element: the overview sets only what it draws.
        ...(overview ? {} : { 'target-arrow-color': p.muted, 'target-arrow-shape': 'triangle', ...loop }),
        ...(labels ? {
          label: 'data(label)',
          'font-family': p.fontFamily,
          'font-size': `${Math.round(p.fontSize * 0.8)}px`,
          color: p.foreground,
          'text-background-color': p.background,
          'text-background-opacity': 0.85,
          'text-rotation': 'autorotate',
          'min-zoomed-font-size': 7,
        } : {}),
      },
    },
    ...(big ? [{ selector: 'edge:loop', style: { 'curve-style': 'bezier', ...loop } }] as StylesheetJson : []),
    { selector: 'edge.rootref', style: { 'line-color': p.link, ...arrow(p.link), width: 1.8 } },
    { selector: 'edge.faint', style: { opacity: 0.35 } },
    { selector: 'edge.cycle', style: { 'line-color': p.cycle, ...arrow(p.cycle), width: 2.4 } },
    { selector: 'edge.agg', style: { width: 2, 'line-style': 'dashed' } },
    { selector: 'edge.new', style: { 'line-color': p.warning, ...arrow(p.warning), width: 2.6 } },
    { selector: '.dim', style: { opacity: 0.18 } },
    { selector: '.match', style: { 'border-color': p.focus, 'border-width': 3 } },
    { selector: '.off', style: { display: 'none' } },
    // The overview's nodes and edges are drawn by the overview layer (overview-layer.ts), with overviewNodeLook and
    // overviewEdgeLook; the nodes stay in cytoscape, hidden, with their positions. (`ownLayer` false: cytoscape draws
    // them, e.g. for an export.)
    ...(overview && ownLayer ? [{ selector: 'edge', style: { display: 'none' } }, { selector: 'node', style: { visibility: 'hidden' } }] as StylesheetJson : []),
  ];
}
