// Python str methods on JS strings with CPython 3.11 semantics: indexing,
// slicing, searching, splitting, stripping, replacing and padding, with
// indices and lengths in code points and CPython's error messages. Case
// mapping and the isX() predicates live in strcase.ts (re-exported here).

import {
  codePointAtUnit, cpCharAt, cpLength, cpSlice, cpToString, cpToUnit, fromCodePoints, hasSurrogates,
  toCodePoints, unitToCp,
} from './codepoints';
import { PyError, overflowError, typeError, valueError } from './errors';
import { PyIntValue } from './int';
import { seqIndex, sliceIndices } from './slice';

export { sliceIndices } from './slice';
import { isLineBreakCp, isSpaceCp } from './unicode';

export * from './strcase';

const SSIZE_MAX = 9223372036854775807;

type OptInt = PyIntValue | null | undefined;

function clipIndex(v: OptInt, dflt: number): number {
  if (v === null || v === undefined) return dflt;
  if (typeof v === 'number') return v;
  return v > 0n ? SSIZE_MAX : -SSIZE_MAX - 1;
}

/** ADJUST_INDICES for [start:end] method arguments: [start, end] code point offsets. */
function adjust(len: number, start: OptInt, end: OptInt): [number, number] {
  let a = clipIndex(start, 0);
  let b = clipIndex(end, SSIZE_MAX);
  if (b > len) b = len;
  else if (b < 0) {
    b += len;
    if (b < 0) b = 0;
  }
  if (a < 0) {
    a += len;
    if (a < 0) a = 0;
  }
  return [a, b];
}

function ssize(v: PyIntValue): number {
  if (typeof v === 'number') return v;
  if (v > 9223372036854775807n || v < -9223372036854775808n) {
    throw overflowError('Python int too large to convert to C ssize_t');
  }
  return Number(v);
}

function cInt(v: PyIntValue): number {
  if (typeof v === 'number' && v <= 2147483647 && v >= -2147483648) return v;
  throw overflowError('Python int too large to convert to C int');
}

// ---------------------------------------------------------------- basics

/** len(s). */
export const strLen = cpLength;

/** s[i]. */
export function strGetItem(s: string, i: PyIntValue): string {
  const surr = hasSurrogates(s);
  const len = surr ? cpLength(s) : s.length;
  const j = seqIndex(len, i, 'string index out of range');
  return surr ? cpCharAt(s, j) : s[j];
}

/** s[start:stop:step] (null for omitted parts). */
export function strSlice(s: string, start: OptInt, stop: OptInt, step: OptInt = null): string {
  const surr = hasSurrogates(s);
  const len = surr ? cpLength(s) : s.length;
  const b = sliceIndices(len, start ?? null, stop ?? null, step ?? null);
  if (b.length <= 0) return '';
  if (b.step === 1) return surr ? cpSlice(s, b.start, b.stop) : s.slice(b.start, b.stop);
  if (surr) {
    const cps = toCodePoints(s);
    const out: number[] = [];
    for (let i = 0, k = b.start; i < b.length; i++, k += b.step) out.push(cps[k]);
    return fromCodePoints(out);
  }
  let out = '';
  for (let i = 0, k = b.start; i < b.length; i++, k += b.step) out += s[k];
  return out;
}

/** s * n (also n * s). */
export function strRepeat(s: string, n: PyIntValue): string {
  if (typeof n === 'bigint') {
    if (n > 9223372036854775807n || n < -9223372036854775808n) {
      throw overflowError("cannot fit 'int' into an index-sized integer");
    }
    if (n < 0n) return '';
  }
  const count = Number(n);
  if (count <= 0 || s.length === 0) return '';
  const len = s.length < 2 ? s.length : cpLength(s);
  if (BigInt(n) > 9223372036854775807n / BigInt(len)) throw overflowError('repeated string is too long');
  if (count * s.length > 0x1fffffe8) throw new PyError('MemoryError', '');
  return count === 1 ? s : s.repeat(count);
}

