// The format-spec mini-language behind format(), f-strings and str.format:
// spec parsing and int/float/str rendering, ported from CPython 3.11's
// Python/formatter_unicode.c (C locale for 'n').

import { codePointAtUnit, cpLength, cpSlice, cpToString, toCodePoints } from './codepoints';
import { PyError, overflowError, valueError } from './errors';
import { DTSF_ADD_DOT_0, DTSF_ALT, DTSF_NO_NEG_0, FloatFormatCode, doubleToString } from './floatrepr';
import { PyIntValue, intToFloat } from './int';
import { intDigits, intToStr } from './radix';
import { decimalValue } from './unicode';

/** A parsed format spec ([[fill]align][sign][z][#][0][width][,|_][.precision][type]). */
export interface FormatSpec {
  readonly fill: string;
  readonly align: string; // one of < > = ^
  readonly alternate: boolean;
  readonly noNeg0: boolean;
  readonly sign: string; // '' | '+' | '-' | ' '
  readonly width: number; // -1: not given
  readonly thousands: string; // '' | ',' | '_'
  readonly groupSize: number; // 0 (no grouping), 3 or 4
  readonly precision: number; // -1: not given
  readonly type: string; // '' when omitted
}

const PY_SSIZE_T_MAX = 9223372036854775807n;

function isAlign(c: number): boolean {
  return c === 60 || c === 62 || c === 61 || c === 94;
}

/** get_integer over code points: [value, next position]; value -1 when no digits. */
function readInteger(cps: number[], pos: number): [number, number] {
  let acc = 0;
  let big: bigint | null = null;
  let n = 0;
  while (pos < cps.length) {
    const d = decimalValue(cps[pos]);
    if (d < 0) break;
    if (big === null && acc < 1e14) {
      acc = acc * 10 + d;
    } else {
      if (big === null) big = BigInt(acc);
      big = big * 10n + BigInt(d);
      if (big > PY_SSIZE_T_MAX) throw valueError('Too many decimal digits in format string');
    }
    pos++;
    n++;
  }
  if (n === 0) return [-1, pos];
  return [big !== null ? Number(big) : acc, pos];
}

function presentationChar(c: number): string {
  return c > 32 && c < 128 ? String.fromCharCode(c) : '\\x' + c.toString(16);
}

const specCache = new Map<string, FormatSpec>();

/** parse_internal_render_format_spec. `typeName` only shapes error messages. */
export function parseFormatSpec(spec: string, defaultType: string, defaultAlign: string, typeName: string): FormatSpec {
  const key = defaultType + defaultAlign + spec;
  const hit = specCache.get(key);
  if (hit !== undefined) return hit;
  const cps = toCodePoints(spec);
  const end = cps.length;
  let pos = 0;
  let fill = ' ';
  let align = defaultAlign;
  let fillSpecified = false;
  let alignSpecified = false;
  let alternate = false;
  let noNeg0 = false;
  let sign = '';
  let thousands = '';
  let precision = -1;
  let type = defaultType;
  if (end - pos >= 2 && isAlign(cps[pos + 1])) {
    align = String.fromCharCode(cps[pos + 1]);
    fill = cpToString(cps[pos]);
    fillSpecified = alignSpecified = true;
    pos += 2;
  } else if (end - pos >= 1 && isAlign(cps[pos])) {
    align = String.fromCharCode(cps[pos]);
    alignSpecified = true;
    pos++;
  }
  if (end - pos >= 1 && (cps[pos] === 43 || cps[pos] === 45 || cps[pos] === 32)) {
    sign = String.fromCharCode(cps[pos]);
    pos++;
  }
  if (end - pos >= 1 && cps[pos] === 122) {
    noNeg0 = true;
    pos++;
  }
  if (end - pos >= 1 && cps[pos] === 35) {
    alternate = true;
    pos++;
  }
  if (!fillSpecified && end - pos >= 1 && cps[pos] === 48) {
    fill = '0';
    if (!alignSpecified && defaultAlign === '>') align = '=';
    pos++;
  }
  let width: number;
  [width, pos] = readInteger(cps, pos);
  if (end - pos >= 1 && cps[pos] === 44) {
    thousands = ',';
    pos++;
  }
  if (end - pos >= 1 && cps[pos] === 95) {
    if (thousands !== '') throw valueError("Cannot specify both ',' and '_'.");
    thousands = '_';
    pos++;
  }
  if (end - pos >= 1 && cps[pos] === 44 && thousands === '_') throw valueError("Cannot specify both ',' and '_'.");
  if (end - pos >= 1 && cps[pos] === 46) {
    pos++;
    [precision, pos] = readInteger(cps, pos);
    if (precision < 0) throw valueError('Format specifier missing precision');
  }
  if (end - pos > 1) {
    throw valueError(`Invalid format specifier '${spec}' for object of type '${typeName}'`);
  }
  if (end - pos === 1) type = cpToString(cps[pos]);
  let groupSize = thousands === '' ? 0 : 3;
  if (thousands !== '') {
    let ok: boolean;
    switch (type) {
      case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case '':
        ok = true;
        break;
      case 'b': case 'o': case 'x': case 'X':
        ok = thousands === '_';
        if (ok) groupSize = 4;
        break;
      default:
        ok = false;
    }
    if (!ok) throw valueError(`Cannot specify '${thousands}' with '${presentationChar(codePointAtUnit(type, 0))}'.`);
  }
  const parsed: FormatSpec = {
    fill, align, alternate, noNeg0, sign, width, thousands, groupSize, precision, type,
  };
  if (specCache.size > 512) specCache.clear();
  specCache.set(key, parsed);
  return parsed;
}

