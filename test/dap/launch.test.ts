// DAP: launching, exit codes, scenarios that do not compile, bad launch
// arguments and requests sent out of order — every one answered, the
// session alive afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DebugProtocol } from '@vscode/debugprotocol';
import * as h from './helpers';

test('launch with stopOnEntry stops at the first line, then runs to the exit code', async () => {
  const dc = await h.startClient();
  try {
    const program = path.join(h.EXAMPLES, 'a_refcount_born_del.pygc');
    const { event } = await h.launch(dc, program, { stopOnEntry: true });
    assert.equal(event.body.reason, 'entry');
    const frames = await h.stack(dc);
    assert.equal(frames.length, 1);
    assert.equal(frames[0].name, '<module>');
    assert.equal(frames[0].line, 5);
    assert.equal(frames[0].source?.path, program);
    const threads = await dc.threadsRequest();
    assert.deepEqual(threads.body.threads.map((t) => t.id), [1]);
    const exited = dc.waitForEvent('exited');
    const terminated = dc.waitForEvent('terminated');
    const out = h.waitOutput(dc, 'stdout', /object born,id:0x[0-9a-f]+\nobject del/);
    await dc.continueRequest({ threadId: 1 });
    await out;
    assert.equal(((await exited) as DebugProtocol.ExitedEvent).body.exitCode, 0);
    await terminated;
  } finally {
    await dc.stop();
  }
});

test('an uncaught exception stops where it was raised; continuing gives exit code 1 and the traceback on stderr', async () => {
  const dc = await h.startClient();
  try {
    const program = h.scenario(`
      def f(d):
          return 1 / d

      x = 1
      f(0)
    `);
    const { event } = await h.launch(dc, program, {}, { filters: ['uncaught'] });
    assert.equal(event.body.reason, 'exception');
    assert.match(event.body.description ?? '', /ZeroDivisionError: division by zero/);
    const frames = await h.stack(dc);
    assert.deepEqual(frames.map((f) => [f.name, f.line]), [['f', 2], ['<module>', 5]]);
    const info = await dc.exceptionInfoRequest({ threadId: 1 });
    assert.equal(info.body.exceptionId, 'ZeroDivisionError');
    const exited = dc.waitForEvent('exited');
    const tb = h.waitOutput(dc, 'stderr', /Traceback[^]*line 2, in f[^]*ZeroDivisionError: division by zero/);
    await dc.continueRequest({ threadId: 1 });
    await tb;
    assert.equal(((await exited) as DebugProtocol.ExitedEvent).body.exitCode, 1);
  } finally {
    await dc.stop();
  }
});

test('without the uncaught filter the run ends with exit code 1', async () => {
  const dc = await h.startClient();
  try {
    const program = h.scenario(`
      x = [1]
      x[3]
    `);
    const exited = dc.waitForEvent('exited');
    const config = dc.waitForEvent('initialized').then(async () => {
      await dc.setExceptionBreakpointsRequest({ filters: [] });
      await dc.configurationDoneRequest();
    });
    await Promise.all([config, dc.launch({ program })]);
    assert.equal(((await exited) as DebugProtocol.ExitedEvent).body.exitCode, 1);
  } finally {
    await dc.stop();
  }
});

test('a scenario with a syntax error stops at its line with the CPython message, and ends cleanly', async () => {
  const dc = await h.startClient();
  try {
    const program = h.scenario(`
      x = 1
      y = (2 +
      z = 3
    `);
    const out = h.waitOutput(dc, 'stderr', /SyntaxError/);
    const { event } = await h.launch(dc, program);
    assert.equal(event.body.reason, 'exception');
    assert.match(event.body.text ?? '', /SyntaxError/);
    assert.match(await out, /File ".*scenario\.pygc", line 2\n.*\n *\^/);
    const frames = await h.stack(dc);
    assert.equal(frames[0].line, 2);
    const info = await dc.exceptionInfoRequest({ threadId: 1 });
    assert.equal(info.body.exceptionId, 'SyntaxError');
    assert.match(info.body.details?.stackTrace ?? '', /\^/);
    // Inspection is refused with a message; the session is alive.
    const v = await h.raw(dc, 'evaluate', { expression: 'x', context: 'watch' });
    assert.equal(v.success, false);
    assert.match(v.message ?? '', /did not compile/);
    const exited = dc.waitForEvent('exited');
    const terminated = dc.waitForEvent('terminated');
    await dc.continueRequest({ threadId: 1 });
    assert.equal(((await exited) as DebugProtocol.ExitedEvent).body.exitCode, 2);
    await terminated;
  } finally {
    await dc.stop();
  }
});

