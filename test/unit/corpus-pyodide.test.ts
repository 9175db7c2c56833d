// The corpus comparison's only Pyodide-specific rule (test/oracle/corpus.ts): the engine's
// 64-bit immortal refcount (3 << 30) and numbers within 64 of it become the 32-bit value
// (7 << 28) with the same offset; every other number is left alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asPyodideImmortals } from '../oracle/corpus';

test('immortal refcounts map to the 32-bit build, keeping their offset', () => {
  assert.equal(asPyodideImmortals('none = 3221225472\nx = 3221225471\n'), 'none = 1879048192\nx = 1879048191\n');
});

test('other numbers, including other 10-digit ones and decimals, are left alone', () => {
  const s = 'a = 3221225537 b = 1234567890 c = 3221225472.5 d = 13221225472 e = 42';
  assert.equal(asPyodideImmortals(s), s);
});
