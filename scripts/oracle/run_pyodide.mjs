#!/usr/bin/env node
// The CPython 3.14 oracle: runs scenarios under pyodide (CPython compiled to WebAssembly,
// the npm package `pyodide`, a pinned devDependency) and writes the same JSON as run.py /
// run_all.py: OUTDIR/<scenario>/<3.14.x>.json. See README.md, "CPython 3.14 (pyodide)".
//
// Usage:
//   node scripts/oracle/run_pyodide.mjs [--scenarios DIR] [--outdir DIR] [--only SUBSTR]
//                                      [--no-site] [--jobs N] [--timeout S] [--quiet]
//   node scripts/oracle/run_pyodide.mjs --all          # the three corpora, with and without -S
//   node scripts/oracle/run_pyodide.mjs --summary [--results DIR --scenarios DIR] [--only SUBSTR]
//                                      [--all-lines]   # 3.14 vs 3.13 digest table of a result tree
//   node scripts/oracle/run_pyodide.mjs --probe        # versions and GC facts of this pyodide
//   node scripts/oracle/run_pyodide.mjs --freeze-startup --outdir DIR [...]
//                                      # diagnostic: gc.freeze() pyodide's start-up heap first
//   node scripts/oracle/run_pyodide.mjs --run FILE [--no-site]
//                                      # like `python FILE`: output and exit code passed through
//
// How one scenario is run (as close to `python FILE` in run.py as pyodide allows):
//  * every run is a child process that loads a FRESH pyodide (new Wasm instance, new
//    interpreter) from node_modules/pyodide (indexURL: no network);
//  * the scenario is written into pyodide's in-memory FS at its real absolute path, the cwd
//    is its folder, and the interpreter is started with argv [FILE] (or [-S, FILE]) and the
//    environment of run.py (PYTHONHASHSEED=0, PYTHONIOENCODING=utf-8,
//    PYTHONDONTWRITEBYTECODE=1, LANG/LC_ALL=C.UTF-8; PYTHONUNBUFFERED=1 for the combined run);
//  * the file runs through CPython's own `pymain_run_python` (pyodide's `_run_main`, the
//    entry point of pyodide's `python` CLI): `__main__`, absolute `__file__`, tracebacks via
//    PyErr_Print, SystemExit handling, exit code 1 after an uncaught exception;
//  * then `Py_FinalizeEx()` runs (as Py_RunMain does: 120 if it fails), so atexit handlers,
//    the shutdown collections and module teardown print what they print; a SystemExit runs
//    Py_Exit(), which finalizes and exits by itself;
//  * stdout and stderr are taken byte for byte from pyodide's stream devices (`write`
//    handlers, isatty false) and written synchronously to files, so partial lines and the
//    output of a run killed by the timeout are kept.
// Normalisation = run.py's (mirrored from src/verify/normalize.ts).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const SELF = fileURLToPath(import.meta.url);

// ---------------------------------------------------------------------------------------
// pyodide

function pyodideDir() {
  const require = createRequire(path.join(REPO, 'package.json'));
  return path.dirname(require.resolve('pyodide/package.json'));
}

function pyodidePackageVersion() {
  return JSON.parse(fs.readFileSync(path.join(pyodideDir(), 'package.json'), 'utf8')).version;
}

/** run.py's child_env(), minus PATH/HOME (pyodide has its own file system). */
function childEnv(merged) {
  const env = {
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    PYTHONHASHSEED: '0',
    PYTHONIOENCODING: 'utf-8',
    PYTHONDONTWRITEBYTECODE: '1',
  };
  if (merged) env.PYTHONUNBUFFERED = '1';
  return env;
}

/** The `env` field of the JSON: as run.py (the PYTHON* variables of the separate run). */
function recordedEnv() {
  return { PYTHONHASHSEED: '0', PYTHONIOENCODING: 'utf-8', PYTHONDONTWRITEBYTECODE: '1' };
}

