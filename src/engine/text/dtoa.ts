// Decimal digit generation for doubles, equivalent to David Gay's _Py_dg_dtoa
// in modes 0 (shortest round-trip), 2 (n significant digits) and 3 (n digits
// after the point), with round-half-even on the exact binary value. Fast paths
// use the engine's correctly rounded toExponential/toFixed; exact ties, which
// those round upwards, are redone with BigInt.

/** Digits (no leading/trailing zeros; "0" for zero) and decimal point position:
 * |x| = 0.DIGITS * 10**decpt. `digits` may be empty in mode 3 when |x| rounds to
 * zero, in which case decpt = -ndigits (as Gay's dtoa does). */
export interface Digits {
  digits: string;
  decpt: number;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HI = LITTLE ? 1 : 0;
const LO = LITTLE ? 0 : 1;

/** For finite nonzero |x|: odd integer m and k with |x| = m * 2**k. */
let partM = 0;
let partK = 0;
function splitBinary(ax: number): void {
  f64[0] = ax;
  const hi = u32[HI];
  const lo = u32[LO];
  const bexp = (hi >>> 20) & 0x7ff;
  let m = (hi & 0xfffff) * 4294967296 + lo;
  let k: number;
  if (bexp === 0) {
    k = -1074;
  } else {
    m += 4503599627370496; // 2**52
    k = bexp - 1075;
  }
  // strip trailing zero bits
  if (lo === 0 && m !== 0) {
    m /= 4294967296;
    k += 32;
  }
  while (m % 2 === 0) {
    m /= 2;
    k += 1;
  }
  partM = m;
  partK = k;
}

/** Exact decimal expansion of finite nonzero |x|. */
function exactDigits(ax: number): Digits {
  splitBinary(ax);
  let s: string;
  let decpt: number;
  if (partK >= 0) {
    s = ax < 9007199254740992 ? String(ax) : (BigInt(partM) << BigInt(partK)).toString();
    decpt = s.length;
  } else {
    const f = -partK;
    s = (BigInt(partM) * 5n ** BigInt(f)).toString();
    decpt = s.length - f;
  }
  return { digits: stripZeros(s), decpt };
}

function stripZeros(s: string): string {
  let e = s.length;
  while (e > 1 && s.charCodeAt(e - 1) === 48) e--;
  return e === s.length ? s : s.slice(0, e);
}

/** Round an exact digit string to `keep` digits, half to even. */
function roundDigits(d: Digits, keep: number, zeroDecpt: number): Digits {
  const s = d.digits;
  if (keep >= s.length) return d;
  if (keep < 0) return { digits: '', decpt: zeroDecpt };
  const c = s.charCodeAt(keep);
  let up: boolean;
  if (c !== 53) up = c > 53;
  else if (keep + 1 < s.length) up = true; // digits after a 5 (stripped string: nonzero)
  else up = keep > 0 && (s.charCodeAt(keep - 1) & 1) === 1; // exact tie: to even
  if (!up) {
    if (keep === 0) return { digits: '', decpt: zeroDecpt };
    return { digits: stripZeros(s.slice(0, keep)), decpt: d.decpt };
  }
  let i = keep - 1;
  while (i >= 0 && s.charCodeAt(i) === 57) i--;
  if (i < 0) return { digits: '1', decpt: d.decpt + 1 };
  return { digits: s.slice(0, i) + String.fromCharCode(s.charCodeAt(i) + 1), decpt: d.decpt };
}

/** Parse the output of toExponential on a positive number. */
function fromExponential(s: string): Digits {
  const e = s.indexOf('e');
  const exp = +s.slice(e + 1);
  const mant = s.charCodeAt(1) === 46 ? s[0] + s.slice(2, e) : s.slice(0, e);
  return { digits: stripZeros(mant), decpt: exp + 1 };
}

/** Parse the output of toFixed on a positive number below 1e21. */
function fromFixed(s: string, ndigits: number): Digits {
  const dot = s.indexOf('.');
  const all = dot < 0 ? s : s.slice(0, dot) + s.slice(dot + 1);
  let i = 0;
  while (i < all.length && all.charCodeAt(i) === 48) i++;
  if (i === all.length) return { digits: '', decpt: -ndigits };
  const intLen = dot < 0 ? s.length : dot;
  return { digits: stripZeros(all.slice(i)), decpt: intLen - i };
}

/** Mode 0: shortest digits that round-trip. x finite; sign ignored. */
export function dtoaShortest(x: number): Digits {
  const ax = Math.abs(x);
  if (ax === 0) return { digits: '0', decpt: 1 };
  return fromExponential(ax.toExponential());
}

/** Mode 2: `ndigits` (>= 1) significant digits, correctly rounded. */
export function dtoaSignificant(x: number, ndigits: number): Digits {
  const ax = Math.abs(x);
  if (ax === 0) return { digits: '0', decpt: 1 };
  if (ndigits <= 101) {
    splitBinary(ax);
    if (partK < 0) {
      const f = -partK;
      const est = Math.floor(Math.log10(ax));
      // exact digit count is f + e10 + 1 with e10 in est-1..est+1; only an exact
      // count of ndigits + 1 can make a tie
      const t = ndigits + 1 - f;
      if (t < est || t > est + 2) return fromExponential(ax.toExponential(ndigits - 1));
    }
  }
  return roundDigits(exactDigits(ax), ndigits, 0);
}

/** Mode 3: digits up to `ndigits` places after the decimal point (may be negative). */
export function dtoaFixed(x: number, ndigits: number): Digits {
  const ax = Math.abs(x);
  if (ax === 0) return { digits: '0', decpt: 1 };
  if (ndigits >= 0 && ndigits <= 100 && ax < 1e21) {
    splitBinary(ax);
    // ax has max(0, -k) fractional digits, the last being a 5: rounding at one
    // place before it is an exact tie
    if (partK !== -(ndigits + 1)) return fromFixed(ax.toFixed(ndigits), ndigits);
  }
  const d = exactDigits(ax);
  return roundDigits(d, d.decpt + ndigits, -ndigits);
}

/**
 * '%.{ndigits}f' of |x| straight from toFixed when that is exactly what
 * CPython prints: |x| < 1e21, ndigits <= 100, and no exact tie. Else null.
 */
export function fixedFast(ax: number, ndigits: number): string | null {
  if (!(ax < 1e21) || ndigits > 100) return null;
  if (ax === 0) return ax.toFixed(ndigits);
  splitBinary(ax);
  if (partK === -(ndigits + 1)) return null;
  return ax.toFixed(ndigits);
}

/**
 * '%.{ndigits}e' of finite nonzero |x| from toExponential when no tie is
 * possible (ndigits <= 100), with the exponent padded to two digits. Else null.
 */
export function expFast(ax: number, ndigits: number): string | null {
  if (ndigits > 100 || ax === 0) return null;
  splitBinary(ax);
  if (partK >= 0) return null;
  const f = -partK;
  const est = Math.floor(Math.log10(ax));
  const t = ndigits + 2 - f;
  if (t >= est && t <= est + 2) return null;
  const s = ax.toExponential(ndigits);
  const e = s.indexOf('e');
  // JS writes e+5 / e-7; Python e+05 / e-07
  return s.length - e === 3 ? s.slice(0, e + 2) + '0' + s.slice(e + 2) : s;
}
