// What compiling __main__ leaves on the dict and list free lists in 2.7, where
// full collections keep those free lists (so the leftovers are still there when
// the scenario's loops start allocating). Python/symtable.c and compile.c of
// 2.7 use dicts and lists as scratch and free them all at the end of the
// compilation, so afterwards the free lists hold (up to their 80 entries) as
// many as were ever alive at once:
//  - dicts: st_symbols, one ste_symbols per block (B blocks: module, def, class,
//    lambda, generator expression, dict/set comprehension; 2.7 list
//    comprehensions are no block), symtable_analyze's free and global, and
//    while the deepest block (depth D) is analysed, analyze_block's six dicts
//    (local, scope, newglobal, newbound, newfree, allfree) for it and each
//    enclosing block plus analyze_child_block's three copies (temp_bound,
//    temp_free, temp_global) per nested level: 1 + B + 2 + 6 + 9·D. The compiler
//    units afterwards (five dicts per open unit) never need more.
//  - lists: ste_varnames and ste_children per block, st_stack, c_stack and the
//    arena's object list: 3 + 2·B.
// Measured with scripts/probes/py27_compile_freelists.py (site and -S alike):
// sibling blocks add one free dict and two free lists each, every nesting level
// ten dicts, the free lists are capped at 80.

import type * as A from '../../lang/ast';
import type { Interp } from '../interp';

/** Blocks of a 2.7 module and its deepest nesting (module = depth 0). */
export function blockShape(mod: A.Module): { blocks: number; depth: number } {
  let blocks = 1;
  let depth = 0;
  const visit = (node: unknown, d: number): void => {
    if (Array.isArray(node)) { for (const x of node) visit(x, d); return; }
    if (!node || typeof node !== 'object') return;
    const n = node as { kind?: string } & Record<string, unknown>;
    switch (n.kind) {
      case 'FunctionDef': case 'Lambda': {
        // Defaults and decorators belong to the enclosing block.
        const fn = n as unknown as A.FunctionDef | A.Lambda;
        visit(fn.args.defaults, d);
        visit(fn.args.kw_defaults, d);
        if (fn.kind === 'FunctionDef') visit(fn.decorator_list, d);
        enter(fn.body, d);
        return;
      }
      case 'ClassDef': {
        const c = n as unknown as A.ClassDef;
        visit(c.bases, d);
        visit(c.keywords, d);
        visit(c.decorator_list, d);
        enter(c.body, d);
        return;
      }
      case 'GeneratorExp': case 'DictComp': case 'SetComp': {
        // The outermost iterable is evaluated in the enclosing block.
        const g = n as unknown as A.GeneratorExp | A.DictComp | A.SetComp;
        visit(g.generators[0].iter, d);
        enter([g.generators.map((c, i) => (i === 0 ? { ...c, iter: null } : c)),
          g.kind === 'DictComp' ? [g.key, g.value] : g.elt], d);
        return;
      }
      default:
        for (const k in n) if (k !== 'kind') visit(n[k], d);
    }
  };
  const enter = (body: unknown, d: number): void => {
    blocks++;
    depth = Math.max(depth, d + 1);
    visit(body, d + 1);
  };
  visit(mod.body, 0);
  return { blocks, depth };
}

/** After compiling __main__ (2.7): the compiler's scratch dicts and lists are parked. */
export function parkCompilerScratch(it: Interp, mod: A.Module): void {
  const { blocks, depth } = blockShape(mod);
  it.heap.parkUpTo('dict', 1 + blocks + 2 + 6 + 9 * depth);
  it.heap.parkUpTo('list', 3 + 2 * blocks);
}
