// int(str, base) and float(str) parsing as CPython 3.11 does it: Unicode
// digits and spaces, underscores, base prefixes, the 4300-digit limit, and
// the exact ValueError messages.

import { valueError } from './errors';
import { PyIntValue, intFromBig } from './int';
import { getIntMaxStrDigits } from './radix';
import { strRepr, truncatedRepr } from './strrepr';
import { decimalValue, isSpaceCp } from './unicode';

/** _PyUnicode_TransformDecimalAndSpaceToASCII: Unicode digits -> '0'..'9', spaces -> ' ', stops at '?'. */
export function transformDecimalAndSpace(s: string): string {
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) >= 127) {
      ascii = false;
      break;
    }
  }
  if (ascii) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 127) {
      out += s[i];
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
        i++;
      }
    }
    if (isSpaceCp(c)) {
      out += ' ';
    } else {
      const v = decimalValue(c);
      if (v < 0) return out + '?';
      out += String.fromCharCode(48 + v);
    }
  }
  return out;
}

/** Py_ISSPACE: the C-locale ASCII whitespace. */
function isAsciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** _PyLong_DigitValue: 0-35 for [0-9a-zA-Z], 37 otherwise. */
function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  if (c >= 65 && c <= 90) return c - 55;
  return 37;
}

/** int(s, base) for a str s; base 0 or 2..36. */
export function intFromString(u: string, base = 10): PyIntValue {
  if ((base !== 0 && base < 2) || base > 36) throw valueError('int() base must be >= 2 and <= 36, or 0');
  const s = transformDecimalAndSpace(u);
  const r = parseIntAscii(s, base);
  if (r === null) throw valueError(`invalid literal for int() with base ${base}: ${truncatedRepr(u)}`);
  return r;
}

function parseIntAscii(s: string, base: number): PyIntValue | null {
  const n = s.length;
  let p = 0;
  while (p < n && isAsciiSpace(s.charCodeAt(p))) p++;
  let negative = false;
  if (s.charCodeAt(p) === 43) p++;
  else if (s.charCodeAt(p) === 45) {
    p++;
    negative = true;
  }
  let errorIfNonzero = false;
  const c0 = s.charCodeAt(p);
  const c1 = s.charCodeAt(p + 1) | 32;
  if (base === 0) {
    if (c0 !== 48) base = 10;
    else if (c1 === 120) base = 16;
    else if (c1 === 111) base = 8;
    else if (c1 === 98) base = 2;
    else {
      errorIfNonzero = true;
      base = 10;
    }
  }
  if (c0 === 48 && ((base === 16 && c1 === 120) || (base === 8 && c1 === 111) || (base === 2 && c1 === 98))) {
    p += 2;
    if (s.charCodeAt(p) === 95) p++;
  }
  if (s.charCodeAt(p) === 95) return null;
  const start = p;
  let digits = '';
  let count = 0;
  let prev = 0;
  let runStart = p;
  while (p < n) {
    const c = s.charCodeAt(p);
    if (c === 95) {
      if (prev === 95) return null;
      digits += s.slice(runStart, p);
      runStart = p + 1;
    } else if (digitValue(c) < base) {
      count++;
    } else {
      break;
    }
    prev = c;
    p++;
  }
  if (prev === 95) return null;
  digits += s.slice(runStart, p);
  if ((base & (base - 1)) !== 0) {
    const limit = getIntMaxStrDigits();
    if (limit > 0 && count > limit) {
      throw valueError(
        `Exceeds the limit (${limit} digits) for integer string conversion: value has ${count} digits; use sys.set_int_max_str_digits() to increase the limit`,
      );
    }
  }
  if (p === start) return null;
  const value = digitsToInt(digits, base);
  if (errorIfNonzero && value !== 0) return null;
  while (p < n && isAsciiSpace(s.charCodeAt(p))) p++;
  if (p !== n) return null;
  if (!negative) return value;
  return typeof value === 'number' ? (value === 0 ? 0 : -value) : intFromBig(-value);
}

/** Value of a string of valid digits in `base`. */
function digitsToInt(d: string, base: number): PyIntValue {
  if (d.length <= 10 || (base <= 10 && d.length <= 15) || (base <= 16 && d.length <= 13)) {
    return parseInt(d, base);
  }
  if (base === 10) return intFromBig(BigInt(d));
  if (base === 16) return intFromBig(BigInt('0x' + d));
  if (base === 8) return intFromBig(BigInt('0o' + d));
  if (base === 2) return intFromBig(BigInt('0b' + d));
  // chunks of 10 digits keep each parseInt exact (36**10 < 2**53)
  const bb = BigInt(base);
  let acc = 0n;
  let i = 0;
  while (i < d.length) {
    const len = Math.min(10, d.length - i);
    acc = acc * bb ** BigInt(len) + BigInt(parseInt(d.slice(i, i + len), base));
    i += len;
  }
  return intFromBig(acc);
}

const FLOAT_RE = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;

/** float(s) for a str s. */
export function floatFromString(u: string): number {
  const s = transformDecimalAndSpace(u);
  const r = parseFloatAscii(s);
  if (r === null) throw valueError('could not convert string to float: ' + strRepr(u));
  return r;
}

function parseFloatAscii(s: string): number | null {
  if (s.indexOf('_') >= 0) {
    // underscores only between digits
    let out = '';
    let prev = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 95) {
        if (!(prev >= 48 && prev <= 57)) return null;
      } else {
        if (prev === 95 && !(c >= 48 && c <= 57)) return null;
        out += s[i];
      }
      prev = c;
    }
    if (prev === 95) return null;
    s = out;
  }
  let a = 0;
  let b = s.length;
  while (a < b && isAsciiSpace(s.charCodeAt(a))) a++;
  if (a === b) return null;
  while (b - 1 > a && isAsciiSpace(s.charCodeAt(b - 1))) b--;
  const t = a === 0 && b === s.length ? s : s.slice(a, b);
  if (FLOAT_RE.test(t)) return Number(t);
  let body = t;
  let sign = 1;
  const c = t.charCodeAt(0);
  if (c === 43 || c === 45) {
    body = t.slice(1);
    if (c === 45) sign = -1;
  }
  switch (body.toLowerCase()) {
    case 'inf':
    case 'infinity':
      return sign * Infinity;
    case 'nan':
      return NaN;
    default:
      return null;
  }
}