test('an unsupported construct is reported like a syntax error', async () => {
  const dc = await h.startClient();
  try {
    const program = h.scenario(`
      import os
    `);
    const { event } = await h.launch(dc, program);
    assert.equal(event.body.reason, 'exception');
    assert.match(event.body.text ?? '', /NotSupportedError/);
  } finally {
    await dc.stop();
  }
});

test('a construct refused while running stops at its line (exception), stays inspectable and steppable back; continue ends with exit code 2', async () => {
  const dc = await h.startClient();
  try {
    const program = h.scenario(`
      class A:
          pass

      def f(a):
          b = [a, a]
          return locals()

      x = A()
      f(x)
      print('never')
    `);
    const out = h.waitOutput(dc, 'stderr', /line 6\n.*return locals\(\)\n *\^+\nNotSupportedError: locals\(\) is not supported by PyGC Lab/);
    const { event } = await h.launch(dc, program, {}, { filters: ['uncaught'] });
    await out;
    assert.equal(event.body.reason, 'exception');
    assert.match(event.body.description ?? '', /NotSupportedError: locals\(\) is not supported/);
    assert.deepEqual((await h.stack(dc)).map((f) => [f.name, f.line]), [['f', 6], ['<module>', 9]]);
    const info = await dc.exceptionInfoRequest({ threadId: 1 });
    assert.equal(info.body.exceptionId, 'NotSupportedError');
    assert.match(info.body.description ?? '', /locals\(\)/);
    const b = h.find(await h.scopeVars(dc, 'Locals'), 'b');
    assert.equal((await h.children(dc, b)).filter((v) => /^\[\d\]$/.test(v.name)).length, 2);
    const back = await h.next(dc, 'stepBack');
    assert.equal(back.body.reason, 'step');
    assert.equal((await h.stack(dc))[0].line, 5);
    const again = await h.next(dc, 'continue');
    assert.equal(again.body.reason, 'exception');
    const exited = dc.waitForEvent('exited');
    const terminated = dc.waitForEvent('terminated');
    await dc.continueRequest({ threadId: 1 });
    assert.equal(((await exited) as DebugProtocol.ExitedEvent).body.exitCode, 2);
    await terminated;
  } finally {
    await dc.stop();
  }
});

test('bad launch arguments get clear errors and the session survives to launch properly', async () => {
  const dc = await h.startClient();
  try {
    await dc.initializeRequest();
    const cases: [Record<string, unknown>, RegExp][] = [
      [{}, /'program' is missing/],
      [{ program: '' }, /'program' is missing/],
      [{ program: 42 }, /'program' is missing/],
      [{ program: '/no/such/file.pygc' }, /no such file/],
      [{ program: os.tmpdir() }, /is a directory/],
      [{ program: path.join(h.EXAMPLES, 'thresholds.pygc'), python: '4.0' }, /unknown 'python' value "4.0"/],
      [{ program: path.join(h.EXAMPLES, 'thresholds.pygc'), python: 3.11 }, /unknown 'python' value/],
      [{ program: path.join(h.EXAMPLES, 'thresholds.pygc'), maxSteps: -1 }, /'maxSteps' must be a positive integer/],
      [{ program: path.join(h.EXAMPLES, 'thresholds.pygc'), stopOnEntry: 'yes' }, /'stopOnEntry' must be true or false/],
    ];
    const binary = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pygc-dap-')), 'bin.pygc');
    fs.writeFileSync(binary, new Uint8Array([0x78, 0x20, 0x3d, 0x20, 0xff, 0xfe, 0x0a]));
    cases.push([{ program: binary }, /not UTF-8/]);
    for (const [args, message] of cases) {
      const out = dc.waitForEvent('output');
      const r = await h.raw(dc, 'launch', args);
      assert.equal(r.success, false, JSON.stringify(args));
      assert.match(r.message ?? '', message);
      assert.match(((await out) as DebugProtocol.OutputEvent).body.output, message);
    }
    // Still alive: a good launch works.
    const stopped = dc.waitForEvent('stopped');
    const config = dc.waitForEvent('initialized').then(() => dc.configurationDoneRequest());
    await Promise.all([config, dc.launchRequest({ program: path.join(h.EXAMPLES, 'thresholds.pygc'), stopOnEntry: true } as DebugProtocol.LaunchRequestArguments)]);
    assert.equal(((await stopped) as DebugProtocol.StoppedEvent).body.reason, 'entry');
    const again = await h.raw(dc, 'launch', { program: path.join(h.EXAMPLES, 'thresholds.pygc') });
    assert.equal(again.success, false);
    assert.match(again.message ?? '', /already launched/);
  } finally {
    await dc.stop();
  }
});

