// The oracle comparison shared by the corpora (test/oracle, test/scenarios,
// examples): runs every scenario through the built CLI (`node dist/cli.js run
// FILE --python X.Y`) and compares its normalised output with the recorded
// CPython run (start-up dependent lines found via the `-S` recording) under the
// rules of src/verify/compare.ts.
//  - profiles: env PYGC_ORACLE_VERSIONS ("2.7,3.6,3.7,…,3.13,3.14" by default; "3.11,3.12"; "all");
//  - recordings made by Pyodide (CPython 3.14 compiled to 32-bit WebAssembly, "python":
//    "pyodide …") print the 32-bit immortal refcount 7 << 28 where the 64-bit builds the
//    3.14 profile models print 3 << 30: the engine's output is mapped to the 32-bit value
//    (numbers within 64 of 3 << 30 keep their offset) before comparing, and nothing else is
//    (docs/calibration/cpython-3.14.md); and their hash() values are Pyodide's build's (32-bit
//    Py_hash_t and size_t, FNV string hashing), so the CLI runs those scenarios with
//    `--hash wasm32` (hash values and the set orders that follow from them; Profile.hashBuild);
//  - scenarios listed in the corpus's known-failures.json for a profile (a list of names, or
//    an object naming each with the reason) are `todo`
//    while they still differ (diff printed as diagnostics) and FAIL once they match,
//    so the list only shrinks;
//  - a last test per profile prints the tally ("oracle 3.11: 41 of 54 match (…)");
//  - env PYGC_CLI runs another CLI build instead of dist/cli.js.
import { test } from 'node:test';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { normalizeRun } from '../../src/verify/normalize';
import { compareRun, formatDiff, type RecordedRun } from '../../src/verify/compare';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = process.env.PYGC_CLI ? path.resolve(process.env.PYGC_CLI) : path.join(ROOT, 'dist', 'cli.js');

const IMMORTAL_64 = 3 * 2 ** 30;
const IMMORTAL_32 = 7 * 2 ** 28;

/** What a 32-bit build prints for the engine's (64-bit) output: immortal refcounts and the
 *  numbers derived from them (getrefcount(x) - 1 …) move from 3 << 30 to 7 << 28. */
export function asPyodideImmortals(text: string): string {
  return text.replace(/(?<![\d.])\d{10}(?![\d.])/g, (s) => {
    const d = Number(s) - IMMORTAL_64;
    return Math.abs(d) <= 64 ? String(IMMORTAL_32 + d) : s;
  });
}

export interface Corpus {
  /** Test-name prefix, e.g. "oracle". */
  label: string;
  scenarios: string;
  results: string;
  nosite: string;
  knownFile: string;
}

export function defineOracleTests(corpus: Corpus): void {
const { label: LABEL, scenarios: SCENARIOS, results: RESULTS, nosite: NOSITE, knownFile: KNOWN_FILE } = corpus;
const TIMEOUT_MS = 60_000;
const MAX_OUTPUT = 16 * 1024 * 1024;
const MAX_TODO_DIFF_LINES = 60;

const scenarioFiles = fs.readdirSync(SCENARIOS).filter((f) => /\.(py|pygc)$/.test(f)).sort();
const scenarioName = (file: string) => file.replace(/\.(py|pygc)$/, '');
const known: Record<string, string[] | Record<string, string>> = JSON.parse(fs.readFileSync(KNOWN_FILE, 'utf8'));
const knownNames = (profile: string): string[] => {
  const entry = known[profile] ?? [];
  return Array.isArray(entry) ? entry : Object.keys(entry);
};

/** Every "X.Y" that has a recording, e.g. 2.7, 3.6 … 3.13. */
function recordedProfiles(): string[] {
  const set = new Set<string>();
  for (const s of fs.readdirSync(RESULTS)) {
    for (const f of fs.readdirSync(path.join(RESULTS, s))) set.add(f.split('.').slice(0, 2).join('.'));
  }
  return [...set].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

function profiles(): string[] {
  const all = '2.7,3.6,3.7,3.8,3.9,3.10,3.11,3.12,3.13,3.14';
  const spec = (process.env.PYGC_ORACLE_VERSIONS ?? all).trim() || all;
  if (spec === 'all') return recordedProfiles();
  return spec.split(',').map((v) => v.trim()).filter(Boolean);
}

/** The recorded patch version for profile X.Y ("3.11" -> "3.11.7"), if any. */
function recordedVersion(scenario: string, profile: string): string | undefined {
  const dir = path.join(RESULTS, scenario);
  if (!fs.existsSync(dir)) return undefined;
  const versions = fs.readdirSync(dir).filter((f) => f.startsWith(profile + '.') && f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length)).filter((v) => v.split('.').length === 3);
  return versions.sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).pop();
}

