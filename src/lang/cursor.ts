// The parser's token cursor and its ways of raising errors, named after the
// macros of CPython's pegen (RAISE_SYNTAX_ERROR, ..._KNOWN_LOCATION,
// ..._KNOWN_RANGE, ..._STARTING_FROM) so that each error lands where
// CPython 3.11 puts it.
//
// Like pegen, parsing runs twice when it fails: a first pass without
// diagnostics finds how far valid input goes; a second pass (`diag`) parses
// again and raises the specialised message at the failure point. A plain
// failure is the FAIL sentinel, not an exception object with a message.

import type { Pos } from './ast';
import { ScenarioError, ScenarioErrorType } from './errors';
import { Source } from './source';
import { TokenizerError } from './tokenizer';
import { KEYWORDS, T, Token } from './tokens';

/** Thrown when the input does not match (pegen returning NULL). */
export const FAIL = Object.freeze({ fail: true });

/** Deeper nesting than this is refused, as CPython's parser stack is limited. */
export const MAX_NESTING = 3000;
export const TOO_COMPLEX = 'Parser stack overflowed - Python source too complex to parse';

/** For the parser of an f-string replacement field: where its text sits. */
export interface FieldOrigin {
  /** Line of the field's '{' in the scenario, and its byte column there. */
  line: number;
  col: number;
  /** The text CPython parses: "(" + expression + ")". */
  text: string;
}

export abstract class Cursor {
  protected i = 0;
  /** Furthest token index looked at (pegen's p->fill - 1). */
  protected far = 0;
  /** Second pass: raise specialised errors at failure points. */
  protected diag = false;
  protected depth = 0;

  constructor(
    protected readonly src: Source,
    protected readonly toks: Token[],
    protected readonly tokErr: TokenizerError | null,
    protected readonly field: FieldOrigin | null = null,
  ) {}

  // ---- looking at tokens ----------------------------------------------------

  protected tok(k = 0): Token {
    let idx = this.i + k;
    const last = this.toks.length - 1;
    if (idx > last) idx = last;
    if (idx > this.far) this.far = idx;
    const t = this.toks[idx];
    if (t.type === T.ERROR) throw (this.tokErr as TokenizerError).error;
    return t;
  }

  protected next(): Token {
    const t = this.tok();
    this.i++;
    return t;
  }

  protected isOp(v: string, k = 0): boolean {
    const t = this.tok(k);
    return t.type === T.OP && t.value === v;
  }

  protected isKw(v: string, k = 0): boolean {
    const t = this.tok(k);
    return t.type === T.NAME && t.value === v;
  }

  /** A NAME that is not a keyword. */
  protected isName(k = 0): boolean {
    const t = this.tok(k);
    return t.type === T.NAME && !KEYWORDS.has(t.value);
  }

  protected isType(type: T, k = 0): boolean {
    return this.tok(k).type === type;
  }

  protected eatOp(v: string): Token | null {
    const t = this.tok();
    if (t.type === T.OP && t.value === v) { this.i++; return t; }
    return null;
  }

  protected eatKw(v: string): Token | null {
    const t = this.tok();
    if (t.type === T.NAME && t.value === v) { this.i++; return t; }
    return null;
  }

  protected expectOp(v: string): Token {
    const t = this.eatOp(v);
    if (!t) throw FAIL;
    return t;
  }

  protected expectKw(v: string): Token {
    const t = this.eatKw(v);
    if (!t) throw FAIL;
    return t;
  }

  protected expectName(): Token {
    if (!this.isName()) throw FAIL;
    return this.next();
  }

  /** pegen's forced token (`&&':'`): raises "expected ':'" at once, in both passes. */
  protected forceOp(v: string): Token {
    const t = this.eatOp(v);
    if (t) return t;
    throw this.errTok(this.tok(), `expected '${v}'`);
  }

  /** Runs fn; on a plain failure puts the cursor back and returns null. */
  protected attempt<R>(fn: () => R): R | null {
    const save = this.i;
    try {
      return fn();
    } catch (e) {
      if (e !== FAIL) throw e;
      this.i = save;
      return null;
    }
  }

  /** Like attempt, but never moves the cursor. */
  protected lookahead<R>(fn: () => R): R | null {
    const save = this.i;
    try {
      return fn();
    } catch (e) {
      if (e !== FAIL) throw e;
      return null;
    } finally {
      this.i = save;
    }
  }

  /** Runs fn without the second-pass diagnostics (pegen's *_without_invalid rules). */
  protected withoutDiag<R>(fn: () => R): R {
    const d = this.diag;
    this.diag = false;
    try {
      return fn();
    } finally {
      this.diag = d;
    }
  }

  protected enter(): void {
    if (++this.depth > MAX_NESTING) throw this.errTok(this.tok(), TOO_COMPLEX);
  }

  protected leave(): void {
    this.depth--;
  }