// Run before the scenario, in __main__ through PyRun_SimpleString (binds no names). It undoes
// what pyodide's loader changes beyond a plain `python FILE` start-up:
//  - loadPyodide sets sys.excepthook = traceback.print_exception: restore the C default;
//  - loadPyodide inserts "" at sys.path[0] (pymain_run_python then inserts the script folder);
//  - pyodide's bootstrap leaves `_pyodide_core` in __main__'s namespace, and keeps __main__
//    alive from pyodide._state (and from JS, see child()): natively only sys.modules holds
//    it (getrefcount 4 for the module and its dict), and it dies when sys.modules is cleared
//    at shutdown, before the final collection;
//  - the interpreter was initialised while fd 1 was a tty, so stdout is line buffered; a
//    native run with a pipe is block buffered (unless PYTHONUNBUFFERED, the combined run).
function preludeCode(merged, freezeStartup) {
  return [
    "__import__('sys').excepthook = __import__('sys').__excepthook__",
    "if __import__('sys').path[:1] == ['']: del __import__('sys').path[0]",
    "globals().pop('_pyodide_core', None)",
    "getattr(__import__('sys').modules.get('pyodide._state'), '__dict__', {}).pop('__main__', None)",
    merged ? '' : "__import__('sys').stdout.reconfigure(line_buffering=False)",
    // diagnostic only (--freeze-startup): hide pyodide's start-up heap from the collector
    freezeStartup ? "__import__('gc').freeze()" : '',
    '',
  ].join('\n');
}

/** Child mode: one scenario, one fresh pyodide; results into files in `tmp`. */
async function child(opts) {
  const file = path.resolve(opts.file);
  const dir = path.dirname(file);
  const merged = opts.merged;
  // --run: straight to this process's stdout/stderr (like `python FILE`), else into files
  const direct = !opts.tmp;
  const outFd = direct ? 1 : fs.openSync(path.join(opts.tmp, 'stdout.bin'), 'w');
  const errFd = direct ? 2 : merged ? outFd : fs.openSync(path.join(opts.tmp, 'stderr.bin'), 'w');
  const status = { init_stdout: [], init_stderr: [] };
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const writeAll = (fd, buf) => {
    let off = 0;
    while (off < buf.length) {
      try {
        off += fs.writeSync(fd, buf, off, buf.length - off);
      } catch (e) {
        if (e.code !== 'EAGAIN') throw e;
        Atomics.wait(pause, 0, 0, 5); // a full non-blocking pipe: wait, retry
      }
    }
    return buf.length;
  };
  const saveStatus = () => {
    if (!direct) fs.writeFileSync(path.join(opts.tmp, 'status.json'), JSON.stringify(status));
  };
  const src = fs.readFileSync(file);
  const args = [...(opts.noSite ? ['-S'] : []), path.basename(file)];
  const dirOfPyodide = pyodideDir();
  const { loadPyodide } = await import(pathToFileURL(path.join(dirOfPyodide, 'pyodide.mjs')).href);
  const t0 = performance.now();
  const py = await loadPyodide({
    indexURL: dirOfPyodide + path.sep,
    args,
    env: { ...childEnv(merged), PYTHONINSPECT: '' },
    fsInit(FS) {
      FS.mkdirTree(dir);
      FS.writeFile(file, src);
      FS.chdir(dir);
    },
    // anything the loader itself prints (nothing is expected) is kept apart
    stdout: (s) => status.init_stdout.push(s),
    stderr: (s) => status.init_stderr.push(s),
  });
  status.load_ms = performance.now() - t0;
  const cpu = process.cpuUsage();
  status.load_cpu_ms = (cpu.user + cpu.system) / 1000; // includes node's own start-up
  const m = py._module;
  const hex = m.HEAPU32[m._Py_Version >>> 2];
  status.version = `${(hex >>> 24) & 255}.${(hex >>> 16) & 255}.${(hex >>> 8) & 255}`;
  status.release = (hex >>> 4) & 15; // 0xF = final
  // JS-side references to __main__ (native: only sys.modules holds it): the PyProxy of
  // __main__.__dict__ (pyodide.globals) and the loader's private namespace.
  py.globals.destroy();
  py._api.runPythonInternal_dict.delete('__main__');
  py.setStdin({ error: true });
  py.setStdout({ write: (buf) => writeAll(outFd, buf), isatty: false });
  py.setStderr({ write: (buf) => writeAll(errFd, buf), isatty: false });
  const code = m.stringToNewUTF8(preludeCode(merged, opts.freezeStartup));
  status.prelude = m._PyRun_SimpleStringFlags(code, 0);
  m._free(code);
  if (opts.probeOnly) {
    status.exit_code = 0;
    saveStatus();
    process.exit(0);
  }
  saveStatus();
  const t1 = performance.now();
  let exitCode;
  try {
    exitCode = m._run_main();
    status.run_ms = performance.now() - t1;
    // Py_RunMain: `if (Py_FinalizeEx() < 0) exitcode = 120;`
    const t2 = performance.now();
    status.finalize_rc = m._Py_FinalizeEx();
    status.finalize_ms = performance.now() - t2;
    if (status.finalize_rc < 0) exitCode = 120;
  } catch (e) {
    status.run_ms = performance.now() - t1;
    if (e && e.constructor && e.constructor.name === 'ExitStatus') {
      // SystemExit: PyErr_Print -> Py_Exit(code) ran Py_FinalizeEx and exit(code)
      exitCode = e.status;
      status.exited = true;
    } else {
      // a Wasm trap or a pyodide fatal error: a native interpreter would have crashed
      exitCode = null;
      status.js_error = String((e && e.stack) || e);
    }
  }
  status.exit_code = exitCode;
  saveStatus();
  // exit at once: nothing else may touch the finalized runtime (pyodide's CLI does the same)
  if (direct) {
    if (status.js_error) writeAll(2, Buffer.from(`run_pyodide: ${status.js_error}\n`));
    process.exit(exitCode ?? 134);
  }
  process.exit(0);
}

