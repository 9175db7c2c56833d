// Errors of the scenario front end, and their rendering exactly as CPython 3.11
// prints a SyntaxError when it runs a file (`python3 scenario.py`).
//
// The numeric fields mirror CPython's SyntaxError attributes as they are when a
// *file* is run: `col`/`endCol` are CPython's 1-based `offset`/`end_offset`,
// which count UTF-8 bytes for errors found by the parser and characters for
// errors found by the tokenizer (CPython's own inconsistency, kept so that the
// caret lands where CPython puts it). Editors should use `range`, which is
// exact and in UTF-16 code units.

export type ScenarioErrorType = 'SyntaxError' | 'IndentationError' | 'TabError' | 'NotSupportedError';

/** 0-based, UTF-16 code units, end exclusive: what an editor needs. */
export interface EditorRange {
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

export class ScenarioError extends Error {
  /** Exact position for editors (0-based, UTF-16); derived from the CPython numbers when not given. */
  readonly range: EditorRange;

  /**
   * @param col    CPython's 1-based `offset` (0 or less: no caret is printed)
   * @param endCol CPython's `end_offset` (-1 or 0: unknown)
   * @param sourceLine text of line `lineno`, without its line break
   */
  constructor(
    readonly errorType: ScenarioErrorType,
    readonly msg: string,
    readonly filename: string,
    readonly lineno: number,
    readonly col: number,
    readonly endLineno: number,
    readonly endCol: number,
    readonly sourceLine: string,
    range?: EditorRange,
  ) {
    super(msg);
    this.name = errorType;
    this.range = range ?? {
      line: Math.max(0, lineno - 1),
      character: Math.max(0, col - 1),
      endLine: Math.max(0, (endLineno || lineno) - 1),
      endCharacter: Math.max(Math.max(0, col - 1) + 1, endCol - 1),
    };
  }

  /** `SyntaxError: msg`, the last line CPython prints. */
  override toString(): string {
    return `${this.errorType}: ${this.msg}`;
  }
}

export function isScenarioError(e: unknown): e is ScenarioError {
  return e instanceof ScenarioError;
}

/** UTF-8 length of a string (lone surrogates count 3, as CPython's surrogateescape would not apply). */
export function utf8Length(s: string, from = 0, to = s.length): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { n += 4; i++; } else n += 3;
    } else n += 3;
  }
  return n;
}

/**
 * What CPython 3.11 prints on stderr for an uncaught SyntaxError (and its
 * subclasses) raised while compiling a file: pythonrun.c's print_exception /
 * print_error_text, including its quirks (leading whitespace stripped, caret
 * count from end_offset, a single caret for IndentationError and TabError,
 * no caret when the offset points left of the text). Ends with a newline.
 */
export function formatScenarioError(e: ScenarioError): string {
  let out = `  File "${e.filename}", line ${e.lineno}\n`;
  const text = e.sourceLine;
  // Only SyntaxError proper (and our NotSupportedError, shaped like it) keeps
  // its end position; CPython drops it for the subclasses.
  const keepsEnd = e.errorType === 'SyntaxError' || e.errorType === 'NotSupportedError';
  let endOffset = keepsEnd ? e.endCol : -1;
  const endLineno = keepsEnd ? e.endLineno : e.lineno;
  const lineSize = utf8Length(text) + 1; // the line as read from the file, with its "\n"
  if (endLineno > e.lineno) endOffset = lineSize;
  if (endOffset > lineSize + 1) endOffset = lineSize + 1;
  out += errorText(e.col, endOffset, text);
  out += `${e.errorType}: ${e.msg}\n`;
  return out;
}

function errorText(offset: number, endOffset: number, text: string): string {
  const carets = endOffset > 0 && endOffset > offset ? endOffset - offset : 1;
  let off = offset - 1;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0c) break;
    i++;
    off--;
  }
  const shown = text.slice(i);
  const len = utf8Length(shown);
  if (off > len) off = len;
  let out = `    ${shown}\n`;
  if (off < 0) return out;
  out += '    ' + ' '.repeat(off) + '^'.repeat(carets) + '\n';
  return out;
}