  /**
   * pegen's EXTRA: from the first token of the rule (index s) to the last
   * token consumed that is not NEWLINE, INDENT, DEDENT or ENDMARKER.
   */
  protected extra(s: number): Pos {
    const a = this.toks[s];
    let j = this.i - 1;
    let b = this.toks[j];
    while (j > s && (b.type === T.NEWLINE || b.type === T.INDENT || b.type === T.DEDENT || b.type === T.ENDMARKER)) {
      b = this.toks[--j];
    }
    return { lineno: a.lineno, col_offset: a.col, end_lineno: b.endLineno, end_col_offset: b.endCol };
  }

  // ---- raising errors -------------------------------------------------------

  /** An error at explicit numbers; `col`/`endCol` are CPython offsets (1-based bytes). */
  protected errAt(type: ScenarioErrorType, msg: string,
    lineno: number, col: number, endLineno: number, endCol: number,
    startByte: number, endByte: number): ScenarioError {
    const f = this.field;
    if (f) return this.fieldError(type, msg, lineno, col, endLineno, endCol, startByte, endByte);
    const c16 = this.src.utf16Col(lineno, Math.max(0, startByte));
    const e16 = this.src.utf16Col(endLineno, Math.max(0, endByte));
    return this.src.error(type, msg, lineno, col, endLineno, endCol,
      { line: lineno, col16: c16, endLine: endLineno, endCol16: Math.max(e16, lineno === endLineno ? c16 + 1 : e16) });
  }

  /**
   * CPython parses an f-string field as a separate source "(...)": its errors
   * get "f-string: " in front, columns counted in that text, and that text as
   * the source line. The editor range still points into the scenario.
   */
  private fieldError(type: ScenarioErrorType, msg: string,
    lineno: number, col: number, endLineno: number, endCol: number,
    startByte: number, endByte: number): ScenarioError {
    const f = this.field as FieldOrigin;
    const shift = (ln: number, c: number): number => (ln === f.line && c > 0 ? c - f.col : c);
    const lines = f.text.split('\n');
    const rel = lineno - f.line;
    const text = lines[Math.min(Math.max(rel, 0), lines.length - 1)];
    const c16 = this.src.utf16Col(lineno, Math.max(0, startByte));
    const e16 = this.src.utf16Col(endLineno, Math.max(0, endByte));
    return this.src.error(type, type === 'SyntaxError' ? `f-string: ${msg}` : msg,
      lineno, shift(lineno, col), endLineno, shift(endLineno, endCol),
      { line: lineno, col16: c16, endLine: endLineno, endCol16: Math.max(e16, c16 + 1) }, text);
  }

  /** RAISE_SYNTAX_ERROR_KNOWN_LOCATION(token). */
  protected errTok(t: Token, msg: string, type: ScenarioErrorType = 'SyntaxError'): ScenarioError {
    if (t.noPos) return this.errAt(type, msg, t.lineno, t.col, t.endLineno, -1, t.col, t.col);
    return this.errAt(type, msg, t.lineno, t.col + 1, t.endLineno, t.endCol + 1, t.col, t.endCol);
  }

  /** RAISE_SYNTAX_ERROR_KNOWN_LOCATION(node). */
  protected errNode(a: Pos, msg: string): ScenarioError {
    return this.errAt('SyntaxError', msg, a.lineno, a.col_offset + 1, a.end_lineno, a.end_col_offset + 1,
      a.col_offset, a.end_col_offset);
  }

  /** RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b). */
  protected errRange(a: Pos, b: Pos, msg: string): ScenarioError {
    return this.errAt('SyntaxError', msg, a.lineno, a.col_offset + 1, b.end_lineno, b.end_col_offset + 1,
      a.col_offset, b.end_col_offset);
  }

  /** RAISE_SYNTAX_ERROR / RAISE_INDENTATION_ERROR: at the furthest token looked at. */
  protected errLast(msg: string, type: ScenarioErrorType = 'SyntaxError'): ScenarioError {
    const t = this.toks[Math.min(this.far, this.toks.length - 1)];
    if (t.noPos || t.type === T.ERROR) return this.errAt(type, msg, t.lineno, t.col, t.endLineno, -1, t.col, t.col);
    return this.errAt(type, msg, t.lineno, t.col + 1, t.endLineno, t.endCol + 1, t.col, t.endCol);
  }

  /** RAISE_SYNTAX_ERROR_STARTING_FROM(a): to where the tokenizer is. */
  protected errFrom(a: Pos, msg: string): ScenarioError {
    const t = this.toks[Math.min(this.far, this.toks.length - 1)];
    return this.errAt('SyntaxError', msg, a.lineno, a.col_offset + 1, t.endLineno, t.endCol,
      a.col_offset, t.endCol);
  }
}

export function tokPos(t: Token): Pos {
  return { lineno: t.lineno, col_offset: t.col, end_lineno: t.endLineno, end_col_offset: t.endCol };
}