// ---------------------------------------------------------------------------------------
// parent: run children, normalise, write JSON

const REQ_RE = /^#\s*requires:\s*(\d+)\.(\d+)\s*(?:-\s*(\d+)\.(\d+))?/m;

function requirement(file) {
  const text = fs.readFileSync(file, 'utf8').slice(0, 4000);
  const m = REQ_RE.exec(text);
  if (!m) return [[3, 6], null];
  return [[+m[1], +m[2]], m[3] ? [+m[3], +m[4]] : null];
}

const cmp = (a, b) => a[0] - b[0] || a[1] - b[1];

function canRun(file, version) {
  const v = version.split('.').slice(0, 2).map(Number);
  const [lo, hi] = requirement(file);
  return cmp(v, lo) >= 0 && (hi === null || cmp(v, hi) <= 0);
}

// Mirrors run.py's Normaliser exactly as src/verify/normalize.ts does.
const HEX_RE = /(?<![\p{L}\p{N}_])0x[0-9a-fA-F]+(?![\p{L}\p{N}_])/gu;
const ELAPSED_RE = /\p{Nd}+\.\p{Nd}+s elapsed/gu;
class Normaliser {
  constructor(scenarioDir) {
    this.map = new Map();
    this.prefix = scenarioDir ? scenarioDir.replace(/\/+$/, '') + '/' : undefined;
  }
  sub(text) {
    if (this.prefix) text = text.split(this.prefix).join('<scenarios>/');
    text = text.replace(HEX_RE, (h) => {
      const k = h.toLowerCase();
      if (!this.map.has(k)) this.map.set(k, '@' + (this.map.size + 1));
      return this.map.get(k);
    });
    return text.replace(ELAPSED_RE, '<T>s elapsed');
  }
}

