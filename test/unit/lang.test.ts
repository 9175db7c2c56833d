// The scenario front end (src/lang) against CPython 3.11.7 itself: syntax
// trees field by field, SyntaxError messages, positions and the exact stderr,
// all recorded by scripts/record-cpython-lang.py into fixtures/lang-cpython.json
// (snippets from fixtures/lang-cases.txt, the oracle scenarios, the seed
// article's examples, and seeded one-edit mutations of those). Then what
// CPython cannot judge: the refused constructs, diagnose(), limits and speed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  check, diagnose, formatScenarioError, parse, parseScenario, ScenarioError,
} from '../../src/lang/index';
import type { Module, Stmt } from '../../src/lang/ast';
import { tokenize } from '../../src/lang/tokenizer';
import { Source } from '../../src/lang/source';
import type { ConstValue } from '../../src/lang/ast';
import { T } from '../../src/lang/tokens';

// ---- the recordings, and our tree in the recorder's JSON shape --------------------

const FIXTURES = join(__dirname, 'fixtures');

interface RecordedError {
  type: string; msg: string; lineno: number; offset: number; end_lineno: number; end_offset: number | null; text: string;
}

interface RecordedCase {
  kind: 'ast' | 'error';
  name: string;
  src: string;
  ast?: unknown;
  error?: RecordedError | null;
  stderr?: string;
}

function recorded(): { python: string; cases: RecordedCase[] } {
  return JSON.parse(readFileSync(join(FIXTURES, 'lang-cpython.json'), 'utf8'));
}

const DROP_POS = new Set(['Module', 'arguments', 'comprehension']);

/** Our node as the recorder dumps CPython's: `_type`, fields, positions. */
function dump(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(dump);
  if (node === null || typeof node !== 'object') return node;
  const n = node as Record<string, unknown>;
  if ('posonlyargs' in n) {
    return {
      _type: 'arguments', posonlyargs: dump(n.posonlyargs), args: dump(n.args), vararg: dump(n.vararg),
      kwonlyargs: dump(n.kwonlyargs), kw_defaults: dump(n.kw_defaults), kwarg: dump(n.kwarg), defaults: dump(n.defaults),
    };
  }
  const out: Record<string, unknown> = { _type: n.kind };
  for (const [k, v] of Object.entries(n)) {
    if (k === 'kind' || (n.kind === 'Module' && k === 'futures')) continue;
    if (n.kind === 'Constant' && k === 'value') out.value = constJson(v as ConstValue);
    else if (n.kind === 'comprehension' && k === 'is_async') out.is_async = v ? 1 : 0;
    else if (n.kind === 'ImportFrom' && k === 'module') out.module = v === '' ? null : v;
    else out[k] = dump(v);
  }
  if (DROP_POS.has(String(n.kind))) {
    delete out.lineno; delete out.col_offset; delete out.end_lineno; delete out.end_col_offset;
  }
  return out;
}

function constJson(v: ConstValue): unknown {
  switch (v.type) {
    case 'int': return { type: 'int', value: v.value.toString() };
    case 'float': return { type: 'float', value: v.value };
    case 'complex': return { type: 'complex', imag: v.imag };
    case 'bytes': return { type: 'bytes', value: Array.from(v.value) };
    case 'str': return { type: 'str', value: v.value };
    case 'bool': return { type: 'bool', value: v.value };
    default: return { type: v.type };
  }
}

/** The recorded CPython dump with float reprs turned into numbers, to compare with `dump`. */
function numeric(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(numeric);
  if (node === null || typeof node !== 'object') return node;
  const n = node as Record<string, unknown>;
  if (n.type === 'float' && typeof n.value === 'string') return { type: 'float', value: pyFloat(n.value) };
  if (n.type === 'complex' && typeof n.imag === 'string') return { type: 'complex', imag: pyFloat(n.imag) };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(n)) out[k] = numeric(v);
  return out;
}

function pyFloat(r: string): number {
  if (r === 'inf') return Infinity;
  if (r === '-inf') return -Infinity;
  if (r === 'nan') return NaN;
  return Number(r);
}

const FILE = 'scenario.pygc';
const rec = recorded();

function errorOf(fn: () => unknown): ScenarioError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ScenarioError) return e;
    throw e;
  }
  assert.fail('expected a ScenarioError');
}

