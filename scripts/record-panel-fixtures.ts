// Records the GC panel's test fixtures from real runs: each scenario runs on the
// engine with a hook that takes a Snapshot (src/runtime/snapshot.ts
// buildSnapshot) at every step — every statement and every collector phase —
// and the counter progression (Timeline) of the whole run.
//
//   npx tsx scripts/record-panel-fixtures.ts        writes test/webview/fixtures/*.json
//
// `recordScenario` is also used by the panel's tests and benchmark to record big
// heaps at run time (too large to keep as files).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Engine } from '../src/engine/engine';
import type { Frame } from '../src/engine/vm/frame';
import { buildSnapshot } from '../src/runtime/snapshot';
import type { CollectionEvent, CounterPoint, Snapshot, Timeline } from '../src/protocol/snapshot';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURE_DIR = path.join(ROOT, 'test', 'webview', 'fixtures');

/** Article examples and scenarios recorded as fixtures (kept small: each file holds every step). */
export const FIXTURE_SCENARIOS = [
  'examples/c_cycle_leak.pygc',
  'examples/d_collect_debug_stats.pygc',
  'examples/e_get_count.pygc',
  'examples/f_uncollectable_del.pygc',
  'examples/thresholds.pygc',
  'test/webview/scenarios/hostile_names.pygc',
];

export interface Recording {
  scenario: string;
  python: string;
  /** One per recorded step, in step order (steps not kept are absent). */
  snapshots: Snapshot[];
  timeline: Timeline;
  /** The last step of the scenario itself (later steps are the interpreter's finalisation). */
  lastScenarioStep: number;
  stdout: string;
}

export interface RecordOptions {
  filename: string;
  python?: string;
  /** Build the full snapshot of this step? (default: every step). Counters are kept for every step. */
  keep?: (step: number) => boolean;
  maxSteps?: number;
}

/** Run a scenario and record its snapshots and timeline. */
export function recordScenario(source: string, opts: RecordOptions): Recording {
  const python = opts.python ?? '3.11';
  let stdout = '';
  const engine = new Engine(source, {
    filename: opts.filename, python, maxSteps: opts.maxSteps,
    out: { stdout(t) { stdout += t; }, stderr() {} },
  });
  engine.compile();
  const it = engine.it;
  const snapshots: Snapshot[] = [];
  const points: CounterPoint[] = [];
  const collections: CollectionEvent[] = [];
  const liveSerials = new Set<number>();
  let step = 0;
  let lastScenarioStep = 0;
  let previousIds: Set<number> | undefined;
  const keep = opts.keep ?? (() => true);
  const thresholds = [...it.heap.threshold] as [number, number, number];

  const takeStep = () => {
    step++;
    if (!it.finalizing) lastScenarioStep = step;
    const point: CounterPoint = { step, count: [...it.heap.count] as [number, number, number], live: liveSerials.size };
    if (it.heap.threshold.some((v, g) => v !== thresholds[g])) point.threshold = [...it.heap.threshold] as [number, number, number];
    points.push(point);
    if (!keep(step)) { previousIds = undefined; return; }
    const s = buildSnapshot(engine, { step, previousIds });
    previousIds = new Set(s.objects.map((o) => o.id));
    snapshots.push(s);
  };
  it.heap.fineEvents = true; // alloc/free events, for the live-object count
  it.setListener((ev) => {
    if (ev.kind === 'alloc' && ev.obj.serial >= engine.firstScenarioSerial) liveSerials.add(ev.obj.serial);
    else if (ev.kind === 'free') liveSerials.delete(ev.obj.serial);
    else if (ev.kind === 'collect-end') {
      collections.push({ step, generation: ev.generation, automatic: ev.automatic, collected: ev.collected, uncollectable: ev.uncollectable });
    }
  });
  it.hook = {
    line(_f: Frame) { takeStep(); },
    phase() { takeStep(); },
    exception() {},
  };
  engine.run();
  it.hook = null;
  it.setListener(null);
  const timeline: Timeline = { points, collections, thresholds, lastStep: step };
  return { scenario: opts.filename, python, snapshots, timeline, lastScenarioStep, stdout };
}

/** Record the last `count` steps of a scenario itself (a first run counts its steps). */
export function recordLastSteps(source: string, filename: string, count: number): Recording {
  const first = recordScenario(source, { filename, keep: () => false });
  const end = first.lastScenarioStep;
  return recordScenario(source, { filename, keep: (step) => step > end - count && step <= end });
}

function main(): void {
  fs.mkdirSync(FIXTURE_DIR, { recursive: true });
  for (const rel of FIXTURE_SCENARIOS) {
    const file = path.join(ROOT, rel);
    const rec = recordScenario(fs.readFileSync(file, 'utf8'), { filename: rel });
    const out = path.join(FIXTURE_DIR, path.basename(rel).replace(/\.pygc$/, '.json'));
    fs.writeFileSync(out, JSON.stringify(rec) + '\n');
    const objs = Math.max(...rec.snapshots.map((s) => s.objects.length));
    console.log(`${path.relative(ROOT, out)}: ${rec.snapshots.length} steps, up to ${objs} objects, `
      + `${rec.timeline.collections.length} collections, ${(fs.statSync(out).size / 1024).toFixed(0)} KiB`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
