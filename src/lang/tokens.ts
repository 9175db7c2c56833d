// Token kinds and the token record shared by the tokenizer and the parser.

export const enum T {
  NAME,
  NUMBER,
  STRING,
  OP,
  NEWLINE,
  INDENT,
  DEDENT,
  ENDMARKER,
  /** The tokenizer stopped here; `Tokenized.error` says why. */
  ERROR,
}

export interface Token {
  type: T;
  /** NAME: the identifier (NFKC-normalised); OP: the operator; NUMBER/STRING: the source text. */
  value: string;
  lineno: number;
  /** 0-based UTF-8 byte column, as CPython's tokens and ast nodes count. */
  col: number;
  endLineno: number;
  endCol: number;
  /** UTF-16 offsets into the (newline-normalised) source. */
  start: number;
  end: number;
  /** Bracket nesting depth after this token (CPython's token->level). */
  level: number;
  /**
   * INDENT, DEDENT and ENDMARKER have no position in CPython (col -1): an
   * error reported at them uses the tokenizer's byte column at that moment.
   */
  noPos?: boolean;
}

export const KEYWORDS: ReadonlySet<string> = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break',
  'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for',
  'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not',
  'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);
