// A hand-written Python 3 tokenizer following CPython 3.11's Parser/tokenizer.c:
// INDENT/DEDENT from a stack of columns (tabs to multiples of 8, checked
// against tabs of width 1 for TabError), NEWLINE only outside brackets, blank
// and comment lines skipped, backslash continuation, every string prefix,
// numbers with underscores, and CPython's error messages and positions.
//
// The whole text is tokenized up front. The first error stops it: the last
// token is then T.ERROR and `error` tells what CPython would report, and how
// that error competes with a parser error (see TokenizerError).

import { ScenarioError } from './errors';
import { Source, isHighSurrogatePair } from './source';
import { T, Token } from './tokens';

/** CPython's MAXLEVEL: brackets nested deeper are an error. */
export const MAX_PAREN_LEVEL = 200;
/** CPython's MAXINDENT. */
export const MAX_INDENT = 100;
const TABSIZE = 8;

export interface TokenizerError {
  error: ScenarioError;
  /**
   * 'set': CPython raises it at once (bad string, number, character, bracket),
   *   and it wins over a parser error found earlier in the file;
   * 'eof': end of file inside brackets or after a backslash;
   * 'done': indentation errors and a bad line continuation, which only matter
   *   if the parser reaches them.
   */
  kind: 'set' | 'eof' | 'done';
  /** Innermost bracket still open when the tokenizer stopped, if any. */
  openBracket: { ch: string; lineno: number; col: number; col16: number } | null;
  /** "'(' was never closed" for that bracket. */
  unclosed: ScenarioError | null;
}

export interface Tokenized {
  tokens: Token[];
  error: TokenizerError | null;
}

interface Bracket { ch: string; lineno: number; col: number; col16: number }

const C_NL = 10, C_SP = 32, C_TAB = 9, C_FF = 12, C_HASH = 35, C_BSL = 92,
  C_SQ = 39, C_DQ = 34, C_DOT = 46, C_US = 95;

function isDigit(c: number): boolean { return c >= 48 && c <= 57; }
function isHex(c: number): boolean { return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70); }
function isIdStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === C_US || c >= 128;
}
function isIdChar(c: number): boolean { return isIdStart(c) || isDigit(c); }

const XID_START = /[\p{XID_Start}_]/u;
const XID_CONTINUE = /\p{XID_Continue}/u;
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

class Tokenizer {
  private readonly s: string;
  private readonly end: number;
  private pos = 0;
  private lineno = 1;
  private lineStart = 0;
  // byte-column cache for the current line
  private lineAscii = -1;
  private cacheAt = 0;
  private cacheBytes = 0;

  private readonly indstack: number[] = [0];
  private readonly altindstack: number[] = [0];
  private pendin = 0;
  private atbol = true;
  private readonly brackets: Bracket[] = [];
  private readonly tokens: Token[] = [];
  private nullLine = 0;
  error: TokenizerError | null = null;

  constructor(private readonly src: Source) {
    const text = src.text;
    const nul = text.indexOf('\0');
    if (nul >= 0) {
      const ls = text.lastIndexOf('\n', nul) + 1;
      this.end = ls;
      let n = 1;
      for (let i = text.indexOf('\n'); i >= 0 && i < ls; i = text.indexOf('\n', i + 1)) n++;
      this.nullLine = n;
    } else {
      this.end = text.length;
    }
    this.s = text;
  }

  run(): Tokenized {
    while (this.error === null) {
      if (!this.next()) break;
    }
    return { tokens: this.tokens, error: this.error };
  }

  // ---- positions ------------------------------------------------------------

  private newLine(at: number): void {
    this.lineno++;
    this.lineStart = at;
    this.lineAscii = -1;
    this.cacheAt = at;
    this.cacheBytes = 0;
  }

