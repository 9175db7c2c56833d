// The collector phase by phase: the state each phase leaves (gc_refs after
// update_refs/subtract_refs, the unreachable set and the survivors' order
// after move_unreachable, weakref clearing, finalizers called once,
// resurrection, delete_garbage, promotion and counters), observed through
// the engine's phase events on small scenarios.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from '../../src/engine/engine';
import type { PyObject, PyInstance } from '../../src/engine/objects';
import type { Profile } from '../../src/engine/profile';

interface PhaseView { phase: string; young: string[]; unreachable: string[]; refs: Record<string, number> }

/** Name instances by their `name` attribute (or type name) for readable assertions. */
function label(o: PyObject): string {
  const inst = o as PyInstance;
  if (inst.values && inst.type.sharedKeys?.has('name')) {
    const v = inst.values[inst.type.sharedKeys.get('name')!] as unknown as { v?: string } | null;
    if (v && typeof v.v === 'string') return v.v;
  }
  return o.type.name;
}

function run(src: string, opts: { profile?: Partial<Profile> } = {}) {
  let out = '';
  let err = '';
  const e = new Engine(src, { filename: '/t/test.py', python: '3.11', profileOverrides: opts.profile,
    out: { stdout: (s) => { out += s; }, stderr: (s) => { err += s; } } });
  e.compile();
  const phases: PhaseView[][] = [];
  e.it.setListener((ev) => {
    if (ev.kind === 'collect-start') phases.push([]);
    if (ev.kind === 'phase') {
      const cur = e.collector.current!;
      const named = (objs: PyObject[]) => objs.filter((o) => o.type.isHeap).map(label);
      const refs: Record<string, number> = {};
      for (const o of [...cur.young.toArray(), ...cur.unreachable.toArray()]) if (o.type.isHeap) refs[label(o)] = o.gcRefs;
      phases[phases.length - 1].push({ phase: ev.name, young: named(cur.young.toArray()), unreachable: named(cur.unreachable.toArray()), refs });
    }
  });
  const r = e.run();
  return { out, err, exitCode: r.exitCode, phases, engine: e };
}

const NODE = `
import gc
class N:
    def __init__(self, name):
        self.name = name
gc.collect()
`;

test('update_refs + subtract_refs: gc_refs counts only references from outside the collected set', () => {
  const r = run(NODE + `
a = N('a')
b = N('b')
a.o = b
b.o = a
keep = N('keep')
del a, b
gc.collect(0)
`);
  const c = r.phases[1];
  const sub = c.find((p) => p.phase === 'subtract_refs')!;
  assert.equal(sub.refs.a, 0);
  assert.equal(sub.refs.b, 0);
  assert.equal(sub.refs.keep, 1, 'held by a global: one reference from outside');
  const mv = c.find((p) => p.phase === 'move_unreachable')!;
  assert.deepEqual(mv.unreachable, ['a', 'b']);
  assert.deepEqual(mv.young, ['keep']);
  assert.equal(r.exitCode, 0);
});

test('move_unreachable moves objects reached late back to the end: a chain A<-B<-C ends up C, B, A', () => {
  const r = run(NODE + `
a = N('A')
b = N('B')
c = N('C')
b.next = a
c.next = b
del a, b
gc.collect(0)
`);
  const mv = r.phases[1].find((p) => p.phase === 'move_unreachable')!;
  assert.deepEqual(mv.young, ['C', 'B', 'A']);
  assert.deepEqual(mv.unreachable, []);
});

test('finalize_garbage calls __del__ once, in unreachable-list order, and delete_garbage frees the cycle', () => {
  const r = run(`
import gc
order = []
class F:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        order.append(self.name)
gc.collect()
x = F('x'); y = F('y'); z = F('z')
x.o = y; y.o = z; z.o = x
del x, y, z
print(gc.collect(), order)
print(gc.collect(), order)
`);
  assert.equal(r.out, "3 ['x', 'y', 'z']\n0 ['x', 'y', 'z']\n");
});

