// Decoding of literal tokens as CPython 3.11's string_parser.c does it:
// numbers, string and bytes bodies with their escapes (and the codec error
// messages CPython shows for bad ones), and the scanning of f-string bodies
// into literal text and replacement fields.

import type { ConstValue } from './ast';

// ---- numbers ----------------------------------------------------------------

export function parseNumber(text: string): ConstValue {
  const t = text.indexOf('_') >= 0 ? text.replace(/_/g, '') : text;
  const last = t.charCodeAt(t.length - 1);
  if (last === 106 || last === 74) return { type: 'complex', imag: Number(t.slice(0, -1)) };
  const c1 = t.charCodeAt(1);
  if (t.charCodeAt(0) === 48 && t.length > 1) {
    if (c1 === 120 || c1 === 88) return { type: 'int', value: BigInt('0x' + t.slice(2)) };
    if (c1 === 111 || c1 === 79) return { type: 'int', value: BigInt('0o' + t.slice(2)) };
    if (c1 === 98 || c1 === 66) return { type: 'int', value: BigInt('0b' + t.slice(2)) };
  }
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 46 || c === 101 || c === 69) return { type: 'float', value: Number(t) };
  }
  return { type: 'int', value: t.length < 16 ? BigInt(Number(t)) : BigInt(t) };
}

// ---- string tokens ----------------------------------------------------------

export interface StringToken {
  bytes: boolean;
  raw: boolean;
  fstring: boolean;
  /** Offset of the body within the token text, and its length. */
  bodyStart: number;
  bodyEnd: number;
}

export function splitStringToken(text: string): StringToken {
  let i = 0;
  let bytes = false, raw = false, fstring = false;
  for (;;) {
    const c = text.charCodeAt(i) | 0x20;
    if (c === 98) bytes = true;
    else if (c === 114) raw = true;
    else if (c === 102) fstring = true;
    else if (c !== 117) break;
    i++;
  }
  const q = text.charCodeAt(i);
  const triple = text.charCodeAt(i + 1) === q && text.charCodeAt(i + 2) === q && text.length >= i + 6;
  const qs = triple ? 3 : 1;
  return { bytes, raw, fstring, bodyStart: i + qs, bodyEnd: text.length - qs };
}

/** A decoding failure: CPython's message, raised at the parser's last token. */
export class LiteralError {
  constructor(readonly msg: string, readonly atToken = false) {}
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
};

function isOct(c: number): boolean { return c >= 48 && c <= 55; }
function hexVal(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/**
 * Decodes the escapes of a str body (not raw). Throws LiteralError with
 * CPython's "(unicode error) 'unicodeescape' codec can't decode ..." text.
 * Positions in those messages count bytes of the buffer CPython builds first,
 * where every non-ASCII character became a 10-byte \UXXXXXXXX escape.
 */
export function decodeStr(body: string, seen: { nEscape: boolean }): string {
  if (body.indexOf('\\') < 0) return body;
  let out = '';
  let pos = 0; // position in CPython's escaped buffer
  let i = 0;
  const n = body.length;
  const width = (k: number): number => {
    const c = body.charCodeAt(k);
    return c < 128 ? 1 : 10;
  };
  while (i < n) {
    const c = body.charCodeAt(i);
    if (c !== 92) {
      const cp = body.codePointAt(i) as number;
      const len = cp > 0xffff ? 2 : 1;
      out += body.slice(i, i + len);
      pos += width(i);
      i += len;
      continue;
    }
    const start = pos;
    if (i + 1 >= n) throw new LiteralError(unicodeError(start, start + 1, '\\ at end of string'));
    const e = body[i + 1];
    const ec = body.charCodeAt(i + 1);
    if (ec >= 128) {
      // CPython turns "\é" into "\u005c" + "\U000000e9": a backslash and the character
      out += '\\';
      pos += 6;
      i += 1;
      continue;
    }
    i += 2;
    pos += 2;
    if (e === '\n') continue;
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) { out += simple; continue; }
    if (isOct(ec)) {
      let v = ec - 48;
      for (let k = 0; k < 2 && i < n && isOct(body.charCodeAt(i)); k++) { v = v * 8 + body.charCodeAt(i) - 48; i++; pos++; }
      out += String.fromCodePoint(v);
      continue;
    }
    if (e === 'x' || e === 'u' || e === 'U') {
      const count = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const msg = e === 'x' ? 'truncated \\xXX escape' : e === 'u' ? 'truncated \\uXXXX escape' : 'truncated \\UXXXXXXXX escape';
      let v = 0;
      for (let k = 0; k < count; k++) {
        const h = i < n ? hexVal(body.charCodeAt(i)) : -1;
        if (h < 0) throw new LiteralError(unicodeError(start, pos, msg));
        v = v * 16 + h;
        i++;
        pos++;
      }
      if (v > 0x10ffff) throw new LiteralError(unicodeError(start, pos, 'illegal Unicode character'));
      out += String.fromCodePoint(v);
      continue;
    }
    if (e === 'N') {
      // No Unicode name database here: noted (the caller refuses the
      // scenario) and replaced, so that parsing goes on.
      seen.nEscape = true;
      if (body[i] === '{') {
        const close = body.indexOf('}', i);
        const end = close < 0 ? n : close + 1;
        pos += end - i;
        i = end;
      }
      out += '\ufffd';
      continue;
    }
    // unknown escape: kept as is (CPython only warns)
    out += '\\' + e;
  }
  return out;
}

