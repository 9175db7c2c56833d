// The incremental collector of the 3.14 profile (src/engine/gc/incremental.ts),
// observed on small scenarios: the young collection, the mark phase and the work
// budget of gc_collect_increment, the region an increment collects, the spaces'
// flip at the end of a scan cycle, the full collection, track-event counting,
// and the order of gc_collect_region's phases. Each test sets the start-up
// state it needs through profile overrides, so it checks the mechanism rather
// than the measured start-up numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from '../../src/engine/engine';
import type { Profile } from '../../src/engine/profile';

interface Run { out: string; err: string; engine: Engine; phases: string[][] }

function run(src: string, profile: Partial<Profile> = {}): Run {
  let out = '';
  let err = '';
  const engine = new Engine(src, { filename: '/t/test.py', python: '3.14', profileOverrides: profile,
    out: { stdout: (s) => { out += s; }, stderr: (s) => { err += s; } } });
  engine.compile();
  const phases: string[][] = [];
  engine.it.setListener((ev) => {
    if (ev.kind === 'collect-start') phases.push([]);
    if (ev.kind === 'phase') phases[phases.length - 1].push(ev.name);
  });
  const r = engine.run();
  assert.equal(r.exitCode, 0, err);
  return { out, err, engine, phases };
}

/** `key = value` lines of the output. */
function values(out: string): Record<string, string> {
  const v: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const m = /^(\w+) = (.*)$/.exec(line);
    if (m) v[m[1]] = m[2];
  }
  return v;
}

/** A start-up state with a small heap, at the start of a scan cycle with no budget. */
const markStart: Partial<Profile> = {
  startup: { generationSizes: [0, 0, 100], count: [0, 0, 0], longLivedPending: 0, longLivedTotal: 0, stats: [[0, 0, 0], [0, 0, 0], [0, 0, 0]] },
  incrementalStartup: { phase: 'mark', workToDo: 0, youngTuples: 0, notFromRoots: 0 },
};

const cycle = `
import gc
dels = []
class C:
    def __del__(self):
        dels.append(1)
        print('del')
def make():
    a = C()
    b = C()
    a.o = b
    b.o = a
def pair():
    a = C()
    b = C()
    a.o = b
    b.o = a
    return [a, b]
`;

test('gc.collect(0): survivors go to old[visited], whose count (get_count()[1]) grows; get_objects(1) is empty', () => {
  const { out } = run(`${cycle}
gc.collect()
keep = [C()]
print('young_before = %s' % (gc.is_tracked(keep) and keep in gc.get_objects(0)))
print('c0 = %d' % gc.collect(0))
print('count = %s' % (gc.get_count(),))
print('in_old = %s' % (keep in gc.get_objects(2)))
print('gen1 = %d' % len(gc.get_objects(1)))
`, markStart);
  const v = values(out);
  assert.equal(v.young_before, 'True');
  assert.equal(v.c0, '0');
  assert.match(v.count, /^\(\d+, 1, 0\)$/);
  assert.equal(v.in_old, 'True');
  assert.equal(v.gen1, '0');
});

test('the first increment of a cycle only marks from the roots: garbage waits, and the mark is charged to the budget', () => {
  const { out, phases } = run(`${cycle}
keep = [[] for i in range(50)]
make()
print('c1 = %d' % gc.collect(1))
print('stats1 = %d' % gc.get_stats()[1]['collections'])
print('c1_again = %d' % gc.collect(1))
print('stats1_again = %d' % gc.get_stats()[1]['collections'])
print('dels = %d' % len(dels))
`, markStart);
  const v = values(out);
  // mark_at_start collects nothing and is not counted by add_stats.
  assert.equal(v.c1, '0');
  assert.equal(v.stats1, '0');
  // The mark (50 lists, the module's objects, the 100 stand-ins) was charged twice: the next
  // increment finds its budget spent and returns at once.
  assert.equal(v.c1_again, '0');
  assert.equal(v.stats1_again, '0');
  assert.deepEqual(phases[0], [], 'a mark phase runs none of gc_collect_region\'s phases');
  assert.equal(v.dels, '0');
});