/** sub in s. */
export function strContains(s: string, sub: string): boolean {
  return s.indexOf(sub) >= 0;
}

/** Comparison by code point: negative, zero or positive like a - b. */
export function strCompare(a: string, b: string): number {
  if (a === b) return 0;
  const n = a.length < b.length ? a.length : b.length;
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) return a.length - b.length;
  let ca = a.charCodeAt(i);
  let cb = b.charCodeAt(i);
  if ((ca >= 0xd800 && ca <= 0xdfff) || (cb >= 0xd800 && cb <= 0xdfff)) {
    // back up to the start of a pair if i is in the middle of one
    if (i > 0) {
      const p = a.charCodeAt(i - 1);
      if (p >= 0xd800 && p <= 0xdbff) i--;
    }
    ca = codePointAtUnit(a, i);
    cb = codePointAtUnit(b, i);
  }
  return ca - cb;
}

/** ord(s). */
export function pyOrd(s: string): number {
  const n = s.length === 1 ? 1 : cpLength(s);
  if (n !== 1) throw typeError(`ord() expected a character, but string of length ${n} found`);
  return codePointAtUnit(s, 0);
}

/** chr(i). */
export function pyChr(i: PyIntValue): string {
  const n = cInt(i);
  if (n < 0 || n > 0x10ffff) throw valueError('chr() arg not in range(0x110000)');
  return cpToString(n);
}

// ---------------------------------------------------------------- searching

function findIn(s: string, sub: string, start: OptInt, end: OptInt, reverse: boolean): number {
  const surr = hasSurrogates(s);
  const len = surr ? cpLength(s) : s.length;
  const [a, b] = adjust(len, start, end);
  const subLen = sub.length < 2 || !surr ? sub.length : cpLength(sub);
  if (b - a < subLen) return -1;
  if (!surr) {
    if (reverse) {
      const i = s.lastIndexOf(sub, b - sub.length);
      return i >= a ? i : -1;
    }
    const i = s.indexOf(sub, a);
    return i >= 0 && i + sub.length <= b ? i : -1;
  }
  const ua = cpToUnit(s, a);
  const ub = cpToUnit(s, b);
  let u: number;
  if (reverse) {
    u = s.lastIndexOf(sub, ub - sub.length);
    if (u < ua) return -1;
  } else {
    u = s.indexOf(sub, ua);
    if (u < 0 || u + sub.length > ub) return -1;
  }
  return unitToCp(s, u);
}

/** s.find(sub[, start[, end]]). */
export function strFind(s: string, sub: string, start?: OptInt, end?: OptInt): number {
  return findIn(s, sub, start, end, false);
}

/** s.rfind(sub[, start[, end]]). */
export function strRfind(s: string, sub: string, start?: OptInt, end?: OptInt): number {
  return findIn(s, sub, start, end, true);
}

/** s.index(sub[, start[, end]]). */
export function strIndex(s: string, sub: string, start?: OptInt, end?: OptInt): number {
  const r = findIn(s, sub, start, end, false);
  if (r < 0) throw valueError('substring not found');
  return r;
}

/** s.rindex(sub[, start[, end]]). */
export function strRindex(s: string, sub: string, start?: OptInt, end?: OptInt): number {
  const r = findIn(s, sub, start, end, true);
  if (r < 0) throw valueError('substring not found');
  return r;
}

/** s.count(sub[, start[, end]]). */
export function strCount(s: string, sub: string, start?: OptInt, end?: OptInt): number {
  const surr = hasSurrogates(s);
  const len = surr ? cpLength(s) : s.length;
  const [a, b] = adjust(len, start, end);
  const subLen = surr ? cpLength(sub) : sub.length;
  if (b - a < subLen) return 0;
  if (subLen === 0) return b - a + 1;
  const ua = surr ? cpToUnit(s, a) : a;
  const ub = surr ? cpToUnit(s, b) : b;
  let n = 0;
  let i = s.indexOf(sub, ua);
  while (i >= 0 && i + sub.length <= ub) {
    n++;
    i = s.indexOf(sub, i + sub.length);
  }
  return n;
}

