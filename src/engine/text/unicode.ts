// Unicode character properties and case mappings as CPython 3.11 sees them
// (Unicode 14.0), decoded lazily from the generated tables in unicode-data.ts.

import {
  DECIMAL_ZEROS,
  FOLD_MULTI,
  FOLD_RUNS,
  LOWER_MULTI,
  LOWER_RUNS,
  PROPERTY_RUNS,
  TITLE_MULTI,
  TITLE_RUNS,
  UPPER_MULTI,
  UPPER_RUNS,
} from './unicode-data';

export const F_PRINTABLE = 1;
export const F_SPACE = 2;
export const F_ALPHA = 4;
export const F_DECIMAL = 8;
export const F_DIGIT = 16;
export const F_NUMERIC = 32;
export const F_LOWER = 64;
export const F_UPPER = 128;
export const F_TITLE = 256;
export const F_XID_START = 512;
export const F_XID_CONTINUE = 1024;
export const F_CASE_IGNORABLE = 2048;
export const F_CASED = F_LOWER | F_UPPER | F_TITLE;
export const F_ALNUM = F_ALPHA | F_DECIMAL | F_DIGIT | F_NUMERIC;

let bmpFlags: Uint16Array | null = null;
let runStarts: Int32Array = new Int32Array(0);
let runMasks: Uint16Array = new Uint16Array(0);

function loadProperties(): Uint16Array {
  const toks = PROPERTY_RUNS.split(',');
  runStarts = new Int32Array(toks.length);
  runMasks = new Uint16Array(toks.length);
  let at = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const colon = t.indexOf(':');
    at += parseInt(t.slice(0, colon), 36);
    runStarts[i] = at;
    runMasks[i] = parseInt(t.slice(colon + 1), 36);
  }
  const table = new Uint16Array(0x10000);
  for (let i = 0; i < toks.length && runStarts[i] < 0x10000; i++) {
    const end = i + 1 < toks.length ? Math.min(runStarts[i + 1], 0x10000) : 0x10000;
    table.fill(runMasks[i], runStarts[i], end);
  }
  bmpFlags = table;
  return table;
}

/** Property flag bits (F_*) of one code point. */
export function cpFlags(cp: number): number {
  const t = bmpFlags ?? loadProperties();
  if (cp < 0x10000) return t[cp];
  let lo = 0;
  let hi = runStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (runStarts[mid] <= cp) lo = mid;
    else hi = mid - 1;
  }
  return runMasks[lo];
}

export function isPrintableCp(cp: number): boolean {
  return (cpFlags(cp) & F_PRINTABLE) !== 0;
}

/** Py_UNICODE_ISSPACE. */
export function isSpaceCp(cp: number): boolean {
  if (cp < 128) return cp === 32 || (cp >= 9 && cp <= 13) || (cp >= 28 && cp <= 31);
  return (cpFlags(cp) & F_SPACE) !== 0;
}

/** Py_UNICODE_ISLINEBREAK. */
export function isLineBreakCp(cp: number): boolean {
  return (
    (cp >= 10 && cp <= 13) || (cp >= 28 && cp <= 30) || cp === 0x85 || cp === 0x2028 || cp === 0x2029
  );
}

let decimalZeros: Int32Array | null = null;

/** Py_UNICODE_TODECIMAL: value 0..9 of a decimal digit, else -1. */
export function decimalValue(cp: number): number {
  if (cp < 128) return cp >= 48 && cp <= 57 ? cp - 48 : -1;
  if ((cpFlags(cp) & F_DECIMAL) === 0) return -1;
  let z = decimalZeros;
  if (z === null) {
    const toks = DECIMAL_ZEROS.split(',');
    z = new Int32Array(toks.length);
    let at = 0;
    for (let i = 0; i < toks.length; i++) z[i] = at += parseInt(toks[i], 36);
    decimalZeros = z;
  }
  let lo = 0;
  let hi = z.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (z[mid] <= cp) lo = mid;
    else hi = mid - 1;
  }
  return cp - z[lo];
}

/** A case mapping: code point -> code point (number) or several (string). */
type CaseTable = Map<number, number | string>;

function loadCase(runs: string, multi: readonly (readonly [number, string])[]): CaseTable {
  const m: CaseTable = new Map();
  let at = 0;
  for (const t of runs.split(',')) {
    const p = t.split(':');
    at += parseInt(p[0], 36);
    const n = parseInt(p[1], 36);
    const stride = +p[2];
    const d = parseInt(p[3], 36);
    for (let k = 0; k < n; k++) m.set(at + k * stride, at + k * stride + d);
  }
  for (const [cp, s] of multi) m.set(cp, s);
  return m;
}

let upperT: CaseTable | null = null;
let lowerT: CaseTable | null = null;
let titleT: CaseTable | null = null;
let foldT: CaseTable | null = null;

/** Full uppercase mapping (_PyUnicode_ToUpperFull): a code point or a string. */
export function upperOf(cp: number): number | string {
  if (cp < 128) return cp >= 97 && cp <= 122 ? cp - 32 : cp;
  const r = (upperT ??= loadCase(UPPER_RUNS, UPPER_MULTI)).get(cp);
  return r === undefined ? cp : r;
}

/** Full lowercase mapping (_PyUnicode_ToLowerFull), without the final-sigma rule. */
export function lowerOf(cp: number): number | string {
  if (cp < 128) return cp >= 65 && cp <= 90 ? cp + 32 : cp;
  const r = (lowerT ??= loadCase(LOWER_RUNS, LOWER_MULTI)).get(cp);
  return r === undefined ? cp : r;
}

/** Full titlecase mapping (_PyUnicode_ToTitleFull). */
export function titleOf(cp: number): number | string {
  if (cp < 128) return cp >= 97 && cp <= 122 ? cp - 32 : cp;
  const r = (titleT ??= loadCase(TITLE_RUNS, TITLE_MULTI)).get(cp);
  return r === undefined ? cp : r;
}

/** Full case folding (_PyUnicode_ToFoldedFull). */
export function foldOf(cp: number): number | string {
  if (cp < 128) return cp >= 65 && cp <= 90 ? cp + 32 : cp;
  const r = (foldT ??= loadCase(FOLD_RUNS, FOLD_MULTI)).get(cp);
  return r === undefined ? cp : r;
}
