// The GC panel's performance figures, measured in headless Chromium with
// performance.now() inside the page, each from the message's postMessage to the
// end of the first frame painted after the panel drew it: the first render of a
// 1,000-node heap, the update per step at 1,000 nodes, and stepping through a
// 10,000-object heap (the longest task seen, from the browser's long-task timing). The heaps are
// recorded from real runs of test/webview/big-heap.ts on the engine. The messages are the ones the
// extension host sends (src/extension/gc-panel-sender.ts): the first step whole, each next one as a
// diff against the one before; with --whole, every step whole (as before the diffs).
//
//   node --import tsx test/webview/perf.ts [--whole] [pairs …]   prints the figures (scripts/bench-panel.mjs calls this;
//                                                    499 pairs: the 1,000-node heap, 4999: the 10,000-object one)
import path from 'node:path';
import { recordLastSteps, type Recording } from '../../scripts/record-panel-fixtures';
import { bigHeapSource } from './big-heap';
import type { HostToPanel } from '../../src/protocol/panel-messages';
import { PanelStateSender } from '../../src/extension/gc-panel-sender';
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
  /** Size of the messages as JSON (the first; the median of the steps), bytes. */
  firstBytes: number;
  stepBytes: number;
}

export type MessageMode = 'diff' | 'whole';

/** The host's messages for the recorded steps: the first whole (with the timeline), then diffs or whole snapshots. */
export function stepMessages(rec: Recording, mode: MessageMode): HostToPanel[] {
  if (mode === 'whole') return rec.snapshots.map((s, i) => snapshotMessage(rec, s, i === 0));
  const sender = new PanelStateSender();
  return rec.snapshots.map((s) => sender.message(s, rec.timeline));
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
export async function measureHeap(browser: Browser, server: Server, rec: Recording, screenshot?: string, mode: MessageMode = 'diff'): Promise<HeapFigures> {
  const p = await PanelPage.open(browser, server);
  const [first, ...rest] = rec.snapshots;
  const messages = stepMessages(rec, mode);
  const bytes = messages.map((m) => JSON.stringify(m).length);
  await p.send({ type: 'session', state: 'stopped' });
  const staging: [number, number][] = [];
  staging.push(await p.sendStaged(messages[0]));
  await p.waitPresented(first.step);
  const t0 = staging[0][1];
  await p.page.waitForTimeout(50);
  const t1 = await p.now();
  for (const [i, s] of rest.entries()) {
    staging.push(await p.sendStaged(messages[i + 1]));
    await p.waitPresented(s.step);
  }
  const asked = (await p.posted()).filter((m) => m.type === 'requestSnapshot').length;
  if (asked) throw new Error(`the panel asked ${asked} times for the whole state: a diff did not fit`);
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
    firstBytes: bytes[0],
    stepBytes: median(bytes.slice(1)),
  };
}

export function formatFigures(label: string, f: HeapFigures): string {
  const r = (x: number) => x.toFixed(1);
  return [
    `${label}: ${f.objects.toLocaleString('en-US')} objects in the snapshot, ${f.nodes.toLocaleString('en-US')} nodes drawn${f.grouped ? ' (grouped by type)' : ''}`,
    `  messages: first ${(f.firstBytes / 1024).toFixed(0)} KB, each step ${f.stepBytes < 10240 ? `${(f.stepBytes / 1024).toFixed(1)}` : (f.stepBytes / 1024).toFixed(0)} KB (JSON, median)`,
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
    const mode: MessageMode = process.argv.includes('--whole') ? 'whole' : 'diff';
    console.log(`GC panel (headless Chromium, ${path.basename(process.env.PYGC_CHROMIUM || '/usr/bin/chromium')}, canvas renderer), ${STEPS} steps each, `
      + (mode === 'diff' ? 'the first step whole, then diffs (as the host sends them)' : 'every step a whole snapshot'));
    const only = process.argv.slice(2).map(Number).filter((n) => n > 0);
    for (const pairs of only.length ? only : [499, 4999]) {
      const rec = recordBigHeap(pairs);
      console.log(formatFigures(pairs < 1000 ? '1,000-node heap' : '10,000-object heap', await measureHeap(browser, server, rec, undefined, mode)));
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

if (require.main === module) void main();
