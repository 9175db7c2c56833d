// Case mapping (upper/lower/casefold/title/capitalize/swapcase, with
// CPython's final-sigma rule) and the str.isX() predicates, on Unicode 14.

import { codePointAtUnit, fromCodePoints, toCodePoints } from './codepoints';
import {
  F_ALNUM, F_ALPHA, F_CASED, F_CASE_IGNORABLE, F_DECIMAL, F_DIGIT, F_LOWER, F_NUMERIC, F_PRINTABLE, F_TITLE,
  F_UPPER, F_XID_CONTINUE, F_XID_START, cpFlags, foldOf, isSpaceCp, lowerOf, titleOf, upperOf,
} from './unicode';

function isSpaceUnit(c: number): boolean {
  // no whitespace lies outside the BMP, so code units can be tested directly
  return c < 128 ? c === 32 || (c >= 9 && c <= 13) || (c >= 28 && c <= 31) : isSpaceCp(c);
}

// ---------------------------------------------------------------- case mapping

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

/** handle_capital_sigma: final or medial lowercase sigma for U+03A3 at cps[i]. */
function sigmaAt(cps: readonly number[], i: number): number {
  let j = i - 1;
  while (j >= 0 && cpFlags(cps[j]) & F_CASE_IGNORABLE) j--;
  let final = j >= 0 && (cpFlags(cps[j]) & F_CASED) !== 0;
  if (final && i + 1 < cps.length) {
    j = i + 1;
    while (j < cps.length && cpFlags(cps[j]) & F_CASE_IGNORABLE) j++;
    final = j === cps.length || (cpFlags(cps[j]) & F_CASED) === 0;
  }
  return final ? 0x3c2 : 0x3c3;
}

function push(out: number[], m: number | string): void {
  if (typeof m === 'number') out.push(m);
  else for (const c of toCodePoints(m)) out.push(c);
}

function lowerAt(cps: readonly number[], i: number, out: number[]): void {
  const c = cps[i];
  if (c === 0x3a3) out.push(sigmaAt(cps, i));
  else push(out, lowerOf(c));
}

/** s.upper(). */
export function strUpper(s: string): string {
  if (isAscii(s)) return s.toUpperCase();
  const out: number[] = [];
  for (const c of toCodePoints(s)) push(out, upperOf(c));
  return fromCodePoints(out);
}

/** s.lower(). */
export function strLower(s: string): string {
  if (isAscii(s)) return s.toLowerCase();
  const cps = toCodePoints(s);
  const out: number[] = [];
  for (let i = 0; i < cps.length; i++) lowerAt(cps, i, out);
  return fromCodePoints(out);
}

/** s.casefold(). */
export function strCasefold(s: string): string {
  if (isAscii(s)) return s.toLowerCase();
  const out: number[] = [];
  for (const c of toCodePoints(s)) push(out, foldOf(c));
  return fromCodePoints(out);
}

function asciiSwap(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : c >= 97 && c <= 122 ? String.fromCharCode(c - 32) : s[i];
  }
  return out;
}

function asciiTitle(s: string): string {
  let out = '';
  let prevCased = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const upper = c >= 65 && c <= 90;
    const lower = c >= 97 && c <= 122;
    if (prevCased) out += upper ? String.fromCharCode(c + 32) : s[i];
    else out += lower ? String.fromCharCode(c - 32) : s[i];
    prevCased = upper || lower;
  }
  return out;
}

/** s.swapcase(). */
export function strSwapcase(s: string): string {
  if (isAscii(s)) return asciiSwap(s);
  const cps = toCodePoints(s);
  const out: number[] = [];
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i];
    const f = cpFlags(c);
    if (f & F_UPPER) lowerAt(cps, i, out);
    else if (f & F_LOWER) push(out, upperOf(c));
    else out.push(c);
  }
  return fromCodePoints(out);
}

/** s.title(). */
export function strTitle(s: string): string {
  if (isAscii(s)) return asciiTitle(s);
  const cps = toCodePoints(s);
  const out: number[] = [];
  let prevCased = false;
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i];
    if (prevCased) lowerAt(cps, i, out);
    else push(out, titleOf(c));
    prevCased = (cpFlags(c) & F_CASED) !== 0;
  }
  return fromCodePoints(out);
}

/** s.capitalize(). */
export function strCapitalize(s: string): string {
  if (s.length === 0) return s;
  if (isAscii(s)) return s[0].toUpperCase() + s.slice(1).toLowerCase();
  const cps = toCodePoints(s);
  const out: number[] = [];
  push(out, titleOf(cps[0]));
  for (let i = 1; i < cps.length; i++) lowerAt(cps, i, out);
  return fromCodePoints(out);
}

// ---------------------------------------------------------------- predicates

function allHave(s: string, mask: number): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      c = codePointAtUnit(s, i);
      if (c > 0xffff) i++;
    }
    if ((cpFlags(c) & mask) === 0) return false;
  }
  return true;
}

export function strIsalpha(s: string): boolean {
  return allHave(s, F_ALPHA);
}

export function strIsalnum(s: string): boolean {
  return allHave(s, F_ALNUM);
}

export function strIsdecimal(s: string): boolean {
  return allHave(s, F_DECIMAL);
}

export function strIsdigit(s: string): boolean {
  return allHave(s, F_DIGIT);
}

export function strIsnumeric(s: string): boolean {
  return allHave(s, F_NUMERIC);
}

export function strIsspace(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (!isSpaceUnit(s.charCodeAt(i))) return false;
  return true;
}

/** s.isprintable() (True for ''). */
export function strIsprintable(s: string): boolean {
  return s.length === 0 || allHave(s, F_PRINTABLE);
}

/** s.isascii(). */
export function strIsascii(s: string): boolean {
  return isAscii(s);
}

export function strIsupper(s: string): boolean {
  const cps = toCodePoints(s);
  if (cps.length === 1) return (cpFlags(cps[0]) & F_UPPER) !== 0;
  let cased = false;
  for (const c of cps) {
    const f = cpFlags(c);
    if (f & (F_LOWER | F_TITLE)) return false;
    if (f & F_UPPER) cased = true;
  }
  return cased;
}

export function strIslower(s: string): boolean {
  const cps = toCodePoints(s);
  if (cps.length === 1) return (cpFlags(cps[0]) & F_LOWER) !== 0;
  let cased = false;
  for (const c of cps) {
    const f = cpFlags(c);
    if (f & (F_UPPER | F_TITLE)) return false;
    if (f & F_LOWER) cased = true;
  }
  return cased;
}

export function strIstitle(s: string): boolean {
  const cps = toCodePoints(s);
  if (cps.length === 1) return (cpFlags(cps[0]) & (F_TITLE | F_UPPER)) !== 0;
  let cased = false;
  let prev = false;
  for (const c of cps) {
    const f = cpFlags(c);
    if (f & (F_UPPER | F_TITLE)) {
      if (prev) return false;
      prev = cased = true;
    } else if (f & F_LOWER) {
      if (!prev) return false;
      prev = cased = true;
    } else {
      prev = false;
    }
  }
  return cased;
}

export function strIsidentifier(s: string): boolean {
  const cps = toCodePoints(s);
  if (cps.length === 0) return false;
  if (!(cpFlags(cps[0]) & F_XID_START)) return false;
  for (let i = 1; i < cps.length; i++) if (!(cpFlags(cps[i]) & F_XID_CONTINUE)) return false;
  return true;
}
