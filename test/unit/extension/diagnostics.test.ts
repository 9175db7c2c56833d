// Diagnostics from the parser, as the editor shows them (src/extension/diagnostic-map.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, ScenarioError } from '../../../src/lang';
import { toDiagnosticData } from '../../../src/extension/diagnostic-map';

const check = (src: string) => toDiagnosticData(diagnose(src, 'x.pygc'), src.split('\n'));

test('an unsupported import is a NotSupportedError on the module name', () => {
  const [d, ...rest] = check('import gc\nimport os\n');
  assert.equal(rest.length, 0);
  assert.equal(d.code, 'NotSupportedError');
  assert.equal(d.severity, 'error');
  assert.equal(d.source, 'pygc');
  assert.deepEqual(d.range, { line: 1, character: 7, endLine: 1, endCharacter: 9 });
  assert.match(d.message, /import of module 'os' is not supported/);
});

test('each unsupported construct gets its own diagnostic, in order', () => {
  const ds = check('import os\nwith x:\n    pass\ndef g():\n    yield from y\n');
  assert.deepEqual(ds.map((d) => d.code), ['NotSupportedError', 'NotSupportedError', 'NotSupportedError']);
  assert.deepEqual(ds.map((d) => d.range.line), [0, 1, 4]);
});

test('a syntax error wins and has CPython\'s message and an exact range', () => {
  const ds = check('import os\nx = (1,\n');
  assert.equal(ds.length, 1);
  assert.equal(ds[0].code, 'SyntaxError');
  assert.match(ds[0].message, /was never closed/);
  assert.equal(ds[0].range.line, 1);
  assert.equal(ds[0].range.character, 4);
});

test('indentation errors keep their own type as the code', () => {
  const ds = check('if x:\npass\n');
  assert.equal(ds[0].code, 'IndentationError');
});

test('non-ASCII text before the error keeps UTF-16 columns', () => {
  const ds = check('s = "垃圾回收"; import os\n');
  assert.deepEqual(ds[0].range, { line: 0, character: 19, endLine: 0, endCharacter: 21 });
});

test('a valid scenario has no diagnostics', () => {
  assert.deepEqual(check('import gc\nclass A:\n    def __del__(self):\n        print("del")\na = A()\ndel a\nprint(gc.collect())\n'), []);
});

test('ranges are clamped to the document and never empty', () => {
  const e = new ScenarioError('SyntaxError', 'boom', 'x', 9, 50, 9, 50, '', { line: 8, character: 50, endLine: 9, endCharacter: 50 });
  const [d] = toDiagnosticData([e], ['ab', 'cd']);
  assert.deepEqual(d.range, { line: 1, character: 2, endLine: 1, endCharacter: 3 });
  const empty = new ScenarioError('SyntaxError', 'boom', 'x', 1, 1, 1, 1, 'ab', { line: 0, character: 1, endLine: 0, endCharacter: 1 });
  assert.deepEqual(toDiagnosticData([empty], ['ab'])[0].range, { line: 0, character: 1, endLine: 0, endCharacter: 2 });
});
