// The runtime: stepping (in, over, out, phase by phase through gc.collect()),
// breakpoints, GC event stops, step back / goto restoring the exact earlier
// state, replays that do not repeat output, side-effect-free evaluation and
// Debug Console statements that become part of the timeline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GcRuntime, StopInfo } from '../../src/runtime';
import type { OutputEvent } from '../../src/runtime';
import { getProfile } from '../../src/engine';

const CYCLE = `import gc
class A:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('del', self.name)
def make():
    a = A('a')
    b = A('b')
    a.o = b
    b.o = a
gc.collect()
make()
x = A('x')
print('collected', gc.collect())
y = x
print('end')
`;

interface Session { rt: GcRuntime; stops: StopInfo[]; out: OutputEvent[]; next(cmd: (rt: GcRuntime) => void): Promise<StopInfo | 'exited'> }

function session(source = CYCLE, opts: { stopOnEntry?: boolean } = {}): Promise<Session> & { s: Session } {
  const rt = new GcRuntime();
  const stops: StopInfo[] = [];
  const out: OutputEvent[] = [];
  let waiter: ((s: StopInfo | 'exited') => void) | null = null;
  rt.on('stopped', (s: StopInfo) => { stops.push(s); const w = waiter; waiter = null; w?.(s); });
  rt.on('exited', () => { const w = waiter; waiter = null; w?.('exited'); });
  rt.on('output', (o: OutputEvent) => out.push(o));
  rt.load({ source, filename: '/t/scenario.py' });
  const s: Session = {
    rt, stops, out,
    next(cmd) { return new Promise((res) => { waiter = res; cmd(rt); }); },
  };
  const p = s.next((r) => r.start(opts.stopOnEntry ?? true)) as Promise<unknown>;
  const ret = p.then(() => s) as Promise<Session> & { s: Session };
  ret.s = s;
  return ret;
}

const stdout = (s: Session) => s.out.filter((o) => o.stream === 'stdout').map((o) => o.text).join('');

test('stops on entry at the first statement and steps over lines', async () => {
  const s = await session();
  assert.equal(s.stops[0].reason, 'entry');
  assert.equal(s.stops[0].line, 1);
  const lines: number[] = [];
  for (let i = 0; i < 5; i++) {
    const st = await s.next((r) => r.next());
    if (st !== 'exited') lines.push(st.line);
  }
  assert.deepEqual(lines, [2, 7, 12, 13, 14]);
});

test('step into enters a function, step out returns to the caller', async () => {
  const s = await session();
  s.rt.setBreakpoints([{ line: 13 }]);
  let st = await s.next((r) => r.continue());
  assert.equal(st !== 'exited' && st.line, 13);
  st = await s.next((r) => r.stepIn());
  assert.equal(st !== 'exited' && st.line, 8);
  assert.equal(s.rt.snapshot().frames[0].name, 'make');
  st = await s.next((r) => r.stepOut());
  assert.equal(st !== 'exited' && st.line, 14);
});

test('stepping into gc.collect() moves one collector phase at a time, through __del__ frames', async () => {
  const s = await session();
  s.rt.setBreakpoints([{ line: 15 }]);
  await s.next((r) => r.continue());
  const names: string[] = [];
  for (let i = 0; i < 12; i++) {
    const st = await s.next((r) => r.stepIn());
    if (st === 'exited') break;
    const f = s.rt.snapshot().frames[0];
    names.push(f.role === 'collector' ? f.name.split(' › ')[1] : `${f.role}:${f.name}`);
  }
  assert.deepEqual(names.slice(0, 6), ['update_refs', 'subtract_refs', 'move_unreachable', 'move_legacy_finalizers', 'handle_weakrefs', 'finalizer:A.__del__']);
  const snapAtFinalizer = s.stops.find((x) => x.step > 0);
  assert.ok(snapAtFinalizer);
});

test('inside a collection the snapshot shows the candidates and the unreachable set', async () => {
  const s = await session();
  s.rt.setBreakpoints([{ line: 15 }]);
  await s.next((r) => r.continue());
  for (let i = 0; i < 3; i++) await s.next((r) => r.stepIn());
  const snap = s.rt.snapshot();
  assert.equal(snap.collection?.phase, 'move_unreachable');
  const names = snap.collection!.unreachable.map((id) => snap.objects.find((o) => o.id === id)!.type);
  assert.deepEqual(names, ['A', 'A']);
  const a = snap.objects.find((o) => o.id === snap.collection!.unreachable[0])!;
  assert.equal(a.gcRefs, 0);
});

