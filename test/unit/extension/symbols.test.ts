// Which API symbol a hover or completion position names (src/extension/symbols.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importAliases, memberContext, symbolAt, wordAt } from '../../../src/extension/symbols';

const plain = importAliases('import gc\nimport sys\n');

test('wordAt finds the identifier under or just left of the cursor', () => {
  assert.deepEqual(wordAt('x = gc.collect()', 8), { word: 'collect', start: 7, end: 14 });
  assert.deepEqual(wordAt('x = gc.collect()', 14), { word: 'collect', start: 7, end: 14 });
  assert.equal(wordAt('x = (  )', 5), undefined);
});

test('symbolAt resolves module members, dunders and nothing else', () => {
  assert.equal(symbolAt('print(gc.collect())', 10, plain)?.qualified, 'gc.collect');
  assert.equal(symbolAt('n = sys.getrefcount(a)', 9, plain)?.qualified, 'sys.getrefcount');
  assert.equal(symbolAt('w = weakref.ref(a)', 13, plain)?.qualified, 'weakref.ref');
  assert.equal(symbolAt('gc . set_debug(1)', 7, plain)?.qualified, 'gc.set_debug');
  assert.equal(symbolAt('    def __del__(self):', 10, plain)?.qualified, '__del__');
  assert.equal(symbolAt('x = obj.collect()', 10, plain), undefined, 'a method of another object');
  assert.equal(symbolAt('x = a.gc.collect()', 11, plain), undefined, 'gc as an attribute is not the module');
  assert.equal(symbolAt('x = foo(1)', 5, plain), undefined);
});

test('importAliases follows import … as and from … import', () => {
  const src = 'import gc as g, os\nfrom sys import getrefcount as rc, intern\nfrom weakref import (ref)\n';
  const a = importAliases(src);
  assert.equal(a.get('g'), 'gc');
  assert.equal(a.get('rc'), 'sys.getrefcount');
  assert.equal(a.get('intern'), 'sys.intern');
  assert.equal(a.get('ref'), 'weakref.ref');
  assert.equal(a.has('os'), false);
  assert.equal(symbolAt('g.collect()', 3, a)?.qualified, 'gc.collect');
  assert.equal(symbolAt('print(rc(x))', 7, a)?.qualified, 'sys.getrefcount');
});

test('memberContext recognises gc., sys., weakref. and aliases before the cursor', () => {
  assert.deepEqual(memberContext('gc.', plain), { module: 'gc', partial: '' });
  assert.deepEqual(memberContext('    print(sys.getr', plain), { module: 'sys', partial: 'getr' });
  assert.deepEqual(memberContext('weakref.', plain), { module: 'weakref', partial: '' });
  assert.deepEqual(memberContext('g.', importAliases('import gc as g')), { module: 'gc', partial: '' });
  assert.equal(memberContext('self.gc.', plain), undefined);
  assert.equal(memberContext('x.', plain), undefined);
  assert.equal(memberContext('c.', importAliases('from gc import collect as c')), undefined);
});
