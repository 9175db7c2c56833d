// Unit tests for src/verify: normalisation (parity with scripts/oracle/run.py), line
// splitting, masking, comparison rules and formatDiff. Run: npx tsx --test test/unit/verify.test.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Normalizer, normalizeRun, splitLines, maskLine } from '../../src/verify/normalize';
import { compareRun, formatDiff, startupDependentLines, type RecordedRun } from '../../src/verify/compare';

const ORACLE = path.resolve(__dirname, '..', 'oracle');

function recorded(tree: 'results' | 'results-nosite', scenario: string, version: string): RecordedRun {
  return JSON.parse(fs.readFileSync(path.join(ORACLE, tree, scenario, version + '.json'), 'utf8'));
}

/** Whether a recording has a -S twin (interpreters run without `python -S`, such as Pyodide, have none). */
function hasTwin(scenario: string, file: string): boolean {
  return fs.existsSync(path.join(ORACLE, 'results-nosite', scenario, file));
}

function allRecorded(): { scenario: string; file: string }[] {
  const out: { scenario: string; file: string }[] = [];
  for (const scenario of fs.readdirSync(path.join(ORACLE, 'results')).sort()) {
    for (const file of fs.readdirSync(path.join(ORACLE, 'results', scenario))) out.push({ scenario, file });
  }
  return out;
}

const run = (stdout: string, stderr = '', exitCode: number | null = 0) => ({ stdout, stderr, exitCode });
const rec = (stdout: string, stderr = '', exit_code: number | null = 0): RecordedRun => ({ stdout, stderr, exit_code });

test('normalizer: addresses in order of first appearance, case-insensitive, one mapping', () => {
  const n = new Normalizer();
  assert.equal(n.sub('<A at 0x7f00> <B at 0x7F10> again 0x7f00'), '<A at @1> <B at @2> again @1');
  assert.equal(n.sub('0x7f10 0X7f10 0x7f20'), '@2 0X7f10 @3');
  assert.equal(n.addresses, 3);
});

test('normalizer: only whole 0x tokens (Python \\b semantics)', () => {
  const n = new Normalizer();
  assert.equal(n.sub('a0x1f 0x1fg _0x1 0x1_ é0x2 (0x3) 0x4,0x5'), 'a0x1f 0x1fg _0x1 0x1_ é0x2 (@1) @2,@3');
});

test('normalizeRun: stdout first, then stderr, sharing the mapping', () => {
  const r = normalizeRun('out 0xbb\n', 'err 0xaa 0xbb\n');
  assert.deepEqual(r, { stdout: 'out @1\n', stderr: 'err @2 @1\n', addresses: 2 });
});

test('normalizer: elapsed times and the scenario directory', () => {
  const n = new Normalizer('/x/scen/');
  assert.equal(n.sub('gc: done, 0.0012s elapsed\n'), 'gc: done, <T>s elapsed\n');
  assert.equal(n.sub('gc: done, 3 unreachable, 0 uncollectable, 12.5s elapsed.'), 'gc: done, 3 unreachable, 0 uncollectable, <T>s elapsed.');
  assert.equal(n.sub('  File "/x/scen/a.py", line 3, in f\n  File "/x/scenb.py"'), '  File "<scenarios>/a.py", line 3, in f\n  File "/x/scenb.py"');
  assert.equal(new Normalizer('/x/scen').sub('"/x/scen/a.py"'), '"<scenarios>/a.py"');
});

test('normalizeRun reproduces run.py on raw CPython 3.11.7 output', () => {
  const fixtures = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'raw-runs-3.11.7.json'), 'utf8'));
  assert.ok(fixtures.length >= 3);
  for (const f of fixtures) {
    const r = normalizeRun(f.raw_stdout, f.raw_stderr, f.scenario_dir);
    assert.equal(r.stdout, f.stdout, f.scenario);
    assert.equal(r.stderr, f.stderr, f.scenario);
    assert.equal(r.addresses, f.addresses, f.scenario);
  }
});