function unknownPresentation(type: string, typeName: string): PyError {
  return valueError(
    `Unknown format code '${presentationChar(codePointAtUnit(type, 0))}' for object of type '${typeName}'`,
  );
}

/** n copies of a fill character (a string of one code point). */
export function repeatFill(fill: string, n: number): string {
  if (n <= 0) return '';
  if (n > 0x10000000) throw new PyError('MemoryError', '');
  return n === 1 ? fill : fill.repeat(n);
}

/** _PyUnicode_InsertThousandsGrouping: digits grouped, zero-padded to minWidth. */
function groupDigits(digits: string, minWidth: number, sep: string, group: number): string {
  if (minWidth < 0) minWidth = 0;
  let remaining = digits.length;
  let dpos = digits.length;
  let out = '';
  let useSep = false;
  if (group > 0) {
    for (;;) {
      const len = Math.min(group, Math.max(remaining, minWidth, 1));
      const nZeros = Math.max(0, len - remaining);
      const nChars = Math.max(0, Math.min(remaining, len));
      out = repeatFill('0', nZeros) + digits.slice(dpos - nChars, dpos) + (useSep ? sep : '') + out;
      dpos -= nChars;
      useSep = true;
      remaining -= nChars;
      minWidth -= len;
      if (remaining <= 0 && minWidth <= 0) return out;
      minWidth -= sep.length;
    }
  }
  const len = Math.max(remaining, minWidth, 1);
  return repeatFill('0', len - remaining) + digits.slice(0, dpos) + out;
}

/** calc_number_widths + fill_number: lay out sign, prefix, digits, decimal and remainder. */
function layoutNumber(
  f: FormatSpec,
  negative: boolean,
  prefix: string,
  digits: string,
  hasDecimal: boolean,
  remainder: string,
): string {
  let signStr = '';
  if (f.sign === '+') signStr = negative ? '-' : '+';
  else if (f.sign === ' ') signStr = negative ? '-' : ' ';
  else if (negative) signStr = '-';
  const nRemainder = remainder.length < 2 ? remainder.length : cpLength(remainder);
  const nonDigit = signStr.length + prefix.length + (hasDecimal ? 1 : 0) + nRemainder;
  const minWidth = f.fill === '0' && f.align === '=' ? f.width - nonDigit : 0;
  let grouped = '';
  if (digits.length !== 0) {
    const sep = f.groupSize === 0 ? '' : f.thousands;
    grouped = f.groupSize === 0 && minWidth <= digits.length ? digits : groupDigits(digits, minWidth, sep, f.groupSize);
  }
  const padding = f.width - (nonDigit + grouped.length);
  let lpad = 0;
  let spad = 0;
  let rpad = 0;
  if (padding > 0) {
    switch (f.align) {
      case '<': rpad = padding; break;
      case '^': lpad = Math.floor(padding / 2); rpad = padding - lpad; break;
      case '=': spad = padding; break;
      default: lpad = padding;
    }
  }
  let out = lpad ? repeatFill(f.fill, lpad) : '';
  out += signStr + prefix;
  if (spad) out += repeatFill(f.fill, spad);
  out += grouped;
  if (hasDecimal) out += '.';
  out += remainder;
  if (rpad) out += repeatFill(f.fill, rpad);
  return out;
}

/** format(v, spec) for an int (`typeName` for messages, e.g. 'bool'). */
export function formatInt(v: PyIntValue, spec: string, typeName = 'int'): string {
  if (spec === '') return intToStr(v);
  const f = parseFormatSpec(spec, 'd', '>', typeName);
  switch (f.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
      return formatIntInternal(v, f);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
      return formatFloatInternal(intToFloat(v), f);
    default:
      throw unknownPresentation(f.type, typeName);
  }
}