/** Python's str.splitlines() (what run.py stores as stdout_lines / stderr_lines). */
function splitlines(s) {
  const out = [];
  const re = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/g;
  let last = 0;
  let m;
  while ((m = re.exec(s))) {
    out.push(s.slice(last, m.index));
    last = m.index + m[0].length;
  }
  if (last < s.length) out.push(s.slice(last));
  return out;
}

const decoder = new TextDecoder('utf-8', { fatal: false });
const readText = (f) => (fs.existsSync(f) ? decoder.decode(fs.readFileSync(f)) : '');

/** --freeze-startup (a diagnostic, never for the committed corpus). */
let FREEZE_STARTUP = false;

/** One child run; resolves to { stdout, stderr, status, timedOut, wallMs, … }. */
function runChild(file, { merged, noSite, timeout, probeOnly }) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pygc-pyodide-'));
  const argv = [SELF, '--child', file, '--tmp', tmp];
  if (merged) argv.push('--merged');
  if (noSite) argv.push('--no-site');
  if (probeOnly) argv.push('--probe-only');
  if (FREEZE_STARTUP) argv.push('--freeze-startup');
  const t0 = performance.now();
  return new Promise((resolve) => {
    const p = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let diag = '';
    p.stdout.on('data', (d) => { diag += d; });
    p.stderr.on('data', (d) => { diag += d; });
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; p.kill('SIGKILL'); }, timeout * 1000);
    p.on('close', (code, signal) => {
      clearTimeout(timer);
      let status = {};
      try { status = JSON.parse(fs.readFileSync(path.join(tmp, 'status.json'), 'utf8')); } catch { /* killed early */ }
      const res = {
        stdout: readText(path.join(tmp, 'stdout.bin')),
        stderr: merged ? '' : readText(path.join(tmp, 'stderr.bin')),
        status, timedOut, wallMs: performance.now() - t0, childCode: code, childSignal: signal, diag,
      };
      fs.rmSync(tmp, { recursive: true, force: true });
      resolve(res);
    });
  });
}

const REPORT_PROBLEMS = [];

function problem(name, what, run) {
  const extra = [];
  if (run.status.js_error) extra.push(run.status.js_error.split('\n').slice(0, 3).join(' | '));
  if (run.status.init_stdout?.length || run.status.init_stderr?.length) extra.push(`loader printed: ${JSON.stringify([run.status.init_stdout, run.status.init_stderr])}`);
  if (run.childCode !== 0 && !run.timedOut) extra.push(`runner exited ${run.childCode ?? run.childSignal}: ${run.diag.trim().split('\n').slice(-3).join(' | ')}`);
  if (run.status.prelude !== undefined && run.status.prelude !== 0) extra.push('prelude failed');
  if (extra.length) REPORT_PROBLEMS.push(`${name} (${what}): ${extra.join('; ')}`);
}

async function runScenario(file, version, opts) {
  const name = path.basename(file).replace(/\.(py|pygc)$/, '');
  const pkg = pyodidePackageVersion();
  const result = {
    scenario: name,
    version,
    python: `pyodide ${pkg}${FREEZE_STARTUP ? ' (diagnostic: start-up heap frozen)' : ''}`,
    site: !opts.noSite,
    env: recordedEnv(),
  };
  if (!canRun(file, version)) {
    const [lo, hi] = requirement(file);
    result.skipped = `requires ${lo[0]}.${lo[1]}${hi ? `-${hi[0]}.${hi[1]}` : '+'}`;
    return { name, result, timings: [] };
  }
  const dir = path.dirname(path.resolve(file));
  const sep = await runChild(file, { merged: false, noSite: opts.noSite, timeout: opts.timeout });
  problem(name, 'separate', sep);
  const norm = new Normaliser(dir);
  result.argv = [`pyodide ${pkg}`, ...(opts.noSite ? ['-S'] : []), path.basename(file)];
  result.exit_code = sep.timedOut ? null : sep.status.exit_code ?? null;
  result.timed_out = sep.timedOut;
  result.stdout = norm.sub(sep.stdout);
  result.stderr = norm.sub(sep.stderr);
  result.addresses = norm.map.size;
  const comb = await runChild(file, { merged: true, noSite: opts.noSite, timeout: opts.timeout });
  problem(name, 'combined', comb);
  result.combined = new Normaliser(dir).sub(comb.stdout);
  result.combined_exit_code = comb.timedOut ? null : comb.status.exit_code ?? null;
  result.stdout_lines = splitlines(result.stdout);
  result.stderr_lines = splitlines(result.stderr);
  if (sep.status.version && sep.status.version !== version) {
    REPORT_PROBLEMS.push(`${name}: interpreter reported ${sep.status.version}, expected ${version}`);
  }
  return { name, result, timings: [sep, comb] };
}

