// DAP: line breakpoints (verified, moved to the next executable line),
// conditions, hit counts, logpoints, function breakpoints, data breakpoints
// on an object's refcount, and the GC event filters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import type { DebugProtocol } from '@vscode/debugprotocol';
import * as h from './helpers';

const LOOP = `
  import gc


  class Node:
      pass


  total = 0
  for i in range(10):
      n = Node()
      total = total + i

  print('total', total)
`;

test('line breakpoints are verified and moved to the next executable line', async () => {
  const dc = await h.startClient();
  try {
    const program = h.scenario(LOOP);
    const { event, breakpoints } = await h.launch(dc, program, {}, { breakpoints: [{ line: 2 }, { line: 8 }, { line: 11 }, { line: 40 }] });
    const bps = breakpoints!.body.breakpoints;
    assert.deepEqual(bps.map((b) => [b.verified, b.line]), [[true, 4], [true, 8], [true, 11], [false, undefined]]);
    assert.match(bps[3].message ?? '', /no statement/);
    assert.equal(event.body.reason, 'breakpoint');
    assert.deepEqual(event.body.hitBreakpointIds, [bps[0].id]);
    assert.equal((await h.stack(dc))[0].line, 4);
    const locs = await dc.customRequest('breakpointLocations', { source: { path: program }, line: 1, endLine: 20 });
    assert.deepEqual(locs.body.breakpoints.map((b: { line: number }) => b.line), [1, 4, 5, 8, 9, 10, 11, 13]);
    // A breakpoint in another file is not verified.
    const other = await dc.setBreakpointsRequest({ source: { path: '/elsewhere.pygc' }, breakpoints: [{ line: 1 }] });
    assert.equal(other.body.breakpoints[0].verified, false);
  } finally {
    await dc.stop();
  }
});

test('conditional breakpoints stop only when the scenario expression is true', async () => {
  const dc = await h.startClient();
  try {
    const program = h.scenario(LOOP);
    await h.launch(dc, program, {}, { breakpoints: [{ line: 11, condition: 'i == 6' }] });
    const loc = await h.scopeVars(dc, 'Locals');
    assert.match(h.find(loc, 'i').value, /^6 /);
  } finally {
    await dc.stop();
  }
});

test('hit-count breakpoints stop on the n-th hit; a bad hit count is reported', async () => {
  const dc = await h.startClient();
  try {
    const program = h.scenario(LOOP);
    const { breakpoints } = await h.launch(dc, program, {}, { breakpoints: [{ line: 11, hitCondition: '4' }, { line: 10, hitCondition: 'lots' }] });
    assert.equal(breakpoints!.body.breakpoints[1].verified, false);
    assert.match(breakpoints!.body.breakpoints[1].message ?? '', /not understood/);
    const loc = await h.scopeVars(dc, 'Locals');
    assert.match(h.find(loc, 'i').value, /^3 /);
    await dc.setBreakpointsRequest({ source: { path: program }, breakpoints: [{ line: 11, hitCondition: '% 3' }] });
    const ev = await h.next(dc, 'continue');
    assert.equal(ev.body.reason, 'breakpoint');
    assert.match(h.find(await h.scopeVars(dc, 'Locals'), 'i').value, /^6  · interpreter object/);
  } finally {
    await dc.stop();
  }
});

