// Where a node that appears between two steps goes, without moving any node
// already drawn: next to the nodes it is connected to, on the first free spot of
// growing rings around them; a node with no placed neighbour goes to the right
// of everything. Cost O(new nodes × candidate spots), whatever the graph's size.

export interface Pos { x: number; y: number }
export interface Size { w: number; h: number }

const CELL = 100;
const GAP = 18;

class Occupancy {
  private cells = new Map<string, { p: Pos; s: Size }[]>();
  add(p: Pos, s: Size): void {
    const k = `${Math.floor(p.x / CELL)},${Math.floor(p.y / CELL)}`;
    const l = this.cells.get(k);
    if (l) l.push({ p, s }); else this.cells.set(k, [{ p, s }]);
  }
  free(p: Pos, s: Size): boolean {
    const cx = Math.floor(p.x / CELL), cy = Math.floor(p.y / CELL);
    for (let dx = -3; dx <= 3; dx++) {
      for (let dy = -2; dy <= 2; dy++) {
        const l = this.cells.get(`${cx + dx},${cy + dy}`);
        if (!l) continue;
        for (const o of l) {
          if (Math.abs(o.p.x - p.x) < (o.s.w + s.w) / 2 + GAP && Math.abs(o.p.y - p.y) < (o.s.h + s.h) / 2 + GAP) return false;
        }
      }
    }
    return true;
  }
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0) / 4294967296;
}

/**
 * Positions for `fresh` nodes. `placed` holds every node that keeps its position;
 * `neighbours` lists each node's neighbours (both directions).
 */
export function placeNew(
  fresh: readonly string[], neighbours: (id: string) => readonly string[],
  placed: ReadonlyMap<string, Pos>, sizeOf: (id: string) => Size,
): Map<string, Pos> {
  const out = new Map<string, Pos>();
  if (!fresh.length) return out;
  const occ = new Occupancy();
  let maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (const [id, p] of placed) {
    const s = sizeOf(id);
    occ.add(p, s);
    maxX = Math.max(maxX, p.x + s.w / 2);
    minY = Math.min(minY, p.y); maxY = Math.max(maxY, p.y);
  }
  if (maxX === -Infinity) { maxX = 0; minY = 0; maxY = 0; }
  const pos = (id: string) => placed.get(id) ?? out.get(id);
  const pending = new Set(fresh);
  let column = 0;

  const spotNear = (id: string, centre: Pos): Pos => {
    const s = sizeOf(id);
    const a0 = hash(id) * Math.PI * 2;
    let last = centre;
    for (let ring = 1; ring <= 10; ring++) {
      const r = ring * 85;
      const steps = 8 + ring * 4;
      for (let k = 0; k < steps; k++) {
        const a = a0 + (k * Math.PI * 2) / steps;
        const p = { x: centre.x + Math.cos(a) * r * 1.4, y: centre.y + Math.sin(a) * r };
        last = p;
        if (occ.free(p, s)) return p;
      }
    }
    return last;
  };

  while (pending.size) {
    // Nodes with a placed neighbour first, in a breadth-first order.
    let progressed = false;
    for (const id of [...pending]) {
      const ns = neighbours(id).map(pos).filter((p): p is Pos => p !== undefined);
      if (!ns.length) continue;
      const c = { x: ns.reduce((t, p) => t + p.x, 0) / ns.length, y: ns.reduce((t, p) => t + p.y, 0) / ns.length };
      const p = spotNear(id, c);
      out.set(id, p);
      occ.add(p, sizeOf(id));
      pending.delete(id);
      progressed = true;
    }
    if (progressed) continue;
    // A node with nothing placed around it starts a new spot to the right.
    const id = pending.values().next().value as string;
    const p = spotNear(id, { x: maxX + 160 + column * 40, y: (minY + maxY) / 2 });
    column++;
    out.set(id, p);
    occ.add(p, sizeOf(id));
    pending.delete(id);
  }
  return out;
}
