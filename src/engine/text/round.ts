// round() for ints and floats as CPython 3.11 computes it: banker's rounding,
// float rounding through correctly rounded decimal digits (so round(2.675, 2)
// is 2.67), and the errors for inf/nan/overflow.

import { dtoaFixed } from './dtoa';
import { overflowError } from './errors';
import { PyIntValue, floatToInt, intClipSsize, intFromBig, intToBig } from './int';

/** C's round(): half away from zero. */
function cRound(x: number): number {
  const t = Math.trunc(x);
  const diff = x - t;
  if (diff >= 0.5) return t + 1;
  if (diff <= -0.5) return t - 1;
  return t;
}

/** round(x) for a float: the nearest int, ties to even. */
export function roundFloatToInt(x: number): PyIntValue {
  let r = cRound(x);
  if (Math.abs(x - r) === 0.5) r = 2 * cRound(x / 2);
  return floatToInt(r);
}

const NDIGITS_MAX = 323;
const NDIGITS_MIN = -308;

/** round(x, ndigits) for a float. */
export function roundFloat(x: number, ndigits: PyIntValue): number {
  const nd = intClipSsize(ndigits);
  if (!(x - x === 0)) return x;
  if (nd > NDIGITS_MAX) return x;
  if (nd < NDIGITS_MIN) return x < 0 || Object.is(x, -0) ? -0 : 0;
  if (x === 0) return x;
  const d = dtoaFixed(x, nd);
  const text = (x < 0 ? '-0' : '0') + d.digits + 'e' + (d.decpt - d.digits.length);
  const r = Number(text);
  if ((r === Infinity || r === -Infinity)) throw overflowError('rounded value too large to represent');
  return r;
}

/** round(v, ndigits) for an int: unchanged for ndigits >= 0, else to a multiple of 10**-ndigits, ties to even. */
export function roundInt(v: PyIntValue, ndigits: PyIntValue): PyIntValue {
  if (ndigits >= 0) return v;
  const a = intToBig(v);
  if (a === 0n) return 0;
  const abs = a < 0n ? -a : a;
  const nd = -intToBig(ndigits);
  // 10**nd more than twice |a|: the nearest multiple is 0
  if (nd > BigInt(abs.toString().length + 1)) return 0;
  const b = 10n ** nd;
  let q = a / b;
  let r = a % b;
  if (r < 0n) {
    q -= 1n;
    r += b;
  }
  const twice = 2n * r;
  if (twice > b || (twice === b && (q & 1n) === 1n)) q += 1n;
  return intFromBig(q * b);
}