test('refcounts in the snapshot are explained by their referrers', async () => {
  const s = await session();
  s.rt.setBreakpoints([{ line: 17 }]);
  await s.next((r) => r.continue());
  const snap = s.rt.snapshot();
  const x = snap.objects.find((o) => snap.globals.find((g) => g.name === 'x')!.value === o.id)!;
  assert.equal(x.refcount, 2);
  assert.deepEqual(x.referrers.map((r) => r.reason).sort(), ["global 'x'", "global 'y'"]);
  assert.equal(x.hiddenRefs, 0);
});

test('step back and goto restore the exact earlier state, and replays do not repeat output', async () => {
  const s = await session();
  s.rt.setBreakpoints([{ line: 17 }]);
  await s.next((r) => r.continue());
  const at17 = JSON.stringify(s.rt.snapshot().gc);
  const outBefore = stdout(s);
  let st = await s.next((r) => r.stepBack());
  assert.equal(st !== 'exited' && st.line, 16);
  st = await s.next((r) => r.gotoStep(3));
  assert.equal(st !== 'exited' && st.step, 3);
  st = await s.next((r) => r.continue());
  assert.equal(st !== 'exited' && st.line, 17);
  assert.equal(JSON.stringify(s.rt.snapshot().gc), at17, 'same collector state after the replay');
  assert.equal(stdout(s), outBefore, 'no output repeated');
  st = await s.next((r) => r.reverseContinue());
  assert.equal(st !== 'exited' && st.step, 1);
});

test('conditional breakpoints, hit counts and logpoints', async () => {
  const src = `i = 0\nwhile i < 10:\n    i = i + 1\nprint(i)\n`;
  const s = await session(src);
  s.rt.setBreakpoints([{ line: 3, condition: 'i == 4' }, { line: 4, logMessage: 'done at {i}' }]);
  let st = await s.next((r) => r.continue());
  assert.equal(st !== 'exited' && st.line, 3);
  assert.equal(s.rt.evaluate('i', 0, 'watch').result, '4');
  s.rt.setBreakpoints([{ line: 3, hitCondition: '3' }]);
  st = await s.next((r) => r.gotoStep(1));
  st = await s.next((r) => r.continue());
  assert.equal(s.rt.evaluate('i', 0, 'watch').result, '2');
  s.rt.setBreakpoints([{ line: 4, logMessage: 'done at {i}' }]);
  st = await s.next((r) => r.continue());
  assert.equal(st, 'exited');
  assert.ok(s.out.some((o) => o.stream === 'console' && o.text === 'done at 10\n'));
});

test('GC event filters: a collection starts, cyclic garbage found', async () => {
  const s = await session();
  s.rt.filters.collectionStart = true;
  let st = await s.next((r) => r.continue());
  assert.equal(st !== 'exited' && st.reason, 'gc');
  assert.match((st as StopInfo).description!, /explicit collection of generation 2 starts/);
  s.rt.filters.collectionStart = false;
  s.rt.filters.cyclicGarbage = true;
  st = await s.next((r) => r.continue());
  assert.equal(st !== 'exited' && st.reason, 'gc');
  assert.match((st as StopInfo).description!, /cyclic garbage found: 2 unreachable objects/);
});

test('hover evaluation has no side effects; Debug Console statements change the run', async () => {
  const s = await session();
  s.rt.setBreakpoints([{ line: 17 }]);
  await s.next((r) => r.continue());
  const c1 = s.rt.evaluate('gc.get_count()', 0, 'hover').result;
  const c2 = s.rt.evaluate('gc.get_count()', 0, 'hover').result;
  assert.equal(c1, c2);
  assert.equal(s.rt.evaluate('sys.getrefcount(x)', 0, 'hover').result, '3', 'gc, sys and weakref are available to watches');
  assert.equal(s.rt.evaluate('x.name', 0, 'watch').result, "'x'");
  const rc = s.rt.snapshot().objects.find((o) => o.repr.startsWith('<__main__.A'))!.refcount;
  s.rt.evaluate('y = None', 0, 'repl');
  const rc2 = s.rt.snapshot().objects.find((o) => o.repr.startsWith('<__main__.A'))!.refcount;
  assert.equal(rc2, rc - 1);
  const st = await s.next((r) => r.continue());
  assert.equal(st, 'exited');
  assert.match(stdout(s), /end\ndel x\n$/);
});

