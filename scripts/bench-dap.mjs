#!/usr/bin/env node
// `node scripts/bench-dap.mjs`: the debug adapter's performance over real DAP
// (node dist/debugAdapter.js, as an editor would run it). Prints:
//  1. the median round trip of next → stopped → stackTrace → scopes →
//     variables(Locals) with 100,000 live objects on the heap (target ≤ 10 ms);
//  2. step back and "go to step N" (pygc/gotoStep) anywhere in a
//     1,000,000-step run (target ≤ 50 ms each), and the adapter's memory after
//     that run (target ≤ 500 MB).
//  3. with BENCH_BIG_HEAP=1: the same 1,000,000-step run with 100,000 live
//     objects (a checkpoint walks the whole heap, so they are spaced further
//     apart; a restore compares the heap with the checkpoint's records).
// Next to wall times, the adapter's own CPU time per request (from /proc) is
// printed: on a busy machine it shows the cost without the waiting.
// Env: BENCH_ROUNDS (default 200 round trips), BENCH_GOTOS (default 40).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ADAPTER = path.join(ROOT, 'dist', 'debugAdapter.js');
if (!fs.existsSync(ADAPTER)) spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
const { DebugClient } = require('@vscode/debugadapter-testsupport');

const ROUNDS = Number(process.env.BENCH_ROUNDS || 200);
const GOTOS = Number(process.env.BENCH_GOTOS || 40);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const ms = (x) => `${x.toFixed(2)} ms`;
const now = () => performance.now();

function scenario(text) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pygc-bench-dap-'));
  const file = path.join(dir, 'bench.pygc');
  fs.writeFileSync(file, text);
  return file;
}

async function start() {
  const dc = new DebugClient(process.execPath, ADAPTER, 'pygc');
  dc.defaultTimeout = 600_000;
  await dc.start();
  return dc;
}

async function launchTo(dc, program, line) {
  const stopped = dc.waitForEvent('stopped');
  const config = dc.waitForEvent('initialized').then(async () => {
    await dc.setBreakpointsRequest({ source: { path: program }, breakpoints: [{ line }] });
    await dc.setExceptionBreakpointsRequest({ filters: [] });
    await dc.configurationDoneRequest();
  });
  await Promise.all([config, dc.launch({ program, maxSteps: 50_000_000 })]);
  await stopped;
}

/** CPU time (user + system) used so far by the adapter process (Linux /proc), in ms. */
function cpuMs(dc) {
  const pid = dc._adapterProcess?.pid;
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch { return NaN; }
}

/** RSS of the adapter process (Linux /proc), in MB. */
function rssMB(dc) {
  const pid = dc._adapterProcess?.pid;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch { return NaN; }
}

console.log(`PyGC Lab debug adapter benchmarks — ${new Date().toISOString().slice(0, 10)}, ${os.cpus()[0].model}, ${os.cpus().length} cores, node ${process.version}\n`);

// 1. Round trip with 100,000 live objects.
{
  const program = scenario([
    'class Node:',
    '    pass',
    '',
    '',
    'objs = [Node() for i in range(100000)]',
    'n = 0',
    'while True:',
    '    n = n + 1',
    '    m = n * 2',
    '',
  ].join('\n'));
  const dc = await start();
  try {
    await launchTo(dc, program, 6);
    await dc.setBreakpointsRequest({ source: { path: program }, breakpoints: [] });
    const st0 = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
    const sc0 = (await dc.scopesRequest({ frameId: st0[0].id })).body.scopes;
    const gen = sc0.filter((s) => s.name.startsWith('Generation')).map((s) => `${s.name}: ${s.indexedVariables}`).join(', ');
    const times = [];
    let rows = 0;
    for (let i = 0; i < ROUNDS + 10; i++) {
      const t0 = now();
      const stopped = dc.waitForEvent('stopped');
      await dc.nextRequest({ threadId: 1 });
      await stopped;
      const st = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
      const sc = (await dc.scopesRequest({ frameId: st[0].id })).body.scopes;
      const vars = (await dc.variablesRequest({ variablesReference: sc.find((s) => s.name === 'Locals').variablesReference })).body.variables;
      const t = now() - t0;
      rows = vars.length;
      if (i >= 10) times.push(t);
    }
    console.log('1. next → stopped → stackTrace → scopes → variables(Locals), 100,000 live objects');
    console.log(`   heap: ${gen}; Locals rows: ${rows}; ${ROUNDS} round trips`);
    console.log(`   median ${ms(median(times))}   p90 ${ms(pct(times, 0.9))}   max ${ms(Math.max(...times))}   (target median ≤ 10 ms)\n`);
  } finally {
    await dc.stop();
  }
}