test('requests out of order are answered with errors, not crashes', async () => {
  const dc = await h.startClient();
  try {
    await dc.initializeRequest();
    for (const [command, args, message] of [
      ['next', { threadId: 1 }, /send 'launch' first/],
      ['continue', { threadId: 1 }, /send 'launch' first/],
      ['stackTrace', { threadId: 1 }, /send 'launch' first/],
      ['scopes', { frameId: 1 }, /send 'launch' first/],
      ['variables', { variablesReference: 1 }, /send 'launch' first/],
      ['evaluate', { expression: '1' }, /send 'launch' first/],
      ['setBreakpoints', { source: { path: '/x.pygc' }, breakpoints: [{ line: 1 }] }, /send 'launch' first/],
      ['pygc/snapshot', {}, /send 'launch' first/],
      ['pygc/gotoStep', { step: 3 }, /'step' must be|send 'launch' first/],
      ['stepBack', { threadId: 1 }, /send 'launch' first/],
      ['nonsense', {}, /unrecognized request 'nonsense'/],
    ] as [string, unknown, RegExp][]) {
      const r = await h.raw(dc, command, args);
      assert.equal(r.success, false, command);
      assert.match(r.message ?? '', message, command);
    }
    const program = path.join(h.EXAMPLES, 'a_refcount_born_del.pygc');
    await h.launch(dc, program, { stopOnEntry: true });
    const st = await h.stack(dc);
    assert.equal(st[0].line, 5);
  } finally {
    await dc.stop();
  }
});

test('while running, inspection answers "pause it first"; pause stops a long run', async () => {
  const dc = await h.startClient();
  try {
    const program = h.scenario(`
      n = 0
      while True:
          n = n + 1
    `);
    const config = dc.waitForEvent('initialized').then(() => dc.configurationDoneRequest());
    await Promise.all([config, dc.launch({ program })]);
    const r = await h.raw(dc, 'stackTrace', { threadId: 1 });
    assert.equal(r.success, false);
    assert.match(r.message ?? '', /pause it first/);
    const stopped = dc.waitForEvent('stopped');
    await dc.pauseRequest({ threadId: 1 });
    assert.equal(((await stopped) as DebugProtocol.StoppedEvent).body.reason, 'pause');
    const loc = await h.scopeVars(dc, 'Locals');
    assert.ok(Number(/^(\d+)/.exec(h.find(loc, 'n').value)?.[1]) > 0);
  } finally {
    await dc.stop();
  }
});

test('maxSteps stops a run with a clear message and exit code 3', async () => {
  const dc = await h.startClient();
  try {
    const program = h.scenario(`
      n = 0
      while True:
          n = n + 1
    `);
    const exited = dc.waitForEvent('exited');
    const out = h.waitOutput(dc, 'stderr', /step limit reached \(500 steps\)/);
    const config = dc.waitForEvent('initialized').then(() => dc.configurationDoneRequest());
    await Promise.all([config, dc.launch({ program, maxSteps: 500 })]);
    await out;
    assert.equal(((await exited) as DebugProtocol.ExitedEvent).body.exitCode, 3);
  } finally {
    await dc.stop();
  }
});