function tailMatch(s: string, sub: string, start: OptInt, end: OptInt, atEnd: boolean): boolean {
  const surr = hasSurrogates(s) || hasSurrogates(sub);
  const len = surr ? cpLength(s) : s.length;
  let [a, b] = adjust(len, start, end);
  const subLen = surr ? cpLength(sub) : sub.length;
  b -= subLen;
  if (b < a) return false;
  if (subLen === 0) return true;
  const off = atEnd ? b : a;
  const u = surr ? cpToUnit(s, off) : off;
  return s.startsWith(sub, u);
}

/** s.startswith(prefix[, start[, end]]), prefix a str or a tuple of str. */
export function strStartswith(s: string, prefix: string | readonly string[], start?: OptInt, end?: OptInt): boolean {
  if (typeof prefix === 'string') return tailMatch(s, prefix, start, end, false);
  for (const p of prefix) if (tailMatch(s, p, start, end, false)) return true;
  return false;
}

/** s.endswith(suffix[, start[, end]]), suffix a str or a tuple of str. */
export function strEndswith(s: string, suffix: string | readonly string[], start?: OptInt, end?: OptInt): boolean {
  if (typeof suffix === 'string') return tailMatch(s, suffix, start, end, true);
  for (const p of suffix) if (tailMatch(s, p, start, end, true)) return true;
  return false;
}

// ---------------------------------------------------------------- splitting

function maxCount(maxsplit: PyIntValue | null | undefined): number {
  if (maxsplit === null || maxsplit === undefined) return SSIZE_MAX;
  const m = ssize(maxsplit);
  return m < 0 ? SSIZE_MAX : m;
}

function isSpaceUnit(c: number): boolean {
  // no whitespace lies outside the BMP, so code units can be tested directly
  return c < 128 ? c === 32 || (c >= 9 && c <= 13) || (c >= 28 && c <= 31) : isSpaceCp(c);
}

/** s.split(sep=None, maxsplit=-1). */
export function strSplit(s: string, sep: string | null = null, maxsplit?: PyIntValue | null): string[] {
  let count = maxCount(maxsplit);
  const out: string[] = [];
  const n = s.length;
  if (sep === null) {
    let i = 0;
    while (count-- > 0) {
      while (i < n && isSpaceUnit(s.charCodeAt(i))) i++;
      if (i === n) break;
      const j = i;
      i++;
      while (i < n && !isSpaceUnit(s.charCodeAt(i))) i++;
      out.push(s.slice(j, i));
    }
    if (i < n) {
      while (i < n && isSpaceUnit(s.charCodeAt(i))) i++;
      if (i !== n) out.push(s.slice(i));
    }
    return out;
  }
  if (sep.length === 0) throw valueError('empty separator');
  if (count === SSIZE_MAX) return s.split(sep);
  let i = 0;
  while (count-- > 0) {
    const p = s.indexOf(sep, i);
    if (p < 0) break;
    out.push(s.slice(i, p));
    i = p + sep.length;
  }
  out.push(s.slice(i));
  return out;
}

