// Assignment and deletion targets: setting ctx (Store/Del) on a parsed
// expression, and finding what CPython would call an invalid target
// (pegen's _PyPegen_get_invalid_target and _PyPegen_get_expr_name).

import type { Expr, ExprContext } from './ast';

export type TargetsType = 'star' | 'del' | 'for';

/** CPython's name for an expression in "cannot assign to %s" messages. */
export function exprName(e: Expr): string {
  switch (e.kind) {
    case 'Attribute': return 'attribute';
    case 'Subscript': return 'subscript';
    case 'Starred': return 'starred';
    case 'Name': return 'name';
    case 'List': return 'list';
    case 'Tuple': return 'tuple';
    case 'Lambda': return 'lambda';
    case 'Call': return 'function call';
    case 'BoolOp': case 'BinOp': case 'UnaryOp': return 'expression';
    case 'GeneratorExp': return 'generator expression';
    case 'ListComp': return 'list comprehension';
    case 'SetComp': return 'set comprehension';
    case 'DictComp': return 'dict comprehension';
    case 'Dict': return 'dict literal';
    case 'Set': return 'set display';
    case 'JoinedStr': case 'FormattedValue': return 'f-string expression';
    case 'Constant': {
      const v = e.value;
      if (v.type === 'None') return 'None';
      if (v.type === 'bool') return v.value ? 'True' : 'False';
      if (v.type === 'Ellipsis') return 'ellipsis';
      return 'literal';
    }
    case 'Compare': return 'comparison';
    case 'IfExp': return 'conditional expression';
    case 'NamedExpr': return 'named expression';
    case 'Slice': return 'slice';
    case 'Yield': return 'yield expression';
  }
}

/** The first sub-expression that cannot be a target, or null if `e` is a valid target. */
export function invalidTarget(e: Expr, type: TargetsType): Expr | null {
  switch (e.kind) {
    case 'List':
    case 'Tuple':
      for (const x of e.elts) {
        const bad = invalidTarget(x, type);
        if (bad) return bad;
      }
      return null;
    case 'Starred':
      if (type === 'del') return e;
      return invalidTarget(e.value, type);
    case 'Compare':
      // `for a in b` reaches here as the comparison `a in b`
      if (type === 'for') return e.ops[0] === 'In' ? invalidTarget(e.left, type) : null;
      return e;
    case 'Name':
    case 'Subscript':
    case 'Attribute':
      return null;
    default:
      return e;
  }
}

/** Sets ctx on a valid target, recursively through tuples, lists and starred. */
export function setContext(e: Expr, ctx: ExprContext): void {
  switch (e.kind) {
    case 'Name': case 'Attribute': case 'Subscript':
      e.ctx = ctx;
      return;
    case 'Starred':
      e.ctx = ctx;
      setContext(e.value, ctx);
      return;
    case 'List': case 'Tuple':
      e.ctx = ctx;
      for (const x of e.elts) setContext(x, ctx);
      return;
    default:
      return;
  }
}
