// repr()/str() of Python floats and CPython's PyOS_double_to_string, the
// formatter behind '%e/%f/%g', format(float, spec) and round().

import { Digits, dtoaFixed, dtoaShortest, dtoaSignificant, expFast, fixedFast } from './dtoa';

/** Always write a sign ('+' for non-negative values). */
export const DTSF_SIGN = 1;
/** Append ".0" to integral results that have no exponent ('r' and 'g'). */
export const DTSF_ADD_DOT_0 = 2;
/** Alternate form ('#'): keep the decimal point and trailing zeros. */
export const DTSF_ALT = 4;
/** Format negative zero (after rounding) without its sign ('z'). */
export const DTSF_NO_NEG_0 = 8;

export type FloatFormatCode = 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'r';

/** repr(x) for a Python float (also str(x)). */
export function floatRepr(x: number): string {
  if (Number.isInteger(x)) {
    if (x < 1e16 && x > -1e16) {
      if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
      return String(x) + '.0';
    }
  } else if (x !== x) {
    return 'nan';
  } else if (x === Infinity) {
    return 'inf';
  } else if (x === -Infinity) {
    return '-inf';
  } else {
    const ax = x < 0 ? -x : x;
    // Between 1e-4 and 1e16 JS and Python both use fixed notation with the
    // same shortest digits.
    if (ax >= 1e-4 && ax < 1e16) return String(x);
  }
  return doubleToString(x, 'r', 0, DTSF_ADD_DOT_0);
}

/**
 * PyOS_double_to_string(x, code, precision, flags): 'r' is repr (precision
 * unused), 'e'/'f'/'g' as in printf with round-half-even on the exact value;
 * upper-case codes give 'E', 'INF', 'NAN'.
 */
export function doubleToString(x: number, code: FloatFormatCode, precision: number, flags: number): string {
  let upper = false;
  let fc: 'e' | 'f' | 'g' | 'r';
  let d: Digits | null = null;
  const finite = x - x === 0;
  if (code === 'E' || code === 'F' || code === 'G') {
    upper = true;
    code = code === 'E' ? 'e' : code === 'F' ? 'f' : 'g';
  }
  if (finite && (flags & (DTSF_ALT | DTSF_NO_NEG_0)) === 0 && (code === 'f' || code === 'e')) {
    const neg = x < 0 || Object.is(x, -0);
    const fast = code === 'f' ? fixedFast(neg ? -x : x, precision) : expFast(neg ? -x : x, precision);
    if (fast !== null) {
      const body = upper ? fast.toUpperCase() : fast;
      return neg ? '-' + body : flags & DTSF_SIGN ? '+' + body : body;
    }
  }
  if (code === 'e') {
    fc = 'e';
    precision++;
    if (finite) d = dtoaSignificant(x, precision);
  } else if (code === 'f') {
    fc = 'f';
    if (finite) d = dtoaFixed(x, precision);
  } else if (code === 'g') {
    fc = 'g';
    if (precision === 0) precision = 1;
    if (finite) d = dtoaSignificant(x, precision);
  } else {
    fc = 'r';
    if (finite) d = dtoaShortest(x);
  }
  let negative = x < 0 || Object.is(x, -0);
  if (d === null) {
    // inf or nan: the sign of a nan is ignored
    let body: string;
    if (x !== x) {
      body = upper ? 'NAN' : 'nan';
      negative = false;
    } else {
      body = upper ? 'INF' : 'inf';
    }
    if (negative) return '-' + body;
    return flags & DTSF_SIGN ? '+' + body : body;
  }
  const digits = d.digits;
  const digitsLen = digits.length;
  let decpt = d.decpt;
  if (flags & DTSF_NO_NEG_0 && negative && (digitsLen === 0 || (digitsLen === 1 && digits === '0'))) {
    negative = false;
  }
  const addDot0 = (flags & DTSF_ADD_DOT_0) !== 0;
  const alt = (flags & DTSF_ALT) !== 0;
  let useExp = false;
  let vEnd = digitsLen;
  switch (fc) {
    case 'e':
      useExp = true;
      vEnd = precision;
      break;
    case 'f':
      vEnd = decpt + precision;
      break;
    case 'g':
      if (decpt <= -4 || decpt > (addDot0 ? precision - 1 : precision)) useExp = true;
      if (alt) vEnd = precision;
      break;
    default:
      if (decpt <= -4 || decpt > 16) useExp = true;
  }
  let exp = 0;
  if (useExp) {
    exp = decpt - 1;
    decpt = 1;
  }
  const vStart = decpt <= 0 ? decpt - 1 : 0;
  if (!useExp && addDot0) vEnd = vEnd > decpt ? vEnd : decpt + 1;
  else vEnd = vEnd > decpt ? vEnd : decpt;

  let out = negative ? '-' : flags & DTSF_SIGN ? '+' : '';
  if (decpt <= 0) {
    out += zeros(decpt - vStart) + '.' + zeros(-decpt);
  } else {
    out += zeros(-vStart);
  }
  if (decpt > 0 && decpt <= digitsLen) {
    out += digits.slice(0, decpt) + '.' + digits.slice(decpt);
  } else {
    out += digits;
  }
  if (digitsLen < decpt) {
    out += zeros(decpt - digitsLen) + '.' + zeros(vEnd - decpt);
  } else {
    out += zeros(vEnd - digitsLen);
  }
  if (out.charCodeAt(out.length - 1) === 46 && !alt) out = out.slice(0, -1);
  if (useExp) {
    const ae = exp < 0 ? -exp : exp;
    out += (upper ? 'E' : 'e') + (exp < 0 ? '-' : '+') + (ae < 10 ? '0' + ae : String(ae));
  }
  return out;
}

const ZEROS = '0000000000000000000000000000000000000000';

function zeros(n: number): string {
  if (n <= 0) return '';
  return n <= ZEROS.length ? ZEROS.slice(0, n) : '0'.repeat(n);
}