export const N_ESCAPE = '\\N{...} escapes are not supported by PyGC Lab (it has no Unicode name database)';

function unicodeError(start: number, end: number, reason: string): string {
  const where = end - start === 1 ? `byte 0x5c in position ${start}` : `bytes in position ${start}-${end - 1}`;
  return `(unicode error) 'unicodeescape' codec can't decode ${where}: ${reason}`;
}

/** Decodes a bytes body; the body must be ASCII (checked by the caller). */
export function decodeBytes(body: string, raw: boolean): Uint8Array {
  const out: number[] = [];
  const n = body.length;
  let i = 0;
  while (i < n) {
    const c = body.charCodeAt(i);
    if (raw || c !== 92 || i + 1 >= n) { out.push(c); i++; continue; }
    const e = body[i + 1];
    const ec = body.charCodeAt(i + 1);
    const at = i;
    i += 2;
    if (e === '\n') continue;
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) { out.push(simple.charCodeAt(0)); continue; }
    if (isOct(ec)) {
      let v = ec - 48;
      for (let k = 0; k < 2 && i < n && isOct(body.charCodeAt(i)); k++) { v = v * 8 + body.charCodeAt(i) - 48; i++; }
      out.push(v & 0xff);
      continue;
    }
    if (e === 'x') {
      const h1 = i < n ? hexVal(body.charCodeAt(i)) : -1;
      const h2 = i + 1 < n ? hexVal(body.charCodeAt(i + 1)) : -1;
      if (h1 < 0 || h2 < 0) throw new LiteralError(`(value error) invalid \\x escape at position ${at}`);
      out.push(h1 * 16 + h2);
      i += 2;
      continue;
    }
    out.push(92, ec);
  }
  return Uint8Array.from(out);
}

export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 128) return false;
  return true;
}

// ---- f-strings --------------------------------------------------------------

/** Where an f-string replacement field's expression sits in the body. */
export interface FieldExpr {
  /** Offsets in the body: the expression text is body.slice(start, end). */
  start: number;
  end: number;
}

export interface FStringSink {
  /** Literal text (already unescaped unless raw). */
  literal(text: string): void;
  /** Parses body.slice(start, end) as an expression; returns an opaque node. */
  expr(field: FieldExpr): unknown;
  /** Builds a FormattedValue from the parsed pieces. */
  formatted(value: unknown, conversion: number, spec: unknown | null, debugText: string | null): void;
  /** Starts / finishes a nested format spec; `finish` returns its node. */
  beginSpec(): void;
  endSpec(): unknown;
}

const MAXLEVEL = 200;

/**
 * Scans an f-string body like fstring_find_literal_and_expr, feeding the sink.
 * Throws LiteralError with CPython's f-string messages.
 */
export function scanFString(body: string, raw: boolean, sink: FStringSink, seen: { nEscape: boolean }): void {
  const pos = { i: 0 };
  scanLevel(body, raw, 0, pos, sink, seen);
}

function scanLevel(body: string, raw: boolean, level: number, pos: { i: number }, sink: FStringSink,
  seen: { nEscape: boolean }): void {
  const end = body.length;
  for (;;) {
    // literal part
    const litStart = pos.i;
    let s = pos.i;
    let more = false;
    let stop = end;
    while (s < end) {
      let ch = body.charCodeAt(s++);
      if (!raw && ch === 92 && s < end) {
        ch = body.charCodeAt(s++);
        if (ch === 78) { // \N{...}
          if (s < end && body.charCodeAt(s++) === 123) {
            while (s < end && body.charCodeAt(s++) !== 125) { /* skip the name */ }
          }
          continue;
        }
      }
      if (ch === 123 || ch === 125) {
        if (level === 0) {
          if (s < end && body.charCodeAt(s) === ch) {
            stop = s; // the literal keeps one brace
            pos.i = s + 1;
            more = true;
            break;
          }
          if (ch === 125) throw new LiteralError("f-string: single '}' is not allowed");
        }
        s--;
        stop = s;
        break;
      }
    }
    if (!more) { pos.i = s; stop = s; }
    if (stop > litStart) {
      const text = body.slice(litStart, stop);
      sink.literal(raw ? text : decodeStr(text, seen));
    }
    if (more) continue;
    if (pos.i >= end || body.charCodeAt(pos.i) === 125) break;
    // an expression
    scanExpr(body, raw, level, pos, sink, seen);
  }
  if (level === 0 && pos.i < end - 1) throw new LiteralError('f-string: unexpected end of string');
  if (level !== 0 && body.charCodeAt(pos.i) !== 125) throw new LiteralError("f-string: expecting '}'");
}