test('handle_weakrefs: outside weakrefs are cleared and their callbacks run before any __del__', () => {
  const r = run(`
import gc, weakref
log = []
class D:
    def __del__(self):
        log.append('del, ref alive=%s' % (w() is not None))
gc.collect()
a = D(); b = D()
a.o = b; b.o = a
w = weakref.ref(a, lambda ref: log.append('callback'))
del a, b
gc.collect()
print(log)
`);
  assert.equal(r.out, "['callback', 'del, ref alive=False', 'del, ref alive=False']\n");
});

test('resurrection (3.9+): only the resurrected objects survive, the rest of the garbage is freed', () => {
  const r = run(`
import gc
saved = []
class R:
    def __del__(self):
        saved.append(self)
class P:
    pass
gc.collect()
r1 = R(); r2 = R(); r1.o = r2; r2.o = r1
p1 = P(); p2 = P(); p1.o = p2; p2.o = p1
del r1, r2, p1, p2
print(gc.collect(), len(saved))
del saved[:]
print(gc.collect())
`);
  assert.equal(r.out, '2 2\n2\n');
});

test('resurrection (3.7/3.8 rule): one resurrection keeps the whole unreachable set', () => {
  const profile: Partial<Profile> = { resurrection: 'abort' };
  const r = run(`
import gc
saved = []
class R:
    def __del__(self):
        saved.append(self)
class P:
    pass
gc.collect()
r1 = R(); r2 = R(); r1.o = r2; r2.o = r1
p1 = P(); p2 = P(); p1.o = p2; p2.o = p1
del r1, r2, p1, p2
print(gc.collect())
del saved[:]
print(gc.collect())
`, { profile });
  assert.equal(r.out, '0\n4\n');
});

test('legacy finalizers (2.7 rule): a cycle with __del__ is uncollectable and goes to gc.garbage', () => {
  const profile: Partial<Profile> = { legacyFinalizers: true };
  const r = run(`
import gc
class A:
    def __del__(self):
        print('never')
class Plain:
    pass
gc.collect()
a = A(); b = A(); a.o = b; b.o = a
a.extra = Plain()
del a, b
print(gc.collect(), len(gc.garbage), [type(o).__name__ for o in gc.garbage])
`, { profile });
  assert.equal(r.out, "3 2 ['A', 'A']\n");
});

test('survivors are promoted and counters follow CPython: collect(0) -> (0,1,0), collect(1) -> (0,0,1)', () => {
  const r = run(`
import gc
gc.collect()
keep = []
gc.collect(0)
a = gc.get_count()
gc.collect(1)
b = gc.get_count()
print(a, b, gc.is_tracked(keep))
`);
  assert.equal(r.out, '(0, 1, 0) (0, 0, 1) True\n');
});

test('tuples of atoms are untracked by the collection that examines them; dicts only by full ones', () => {
  const r = run(`
import gc
gc.collect()
x = 1
t = (x, 'y')
d = {'k': []}
d['k'] = 1
print(gc.is_tracked(t), gc.is_tracked(d))
gc.collect(0)
print(gc.is_tracked(t), gc.is_tracked(d))
gc.collect()
print(gc.is_tracked(t), gc.is_tracked(d))
`);
  assert.equal(r.out, 'True True\nFalse True\nFalse False\n');
});

test('DEBUG_SAVEALL keeps collected objects in gc.garbage instead of clearing them', () => {
  const r = run(NODE + `
a = N('a'); a.me = a
del a
gc.set_debug(gc.DEBUG_SAVEALL)
n = gc.collect()
gc.set_debug(0)
print(n, len(gc.garbage), gc.garbage[0].name)
`);
  assert.equal(r.out, '1 1 a\n');
});

test('every phase is announced, in CPython order', () => {
  const r = run(NODE + 'gc.collect()\n');
  assert.deepEqual(r.phases[1].map((p) => p.phase), ['update_refs', 'subtract_refs', 'move_unreachable',
    'move_legacy_finalizers', 'handle_weakrefs', 'finalize_garbage', 'handle_resurrected_objects', 'delete_garbage']);
});