  /** UTF-8 byte column of UTF-16 offset p on the current line. */
  private bcol(p: number): number {
    if (this.lineAscii < 0) {
      const s = this.s;
      let ascii = 1;
      for (let i = this.lineStart; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c === C_NL) break;
        if (c >= 128) { ascii = 0; break; }
      }
      this.lineAscii = ascii;
    }
    if (this.lineAscii === 1) return p - this.lineStart;
    if (p < this.cacheAt) { this.cacheAt = this.lineStart; this.cacheBytes = 0; }
    const s = this.s;
    let b = this.cacheBytes;
    for (let i = this.cacheAt; i < p; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) b += 1;
      else if (c < 0x800) b += 2;
      else if (isHighSurrogatePair(s, i)) { b += 4; i++; }
      else b += 3;
    }
    this.cacheAt = p;
    this.cacheBytes = b;
    return b;
  }

  /** Code points from the line start to UTF-16 offset p (CPython's tokenizer error offsets). */
  private ccol(p: number, lineStart = this.lineStart): number {
    const s = this.s;
    let n = 0;
    for (let i = lineStart; i < p; i++) {
      n++;
      if (isHighSurrogatePair(s, i)) i++;
    }
    return n;
  }

  private push(type: T, value: string, start: number, lineno: number, col: number, end: number): Token {
    const t: Token = {
      type, value, lineno, col, endLineno: this.lineno, endCol: this.bcol(end),
      start, end, level: this.brackets.length, noPos: false,
    };
    this.tokens.push(t);
    return t;
  }

  private pushNoPos(type: T, at: number): void {
    const col = this.bcol(at);
    this.tokens.push({
      type, value: '', lineno: this.lineno, col, endLineno: this.lineno, endCol: col,
      start: at, end: at, level: this.brackets.length, noPos: true,
    });
  }

  // ---- errors ---------------------------------------------------------------

  private openBracket(): Bracket | null {
    return this.brackets.length ? this.brackets[this.brackets.length - 1] : null;
  }

  private fail(kind: TokenizerError['kind'], error: ScenarioError, at: number): false {
    const b = this.openBracket();
    this.error = { error, kind, openBracket: b, unclosed: b ? this.unclosedError(b) : null };
    this.tokens.push({
      type: T.ERROR, value: '', lineno: this.lineno, col: -1, endLineno: this.lineno, endCol: -1,
      start: at, end: at, level: this.brackets.length, noPos: true,
    });
    return false;
  }

  /** CPython's tokenizer syntaxerror(): offset = characters up to `cur`. */
  private syntaxError(msg: string, cur: number, lineno = this.lineno, lineStart = this.lineStart,
    range?: [number, number]): false {
    const off = this.ccol(cur, lineStart);
    const text = this.s.slice(lineStart, this.lineEnd(lineStart));
    const r0 = range ? range[0] : Math.max(0, cur - 1 - lineStart);
    const r1 = range ? range[1] : Math.max(r0 + 1, cur - lineStart);
    const err = this.src.error('SyntaxError', msg, lineno, off, lineno, off,
      { line: lineno, col16: r0, endLine: lineno, endCol16: r1 }, text);
    return this.fail('set', err, cur);
  }

  private lineEnd(from: number): number {
    const i = this.s.indexOf('\n', from);
    return i < 0 ? this.s.length : i;
  }

  /** Errors CPython reports at "the current position" (tok->cur - line_start, bytes). */
  private doneError(type: 'IndentationError' | 'TabError', msg: string, col: number, endCol: number, cur: number): false {
    const err = this.src.error(type, msg, this.lineno, col, this.lineno, endCol,
      { line: this.lineno, col16: 0, endLine: this.lineno, endCol16: Math.max(1, cur - this.lineStart) });
    return this.fail('done', err, cur);
  }

  private nullBytes(): false {
    const ln = this.nullLine;
    const start = this.end;
    const nul = this.s.indexOf('\0', start);
    const text = this.s.slice(start, nul);
    const err = this.src.error('SyntaxError', 'source code cannot contain null bytes', ln, 0, ln, 0,
      { line: ln, col16: nul - start, endLine: ln, endCol16: nul - start + 1 }, text);
    return this.fail('set', err, start);
  }

  private unclosedError(b: Bracket): ScenarioError {
    return this.src.error('SyntaxError', `'${b.ch}' was never closed`, b.lineno, b.col + 1, b.lineno, 0,
      { line: b.lineno, col16: b.col16, endLine: b.lineno, endCol16: b.col16 + 1 });
  }

  /** End of input (or of the text before a null byte) reached at p. */
  private eofError(p: number): false {
    if (this.nullLine) return this.nullBytes();
    const b = this.openBracket();
    if (b) return this.fail('eof', this.unclosedError(b), p);
    // EOF right after a backslash continuation: CPython's "unexpected EOF"
    // at the end of the continued line.
    const ln = this.lineno;
    const col = this.bcol(p);
    const err = this.src.error('SyntaxError', 'unexpected EOF while parsing', ln, col, ln, -1,
      { line: ln, col16: Math.max(0, p - this.lineStart - 1), endLine: ln, endCol16: p - this.lineStart });
    return this.fail('eof', err, p);
  }

  // ---- the loop -------------------------------------------------------------

  /** Produces the next token(s); false when done (ENDMARKER or error). */
  private next(): boolean {
    const s = this.s;
    const end = this.end;
    let blankline = false;

    if (this.atbol) {
      this.atbol = false;
      let col = 0, altcol = 0;
      let p = this.pos;
      for (; p < end; p++) {
        const c = s.charCodeAt(p);
        if (c === C_SP) { col++; altcol++; }
        else if (c === C_TAB) { col = (Math.floor(col / TABSIZE) + 1) * TABSIZE; altcol++; }
        else if (c === C_FF) { col = altcol = 0; }
        else break;
      }
      this.pos = p;
      const c = p < end ? s.charCodeAt(p) : -1;
      if (c === C_HASH || c === C_NL) blankline = true;
      if (!blankline && this.brackets.length === 0) {
        const top = this.indstack.length - 1;
        if (col === this.indstack[top]) {
          if (altcol !== this.altindstack[top]) return this.tabError(p);
        } else if (col > this.indstack[top]) {
          if (this.indstack.length >= MAX_INDENT) {
            return this.doneError('IndentationError', 'too many levels of indentation', 1, 0, p);
          }
          if (altcol <= this.altindstack[top]) return this.tabError(p);
          this.pendin++;
          this.indstack.push(col);
          this.altindstack.push(altcol);
        } else {
          while (this.indstack.length > 1 && col < this.indstack[this.indstack.length - 1]) {
            this.pendin--;
            this.indstack.pop();
            this.altindstack.pop();
          }
          if (col !== this.indstack[this.indstack.length - 1]) {
            // CPython: offset = bytes up to the end of the line, "\n" included.
            const le = this.lineEnd(this.lineStart);
            return this.doneError('IndentationError', 'unindent does not match any outer indentation level',
              this.bcol(le) + 1, -1, le);
          }
          if (altcol !== this.altindstack[this.altindstack.length - 1]) return this.tabError(p);
        }
      }
    }

    // pending INDENT / DEDENT tokens
    while (this.pendin < 0) { this.pendin++; this.pushNoPos(T.DEDENT, this.pos); }
    while (this.pendin > 0) { this.pendin--; this.pushNoPos(T.INDENT, this.pos); }

    for (;;) {
      // skip spaces
      let p = this.pos;
      let c = -1;
      while (p < end) {
        c = s.charCodeAt(p);
        if (c !== C_SP && c !== C_TAB && c !== C_FF) break;
        p++;
      }
      if (p >= end) c = -1;
      this.pos = p;

      let commentAt = -1;
      if (c === C_HASH) {
        commentAt = p;
        const nl = s.indexOf('\n', p);
        p = nl < 0 || nl >= end ? end : nl;
        this.pos = p;
        c = p < end ? C_NL : -1;
      }

      if (c === -1) {
        if (this.nullLine) return this.nullBytes();
        if (this.brackets.length) return this.eofError(p);
        // EOF: CPython emitted NEWLINE with the last line; dedent to zero.
        this.fixEofTokens();
        while (this.indstack.length > 1) {
          this.indstack.pop();
          this.altindstack.pop();
          this.pushEof(T.DEDENT);
        }
        this.pushEof(T.ENDMARKER);
        return false;
      }

      const start = p;
      const startCol = this.bcol(p);
      const lineno = this.lineno;

      // identifiers, keywords and string prefixes
      if (isIdStart(c)) {
        let q = p;
        let sawB = false, sawR = false, sawU = false, sawF = false;
        for (;;) {
          const ch = s.charCodeAt(q);
          if (!(sawB || sawU || sawF) && (ch === 98 || ch === 66)) sawB = true;
          else if (!(sawB || sawU || sawR || sawF) && (ch === 117 || ch === 85)) sawU = true;
          else if (!(sawR || sawU) && (ch === 114 || ch === 82)) sawR = true;
          else if (!(sawF || sawB || sawU) && (ch === 102 || ch === 70)) sawF = true;
          else break;
          q++;
          const n = s.charCodeAt(q);
          if (n === C_SQ || n === C_DQ) return this.string(start, q, startCol);
        }
        let nonascii = false;
        q = p;
        while (q < end) {
          const ch = s.charCodeAt(q);
          if (!isIdChar(ch)) break;
          if (ch >= 128) nonascii = true;
          q++;
        }
        let name = s.slice(p, q);
        if (nonascii) {
          const bad = invalidIdentifierIndex(name);
          if (bad >= 0) return this.invalidCharacter(name, bad, p);
          name = name.normalize('NFKC');
        }
        this.pos = q;
        this.push(T.NAME, name, start, lineno, startCol, q);
        return true;
      }

      // newline
      if (c === C_NL) {
        this.pos = p + 1;
        const wasBlank = blankline || this.brackets.length > 0;
        // CPython's NEWLINE token starts where a comment before it starts
        if (!wasBlank) {
          const at = commentAt >= 0 ? commentAt : start;
          this.push(T.NEWLINE, '', at, lineno, commentAt >= 0 ? this.bcol(commentAt) : startCol, p);
        }
        this.newLine(p + 1);
        this.atbol = true;
        return true;
      }

      // period or number starting with a period
      if (c === C_DOT) {
        const n = s.charCodeAt(p + 1);
        if (isDigit(n)) return this.number(p, startCol);
        if (n === C_DOT && s.charCodeAt(p + 2) === C_DOT) {
          this.pos = p + 3;
          this.push(T.OP, '...', start, lineno, startCol, p + 3);
          return true;
        }
        this.pos = p + 1;
        this.push(T.OP, '.', start, lineno, startCol, p + 1);
        return true;
      }

      if (isDigit(c)) return this.number(p, startCol);

      if (c === C_SQ || c === C_DQ) return this.string(start, p, startCol);

      // line continuation
      if (c === C_BSL) {
        const n = p + 1 < end ? s.charCodeAt(p + 1) : -1;
        if (n !== C_NL) {
          if (n === -1 && p + 1 >= this.s.length) return this.eofError(p + 1);
          if (n === -1 && this.nullLine) return this.nullBytes();
          // CPython: offset of the character after the backslash (bytes), end 0
          const col = this.bcol(p + 1) + 1;
          const err = this.src.error('SyntaxError', 'unexpected character after line continuation character',
            this.lineno, col, this.lineno, 0,
            { line: this.lineno, col16: p - this.lineStart, endLine: this.lineno, endCol16: p + 1 - this.lineStart });
          return this.fail('done', err, p + 1);
        }
        // backslash-newline: the logical line goes on
        if (p + 2 >= end) {
          if (this.nullLine) return this.nullBytes();
          return this.eofError(p + 2);
        }
        this.newLine(p + 2);
        this.pos = p + 2;
        continue;
      }

      return this.operator(p, c, startCol);
    }
  }

  /** At EOF, CPython's DEDENT/ENDMARKER sit on the last line read, column 0. */
  private eofLine = 0;
  private fixEofTokens(): void {
    // After the final "\n" we are on line (lines + 1); CPython stays on the last one.
    this.eofLine = this.lineStart >= this.s.length && this.lineno > 1 ? this.lineno - 1 : this.lineno;
    // DEDENT tokens pushed just before (pendin at EOF) also belong there.
    for (let i = this.tokens.length - 1; i >= 0; i--) {
      const t = this.tokens[i];
      if (t.type !== T.DEDENT || t.start < this.s.length) break;
      t.lineno = t.endLineno = this.eofLine;
      t.col = t.endCol = 0;
    }
  }

  private pushEof(type: T): void {
    const at = this.s.length;
    this.tokens.push({
      type, value: '', lineno: this.eofLine, col: 0, endLineno: this.eofLine, endCol: 0,
      start: at, end: at, level: 0, noPos: true,
    });
  }

  private tabError(p: number): false {
    return this.doneError('TabError', 'inconsistent use of tabs and spaces in indentation', 1, 0, p);
  }

  private invalidCharacter(name: string, bad: number, p: number): false {
    // CPython reports the invalid character, the offset pointing at it.
    const cp = name.codePointAt(bad) as number;
    const after = p + bad + (cp > 0xffff ? 2 : 1);
    const hex = cp.toString(16).toUpperCase().padStart(4, '0');
    const ch = String.fromCodePoint(cp);
    const msg = ch !== ' ' && NON_PRINTABLE.test(ch)
      ? `invalid non-printable character U+${hex}`
      : `invalid character '${ch}' (U+${hex})`;
    return this.syntaxError(msg, after, this.lineno, this.lineStart,
      [p + bad - this.lineStart, after - this.lineStart]);
  }

  // ---- strings --------------------------------------------------------------

  /** A string token: `start` is its first character (prefix or quote), `q` the opening quote. */
  private string(start: number, q: number, startCol: number): boolean {
    const s = this.s;
    const end = this.end;
    const quote = s.charCodeAt(q);
    const firstLine = this.lineno;
    const firstLineStart = this.lineStart;
    let p = q + 1;
    let quoteSize = 1;
    let endQuote = 0;
    if (s.charCodeAt(p) === quote) {
      if (s.charCodeAt(p + 1) === quote) { quoteSize = 3; p += 2; } else { endQuote = 1; p += 1; }
    }
    while (endQuote !== quoteSize) {
      const c = p < end ? s.charCodeAt(p) : -1;
      if (c === -1 || (quoteSize === 1 && c === C_NL)) {
        if (c === -1 && this.nullLine) return this.nullBytes();
        const detected = c === -1 && this.lineStart >= this.s.length && this.lineno > 1 ? this.lineno - 1 : this.lineno;
        const msg = quoteSize === 3
          ? `unterminated triple-quoted string literal (detected at line ${detected})`
          : `unterminated string literal (detected at line ${detected})`;
        this.lineno = firstLine;
        return this.syntaxError(msg, start + 1, firstLine, firstLineStart,
          [start - firstLineStart, start - firstLineStart + 1]);
      }
      p++;
      if (c === quote) {
        endQuote++;
      } else {
        endQuote = 0;
        if (c === C_NL) this.newLine(p);
        else if (c === C_BSL) {
          if (p < end) {
            if (s.charCodeAt(p) === C_NL) this.newLine(p + 1);
            p++;
          }
        }
      }
    }
    this.pos = p;
    this.push(T.STRING, s.slice(start, p), start, firstLine, startCol, p);
    return true;
  }

  // ---- numbers --------------------------------------------------------------

  // number being scanned
  private nStart = 0;
  private nLine = 0;
  private nCol = 0;

  private at(i: number): number {
    return i < this.end ? this.s.charCodeAt(i) : -1;
  }

  /** Index after the digits of a decimal tail, or -1 after an error. */
  private decimalTail(i: number): number {
    for (;;) {
      while (isDigit(this.at(i))) i++;
      if (this.at(i) !== C_US) return i;
      i++;
      if (!isDigit(this.at(i))) { this.syntaxError('invalid decimal literal', i); return -1; }
    }
  }

  private finishNumber(i: number): boolean {
    this.pos = i;
    this.push(T.NUMBER, this.s.slice(this.nStart, i), this.nStart, this.nLine, this.nCol, i);
    return true;
  }

  /** After the '.' of a number (i is just after it). */
  private fraction(i: number): boolean {
    if (isDigit(this.at(i))) { i = this.decimalTail(i); if (i < 0) return false; }
    return this.exponentOrImag(i);
  }

  private exponentOrImag(i: number): boolean {
    let ch = this.at(i);
    if (ch === 101 || ch === 69) {
      const e = i;
      i++;
      ch = this.at(i);
      if (ch === 43 || ch === 45) {
        i++;
        if (!isDigit(this.at(i))) return this.syntaxError('invalid decimal literal', i);
      } else if (!isDigit(ch)) {
        // "1e" followed by a name: the number ends before the 'e'
        if (!this.endOfNumber(e, 'decimal')) return false;
        return this.finishNumber(e);
      }
      i = this.decimalTail(i);
      if (i < 0) return false;
      ch = this.at(i);
    }
    if (ch === 106 || ch === 74) {
      i++;
      if (!this.endOfNumber(i, 'imaginary')) return false;
      return this.finishNumber(i);
    }
    if (!this.endOfNumber(i, 'decimal')) return false;
    return this.finishNumber(i);
  }

  private number(p: number, startCol: number): boolean {
    this.nStart = p;
    this.nLine = this.lineno;
    this.nCol = startCol;
    let c = this.at(p);
    if (c === C_DOT) return this.fraction(p + 1);
    if (c !== 48) {
      const i = this.decimalTail(p);
      if (i < 0) return false;
      if (this.at(i) === C_DOT) return this.fraction(i + 1);
      return this.exponentOrImag(i);
    }
    let i = p + 1;
    c = this.at(i);
    if (c === 120 || c === 88) {
      i++;
      do {
        if (this.at(i) === C_US) i++;
        if (!isHex(this.at(i))) return this.syntaxError('invalid hexadecimal literal', i);
        while (isHex(this.at(i))) i++;
      } while (this.at(i) === C_US);
      if (!this.endOfNumber(i, 'hexadecimal')) return false;
      return this.finishNumber(i);
    }
    if (c === 111 || c === 79 || c === 98 || c === 66) {
      const octal = c === 111 || c === 79;
      const kind = octal ? 'octal' : 'binary';
      const max = octal ? 56 : 50;
      i++;
      do {
        if (this.at(i) === C_US) i++;
        const d = this.at(i);
        if (d < 48 || d >= max) {
          if (isDigit(d)) return this.syntaxError(`invalid digit '${String.fromCharCode(d)}' in ${kind} literal`, i + 1);
          return this.syntaxError(`invalid ${kind} literal`, i);
        }
        while (this.at(i) >= 48 && this.at(i) < max) i++;
      } while (this.at(i) === C_US);
      if (isDigit(this.at(i))) return this.syntaxError(`invalid digit '${String.fromCharCode(this.at(i))}' in ${kind} literal`, i + 1);
      if (!this.endOfNumber(i, kind)) return false;
      return this.finishNumber(i);
    }
    // zeros, maybe followed by digits (an old-style octal, now an error)
    let nonzero = false;
    for (;;) {
      if (this.at(i) === C_US) {
        i++;
        if (!isDigit(this.at(i))) return this.syntaxError('invalid decimal literal', i);
      }
      if (this.at(i) !== 48) break;
      i++;
    }
    const zerosEnd = i;
    if (isDigit(this.at(i))) {
      nonzero = true;
      i = this.decimalTail(i);
      if (i < 0) return false;
    }
    c = this.at(i);
    if (c === C_DOT) return this.fraction(i + 1);
    if (c === 101 || c === 69 || c === 106 || c === 74) return this.exponentOrImag(i);
    if (nonzero) {
      const a = this.bcol(p) + 1;
      const b = this.bcol(zerosEnd);
      const text = this.s.slice(this.lineStart, this.lineEnd(this.lineStart));
      const err = this.src.error('SyntaxError',
        'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers',
        this.nLine, a, this.nLine, b + 1,
        { line: this.nLine, col16: p - this.lineStart, endLine: this.nLine, endCol16: i - this.lineStart }, text);
      return this.fail('set', err, i);
    }
    if (!this.endOfNumber(i, 'decimal')) return false;
    return this.finishNumber(i);
  }

  /**
   * CPython's verify_end_of_number: a number directly followed by a name is
   * an error, unless the name is one of the keywords that may follow a
   * number in valid code (then CPython only warns).
   */
  private endOfNumber(i: number, kind: string): boolean {
    const s = this.s;
    const c = i < this.end ? s.charCodeAt(i) : -1;
    const la = (w: string): boolean => s.startsWith(w, i + 1);
    let r = false;
    if (c === 97) r = la('nd');
    else if (c === 101) r = la('lse');
    else if (c === 102) r = la('or');
    else if (c === 105) { const d = s.charCodeAt(i + 1); r = d === 102 || d === 110 || d === 115; }
    else if (c === 111) r = la('r');
    else if (c === 110) r = la('ot');
    if (r) return true;
    if (c >= 0 && c < 128 && isIdChar(c)) {
      this.syntaxError(`invalid ${kind} literal`, i);
      return false;
    }
    return true;
  }

  // ---- operators and brackets -----------------------------------------------

  private operator(p: number, c: number, startCol: number): boolean {
    const s = this.s;
    const lineno = this.lineno;
    const c2 = p + 1 < s.length ? s.charCodeAt(p + 1) : 255;
    let len = 1;
    let op: string | undefined;
    // second characters of two- and three-character operators: = * / < > . -
    if (c2 === 61 || c2 === 42 || c2 === 47 || c2 === 60 || c2 === 62 || c2 === 46 || c2 === 45) {
      const c3 = p + 2 < s.length ? s.charCodeAt(p + 2) : 255;
      op = OPS.get(c | (c2 << 8) | (c3 << 16));
      if (op !== undefined) len = 3;
      else if ((op = OPS.get(c | (c2 << 8))) !== undefined) len = 2;
    }
    if (op === undefined) op = ONE_CHAR[c] ?? String.fromCharCode(c);

    if (len === 1) {
      if (c === 40 || c === 91 || c === 123) {
        if (this.brackets.length >= MAX_PAREN_LEVEL) return this.syntaxError('too many nested parentheses', p + 1);
        this.brackets.push({ ch: String.fromCharCode(c), lineno, col: startCol, col16: p - this.lineStart });
      } else if (c === 41 || c === 93 || c === 125) {
        const ch = String.fromCharCode(c);
        const open = this.brackets.pop();
        if (!open) return this.syntaxError(`unmatched '${ch}'`, p + 1);
        const ok = (open.ch === '(' && c === 41) || (open.ch === '[' && c === 93) || (open.ch === '{' && c === 125);
        if (!ok) {
          this.brackets.push(open);
          const msg = open.lineno !== lineno
            ? `closing parenthesis '${ch}' does not match opening parenthesis '${open.ch}' on line ${open.lineno}`
            : `closing parenthesis '${ch}' does not match opening parenthesis '${open.ch}'`;
          return this.syntaxError(msg, p + 1);
        }
      }
    }
    this.pos = p + len;
    this.push(T.OP, op, p, lineno, startCol, p + len);
    return true;
  }
}

