// Python 2.7 mode (`--python 2.7`): the scenario is read as Python 3 syntax,
// so what Python 2 would parse or evaluate differently is refused here with a
// NotSupportedError instead of being run with Python 3 meaning:
//  - `print(...)` without `from __future__ import print_function` (the print
//    statement would print a tuple for several arguments);
//  - `/` without `from __future__ import division` (classic division);
//  - Python-3-only syntax: f-strings, nonlocal, keyword-only parameters,
//    annotations, `super()` without arguments, `raise … from …`;
//  - unicode literals (u'…') and `from __future__ import unicode_literals`: 2.7's unicode
//    type is not simulated (so every 2.7 str is a byte string);
//  - non-ASCII source text (2.7 reads bytes), and bytes literals holding non-ASCII
//    bytes (a 2.7 str of bytes; ASCII ones become str literals: bytesLiteralsAsStr);
//  - Python-2-only builtins and dict methods (xrange, unicode, iteritems, has_key …)
//    that the scenario does not define itself: the engine has Python 3's builtins;
// (`except` clauses run with 2.7's exception-state lifetimes: src/engine/py2/excinfo.ts.)

import type { Module, Pos } from './ast';
import { ScenarioError } from './errors';
import { Source } from './source';
import { refuser } from './checker';
import { isGeneratorBody } from './gencheck';

/** Builtins that only Python 2 has (the engine's builtins are Python 3's). */
const PY2_ONLY_BUILTINS = new Set([
  'xrange', 'unicode', 'long', 'basestring', 'raw_input', 'execfile', 'unichr', 'cmp', 'file', 'buffer', 'apply',
  'intern', 'coerce', 'reload', 'reduce',
]);
/** Methods of builtin types that only Python 2 has. */
const PY2_ONLY_METHODS = new Set([
  'iteritems', 'iterkeys', 'itervalues', 'has_key', 'viewitems', 'viewkeys', 'viewvalues', 'next',
]);

/** Every name the module binds anywhere (assigned, defined, imported, a parameter) and every attribute name it assigns or defines. */
function boundNames(module: Module): Set<string> {
  const out = new Set<string>();
  const scan = (node: unknown): void => {
    if (Array.isArray(node)) { for (const x of node) scan(x); return; }
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown> & { kind?: string };
    if (n.kind === 'Name' && n.ctx !== 'Load') out.add(n.id as string);
    if (n.kind === 'Attribute' && n.ctx !== 'Load') out.add(n.attr as string);
    if ((n.kind === 'FunctionDef' || n.kind === 'ClassDef') && typeof n.name === 'string') out.add(n.name);
    if (n.kind === 'arg' && typeof n.arg === 'string') out.add(n.arg);
    if (n.kind === 'alias') out.add(((n.asname ?? n.name) as string).split('.')[0]);
    if (n.kind === 'ExceptHandler' && typeof n.name === 'string') out.add(n.name);
    for (const v of Object.values(n)) if (v && typeof v === 'object') scan(v);
  };
  scan(module.body);
  return out;
}