function formatIntInternal(v: PyIntValue, f: FormatSpec): string {
  if (f.precision !== -1) throw valueError('Precision not allowed in integer format specifier');
  if (f.noNeg0) throw valueError('Negative zero coercion (z) not allowed in integer format specifier');
  if (f.type === 'c') {
    if (f.sign !== '') throw valueError("Sign not allowed with integer format specifier 'c'");
    if (f.alternate) throw valueError("Alternate form (#) not allowed with integer format specifier 'c'");
    if (typeof v === 'bigint' && (v > 9223372036854775807n || v < -9223372036854775808n)) {
      throw overflowError('Python int too large to convert to C long');
    }
    if (v < 0 || v > 0x10ffff) throw overflowError('%c arg not in range(0x110000)');
    return layoutNumber(f, false, '', '', false, cpToString(Number(v)));
  }
  let base: 2 | 8 | 10 | 16 = 10;
  let prefix = '';
  switch (f.type) {
    case 'b': base = 2; prefix = '0b'; break;
    case 'o': base = 8; prefix = '0o'; break;
    case 'x': base = 16; prefix = '0x'; break;
    case 'X': base = 16; prefix = '0X'; break;
  }
  let digits = intDigits(v, base);
  if (f.type === 'X') digits = digits.toUpperCase();
  return layoutNumber(f, v < 0, f.alternate ? prefix : '', digits, false, '');
}

/** format(x, spec) for a float. */
export function formatFloat(x: number, spec: string, typeName = 'float', py2 = false): string {
  const f = parseFormatSpec(spec, '', '>', typeName);
  switch (f.type) {
    case '': case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
      return formatFloatInternal(x, f, py2);
    default:
      throw unknownPresentation(f.type, typeName);
  }
}

/** `py2`: 2.7's omitted type is 'g' with str()'s 12 significant digits (PyFloat_STR_PRECISION), not repr's shortest. */
function formatFloatInternal(x: number, f: FormatSpec, py2 = false): string {
  if (f.precision > 2147483647) throw valueError('precision too big');
  let precision = f.precision;
  let flags = 0;
  if (f.alternate) flags |= DTSF_ALT;
  if (f.noNeg0) flags |= DTSF_NO_NEG_0;
  let type = f.type;
  let defaultPrecision = 6;
  if (type === '') {
    flags |= DTSF_ADD_DOT_0;
    type = py2 ? 'g' : 'r';
    defaultPrecision = py2 ? 12 : 0;
  }
  if (type === 'n') type = 'g';
  let pct = false;
  if (type === '%') {
    type = 'f';
    x *= 100;
    pct = true;
  }
  if (precision < 0) precision = defaultPrecision;
  else if (type === 'r') type = 'g';
  let buf = doubleToString(x, type as FloatFormatCode, precision, flags);
  if (pct) buf += '%';
  if (f.sign !== '+' && f.sign !== ' ' && f.width === -1 && f.thousands === '') return buf;
  let negative = false;
  let i = 0;
  if (buf.charCodeAt(0) === 45) {
    negative = true;
    i = 1;
  }
  let j = i;
  while (j < buf.length) {
    const c = buf.charCodeAt(j);
    if (c < 48 || c > 57) break;
    j++;
  }
  const digits = buf.slice(i, j);
  const hasDecimal = buf.charCodeAt(j) === 46;
  const remainder = buf.slice(hasDecimal ? j + 1 : j);
  return layoutNumber(f, negative, '', digits, hasDecimal, remainder);
}

/** format(s, spec) for a str. */
export function formatStr(s: string, spec: string, typeName = 'str'): string {
  if (spec === '') return s;
  const f = parseFormatSpec(spec, 's', '<', typeName);
  if (f.type !== 's') throw unknownPresentation(f.type, typeName);
  if (f.sign !== '') {
    throw valueError(f.sign === ' ' ? 'Space not allowed in string format specifier' : 'Sign not allowed in string format specifier');
  }
  if (f.noNeg0) throw valueError('Negative zero coercion (z) not allowed in string format specifier');
  if (f.alternate) throw valueError('Alternate form (#) not allowed in string format specifier');
  if (f.align === '=') throw valueError("'=' alignment not allowed in string format specifier");
  let len = cpLength(s);
  if ((f.width === -1 || f.width <= len) && (f.precision === -1 || f.precision >= len)) return s;
  if (f.precision >= 0 && len >= f.precision) {
    s = cpSlice(s, 0, f.precision);
    len = f.precision;
  }
  const total = f.width > len ? f.width : len;
  let lpad = 0;
  if (f.align === '>') lpad = total - len;
  else if (f.align === '^') lpad = Math.floor((total - len) / 2);
  const rpad = total - len - lpad;
  return repeatFill(f.fill, lpad) + s + repeatFill(f.fill, rpad);
}
