// The scenario subset: constructs that Python accepts but PyGC Lab does not
// simulate, found by walking the syntax tree. (Constructs with no node in
// ast.ts — with, async, yield from, match, type parameters — are refused by the
// parser itself; misplaced yields are refused by gencheck.ts.) Each refusal is a NotSupportedError pointing at the construct.

import type { Module, Pos, Stmt } from './ast';
import { ScenarioError } from './errors';
import { Source } from './source';
import { checkGenerators } from './gencheck';

/** Modules a scenario may import: the engine provides them. */
export const IMPORTABLE = new Set(['gc', 'sys', 'weakref', 'time']);

const WHY_IMPORT = 'scenarios are simulated; only gc, sys, weakref and time can be imported';

/** A function that records a located NotSupportedError for a construct in `out`. */
export function refuser(src: Source, source: string, out: ScenarioError[]): (p: Pos, construct: string, why: string) => void {
  return (p, construct, why) => {
    const c16 = source ? src.utf16Col(p.lineno, p.col_offset) : p.col_offset;
    const e16 = source ? src.utf16Col(p.end_lineno, p.end_col_offset) : p.end_col_offset;
    out.push(src.error('NotSupportedError', `${construct} is not supported by PyGC Lab (${why})`,
      p.lineno, p.col_offset + 1, p.end_lineno, p.end_col_offset + 1,
      { line: p.lineno, col16: c16, endLine: p.end_lineno, endCol16: e16 }));
  };
}

/** Every unsupported construct of the module, in source order. */
export function findUnsupported(module: Module, filename: string, source = ''): ScenarioError[] {
  const src = new Source(source, filename);
  const out: ScenarioError[] = [];
  const refuse = refuser(src, source, out);
  const visit = (body: Stmt[]): void => {
    for (const s of body) {
      switch (s.kind) {
        case 'Import':
          for (const a of s.names) {
            if (!IMPORTABLE.has(a.name)) refuse(a, `import of module '${a.name}'`, WHY_IMPORT);
          }
          break;
        case 'ImportFrom':
          if (s.level > 0) {
            refuse(s, 'relative import', 'a scenario is a single file');
          } else if (s.module === '__future__') {
            for (const a of s.names) {
              if (a.name === 'barry_as_FLUFL') refuse(a, "'from __future__ import barry_as_FLUFL'", "'<>' is not simulated");
            }
          } else if (!IMPORTABLE.has(s.module)) {
            refuse(s, `import of module '${s.module}'`, WHY_IMPORT);
          } else {
            for (const a of s.names) {
              if (a.name === '*') refuse(a, `'from ${s.module} import *'`, 'import the names you use');
            }
          }
          break;
        case 'FunctionDef': case 'ClassDef': visit(s.body); break;
        case 'If': case 'While': case 'For': visit(s.body); visit(s.orelse); break;
        case 'Try':
          visit(s.body);
          for (const h of s.handlers) visit(h.body);
          visit(s.orelse);
          visit(s.finalbody);
          break;
        default: break;
      }
    }
  };
  visit(module.body);
  checkGenerators(module.body, refuse);
  out.sort((a, b) => a.lineno - b.lineno || a.col - b.col);
  return out;
}

/** Throws the first unsupported construct of the module, if any. */
export function check(module: Module, filename: string, source = ''): void {
  const errs = findUnsupported(module, filename, source);
  if (errs.length) throw errs[0];
}