test('data breakpoint: stops when an object refcount changes', async () => {
  const s = await session();
  s.rt.setBreakpoints([{ line: 15 }]);
  await s.next((r) => r.continue());
  const snap = s.rt.snapshot();
  const xid = snap.globals.find((g) => g.name === 'x')!.value;
  s.rt.setBreakpoints([]);
  s.rt.setDataBreakpoints([{ objectId: xid, accessType: 'refcount' }]);
  const st = await s.next((r) => r.continue());
  assert.equal(st !== 'exited' && st.reason, 'data breakpoint');
  assert.equal(st !== 'exited' && st.line, 17);
  assert.match((st as StopInfo).description!, /refcount 2 → 3|refcount 1 → 2/);
});

test('a runaway scenario is stopped by the step limit with a message', async () => {
  const rt = new GcRuntime();
  const out: OutputEvent[] = [];
  rt.on('output', (o: OutputEvent) => out.push(o));
  rt.load({ source: 'while True:\n    pass\n', filename: '/t/loop.py', maxSteps: 50_000 });
  const code = await new Promise((res) => { rt.on('exited', res); rt.start(false); });
  assert.equal(code, 3);
  assert.ok(out.some((o) => /step limit reached/.test(o.text)));
});

test('pause interrupts a long run', async () => {
  const rt = new GcRuntime();
  rt.load({ source: 'i = 0\nwhile True:\n    i = i + 1\n', filename: '/t/loop.py' });
  const st = await new Promise<StopInfo>((res) => {
    rt.on('stopped', res);
    rt.start(false);
    setTimeout(() => rt.pause(), 50);
  });
  assert.equal(st.reason, 'pause');
  assert.ok(st.step > 2);
});

test('hovering a bare name reads the live engine and agrees with full evaluation', async () => {
  const src = `class P:
    pass
class R:
    def __repr__(self):
        return 'R!'
def f(a):
    return a
n = 12345678901234567890
s = 'h\\u00e9\\n'
fl = 0.1 + 0.2
b = True
p = P()
r = R()
big = 10 ** 50
def g():
    loc = [n]
    print(loc)
g()
`;
  const s = await session(src);
  s.rt.setBreakpoints([{ line: 17 }]);
  await s.next((r) => r.continue());
  for (const name of ['n', 's', 'fl', 'b', 'p', 'r', 'big', 'f', 'loc', 'P', 'len']) {
    const bare = s.rt.evaluate(name, 0, 'hover');
    const full = s.rt.evaluate(`(${name})`, 0, 'hover');
    assert.deepEqual({ ...bare, objectId: undefined }, { ...full, objectId: undefined }, name);
    assert.equal(bare.objectId, full.objectId, name);
  }
  assert.equal(s.rt.evaluate('r', 0, 'hover').result, 'R!');
  // plain values are read without copying the engine; a user __repr__ needs the copy
  let forks = 0;
  const fork = s.rt.forkAtStop.bind(s.rt);
  s.rt.forkAtStop = () => { forks++; return fork(); };
  s.rt.evaluate('p', 0, 'hover');
  s.rt.evaluate('loc', 0, 'hover');
  assert.equal(forks, 1, 'only the list needed a copy');
  assert.equal(s.rt.evaluate('nope', 0, 'hover').result, "NameError: name 'nope' is not defined");
});

test('the timeline records where gc.set_threshold changed the thresholds', async () => {
  const src = `import gc
a = 1
gc.set_threshold(5, 3, 2)
b = 2
gc.set_threshold(7)
c = 3
`;
  const s = await session(src, { stopOnEntry: false });
  const tl = s.rt.getTimeline();
  assert.deepEqual(tl.thresholds, getProfile('3.11').thresholds);
  const seen = tl.points.map((p) => (p.threshold ? p.threshold.join(',') : 'start'));
  assert.deepEqual([...new Set(seen)], ['start', '5,3,2', '7,3,2']);
});

test('goto forward from a stop runs on and reaches the same state as a goto from a checkpoint', async () => {
  const s = await session();
  s.rt.setBreakpoints([{ line: 17 }]);
  let st = await s.next((r) => r.continue());
  const target = st !== 'exited' ? st.step : 0;
  const at17 = JSON.stringify(s.rt.snapshot());
  const outBefore = stdout(s);
  st = await s.next((r) => r.gotoStep(2));
  assert.equal(st !== 'exited' && st.step, 2);
  const restores = s.rt.restores;
  st = await s.next((r) => r.gotoStep(target));
  assert.equal(st !== 'exited' && st.step, target);
  assert.equal(s.rt.restores, restores, 'no checkpoint was restored');
  assert.equal(JSON.stringify(s.rt.snapshot()), at17);
  assert.equal(stdout(s), outBefore, 'no output repeated');
});