function readJson(file: string): RecordedRun | null {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as RecordedRun) : null;
}

interface CliRun { stdout: string; stderr: string; exitCode: number | null; signal: string | null; timedOut: boolean; error?: string }

function runCli(file: string, profile: string, extra: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    const env = { ...process.env };
    delete env.NODE_TEST_CONTEXT; // we are inside node --test; the CLI is not a test file
    const child = spawn(process.execPath, [CLI, 'run', file, '--python', profile, ...extra], { cwd: SCENARIOS, env });
    const out: string[] = [];
    const err: string[] = [];
    let size = 0;
    let timedOut = false;
    let error: string | undefined;
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, TIMEOUT_MS);
    const collect = (into: string[]) => (chunk: string) => {
      size += chunk.length;
      if (size > MAX_OUTPUT) { error = `output exceeded ${MAX_OUTPUT} characters`; child.kill('SIGKILL'); return; }
      into.push(chunk);
    };
    child.stdout.setEncoding('utf8').on('data', collect(out));
    child.stderr.setEncoding('utf8').on('data', collect(err));
    child.on('error', (e) => { error = String(e); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ stdout: out.join(''), stderr: err.join(''), exitCode: code, signal, timedOut, error });
    });
  });
}

// A small pool: a test asks for its run and prefetches the next few, CONCURRENCY at a time.
const CONCURRENCY = Math.max(1, Math.min(8, os.availableParallelism()));
const runs = new Map<string, Promise<CliRun>>();
let active = 0;
const waiting: (() => void)[] = [];
async function limited<T>(job: () => Promise<T>): Promise<T> {
  if (active >= CONCURRENCY) await new Promise<void>((r) => waiting.push(r));
  active++;
  try { return await job(); } finally { active--; waiting.shift()?.(); }
}
/** `pyodide[k]`: scenario k's recording comes from Pyodide (a 32-bit build). */
function getRun(index: number, profile: string, runnable: boolean[], pyodide: boolean[]): Promise<CliRun> {
  const start = (k: number) => {
    const key = `${profile} ${scenarioFiles[k]}`;
    const extra = pyodide[k] ? ['--hash', 'wasm32'] : [];
    if (!runs.has(key)) runs.set(key, limited(() => runCli(scenarioFiles[k], profile, extra)));
    return runs.get(key)!;
  };
  for (let k = index + 1, ahead = 1; k < scenarioFiles.length && ahead < CONCURRENCY; k++) {
    if (runnable[k]) { start(k); ahead++; }
  }
  return start(index);
}

/** An Error whose report is just its message (no stack: the diff is what matters). */
function failure(message: string): Error {
  const e = new Error(message);
  e.name = 'OracleMismatch';
  e.stack = `${e.name}: ${message}\n`; // no frames: node prints it in [ ], the "]" on its own line
  return e;
}

/** "1 difference", "2 differences". */
const n = (k: number, what: string) => `${k} ${what}${k === 1 ? '' : 's'}`;

function list(names: string[], max = 8): string {
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')}, … (+${names.length - max})`;
}