/** s.rsplit(sep=None, maxsplit=-1). */
export function strRsplit(s: string, sep: string | null = null, maxsplit?: PyIntValue | null): string[] {
  let count = maxCount(maxsplit);
  const out: string[] = [];
  if (sep === null) {
    let i = s.length - 1;
    while (count-- > 0) {
      while (i >= 0 && isSpaceUnit(s.charCodeAt(i))) i--;
      if (i < 0) break;
      const j = i;
      i--;
      while (i >= 0 && !isSpaceUnit(s.charCodeAt(i))) i--;
      out.push(s.slice(i + 1, j + 1));
    }
    if (i >= 0) {
      while (i >= 0 && isSpaceUnit(s.charCodeAt(i))) i--;
      if (i >= 0) out.push(s.slice(0, i + 1));
    }
    return out.reverse();
  }
  if (sep.length === 0) throw valueError('empty separator');
  if (count === SSIZE_MAX) return s.split(sep);
  let j = s.length;
  while (count-- > 0) {
    const p = j - sep.length >= 0 ? s.lastIndexOf(sep, j - sep.length) : -1;
    if (p < 0) break;
    out.push(s.slice(p + sep.length, j));
    j = p;
  }
  out.push(s.slice(0, j));
  return out.reverse();
}

/** s.splitlines(keepends=False). */
export function strSplitlines(s: string, keepends = false): string[] {
  const out: string[] = [];
  const n = s.length;
  let i = 0;
  let j = 0;
  while (i < n) {
    while (i < n && !isLineBreakCp(s.charCodeAt(i))) i++;
    let eol = i;
    if (i < n) {
      if (s.charCodeAt(i) === 13 && i + 1 < n && s.charCodeAt(i + 1) === 10) i += 2;
      else i++;
      if (keepends) eol = i;
    }
    out.push(s.slice(j, eol));
    j = i;
  }
  return out;
}

/** s.partition(sep). */
export function strPartition(s: string, sep: string): [string, string, string] {
  if (sep.length === 0) throw valueError('empty separator');
  const p = s.indexOf(sep);
  if (p < 0) return [s, '', ''];
  return [s.slice(0, p), sep, s.slice(p + sep.length)];
}

/** s.rpartition(sep). */
export function strRpartition(s: string, sep: string): [string, string, string] {
  if (sep.length === 0) throw valueError('empty separator');
  const p = s.lastIndexOf(sep);
  if (p < 0) return ['', '', s];
  return [s.slice(0, p), sep, s.slice(p + sep.length)];
}

/** sep.join(items) for items already checked to be str. */
export function strJoin(sep: string, items: readonly string[]): string {
  return items.join(sep);
}

// ---------------------------------------------------------------- stripping