test('an increment the budget allows collects young plus pending objects as one region', () => {
  const { out, phases } = run(`${cycle}
make()
print('c1 = %d' % gc.collect(1))
print('stats1 = %d' % gc.get_stats()[1]['collections'])
`, { ...markStart, incrementalStartup: { phase: 'collect', workToDo: 1000, youngTuples: 0, notFromRoots: 0 } });
  const v = values(out);
  assert.equal(v.c1, '2');
  assert.equal(v.stats1, '1');
  assert.equal(out.split('\n').filter((l) => l === 'del').length, 2);
  assert.deepEqual(phases[0], ['update_refs', 'subtract_refs', 'move_unreachable', 'handle_weakrefs',
    'finalize_garbage', 'handle_resurrected_objects', 'delete_garbage']);
});

test('a young cycle is found by gc.collect(0); one that died in the old generation is not, until gc.collect(2)', () => {
  const { out } = run(`${cycle}
make()
print('c0 = %d' % gc.collect(0))
held = pair()
gc.collect(0)
del held
print('c0_old = %d' % gc.collect(0))
print('c2 = %d' % gc.collect(2))
`, markStart);
  const v = values(out);
  assert.equal(v.c0, '2');
  assert.equal(v.c0_old, '0');
  assert.equal(v.c2, '2');
});

test('the scan cycle ends when pending is empty: the spaces flip, so old[visited]\'s count becomes get_count()[2]', () => {
  const { out } = run(`
import gc
gc.collect(0)
gc.collect(0)
print('before = %s' % (gc.get_count()[1:],))
gc.collect(1)
print('after = %s' % (gc.get_count()[1:],))
`, { ...markStart, startup: { ...markStart.startup!, generationSizes: [0, 0, 10] },
    incrementalStartup: { phase: 'collect', workToDo: 100000, youngTuples: 0, notFromRoots: 0 } });
  const v = values(out);
  assert.equal(v.before, '(2, 0)');
  assert.equal(v.after, '(0, 2)');
});

test('gc.collect(2) merges everything into old[visited], collects it and zeroes the counts', () => {
  const { out, engine } = run(`${cycle}
held = pair()
gc.collect(0)
del held
make()
x = []
print('c2 = %d' % gc.collect(2))
print('count = %s' % (gc.get_count(),))
`, markStart);
  const v = values(out);
  assert.equal(v.c2, '4');
  assert.equal(v.count, '(0, 0, 0)');
  assert.ok(engine.collector.incremental, 'the 3.14 profile uses the incremental collector');
});

test('3.14.1+ counts track events: an untracked tuple counts nothing, a dict counts at creation, freeing untracks', () => {
  const { out } = run(`
import gc
gc.collect()
c0 = gc.get_count()[0]
t = (1, 'a')
c1 = gc.get_count()[0]
d = {}
c2 = gc.get_count()[0]
del d
c3 = gc.get_count()[0]
print('tuple = %d' % (c1 - c0))
print('dict = %d' % (c2 - c1))
print('freed = %d' % (c3 - c2))
print('tracked = %s %s' % (gc.is_tracked(t), gc.is_tracked({})))
`);
  const v = values(out);
  assert.equal(v.tuple, '0');
  assert.equal(v.dict, '1');
  assert.equal(v.freed, '-1');
  assert.equal(v.tracked, 'False True');
});

test('automatic collections are increments (generation 1) scheduled past threshold 0', () => {
  const { out } = run(`
import gc
gens = []
def cb(phase, info):
    if phase == 'start':
        gens.append(info['generation'])
gc.callbacks.append(cb)
gc.set_threshold(5)
keep = []
i = 0
while i < 20:
    keep.append([])
    i = i + 1
gc.callbacks.remove(cb)
print('gens = %s' % (sorted(set(gens)),))
print('some = %s' % (len(gens) > 0))
print('threshold = %s' % (gc.get_threshold(),))
`, markStart);
  const v = values(out);
  assert.equal(v.gens, '[1]');
  assert.equal(v.some, 'True');
  assert.equal(v.threshold, '(5, 10, 0)');
});