async function probe(noSite = false) {
  // any small file: only the loader runs
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pygc-pyodide-probe-'));
  const f = path.join(tmpDir, 'probe.py');
  fs.writeFileSync(f, 'pass\n');
  const r = await runChild(f, { merged: false, noSite, timeout: 120, probeOnly: true });
  fs.rmSync(tmpDir, { recursive: true, force: true });
  if (!r.status.version) throw new Error(`pyodide did not start: ${r.diag}`);
  return r;
}

async function pool(items, jobs, fn) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  }));
  return results;
}

function listScenarios(dir, only) {
  const files = fs.readdirSync(dir).filter((f) => /\.(py|pygc)$/.test(f)).sort();
  return files.filter((f) => !only || f.includes(only)).map((f) => path.join(dir, f));
}

async function record({ scenarios, outdir, only, noSite, jobs, timeout, quiet, version }) {
  const files = listScenarios(scenarios, only);
  if (!files.length) throw new Error(`no scenarios in ${scenarios}`);
  const t0 = performance.now();
  const loads = [];
  const cpus = [];
  await pool(files, jobs, async (file) => {
    const { name, result, timings } = await runScenario(file, version, { noSite, timeout });
    const d = path.join(outdir, name);
    fs.mkdirSync(d, { recursive: true });
    fs.writeFileSync(path.join(d, `${version}.json`), JSON.stringify(result, null, 1) + '\n');
    for (const t of timings) if (t.status.load_ms) { loads.push(t.status.load_ms); cpus.push(t.status.load_cpu_ms); }
    const status = result.skipped ?? result.exit_code;
    if (!quiet) {
      const ms = timings.map((t) => `${Math.round(t.status.load_ms ?? 0)}+${Math.round((t.status.run_ms ?? 0) + (t.status.finalize_ms ?? 0))}ms`).join(', ');
      console.log(`${name.padEnd(40)} exit=${String(status).padEnd(4)} ${result.timed_out ? 'TIMED OUT ' : ''}(load+run: ${ms})`);
    } else if (status !== 0 && typeof status !== 'string') {
      console.log(`${name.padEnd(40)} ${version} exit=${status}`);
    }
  });
  const secs = (performance.now() - t0) / 1000;
  const avg = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const mean = avg(loads);
  console.log(`done: ${files.length} scenarios x ${version}${noSite ? ' (-S)' : ''} -> ${path.relative(REPO, outdir) || outdir} ` +
    `in ${secs.toFixed(1)} s (${loads.length} fresh interpreters; loading one took ${Math.round(mean)} ms on average, ` +
    `${Math.round(Math.min(...loads))}-${Math.round(Math.max(...loads))} ms, ${Math.round(avg(cpus))} ms CPU; ${jobs} jobs)`);
  return { secs, loads, cpus };
}

// ---------------------------------------------------------------------------------------
// summary: 3.14 vs 3.13 digest

// "key = value" lines of stdout (the corpus convention); the scenario's "# digest:" header
// names the key lines that matter.
const KEY_RE = /^([A-Za-z_][\w.]*)\s*=\s(.*)$/;
const GC_RE = /^gc: (collecting generation \d+|done, .*)$/;
const DIGEST_RE = /^#\s*digest:\s*(.*)$/m;