test('logpoints print interpolated messages with their line and never stop', async () => {
  const dc = await h.startClient();
  try {
    const program = h.scenario(LOOP);
    const logged = h.waitOutput(dc, 'console', /i=9 refcount of n's class ok\n/);
    const lines: number[] = [];
    dc.on('output', (e: DebugProtocol.OutputEvent) => { if (e.body.category === 'console' && /^i=/.test(e.body.output)) lines.push(e.body.line!); });
    const exited = dc.waitForEvent('exited');
    const config = dc.waitForEvent('initialized').then(async () => {
      await dc.setBreakpointsRequest({ source: { path: program }, breakpoints: [{ line: 11, logMessage: "i={i} refcount of n's class ok" }] });
      await dc.configurationDoneRequest();
    });
    await Promise.all([config, dc.launch({ program }), exited]);
    assert.match(await logged, /^i=0 [^]*i=9/);
    assert.equal(lines.length, 10);
    assert.ok(lines.every((l) => l === 11));
  } finally {
    await dc.stop();
  }
});

test('function breakpoints: a function, a __del__ method, and gc.collect', async () => {
  const dc = await h.startClient();
  try {
    const program = path.join(h.EXAMPLES, 'd_collect_debug_stats.pygc');
    const { event } = await h.launch(dc, program, {}, {
      functionBreakpoints: [{ name: 'f3' }, { name: 'ClassA.__del__' }, { name: 'gc.collect' }],
    });
    assert.equal(event.body.reason, 'function breakpoint');
    let frames = await h.stack(dc);
    assert.equal(frames[0].name, 'f3');
    assert.equal(frames[0].line, 18);
    const ev = await h.next(dc, 'continue');
    assert.equal(ev.body.reason, 'function breakpoint');
    frames = await h.stack(dc);
    assert.match(frames[0].name, /^gc\.collect\(generation=2\) › /);
    await h.next(dc, 'continue');
    frames = await h.stack(dc);
    assert.match(frames[0].name, /^ClassA\.__del__ ‹.*finalize_garbage/);
    assert.equal(frames[0].line, 14);
  } finally {
    await dc.stop();
  }
});

test('data breakpoints stop when an object\'s refcount changes, and when it is freed', async () => {
  const dc = await h.startClient();
  try {
    const program = h.scenario(`
      class A:
          pass

      a = A()
      b = a
      x = 1
      lst = [a]
      del b
      del lst
      del a
      y = 2
    `);
    await h.launch(dc, program, {}, { breakpoints: [{ line: 5 }] });
    const loc = await h.scopeVars(dc, 'Locals');
    const a = h.find(loc, 'a');
    const scope = (await h.scopes(dc)).find((s) => s.name === 'Locals')!;
    const info = await dc.dataBreakpointInfoRequest({ variablesReference: scope.variablesReference, name: 'a' });
    assert.match(info.body.dataId ?? '', /^refcount:\d+$/);
    assert.deepEqual(info.body.accessTypes, ['write']);
    assert.match(info.body.description, /refcount of a/);
    const notObj = await h.raw(dc, 'dataBreakpointInfo', { variablesReference: scope.variablesReference, name: 'nope' });
    assert.equal((notObj.body as { dataId: null }).dataId, null);
    const set = await dc.setDataBreakpointsRequest({ breakpoints: [{ dataId: info.body.dataId!, accessType: 'write' }, { dataId: 'bogus' }] });
    assert.deepEqual(set.body.breakpoints.map((b) => b.verified), [true, false]);
    assert.equal(h.refcountOf(a), 1);
    const expected: [number, number][] = [[6, 2], [8, 3], [9, 2], [10, 1]];
    for (const [line, rc] of expected) {
      const ev = await h.next(dc, 'continue');
      assert.equal(ev.body.reason, 'data breakpoint');
      assert.match(ev.body.description ?? '', new RegExp(`→ ${rc}`));
      assert.equal((await h.stack(dc))[0].line, line);
      assert.equal(h.refcountOf(h.find(await h.scopeVars(dc, 'Locals'), 'a')), rc);
    }
    const ev = await h.next(dc, 'continue');
    assert.equal(ev.body.reason, 'data breakpoint');
    assert.match(ev.body.description ?? '', /freed|→ 0/);
    assert.equal((await h.stack(dc))[0].line, 11);
  } finally {
    await dc.stop();
  }
});

test('event filters: a collection starts (generation condition), cyclic garbage found', async () => {
  const dc = await h.startClient();
  try {
    const program = path.join(h.EXAMPLES, 'd_collect_debug_stats.pygc');
    const { event } = await h.launch(dc, program, {}, {
      filterOptions: [{ filterId: 'collectionStart', condition: '2' }, { filterId: 'cyclicGarbage' }],
    });
    assert.equal(event.body.reason, 'exception');
    assert.match(event.body.description ?? '', /explicit collection of generation 2 starts/);
    assert.match((await h.stack(dc))[0].name, /^gc\.collect\(generation=2\) › update_refs/);
    const info = await dc.exceptionInfoRequest({ threadId: 1 });
    assert.equal(info.body.exceptionId, 'gc');
    const ev = await h.next(dc, 'continue');
    assert.equal(ev.body.reason, 'exception');
    assert.match(ev.body.description ?? '', /cyclic garbage found: 2 unreachable objects/);
    const frames = await h.stack(dc);
    assert.match(frames[0].name, /move_unreachable/);
    const unreachable = await h.scopeVars(dc, 'Unreachable');
    assert.equal(unreachable.length, 2);
    assert.ok(unreachable.every((v) => /ClassA object/.test(v.value)));
    // Continuing from inside the collection replays to it without stopping there again: the next
    // stop is the collection at exit (module teardown leaves the class and functions unreachable).
    await dc.setExceptionBreakpointsRequest({ filters: ['cyclicGarbage'] });
    const atExit = await h.next(dc, 'continue');
    assert.match(atExit.body.description ?? '', /cyclic garbage found: \d+ unreachable objects/);
    assert.deepEqual((await h.stack(dc)).map((f) => f.name), ['gc.collect(generation=2) › move_unreachable']);
    const exited = dc.waitForEvent('exited');
    await dc.continueRequest({ threadId: 1 });
    assert.equal(((await exited) as DebugProtocol.ExitedEvent).body.exitCode, 0);
  } finally {
    await dc.stop();
  }
});

test('exception filters: bad conditions are reported; automatic-only collections', async () => {
  const dc = await h.startClient();
  try {
    const program = h.scenario(`
      import gc
      gc.set_threshold(5)
      gc.collect()
      xs = []
      for i in range(20):
          xs.append([i])
    `);
    const stopped = dc.waitForEvent('stopped');
    let filters: DebugProtocol.SetExceptionBreakpointsResponse | undefined;
    const config = dc.waitForEvent('initialized').then(async () => {
      filters = await dc.setExceptionBreakpointsRequest({ filters: [], filterOptions: [
        { filterId: 'collectionAutomatic' }, { filterId: 'collectionStart', condition: 'banana' }, { filterId: 'nope' }] });
      await dc.configurationDoneRequest();
    });
    await Promise.all([config, dc.launch({ program })]);
    assert.deepEqual(filters!.body!.breakpoints!.map((b) => b.verified), [true, false, false]);
    const ev = (await stopped) as DebugProtocol.StoppedEvent;
    assert.match(ev.body.description ?? '', /automatic collection of generation 0 starts/);
    assert.match((await h.stack(dc))[0].name, /^automatic collection \(generation 0\)/);
  } finally {
    await dc.stop();
  }
});

test('a free:N data breakpoint stops only when the object is freed; raised exceptions stop at the handler', async () => {
  const dc = await h.startClient();
  try {
    const program = h.scenario(`
      class A:
          pass

      a = A()
      b = a
      del b
      try:
          del a
          1 / 0
      except ZeroDivisionError:
          x = 1
      y = 2
    `);
    await h.launch(dc, program, {}, { breakpoints: [{ line: 5 }] });
    const scope = (await h.scopes(dc)).find((s) => s.name === 'Locals')!;
    const info = await dc.dataBreakpointInfoRequest({ variablesReference: scope.variablesReference, name: 'a' });
    const id = info.body.dataId!.split(':')[1];
    await dc.setDataBreakpointsRequest({ breakpoints: [{ dataId: `free:${id}` }] });
    await dc.setExceptionBreakpointsRequest({ filters: ['raised'] });
    let ev = await h.next(dc, 'continue');
    assert.equal(ev.body.reason, 'data breakpoint');
    assert.match(ev.body.description ?? '', /was freed/);
    assert.equal((await h.stack(dc))[0].line, 9);
    ev = await h.next(dc, 'continue');
    assert.equal(ev.body.reason, 'exception');
    assert.match(ev.body.description ?? '', /ZeroDivisionError raised/);
    assert.equal((await h.stack(dc))[0].line, 10);
  } finally {
    await dc.stop();
  }
});

test('run without debugging (noDebug) ignores breakpoints and runs to the end', async () => {
  const dc = await h.startClient();
  try {
    const program = h.scenario(`
      x = 1
      y = x + 1
      print(y)
    `);
    const exited = dc.waitForEvent('exited');
    let bps: DebugProtocol.SetBreakpointsResponse | undefined;
    const config = dc.waitForEvent('initialized').then(async () => {
      bps = await dc.setBreakpointsRequest({ source: { path: program }, breakpoints: [{ line: 2 }] });
      await dc.configurationDoneRequest();
    });
    const out = h.waitOutput(dc, 'stdout', /^2\n$/);
    await Promise.all([config, dc.launch({ program, noDebug: true, stopOnEntry: true })]);
    assert.equal(bps!.body.breakpoints[0].verified, false);
    await out;
    assert.equal(((await exited) as DebugProtocol.ExitedEvent).body.exitCode, 0);
  } finally {
    await dc.stop();
  }
});
