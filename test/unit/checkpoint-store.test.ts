// The checkpoint store on plain JS graphs: after any edits (fields changed,
// added or deleted, arrays resized, Map and Set contents and order, -0 and
// NaN, objects dropped and made again), restoring a checkpoint in place gives
// back exactly the recorded graph, with the same object identities.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CheckpointStore } from '../../src/runtime/checkpoint-store';

class Node { a: unknown = 0; b: unknown = null; constructor(public name: string) {} }

/** A structural picture of the graph (identities numbered in visiting order). */
function picture(root: object): string {
  const ids = new Map<object, number>();
  const out: string[] = [];
  const visit = (v: unknown): string => {
    if (v === null || typeof v !== 'object') return Object.is(v, -0) ? '-0' : typeof v === 'bigint' ? `${v}n` : JSON.stringify(v) ?? String(v);
    const o = v as object;
    let id = ids.get(o);
    if (id !== undefined) return `#${id}`;
    id = ids.size;
    ids.set(o, id);
    let body: string;
    if (Array.isArray(o)) body = `[${o.map(visit).join(',')}]`;
    else if (o instanceof Map) body = `Map{${[...o].map(([k, x]) => `${visit(k)}=>${visit(x)}`).join(',')}}`;
    else if (o instanceof Set) body = `Set{${[...o].map(visit).join(',')}}`;
    else body = `${o.constructor?.name}{${Object.keys(o).map((k) => `${k}:${visit((o as Record<string, unknown>)[k])}`).join(',')}}`;
    out.push(`#${id}=${body}`);
    return `#${id}`;
  };
  visit(root);
  return out.join(' ');
}

test('restoring in place undoes every kind of edit, keeping identities', () => {
  const n1 = new Node('n1');
  const n2 = new Node('n2');
  n1.b = n2;
  n2.b = n1; // a cycle
  const root = { list: [n1, n2, 3], map: new Map<unknown, unknown>([['k', n1], [2, -0]]), set: new Set<unknown>([n2, 'x']), num: 0, nan: NaN, big: 10n };
  const store = new CheckpointStore();
  const cp0 = store.take(root, new Set());
  const before = picture(root);
  const ids = [n1, n2, root.list, root.map, root.set];

  // Edit everything.
  n1.a = -0;
  (n1 as unknown as Record<string, unknown>).extra = 'added';
  delete (n2 as unknown as Record<string, unknown>).a;
  root.list.length = 1;
  root.list.push(new Node('n3'), 7, 8);
  root.map.delete('k');
  root.map.set('k', n2);
  root.map.set(2, 0);
  root.set.delete(n2);
  root.set.add(n2);
  root.set.add(new Node('n4'));
  root.num = -0;
  root.nan = 1;
  root.big = 11n;
  const cp1 = store.take(root, new Set());
  const after = picture(root);
  assert.notEqual(after, before);

  assert.ok(store.restore(cp0) > 0);
  assert.equal(picture(root), before);
  assert.deepEqual([n1, n2, root.list, root.map, root.set], ids, 'same objects, not copies');
  assert.equal(store.restore(cp0), 0, 'nothing left to write');

  assert.ok(store.restore(cp1) > 0);
  assert.equal(picture(root), after);
  store.restore(cp0);
  assert.equal(picture(root), before);
});

test('records are shared between checkpoints while an object does not change', () => {
  const nodes = Array.from({ length: 100 }, (_, i) => new Node(`n${i}`));
  const root = { nodes };
  const store = new CheckpointStore();
  const first = store.take(root, new Set());
  nodes[5].a = 1;
  const second = store.take(root, new Set());
  assert.equal(second.pairs.length, first.pairs.length);
  let shared = 0;
  for (let i = 1; i < first.pairs.length; i += 2) if (first.pairs[i] === second.pairs[i]) shared++;
  assert.equal(shared, first.pairs.length / 2 - 1, 'only the changed node has a new record');
  assert.ok(second.bytes < first.bytes / 4);
});

test('objects in the share set and immutable leaves are kept by reference, not walked', () => {
  const sink = { written: [] as string[] };
  const bytes = new Uint8Array([1, 2]);
  const root = { sink, bytes, f: () => 1 };
  const store = new CheckpointStore();
  const cp = store.take(root, new Set([sink]));
  sink.written.push('x');
  root.bytes = new Uint8Array([3]);
  store.restore(cp);
  assert.equal(root.bytes, bytes);
  assert.deepEqual(sink.written, ['x'], 'the shared object is not restored');
});
