// The GC panel's main-thread CPU time per message, from a Chromium trace (the
// thread time of every task on the page's main thread, through CDP Tracing): a
// figure that, unlike the wall-clock ones of perf.ts, hardly moves when other
// processes share the machine. Each message is traced from its postMessage
// (the cloning of the message included) to the end of the frame painted after
// it is drawn, the harness's parsing of the recorded JSON left out.
//
//   node --import tsx test/webview/cpu-time.ts [pairs …]   (scripts/bench-panel.mjs calls this)
import type { CDPSession } from 'playwright-core';
import { ensureBuilt, launchBrowser, PanelPage, startServer } from './harness';
import { median, recordBigHeap, stepMessages, type MessageMode } from './perf';

interface TraceEvent { ph: string; name: string; pid: number; tid: number; tdur?: number; dur?: number; args?: { name?: string } }

/** Main-thread CPU (ms) of the tasks that ran while `fn` did, and the longest of them. */
async function traced(cdp: CDPSession, fn: () => Promise<void>): Promise<{ cpu: number; longest: number }> {
  const events: TraceEvent[] = [];
  const onData = (e: { value: object[] }) => { events.push(...(e.value as TraceEvent[])); };
  cdp.on('Tracing.dataCollected', onData);
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: 'toplevel', transferMode: 'ReportEvents' });
  await fn();
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', onData);
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  let cpu = 0, longest = 0;
  for (const e of events) {
    if (e.ph !== 'X' || e.name !== 'ThreadControllerImpl::RunTask' || !main.has(`${e.pid}:${e.tid}`)) continue;
    const t = (e.tdur ?? 0) / 1000;
    cpu += t;
    longest = Math.max(longest, t);
  }
  return { cpu, longest };
}

async function main(): Promise<void> {
  ensureBuilt();
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const only = process.argv.slice(2).map(Number).filter((n) => n > 0);
    const mode: MessageMode = process.argv.includes('--whole') ? 'whole' : 'diff';
    for (const pairs of only.length ? only : [499, 4999]) {
      const rec = recordBigHeap(pairs);
      const messages = stepMessages(rec, mode);
      const p = await PanelPage.open(browser, server);
      const cdp = await p.page.context().newCDPSession(p.page);
      const figures: { cpu: number; longest: number }[] = [];
      for (const [i, s] of rec.snapshots.entries()) {
        const m = messages[i];
        await p.page.evaluate((json) => { (globalThis as unknown as { __staged: unknown }).__staged = JSON.parse(json); }, JSON.stringify(m));
        figures.push(await traced(cdp, async () => {
          await p.page.evaluate(() => {
            const g = globalThis as unknown as { __staged: unknown; __postAt?: number; postMessage(m: unknown, t: string): void };
            g.__postAt = performance.now();
            g.postMessage(g.__staged, '*');
          });
          await p.waitStep(s.step);
          await p.waitPresented(s.step);
        }));
        if (i === 0) await p.page.waitForTimeout(500);
      }
      await p.close();
      const [first, ...steps] = figures;
      const r = (x: number) => x.toFixed(1);
      console.log(`${pairs < 1000 ? '1,000-node heap' : '10,000-object heap'}: main-thread CPU (Chromium trace), from the message to the frame showing it`
        + ` (${mode === 'diff' ? 'diffs after the first step' : 'whole snapshots'})`);
      console.log(`  first render ${r(first.cpu)} ms (longest task ${r(first.longest)} ms); per step: median ${r(median(steps.map((x) => x.cpu)))} ms, `
        + `max ${r(Math.max(...steps.map((x) => x.cpu)))} ms (longest task ${r(Math.max(...steps.map((x) => x.longest)))} ms)`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

if (require.main === module) void main();
