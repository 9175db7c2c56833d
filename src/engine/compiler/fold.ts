// Compile-time constant folding, as CPython's AST optimiser does it
// (Python/ast_opt.c): arithmetic on constants within CPython's size limits,
// negative literals, and tuples of constants (which become untracked
// constant tuples, visible through gc.is_tracked and refcounts).

import type * as A from '../../lang/ast';

const MAX_INT_BITS = 128;
const MAX_STR = 4096;
const MAX_COLLECTION = 256;

type CV = A.ConstValue;

/** The operands a folded operation's value was computed from (each a constant of the tree or
 *  itself folded): 3.14 folds in the CFG, after codegen has added every operand to co_consts. */
export const foldedOperands = new WeakMap<CV, CV[]>();

function asBig(v: CV): bigint | null {
  if (v.type === 'int') return v.value;
  if (v.type === 'bool') return v.value ? 1n : 0n;
  return null;
}
function asNum(v: CV): number | null {
  if (v.type === 'float') return v.value;
  const b = asBig(v);
  return b === null ? null : Number(b);
}
function bits(b: bigint): number { return (b < 0n ? -b : b).toString(2).length; }
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

export function foldBin(op: A.BinOperator, l: CV, r: CV): CV | null {
  const a = asBig(l), b = asBig(r);
  if (a !== null && b !== null) {
    switch (op) {
      case 'Add': return { type: 'int', value: a + b };
      case 'Sub': return { type: 'int', value: a - b };
      case 'Mult':
        if (a !== 0n && b !== 0n && bits(a) + bits(b) > MAX_INT_BITS) return null;
        return { type: 'int', value: a * b };
      case 'Pow':
        if (b < 0n) return null;
        if (a !== 0n && b > 0n && bits(a) * Number(b) > MAX_INT_BITS) return null;
        return { type: 'int', value: a ** b };
      case 'FloorDiv': return b === 0n ? null : { type: 'int', value: floorDiv(a, b) };
      case 'Mod': return b === 0n ? null : { type: 'int', value: a - floorDiv(a, b) * b };
      case 'LShift':
        if (b < 0n || (a !== 0n && bits(a) + Number(b) > MAX_INT_BITS)) return null;
        return { type: 'int', value: a << b };
      case 'RShift': return b < 0n ? null : { type: 'int', value: a >> b };
      case 'BitAnd': return { type: 'int', value: a & b };
      case 'BitOr': return { type: 'int', value: a | b };
      case 'BitXor': return { type: 'int', value: a ^ b };
      case 'Div': return b === 0n ? null : { type: 'float', value: Number(a) / Number(b) };
      default: return null;
    }
  }
  const x = asNum(l), y = asNum(r);
  if (x !== null && y !== null) {
    switch (op) {
      case 'Add': return { type: 'float', value: x + y };
      case 'Sub': return { type: 'float', value: x - y };
      case 'Mult': return { type: 'float', value: x * y };
      case 'Div': return y === 0 ? null : { type: 'float', value: x / y };
      default: return null;
    }
  }
  if (l.type === 'str' && r.type === 'str' && op === 'Add' && l.value.length + r.value.length <= MAX_STR) {
    return { type: 'str', value: l.value + r.value };
  }
  if (l.type === 'str' && b !== null && op === 'Mult' && b >= 0n && l.value.length * Number(b) <= MAX_STR) {
    return { type: 'str', value: l.value.repeat(Number(b)) };
  }
  return null;
}

function foldUnary(op: A.UnaryOperator, v: CV): CV | null {
  const b = asBig(v);
  if (b !== null) {
    if (op === 'USub') return { type: 'int', value: -b };
    if (op === 'UAdd') return { type: 'int', value: b };
    if (op === 'Invert') return { type: 'int', value: -b - 1n };
  }
  if (v.type === 'float') {
    if (op === 'USub') return { type: 'float', value: -v.value };
    if (op === 'UAdd') return v;
  }
  return null;
}

