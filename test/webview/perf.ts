// The GC panel's performance figures, measured in headless Chromium with
// performance.now() inside the page, each from the message's postMessage to the
// end of the first frame painted after the panel drew it: the first render of a
// 1,000-node heap, the update per step at 1,000 nodes, and stepping through a
// 10,000-object heap (the longest task seen, from the browser's long-task timing). The heaps are
// recorded from real runs of test/webview/big-heap.ts on the engine.
//
//   node --import tsx test/webview/perf.ts [pairs …]   prints the figures (scripts/bench-panel.mjs calls this;
//                                                    499 pairs: the 1,000-node heap, 4999: the 10,000-object one)
import path from 'node:path';
import { recordLastSteps, type Recording } from '../../scripts/record-panel-fixtures';
import { bigHeapSource } from './big-heap';
import { ensureBuilt, launchBrowser, PanelPage, snapshotMessage, startServer, type Browser, type Server } from './harness';

export const TARGETS = { firstRender: 500, update: 30, longTask: 200 };
const STEPS = 10;

export interface HeapFigures {
  objects: number;
  nodes: number;
  /** First snapshot: from the page's postMessage to the panel marking it drawn, ms (message cloning included). */
  firstDrawn: number;
  /** First snapshot: from the postMessage to the end of the first frame painted after it was drawn, ms. */
  firstRender: number;
  /** The same two figures for each following step. */
  drawn: number[];
  updates: number[];
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

/**
 * Send the first recorded step, then each following one once the frame showing the previous one was
 * painted; time each from the message to that frame (page clock, see vscode-stub.js) and record the
 * browser's long tasks.
 */
export async function measureHeap(browser: Browser, server: Server, rec: Recording, screenshot?: string): Promise<HeapFigures> {
  const p = await PanelPage.open(browser, server);
  const [first, ...rest] = rec.snapshots;
  await p.send({ type: 'session', state: 'stopped' });
  const staging: [number, number][] = [];
  staging.push(await p.sendStaged(snapshotMessage(rec, first)));
  await p.waitPresented(first.step);
  const t0 = staging[0][1];
  await p.page.waitForTimeout(50);
  const t1 = await p.now();
  for (const s of rest) {
    staging.push(await p.sendStaged(snapshotMessage(rec, s, false)));
    await p.waitPresented(s.step);
  }
  await p.page.waitForTimeout(50);
  const frames = await p.frames();
  const tasks = await p.longTasks();
  const nodes = (await p.nodes()).length;
  const grouped = ((await p.page.textContent('#graph-note')) ?? '').includes('grouped');
  if (screenshot) await p.screenshot(screenshot);
  await p.close();
  const timed = frames.filter((f) => f.posted !== undefined && f.presented !== undefined);
  if (timed.length !== rec.snapshots.length) throw new Error(`${timed.length} timed frames for ${rec.snapshots.length} messages`);
  const [f0, ...fs] = timed;
  // Long tasks of the panel (not the harness's parsing of the recorded JSON).
  const harness = (x: { start: number }) => staging.some(([a, b]) => x.start >= a && x.start < b);
  const during = (a: number, b: number) => Math.max(0, ...tasks.filter((x) => x.start >= a && x.start < b && !harness(x)).map((x) => x.duration));
  return {
    objects: first.objects.length,
    nodes,
    firstDrawn: f0.drawn - f0.posted!,
    firstRender: f0.presented! - f0.posted!,
    drawn: fs.map((f) => f.drawn - f.posted!),
    updates: fs.map((f) => f.presented! - f.posted!),
    longestTaskFirst: during(t0, t1),
    longestTaskStepping: during(t1, Infinity),
    grouped,
  };
}

export function formatFigures(label: string, f: HeapFigures): string {
  const r = (x: number) => x.toFixed(1);
  return [
    `${label}: ${f.objects.toLocaleString('en-US')} objects in the snapshot, ${f.nodes.toLocaleString('en-US')} nodes drawn${f.grouped ? ' (grouped by type)' : ''}`,
    `  first render: ${r(f.firstRender)} ms from the message to the frame showing it (target ≤ ${TARGETS.firstRender} ms); drawn at ${r(f.firstDrawn)} ms`,
    `  update per step: median ${r(median(f.updates))} ms, max ${r(Math.max(...f.updates))} ms to the frame (target ≤ ${TARGETS.update} ms); `
      + `drawn at median ${r(median(f.drawn))} ms`,
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
    const only = process.argv.slice(2).map(Number).filter((n) => n > 0);
    for (const pairs of only.length ? only : [499, 4999]) {
      const rec = recordBigHeap(pairs);
      console.log(formatFigures(pairs < 1000 ? '1,000-node heap' : '10,000-object heap', await measureHeap(browser, server, rec)));
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

if (require.main === module) void main();