test('a construct refused while running stops at its line like an uncaught exception; continuing ends with exit code 2', async () => {
  const src = `import weakref
class A:
    pass
def f(a):
    b = [a]
    return weakref.proxy(a)
x = A()
p = f(x)
print('never')
`;
  const s = await session(src, { stopOnEntry: false });
  const st = s.stops[0];
  assert.equal(st.reason, 'exception');
  assert.equal(st.line, 6);
  assert.match(st.description ?? '', /^NotSupportedError: weakref\.proxy is not supported/);
  assert.deepEqual(s.rt.snapshot().frames.map((f) => [f.name, f.line]), [['f', 6], ['<module>', 8]]);
  assert.equal(s.rt.evaluate('len(b)', 0, 'watch').result, '1');
  const refusals = () => s.out.filter((o) => /NotSupportedError/.test(o.text)).length;
  assert.equal(refusals(), 1, 'the refusal is printed once, with its location');
  let next = await s.next((r) => r.stepBack());
  assert.equal(next !== 'exited' && next.line, 5);
  next = await s.next((r) => r.continue());
  assert.equal(next !== 'exited' && next.reason, 'exception', 'stops at the refusal again');
  let code: number | null = null;
  s.rt.on('exited', (c: number) => { code = c; });
  next = await s.next((r) => r.continue());
  assert.equal(next, 'exited');
  assert.equal(code, 2);
  assert.equal(refusals(), 1, 'not printed twice');
  assert.doesNotMatch(stdout(s), /never/);
});

test('checkpoints restored in place give back the exact state of every step, from any step, forwards and backwards', { timeout: 120_000 }, async () => {
  const src = `import gc
import weakref
class Node:
    def __init__(self, v):
        self.v = v
        self.peer = None
    def __del__(self):
        print('del', self.v)
def pair(v):
    a = Node(v)
    b = Node(v + 1)
    a.peer = b
    b.peer = a
    return a
keep = {}
s = set()
for i in range(12):
    p = pair(i)
    keep[i] = [p, (i, str(i))]
    s.add(i * 7)
    if i % 3 == 2:
        del keep[i - 2]
        s.discard(i)
    r = weakref.ref(p)
    if i == 6:
        gc.collect()
p = None
r = None
gc.collect()
print('end', len(keep), sorted(s))
`;
  const rt = new GcRuntime();
  const stops: StopInfo[] = [];
  let waiter: ((s: StopInfo | 'exited') => void) | null = null;
  rt.on('stopped', (st: StopInfo) => { stops.push(st); const w = waiter; waiter = null; w?.(st); });
  rt.on('exited', () => { const w = waiter; waiter = null; w?.('exited'); });
  const run = (cmd: () => void) => new Promise<StopInfo | 'exited'>((res) => { waiter = res; cmd(); });
  rt.load({ source: src, filename: '/t/restore.py', checkpointInterval: 7 });
  // The state, and whether the stop can be resumed directly (a clean stop, not one inside native code).
  const state = () => { const { freedSinceLast: _, ...rest } = rt.snapshot(); return JSON.stringify(rest) + (rt.inspectable ? ' clean' : ''); };
  // First pass: every step once, forwards.
  const seen = new Map<number, string>();
  let st = await run(() => rt.start(true));
  while (st !== 'exited') {
    seen.set(st.step, state());
    if (st.line === 30) break;
    st = await run(() => rt.stepIn());
  }
  const last = Math.max(...seen.keys());
  assert.ok(last > 100, `steps: ${last}`);
  assert.ok([...seen.values()].filter((v) => v.endsWith(' clean')).length > last / 2, 'most stops are clean');
  const restoresBefore = rt.restores;
  // Then jumps in a scrambled order: each lands on exactly the state first seen there.
  let x = 17;
  for (let i = 0; i < 60; i++) {
    x = (x * 73 + 29) % 1009;
    const target = 1 + (x % last);
    if (!seen.has(target)) continue;
    const r = await run(() => rt.gotoStep(target));
    assert.ok(r !== 'exited' && r.step === target);
    assert.equal(state(), seen.get(target), `state at step ${target}`);
  }
  assert.ok(rt.restores - restoresBefore > 20, `restores: ${rt.restores - restoresBefore}`);
});
