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
import { normalizeRun } from '../verify/normalize';
import { compareRun, formatDiff } from '../verify/compare';
import { formatScenarioError, ScenarioError } from '../lang/errors';
import { readScenario } from './source';

interface Interpreter { label: string; exe: string; profile: string }

function pyenvRoot(): string { return process.env.PYENV_ROOT || path.join(os.homedir(), '.pyenv'); }

/** Find a real interpreter for a profile ("3.11") or a path. */
export function findInterpreter(spec: string): Interpreter | null {
  if (spec.includes('/')) {
    if (!fs.existsSync(spec)) return null;
    const r = spawnSync(spec, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], { encoding: 'utf8' });
    if (r.status !== 0) return null;
    return { label: spec, exe: spec, profile: r.stdout.trim() };
  }
  const versions = path.join(pyenvRoot(), 'versions');
  if (fs.existsSync(versions)) {
    const cands = fs.readdirSync(versions).filter((v) => v === spec || v.startsWith(spec + '.')).sort();
    for (const v of cands.reverse()) {
      const exe = path.join(versions, v, 'bin', 'python');
      if (fs.existsSync(exe)) return { label: `CPython ${v}`, exe, profile: spec };
    }
  }
  const onPath = spawnSync('sh', ['-c', `command -v python${spec}`], { encoding: 'utf8' });
  if (onPath.status === 0 && onPath.stdout.trim()) return { label: `python${spec}`, exe: onPath.stdout.trim(), profile: spec };
  return null;
}

function runReal(interp: Interpreter, file: string): { stdout: string; stderr: string; exitCode: number | null } {
  const r = spawnSync(interp.exe, [path.basename(file)], {
    cwd: path.dirname(path.resolve(file)),
    encoding: 'utf8',
    timeout: 60_000,
    env: { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: os.homedir(), LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8',
      PYTHONHASHSEED: '0', PYTHONIOENCODING: 'utf-8', PYTHONDONTWRITEBYTECODE: '1' },
  });
  return { stdout: r.stdout ?? '', stderr: r.stderr ?? '', exitCode: r.status };
}

function runSim(src: string, file: string, profile: string): { stdout: string; stderr: string; exitCode: number } {
  let stdout = '';
  let stderr = '';
  const [maj, min] = profile.split('.').map(Number);
  const filename = maj > 3 || (maj === 3 && min >= 9) ? path.resolve(file) : path.basename(file);
  const e = new Engine(src, { filename, python: profile, out: { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; } } });
  try {
    e.compile();
  } catch (err) {
    if (err instanceof ScenarioError) return { stdout, stderr: formatScenarioError(err), exitCode: 2 };
    throw err;
  }
  const r = e.run();
  return { stdout, stderr, exitCode: r.exitCode };
}

export function verifyCommand(args: string[]): number {
  const p = parseArgs(args, ['--python']);
  if (p.error) { process.stderr.write(`pygc verify: ${p.error}\n`); return 2; }
  const file = p.file!;
  const src = readScenario(file);
  if (typeof src !== 'string') { process.stderr.write(src.error + '\n'); return 2; }
  const spec = p.options.get('--python') ?? '3.11';
  const specs = spec === 'all' ? availableProfiles() : [spec];
  let failed = 0;
  const dir = path.dirname(path.resolve(file));
  for (const s of specs) {
    const interp = findInterpreter(s);
    if (!interp) {
      process.stderr.write(`pygc verify: no CPython ${s} found (looked in ${pyenvRoot()}/versions and PATH)\n`);
      failed++;
      continue;
    }
    if (!availableProfiles().includes(interp.profile as never)) {
      process.stderr.write(`pygc verify: CPython ${interp.profile} is not modelled yet\n`);
      failed++;
      continue;
    }
    const real = runReal(interp, file);
    const sim = runSim(src, file, interp.profile);
    const nr = normalizeRun(real.stdout, real.stderr, dir);
    const ns = normalizeRun(sim.stdout, sim.stderr, dir);
    const res = compareRun({ stdout: nr.stdout, stderr: nr.stderr, exit_code: real.exitCode },
      { stdout: ns.stdout, stderr: ns.stderr, exitCode: sim.exitCode });
    if (res.equal) process.stdout.write(`${interp.label}: same output (${res.lines.stdout.expected.length} stdout, ${res.lines.stderr.expected.length} stderr lines)\n`);
    else {
      failed++;
      process.stdout.write(`${interp.label}: ${res.differences.length} difference(s)\n`);
      process.stdout.write(formatDiff(res, { expected: interp.label, actual: `pygc --python ${interp.profile}` }));
    }
  }
  return failed ? 1 : 0;
}
