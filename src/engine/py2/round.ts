// round() of Python 2.7 (bltinmodule.c builtin_round, floatobject.c _Py_double_round):
// the argument is converted to a float and the result is always a float, the exact
// binary value rounded to `ndigits` decimal places with halfway cases away from zero
// (Python 3 returns an int for one argument and rounds halfway cases to even).

/** |x| = mantissa · 2^exponent, exactly (x finite and non-zero). */
function decompose(x: number): [bigint, number] {
  const v = new DataView(new ArrayBuffer(8));
  v.setFloat64(0, Math.abs(x));
  const hi = v.getUint32(0), lo = v.getUint32(4);
  const e = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (e === 0) return [m, -1074];
  m |= 1n << 52n;
  return [m, e - 1075];
}

/** num / den rounded to the nearest integer, halfway cases up (both positive). */
function divRoundHalfUp(num: bigint, den: bigint): bigint {
  const q = num / den, r = num % den;
  return 2n * r >= den ? q + 1n : q;
}

/** NDIGITS_MAX / NDIGITS_MIN of 2.7's builtin_round. */
const NDIGITS_MAX = Math.trunc((53 + 1021) * 0.30103);
const NDIGITS_MIN = -Math.trunc((1024 + 1) * 0.30103);

/** round(x, ndigits) as 2.7 computes it; null when the result overflows (OverflowError). */
export function py2Round(x: number, ndigits: number): number | null {
  if (!Number.isFinite(x) || x === 0) return x;
  if (ndigits > NDIGITS_MAX) return x;
  if (ndigits < NDIGITS_MIN) return 0 * x;
  const [m, exp] = decompose(x);
  let digits: bigint;
  if (ndigits >= 0) {
    if (exp >= 0) return x; // an integer: nothing after the point
    digits = divRoundHalfUp(m * 10n ** BigInt(ndigits), 1n << BigInt(-exp));
  } else {
    const scale = 10n ** BigInt(-ndigits);
    digits = exp >= 0 ? divRoundHalfUp(m << BigInt(exp), scale) : divRoundHalfUp(m, scale << BigInt(-exp));
  }
  // Back to the nearest double, as _Py_dg_strtod does (JS parses decimal strings correctly rounded).
  const r = parseFloat(`${digits}e${-ndigits}`);
  if (!Number.isFinite(r)) return null;
  return x < 0 ? -r : r;
}
