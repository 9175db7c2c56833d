// User __hash__/__eq__: set members are simulated (recorded scenarios lang_user_hash_*); dict
// keys, and such objects inside tuple/frozenset keys compared for equality, stay refused with a
// located NotSupportedError, as does a set changed by an element's __eq__ during a lookup.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runEngine } from './run-engine';

const run = (src: string, python = '3.12') => runEngine(src, python);

const K = 'from __future__ import print_function\nclass K(object):\n    def __hash__(self):\n        print("hash")\n        return 1\n';

test('a user __hash__ on a dict key: refused at the first dict operation, with its line', () => {
  for (const python of ['2.7', '3.6', '3.12', '3.14']) {
    const r = run(K + 'k = K()\nprint(len({k}))\nd = {}\nd[k] = 1\n', python);
    assert.equal(r.stdout, 'hash\n1\n', python);
    assert.equal(r.exitCode, 2, python);
    assert.match(r.stderr, /line 9[\s\S]*NotSupportedError: a user-defined __hash__ on a dict key or in a tuple\/frozenset key \(class K\)/, python);
  }
});

test('a user __eq__ with an inherited __hash__ on a dict key: refused', () => {
  const src = 'class E(object):\n    __hash__ = object.__hash__\n    def __eq__(self, o):\n        return False\nd = {E(): 1}\n';
  for (const python of ['2.7', '3.12']) {
    const r = run(src, python);
    assert.equal(r.exitCode, 2, python);
    assert.match(r.stderr, /line 5[\s\S]*a user-defined __eq__ on a dict key or in a tuple\/frozenset key \(class E\)/, python);
  }
});

test('tuples holding user-hashed objects: equal hashes make the set compare them, refused', () => {
  const r = run(K + 's = {(K(), 1), (K(), 1)}\n');
  assert.equal(r.stdout, 'hash\nhash\n');
  assert.equal(r.exitCode, 2);
  assert.match(r.stderr, /NotSupportedError: a user-defined __hash__ on a dict key or in a tuple\/frozenset key/);
});

test('a set changed by an element\'s __eq__ during a lookup: refused (CPython restarts the probe)', () => {
  const src = 'from __future__ import print_function\nclass M(object):\n    def __hash__(self):\n        return 1\n    def __eq__(self, o):\n        s.discard(self)\n        return False\ns = set()\ns.add(M())\nprint(M() in s)\n';
  for (const python of ['2.7', '3.9', '3.13']) {
    const r = run(src, python);
    assert.equal(r.exitCode, 2, python);
    assert.match(r.stderr, /NotSupportedError: a set changed by the __eq__ of one of its elements during a lookup/, python);
  }
});

test('a set changed by an element\'s __eq__ while a set operation walks it: refused', () => {
  const src = 'from __future__ import print_function\nclass M(object):\n    def __init__(self, n):\n        self.n = n\n    def __hash__(self):\n        return 1\n    def __eq__(self, o):\n        if not done:\n            done.append(1)\n            b.add(5)\n        return False\ndone = []\na = {M(1)}\nb = {M(2)}\nprint(len(b - a))\n';
  for (const python of ['2.7', '3.8', '3.12']) {
    const r = run(src, python);
    assert.equal(r.exitCode, 2, python);
    assert.match(r.stderr, /NotSupportedError: a set changed by the __eq__ of (one of its elements during a lookup|an element while a set operation walks it)/, python);
  }
});
