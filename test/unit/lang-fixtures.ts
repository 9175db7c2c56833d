// Helpers for the front-end tests: the CPython 3.11 recordings made by
// scripts/record-cpython-lang.py, and our syntax tree in the same JSON shape
// as that script's dump of CPython's ast.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConstValue } from '../../src/lang/ast';

export const FIXTURES = join(__dirname, 'fixtures');

export interface RecordedError {
  type: string; msg: string; lineno: number; offset: number; end_lineno: number; end_offset: number | null; text: string;
}

export interface RecordedCase {
  kind: 'ast' | 'error';
  name: string;
  src: string;
  ast?: unknown;
  error?: RecordedError | null;
  stderr?: string;
}

export function recorded(): { python: string; cases: RecordedCase[] } {
  return JSON.parse(readFileSync(join(FIXTURES, 'lang-cpython.json'), 'utf8'));
}

const DROP_POS = new Set(['Module', 'arguments', 'comprehension']);

/** Our node as the recorder dumps CPython's: `_type`, fields, positions. */
export function dump(node: unknown): unknown {
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
export function numeric(node: unknown): unknown {
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
