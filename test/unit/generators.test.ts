// Generators (src/engine/vm/generator.ts, src/lang/gencheck.ts): what stays refused,
// each with a NotSupportedError naming the construct and its line. (Their simulated
// behaviour is proven against real interpreters by test/scenarios/lang_generator*.py.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from '../../src/engine/engine';
import { runEngine } from './run-engine';
import { ScenarioError } from '../../src/lang/errors';

const run = (src: string, python = '3.11') => runEngine(src, python);

function compileRefusal(src: string, python: string): ScenarioError {
  const e = new Engine(src, { filename: '/t/s.py', python, out: { stdout: () => {}, stderr: () => {} } });
  try { e.compile(); } catch (err) {
    assert.ok(err instanceof ScenarioError, String(err));
    assert.equal(err.errorType, 'NotSupportedError');
    return err;
  }
  assert.fail('expected a NotSupportedError');
}

const GEN = 'def g():\n    yield 1\n    yield 2\n';

test('generator methods and attributes that are not simulated are refused at run time, with their line', () => {
  const cases: [string, RegExp][] = [
    [`${GEN}x = g()\nnext(x)\nx.send(5)\n`, /generator\.send\(\) is not supported by PyGC Lab/],
    [`${GEN}x = g()\nnext(x)\nx.throw(ValueError)\n`, /generator\.throw\(\) is not supported by PyGC Lab/],
    [`${GEN}x = g()\nnext(x)\nx.gi_frame\n`, /generator\.gi_frame is not supported by PyGC Lab/],
    [`${GEN}x = g()\nnext(x)\nx.gi_running\n`, /generator\.gi_running is not supported by PyGC Lab/],
  ];
  for (const [src, msg] of cases) {
    const r = run(src);
    assert.notEqual(r.exitCode, 0, src);
    assert.match(r.stderr, msg, src);
    assert.match(r.stderr, /line 6/, src);
  }
});

test('StopIteration escaping a generator frame (PEP 479) is refused', () => {
  const r = run('def g():\n    yield 1\n    raise StopIteration\nprint(list(g()))\n');
  assert.notEqual(r.exitCode, 0);
  assert.match(r.stderr, /StopIteration raised inside a generator \(PEP 479\) is not supported by PyGC Lab/);
  assert.equal(r.stdout, '');
});

test("a generator's return value reaching next() (StopIteration.value) is refused; for loops and list() discard it", () => {
  const src = 'def g():\n    yield 1\n    return 5\nprint(list(g()))\nx = g()\nnext(x)\nnext(x)\n';
  const r = run(src);
  assert.equal(r.stdout, '[1]\n');
  assert.match(r.stderr, /a generator's return value seen by next\(\) \(StopIteration\.value\) is not supported by PyGC Lab/);
  assert.match(r.stderr, /line 3/);
});

test('a generator __init__ is refused', () => {
  const r = run('class C:\n    def __init__(self):\n        yield 1\nC()\n');
  assert.match(r.stderr, /a generator __init__ is not supported by PyGC Lab/);
});

test('yield from, and yields in a lambda or in an except/finally block, are refused before running', () => {
  for (const python of ['3.8', '3.11', '3.13']) {
    assert.match(compileRefusal('def g():\n    yield from [1]\n', python).msg, /^'yield from' is not supported/);
    assert.match(compileRefusal('def g():\n    try:\n        yield 1\n    except E:\n        yield 2\n', python).msg,
      /^'yield' in an except or finally block is not supported/);
    assert.equal(compileRefusal('def g():\n    try:\n        yield 1\n    finally:\n        yield 2\n', python).lineno, 5);
  }
});

test('2.7: a try statement (left in gc.garbage by 2.7) and a return with a value (a 2.7 SyntaxError) in a generator are refused', () => {
  const src = 'from __future__ import print_function\ndef g():\n    try:\n        yield 1\n    finally:\n        pass\n';
  const e = compileRefusal(src, '2.7');
  assert.match(e.msg, /^a 'try' statement in a 2\.7 generator is not supported by PyGC Lab/);
  assert.equal(e.lineno, 3);
  const r = compileRefusal('def g():\n    yield 1\n    return 2\n', '2.7');
  assert.match(r.msg, /^'return' with a value in a 2\.7 generator is not supported by PyGC Lab/);
  assert.equal(r.lineno, 3);
  // A try statement in an ordinary function, and a generator without one, still run.
  const ok = run('from __future__ import print_function\ndef f():\n    try:\n        return 1\n    finally:\n        pass\n' +
    'def g():\n    yield 1\nprint(f(), list(g()))\n', '2.7');
  assert.equal(ok.stdout, '1 [1]\n');
});

test('generators run: values, exhaustion, close and generator expressions', () => {
  const r = run(`${GEN}x = g()\nprint(next(x), list(x), next(x, 'done'))\nprint(sum(i * i for i in range(4)))\n` +
    'y = g()\nnext(y)\nprint(y.close(), list(y))\n');
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, '1 [2] done\n14\nNone []\n');
});

test('the debugger steps into a generator frame, stops at a breakpoint in it, and steps back', async () => {
  const { GcRuntime } = await import('../../src/runtime');
  const src = 'import gc\ndef gen(n):\n    i = 0\n    while i < n:\n        yield i\n        i += 1\n' +
    'total = 0\nfor v in gen(3):\n    total += v\nprint(total)\nprint(gc.collect())\n';
  const rt = new GcRuntime();
  const stops: { line: number; reason: string }[] = [];
  let out = '';
  let waiter: ((s: unknown) => void) | null = null;
  rt.on('stopped', (s: { line: number; reason: string }) => { stops.push(s); const w = waiter; waiter = null; w?.(s); });
  rt.on('exited', () => { const w = waiter; waiter = null; w?.('exited'); });
  rt.on('output', (o: { stream: string; text: string }) => { if (o.stream === 'stdout') out += o.text; });
  rt.load({ source: src, filename: '/t/scenario.py' });
  const next = (cmd: () => void) => new Promise<unknown>((res) => { waiter = res; cmd(); });
  await next(() => rt.start(true));
  rt.setBreakpoints([{ line: 6 }]);
  let st = await next(() => rt.continue()) as { line: number };
  assert.equal(st.line, 6);
  assert.equal(rt.snapshot().frames[0].name, 'gen');
  st = await next(() => rt.stepIn()) as { line: number };
  assert.equal(st.line, 4);
  st = await next(() => rt.stepBack()) as { line: number };
  assert.equal(st.line, 6);
  rt.setBreakpoints([]);
  const lines: number[] = [];
  for (let i = 0; i < 40; i++) {
    const s = await next(() => rt.stepIn());
    if (s === 'exited') break;
    lines.push((s as { line: number }).line);
  }
  assert.ok(lines.includes(9) && lines.includes(5), lines.join(','));
  assert.equal(out, '3\n0\n');
});
