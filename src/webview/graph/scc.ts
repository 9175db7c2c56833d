// Strongly connected components of the object graph (Tarjan's algorithm,
// iterative so a long chain cannot overflow the stack). A component of two or
// more objects, or one object that refers to itself, is a reference cycle:
// refcounting alone can never free it.

export interface Cycles {
  /** Object id → index of its cycle (only objects in a cycle). */
  cycleOf: Map<number, number>;
  /** Members of each cycle. */
  members: number[][];
}

export function findCycles(ids: readonly number[], edges: readonly { from: number; to: number }[]): Cycles {
  const index = new Map<number, number>();
  ids.forEach((id, i) => index.set(id, i));
  const n = ids.length;
  const adjStart = new Int32Array(n + 1);
  const selfLoop = new Uint8Array(n);
  for (const e of edges) {
    const a = index.get(e.from), b = index.get(e.to);
    if (a === undefined || b === undefined) continue;
    adjStart[a + 1]++;
    if (a === b) selfLoop[a] = 1;
  }
  for (let i = 0; i < n; i++) adjStart[i + 1] += adjStart[i];
  const adj = new Int32Array(adjStart[n]);
  const fill = adjStart.slice(0, n);
  for (const e of edges) {
    const a = index.get(e.from), b = index.get(e.to);
    if (a === undefined || b === undefined) continue;
    adj[fill[a]++] = b;
  }
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const work: number[] = []; // pairs: node, next edge offset
  const cycleOf = new Map<number, number>();
  const members: number[][] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    work.push(root, adjStart[root]);
    order[root] = low[root] = counter++;
    stack.push(root); onStack[root] = 1;
    while (work.length) {
      const v = work[work.length - 2];
      const ei = work[work.length - 1];
      if (ei < adjStart[v + 1]) {
        work[work.length - 1] = ei + 1;
        const w = adj[ei];
        if (order[w] === -1) {
          order[w] = low[w] = counter++;
          stack.push(w); onStack[w] = 1;
          work.push(w, adjStart[w]);
        } else if (onStack[w] && order[w] < low[v]) low[v] = order[w];
        continue;
      }
      work.length -= 2;
      if (work.length) {
        const parent = work[work.length - 2];
        if (low[v] < low[parent]) low[parent] = low[v];
      }
      if (low[v] === order[v]) {
        const comp: number[] = [];
        let w: number;
        do { w = stack.pop()!; onStack[w] = 0; comp.push(ids[w]); } while (w !== v);
        if (comp.length > 1 || selfLoop[v]) {
          const k = members.length;
          members.push(comp);
          for (const id of comp) cycleOf.set(id, k);
        }
      }
    }
  }
  return { cycleOf, members };
}
