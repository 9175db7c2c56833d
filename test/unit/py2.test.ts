// The 2.7 profile's own rules (src/engine/py2, src/lang/py2check.ts): what 2.7
// mode refuses, the 2.7 gc module, old-style classes, dict hash-table order and
// its survival through the debugger's deep copy, legacy finalizers at shutdown.
// Expected outputs were taken from CPython 2.7.18 runs of the same code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from '../../src/engine/engine';
import { ScenarioError } from '../../src/lang/errors';
import { deepClone } from '../../src/engine/clone';
import type { PyDict } from '../../src/engine/objects';
import { dictSetStr, dictDel } from '../../src/engine/builtins/dictops';
import { GcRuntime, StopInfo } from '../../src/runtime';
import type { OutputEvent } from '../../src/runtime';

const FUTURE = 'from __future__ import print_function\n';

function engine(src: string) {
  const out = { stdout: '', stderr: '' };
  const e = new Engine(src, { filename: '/t/s.py', python: '2.7',
    out: { stdout: (s) => { out.stdout += s; }, stderr: (s) => { out.stderr += s; } } });
  return { e, out };
}

function run(src: string) {
  const { e, out } = engine(src);
  e.compile();
  const r = e.run();
  return { ...out, exitCode: r.exitCode };
}

function refusal(src: string): string {
  const { e } = engine(src);
  try { e.compile(); } catch (err) {
    assert.ok(err instanceof ScenarioError);
    assert.equal(err.errorType, 'NotSupportedError');
    return err.msg;
  }
  assert.fail('expected a NotSupportedError');
}

test('2.7 mode refuses what Python 2 reads differently', () => {
  assert.match(refusal("print('a', 1)\n"), /print_function/);
  assert.match(refusal(FUTURE + 'x = 7 / 2\n'), /division/);
  assert.match(refusal(FUTURE + "x = f'{1}'\n"), /f-string/);
  assert.match(refusal(FUTURE + "x = 1\ny = 'caf\u00e9'\n"), /non-ASCII/);
  // Python-2-only builtins, methods and bytes literals (a str in 2.7), unless the scenario defines the name itself.
  assert.match(refusal(FUTURE + 'for i in xrange(3):\n    pass\n'), /builtin 'xrange'/);
  assert.match(refusal(FUTURE + 'd = {}\nprint(d.has_key(1))\n'), /method '\.has_key'/);
  assert.match(refusal(FUTURE + 'for k, v in {}.iteritems():\n    pass\n'), /'\.iteritems'/);
  assert.match(refusal(FUTURE + "b = b'\\xff'\n"), /bytes literal with non-ASCII/);
  assert.match(refusal(FUTURE + "s = u'ab'\n"), /unicode literal/);
  assert.match(refusal('from __future__ import print_function, unicode_literals\n'), /unicode_literals/);
  // An ASCII bytes literal is 2.7's str literal.
  assert.equal(run(FUTURE + "b = b'ab'\nprint(repr(b), type(b), b == 'ab', b is 'ab')\n").stdout, "'ab' <type 'str'> True True\n");
  assert.equal(run(FUTURE + 'def file(n):\n    return n\nclass D(object):\n    def has_key(self, k):\n        return k\n'
    + 'print(file(2), D().has_key(3))\n').stdout, '2 3\n');
  // With the futures, print() and true division are Python 3's.
  assert.equal(run('from __future__ import print_function, division\nprint(7 / 2, 1, sep="|")\n').stdout, '3.5|1\n');
});

test('2.7 except: the caught exception and its traceback stay in sys.exc_info until the catching function returns', () => {
  // Output of CPython 2.7.18 for this program (see also test/scenarios/py2_except.py).
  const r = run(FUTURE + `import sys
class X(object):
    def __del__(self): print('del')
def f():
    x = X()
    raise KeyError('k')
def g():
    try:
        f()
    except KeyError as e:
        print('caught', hasattr(e, '__traceback__'))
    print('after', e, sys.exc_info()[1] is e)
g()
print('returned', sys.exc_info())
`);
  assert.equal(r.stdout, "caught False\nafter 'k' True\ndel\nreturned (None, None, None)\n");
});

test('the 2.7 gc module: no get_stats/callbacks/freeze, DEBUG_INSTANCES/OBJECTS, 2.7 wording', () => {
  const r = run(FUTURE + `import gc
print(hasattr(gc, 'get_stats'), hasattr(gc, 'callbacks'), hasattr(gc, 'freeze'), gc.DEBUG_INSTANCES, gc.DEBUG_OBJECTS, gc.DEBUG_LEAK)
gc.get_stats()
`);
  assert.equal(r.stdout, 'False False False 8 16 62\n');
  assert.match(r.stderr, /AttributeError: 'module' object has no attribute 'get_stats'\n$/);
  assert.equal(r.exitCode, 1);
});