function latest(dir, prefix) {
  if (!fs.existsSync(dir)) return null;
  const v = fs.readdirSync(dir).filter((f) => f.startsWith(prefix) && f.endsWith('.json'))
    .map((f) => f.slice(0, -5)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).pop();
  return v ? JSON.parse(fs.readFileSync(path.join(dir, v + '.json'), 'utf8')) : null;
}

function keyLines(rec) {
  const m = new Map();
  for (const l of splitlines(rec?.stdout ?? '')) {
    const k = KEY_RE.exec(l);
    if (k && !m.has(k[1])) m.set(k[1], k[2]);
  }
  return m;
}

const gcLines = (rec) => splitlines(rec?.stderr ?? '').filter((l) => GC_RE.test(l)).map((l) => l.slice(4));
const clip = (s, n) => (s.length <= n ? s : s.slice(0, n - 1) + '…');

/** The digest keys of a scenario file: [] for "digest: -", null without a header. */
function digestKeys(scenarioDir, name) {
  for (const ext of ['.py', '.pygc']) {
    const f = path.join(scenarioDir, name + ext);
    if (!fs.existsSync(f)) continue;
    const m = DIGEST_RE.exec(fs.readFileSync(f, 'utf8').slice(0, 4000));
    if (!m) return null;
    return m[1].trim() === '-' ? [] : m[1].split(',').map((k) => k.trim()).filter(Boolean);
  }
  return null;
}

function summary({ results, scenarios, only, allLines }) {
  const W = [30, 24, 30, 30];
  const names = fs.readdirSync(results).filter((n) => !only || n.includes(only)).sort();
  const rows = [];
  const tally = { identical: 0, differ: 0, keysSame: 0, keysDiffer: 0 };
  let v13 = '3.13';
  let v14 = '3.14';
  for (const name of names) {
    const a = latest(path.join(results, name), '3.13.');
    const b = latest(path.join(results, name), '3.14.');
    if (!b) continue;
    if (a) v13 = a.version;
    v14 = `${b.version} (${b.python})`;
    if (b.skipped) { rows.push([name, '', '', '', b.skipped]); continue; }
    const ok13 = a && !a.skipped;
    const same = ok13 && a.stdout === b.stdout && a.stderr === b.stderr && a.exit_code === b.exit_code;
    tally[same ? 'identical' : 'differ']++;
    const which = !ok13 ? 'no 3.13 recording' : same ? 'identical to 3.13' : ['stdout', 'stderr', 'exit_code']
      .filter((k) => a[k] !== b[k]).join('+') + ' differ';
    const block = [];
    const ka = keyLines(ok13 ? a : null);
    const kb = keyLines(b);
    let keys = digestKeys(scenarios, name);
    const useKeys = keys !== null || kb.size > 0;
    if (allLines || keys === null) keys = [...new Set([...kb.keys(), ...ka.keys()])];
    if (useKeys) {
      for (const k of keys) {
        const x = ka.has(k) ? ka.get(k) : '–';
        const y = kb.has(k) ? kb.get(k) : '–';
        tally[x === y ? 'keysSame' : 'keysDiffer']++;
        block.push([k, x, y, x === y ? '' : '≠']);
      }
    }
    if (ok13 && a.stdout !== b.stdout && !block.some((r) => r[3])) {
      // no differing "key = value" line (or none at all: language scenarios, examples):
      // show the first differing stdout lines
      const la = splitlines(a.stdout);
      const lb = splitlines(b.stdout);
      let shown = 0;
      for (let i = 0; i < Math.max(la.length, lb.length) && shown < (useKeys ? 2 : 4); i++) {
        if (la[i] !== lb[i]) { block.push([`stdout line ${i + 1}`, la[i] ?? '–', lb[i] ?? '–', '≠']); shown++; }
      }
    }
    if (ok13 && a.exit_code !== b.exit_code) block.push(['exit code', String(a.exit_code), String(b.exit_code), '≠']);
    const ga = ok13 ? gcLines(a) : [];
    const gb = gcLines(b);
    for (let i = 0; i < Math.max(ga.length, gb.length); i++) {
      if (ga[i] !== gb[i]) block.push([`stderr gc: #${i + 1}`, ga[i] ?? '–', gb[i] ?? '–', '≠']);
    }
    if (ok13 && a.stderr !== b.stderr && !ga.length && !gb.length) {
      const la = splitlines(a.stderr);
      const lb = splitlines(b.stderr);
      const i = la.findIndex((l, k) => l !== lb[k]);
      const k = i < 0 ? la.length : i;
      block.push([`stderr line ${k + 1}`, la[k] ?? '–', lb[k] ?? '–', '≠']);
    }
    if (!block.length) block.push(['', '', '', '']);
    block.forEach((r, i) => rows.push([i === 0 ? name : '', ...r.slice(0, 3), i === 0 ? `${r[3] ? r[3] + ' ' : ''}[${which}]` : r[3]]));
  }
  const fmt = (c) => `${clip(c[0], W[0]).padEnd(W[0])}  ${clip(c[1], W[1]).padEnd(W[1])}  ${clip(c[2], W[2]).padEnd(W[2])}  ${clip(c[3], W[3]).padEnd(W[3])}  ${c[4] ?? ''}`.trimEnd();
  console.log(fmt(['scenario', 'key (digest line)', v13, v14, '']));
  console.log(fmt(W.map((w) => '-'.repeat(w)).concat('')));
  for (const r of rows) console.log(fmt(r));
  const keys = tally.keysDiffer + tally.keysSame
    ? `; digest lines: ${tally.keysDiffer} differ (≠), ${tally.keysSame} equal` : '';
  console.log(`\n${tally.identical} scenarios identical to ${v13}, ${tally.differ} differ${keys}. ` +
    `Keys: the scenario's "# digest:" line (all "key = value" lines without one, or with ` +
    `--all-lines); else the first differing lines. "stderr gc: #i" = the i-th ` +
    `"gc: collecting …"/"gc: done …" line where they differ.`);
}

