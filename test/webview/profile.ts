// Profiles the GC panel in headless Chromium (a CPU profile through CDP, on an
// unminified build of media/panel.js): the first render of a big heap and the
// steps after it. Prints the functions with the most self time and the longest
// tasks. A tool for finding what to speed up; the figures are `npm run bench:panel`'s.
//
//   node --import tsx test/webview/profile.ts [pairs=499] [first|steps]
//   (env TOP=n: rows shown; FOCUS=functionName: time under each of its callees; WHOLE=1: every step a whole snapshot)
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { launchBrowser, PanelPage, ROOT, startServer } from './harness';
import { recordBigHeap, stepMessages } from './perf';

interface CallFrame { functionName: string; url: string; lineNumber: number; columnNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

function summarise(p: Profile, top = 30): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000));
  // Self time per function, and total (inclusive) time per function (counted once per stack).
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (f: CallFrame) => `${f.functionName || '(anon)'} ${path.basename(f.url)}:${f.lineNumber + 1}`;
  const selfBy = new Map<string, number>();
  const totalBy = new Map<string, number>();
  for (const [id, t] of self) {
    const n = byId.get(id)!;
    selfBy.set(key(n.callFrame), (selfBy.get(key(n.callFrame)) ?? 0) + t);
    const seen = new Set<string>();
    for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) {
      const k = key(byId.get(x)!.callFrame);
      if (seen.has(k)) continue;
      seen.add(k);
      totalBy.set(k, (totalBy.get(k) ?? 0) + t);
    }
  }
  const fmt = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? top)).map(([k, v]) => `  ${v.toFixed(1).padStart(8)} ms  ${k}`).join('\n');
  let out = `self:\n${fmt(selfBy)}\ntotal:\n${fmt(totalBy)}`;
  // FOCUS=name: the time under each direct callee of that function (inclusive), summed over its calls.
  const focus = process.env.FOCUS;
  if (focus) {
    const inclusive = new Map<number, number>();
    const incl = (id: number): number => {
      const known = inclusive.get(id);
      if (known !== undefined) return known;
      const n = byId.get(id)!;
      const t = (self.get(id) ?? 0) + (n.children ?? []).reduce((a, c) => a + incl(c), 0);
      inclusive.set(id, t);
      return t;
    };
    const under = new Map<string, number>();
    for (const n of p.nodes) {
      if (n.callFrame.functionName !== focus) continue;
      for (const c of n.children ?? []) { const k = key(byId.get(c)!.callFrame); under.set(k, (under.get(k) ?? 0) + incl(c)); }
      under.set('(self)', (under.get('(self)') ?? 0) + (self.get(n.id) ?? 0));
    }
    out += `\nunder ${focus}:\n${fmt(under)}`;
  }
  return out;
}

async function main(): Promise<void> {
  const pairs = Number(process.argv[2] ?? 499);
  const what = process.argv[3] ?? 'first';
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'src/webview/main.ts')], outfile: path.join(ROOT, 'media/panel.js'), bundle: true,
    platform: 'browser', format: 'iife', target: 'chrome120', minify: false, sourcemap: true,
    tsconfig: path.join(ROOT, 'src/webview/tsconfig.json'), logLevel: 'warning',
  });
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const rec = recordBigHeap(pairs);
    const p = await PanelPage.open(browser, server);
    const cdp = await p.page.context().newCDPSession(p.page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    const [first, ...rest] = stepMessages(rec, process.env.WHOLE ? 'whole' : 'diff');
    if (what === 'first') await cdp.send('Profiler.start');
    await p.sendStaged(first);
    await p.page.waitForTimeout(1500);
    if (what !== 'first') {
      await cdp.send('Profiler.start');
      for (const m of rest) { await p.sendStaged(m); await p.settle(); }
      await p.page.waitForTimeout(300);
    }
    const { profile } = await cdp.send('Profiler.stop') as unknown as { profile: Profile };
    console.log(summarise(profile));
    console.log('long tasks:', JSON.stringify((await p.longTasks()).map((t) => Math.round(t.duration))));
    await p.close();
  } finally {
    await browser.close();
    await server.close();
    spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  }
}

void main();
