// Names for inline values and hover expressions (src/extension/inline-values-scan.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expressionAt, maskLine, namesForInlineValues, scopeStart } from '../../../src/extension/inline-values-scan';

const SRC = [
  'import gc',                       // 0
  'class A:',                        // 1
  '    def __init__(self, n):',      // 2
  '        self.n = n',              // 3
  'def f3():',                       // 4
  '    c1 = A("c1 # not a comment")', // 5
  '    c2 = A(n=2)  # c3 here',      // 6
  '    c1.t = c2',                   // 7
  '    del c1',                      // 8
  'x = f3()',                        // 9
];

test('names up to the stopped line, without attributes, keywords, builtins, strings or comments', () => {
  const names = namesForInlineValues(SRC, 5, 8).map((n) => `${n.line}:${n.name}`);
  assert.deepEqual(names, ['5:c1', '5:A', '6:c2', '6:A', '7:c1', '7:c2', '8:c1']);
});

test('columns are exact', () => {
  const [n] = namesForInlineValues(SRC, 7, 7);
  assert.deepEqual(n, { line: 7, start: 4, end: 6, name: 'c1' });
});

test('scopeStart finds the body of the enclosing function', () => {
  assert.equal(scopeStart(SRC, 8), 5);
  assert.equal(scopeStart(SRC, 3), 3);
  assert.equal(scopeStart(SRC, 9), 0);
});

test('maskLine blanks strings and comments, and carries triple quotes across lines', () => {
  const st = { inTriple: null as string | null };
  assert.equal(maskLine('a = "x#y" # c', st), 'a =' + ' '.repeat(10));
  assert.equal(maskLine('s = """doc', st), 's =       ');
  assert.equal(st.inTriple, '"""');
  assert.equal(maskLine('end""" + b', st), '       + b');
  assert.equal(st.inTriple, null);
});

test('expressionAt gives the dotted name under the pointer', () => {
  assert.deepEqual(expressionAt('    c1.t.other = 1', 10), { start: 4, end: 14, text: 'c1.t.other' });
  assert.deepEqual(expressionAt('    c1.t.other = 1', 7), { start: 4, end: 8, text: 'c1.t' });
  assert.equal(expressionAt('    del c1', 5), undefined);
  assert.equal(expressionAt('x = "abc"', 6), undefined);
});
