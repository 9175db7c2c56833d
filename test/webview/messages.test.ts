// The panel's message validators (src/protocol/panel-messages.ts), in Node:
// recorded snapshot messages pass, anything malformed is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describeInvalid, isHostToPanel, isPanelToHost } from '../../src/protocol/panel-messages';
import { GcRuntime } from '../../src/runtime/runtime';
import { loadFixture, ROOT } from './harness';

test('messages: recorded snapshot and timeline messages are valid host → panel messages', () => {
  const rec = loadFixture('d_collect_debug_stats');
  for (const s of rec.snapshots) assert.ok(isHostToPanel({ type: 'snapshot', snapshot: s, timeline: rec.timeline }), `step ${s.step}`);
  assert.ok(isHostToPanel({ type: 'snapshot', snapshot: rec.snapshots[0] }));
  assert.ok(isHostToPanel({ type: 'timeline', timeline: rec.timeline }));
  for (const state of ['running', 'stopped', 'ended', 'none']) assert.ok(isHostToPanel({ type: 'session', state, label: 'x.pygc' }));
});

test('messages: what the debugger runtime sends at every step of example (d) is valid', async () => {
  const rt = new GcRuntime();
  rt.load({ source: fs.readFileSync(path.join(ROOT, 'examples', 'd_collect_debug_stats.pygc'), 'utf8'), filename: 'd_collect_debug_stats.pygc' });
  let stops = 0;
  await new Promise<void>((resolve) => {
    rt.on('stopped', () => {
      stops++;
      const m = { type: 'snapshot', snapshot: rt.snapshot(), timeline: rt.getTimeline() };
      assert.ok(isHostToPanel(m), describeInvalid(m));
      rt.stepIn();
    });
    rt.on('terminated', () => resolve());
    rt.start(true);
  });
  assert.ok(stops > 20, `${stops} stops`);
});

test('messages: malformed host → panel messages are refused', () => {
  const s = loadFixture('c_cycle_leak').snapshots[5];
  const bad: unknown[] = [
    null, 42, 'snapshot', [], { type: 'snapshot' }, { type: 'snapshot', snapshot: { ...s, step: '1' } },
    { type: 'snapshot', snapshot: { ...s, objects: [{ ...s.objects[0], refcount: 1.5 }] } },
    { type: 'snapshot', snapshot: { ...s, edges: [{ from: 1, to: 2 }] } },
    { type: 'snapshot', snapshot: { ...s, gc: { ...s.gc, count: [1, 2] } } },
    { type: 'snapshot', snapshot: { ...s, collection: { phase: 'x' } } },
    { type: 'snapshot', snapshot: s, timeline: { points: [] } },
    { type: 'session', state: 'paused' }, { type: 'session', state: 'stopped', label: 3 }, { type: 'theme' }, { type: 'eval', code: 'x' },
  ];
  for (const m of bad) assert.equal(isHostToPanel(m), false, JSON.stringify(m)?.slice(0, 80));
});

test('messages: panel → host messages are validated', () => {
  const good: unknown[] = [
    { type: 'ready' }, { type: 'gotoStep', step: 3 }, { type: 'revealObject', id: 12 }, { type: 'gotoLine', line: 4 },
    { type: 'breakOnRefcount', id: 12 }, { type: 'exportImage', format: 'png', data: 'data:image/png;base64,AAAA' },
    { type: 'exportImage', format: 'svg', data: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' }, { type: 'error', message: 'x' },
    { type: 'requestSnapshot' },
  ];
  for (const m of good) assert.ok(isPanelToHost(m), JSON.stringify(m));
  const bad: unknown[] = [
    { type: 'gotoStep', step: -1 }, { type: 'gotoStep', step: '3' }, { type: 'gotoLine', line: 0 }, { type: 'revealObject' },
    { type: 'exportImage', format: 'png', data: 'file:///etc/passwd' }, { type: 'exportImage', format: 'gif', data: '' },
    { type: 'exportImage', format: 'svg', data: 'javascript:alert(1)' }, { type: 'openFile', path: '/' }, undefined,
  ];
  for (const m of bad) assert.equal(isPanelToHost(m), false, JSON.stringify(m));
});