/** CPython's stderr from the traceback on (compile-time warnings before it are not produced here). */
function tracebackPart(stderr: string): string {
  const i = stderr.indexOf('  File "');
  return i >= 0 ? stderr.slice(i) : stderr;
}

function expectCPythonError(src: string, want: RecordedError, stderr: string): void {
  const e = errorOf(() => parseScenario(src, FILE));
  assert.deepEqual(
    [e.errorType, e.msg, e.lineno, e.col, e.endLineno, e.endCol],
    [want.type, want.msg, want.lineno, want.offset, want.end_lineno, want.end_offset ?? -1]);
  assert.equal(formatScenarioError(e), tracebackPart(stderr));
}

/** The edit format of the recorder's mutations. */
function applyEdit(src: string, e: Record<string, unknown>): string {
  const lines = src.split('\n');
  const k = (e.line as number) - 1;
  switch (e.op) {
    case 'delete-line': lines.splice(k, 1); break;
    case 'double-line': lines.splice(k, 0, lines[k]); break;
    case 'indent-line': lines[k] = (e.text as string) + lines[k]; break;
    case 'dedent-line': lines[k] = lines[k].replace(/^\s+/, ''); break;
    default: {
      // columns count code points, as Python's
      const cps = Array.from(lines[k]);
      lines[k] = cps.slice(0, e.start as number).join('') + (e.text as string) + cps.slice(e.end as number).join('');
    }
  }
  return lines.join('\n');
}

/** Where our behaviour differs from CPython 3.11 on purpose. */
const DEVIATIONS: Record<string, (e: ScenarioError) => void> = {
  // No Unicode name database here: every \N{...} escape is refused.
  'bad N escape': (e) => {
    assert.equal(e.errorType, 'NotSupportedError');
    assert.match(e.msg, /^\\N\{\.\.\.\} escapes are not supported by PyGC Lab/);
  },
};

test('recordings were made with CPython 3.11', () => {
  assert.match(rec.python, /^3\.11\./);
});

const byKind = (k: string): RecordedCase[] => rec.cases.filter((c) => (c.kind as string) === k);
const files = new Map(byKind('ast').filter((c) => c.name.includes('/')).map((c) => [c.name, c.src]));

for (const c of byKind('ast')) {
  test(`same tree as CPython: ${c.name}`, () => {
    // whole scenario files must also pass the subset check
    const m = c.name.includes('/') ? parseScenario(c.src, FILE) : parse(c.src, FILE);
    assert.deepStrictEqual(dump(m), numeric(c.ast));
  });
}

for (const c of byKind('error')) {
  test(`same error as CPython: ${c.name}`, () => {
    const dev = DEVIATIONS[c.name];
    if (dev) return dev(errorOf(() => parseScenario(c.src, FILE)));
    if (!c.error) {
      // CPython compiles it: so must we, though the subset may refuse it
      try {
        parseScenario(c.src, FILE);
      } catch (e) {
        assert.ok(e instanceof ScenarioError && e.errorType === 'NotSupportedError', String(e));
      }
      return;
    }
    expectCPythonError(c.src, c.error, c.stderr as string);
  });
}

test('same errors as CPython on mutated scenarios', () => {
  const mutations = byKind('mutation') as unknown as { name: string; edit: Record<string, unknown>; error: RecordedError; stderr: string }[];
  assert.ok(mutations.length >= 500, `only ${mutations.length} mutations recorded`);
  const failures: string[] = [];
  for (const m of mutations) {
    const base = files.get(m.edit.file as string);
    assert.ok(base !== undefined, `no fixture ${m.edit.file}`);
    const src = applyEdit(base, m.edit);
    try {
      expectCPythonError(src, m.error, m.stderr);
    } catch (e) {
      failures.push(`${m.name} (${JSON.stringify(m.edit)}): ${(e as Error).message.split('\n').slice(0, 6).join(' | ')}`);
    }
  }
  assert.deepEqual(failures, []);
});

// ---- the subset -----------------------------------------------------------------

function refused(src: string): ScenarioError {
  const e = errorOf(() => parseScenario(src, FILE));
  assert.equal(e.errorType, 'NotSupportedError', `${e.errorType}: ${e.msg}`);
  return e;
}

