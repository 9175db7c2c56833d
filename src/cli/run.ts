// `pygc run FILE`: simulate a scenario and write what CPython would write.

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from './args';
import { Engine } from '../engine/engine';
import { formatScenarioError, ScenarioError } from '../lang/errors';
import { UnknownProfileError } from '../engine/profile';
import { HeapEvent } from '../engine/heap';
import { readScenario } from './source';

class BufferedStream {
  private chunks: string[] = [];
  private size = 0;
  constructor(private fd: number) {}
  write(s: string): void {
    this.chunks.push(s);
    this.size += s.length;
    if (this.size > 1 << 16) this.flush();
  }
  flush(): void {
    if (!this.chunks.length) return;
    const data = this.chunks.join('');
    this.chunks = [];
    this.size = 0;
    let buf = Buffer.from(data, 'utf8');
    while (buf.length) {
      try {
        const n = fs.writeSync(this.fd, buf as unknown as Uint8Array);
        buf = buf.subarray(n);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
        if ((e as NodeJS.ErrnoException).code === 'EPIPE') return;
        throw e;
      }
    }
  }
}

export function runCommand(args: string[]): number {
  const p = parseArgs(args, ['--python', '--trace', '--max-steps', '--hash']);
  if (p.error) { process.stderr.write(`pygc run: ${p.error}\n`); return 2; }
  const file = p.file!;
  const src = readScenario(file);
  if (typeof src !== 'string') { process.stderr.write(src.error + '\n'); return 2; }
  const out = new BufferedStream(1);
  const err = new BufferedStream(2);
  const maxSteps = p.options.has('--max-steps') ? Number(p.options.get('--max-steps')) : undefined;
  if (maxSteps !== undefined && !(maxSteps > 0)) { process.stderr.write('pygc run: --max-steps must be a positive number\n'); return 2; }
  const hashBuild = p.options.get('--hash');
  if (hashBuild !== undefined && hashBuild !== 'wasm32') { process.stderr.write('pygc run: --hash takes wasm32 (Pyodide\'s hash())\n'); return 2; }
  let engine: Engine;
  const python = p.options.get('--python') ?? '3.11';
  try {
    engine = new Engine(src, {
      filename: scenarioFilename(file, python),
      python, maxSteps,
      // Pyodide's hash() (32-bit, FNV): see Profile.hashBuild.
      profileOverrides: hashBuild ? { hashBuild: 'wasm32' } : undefined,
      out: { stdout: (s) => out.write(s), stderr: (s) => { out.flush(); err.write(s); err.flush(); } },
    });
  } catch (e) {
    if (e instanceof UnknownProfileError) { process.stderr.write(`pygc run: ${e.message}\n`); return 2; }
    throw e;
  }
  const trace: object[] = [];
  const tracePath = p.options.get('--trace');
  if (tracePath) {
    engine.it.heap.fineEvents = true;
    engine.it.setListener((ev) => trace.push(traceEntry(engine, ev)));
  }
  try {
    engine.compile();
  } catch (e) {
    if (e instanceof ScenarioError) { process.stderr.write(formatScenarioError(e)); return 2; }
    throw e;
  }
  let r;
  try {
    r = engine.run();
  } finally {
    out.flush();
    err.flush();
  }
  if (tracePath) fs.writeFileSync(tracePath, JSON.stringify({ scenario: file, python, events: trace }, null, 0));
  return r.exitCode;
}

/** What CPython shows as the script's name: the absolute path from 3.9, the path as given before. */
function scenarioFilename(file: string, python: string): string {
  const [maj, min] = python.split('.').map(Number);
  if (maj > 3 || (maj === 3 && min >= 9)) return path.resolve(file);
  return file;
}

function traceEntry(engine: Engine, ev: HeapEvent): object {
  const base: Record<string, unknown> = { kind: ev.kind, line: engine.it.frame?.lineno ?? null };
  if ('obj' in ev) { base.type = ev.obj.type.name; base.id = ev.obj.serial; base.refcount = ev.obj.rc; }
  if ('generation' in ev) base.generation = ev.generation;
  if (ev.kind === 'phase') base.phase = ev.name;
  if (ev.kind === 'collect-end') { base.collected = ev.collected; base.uncollectable = ev.uncollectable; }
  return base;
}
