// Bad input (test/bad-inputs): each file's stderr must be what CPython 3.11
// prints (recorded in test/bad-inputs/results by scripts/oracle/run_all.py);
// syntax errors exit 2 (the pygc contract) where CPython exits 1; constructs
// outside the subset give a NotSupportedError with file, line and caret.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { normalizeRun } from '../../src/verify/normalize';

const ROOT = path.resolve(__dirname, '..', '..');
const DIR = path.join(ROOT, 'test', 'bad-inputs');
const CLI = path.join(ROOT, 'dist', 'cli.js');

function run(file: string, extra: string[] = []) {
  const r = spawnSync(process.execPath, [CLI, 'run', file, ...extra], { cwd: DIR, encoding: 'utf8', timeout: 120_000 });
  const n = normalizeRun(r.stdout, r.stderr, DIR);
  return { stdout: n.stdout, stderr: n.stderr, status: r.status };
}

for (const f of fs.readdirSync(DIR).filter((x) => x.endsWith('.py')).sort()) {
  const name = f.slice(0, -3);
  if (name.startsWith('unsupported_')) {
    test(`bad input ${name}: NotSupportedError with file, line and caret`, () => {
      const r = run(f);
      assert.equal(r.status, 2);
      const lines = r.stderr.trimEnd().split('\n');
      assert.match(lines[0], new RegExp(`^  File "<scenarios>/${name}\\.py", line \\d+$`));
      assert.match(lines[2], /^\s+\^+$/);
      assert.match(lines[lines.length - 1], /^NotSupportedError: .+ is not supported by PyGC Lab/);
      assert.equal(r.stdout, '');
    });
    continue;
  }
  test(`bad input ${name}: same report as CPython 3.11`, () => {
    const rec = JSON.parse(fs.readFileSync(path.join(DIR, 'results', name, '3.11.7.json'), 'utf8'));
    const r = run(f);
    assert.equal(r.stderr, rec.stderr);
    assert.equal(r.stdout, rec.stdout);
    const syntax = /^(SyntaxError|IndentationError|TabError)\b/m.test(rec.stderr);
    assert.equal(r.status, syntax ? 2 : rec.exit_code);
  });
}

test('bad input: an endless loop stops at --max-steps with a message and exit 3', () => {
  fs.writeFileSync(path.join(DIR, '..', 'unit', 'fixtures', 'endless.tmp.py'), 'while True:\n    pass\n');
  try {
    const r = spawnSync(process.execPath, [CLI, 'run', path.join('..', 'unit', 'fixtures', 'endless.tmp.py'), '--max-steps', '100000'], { cwd: DIR, encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 3);
    assert.match(r.stderr, /step limit reached \(100000 steps\) at line \d+/);
  } finally {
    fs.rmSync(path.join(DIR, '..', 'unit', 'fixtures', 'endless.tmp.py'), { force: true });
  }
});

test('bad input: a missing file is a clear error, exit 2', () => {
  const r = spawnSync(process.execPath, [CLI, 'run', 'no-such-file.py'], { cwd: DIR, encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /can't open file 'no-such-file.py': \[Errno 2\] No such file or directory/);
});

test('bad input: a 10 MB scenario runs', () => {
  const tmp = path.join(ROOT, 'test', 'unit', 'fixtures', 'big.tmp.py');
  const lines: string[] = [];
  for (let i = 0; i < 600_000; i++) lines.push(`value_${i % 1000} = ${i}`);
  lines.push('print(value_999)');
  fs.writeFileSync(tmp, lines.join('\n') + '\n');
  try {
    assert.ok(fs.statSync(tmp).size > 10_000_000);
    const r = spawnSync(process.execPath, [CLI, 'run', tmp], { encoding: 'utf8', timeout: 120_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '599999\n');
  } finally {
    fs.rmSync(tmp, { force: true });
  }
});
