// Builtins the engine does not model exactly stop the run with a located NotSupportedError
// (exit code 2) instead of an answer real CPython would not give.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runEngine } from './run-engine';

const run = (src: string, python = '3.12') => runEngine(src, python);

test('slice(): refused, with its line (slices are GC objects with a cache in CPython; the engine has no handle on one)', () => {
  for (const python of ['2.7', '3.6', '3.12']) {
    const r = run('from __future__ import print_function\nprint(1)\ns = slice(1, 3)\nprint(2)\n', python);
    assert.equal(r.stdout, '1\n', python);
    assert.equal(r.exitCode, 2, python);
    assert.match(r.stderr, /line 3[\s\S]*NotSupportedError: slice objects made with slice\(\) is not supported by PyGC Lab/, python);
  }
});

test("2.7's filter() of a str or a tuple (it returns a str or a tuple there): refused, with its line", () => {
  for (const arg of ["'a b'", '(1, 0)']) {
    const r = run(`from __future__ import print_function\nx = filter(None, ${arg})\n`, '2.7');
    assert.equal(r.exitCode, 2, arg);
    assert.match(r.stderr, /line 2[\s\S]*NotSupportedError: 2\.7's filter\(\) of a (str|tuple) is not supported by PyGC Lab/, arg);
  }
});
