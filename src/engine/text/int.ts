// Python int arithmetic on PyIntValue: a JS number while the value is a safe
// integer, a bigint beyond that. Every result is normalised back to number
// when it fits, so callers may rely on `typeof v === 'number'` for small ints.

import { PyError, overflowError, valueError, zeroDivisionError } from './errors';
import { bigBitLength, bigRatioToFloat } from './bigfloat';
import { floatPow } from './float';

/** A Python int: number when |v| <= 2**53 - 1, bigint otherwise. */
export type PyIntValue = number | bigint;

const MAX_SAFE = 9007199254740991;
const MAX_SAFE_BIG = 9007199254740991n;
const MIN_SAFE_BIG = -9007199254740991n;

/** Normalise a bigint to the canonical PyIntValue. */
export function intFromBig(b: bigint): PyIntValue {
  return b >= MIN_SAFE_BIG && b <= MAX_SAFE_BIG ? Number(b) : b;
}

/** Normalise any integral number or bigint (e.g. 2**60 as a double) to a PyIntValue. */
export function intNormalize(v: number | bigint): PyIntValue {
  if (typeof v === 'bigint') return intFromBig(v);
  if (v >= -MAX_SAFE && v <= MAX_SAFE) return v === 0 ? 0 : v;
  return BigInt(v);
}

export function intToBig(v: PyIntValue): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

export function isIntValue(v: unknown): v is PyIntValue {
  return typeof v === 'bigint' || (typeof v === 'number' && Number.isSafeInteger(v));
}

export function intSign(v: PyIntValue): -1 | 0 | 1 {
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

export function intIsZero(v: PyIntValue): boolean {
  return v === 0 || v === 0n;
}

export function intAdd(a: PyIntValue, b: PyIntValue): PyIntValue {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (r >= -MAX_SAFE && r <= MAX_SAFE) return r;
  }
  return intFromBig(intToBig(a) + intToBig(b));
}

export function intSub(a: PyIntValue, b: PyIntValue): PyIntValue {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (r >= -MAX_SAFE && r <= MAX_SAFE) return r;
  }
  return intFromBig(intToBig(a) - intToBig(b));
}

export function intMul(a: PyIntValue, b: PyIntValue): PyIntValue {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (r >= -MAX_SAFE && r <= MAX_SAFE) return r === 0 ? 0 : r;
  }
  return intFromBig(intToBig(a) * intToBig(b));
}

export function intNeg(a: PyIntValue): PyIntValue {
  if (typeof a === 'number') return a === 0 ? 0 : -a;
  return intFromBig(-a);
}

export function intAbs(a: PyIntValue): PyIntValue {
  if (typeof a === 'number') return a < 0 ? -a : a;
  return a < 0n ? -a : a;
}

export function intInvert(a: PyIntValue): PyIntValue {
  if (typeof a === 'number') {
    const r = -a - 1;
    if (r >= -MAX_SAFE) return r;
  }
  return intFromBig(-intToBig(a) - 1n);
}

/** Three-way comparison of two ints (JS compares number and bigint exactly). */
export function intCompare(a: PyIntValue, b: PyIntValue): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function intEquals(a: PyIntValue, b: PyIntValue): boolean {
  // eslint-disable-next-line eqeqeq
  return a == b;
}

/** a // b (floor division). */
export function intFloorDiv(a: PyIntValue, b: PyIntValue): PyIntValue {
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) throw zeroDivisionError('integer division or modulo by zero');
    const r = a % b;
    let q = (a - r) / b;
    if (r !== 0 && r < 0 !== b < 0) q -= 1;
    return q === 0 ? 0 : q;
  }
  const bb = intToBig(b);
  if (bb === 0n) throw zeroDivisionError('integer division or modulo by zero');
  return intFromBig(bigFloorDiv(intToBig(a), bb));
}

/** a % b with the sign of b. */
export function intMod(a: PyIntValue, b: PyIntValue): PyIntValue {
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) throw zeroDivisionError('integer modulo by zero');
    let r = a % b;
    if (r !== 0 && r < 0 !== b < 0) r += b;
    return r === 0 ? 0 : r;
  }
  const bb = intToBig(b);
  if (bb === 0n) throw zeroDivisionError('integer modulo by zero');
  return intFromBig(bigMod(intToBig(a), bb));
}

