// repr() and ascii() of str, and repr() of bytes, exactly as CPython writes
// them: quote choice, backslash escapes, and str.isprintable() for non-ASCII.

import { isPrintableCp } from './unicode';

const HEX = '0123456789abcdef';

function hex2(c: number): string {
  return HEX[(c >> 4) & 15] + HEX[c & 15];
}

function escapeCp(c: number): string {
  if (c <= 0xff) return '\\x' + hex2(c);
  if (c <= 0xffff) return '\\u' + hex2(c >> 8) + hex2(c);
  return '\\U' + hex2(c >> 24) + hex2(c >> 16) + hex2(c >> 8) + hex2(c);
}

/** True when the string needs no escaping and contains no quote or backslash. */
function isPlainAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c > 126 || c === 39 || c === 92) return false;
  }
  return true;
}

function reprImpl(s: string, asciiOnly: boolean): string {
  if (isPlainAscii(s)) return "'" + s + "'";
  const quote = s.indexOf("'") >= 0 && s.indexOf('"') < 0 ? 34 : 39;
  let out = quote === 34 ? '"' : "'";
  let runStart = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    let width = 1;
    if (c >= 32 && c < 127 && c !== quote && c !== 92) continue;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    let rep: string | null;
    if (c === quote || c === 92) rep = '\\' + String.fromCharCode(c);
    else if (c === 9) rep = '\\t';
    else if (c === 10) rep = '\\n';
    else if (c === 13) rep = '\\r';
    else if (c < 32 || c === 127) rep = '\\x' + hex2(c);
    else if (asciiOnly || !isPrintableCp(c)) rep = escapeCp(c);
    else rep = null;
    if (rep !== null) {
      out += s.slice(runStart, i) + rep;
      runStart = i + width;
    }
    i += width - 1;
  }
  return out + s.slice(runStart) + (quote === 34 ? '"' : "'");
}

/** repr(s) for a Python str. */
export function strRepr(s: string): string {
  return reprImpl(s, false);
}

/** ascii(s) for a Python str: like repr() with every non-ASCII character escaped. */
export function strAscii(s: string): string {
  return reprImpl(s, true);
}

/**
 * ascii() applied to an arbitrary repr string: escapes its non-ASCII
 * characters the way PyObject_ASCII does (\xhh, \uhhhh, \Uhhhhhhhh).
 */
export function asciiEscape(repr: string): string {
  let out = '';
  let runStart = 0;
  const n = repr.length;
  for (let i = 0; i < n; i++) {
    let c = repr.charCodeAt(i);
    if (c < 128) continue;
    let width = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = repr.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    out += repr.slice(runStart, i) + escapeCp(c);
    runStart = i + width;
    i += width - 1;
  }
  return runStart === 0 ? repr : out + repr.slice(runStart);
}

/** repr(b) for bytes: b'...' with the same quote choice as str (bytearray wraps it). */
export function bytesRepr(b: Uint8Array): string {
  let single = false;
  let double = false;
  for (let i = 0; i < b.length; i++) {
    if (b[i] === 39) single = true;
    else if (b[i] === 34) double = true;
  }
  const quote = single && !double ? 34 : 39;
  let out = quote === 34 ? 'b"' : "b'";
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c === quote || c === 92) out += '\\' + String.fromCharCode(c);
    else if (c === 9) out += '\\t';
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c < 32 || c >= 127) out += '\\x' + hex2(c);
    else out += String.fromCharCode(c);
  }
  return out + (quote === 34 ? '"' : "'");
}

/** repr truncated to at most `max` code points, as CPython's "%.200R" does. */
export function truncatedRepr(s: string, max = 200): string {
  const r = strRepr(s);
  if (r.length <= max) return r;
  let i = 0;
  let count = 0;
  while (i < r.length && count < max) {
    const c = r.charCodeAt(i);
    const d = i + 1 < r.length ? r.charCodeAt(i + 1) : 0;
    i += c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
    count++;
  }
  return r.slice(0, i);
}
