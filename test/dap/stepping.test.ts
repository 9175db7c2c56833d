// DAP: step over / into / out, stepping into gc.collect() one collector
// phase at a time, step back, reverse continue, goto targets and goto, and
// the GC panel's custom requests and events.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import type { DebugProtocol } from '@vscode/debugprotocol';
import * as h from './helpers';

const PROGRAM = path.join(h.EXAMPLES, 'a_refcount_born_del.pygc');
const where = async (dc: Awaited<ReturnType<typeof h.startClient>>) => (await h.stack(dc)).map((f) => `${f.name}:${f.line}`);

test('step over, into and out; a __del__ run by a refcount drop is a frame of its own', async () => {
  const dc = await h.startClient();
  try {
    await h.launch(dc, PROGRAM, {}, { breakpoints: [{ line: 18 }] });
    assert.deepEqual(await where(dc), ['<module>:18']);
    await h.next(dc, 'stepIn');
    assert.deepEqual(await where(dc), ['f1:14', '<module>:18']);
    await h.next(dc, 'stepIn');
    assert.deepEqual(await where(dc), ['ClassA.__init__:7', 'f1:14', '<module>:18']);
    await h.next(dc, 'stepOut');
    assert.deepEqual(await where(dc), ['f1:15', '<module>:18']);
    const c1 = h.find(await h.scopeVars(dc, 'Locals'), 'c1');
    assert.equal(h.refcountOf(c1), 1);
    await h.next(dc, 'stepIn');
    const frames = await h.stack(dc);
    assert.match(frames[0].name, /^ClassA\.__del__ ‹.*›$/);
    assert.equal(frames[0].line, 10);
    const why = await h.scopeVars(dc, 'Locals');
    assert.match(h.find(why, '[why this frame runs]').value, /refcount/);
    await h.next(dc, 'stepOut');
    await h.next(dc, 'next');
    const ev = await h.next(dc, 'next');
    assert.equal(ev.body.reason, 'step');
  } finally {
    await dc.stop();
  }
});

test('stepping into gc.collect() moves one collector phase at a time through the synthetic frame', async () => {
  const dc = await h.startClient();
  try {
    const program = path.join(h.EXAMPLES, 'd_collect_debug_stats.pygc');
    await h.launch(dc, program, {}, { breakpoints: [{ line: 25 }] });
    const phases: string[] = [];
    for (let i = 0; i < 12; i++) {
      await h.next(dc, 'stepIn');
      const frames = await h.stack(dc);
      const top = frames[0];
      if (top.name === 'f3') break;
      const m = /^gc\.collect\(generation=2\) › (\w+)$/.exec(top.name);
      if (m) {
        phases.push(m[1]);
        assert.equal(top.presentationHint, 'subtle');
        assert.equal(top.line, 25);
      }
      if (m?.[1] === 'subtract_refs') {
        const sc = await h.scopes(dc);
        assert.ok(sc.some((s) => s.name === 'Collection'));
        assert.ok(sc.some((s) => s.name === 'Unreachable'));
        const col = await h.scopeVars(dc, 'Collection');
        assert.equal(h.find(col, 'phase').value, 'subtract_refs');
        const cands = await h.children(dc, h.find(col, 'candidates'));
        assert.ok(cands.some((v) => /ClassA object .* gc_refs 0/.test(v.value)), cands.map((v) => v.value).join('\n'));
      }
    }
    assert.deepEqual(phases.slice(0, 3), ['update_refs', 'subtract_refs', 'move_unreachable']);
    assert.ok(phases.includes('delete_garbage'));
    assert.deepEqual(await where(dc), ['f3:26', '<module>:32']);
  } finally {
    await dc.stop();
  }
});

test('step back and reverse continue restore earlier steps exactly', async () => {
  const dc = await h.startClient();
  try {
    const program = h.scenario(`
      class A:
          pass

      a = A()
      b = a
      c = [a, a]
      del b
      x = 1
    `);
    await h.launch(dc, program, {}, { breakpoints: [{ line: 5 }, { line: 8 }] });
    const rc = async () => h.refcountOf(h.find(await h.scopeVars(dc, 'Locals'), 'a'));
    assert.equal(await rc(), 1);
    await h.next(dc, 'continue');
    assert.deepEqual(await where(dc), ['<module>:8']);
    assert.equal(await rc(), 3);
    let ev = await h.next(dc, 'stepBack');
    assert.equal(ev.body.reason, 'step');
    assert.deepEqual(await where(dc), ['<module>:7']);
    assert.equal(await rc(), 4);
    await h.next(dc, 'next');
    assert.deepEqual(await where(dc), ['<module>:8']);
    ev = await h.next(dc, 'reverseContinue');
    assert.equal(ev.body.reason, 'breakpoint');
    assert.deepEqual(await where(dc), ['<module>:5']);
    assert.equal(await rc(), 1);
  } finally {
    await dc.stop();
  }
});

test('goto targets list the steps where a line ran; goto and pygc/gotoStep travel there', async () => {
  const dc = await h.startClient();
  try {
    const program = h.scenario(`
      total = 0
      for i in range(5):
          total = total + i
      print(total)
    `);
    await h.launch(dc, program, {}, { breakpoints: [{ line: 4 }] });
    const targets = await dc.gotoTargetsRequest({ source: { path: program }, line: 3 });
    const labels = targets.body.targets.map((t) => t.label);
    assert.ok(labels.some((l) => /the first time line 3 ran/.test(l)), labels.join('\n'));
    assert.ok(labels.some((l) => /the last time line 3 ran before this step/.test(l)));
    const first = targets.body.targets.find((t) => /first time/.test(t.label))!;
    let stopped = dc.waitForEvent('stopped');
    await dc.gotoRequest({ threadId: 1, targetId: first.id });
    assert.equal(((await stopped) as DebugProtocol.StoppedEvent).body.reason, 'goto');
    assert.deepEqual(await where(dc), ['<module>:3']);
    assert.match(h.find(await h.scopeVars(dc, 'Locals'), 'i').value, /^0 /);
    const timeline = await dc.customRequest('pygc/timeline');
    const last = timeline.body.timeline.lastStep as number;
    assert.ok(last >= 12);
    stopped = dc.waitForEvent('stopped');
    await dc.customRequest('pygc/gotoStep', { step: 8 });
    assert.equal(((await stopped) as DebugProtocol.StoppedEvent).body.reason, 'goto');
    const snap = await dc.customRequest('pygc/snapshot');
    assert.equal(snap.body.snapshot.step, 8);
    assert.ok(Array.isArray(snap.body.snapshot.objects));
    assert.ok(Array.isArray(snap.body.timeline.points));
    const bad = await h.raw(dc, 'pygc/gotoStep', { step: 'x' });
    assert.equal(bad.success, false);
    assert.match(bad.message ?? '', /'step' must be a positive integer/);
    const badGoto = await h.raw(dc, 'goto', { threadId: 1, targetId: -4 });
    assert.equal(badGoto.success, false);
  } finally {
    await dc.stop();
  }
});

test('every stop sends pygc/stopped with the step', async () => {
  const dc = await h.startClient();
  try {
    const ev = dc.waitForEvent('pygc/stopped');
    await h.launch(dc, PROGRAM, { stopOnEntry: true });
    const body = ((await ev) as DebugProtocol.Event).body;
    assert.equal(body.reason, 'entry');
    assert.equal(body.step, 1);
    assert.equal(body.line, 5);
  } finally {
    await dc.stop();
  }
});