function stripImpl(s: string, chars: string | null | undefined, left: boolean, right: boolean): string {
  let a = 0;
  let b = s.length;
  if (chars === null || chars === undefined) {
    if (left) while (a < b && isSpaceUnit(s.charCodeAt(a))) a++;
    if (right) while (b > a && isSpaceUnit(s.charCodeAt(b - 1))) b--;
  } else if (!hasSurrogates(chars) && !hasSurrogates(s)) {
    if (left) while (a < b && chars.indexOf(s[a]) >= 0) a++;
    if (right) while (b > a && chars.indexOf(s[b - 1]) >= 0) b--;
  } else {
    const set = new Set(toCodePoints(chars));
    const cps = toCodePoints(s);
    let i = 0;
    let j = cps.length;
    if (left) while (i < j && set.has(cps[i])) i++;
    if (right) while (j > i && set.has(cps[j - 1])) j--;
    return i === 0 && j === cps.length ? s : fromCodePoints(cps, i, j);
  }
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/** s.strip(chars=None). */
export function strStrip(s: string, chars?: string | null): string {
  return stripImpl(s, chars, true, true);
}

/** s.lstrip(chars=None). */
export function strLstrip(s: string, chars?: string | null): string {
  return stripImpl(s, chars, true, false);
}

/** s.rstrip(chars=None). */
export function strRstrip(s: string, chars?: string | null): string {
  return stripImpl(s, chars, false, true);
}

/** s.removeprefix(prefix). */
export function strRemoveprefix(s: string, prefix: string): string {
  return prefix.length && s.startsWith(prefix) ? s.slice(prefix.length) : s;
}

/** s.removesuffix(suffix). */
export function strRemovesuffix(s: string, suffix: string): string {
  return suffix.length && s.endsWith(suffix) ? s.slice(0, s.length - suffix.length) : s;
}

// ---------------------------------------------------------------- replacing

/** s.replace(old, new, count=-1). */
export function strReplace(s: string, old: string, rep: string, count: PyIntValue = -1): string {
  let max = ssize(count);
  if (max < 0) max = SSIZE_MAX;
  if (max === 0) return s;
  if (old.length === 0) {
    const cps = hasSurrogates(s) ? toCodePoints(s).map(cpToString) : s.split('');
    const n = cps.length + 1 < max ? cps.length + 1 : max;
    let out = '';
    for (let i = 0; i < cps.length; i++) out += i < n ? rep + cps[i] : cps[i];
    return n > cps.length ? out + rep : out;
  }
  if (max === SSIZE_MAX) return s.split(old).join(rep);
  let out = '';
  let i = 0;
  while (max-- > 0) {
    const p = s.indexOf(old, i);
    if (p < 0) break;
    out += s.slice(i, p) + rep;
    i = p + old.length;
  }
  return i === 0 ? s : out + s.slice(i);
}

/** s.expandtabs(tabsize=8). */
export function strExpandtabs(s: string, tabsize: PyIntValue = 8): string {
  const ts = cInt(tabsize);
  if (s.indexOf('\t') < 0) return s;
  let out = '';
  let col = 0;
  let runStart = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 9) {
      out += s.slice(runStart, i);
      runStart = i + 1;
      if (ts > 0) {
        const incr = ts - (col % ts);
        out += ' '.repeat(incr);
        col += incr;
      }
    } else if (c === 10 || c === 13) {
      col = 0;
    } else if (c < 0xdc00 || c > 0xdfff || i === 0 || !(s.charCodeAt(i - 1) >= 0xd800 && s.charCodeAt(i - 1) <= 0xdbff)) {
      col++;
    }
  }
  return out + s.slice(runStart);
}

// ---------------------------------------------------------------- padding

function fillChar(fill: string): string {
  if (fill.length === 1 || (fill.length === 2 && cpLength(fill) === 1)) return fill;
  throw typeError('The fill character must be exactly one character long');
}

function padTo(s: string, left: number, right: number, fill: string): string {
  if (left + right > 0x1fffffe8) throw new PyError('MemoryError', '');
  return (left > 0 ? fill.repeat(left) : '') + s + (right > 0 ? fill.repeat(right) : '');
}

/** s.center(width, fillchar=' '). */
export function strCenter(s: string, width: PyIntValue, fillchar = ' '): string {
  const w = ssize(width);
  const f = fillChar(fillchar);
  const len = cpLength(s);
  if (len >= w) return s;
  const marg = w - len;
  const left = Math.floor(marg / 2) + (marg & w & 1);
  return padTo(s, left, marg - left, f);
}

/** s.ljust(width, fillchar=' '). */
export function strLjust(s: string, width: PyIntValue, fillchar = ' '): string {
  const w = ssize(width);
  const f = fillChar(fillchar);
  const len = cpLength(s);
  return len >= w ? s : padTo(s, 0, w - len, f);
}

/** s.rjust(width, fillchar=' '). */
export function strRjust(s: string, width: PyIntValue, fillchar = ' '): string {
  const w = ssize(width);
  const f = fillChar(fillchar);
  const len = cpLength(s);
  return len >= w ? s : padTo(s, w - len, 0, f);
}

/** s.zfill(width). */
export function strZfill(s: string, width: PyIntValue): string {
  const w = ssize(width);
  const len = cpLength(s);
  if (len >= w) return s;
  const fill = w - len;
  const c = s.charCodeAt(0);
  if (c === 43 || c === 45) return s[0] + padTo(s.slice(1), fill, 0, '0');
  return padTo(s, fill, 0, '0');
}
