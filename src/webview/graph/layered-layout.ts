// The layout of a big graph (too many nodes for fcose to be quick): bands by
// distance from the roots — roots, what they refer to, what that refers to … —
// each band a block of rows; an object takes the slot of the one that first led
// to it when that slot is free (the two halves of a 2-cycle line up).
// What no root reaches (garbage cycles) forms the last bands. O(nodes + edges).

import type { GraphModel } from './model';
import type { Pos } from './placement';

const GAP_X = 30;
const GAP_Y = 36;
const BAND_GAP = 70;

export function layeredPositions(model: GraphModel, aspect = 2): Map<string, Pos> {
  const out = new Map<string, Pos>();
  const nodes = model.nodes;
  if (!nodes.length) return out;
  const next = new Map<string, string[]>();
  for (const e of model.edges) {
    const l = next.get(e.source);
    if (l) l.push(e.target); else next.set(e.source, [e.target]);
  }
  const depth = new Map<string, number>();
  const parentOf = new Map<string, string>();
  const bands: string[][] = [];
  const bfs = (seeds: string[], base: number) => {
    let frontier = seeds.filter((id) => !depth.has(id));
    for (const id of frontier) depth.set(id, base);
    let d = base;
    while (frontier.length) {
      (bands[d] ??= []).push(...frontier);
      const nextFrontier: string[] = [];
      for (const id of frontier) {
        for (const t of next.get(id) ?? []) if (!depth.has(t)) { depth.set(t, d + 1); parentOf.set(t, id); nextFrontier.push(t); }
      }
      frontier = nextFrontier;
      d++;
    }
    return d;
  };
  let end = bfs(nodes.filter((n) => n.kind === 'root').map((n) => n.id), 0);
  for (const n of nodes) if (!depth.has(n.id)) end = bfs([n.id], end);
  const size = new Map(nodes.map((n) => [n.id, n]));
  let cellW = 0, cellH = 0;
  for (const n of nodes) { cellW = Math.max(cellW, n.w); cellH = Math.max(cellH, n.h); }
  cellW += GAP_X; cellH += GAP_Y;
  const cols = Math.max(6, Math.ceil(Math.sqrt((aspect * nodes.length * cellH) / cellW)));
  // Slots: index = row * cols + column; a band's first row starts at its `top`.
  const slotOf = new Map<string, number>();
  let y = 0;
  for (const band of bands) {
    if (!band?.length) continue;
    const taken = new Set<number>();
    let free = 0;
    const limit = Math.max(band.length, cols) * 2;
    for (const id of band) {
      const p = parentOf.get(id);
      let slot = p !== undefined && depth.get(p) === depth.get(id)! - 1 ? slotOf.get(p) ?? -1 : -1;
      if (slot < 0 || slot >= limit || taken.has(slot)) {
        while (taken.has(free)) free++;
        slot = free;
      }
      taken.add(slot);
      slotOf.set(id, slot);
    }
    let rows = 0;
    for (const id of band) {
      const slot = slotOf.get(id)!;
      const r = Math.floor(slot / cols), c = slot % cols;
      rows = Math.max(rows, r + 1);
      out.set(id, { x: (c - (cols - 1) / 2) * cellW, y: y + r * cellH + size.get(id)!.h / 2 });
    }
    y += rows * cellH + BAND_GAP;
  }
  return out;
}
