// The caret line CPython 3.11 prints under a traceback's source line
// (PEP 657): `^^^^` under the failing expression, or `~~^~~` anchors for a
// binary operation, omitted when the expression spans the whole line.

/** pos = [line, col, endLine, endCol] (0-based columns); returns the line or null. */
export function caretLine(src: string, pos: [number, number, number, number], callAnchors = false): string | null {
  const [line, col, endLine, endCol0] = pos;
  if (!line) return null;
  const stripped = src.trim();
  const lead = src.length - src.trimStart().length;
  const endCol = endLine === line ? endCol0 : lead + stripped.length;
  if (endCol <= col) return null;
  const seg = src.slice(col, endCol);
  const anchors = endLine === line && isExpression(seg)
    ? (binOpAnchors(seg) ?? bracketAnchors(seg, '[') ?? (callAnchors ? bracketAnchors(seg, '(') : null)) : null;
  if (endCol - col >= stripped.length && !(anchors && anchors[1] - anchors[0] > 0)) return null;
  let out = '    ' + ' '.repeat(col - lead);
  if (anchors) {
    out += '~'.repeat(anchors[0]) + '^'.repeat(anchors[1] - anchors[0]) + '~'.repeat(endCol - col - anchors[1]);
  } else out += '^'.repeat(endCol - col);
  return out;
}

const OPS = ['**', '//', '<<', '>>', '+', '-', '*', '/', '%', '|', '&', '^', '@'];
const STATEMENT = /^(raise|return|assert|del|import|from|global|nonlocal|pass|break|continue|if|elif|while|for|with|def|class|try|except|finally|else)\b/;

/** CPython anchors only segments that parse as an expression (not `raise X(…)`, not `a = f()`). */
function isExpression(seg: string): boolean {
  if (STATEMENT.test(seg.trimStart())) return false;
  let depth = 0;
  let inStr: string | null = null;
  for (let i = 0; i < seg.length; i++) {
    const ch = seg[i];
    if (inStr) { if (ch === '\\') i++; else if (ch === inStr) inStr = null; continue; }
    if (ch === '"' || ch === "'") { inStr = ch; continue; }
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
    else if (depth === 0 && ch === '=' && seg[i + 1] !== '=' && !'=!<>+-*/%&|^@:'.includes(seg[i - 1] ?? '')) return false;
  }
  return true;
}

/** [leftEnd, rightStart] of the operator in `a <op> b`, when seg is a binary operation at top level. */
function binOpAnchors(seg: string): [number, number] | null {
  let depth = 0;
  let inStr: string | null = null;
  let found: [number, number] | null = null;
  for (let i = 0; i < seg.length; i++) {
    const ch = seg[i];
    if (inStr) { if (ch === '\\') i++; else if (ch === inStr) inStr = null; continue; }
    if (ch === '"' || ch === "'") { inStr = ch; continue; }
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
    else if (depth === 0 && i > 0) {
      for (const op of OPS) {
        if (seg.startsWith(op, i)) {
          const prev = seg.slice(0, i).trimEnd();
          if (!prev || /[+\-*/%|&^@<>=(,]$/.test(prev)) break;
          found = [i, i + op.length];
          i += op.length - 1;
          break;
        }
      }
    }
  }
  return found;
}

/** `value[index]` (and, from 3.13, `func(args)`): '~' under the value, '^' under the brackets. */
function bracketAnchors(seg: string, open: '[' | '('): [number, number] | null {
  if (!seg.endsWith(open === '[' ? ']' : ')')) return null;
  let depth = 0;
  let inStr: string | null = null;
  let start = -1;
  for (let i = 0; i < seg.length; i++) {
    const ch = seg[i];
    if (inStr) { if (ch === '\\') i++; else if (ch === inStr) inStr = null; continue; }
    if (ch === '"' || ch === "'") { inStr = ch; continue; }
    if (ch === '(' || ch === '[' || ch === '{') { if (depth === 0 && ch === open) start = i; depth++; }
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
  }
  if (start <= 0) return null;
  return [start, seg.length];
}
