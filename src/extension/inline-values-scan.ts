// Which names to show inline values for while paused: every plain name
// (not an attribute, keyword, builtin or module) read or bound on the lines
// from the start of the visible range up to the stopped line, outside strings
// and comments. The debug adapter's value for a name includes its refcount.

export interface NameAt { line: number; start: number; end: number; name: string }

const KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del',
  'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal',
  'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);
const SKIP = new Set([
  ...KEYWORDS, 'match', 'case',
  'print', 'len', 'range', 'id', 'hex', 'str', 'repr', 'int', 'float', 'bool', 'list', 'dict', 'tuple', 'set',
  'frozenset', 'type', 'isinstance', 'issubclass', 'getattr', 'setattr', 'hasattr', 'delattr', 'vars', 'sorted',
  'min', 'max', 'sum', 'abs', 'enumerate', 'zip', 'reversed', 'iter', 'next', 'object', 'super', 'callable', 'chr',
  'ord', 'any', 'all', 'round', 'divmod', 'format', 'map', 'filter', 'property', 'staticmethod', 'classmethod',
  'gc', 'sys', 'weakref', 'time', 'self', 'cls',
]);

/** Blanks out comments and string contents (keeping offsets) of one line; `state` carries triple quotes. */
export function maskLine(line: string, state: { inTriple: string | null }): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    if (state.inTriple) {
      const j = line.indexOf(state.inTriple, i);
      if (j < 0) return out + ' '.repeat(line.length - i);
      out += ' '.repeat(j + 3 - i);
      i = j + 3;
      state.inTriple = null;
      continue;
    }
    const c = line[i];
    if (c === '#') return out + ' '.repeat(line.length - i);
    if (c === '"' || c === "'") {
      const triple = line.startsWith(c.repeat(3), i) ? c.repeat(3) : null;
      if (triple) { state.inTriple = triple; out += '   '; i += 3; continue; }
      let j = i + 1;
      while (j < line.length && line[j] !== c) j += line[j] === '\\' ? 2 : 1;
      out += ' '.repeat(Math.min(j + 1, line.length) - i);
      i = j + 1;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

export function namesForInlineValues(lines: readonly string[], fromLine: number, stoppedLine: number): NameAt[] {
  const result: NameAt[] = [];
  const state = { inTriple: null as string | null };
  for (let ln = 0; ln <= Math.min(stoppedLine, lines.length - 1); ln++) {
    const masked = maskLine(lines[ln], state);
    if (ln < fromLine) continue;
    if (/^\s*(?:def|class)\b/.test(masked)) continue;
    for (const m of masked.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) {
      const start = m.index ?? 0;
      const name = m[0];
      if (SKIP.has(name) || /^__\w+__$/.test(name)) continue;
      if (/\.\s*$/.test(masked.slice(0, start))) continue; // attribute
      if (/^\s*=(?!=)/.test(masked.slice(start + name.length)) && /[(,]\s*$/.test(masked.slice(0, start))) continue; // keyword argument
      if (/[0-9]/.test(masked[start - 1] ?? '')) continue; // part of a number like 1e5
      result.push({ line: ln, start, end: start + name.length, name });
    }
  }
  return result;
}

/** The expression to evaluate for a hover: a dotted name such as `a.t.other`, up to the hovered part. */
export function expressionAt(line: string, character: number): { start: number; end: number; text: string } | undefined {
  const masked = maskLine(line, { inTriple: null });
  let end = character;
  while (end < masked.length && /\w/.test(masked[end])) end++;
  let start = character;
  while (start > 0 && /[\w.]/.test(masked[start - 1])) start--;
  while (start < end && masked[start] === '.') start++;
  const text = line.slice(start, end);
  if (!/^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/.test(text) || KEYWORDS.has(text)) return undefined;
  return { start, end, text };
}


/** First line of the innermost function around `stoppedLine` (its body start), or 0 at module level. */
export function scopeStart(lines: readonly string[], stoppedLine: number): number {
  const indent = (s: string) => /^[ \t]*/.exec(s)![0].length;
  let level = indent(lines[stoppedLine] ?? '');
  for (let ln = stoppedLine - 1; ln >= 0; ln--) {
    const text = lines[ln];
    if (text.trim() === '' || /^\s*#/.test(text)) continue;
    const i = indent(text);
    if (i < level) {
      if (/^\s*def\b/.test(text)) return ln + 1;
      level = i;
    }
  }
  return 0;
}