/** Fold constants in place throughout the module. */
export function foldConstants(mod: A.Module, version: [number, number] = [3, 11]): void {
  const [major, minor] = version;
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) { for (const x of node) visit(x); return; }
    const n = node as Record<string, unknown>;
    for (const k of Object.keys(n)) {
      const v = n[k];
      if (v && typeof v === 'object') visit(v);
    }
    const e = node as A.Expr;
    switch (e.kind) {
      case 'BinOp':
        if (e.left.kind === 'Constant' && e.right.kind === 'Constant') {
          const r = foldBin(e.op, e.left.value, e.right.value);
          if (r) { if (r !== e.left.value) foldedOperands.set(r, [e.left.value, e.right.value]); replace(e, r); }
        }
        return;
      case 'UnaryOp':
        if (e.operand.kind === 'Constant') {
          const r = foldUnary(e.op, e.operand.value);
          if (r) { if (r !== e.operand.value) foldedOperands.set(r, [e.operand.value]); replace(e, r); }
        }
        return;
      case 'Tuple':
        if (e.ctx === 'Load' && e.elts.length <= MAX_COLLECTION && e.elts.every((x) => x.kind === 'Constant')) {
          replace(e, { type: 'tuple', items: e.elts.map((x) => (x as A.Constant).value) });
        }
        return;
      default: return;
    }
  };
  // `for x in [a, b]`, a comprehension's `for x in [a, b]` and `x in [a, b]` iterate a tuple (3.8+
  // fold_iter). 3.6/3.7 only turn a list of constants into a constant tuple (3.6's peephole, 3.7's
  // fold_iter with make_const_tuple); 2.7's peephole only does so for `in`, loops iterate the list.
  const anyList = major > 3 || (major === 3 && minor >= 8);
  const visitIters = (node: unknown, fold: (e: A.Expr) => void): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) { for (const x of node) visitIters(x, fold); return; }
    const n = node as Record<string, unknown>;
    for (const k of Object.keys(n)) if (n[k] && typeof n[k] === 'object') visitIters(n[k], fold);
    const s = node as A.Stmt | A.Expr | A.Comprehension;
    if ((s.kind === 'For' || s.kind === 'comprehension') && major === 3) fold(s.iter);
    if (s.kind === 'Compare') s.ops.forEach((op, i) => { if (op === 'In' || op === 'NotIn') fold(s.comparators[i]); });
  };
  if (anyList) visitIters(mod.body, listToTuple);
  visit(mod.body);
  if (!anyList) visitIters(mod.body, constListToTuple);
  // ... and a set of constants (after folding) is a frozenset constant (fold_iter).
  const visitSets = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) { for (const x of node) visitSets(x); return; }
    const n = node as Record<string, unknown>;
    for (const k of Object.keys(n)) if (n[k] && typeof n[k] === 'object') visitSets(n[k]);
    const s = node as A.Stmt | A.Expr | A.Comprehension;
    if (s.kind === 'For' || s.kind === 'comprehension') setToFrozenset(s.iter);
    if (s.kind === 'Compare') s.ops.forEach((op, i) => { if (op === 'In' || op === 'NotIn') setToFrozenset(s.comparators[i]); });
  };
  visitSets(mod.body);
}

function setToFrozenset(e: A.Expr): void {
  if (e.kind === 'Set' && e.elts.every((x) => x.kind === 'Constant')) {
    replace(e, { type: 'frozenset', items: e.elts.map((x) => (x as A.Constant).value) });
  }
}

function listToTuple(e: A.Expr): void {
  if (e.kind === 'List' && !e.elts.some((x) => x.kind === 'Starred')) {
    (e as unknown as A.TupleExpr).kind = 'Tuple';
  }
}

function constListToTuple(e: A.Expr): void {
  if (e.kind === 'List' && e.elts.every((x) => x.kind === 'Constant')) {
    replace(e, { type: 'tuple', items: e.elts.map((x) => (x as A.Constant).value) });
  }
}

function replace(e: A.Expr, v: CV): void {
  const t = e as unknown as Record<string, unknown>;
  for (const k of Object.keys(t)) {
    if (k !== 'lineno' && k !== 'col_offset' && k !== 'end_lineno' && k !== 'end_col_offset') delete t[k];
  }
  t.kind = 'Constant';
  t.value = v;
}