/** divmod(a, b) for ints. */
export function intDivmod(a: PyIntValue, b: PyIntValue): [PyIntValue, PyIntValue] {
  if (intIsZero(b)) throw zeroDivisionError('integer division or modulo by zero');
  return [intFloorDiv(a, b), intMod(a, b)];
}

export function bigFloorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n) && (a < 0n) !== (b < 0n) ? q - 1n : q;
}

export function bigMod(a: bigint, b: bigint): bigint {
  const r = a % b;
  return r !== 0n && (r < 0n) !== (b < 0n) ? r + b : r;
}

/** float(v): exact when representable, else correctly rounded; OverflowError when too large. */
export function intToFloat(v: PyIntValue): number {
  if (typeof v === 'number') return v;
  const r = Number(v);
  if (r === Infinity || r === -Infinity) throw overflowError('int too large to convert to float');
  return r;
}

/** int(x) for a float: truncation toward zero. */
export function floatToInt(x: number): PyIntValue {
  if (x !== x) throw valueError('cannot convert float NaN to integer');
  if (x === Infinity || x === -Infinity) throw overflowError('cannot convert float infinity to integer');
  const t = Math.trunc(x);
  if (t >= -MAX_SAFE && t <= MAX_SAFE) return t === 0 ? 0 : t;
  return BigInt(t);
}

/** int.bit_length(). */
export function intBitLength(v: PyIntValue): number {
  if (typeof v === 'number') {
    const a = v < 0 ? -v : v;
    if (a < 4294967296) return 32 - Math.clz32(a);
    return bigBitLength(BigInt(a));
  }
  return bigBitLength(v);
}

/** a / b for ints: a correctly rounded float. */
export function intTrueDiv(a: PyIntValue, b: PyIntValue): number {
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) throw zeroDivisionError('division by zero');
    return a / b;
  }
  const bn = intToBig(b);
  if (bn === 0n) throw zeroDivisionError('division by zero');
  let an = intToBig(a);
  if (an === 0n) return bn < 0n ? -0 : 0;
  const negative = (an < 0n) !== (bn < 0n);
  const d = bn < 0n ? -bn : bn;
  if (an < 0n) an = -an;
  // both exactly representable: IEEE division is correctly rounded
  if (an <= 9007199254740992n && d <= 9007199254740992n) {
    const r = Number(an) / Number(d);
    return negative ? -r : r;
  }
  const r = bigRatioToFloat(an, d);
  if (r === Infinity) throw overflowError('integer division result too large for a float');
  return negative ? -r : r;
}

function throwBigRange(e: unknown): never {
  if (e instanceof RangeError) throw new PyError('MemoryError', '');
  throw e;
}

/** a ** b for b >= 0 (an int result). For b < 0 Python gives a float: see intPowFloat. */
export function intPow(a: PyIntValue, b: PyIntValue): PyIntValue {
  if (b < 0) throw valueError('intPow: negative exponent (use intPowFloat)');
  if (typeof a === 'number' && typeof b === 'number') {
    if (a === 0) return b === 0 ? 1 : 0;
    if (a === 1) return 1;
    if (a === -1) return b % 2 === 0 ? 1 : -1;
    // square-and-multiply while everything stays exact
    let result = 1;
    let base = a;
    let e = b;
    let ok = true;
    while (true) {
      if (e % 2 === 1) {
        result *= base;
        if (result > MAX_SAFE || result < -MAX_SAFE) {
          ok = false;
          break;
        }
      }
      e = Math.floor(e / 2);
      if (e === 0) break;
      base *= base;
      if (base > MAX_SAFE) {
        ok = false;
        break;
      }
    }
    if (ok) return result;
  }
  const ab = intToBig(a);
  if (ab === 0n || ab === 1n) return b === 0 || b === 0n ? 1 : Number(ab);
  if (ab === -1n) return intToBig(b) % 2n === 0n ? 1 : -1;
  if (typeof b === 'bigint' || intBitLength(ab) * b > 1073741824) throw new PyError('MemoryError', '');
  try {
    return intFromBig(ab ** BigInt(b));
  } catch (e) {
    return throwBigRange(e);
  }
}

/** a ** b for ints with b < 0: float(a) ** float(b) as CPython computes it. */
export function intPowFloat(a: PyIntValue, b: PyIntValue): number {
  const x = intToFloat(a);
  const y = intToFloat(b);
  if (x === 0) throw zeroDivisionError('0.0 cannot be raised to a negative power');
  // an int base and an integral exponent: never complex
  return floatPow(x, y) as number;
}

