// Python str is a sequence of code points; JS strings are UTF-16. These
// helpers index, measure and slice by code point, with a fast path for the
// common case of strings without surrogates (where both views coincide).

const SURROGATE = /[\ud800-\udfff]/;

/** True when s contains any surrogate code unit (so UTF-16 and code point indices may differ). */
export function hasSurrogates(s: string): boolean {
  return SURROGATE.test(s);
}

function isPairAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) return false;
  const d = s.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff;
}

/** len(s) in code points. */
export function cpLength(s: string): number {
  if (!SURROGATE.test(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++, n++) if (isPairAt(s, i)) i++;
  return n;
}

/** UTF-16 offset of code point index `cp` (0 <= cp <= len; past the end gives s.length). */
export function cpToUnit(s: string, cp: number): number {
  if (!SURROGATE.test(s)) return cp < s.length ? cp : s.length;
  let i = 0;
  for (let n = 0; n < cp && i < s.length; n++) i += isPairAt(s, i) ? 2 : 1;
  return i;
}

/** Code point index of UTF-16 offset `unit` (which must not split a pair). */
export function unitToCp(s: string, unit: number): number {
  let n = unit;
  for (let i = 0; i < unit - 1; i++) {
    if (isPairAt(s, i)) {
      n--;
      i++;
    }
  }
  return n;
}

/** The code points of s. */
export function toCodePoints(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out.push((c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000);
        i++;
        continue;
      }
    }
    out.push(c);
  }
  return out;
}

/** String from code points (lone surrogates are kept as such). */
export function fromCodePoints(cps: readonly number[], start = 0, end = cps.length): string {
  let out = '';
  let chunk: number[] = [];
  for (let i = start; i < end; i++) {
    const c = cps[i];
    if (c < 0x10000) chunk.push(c);
    else chunk.push(0xd800 + ((c - 0x10000) >> 10), 0xdc00 + ((c - 0x10000) & 0x3ff));
    if (chunk.length >= 4096) {
      out += String.fromCharCode.apply(null, chunk);
      chunk = [];
    }
  }
  return chunk.length ? out + String.fromCharCode.apply(null, chunk) : out;
}

/** chr(cp) without range checks. */
export function cpToString(cp: number): string {
  if (cp < 0x10000) return String.fromCharCode(cp);
  return String.fromCharCode(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
}

/** s[i] for a code point index 0 <= i < len(s). */
export function cpCharAt(s: string, i: number): string {
  if (!SURROGATE.test(s)) return s[i];
  const u = cpToUnit(s, i);
  return isPairAt(s, u) ? s.slice(u, u + 2) : s[u];
}

/** s[start:stop] for code point indices already clipped to 0..len. */
export function cpSlice(s: string, start: number, stop: number): string {
  if (stop <= start) return '';
  if (!SURROGATE.test(s)) return s.slice(start, stop);
  const u0 = cpToUnit(s, start);
  let u1 = u0;
  for (let n = start; n < stop && u1 < s.length; n++) u1 += isPairAt(s, u1) ? 2 : 1;
  return s.slice(u0, u1);
}

/** The code point starting at UTF-16 offset i, and whether it takes two units. */
export function codePointAtUnit(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  }
  return c;
}
