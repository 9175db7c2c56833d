// sys.getsizeof refuses what it cannot compute exactly (src/engine/sizes.ts): each
// case runs through the built CLI and must end in a NotSupportedError that names the
// object, with exit status 2 and nothing printed. The exact sizes themselves are
// checked against real CPython by test/scenarios/lang_getsizeof*.py.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CLI = path.resolve(__dirname, '..', '..', 'dist', 'cli.js');

const HEAD = 'from __future__ import print_function\nimport sys\nclass A(object):\n    pass\n';

const cases: [string, string, RegExp][] = [
  ['3.11', 'print(sys.getsizeof(A))', /of an object of type 'type'/],
  ['3.8', 'a = A()\na.x = 1\nprint(sys.getsizeof(a.__dict__))', /of a dict whose keys table/],
  ['3.12', "print(sys.getsizeof('caf\u00e9'))", /of a non-ASCII str/],
  ['2.7', "print(sys.getsizeof('caf\\xe9'))", /of a non-ASCII str/],
  ['3.9', "print(sys.getsizeof('a b c'.split()))", /of a list whose allocation/],
  ['3.6', "d = {'a': 1}\nprint(sys.getsizeof(d.copy()))", /of a dict whose keys table/],
  ['3.10', "d = {}\nd.update({'a': 1})\nprint(sys.getsizeof(d))", /of a dict whose keys table/],
  ['3.13', 'class B(A, object):\n    pass\nprint(sys.getsizeof(B()))', /\(a class with several bases\)/],
  ['3.11', "class W(object):\n    __slots__ = ('__weakref__',)\nprint(sys.getsizeof(W()))", /'__weakref__' in __slots__/],
  ['3.14', 'print(sys.getsizeof([]))', /under the 3.14 profile/],
];

test('sys.getsizeof: a NotSupportedError for what is not modelled exactly, never a number', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pygc-sizes-'));
  try {
    cases.forEach(([version, body, expected], i) => {
      const file = path.join(dir, `case${i}.py`);
      fs.writeFileSync(file, HEAD + body + '\n');
      const r = spawnSync(process.execPath, [CLI, 'run', file, '--python', version], { encoding: 'utf8', timeout: 60_000 });
      const last = r.stderr.trimEnd().split('\n').pop() ?? '';
      assert.equal(r.stdout, '', `case ${i} (${version}) printed: ${r.stdout}`);
      assert.equal(r.status, 2, `case ${i} (${version}): status ${r.status}\n${r.stderr}`);
      assert.match(last, /^NotSupportedError: sys\.getsizeof\(\) of .+ is not supported by PyGC Lab$/, `case ${i} (${version})`);
      assert.match(last, expected, `case ${i} (${version})`);
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