/** pow(a, b, m) for ints. */
export function intPowMod(a: PyIntValue, b: PyIntValue, m: PyIntValue): PyIntValue {
  let mb = intToBig(m);
  if (mb === 0n) throw valueError('pow() 3rd argument cannot be 0');
  const negativeOutput = mb < 0n;
  if (negativeOutput) mb = -mb;
  if (mb === 1n) return 0;
  let ab = intToBig(a);
  let eb = intToBig(b);
  if (eb < 0n) {
    eb = -eb;
    ab = bigInvMod(ab, mb);
  }
  ab = bigMod(ab, mb);
  let r = 1n;
  while (eb > 0n) {
    if (eb & 1n) r = (r * ab) % mb;
    eb >>= 1n;
    if (eb > 0n) ab = (ab * ab) % mb;
  }
  if (negativeOutput && r !== 0n) r -= mb;
  return intFromBig(r);
}

function bigInvMod(a: bigint, m: bigint): bigint {
  let b = bigMod(a, m);
  let n = m;
  let x0 = 1n;
  let x1 = 0n;
  while (n !== 0n) {
    const q = b / n;
    [b, n] = [n, b - q * n];
    [x0, x1] = [x1, x0 - q * x1];
  }
  if (b !== 1n) throw valueError('base is not invertible for the given modulus');
  return bigMod(x0, m);
}

/** Largest value CPython accepts as a shift count before "too many digits". */
const MAX_LONG_DIGITS = 2305843009213693945n;

export function intLshift(a: PyIntValue, n: PyIntValue): PyIntValue {
  if (n < 0) throw valueError('negative shift count');
  if (intIsZero(a)) return 0;
  if (typeof a === 'number' && typeof n === 'number' && n < 31) {
    const r = a * 2 ** n;
    if (r >= -MAX_SAFE && r <= MAX_SAFE) return r;
  }
  const nb = intToBig(n);
  const digitsNeeded = nb / 30n + BigInt(Math.ceil(intBitLength(a) / 30)) + 1n;
  if (digitsNeeded > MAX_LONG_DIGITS) throw overflowError('too many digits in integer');
  if (nb > 1073741824n) throw new PyError('MemoryError', '');
  try {
    return intFromBig(intToBig(a) << nb);
  } catch (e) {
    return throwBigRange(e);
  }
}

export function intRshift(a: PyIntValue, n: PyIntValue): PyIntValue {
  if (n < 0) throw valueError('negative shift count');
  if (typeof a === 'number' && typeof n === 'number') {
    if (n >= 54) return a < 0 ? -1 : 0;
    return Math.floor(a / 2 ** n) || 0;
  }
  const ab = intToBig(a);
  if (typeof n === 'bigint' || n > 0x40000000) return ab < 0n ? -1 : 0;
  return intFromBig(ab >> BigInt(n));
}

function isInt32(v: PyIntValue): v is number {
  return typeof v === 'number' && (v | 0) === v;
}

export function intAnd(a: PyIntValue, b: PyIntValue): PyIntValue {
  if (isInt32(a) && isInt32(b)) return a & b;
  return intFromBig(intToBig(a) & intToBig(b));
}

export function intOr(a: PyIntValue, b: PyIntValue): PyIntValue {
  if (isInt32(a) && isInt32(b)) return a | b;
  return intFromBig(intToBig(a) | intToBig(b));
}

export function intXor(a: PyIntValue, b: PyIntValue): PyIntValue {
  if (isInt32(a) && isInt32(b)) return a ^ b;
  return intFromBig(intToBig(a) ^ intToBig(b));
}

/** Py_ssize_t conversion as in PyNumber_AsSsize_t(v, OverflowError). */
export function intToSsize(v: PyIntValue, message = "cannot fit 'int' into an index-sized integer"): number {
  if (typeof v === 'number') return v;
  if (v > 9223372036854775807n || v < -9223372036854775808n) throw overflowError(message);
  return Number(v);
}

/** Clip to the Py_ssize_t range, as PyNumber_AsSsize_t(v, NULL) does. */
export function intClipSsize(v: PyIntValue): number {
  if (typeof v === 'number') return v;
  return v > 0n ? 9223372036854775807 : -9223372036854775808;
}