function scanExpr(body: string, raw: boolean, level: number, pos: { i: number }, sink: FStringSink,
  seen: { nEscape: boolean }): void {
  const end = body.length;
  if (level >= 2) throw new LiteralError('f-string: expressions nested too deeply');
  pos.i++; // '{'
  const exprStart = pos.i;
  let quote = 0;
  let stringType = 0;
  const stack: number[] = [];
  let i = pos.i;
  for (; i < end; i++) {
    const ch = body.charCodeAt(i);
    if (ch === 92) throw new LiteralError('f-string expression part cannot include a backslash');
    if (quote) {
      if (ch === quote) {
        if (stringType === 3) {
          if (i + 2 < end && body.charCodeAt(i + 1) === ch && body.charCodeAt(i + 2) === ch) {
            i += 2; stringType = 0; quote = 0;
          }
        } else { stringType = 0; quote = 0; }
      }
      continue;
    }
    if (ch === 39 || ch === 34) {
      if (i + 2 < end && body.charCodeAt(i + 1) === ch && body.charCodeAt(i + 2) === ch) { stringType = 3; i += 2; }
      else stringType = 1;
      quote = ch;
    } else if (ch === 91 || ch === 123 || ch === 40) {
      if (stack.length >= MAXLEVEL) throw new LiteralError('f-string: too many nested parenthesis');
      stack.push(ch);
    } else if (ch === 35) {
      throw new LiteralError("f-string expression part cannot include '#'");
    } else if (stack.length === 0 && (ch === 33 || ch === 58 || ch === 125 || ch === 61 || ch === 62 || ch === 60)) {
      if (i + 1 < end) {
        const next = body.charCodeAt(i + 1);
        if ((ch === 33 && next === 61) || (ch === 61 && next === 61) || (ch === 60 && next === 61) || (ch === 62 && next === 61)) {
          i++;
          continue;
        }
      }
      if (ch === 62 || ch === 60) continue;
      break;
    } else if (ch === 93 || ch === 125 || ch === 41) {
      const open = stack.pop();
      if (open === undefined) throw new LiteralError(`f-string: unmatched '${String.fromCharCode(ch)}'`);
      const ok = (open === 40 && ch === 41) || (open === 91 && ch === 93) || (open === 123 && ch === 125);
      if (!ok) {
        throw new LiteralError(`f-string: closing parenthesis '${String.fromCharCode(ch)}' does not match opening parenthesis '${String.fromCharCode(open)}'`);
      }
    }
  }
  const exprEnd = i;
  if (quote) throw new LiteralError('f-string: unterminated string');
  if (stack.length) throw new LiteralError(`f-string: unmatched '${String.fromCharCode(stack[stack.length - 1])}'`);
  if (i >= end) throw new LiteralError("f-string: expecting '}'");

  // all whitespace?
  let k = exprStart;
  while (k < exprEnd) {
    const c = body.charCodeAt(k);
    if (!(c === 32 || c === 9 || c === 10 || c === 12)) break;
    k++;
  }
  if (k === exprEnd) {
    const c = body[exprEnd];
    if (c === '!' || c === ':' || c === '=') throw new LiteralError(`f-string: expression required before '${c}'`);
    throw new LiteralError('f-string: empty expression not allowed');
  }
  const value = sink.expr({ start: exprStart, end: exprEnd });

  let debugText: string | null = null;
  let conversion = -1;
  let spec: unknown | null = null;
  if (body.charCodeAt(i) === 61) {
    i++;
    while (i < end && isSpace(body.charCodeAt(i))) i++;
    if (i >= end) throw new LiteralError("f-string: expecting '}'");
    debugText = body.slice(exprStart, i);
  }
  if (body.charCodeAt(i) === 33) {
    i++;
    if (i >= end) throw new LiteralError("f-string: expecting '}'");
    conversion = body.charCodeAt(i);
    i++;
    if (!(conversion === 115 || conversion === 114 || conversion === 97)) {
      throw new LiteralError("f-string: invalid conversion character: expected 's', 'r', or 'a'");
    }
  }
  if (i < end && body.charCodeAt(i) === 58) {
    i++;
    if (i >= end) throw new LiteralError("f-string: expecting '}'");
    pos.i = i;
    sink.beginSpec();
    scanLevel(body, raw, level + 1, pos, sink, seen);
    spec = sink.endSpec();
    i = pos.i;
  }
  if (i >= end || body.charCodeAt(i) !== 125) throw new LiteralError("f-string: expecting '}'");
  i++;
  pos.i = i;
  if (debugText !== null && spec === null && conversion === -1) conversion = 114;
  sink.formatted(value, conversion, spec, debugText);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;
}