// ---------------------------------------------------------------------------------------
// command line

function parse(argv) {
  const o = { jobs: Math.max(1, os.availableParallelism()), timeout: 120 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    switch (a) {
      case '--child': o.child = val(); break;
      case '--run': o.run = val(); break;
      case '--tmp': o.tmp = val(); break;
      case '--merged': o.merged = true; break;
      case '--probe-only': o.probeOnly = true; break;
      case '--scenarios': o.scenarios = val(); break;
      case '--outdir': o.outdir = val(); break;
      case '--results': o.results = val(); break;
      case '--only': o.only = val(); break;
      case '--no-site': o.noSite = true; break;
      case '--jobs': o.jobs = Math.max(1, parseInt(val(), 10)); break;
      case '--timeout': o.timeout = parseFloat(val()); break;
      case '--quiet': o.quiet = true; break;
      case '--all': o.all = true; break;
      case '--summary': o.summary = true; break;
      case '--all-lines': o.allLines = true; break;
      case '--probe': o.probe = true; break;
      case '--freeze-startup': o.freezeStartup = true; break;
      case '-h': case '--help': o.help = true; break;
      default: throw new Error(`unknown argument ${a}`);
    }
  }
  return o;
}

const CORPORA = [
  ['test/oracle/scenarios', 'test/oracle/results', 'test/oracle/results-nosite'],
  ['test/scenarios', 'test/scenarios/results', 'test/scenarios/results-nosite'],
  ['examples', 'test/examples/results', 'test/examples/results-nosite'],
];