for (const profile of profiles()) {
  const tally = { match: [] as string[], known: [] as string[], unexpected: [] as string[], nowMatching: [] as string[], skipped: [] as string[] };
  const knownHere = new Set(knownNames(profile));
  const recordings = scenarioFiles.map((file) => {
    const version = recordedVersion(scenarioName(file), profile);
    const rec = version ? readJson(path.join(RESULTS, scenarioName(file), version + '.json')) : null;
    return { version, rec };
  });
  const runnable = recordings.map(({ rec }) => rec !== null && rec.skipped === undefined);
  const isPyodide = (rec: RecordedRun | null) => /^pyodide\b/.test((rec as { python?: string } | null)?.python ?? '');
  const pyodideRuns = recordings.map(({ rec }) => isPyodide(rec));

  scenarioFiles.forEach((file, index) => {
    const name = scenarioName(file);
    const { version, rec } = recordings[index];
    if (rec?.skipped !== undefined) {
      tally.skipped.push(name);
      test(`${LABEL} ${profile} ${name}`, { skip: `CPython ${rec.version ?? version}: ${rec.skipped}` }, () => {});
      return;
    }
    test(`${LABEL} ${profile} ${name}`, async (t) => {
      const isKnown = knownHere.has(name);
      const report = (problem: string, lines: string[] = []) => {
        if (isKnown) {
          tally.known.push(name);
          t.todo('known failure (known-failures.json)');
          for (const l of [problem, ...lines.slice(0, MAX_TODO_DIFF_LINES)]) t.diagnostic(l);
          if (lines.length > MAX_TODO_DIFF_LINES) t.diagnostic(`… ${lines.length - MAX_TODO_DIFF_LINES} more diff lines`);
          return;
        }
        tally.unexpected.push(name);
        throw failure([problem, ...lines].join('\n'));
      };
      if (!rec || !version) return report(`no recorded CPython ${profile} result for ${name} (run scripts/oracle/run_all.py)`);
      if (!fs.existsSync(CLI)) return report(`${path.relative(ROOT, CLI)} not found: run \`npm run build\` (npm test builds first)`);
      const run = await getRun(index, profile, runnable, pyodideRuns);
      if (run.error) return report(`pygc run failed: ${run.error}`);
      const pyodide = pyodideRuns[index];
      const norm = normalizeRun(run.stdout, run.stderr, SCENARIOS);
      if (pyodide) { norm.stdout = asPyodideImmortals(norm.stdout); norm.stderr = asPyodideImmortals(norm.stderr); }
      const nosite = readJson(path.join(NOSITE, name, version + '.json'));
      const result = compareRun(rec, { stdout: norm.stdout, stderr: norm.stderr, exitCode: run.exitCode }, { nosite });
      if (result.equal && !run.timedOut) {
        if (isKnown) {
          tally.nowMatching.push(name);
          throw failure(`${name} now matches CPython ${version}: remove it from known-failures.json ("${profile}")`);
        }
        tally.match.push(name);
        return;
      }
      const diff = formatDiff(result, { expected: `CPython ${version}`, actual: `pygc --python ${profile}` }).trimEnd().split('\n');
      const why = run.timedOut ? `timed out after ${TIMEOUT_MS / 1000} s` : run.signal ? `killed by ${run.signal}` : 'differs';
      report(`${name} ${why} from CPython ${version} (${n(result.differences.length, 'difference')}; ${n(result.excluded.length, 'start-up dependent line')} not compared):`, diff);
    });
  });

  test(`${LABEL} ${profile} tally`, (t) => {
    const ran = scenarioFiles.length - tally.skipped.length;
    const parts: string[] = [];
    if (!fs.existsSync(CLI)) parts.push(`${path.relative(ROOT, CLI)} missing`);
    if (tally.skipped.length) parts.push(`${tally.skipped.length} skipped by CPython ${profile}`);
    if (tally.known.length) parts.push(`${n(tally.known.length, 'known failure')}: ${list(tally.known)}`);
    if (tally.unexpected.length) parts.push(`${n(tally.unexpected.length, 'unexpected failure')}: ${list(tally.unexpected)}`);
    if (tally.nowMatching.length) parts.push(`${tally.nowMatching.length} now matching, still listed: ${list(tally.nowMatching)}`);
    const line = `${LABEL} ${profile}: ${tally.match.length + tally.nowMatching.length} of ${ran} match` + (parts.length ? ` (${parts.join('; ')})` : '');
    t.diagnostic(line);
    const names = new Set(scenarioFiles.map(scenarioName));
    const stale = [...knownHere].filter((n) => !names.has(n));
    if (stale.length) throw failure(`known-failures.json lists unknown scenarios for ${profile}: ${stale.join(', ')}`);
  });
}
}