test('refused constructs name themselves and point at the construct', () => {
  const cases: [string, RegExp, [number, number, number, number]][] = [
    ['def g():\n    x = yield from y\n', /^'yield from' is not supported by PyGC Lab \(delegation/, [2, 9, 2, 21]],
    ['def g():\n    return lambda: (yield)\n', /^'yield' in a lambda is not supported/, [2, 21, 2, 26]],
    ['def g():\n    try:\n        pass\n    finally:\n        yield 1\n', /^'yield' in an except or finally block is not supported by PyGC Lab \(a suspended generator's saved exception state/, [5, 9, 5, 16]],
    ['def g():\n    try:\n        pass\n    except E:\n        x = yield\n', /^'yield' in an except or finally block/, [5, 13, 5, 18]],
    ['async def f():\n    pass\n', /^'async def' is not supported by PyGC Lab \(coroutines/, [1, 1, 1, 6]],
    ['async def f():\n    await x\n', /^'async def' is not supported/, [1, 1, 1, 6]],
    ['with open(f) as g:\n    pass\n', /^the 'with' statement is not supported by PyGC Lab \(context managers/, [1, 1, 1, 18]],
    ['match x:\n    case 1:\n        pass\n', /^the 'match' statement is not supported/, [1, 1, 1, 9]],
    ['import os\n', /^import of module 'os' is not supported by PyGC Lab \(scenarios are simulated; only gc, sys, weakref and time can be imported\)$/, [1, 8, 1, 10]],
    ['import gc, os.path as p\n', /^import of module 'os\.path' is not supported/, [1, 12, 1, 24]],
    ['from collections import deque\n', /^import of module 'collections'/, [1, 1, 1, 30]],
    ['from gc import *\n', /^'from gc import \*' is not supported/, [1, 16, 1, 17]],
    ['from . import x\n', /^relative import is not supported/, [1, 1, 1, 16]],
    ['def f[T](x: T) -> T:\n    return x\n', /^type parameter syntax is not supported/, [1, 6, 1, 9]],
    ['class C[T]:\n    pass\n', /^type parameter syntax is not supported/, [1, 8, 1, 11]],
    ['type X = int\n', /^the 'type' statement is not supported/, [1, 1, 1, 13]],
    ['try:\n    pass\nexcept* E:\n    pass\n', /^'except\*' is not supported/, [3, 7, 3, 8]],
    ["x = '\\N{BULLET}'\n", /^\\N\{\.\.\.\} escapes are not supported/, [1, 5, 1, 17]],
    ['[x async for x in y]\n', /^async comprehension is not supported/, [1, 4, 1, 9]],
  ];
  for (const [src, msg, pos] of cases) {
    const e = refused(src);
    assert.match(e.msg, msg, src);
    assert.deepEqual([e.lineno, e.col, e.endLineno, e.endCol], pos, src);
  }
});

test('inside an async def, await and async for/with are refused too', () => {
  const ds = diagnose('async def f():\n    await x\n    async for a in b:\n        pass\n    async with c:\n        pass\n', FILE);
  assert.deepEqual(ds.map((d) => [d.msg.split(' is not')[0], d.lineno, d.col, d.endLineno, d.endCol]), [
    ["'async def'", 1, 1, 1, 6],
    ["'await'", 2, 5, 2, 12],
    ["'async for'", 3, 5, 3, 10],
    ["the 'with' statement", 5, 5, 5, 17],
    ["'async with'", 5, 5, 5, 10],
  ]);
});

test('supported: global at module level, decorators, star targets, allowed imports', () => {
  const ok = [
    'global x\nx = 1\n',
    '@d\n@d2(1)\nclass A:\n    @staticmethod\n    def f(): pass\n',
    'a, *b = [1, 2, 3]\n[c, *d] = b\n',
    'from __future__ import annotations\nimport gc, sys, weakref, time\nfrom gc import collect as c\n',
    'def g():\n    return lambda: (yield)\n'.replace('(yield)', '1'),
  ];
  for (const src of ok) parseScenario(src, FILE);
});

test('a NotSupportedError prints like a SyntaxError, with its own name', () => {
  const e = refused('import gc\nimport os\n');
  assert.equal(formatScenarioError(e), [
    '  File "scenario.pygc", line 2',
    '    import os',
    '           ^^',
    "NotSupportedError: import of module 'os' is not supported by PyGC Lab (scenarios are simulated; only gc, sys, weakref and time can be imported)",
    '',
  ].join('\n'));
  assert.ok(!formatScenarioError(e).includes('    at '), 'no JavaScript stack');
});

test('a SyntaxError anywhere wins over a refused construct', () => {
  const e = errorOf(() => parseScenario('with x:\n    pass\nx = (1 2)\n', FILE));
  assert.equal(e.errorType, 'SyntaxError');
  assert.equal(e.msg, 'invalid syntax. Perhaps you forgot a comma?');
  // and compile-time errors too, as CPython compiles before running
  const r = errorOf(() => parseScenario('import os\nreturn 1\n', FILE));
  assert.equal(r.msg, "'return' outside function");
});

test('check() walks a parsed module; parse() alone does not refuse imports', () => {
  const m = parse('import os\n', FILE);
  const e = errorOf(() => check(m, FILE, 'import os\n'));
  assert.equal(e.errorType, 'NotSupportedError');
  assert.equal(e.sourceLine, 'import os');
  assert.doesNotThrow(() => check(parse('import gc\n', FILE), FILE));
});

test('diagnose() never throws and lists every refused construct', () => {
  const src = 'import os\nwith x:\n    pass\ndef g():\n    yield from 1\n';
  const ds = diagnose(src, FILE);
  assert.deepEqual(ds.map((d) => [d.errorType, d.lineno]), [
    ['NotSupportedError', 1], ['NotSupportedError', 2], ['NotSupportedError', 5],
  ]);
  assert.deepEqual(diagnose('x = (\n', FILE).map((d) => d.msg), ["'(' was never closed"]);
  assert.deepEqual(diagnose('x = 1\n', FILE), []);
  assert.deepEqual(diagnose('', FILE), []);
  for (const junk of ['\0', '\uffff\ud800', ')'.repeat(1000), '('.repeat(100000), 'if'.repeat(10000), '\\'.repeat(100)]) {
    assert.ok(Array.isArray(diagnose(junk, FILE)));
  }
});

test('editor ranges are exact UTF-16 positions', () => {
  const [d] = diagnose('s = "😀é"; f(a, b c)\n', FILE);
  // CPython's offset counts UTF-8 bytes here; the range does not
  assert.equal(d.col, 20);
  assert.deepEqual(d.range, { line: 0, character: 16, endLine: 0, endCharacter: 19 });
  const [u] = diagnose('x = 1\ny = "abc\n', FILE);
  assert.deepEqual(u.range, { line: 1, character: 4, endLine: 1, endCharacter: 5 });
});

// ---- trees: details CPython's dump shows less directly ---------------------------

test('futures are recorded; ctx and operators as CPython names them', () => {
  const m = parse('"""doc"""\nfrom __future__ import print_function, division\nx = 1\n', FILE);
  assert.deepEqual(m.futures, ['print_function', 'division']);
  const t = parse('del a, b[0]\nx += 1\n', FILE).body;
  assert.equal(t[0].kind, 'Delete');
  assert.deepEqual((t[0] as Stmt & { kind: 'Delete' }).targets.map((x) => (x as { ctx: string }).ctx), ['Del', 'Del']);
});

test('literal values: big ints, floats, complex, bytes, decoded escapes', () => {
  const vals = (parse('12345678901234567890\n1e400\n2.5j\nb"\\x00\\xff"\n"\\u00e9\\n\\101"\n', FILE).body as (Stmt & { kind: 'Expr' })[])
    .map((s) => (s.value as { value: unknown }).value);
  assert.deepEqual(vals, [
    { type: 'int', value: 12345678901234567890n },
    { type: 'float', value: Infinity },
    { type: 'complex', imag: 2.5 },
    { type: 'bytes', value: Uint8Array.from([0, 255]) },
    { type: 'str', value: 'é\nA' },
  ]);
});

test('the tokenizer: indentation, implicit joining, continuation, operators', () => {
  const tz = tokenize(new Source('if x:\n    y = [1,\n  2] + \\\n 3\n    z **= 2 // 1 -> a := b @ c\n', FILE));
  assert.equal(tz.error, null);
  const names: Partial<Record<T, string>> = { [T.NEWLINE]: 'NEWLINE', [T.INDENT]: 'INDENT', [T.DEDENT]: 'DEDENT', [T.ENDMARKER]: 'ENDMARKER' };
  const kinds = tz.tokens.map((t) => names[t.type] ?? t.value);
  assert.deepEqual(kinds, [
    'if', 'x', ':', 'NEWLINE', 'INDENT', 'y', '=', '[', '1', ',', '2', ']', '+', '3', 'NEWLINE',
    'z', '**=', '2', '//', '1', '->', 'a', ':=', 'b', '@', 'c', 'NEWLINE', 'DEDENT', 'ENDMARKER',
  ]);
});

// ---- limits ---------------------------------------------------------------------

test('10,000 nested parentheses: CPython\'s "too many nested parentheses", no stack overflow', () => {
  const e = errorOf(() => parse('x = ' + '('.repeat(10000) + '1' + ')'.repeat(10000) + '\n', FILE));
  assert.equal(e.msg, 'too many nested parentheses');
  assert.deepEqual([e.lineno, e.col], [1, 205]);
  // 200 levels are fine
  parse('x = ' + '('.repeat(199) + '1' + ')'.repeat(199) + '\n', FILE);
});

test('very deep expressions end in a SyntaxError, not a crash', () => {
  for (const src of ['-'.repeat(100000) + '1\n', 'not '.repeat(50000) + 'x\n', 'lambda: '.repeat(20000) + '1\n',
    '1' + ' if 1 else 1'.repeat(20000) + '\n', 'x' + '.a'.repeat(50000) + '\n', '1' + '+1'.repeat(50000) + '\n', '2**'.repeat(50000) + '1\n']) {
    const e = errorOf(() => parse(src, FILE));
    assert.equal(e.errorType, 'SyntaxError');
    assert.equal(e.msg, 'Parser stack overflowed - Python source too complex to parse');
  }
  // what CPython itself accepts still parses
  parse('-'.repeat(1000) + '1\n' + 'x = ' + '1 + '.repeat(1000) + '1\n', FILE);
});

test('more than 20 nested blocks, more than 100 indentation levels', () => {
  let src = '';
  for (let i = 0; i < 21; i++) src += ' '.repeat(i) + 'while x:\n';
  src += ' '.repeat(21) + 'pass\n';
  assert.equal(errorOf(() => parse(src, FILE)).msg, 'too many statically nested blocks');
  let deep = '';
  for (let i = 0; i < 101; i++) deep += ' '.repeat(i) + 'if x:\n';
  deep += ' '.repeat(101) + 'pass\n';
  const e = errorOf(() => parse(deep, FILE));
  assert.deepEqual([e.errorType, e.msg], ['IndentationError', 'too many levels of indentation']);
});

test('null bytes, BOM and CRLF', () => {
  assert.equal(errorOf(() => parse('x = 1\0\n', FILE)).msg, 'source code cannot contain null bytes');
  const m = parse('\ufeffx = 1\r\nif x:\r\n    y = """a\r\nb"""\r\n', FILE);
  assert.equal(((m.body[1] as Stmt & { kind: 'If' }).body[0] as Stmt & { kind: 'Assign' }).value.kind, 'Constant');
  assert.deepEqual((((m.body[1] as Stmt & { kind: 'If' }).body[0] as Stmt & { kind: 'Assign' }).value as { value: unknown }).value,
    { type: 'str', value: 'a\nb' });
});

// Parse speed is measured by `npm run bench`; this test checks that a 10 MB
// scenario parses at all (no stack overflow, no quadratic blow-up to a hang).
test('a 10 MB scenario parses', () => {
  const unit = readFileSync(join(__dirname, '..', 'oracle', 'scenarios', '09_seed_f_t2_debug_leak.py'), 'utf8') +
    readFileSync(join(FIXTURES, 'article', 'b_refcount.py'), 'utf8') +
    'data = [' + Array.from({ length: 200 }, (_, i) => `(${i}, 'v${i}', ${i}.5)`).join(', ') + ']\n' +
    's = f"{data[0]!r:>10} {len(data)}" + "é" * 3\n';
  const src = unit.repeat(Math.ceil(10_000_000 / unit.length));
  const m: Module = parseScenario(src, FILE);
  const units = Math.ceil(10_000_000 / unit.length);
  // every repetition contributes the same statements
  const one = parseScenario(unit, FILE).body.length;
  assert.equal(m.body.length, one * units);
});
