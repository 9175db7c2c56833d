// CPython 3.14's borrowed local loads (LOAD_FAST_BORROW, compiler/borrow.ts and
// engine/borrowed.ts): the compiler's choices against CPython 3.14.2's own (dis
// output recorded by scripts/probes/py314/load_fast_borrow.py under pyodide), and
// what the borrowed references do to refcounts and the debugger's referrer view.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from '../../src/engine';
import { Op, type Code } from '../../src/engine/compiler/code';
import { PyCode } from '../../src/engine/codeobj';
import { GcRuntime, StopInfo } from '../../src/runtime';

const ROOT = join(__dirname, '..', '..');

function functionsOf(code: Code): Code[] {
  const out: Code[] = [];
  for (const c of code.consts) if (c instanceof PyCode) out.push(c.code, ...functionsOf(c.code));
  return out;
}

/** The engine's loads of locals in `code`, in the recording's notation (name:B / name:S / name:C). */
function loads(code: Code): string {
  const out: string[] = [];
  for (let i = 0; i < code.ops.length >> 1; i++) {
    const op = code.ops[2 * i], arg = code.ops[2 * i + 1];
    if (op !== Op.LOAD_FAST && op !== Op.LOAD_CLOSURE) continue;
    const name = op === Op.LOAD_FAST ? code.varnames[arg] : [...code.cellvars, ...code.freevars][arg];
    const unbound = op === Op.LOAD_FAST && code.borrowChecked?.[i] === 1;
    out.push(`${name}:${code.borrowed?.[i] ? 'B' : unbound ? 'C' : 'S'}`);
  }
  return out.sort().join(' ');
}

test('3.14 compiles the same loads to LOAD_FAST_BORROW as CPython 3.14.2', () => {
  const probe = readFileSync(join(ROOT, 'scripts/probes/py314/load_fast_borrow.py'), 'utf8');
  const source = probe.slice(0, probe.indexOf('# --- report'));
  const recorded = readFileSync(join(__dirname, 'fixtures/load-fast-borrow-3.14.txt'), 'utf8').trim().split('\n');
  const e = new Engine(source, { filename: '/t/probe.py', python: '3.14', out: { stdout() {}, stderr() {} } });
  e.compile();
  const byName = new Map(functionsOf(e.code!).map((c) => [c.name, c]));
  assert.ok(recorded.length >= 10);
  for (const line of recorded) {
    const [name, want] = line.split(': ');
    assert.equal(`${name}: ${loads(byName.get(name)!)}`, `${name}: ${want ?? ''}`.trimEnd());
  }
});

test('3.13 has no borrowed loads', () => {
  const e = new Engine('def f(a):\n    return len(a)\n', { filename: '/t/p.py', python: '3.13', out: { stdout() {}, stderr() {} } });
  e.compile();
  assert.equal(functionsOf(e.code!)[0].borrowed, null);
});

const run = (source: string, python: string) => {
  let out = '';
  const e = new Engine(source, { filename: '/t/p.py', python, out: { stdout(t) { out += t; }, stderr(t) { out += t; } } });
  e.compile();
  e.run();
  return out;
};

test('a borrowed argument is not counted, in the caller and in the callee', () => {
  const src = `import sys
def callee(a):
    return sys.getrefcount(a)
def caller():
    x = object()
    print(sys.getrefcount(x), callee(x))
    y = x
    print(sys.getrefcount(x))
caller()
`;
  assert.equal(run(src, '3.14'), '1 1\n2\n');
  assert.equal(run(src, '3.13'), '2 3\n3\n');
});

test('the snapshot leaves borrowed references out and still explains the refcount', async () => {
  const source = `def callee(a):
    b = a
    return b
def caller():
    x = []
    return callee(x)
caller()
`;
  const rt = new GcRuntime();
  const stops: StopInfo[] = [];
  let waiter: (() => void) | null = null;
  rt.on('stopped', (s: StopInfo) => { stops.push(s); const w = waiter; waiter = null; w?.(); });
  rt.on('exited', () => { const w = waiter; waiter = null; w?.(); });
  rt.load({ source, filename: '/t/scenario.py', python: '3.14' });
  const next = (cmd: () => void) => new Promise<void>((res) => { waiter = res; cmd(); });
  await next(() => rt.start(true));
  rt.setBreakpoints([{ line: 3 }]);
  await next(() => rt.continue());
  const snap = rt.snapshot();
  const list = snap.objects.find((o) => o.type === 'list')!;
  // x in caller, b in callee; the parameter a holds the caller's borrowed reference.
  assert.equal(list.refcount, 2);
  assert.deepEqual(list.referrers.map((r) => r.reason).sort(), ["local 'b' of callee", "local 'x' of caller"]);
  assert.equal(list.hiddenRefs, 0);
});
