// The graph model's cache (src/webview/graph/model.ts ModelCache), in Node: a
// model built with the cache carried from step to step — fed the snapshots as
// the panel holds them, rebuilt from diffs (unchanged objects shared), forwards
// and back — equals the model built from scratch at every step of the recorded
// examples.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Snapshot } from '../../src/protocol/snapshot';
import { applySnapshotDiff, diffSnapshots } from '../../src/protocol/snapshot-diff';
import { buildModel, ModelCache, type GraphModel, type ModelOptions } from '../../src/webview/graph/model';
import { loadFixture } from './harness';

const OPTS: ModelOptions = {
  showHidden: false, groupAbove: 2000, expandedTypes: new Set(), expandLimit: 1000, classEdgesAbove: 500, fontSize: 13,
};

const plain = (m: GraphModel) => ({ ...m, objects: [...m.objects.keys()], nodeOf: [...m.nodeOf], cycleOf: [...m.cycleOf], namesOf: [...m.namesOf] });

test('model cache: the model built with the cache is the model built from scratch, step by step, forwards and back', () => {
  let steps = 0, reused = 0;
  for (const name of ['c_cycle_leak', 'd_collect_debug_stats', 'f_uncollectable_del', 'hostile_names']) {
    const ss = loadFixture(name).snapshots;
    const order = [...ss.keys(), ...[...ss.keys()].reverse()];
    for (const showHidden of [false, true]) {
      const opt = { ...OPTS, showHidden };
      const cache = new ModelCache();
      let held: Snapshot | null = null;
      for (const i of order) {
        // As the panel holds it: rebuilt from a diff against the previous step (unchanged objects shared).
        const s: Snapshot = held ? applySnapshotDiff(held, diffSnapshots(held, ss[i])) : ss[i];
        const shared = held ? s.objects.filter((o) => held!.objects.includes(o)).length : 0;
        if (shared) reused++;
        held = s;
        assert.deepEqual(plain(buildModel(s, opt, cache)), plain(buildModel(s, opt)), `${name} step ${ss[i].step}`);
        steps++;
      }
    }
  }
  assert.ok(steps > 300 && reused > steps / 2, `${steps} steps, ${reused} with objects shared with the previous one`);
});

test('model cache: a new font size gives new node sizes', () => {
  const s = loadFixture('c_cycle_leak').snapshots[10];
  const cache = new ModelCache();
  const a = buildModel(s, OPTS, cache);
  const b = buildModel(s, { ...OPTS, fontSize: 20 }, cache);
  assert.deepEqual(plain(b), plain(buildModel(s, { ...OPTS, fontSize: 20 })));
  assert.ok(b.nodes.some((n, i) => n.w > a.nodes[i].w));
});
