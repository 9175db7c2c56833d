// The GC panel's performance figures, measured in headless Chromium with
// performance.now() inside the page: the first render of a 1,000-node heap,
// the update per step at 1,000 nodes, and stepping through a 10,000-object heap
// (the longest task seen, from the browser's long-task timing). The heaps are
// recorded from real runs of test/webview/big-heap.ts on the engine.
//
//   node --import tsx test/webview/perf.ts      prints the figures (scripts/bench-panel.mjs calls this)
import path from 'node:path';
import { recordLastSteps, type Recording } from '../../scripts/record-panel-fixtures';
import { bigHeapSource } from './big-heap';
import { ensureBuilt, launchBrowser, PanelPage, snapshotMessage, startServer, type Browser, type Server } from './harness';

export const TARGETS = { firstRender: 500, update: 30, longTask: 200 };
const STEPS = 10;

export interface HeapFigures {
  objects: number;
  nodes: number;
  /** Message handled (model, graph, chart, details), ms. */
  firstRender: number;
  /** Until the next animation frame after the message, ms. */
  firstFrame: number;
  updates: number[];
  frames: number[];
  /** Longest browser task while stepping (after the first render), ms; 0 when none passed 50 ms.
   *  The harness parses each recorded message into the page in a task of its own, left out here. */
  longestTaskStepping: number;
  longestTaskFirst: number;
  grouped: boolean;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export function recordBigHeap(pairs: number): Recording {
  return recordLastSteps(bigHeapSource(pairs), `big_heap_${pairs}.pygc`, STEPS);
}

export async function measureHeap(browser: Browser, server: Server, rec: Recording, screenshot?: string): Promise<HeapFigures> {
  const p = await PanelPage.open(browser, server);
  const [first, ...rest] = rec.snapshots;
  await p.send({ type: 'session', state: 'stopped' });
  const staging: [number, number][] = [];
  staging.push(await p.sendStaged(snapshotMessage(rec, first)));
  const t0 = staging[0][1];
  await p.page.waitForTimeout(50);
  const t1 = await p.now();
  for (const s of rest) staging.push(await p.sendStaged(snapshotMessage(rec, s, false)));
  await p.page.waitForTimeout(50);
  const timings = await p.timings();
  const tasks = await p.longTasks();
  const nodes = (await p.nodes()).length;
  const grouped = ((await p.page.textContent('#graph-note')) ?? '').includes('grouped');
  if (screenshot) await p.screenshot(screenshot);
  await p.close();
  const firstT = timings.find((x) => x.step === first.step)!;
  const steps = timings.filter((x) => x.step !== first.step);
  // Long tasks of the panel (not the harness's parsing of the recorded JSON).
  const harness = (x: { start: number }) => staging.some(([a, b]) => x.start >= a && x.start < b);
  const during = (a: number, b: number) => Math.max(0, ...tasks.filter((x) => x.start >= a && x.start < b && !harness(x)).map((x) => x.duration));
  return {
    objects: first.objects.length,
    nodes,
    firstRender: firstT.update,
    firstFrame: firstT.frame,
    updates: steps.map((x) => x.update),
    frames: steps.map((x) => x.frame),
    longestTaskFirst: during(t0, t1),
    longestTaskStepping: during(t1, Infinity),
    grouped,
  };
}

export function formatFigures(label: string, f: HeapFigures): string {
  const r = (x: number) => x.toFixed(1);
  return [
    `${label}: ${f.objects.toLocaleString('en-US')} objects in the snapshot, ${f.nodes.toLocaleString('en-US')} nodes drawn${f.grouped ? ' (grouped by type)' : ''}`,
    `  first render ${r(f.firstRender)} ms (next frame at ${r(f.firstFrame)} ms; target ≤ ${TARGETS.firstRender} ms)`,
    `  update per step: median ${r(median(f.updates))} ms, max ${r(Math.max(...f.updates))} ms `
      + `(next frame: median ${r(median(f.frames))} ms; target ≤ ${TARGETS.update} ms)`,
    `  longest task: first render ${r(f.longestTaskFirst)} ms, while stepping ${r(f.longestTaskStepping)} ms (target ≤ ${TARGETS.longTask} ms; 0 = none over 50 ms)`,
  ].join('\n');
}

export { median };

async function main(): Promise<void> {
  ensureBuilt();
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    console.log(`GC panel (headless Chromium, ${path.basename(process.env.PYGC_CHROMIUM || '/usr/bin/chromium')}), ${STEPS} steps each`);
    for (const pairs of [499, 4999]) {
      const rec = recordBigHeap(pairs);
      console.log(formatFigures(pairs < 1000 ? '1,000-node heap' : '10,000-object heap', await measureHeap(browser, server, rec)));
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

if (require.main === module) void main();
