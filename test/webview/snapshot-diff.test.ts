// Snapshot diffs (src/protocol/snapshot-diff.ts) in Node, on recorded runs of
// the article's examples: applying the diff between any two recorded steps
// (forwards, backwards, far apart — the debugger's step back and go to step) to
// the first gives the second; the host's sender (src/extension/gc-panel-sender.ts)
// sends the first state whole and then diffs that validate; diffs that do not
// fit their base are refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isHostToPanel } from '../../src/protocol/panel-messages';
import type { EdgeInfo, Snapshot, Timeline } from '../../src/protocol/snapshot';
import { applySnapshotDiff, applyTimelineDiff, diffSnapshots, diffTimelines } from '../../src/protocol/snapshot-diff';
import { PanelStateSender } from '../../src/extension/gc-panel-sender';
import { loadFixture } from './harness';

const edgeSet = (es: EdgeInfo[]) => es.map((e) => `${e.from}>${e.to}>${e.label}`).sort();

function assertSame(got: Snapshot, want: Snapshot, what: string): void {
  const { edges: ge, ...g } = got;
  const { edges: we, ...w } = want;
  assert.deepEqual(g, w, what);
  assert.deepEqual(edgeSet(ge), edgeSet(we), `${what}: references`);
}

const FIXTURES = ['c_cycle_leak', 'd_collect_debug_stats', 'e_get_count', 'f_uncollectable_del', 'thresholds', 'hostile_names'];

test('snapshot diff: base + diff(base, next) = next for consecutive, backward and far-apart steps', () => {
  let pairs = 0, changed = 0, reordered = 0;
  for (const name of FIXTURES) {
    const ss = loadFixture(name).snapshots;
    const n = ss.length;
    const idx: [number, number][] = [];
    for (let i = 0; i + 1 < n; i++) idx.push([i, i + 1], [i + 1, i]);
    for (let i = 0; i < n; i += 7) idx.push([i, n - 1 - i], [n - 1 - i, i], [0, i]);
    for (const [a, b] of idx) {
      const d = diffSnapshots(ss[a], ss[b]);
      const m = { type: 'snapshotDiff', base: 1, id: 2, diff: d };
      assert.ok(isHostToPanel(m), `${name} ${a}→${b}: a valid message`);
      assertSame(applySnapshotDiff(ss[a], d), ss[b], `${name} ${a}→${b}`);
      pairs++;
      if (d.objects.length || d.removed.length || d.edgesAdded.length || d.edgesRemoved.length) changed++;
      if (d.order) { reordered++; assert.ok(d.order.length <= 2 * ss[b].objects.length, 'the order as runs'); }
    }
  }
  assert.ok(pairs > 500 && changed > pairs / 3 && reordered > 10, `${pairs} pairs, ${changed} with changes, ${reordered} reordered`);
});

test('snapshot diff: a diff is small when little changed, and shares the unchanged objects with its base', () => {
  const ss = loadFixture('d_collect_debug_stats').snapshots;
  const [a, b] = ss.slice(-2);
  const d = diffSnapshots(a, b);
  assert.ok(d.objects.length < a.objects.length / 2, `${d.objects.length} of ${a.objects.length} objects sent`);
  const r = applySnapshotDiff(a, d);
  const sent = new Set(d.objects);
  for (const o of r.objects) if (!sent.has(o)) assert.ok(a.objects.includes(o), 'an unchanged object is the base\'s');
  assert.deepEqual(diffSnapshots(a, a).objects, []);
});

test('snapshot diff: a diff that does not fit its base throws', () => {
  const ss = loadFixture('c_cycle_leak').snapshots;
  const withMore = ss.find((s) => s.objects.length > ss[0].objects.length + 1)!;
  const d = diffSnapshots(withMore, ss[0]);
  assert.ok(d.removed.length > 0);
  // Applied to a base that lacks the objects it removes.
  assert.throws(() => applySnapshotDiff(ss[0], d), /not in the base/);
  const e = diffSnapshots(ss[0], withMore);
  assert.throws(() => applySnapshotDiff(ss[0], { ...e, removed: [...e.removed, 987654] }), /not in the base/);
  assert.throws(() => applySnapshotDiff(ss[0], { ...e, edgesRemoved: [{ from: 1, to: 2, label: 'nope' }] }), /reference to remove/);
  const n = ss[0].objects.length - e.removed.length + e.objects.filter((o) => !ss[0].objects.some((x) => x.id === o.id)).length;
  assert.throws(() => applySnapshotDiff(ss[0], { ...e, order: [1, 2, 3] }), /pairs/);
  assert.throws(() => applySnapshotDiff(ss[0], { ...e, order: [0, n, 0, 1] }), /range|twice/);
  assert.throws(() => applySnapshotDiff(ss[0], { ...e, order: [1, n - 1, 1, 1] }), /twice/);
  assert.throws(() => applySnapshotDiff(ss[0], { ...e, order: [1, n - 1] }), /every object/);
  assert.equal(applySnapshotDiff(ss[0], { ...e, order: [1, n - 1, 0, 1] }).objects.length, n);
});

test('timeline diff: points added at the end, or replaced after a change, give the new timeline', () => {
  const t = loadFixture('thresholds').timeline;
  const cut = (k: number): Timeline => ({ ...t, points: t.points.slice(0, k), collections: t.collections.filter((c) => c.step < (t.points[k - 1]?.step ?? 0)), lastStep: t.points[k - 1]?.step ?? 0 });
  for (const k of [1, 5, Math.floor(t.points.length / 2), t.points.length - 1]) {
    const d = diffTimelines(cut(k), t)!;
    assert.equal(d.keepPoints, k);
    assert.deepEqual(applyTimelineDiff(cut(k), d), t);
  }
  assert.equal(diffTimelines(t, t), null);
  const changed = { ...t, points: t.points.map((p, i) => (i === 3 ? { ...p, live: p.live + 1 } : p)) };
  const d = diffTimelines(t, changed)!;
  assert.equal(d.keepPoints, 3);
  assert.deepEqual(applyTimelineDiff(t, d), changed);
});

test('sender: the first state whole, then diffs against the previous one; after reset, whole again', () => {
  const rec = loadFixture('e_get_count');
  const sender = new PanelStateSender();
  const ss = rec.snapshots;
  const m1 = sender.message(ss[0], rec.timeline);
  assert.equal(m1.type, 'snapshot');
  let held = ss[0], heldId = m1.type === 'snapshot' ? m1.id : -1;
  for (const s of [ss[1], ss[2], ss[ss.length - 1], ss[1], ss[5]]) {
    const m = sender.message(s, rec.timeline);
    assert.ok(m.type === 'snapshotDiff' && isHostToPanel(m));
    assert.equal(m.base, heldId);
    assert.equal(m.timeline, undefined, 'the timeline did not change');
    held = applySnapshotDiff(held, m.diff);
    assertSame(held, s, `step ${s.step}`);
    heldId = m.id;
  }
  sender.reset();
  assert.equal(sender.message(ss[3], rec.timeline).type, 'snapshot');
});
