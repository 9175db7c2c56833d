// Simulated object sizes that decide address reuse: 3.13+ instances carry their inline values,
// sized from the class's shared keys that shrink by one entry per new instance
// (engine/inlinevalues.ts; CPython 3.13.0 asked _PyObject_Malloc for 328, 320, 312, 304 bytes);
// 3.6's 32-byte GC header (dict 80, instance 64); 3.6's pending bytes objects of sys.stdout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from '../../src/engine/engine';
import type { PyObject } from '../../src/engine/objects';

function run(src: string, python: string) {
  let out = '';
  const sizes: Record<string, number[]> = {};
  const e = new Engine(src, { filename: '/t/test.py', python, out: { stdout: (s) => { out += s; }, stderr: () => {} } });
  e.compile();
  e.it.heap.fineEvents = true;
  e.it.setListener((ev) => {
    if (ev.kind !== 'alloc') return;
    const o = ev.obj as PyObject;
    if (o.type.isHeap || o.type.name === 'dict') (sizes[o.type.name] ??= []).push(o.bsize);
  });
  e.run();
  return { out, sizes };
}

const LOOP = `
class A:
    pass
class WithAttrs:
    def __init__(self):
        self.x = 1
        self.y = 2
class Slotted:
    __slots__ = ('a',)
for i in range(5):
    a = A()
    w = WithAttrs()
    s = Slotted()
keep = [A() for i in range(40)]
`;

test('3.13: each instance is 8 bytes smaller than the previous one until the shared keys keep one usable entry', () => {
  const { sizes } = run(LOOP, '3.13');
  assert.deepEqual(sizes.A.slice(0, 5), [328, 320, 312, 304, 296]);
  // Attributes move usable entries to dk_nentries: the sum, hence the size, is unchanged.
  assert.deepEqual(sizes.WithAttrs, [328, 320, 312, 304, 296]);
  // 45 instances in all: dk_usable stops at 1, n = 1 → 48 + 8 + 16 bytes.
  assert.deepEqual(sizes.A.slice(-3), [72, 72, 72]);
  // __slots__ without __dict__: no inline values.
  assert.deepEqual(sizes.Slotted, [48, 48, 48, 48, 48]);
});

test('3.12 instances keep one size (values live in a separate array)', () => {
  const { sizes } = run(LOOP, '3.12');
  assert.deepEqual([...new Set(sizes.A)], [48]);
});

test('3.13: successive instances get @1, @2, @2, @3, @3 as in CPython 3.13.0', () => {
  const { out } = run(`
class A:
    pass
ids = []
for i in range(5):
    a = A()
    ids.append(id(a))
    del a
m = {}
print([m.setdefault(x, len(m) + 1) for x in ids])
`, '3.13');
  assert.equal(out.trim(), '[1, 2, 2, 3, 3]');
});

test('3.6: a printed line held as pending bytes keeps a freed 64-byte instance block from the next instance', () => {
  const src = (n: number) => `
class A:
    pass
b = A()
ib = id(b)
del b
print('a' * ${n})
x = A()
print(id(x) == ib)
`;
  // 33 + 20 bytes: the 64-byte class of the instance; 33 + 40: the 80-byte class.
  assert.match(run(src(20), '3.6').out, /False\n$/);
  assert.match(run(src(40), '3.6').out, /True\n$/);
  assert.match(run(src(20), '3.7').out, /True\n$/);
  assert.deepEqual([...new Set(run('d = {}\nclass A: pass\na = A()\n', '3.6').sizes.dict)], [80]);
});