test('splitLines behaves like str.splitlines()', () => {
  assert.deepEqual(splitLines(''), []);
  assert.deepEqual(splitLines('a'), ['a']);
  assert.deepEqual(splitLines('a\n'), ['a']);
  assert.deepEqual(splitLines('a\n\nb\r\nc\rd\n\n'), ['a', '', 'b', 'c', 'd', '']);
  assert.deepEqual(splitLines('\n'), ['']);
});

test('splitLines matches the recorded stdout_lines/stderr_lines of the whole corpus', () => {
  for (const tree of ['results', 'results-nosite'] as const) {
    for (const { scenario, file } of allRecorded()) {
      if (tree === 'results-nosite' && !hasTwin(scenario, file)) continue;
      const r = JSON.parse(fs.readFileSync(path.join(ORACLE, tree, scenario, file), 'utf8'));
      if (r.skipped) continue;
      assert.deepEqual(splitLines(r.stdout), r.stdout_lines, `${tree}/${scenario}/${file}`);
      assert.deepEqual(splitLines(r.stderr), r.stderr_lines, `${tree}/${scenario}/${file}`);
    }
  }
});

test('maskLine masks only the gc object counts on stderr', () => {
  assert.equal(maskLine('stderr', 'gc: objects in each generation: 3 0 5210'), 'gc: objects in each generation: # # #');
  assert.equal(maskLine('stderr', 'gc: objects in permanent generation: 0'), 'gc: objects in permanent generation: #');
  assert.equal(maskLine('stderr', 'gc: collecting generation 2...'), 'gc: collecting generation 2...');
  assert.equal(maskLine('stdout', 'gc: objects in each generation: 3 0 5210'), 'gc: objects in each generation: 3 0 5210');
});

test('compareRun: equal, changed, missing and extra lines, exit code', () => {
  const exp = rec('a\nb\nc\n', 'e1\n');
  assert.equal(compareRun(exp, run('a\nb\nc', 'e1\n')).equal, true);
  const r = compareRun(exp, run('a\nB\n', 'e1\ne2\n', 1));
  assert.equal(r.equal, false);
  assert.deepEqual(r.differences, [
    { stream: 'stdout', line: 2, expected: 'b', actual: 'B' },
    { stream: 'stdout', line: 3, expected: 'c', actual: null },
    { stream: 'stderr', line: 2, expected: null, actual: 'e2' },
    { stream: 'exit', line: 0, expected: '0', actual: '1' },
  ]);
  assert.deepEqual(r.exitCode, { expected: 0, actual: 1 });
});

test('compareRun: gc counts are masked on stderr but the line must be there', () => {
  const exp = rec('', 'gc: collecting generation 2...\ngc: objects in each generation: 1 2 3\n');
  assert.equal(compareRun(exp, run('', 'gc: collecting generation 2...\ngc: objects in each generation: 0 0 9\n')).equal, true);
  const r = compareRun(exp, run('', 'gc: collecting generation 2...\ngc: objects in each generation: 0 0\n'));
  assert.equal(r.differences.length, 1);
  assert.equal(compareRun(exp, run('', 'gc: collecting generation 2...\n')).equal, false);
});

