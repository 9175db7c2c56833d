#!/usr/bin/env node
// The project's test command (`npm test`):
//  1. runs `npm run build` when dist/cli.js is missing or older than a file in src/
//     (skipped, with a note, while scripts/build.mjs does not exist);
//  2. runs node's test runner with tsx over TEST_DIRS below (**/*.test.ts; test/webview needs /usr/bin/chromium),
//     spec output on stdout and TAP into a temporary file;
//  3. on a full run (no filters; PYGC_SKIP_E2E=1 skips it), the real-VS-Code tests of test/e2e
//     (code-server, installed on first use outside the repo by test/e2e/install.mjs);
//  4. ends with node's summary and a last line "N passed, N failed[, N skipped][, N todo]"
//     taken from the TAP summary (cancelled tests count as failed); exits 1 on any failure.
// Arguments: test files, directories or substrings of their paths select test files
// (`npm test -- test/unit/lang.test.ts`, `npm test -- oracle`); arguments starting with
// "--" go to node (`npm test -- --test-name-pattern=seed`).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TEST_DIRS = ['test/unit', 'test/oracle', 'test/grammar', 'test/dap', 'test/webview'];

function walk(dir, pred, out = []) {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) { if (e.name !== 'node_modules') walk(p, pred, out); }
    else if (pred(p)) out.push(p);
  }
  return out;
}

function newestMtime(dir) {
  return walk(dir, () => true).reduce((m, f) => Math.max(m, fs.statSync(f).mtimeMs), 0);
}

function build() {
  const cli = path.join(ROOT, 'dist', 'cli.js');
  const stale = !fs.existsSync(cli) || fs.statSync(cli).mtimeMs < newestMtime(path.join(ROOT, 'src'));
  if (!stale) return;
  if (!fs.existsSync(path.join(ROOT, 'scripts', 'build.mjs'))) {
    console.log('test: dist/cli.js is missing or stale, but scripts/build.mjs does not exist yet: not building');
    return;
  }
  console.log('test: dist/cli.js is missing or older than src/: npm run build');
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.log(`test: npm run build failed (exit ${r.status ?? r.signal}): tests not run`);
    process.exit(1);
  }
}

function selectFiles(filters) {
  const isTest = (p) => p.endsWith('.test.ts');
  const all = TEST_DIRS.flatMap((d) => walk(path.join(ROOT, d), isTest)).sort();
  if (filters.length === 0) return all;
  const picked = new Set();
  for (const f of filters) {
    const abs = path.resolve(f);
    if (fs.existsSync(abs) && fs.statSync(abs).isDirectory()) walk(abs, isTest).forEach((p) => picked.add(p));
    else if (fs.existsSync(abs)) picked.add(abs);
    else all.filter((p) => path.relative(ROOT, p).includes(f)).forEach((p) => picked.add(p));
  }
  return [...picked].sort();
}

/** The real-VS-Code tests: install code-server when missing, run them, read their "N passed, N failed". */
function runE2e() {
  console.log('\ntest: real VS Code (code-server) tests: test/e2e');
  const inst = spawnSync(process.execPath, [path.join(ROOT, 'test', 'e2e', 'install.mjs')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (inst.status !== 0) {
    console.log(`test: installing code-server for the e2e tests failed (exit ${inst.status ?? inst.signal})`);
    return { passed: 0, failed: 1 };
  }
  const r = spawnSync(process.execPath, [path.join(ROOT, 'test', 'e2e', 'run.mjs')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 1 << 26 });
  process.stdout.write(r.stdout ?? '');
  const m = /^(\d+) passed, (\d+) failed$/m.exec(r.stdout ?? '');
  if (!m) return { passed: 0, failed: 1 };
  const res = { passed: Number(m[1]), failed: Number(m[2]) };
  if (r.status !== 0 && res.failed === 0) res.failed = 1;
  return res;
}

function summary(tap) {
  const counts = {};
  for (const m of tap.matchAll(/^# (tests|pass|fail|cancelled|skipped|todo) (\d+)$/gm)) counts[m[1]] = Number(m[2]);
  return 'pass' in counts && 'fail' in counts ? counts : null;
}

const args = process.argv.slice(2);
const nodeArgs = args.filter((a) => a.startsWith('--'));
const files = selectFiles(args.filter((a) => !a.startsWith('--')));
if (files.length === 0) {
  console.log(`test: no test files match ${args.join(' ')}`);
  process.exit(1);
}
build();

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pygc-test-'));
const tapFile = path.join(tmp, 'results.tap');
let status = 1;
try {
  const r = spawnSync(process.execPath, [
    '--import', 'tsx', '--test',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tapFile}`,
    ...nodeArgs, ...files.map((f) => path.relative(ROOT, f)),
  ], { cwd: ROOT, stdio: 'inherit' });
  const counts = fs.existsSync(tapFile) ? summary(fs.readFileSync(tapFile, 'utf8')) : null;
  if (!counts) {
    console.log(`test: no summary from the test runner (exit ${r.status ?? r.signal})`);
  } else {
    let failed = counts.fail + (counts.cancelled ?? 0);
    let passed = counts.pass;
    const e2e = args.length === 0 && !process.env.PYGC_SKIP_E2E ? runE2e() : null;
    if (e2e) { passed += e2e.passed; failed += e2e.failed; }
    let line = `${passed} passed, ${failed} failed`;
    if (counts.skipped) line += `, ${counts.skipped} skipped`;
    if (counts.todo) line += `, ${counts.todo} todo`;
    console.log(line);
    status = failed > 0 || r.status !== 0 ? 1 : 0;
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(status);
