// `pygc verify FILE [--python X.Y|all|PATH]`: run the scenario in the engine
// and in a real CPython (this is the one place a scenario is executed for
// real), normalise both, and print the differences; exit 1 on any.

import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { spawnSync } from 'node:child_process';
import { parseArgs } from './args';
import { Engine } from '../engine/engine';
import { availableProfiles } from '../engine/profile';
import { normalizeRun, splitLines } from '../verify/normalize';
import type { VerifyResult } from '../verify/report';
import { compareRun, formatDiff } from '../verify/compare';
import { formatScenarioError, ScenarioError } from '../lang/errors';
import { readScenario } from './source';

/** A real interpreter: `exe ...args FILE` runs a scenario like `python FILE`. */
export interface Interpreter { label: string; exe: string; args: string[]; profile: string }

function pyenvRoot(): string { return process.env.PYENV_ROOT || path.join(os.homedir(), '.pyenv'); }

function versionOf(exe: string): string | null {
  const r = spawnSync(exe, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** CPython 3.14 in WebAssembly: the npm package pyodide beside this install, run by
 *  scripts/oracle/run_pyodide.mjs --run (a development install; a .vsix does not ship it). */
function pyodideInterpreter(spec: string): Interpreter | null {
  if (spec !== '3.14') return null;
  const root = path.resolve(__dirname, '..');
  const runner = path.join(root, 'scripts', 'oracle', 'run_pyodide.mjs');
  const pkg = path.join(root, 'node_modules', 'pyodide', 'package.json');
  if (!fs.existsSync(runner) || !fs.existsSync(pkg)) return null;
  const version = JSON.parse(fs.readFileSync(pkg, 'utf8')).version as string;
  return { label: `CPython 3.14 (pyodide ${version})`, exe: process.execPath, args: [runner, '--run'], profile: spec };
}

/** Find a real interpreter for a profile ("3.11") or a path: pyenv's, pythonX.Y or
 *  python3 on the PATH when its version matches, then (3.14) pyodide. */
export function findInterpreter(spec: string): Interpreter | null {
  if (spec.includes('/') || spec.includes('\\')) {
    if (!fs.existsSync(spec)) return null;
    const v = versionOf(spec);
    return v ? { label: spec, exe: spec, args: [], profile: v } : null;
  }
  const versions = path.join(pyenvRoot(), 'versions');
  if (fs.existsSync(versions)) {
    const cands = fs.readdirSync(versions).filter((v) => v === spec || v.startsWith(spec + '.')).sort();
    for (const v of cands.reverse()) {
      const exe = path.join(versions, v, 'bin', 'python');
      if (fs.existsSync(exe)) return { label: `CPython ${v}`, exe, args: [], profile: spec };
    }
  }
  for (const name of [`python${spec}`, 'python3']) {
    const onPath = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    const exe = onPath.status === 0 ? onPath.stdout.trim() : '';
    if (exe && versionOf(exe) === spec) return { label: `${name} (${spec})`, exe, args: [], profile: spec };
  }
  return pyodideInterpreter(spec);
}

/** Run the scenario for real; `noSite`: started with -S (pyodide's runner: --no-site), for the start-up dependent lines. */
function runReal(interp: Interpreter, file: string, noSite = false): { stdout: string; stderr: string; exitCode: number | null } {
  const name = path.basename(file);
  const pyodide = interp.exe === process.execPath;
  const argv = !noSite ? [...interp.args, name] : pyodide ? [...interp.args, name, '--no-site'] : [...interp.args, '-S', name];
  const r = spawnSync(interp.exe, argv, {
    cwd: path.dirname(path.resolve(file)),
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 1 << 26,
    env: { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: os.homedir(), LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8',
      PYTHONHASHSEED: '0', PYTHONIOENCODING: 'utf-8', PYTHONDONTWRITEBYTECODE: '1' },
  });
  return { stdout: r.stdout ?? '', stderr: r.stderr ?? '', exitCode: r.status };
}

/** `wasm32`: hash() as Pyodide's 32-bit build computes it (when the real interpreter is Pyodide, as the corpus runner does). */
function runSim(src: string, file: string, profile: string, wasm32 = false): { stdout: string; stderr: string; exitCode: number } {
  let stdout = '';
  let stderr = '';
  const [maj, min] = profile.split('.').map(Number);
  const filename = maj > 3 || (maj === 3 && min >= 9) ? path.resolve(file) : path.basename(file);
  const e = new Engine(src, { filename, python: profile, out: { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; } },
    profileOverrides: wasm32 ? { hashBuild: 'wasm32' } : undefined });
  try {
    e.compile();
  } catch (err) {
    if (err instanceof ScenarioError) return { stdout, stderr: formatScenarioError(err), exitCode: 2 };
    throw err;
  }
  const r = e.run();
  return { stdout, stderr, exitCode: r.exitCode };
}

/** Compare one scenario with one real interpreter (spec: a version or a path). */
export function verifyOne(src: string, file: string, spec: string): VerifyResult {
  const interp = findInterpreter(spec);
  if (!interp) return { label: `CPython ${spec}`, profile: spec, error: `no CPython ${spec} found (looked in ${pyenvRoot()}/versions, python${spec} and python3 on the PATH${spec === '3.14' ? ', and pyodide' : ''})` };
  if (!availableProfiles().includes(interp.profile as never)) return { label: interp.label, profile: interp.profile, error: `CPython ${interp.profile} is not modelled yet` };
  const dir = path.dirname(path.resolve(file));
  const real = runReal(interp, file);
  // A line CPython itself prints differently when started with -S is start-up dependent: not compared (DESIGN.md § Fidelity).
  const bare = runReal(interp, file, true);
  const sim = runSim(src, file, interp.profile, interp.exe === process.execPath);
  const nr = normalizeRun(real.stdout, real.stderr, dir);
  const nb = normalizeRun(bare.stdout, bare.stderr, dir);
  const ns = normalizeRun(sim.stdout, sim.stderr, dir);
  const res = compareRun({ stdout: nr.stdout, stderr: nr.stderr, exit_code: real.exitCode },
    { stdout: ns.stdout, stderr: ns.stderr, exitCode: sim.exitCode },
    { nosite: { stdout: nb.stdout, stderr: nb.stderr, exit_code: bare.exitCode } });
  return {
    label: interp.label, profile: interp.profile, equal: res.equal, differences: res.differences.length,
    startupDependent: res.excluded.length,
    real: { stdout: nr.stdout, stderr: nr.stderr, exitCode: real.exitCode },
    sim: { stdout: ns.stdout, stderr: ns.stderr, exitCode: sim.exitCode },
    diff: res.equal ? '' : formatDiff(res, { expected: interp.label, actual: `pygc --python ${interp.profile}` }),
  };
}

export function verifyCommand(args: string[]): number {
  const p = parseArgs(args, ['--python'], ['--json']);
  if (p.error) { process.stderr.write(`pygc verify: ${p.error}\n`); return 2; }
  const file = p.file!;
  const src = readScenario(file);
  if (typeof src !== 'string') { process.stderr.write(src.error + '\n'); return 2; }
  const spec = p.options.get('--python') ?? '3.11';
  const specs = spec === 'all' ? availableProfiles() : [spec];
  const results = specs.map((s) => verifyOne(src, file, s));
  if (p.options.has('--json')) process.stdout.write(JSON.stringify(results, null, 1) + '\n');
  else {
    for (const r of results) {
      if (r.error) { process.stderr.write(`pygc verify: ${r.error}\n`); continue; }
      const startup = r.startupDependent ? `; ${r.startupDependent} start-up dependent line${r.startupDependent === 1 ? '' : 's'} not compared` : '';
      if (r.equal) process.stdout.write(`${r.label}: same output (${splitLines(r.real!.stdout).length} stdout, ${splitLines(r.real!.stderr).length} stderr lines${startup})\n`);
      else process.stdout.write(`${r.label}: ${r.differences} difference(s)\n` + r.diff);
    }
  }
  return results.some((r) => !r.equal) ? 1 : 0;
}