test('compareRun: start-up dependent lines (default vs -S) are excluded', () => {
  const exp = recorded('results', '02_seed_b_getrefcount_int', '3.11.7');
  const nosite = recorded('results-nosite', '02_seed_b_getrefcount_int', '3.11.7');
  assert.equal(startupDependentLines(exp, nosite, 'stdout').size, 10);
  const wrong = run(exp.stdout!.replace(/= 1000000/g, '= 2000000'), '', 0);
  assert.equal(compareRun(exp, wrong).equal, false);
  const r = compareRun(exp, wrong, { nosite });
  assert.equal(r.equal, true);
  assert.equal(r.excluded.length, 10);
  assert.deepEqual(r.excluded[0], { stream: 'stdout', line: 1, recorded: 'init = 1000000045', nosite: 'init = 1000000034', actual: 'init = 2000000045' });
  // a line both CPython runs printed must still be there, even if its value is not compared
  const short = compareRun(exp, run('init = 5\n'), { nosite });
  assert.equal(short.excluded.length, 1);
  assert.deepEqual(short.differences.map((d) => [d.line, d.actual]), [2, 3, 4, 5, 6, 7, 8, 9, 10].map((l) => [l, null]));
  const exp2 = rec('x = 1\ny = 2\n');
  assert.equal(compareRun(exp2, run('x = 7\n'), { nosite: rec('x = 3\ny = 2\n') }).differences.length, 1);
  // where only one CPython run printed a line, its presence is start-up dependent too
  const r3 = compareRun(rec('a\nb\n'), run('a\n'), { nosite: rec('a\n') });
  assert.deepEqual([r3.equal, r3.excluded], [true, [{ stream: 'stdout', line: 2, recorded: 'b', nosite: null, actual: null }]]);
  const r4 = compareRun(rec('a\n'), run('a\nc\n'), { nosite: rec('a\nb\n') });
  assert.deepEqual([r4.equal, r4.excluded], [true, [{ stream: 'stdout', line: 2, recorded: null, nosite: 'b', actual: 'c' }]]);
});

test('compareRun throws on a skipped recording', () => {
  assert.throws(() => compareRun({ skipped: 'requires 3.6+' }, run('')), /skipped/);
});

test('every recording matches itself and its -S twin under the rules', () => {
  for (const { scenario, file } of allRecorded()) {
    const exp = recorded('results', scenario, file.replace(/\.json$/, ''));
    if (exp.skipped) continue;
    if (!hasTwin(scenario, file)) {
      assert.equal(compareRun(exp, run(exp.stdout!, exp.stderr!, exp.exit_code ?? null)).equal, true, `${scenario} ${file}`);
      continue;
    }
    const nosite = recorded('results-nosite', scenario, file.replace(/\.json$/, ''));
    const self = compareRun(exp, run(exp.stdout!, exp.stderr!, exp.exit_code ?? null), { nosite });
    assert.equal(self.equal, true, `${scenario} ${file}`);
    const twin = compareRun(exp, run(nosite.stdout!, nosite.stderr!, nosite.exit_code ?? null), { nosite });
    assert.equal(twin.equal, true, `${scenario} ${file}: ${formatDiff(twin)}`);
  }
});

test('formatDiff: empty when equal, unified hunks otherwise', () => {
  const exp = rec('1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n');
  assert.equal(formatDiff(compareRun(exp, run('1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n'))), '');
  const r = compareRun(exp, run('1\n2\n3\n4\nX\n6\n7\n8\n9\n10\n', '', 1));
  assert.equal(
    formatDiff(r, { expected: 'CPython 3.11.7', actual: 'pygc' }),
    [
      '--- CPython 3.11.7 (stdout)',
      '+++ pygc (stdout)',
      '@@ -2,7 +2,7 @@',
      ' 2', ' 3', ' 4', '-5', '+X', ' 6', ' 7', ' 8',
      'exit code: expected 0, got 1',
      '',
    ].join('\n'),
  );
});

test('formatDiff aligns an inserted line instead of cascading', () => {
  const r = compareRun(rec('a\nb\nc\nd\n'), run('a\nNEW\nb\nc\nd\n'));
  assert.equal(r.differences.length, 4); // line for line: b,c,d shifted + one extra
  assert.equal(formatDiff(r, { context: 1 }), '--- expected (stdout)\n+++ actual (stdout)\n@@ -1,2 +1,3 @@\n a\n+NEW\n b\n');
});

test('formatDiff marks start-up dependent lines that differ with ~', () => {
  const r = compareRun(rec('none = 5478\nx = 1\n'), run('none = 12\nx = 2\n'), { nosite: rec('none = 5451\nx = 1\n') });
  assert.equal(r.differences.length, 1);
  const d = formatDiff(r);
  assert.match(d, /^~none = 12 {4}\[start-up dependent, not compared; CPython: none = 5478\]$/m);
  assert.match(d, /^-x = 1\n\+x = 2$/m);
});