/** Operators by their character codes (c1 | c2 << 8 | c3 << 16), so that no string is built per token. */
const OPS = new Map<number, string>();
for (const op of ['!=', '%=', '&=', '**', '*=', '+=', '-=', '->', '//', '/=', ':=', '<<', '<=', '<>', '==', '>=',
  '>>', '@=', '^=', '|=', '**=', '...', '//=', '<<=', '>>=', ...'%&()*+,-./:;<=>@[]^{|}~!']) {
  let k = 0;
  for (let i = 0; i < op.length; i++) k |= op.charCodeAt(i) << (8 * i);
  OPS.set(k, op);
}
const ONE_CHAR: string[] = [];
for (const ch of '%&()*+,-./:;<=>@[]^{|}~!') ONE_CHAR[ch.charCodeAt(0)] = ch;

/** Index (UTF-16) of the first character that cannot be in an identifier, or -1. */
function invalidIdentifierIndex(name: string): number {
  let i = 0;
  let first = true;
  while (i < name.length) {
    const cp = name.codePointAt(i) as number;
    const ch = String.fromCodePoint(cp);
    const ok = cp < 128
      ? (first ? isIdStart(cp) : isIdChar(cp))
      : (first ? XID_START.test(ch) : XID_CONTINUE.test(ch));
    if (!ok) return i;
    first = false;
    i += cp > 0xffff ? 2 : 1;
  }
  return -1;
}

export function tokenize(src: Source): Tokenized {
  return new Tokenizer(src).run();
}