test('old-style classes: reprs, DEBUG_INSTANCES lines, uncollectable __del__ cycle', () => {
  const r = run(FUTURE + `import gc
gc.collect()
class T:
    def __del__(self):
        pass
a = T(); b = T(); a.b = b; b.a = a
del a, b
print(str(T))
gc.set_debug(gc.DEBUG_UNCOLLECTABLE | gc.DEBUG_INSTANCES)
print(gc.collect(), len(gc.garbage), repr(gc.garbage[0]).split(' at ')[0])
gc.set_debug(0)
`);
  assert.equal(r.stdout, '__main__.T\n4 2 <__main__.T instance\n');
  assert.deepEqual(r.stderr.split('\n').filter(Boolean).map((l) => l.replace(/0x[0-9a-f]+/, 'X')),
    ['gc: uncollectable <T instance at X>', 'gc: uncollectable <T instance at X>']);
});

test('dicts iterate in 2.7 hash-table order, also in a deep copy', () => {
  const src = FUTURE + `h = {'one': 1, 'two': 2, 'three': 3, 'four': 4}
t = {(1, 2): 'a', (2, 1): 'b', 'x': 'c', 2.5: 'd', -3: 'e', '': 'f', 'longer key': 'g'}
del t['x']
t['y'] = 'h'
print(list(h), list(t.values()))
`;
  assert.equal(run(src).stdout, "['four', 'three', 'two', 'one'] ['a', 'f', 'd', 'g', 'b', 'h', 'e']\n");
  // The debugger's deep copy keeps the table: same order now and after the same changes.
  const { e } = engine(FUTURE);
  const it = e.it;
  const d = it.newDict();
  for (const k of ['one', 'two', 'three', 'four', 'five', 'six']) dictSetStr(it, d, k, it.newNone());
  dictDel(it, d, it.newStr('two'));
  const copy = deepClone(d);
  const keys = (x: PyDict) => [...x.map.keys()];
  assert.deepEqual(keys(copy), keys(d));
  for (const x of [d, copy]) dictSetStr(it, x, 'seven', it.newNone());
  assert.deepEqual(keys(copy), keys(d));
  assert.notDeepEqual(keys(d), ['one', 'three', 'four', 'five', 'six', 'seven']);
});

test('2.7 shutdown: final collection, then globals set to None in table order (one underscore first)', () => {
  const r = run(FUTURE + `import gc
gc.disable()
class D(object):
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('del', self.n)
alpha = D('alpha'); beta = D('beta'); gamma = D('gamma'); zeta = D('zeta'); _priv = D('_priv')
print('end')
`);
  assert.equal(r.stdout, 'end\ndel _priv\ndel beta\ndel gamma\ndel alpha\ndel zeta\n');
});

test('2.7 unraisable report: one line, no traceback', () => {
  const r = run(FUTURE + `class Bad(object):
    def __del__(self):
        raise ValueError('boom')
b = Bad()
del b
`);
  assert.match(r.stderr, /^Exception ValueError: ValueError\('boom',\) in <bound method Bad\.__del__ of <__main__\.Bad object at 0x[0-9a-f]+>> ignored\n$/);
});

test('2.7 under the debugger: step back and goto replay the same dict order and output', async () => {
  const src = FUTURE + `import gc
d = {}
for k in ['one', 'two', 'three', 'four', 'five']:
    d[k] = len(k)
del d['two']
d['six'] = 3
print(list(d))
print('end')
`;
  const straight = run(src).stdout;
  const rt = new GcRuntime();
  let out = '';
  rt.on('output', (o: OutputEvent) => { if (o.stream === 'stdout') out += o.text; });
  const next = (cmd: () => void) => new Promise<StopInfo | 'exited'>((res) => {
    const onStop = (s: StopInfo) => { rt.off('exited', onExit); res(s); };
    const onExit = () => { rt.off('stopped', onStop); res('exited'); };
    rt.once('stopped', onStop);
    rt.once('exited', onExit);
    cmd();
  });
  rt.load({ source: src, filename: '/t/s.py', python: '2.7', checkpointInterval: 3 });
  rt.setBreakpoints([{ line: 7 }]);
  await next(() => rt.start(false));
  // Step back restores the nearest checkpoint (a deep copy of the engine, dict included) and replays.
  await next(() => rt.stepBack());
  rt.setBreakpoints([]);
  const end = await next(() => rt.continue());
  assert.equal(end, 'exited');
  assert.equal(out, straight);
  assert.equal(straight, "['four', 'three', 'five', 'six', 'one']\nend\n"); // CPython 2.7.18
});
