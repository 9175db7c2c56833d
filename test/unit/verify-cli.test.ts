// `pygc verify`: the scenario in the engine beside the real interpreter, the
// normalised comparison and a readable diff; exit 1 on any difference.
// Needs a real CPython 3.11 (pyenv's or python3.11 on the PATH); without one
// the tests are reported as skipped, with the reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findInterpreter } from '../../src/cli/verify';
import { sideDocument } from '../../src/verify/report';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const py = findInterpreter('3.11');
const skip = py ? false : 'no CPython 3.11 on this machine (pyenv or python3.11)';

test('pygc verify: an example matches CPython 3.11', { skip }, () => {
  const r = spawnSync(process.execPath, [CLI, 'verify', path.join(ROOT, 'examples', 'd_collect_debug_stats.pygc'), '--python', '3.11'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /same output/);
});

test('pygc verify: a line CPython prints differently under -S is start-up dependent and not compared', { skip }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pygc-verify-'));
  const file = path.join(dir, 'none.py');
  // Before 3.12 None's refcount counts every reference site's start-up made; -S changes it.
  fs.writeFileSync(file, 'import sys\nprint(sys.getrefcount(None) > 0)\nprint(sys.getrefcount(None))\n');
  try {
    const r = spawnSync(process.execPath, [CLI, 'verify', file, '--python', '3.11', '--json'], { encoding: 'utf8' });
    const [res] = JSON.parse(r.stdout) as { equal: boolean; startupDependent: number; real: { stdout: string }; sim: { stdout: string } }[];
    assert.equal(r.status, 0, r.stdout);
    assert.equal(res.equal, true);
    assert.equal(res.startupDependent, 1);
    assert.notEqual(res.real.stdout.split('\n')[1], res.sim.stdout.split('\n')[1], 'the line differs, and is not compared');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('pygc verify: a difference is shown as a diff and exits 1', { skip }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pygc-verify-'));
  const file = path.join(dir, 'diff.py');
  // Real CPython prints the interpreter's own objects here; the simulation cannot.
  fs.writeFileSync(file, 'import gc\nprint(len(gc.get_objects()) > 1000)\n');
  try {
    const r = spawnSync(process.execPath, [CLI, 'verify', file, '--python', '3.11'], { encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.match(r.stdout, /1 difference/);
    assert.match(r.stdout, /^-True$/m);
    assert.match(r.stdout, /^\+False$/m);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('pygc verify --json: both normalised runs and the verdict, for the compare editor', { skip }, () => {
  const r = spawnSync(process.execPath, [CLI, 'verify', path.join(ROOT, 'examples', 'd_collect_debug_stats.pygc'), '--python', '3.11', '--json'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const [res] = JSON.parse(r.stdout);
  assert.match(res.label, /^CPython 3\.11\.\d+$/);
  assert.equal(res.profile, '3.11');
  assert.equal(res.equal, true);
  assert.equal(res.differences, 0);
  assert.equal(res.sim.stdout, res.real.stdout);
  assert.match(res.real.stderr, /gc: done, 2 unreachable, 0 uncollectable, <T>s elapsed/);
  // the documents of the diff editor: generation sizes masked on both sides, so they are equal
  assert.equal(sideDocument(res.sim), sideDocument(res.real));
  assert.match(sideDocument(res.real), /^gc: objects in each generation: # # #$/m);
});

test('pygc verify --json: a version with no interpreter is an error entry and exit 1', () => {
  const r = spawnSync(process.execPath, [CLI, 'verify', path.join(ROOT, 'examples', 'd_collect_debug_stats.pygc'), '--python', '/nonexistent/python', '--json'], { encoding: 'utf8' });
  assert.equal(r.status, 1);
  const [res] = JSON.parse(r.stdout);
  assert.match(res.error, /no CPython \/nonexistent\/python found/);
});