/** Whether the string literal at `n` (its source text: one or more string tokens) has a u or U prefix. */
function unicodePrefix(source: string, n: Pos): boolean {
  const lines = source.split(/\r?\n/);
  const text = n.lineno === n.end_lineno ? (lines[n.lineno - 1] ?? '').slice(n.col_offset, n.end_col_offset)
    : [(lines[n.lineno - 1] ?? '').slice(n.col_offset), ...lines.slice(n.lineno, n.end_lineno! - 1), (lines[n.end_lineno! - 1] ?? '').slice(0, n.end_col_offset!)].join('\n');
  return /(^|[^\w'"])[uU]['"]/.test(text);
}

/** In Python 2 `b'…'` is a str literal: make each ASCII bytes literal the str literal it is (in place, before compiling). */
export function bytesLiteralsAsStr(module: Module): void {
  const scan = (node: unknown): void => {
    if (Array.isArray(node)) { for (const x of node) scan(x); return; }
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown> & { kind?: string };
    if (n.kind === 'Constant') {
      const v = n.value as { type?: string; value?: Uint8Array };
      if (v.type === 'bytes' && v.value && v.value.every((b) => b <= 0x7f)) n.value = { type: 'str', value: String.fromCharCode(...v.value) };
      return;
    }
    for (const x of Object.values(n)) if (x && typeof x === 'object') scan(x);
  };
  scan(module.body);
}

/** Every construct of the module that the 2.7 profile refuses, in source order. */
export function findPy2Unsupported(module: Module, filename: string, source = ''): ScenarioError[] {
  const src = new Source(source, filename);
  const out: ScenarioError[] = [];
  const futures = new Set(module.futures);
  const refuse = refuser(src, source, out);
  const py3only = (p: Pos, what: string) => refuse(p, what, 'Python 3 syntax; the 2.7 profile reads 2.7-compatible scenarios');
  const bound = boundNames(module);
  const scan = (node: unknown): void => {
    if (Array.isArray(node)) { for (const x of node) scan(x); return; }
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown> & Pos & { kind?: string };
    switch (n.kind) {
      case 'Name':
        if (n.id === 'print' && !futures.has('print_function')) {
          refuse(n, "'print' without 'from __future__ import print_function'", 'the Python 2 print statement is not simulated');
        }
        if (n.ctx === 'Load' && PY2_ONLY_BUILTINS.has(n.id as string) && !bound.has(n.id as string)) {
          refuse(n, `the Python 2 builtin '${n.id}'`, 'the engine has Python 3\'s builtins; write the scenario in the Python 3 subset');
        }
        break;
      case 'Attribute':
        if (n.ctx === 'Load' && PY2_ONLY_METHODS.has(n.attr as string) && !bound.has(n.attr as string)) {
          refuse(n, `the Python 2 method '.${n.attr}'`, 'the engine has Python 3\'s builtin types; write the scenario in the Python 3 subset');
        }
        break;
      case 'Constant': {
        const v = n.value as { type?: string; value?: Uint8Array } | undefined;
        if (v && v.type === 'str' && unicodePrefix(source, n)) refuse(n, "a unicode literal (u'…')", "Python 2's unicode type is not simulated");
        if (v && v.type === 'bytes' && v.value && v.value.some((b) => b > 0x7f)) {
          refuse(n, 'a bytes literal with non-ASCII bytes', 'in Python 2 it is a str of bytes, which is not simulated');
        }
        break;
      }
      case 'BinOp': case 'AugAssign':
        if (n.op === 'Div' && !futures.has('division')) {
          refuse(n, "'/' without 'from __future__ import division'", 'classic division is not simulated');
        }
        break;
      case 'JoinedStr': py3only(n, 'an f-string'); return;
      case 'Nonlocal': py3only(n, "'nonlocal'"); break;
      case 'Raise': if (n.cause) py3only(n, "'raise … from …'"); break;
      case 'AnnAssign': py3only(n, 'a variable annotation'); break;
      case 'FunctionDef': {
        const a = n.args as { kwonlyargs?: unknown[] } | undefined;
        if (a && a.kwonlyargs && a.kwonlyargs.length) py3only(n, 'keyword-only parameters');
        if (n.returns) py3only(n, 'a return annotation');
        // 2.7's collector leaves a generator suspended in a try block in gc.garbage (PyGen_NeedsFinalizing).
        if (isGeneratorBody(n.body)) {
          findTry(n.body, (t) => {
            if (t.kind === 'Try') refuse(t, "a 'try' statement in a 2.7 generator", "2.7's uncollectable suspended generators (gc.garbage) are not simulated");
            else refuse(t, "'return' with a value in a 2.7 generator", "2.7's SyntaxError for it is not simulated");
          });
        }
        break;
      }
      case 'arg': if ((n as { annotation?: unknown }).annotation) py3only(n, 'a parameter annotation'); break;
      case 'Call': {
        const f = n.func as { kind?: string; id?: string } | undefined;
        if (f && f.kind === 'Name' && f.id === 'super' && Array.isArray(n.args) && n.args.length === 0) {
          py3only(n, "'super()' without arguments");
        }
        break;
      }
      default: break;
    }
    for (const v of Object.values(node)) if (v && typeof v === 'object') scan(v);
  };
  if (futures.has('unicode_literals')) {
    const p: Pos = { lineno: 1, col_offset: 0, end_lineno: 1, end_col_offset: 1 };
    const at = source.split(/\r?\n/).findIndex((l) => /unicode_literals/.test(l));
    if (at >= 0) { p.lineno = p.end_lineno = at + 1; p.col_offset = source.split(/\r?\n/)[at].indexOf('unicode_literals'); p.end_col_offset = p.col_offset + 16; }
    refuse(p, "'from __future__ import unicode_literals'", "Python 2's unicode type is not simulated");
  }
  scan(module.body);
  // 2.7 reads source as bytes: without a coding declaration non-ASCII text is a SyntaxError,
  // with one a str literal holds its UTF-8 bytes. Neither is simulated.
  const lines = source.split(/\r?\n/);
  const bad = lines.findIndex((l) => /[^\x00-\x7f]/.test(l));
  if (bad >= 0) {
    const col = lines[bad].search(/[^\x00-\x7f]/);
    const p: Pos = { lineno: bad + 1, col_offset: col, end_lineno: bad + 1, end_col_offset: col + 1 };
    refuse(p, 'non-ASCII source text', 'Python 2 source is bytes and its str is bytes');
  }
  out.sort((a, b) => a.lineno - b.lineno || a.col - b.col);
  // 2.7 rejects non-ASCII bytes while reading the file, before anything else.
  const ascii = out.findIndex((e) => e.msg.startsWith('non-ASCII'));
  if (ascii > 0) out.unshift(...out.splice(ascii, 1));
  return out;
}

/** Each try statement, and each return with a value, of a function body (not of nested functions or classes). */
function findTry(body: unknown, found: (p: Pos & { kind: string }) => void): void {
  if (Array.isArray(body)) { for (const x of body) findTry(x, found); return; }
  if (!body || typeof body !== 'object') return;
  const n = body as Pos & { kind: string; value?: unknown };
  if (n.kind === 'FunctionDef' || n.kind === 'ClassDef' || n.kind === 'Lambda') return;
  if (n.kind === 'Try' || (n.kind === 'Return' && n.value)) found(n);
  for (const v of Object.values(n)) if (v && typeof v === 'object') findTry(v, found);
}