async function main() {
  const o = parse(process.argv.slice(2));
  if (o.help) {
    const lines = fs.readFileSync(SELF, 'utf8').split('\n').slice(1);
    const end = lines.findIndex((l) => !l.startsWith('//'));
    console.log(lines.slice(0, end).map((l) => l.slice(3)).join('\n'));
    return;
  }
  if (o.child || o.run) {
    o.file = o.child ?? o.run;
    if (o.run) o.tmp = undefined;
    await child(o);
    return;
  }
  if (o.summary) {
    summary({
      results: path.resolve(o.results ?? path.join(REPO, 'test/oracle/results')),
      scenarios: path.resolve(o.scenarios ?? path.join(REPO, 'test/oracle/scenarios')),
      only: o.only, allLines: o.allLines,
    });
    return;
  }
  if (o.freezeStartup) {
    if (!o.outdir || o.all) throw new Error('--freeze-startup is a diagnostic: give an --outdir outside the corpus');
    FREEZE_STARTUP = true;
  }
  const t0 = performance.now();
  const pr = await probe(o.noSite);
  const version = pr.status.version;
  if (pr.status.release !== 15) throw new Error(`pyodide runs a pre-release CPython (${version}, level ${pr.status.release})`);
  console.log(`pyodide ${pyodidePackageVersion()} (${pyodideDir()}): CPython ${version}; ` +
    `a fresh interpreter loads in ${Math.round(pr.status.load_ms)} ms (${Math.round(pr.wallMs)} ms with the node process)`);
  if (o.probe) {
    // extra facts for the README
    const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pygc-pyodide-probe-'));
    const f = path.join(tmpDir, 'facts.py');
    fs.writeFileSync(f, [
      'import sys, gc, sysconfig, threading',
      'print("version =", sys.version.replace(chr(10), " "))',
      'print("platform =", sys.platform, sysconfig.get_platform())',
      'print("threshold =", gc.get_threshold())',
      'print("count_at_start =", gc.get_count())',
      'print("modules_at_start =", len(sys.modules))',
      'print("flags =", sys.flags)',
      'print("recursionlimit =", sys.getrecursionlimit())',
      'print("gil_disabled =", sysconfig.get_config_var("Py_GIL_DISABLED"))',
      'print("py_debug =", sysconfig.get_config_var("Py_DEBUG"))',
      'print("can_start_thread =", getattr(sys, "_is_gil_enabled", lambda: None)(), end=" ")',
      'try:\n    threading.Thread(target=lambda: None).start(); print("yes")\nexcept Exception as e:\n    print(type(e).__name__, e)',
      'def depth(n=0):\n    try:\n        return depth(n + 1)\n    except RecursionError:\n        return n',
      'print("max_python_recursion =", depth())',
      'print("objects_tracked =", len(gc.get_objects()))',
    ].join('\n') + '\n');
    const r = await runChild(f, { merged: false, noSite: o.noSite, timeout: 120 });
    fs.rmSync(tmpDir, { recursive: true, force: true });
    process.stdout.write(r.stdout + r.stderr);
    return;
  }
  const jobs = [];
  if (o.all) {
    for (const [s, r, n] of CORPORA) {
      jobs.push({ scenarios: path.join(REPO, s), outdir: path.join(REPO, r), noSite: false });
      jobs.push({ scenarios: path.join(REPO, s), outdir: path.join(REPO, n), noSite: true });
    }
  } else {
    const scenarios = path.resolve(o.scenarios ?? path.join(REPO, 'test/oracle/scenarios'));
    let outdir = o.outdir;
    if (!outdir) {
      if (o.scenarios) throw new Error('--outdir is needed with --scenarios');
      outdir = path.join(REPO, 'test/oracle', o.noSite ? 'results-nosite' : 'results');
    }
    jobs.push({ scenarios, outdir: path.resolve(outdir), noSite: !!o.noSite });
  }
  for (const j of jobs) {
    await record({ ...j, only: o.only, jobs: o.jobs, timeout: o.timeout, quiet: o.quiet, version });
  }
  if (REPORT_PROBLEMS.length) {
    console.log('\nproblems:');
    for (const p of REPORT_PROBLEMS) console.log('  ' + p);
  }
  console.log(`total ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
