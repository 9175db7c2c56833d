// Generators in the scenario subset: where a `yield` may stand. A generator
// function's frame is simulated while suspended at a yield in its body (also
// inside a try body); a yield while an exception is being handled (in an except
// or finally body) would need the generator's saved exception state
// (gi_exc_state), and a yield in a lambda or comprehension makes a generator
// CPython 3.8+ refuses — both are refused here.

import type { Pos } from './ast';

type Refuse = (p: Pos, construct: string, why: string) => void;
interface Ctx { handler: boolean; lambda: boolean; comp: boolean }

const TOP: Ctx = { handler: false, lambda: false, comp: false };

/** Refuse every yield the simulator cannot run (see the file comment). */
export function checkGenerators(body: unknown, refuse: Refuse): void {
  const scan = (node: unknown, c: Ctx): void => {
    if (Array.isArray(node)) { for (const x of node) scan(x, c); return; }
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown> & Pos & { kind?: string };
    switch (n.kind) {
      case 'Yield':
        if (c.lambda) refuse(n, "'yield' in a lambda", 'only generator functions and generator expressions are simulated');
        else if (c.comp) refuse(n, "'yield' in a comprehension", 'only generator functions and generator expressions are simulated');
        else if (c.handler) refuse(n, "'yield' in an except or finally block", "a suspended generator's saved exception state is not simulated");
        break;
      case 'FunctionDef':
        scan(n.decorator_list, c);
        scan(n.args, c);
        scan(n.body, TOP);
        return;
      case 'Lambda':
        scan(n.args, c);
        scan(n.body, { ...TOP, lambda: true });
        return;
      case 'ListComp': case 'SetComp': case 'DictComp': case 'GeneratorExp': {
        const gens = n.generators as { iter: unknown }[];
        scan(gens[0].iter, c);
        const inner = { ...c, comp: true };
        for (const [k, v] of Object.entries(n)) if (k !== 'generators') scan(v, inner);
        gens.forEach((g, i) => { for (const [k, v] of Object.entries(g)) if (i > 0 || k !== 'iter') scan(v, inner); });
        return;
      }
      case 'Try': {
        scan(n.body, c);
        scan(n.orelse, c);
        const h = { ...c, handler: true };
        scan(n.handlers, h);
        scan(n.finalbody, h);
        return;
      }
      default: break;
    }
    for (const v of Object.values(n)) if (v && typeof v === 'object') scan(v, c);
  };
  scan(body, TOP);
}

/** Whether a function body holds a yield of its own (not a nested function's): it is a generator. */
export function isGeneratorBody(body: unknown): boolean {
  let found = false;
  const scan = (node: unknown): void => {
    if (found) return;
    if (Array.isArray(node)) { for (const x of node) scan(x); return; }
    if (!node || typeof node !== 'object') return;
    const n = node as { kind?: string };
    if (n.kind === 'Yield') { found = true; return; }
    if (n.kind === 'FunctionDef' || n.kind === 'Lambda' || n.kind === 'ClassDef') return;
    for (const v of Object.values(n)) if (v && typeof v === 'object') scan(v);
  };
  scan(body);
  return found;
}
