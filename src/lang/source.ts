// The scenario text as the front end sees it (BOM dropped, line breaks made
// "\n", a final "\n" added like CPython does), its lines, and the making of
// ScenarioErrors with CPython's numbers plus an exact editor range.

import { ScenarioError, ScenarioErrorType, utf8Length } from './errors';

export class Source {
  readonly text: string;
  private starts: number[] | null = null;

  constructor(raw: string, readonly filename: string) {
    let t = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    if (t.indexOf('\r') >= 0) t = t.replace(/\r\n?/g, '\n');
    if (t.length > 0 && t.charCodeAt(t.length - 1) !== 10) t += '\n';
    this.text = t;
  }

  private lineStarts(): number[] {
    if (this.starts) return this.starts;
    const s = [0, 0];
    const t = this.text;
    let i = t.indexOf('\n');
    while (i >= 0) {
      s.push(i + 1);
      i = t.indexOf('\n', i + 1);
    }
    this.starts = s;
    return s;
  }

  /** UTF-16 offset where line `lineno` (1-based) starts. */
  lineStart(lineno: number): number {
    const s = this.lineStarts();
    if (lineno < 1) return 0;
    return lineno < s.length ? s[lineno] : this.text.length;
  }

  /** Text of line `lineno` without its "\n" ('' past the end). */
  line(lineno: number): string {
    const s = this.lineStarts();
    if (lineno < 1 || lineno >= s.length) return '';
    const a = s[lineno];
    let b = lineno + 1 < s.length ? s[lineno + 1] - 1 : this.text.length;
    if (b < a) b = a;
    return this.text.slice(a, b);
  }

  /** UTF-16 column in line `lineno` of a 0-based UTF-8 byte column. */
  utf16Col(lineno: number, byteCol: number): number {
    const line = this.line(lineno);
    let b = 0;
    let i = 0;
    while (i < line.length && b < byteCol) {
      b += utf8Length(line, i, i + 1 + (isHighSurrogatePair(line, i) ? 1 : 0));
      i += isHighSurrogatePair(line, i) ? 2 : 1;
    }
    return i + Math.max(0, byteCol - b);
  }

  /** Number of code points before UTF-16 column `col16` of line `lineno`. */
  charCol(lineno: number, col16: number): number {
    const line = this.line(lineno);
    let n = 0;
    const end = Math.min(col16, line.length);
    for (let i = 0; i < end; i++) {
      n++;
      if (isHighSurrogatePair(line, i)) i++;
    }
    return n + Math.max(0, col16 - line.length);
  }

  /**
   * An error with CPython's numbers (`col`/`endCol` are its 1-based offsets,
   * already in the unit CPython uses for that error) and an editor range
   * given as 0-based UTF-16 line/columns.
   */
  error(
    type: ScenarioErrorType, msg: string,
    lineno: number, col: number, endLineno: number, endCol: number,
    r: { line: number; col16: number; endLine: number; endCol16: number },
    sourceLine?: string,
  ): ScenarioError {
    return new ScenarioError(type, msg, this.filename, lineno, col, endLineno, endCol,
      sourceLine ?? this.line(lineno),
      { line: r.line - 1, character: r.col16, endLine: r.endLine - 1, endCharacter: r.endCol16 });
  }
}

export function isHighSurrogatePair(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) return false;
  const d = s.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff;
}
