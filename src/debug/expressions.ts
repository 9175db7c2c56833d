// Python expressions for the rows of the Variables pane (DAP `evaluateName`),
// so "Add to Watch" and "Copy as Expression" work: `a.t`, `lst[0]`, `d['k']`,
// `list(d)[1]` for a dict key, and, for an object reached another way, a
// lookup by id() through the gc module.

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A key repr that is also a Python literal (and was not truncated). */
const LITERAL = /^('([^'\\…]|\\.)*'|"([^"\\…]|\\.)*"|-?\d+(\.\d+)?|True|False|None)$/;

/** An object found by its address among the tracked objects (works for any tracked object). */
export function byAddress(address: string): string {
  return `[o for o in gc.get_objects() if id(o) == ${address}][0]`;
}

/**
 * The expression for the child reached from `parent` through an edge labelled
 * `label` (as src/runtime/references.ts labels them); `index` is the edge's
 * position among the parent's edges (dict keys and set members need it).
 */
export function childExpression(parent: string, label: string, index: number, address: string): string {
  let m = /^attribute '([A-Za-z_][A-Za-z0-9_]*)'$/.exec(label);
  if (m) return `${parent}.${m[1]}`;
  if (/^\[\d+\]$/.test(label)) return `${parent}${label}`;
  if (label === 'member') return `list(${parent})[${index}]`;
  if (label.startsWith('key ')) return `list(${parent})[${Math.floor(index / 2)}]`; // a dict's edges alternate key, value
  m = /^\[(.*)\]$/.exec(label);
  if (m) return LITERAL.test(m[1]) ? `${parent}${label}` : `${parent}[list(${parent})[${Math.floor(index / 2)}]]`;
  if (label === '__class__') return `type(${parent})`;
  if (IDENT.test(label)) return `${parent}.${label}`;
  return `[o for o in gc.get_referents(${parent}) if id(o) == ${address}][0]`;
}

/** The row name for an edge: `t` for an attribute, `[0]`, `['k']`, `key 'k'`, `member[2]`, `__dict__` … */
export function childName(label: string, index: number): string {
  const m = /^attribute '(.*)'$/.exec(label);
  if (m) return m[1];
  if (label === 'member') return `member[${index}]`;
  return label;
}

/** Expression for "who refers to `expr`" rows. */
export function referrerExpression(expr: string, address: string): string {
  return `[r for r in gc.get_referrers(${expr}) if id(r) == ${address}][0]`;
}

/** The name a root reference ("global 'a'", "local 'c1' of f2") is held by, if any. */
export function rootName(reason: string): string | null {
  const m = /^(?:global|local) '([A-Za-z_][A-Za-z0-9_]*)'/.exec(reason);
  return m ? m[1] : null;
}

/** Is `expr` something an assignment can target (a name, an attribute, a subscription)? */
export function isAssignable(expr: string): boolean {
  return IDENT.test(expr) || /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*|\[[^\]]+\])+$/.test(expr);
}