// 2. Step back and goto step N in a 1,000,000-step run.
{
  const program = scenario([
    'class Node:',
    '    pass',
    '',
    '',
    'keep = []',
    'total = 0',
    'for i in range(333000):',
    '    total = total + i',
    '    if i % 1000 == 0:',
    '        keep.append(Node())',
    'done = total',
    '',
  ].join('\n'));
  const dc = await start();
  try {
    const t0 = now();
    await launchTo(dc, program, 11);
    const runTime = (now() - t0) / 1000;
    const tl = (await dc.customRequest('pygc/timeline')).body.timeline;
    const steps = tl.lastStep;
    const rss = rssMB(dc);
    const back = [];
    const gotos = [];
    const cpuGoto = [];
    const cpuBack = [];
    let rng = 12345;
    const rand = () => { rng = (rng * 1103515245 + 12345) % 2 ** 31; return rng / 2 ** 31; };
    for (let i = 0; i < GOTOS; i++) {
      const target = 1 + Math.floor(rand() * (steps - 1));
      let c = cpuMs(dc);
      let t = now();
      let stopped = dc.waitForEvent('stopped');
      await dc.customRequest('pygc/gotoStep', { step: target });
      await stopped;
      gotos.push(now() - t);
      cpuGoto.push(cpuMs(dc) - c);
      c = cpuMs(dc);
      t = now();
      stopped = dc.waitForEvent('stopped');
      await dc.stepBackRequest({ threadId: 1 });
      await stopped;
      back.push(now() - t);
      cpuBack.push(cpuMs(dc) - c);
    }
    const rssEnd = rssMB(dc);
    console.log(`2. a ${steps.toLocaleString('en')}-step run (${runTime.toFixed(1)} s to reach its last line)`);
    console.log(`   goto step N (random N): median ${ms(median(gotos))}   p90 ${ms(pct(gotos, 0.9))}   max ${ms(Math.max(...gotos))}   (target ≤ 50 ms)`);
    console.log(`   step back:             median ${ms(median(back))}   p90 ${ms(pct(back, 0.9))}   max ${ms(Math.max(...back))}   (target ≤ 50 ms)`);
    console.log(`   adapter CPU time (10 ms ticks): goto median ${median(cpuGoto)} ms, p90 ${pct(cpuGoto, 0.9)} ms, max ${Math.max(...cpuGoto)} ms; step back median ${median(cpuBack)} ms, p90 ${pct(cpuBack, 0.9)} ms, max ${Math.max(...cpuBack)} ms`);
    console.log(`   adapter memory (RSS, timeline and checkpoints included): ${rss.toFixed(0)} MB after the run, ${rssEnd.toFixed(0)} MB after ${GOTOS} gotos (target ≤ 500 MB)`);
  } finally {
    await dc.stop();
  }
}

// 3. (optional) A 1,000,000-step run on a heap of 100,000 objects.
if (process.env.BENCH_BIG_HEAP === '1') {
  const program = scenario([
    'class Node:', '    pass', '', '',
    'objs = [Node() for i in range(100000)]',
    'total = 0',
    'for i in range(330000):',
    '    total = total + i',
    'done = total', '',
  ].join('\n'));
  const dc = await start();
  try {
    const t0 = now();
    await launchTo(dc, program, 9);
    const runTime = (now() - t0) / 1000;
    const steps = (await dc.customRequest('pygc/timeline')).body.timeline.lastStep;
    const rss = rssMB(dc);
    const gotos = [];
    const cpu = [];
    for (const f of [0.5, 0.0002, 0.999, 0.75, 0.12]) {
      const c = cpuMs(dc);
      const t = now();
      const stopped = dc.waitForEvent('stopped');
      await dc.customRequest('pygc/gotoStep', { step: Math.max(1, Math.floor(steps * f)) });
      await stopped;
      gotos.push(now() - t);
      cpu.push(cpuMs(dc) - c);
    }
    console.log(`\n3. a ${steps.toLocaleString('en')}-step run with 100,000 live objects (${runTime.toFixed(1)} s to reach its last line)`);
    console.log(`   goto step N: median ${ms(median(gotos))}   max ${ms(Math.max(...gotos))}   (adapter CPU median ${median(cpu)} ms, max ${Math.max(...cpu)} ms)   memory (RSS) ${rss.toFixed(0)} MB after the run, ${rssMB(dc).toFixed(0)} MB after the gotos`);
  } finally {
    await dc.stop();
  }
}
