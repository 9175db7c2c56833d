// Python float arithmetic where it differs from plain JS: division by zero
// errors, floor division and modulo with the sign of the divisor, and pow()'s
// special cases and overflow, ported from CPython's floatobject.c.

import { overflowError, zeroDivisionError } from './errors';
import { libmPow } from './pow';

/** x / y */
export function floatTrueDiv(x: number, y: number): number {
  if (y === 0) throw zeroDivisionError('float division by zero');
  return x / y;
}

/** x % y with the sign of y (float_rem). */
export function floatMod(x: number, y: number): number {
  if (y === 0) throw zeroDivisionError('float modulo');
  let mod = x % y;
  if (mod !== 0) {
    // NaN counts as nonzero here, as in C
    if (y < 0 !== mod < 0) mod += y;
  } else {
    mod = y < 0 ? -0 : 0;
  }
  return mod;
}

function divmodCore(x: number, y: number, out: [number, number]): [number, number] {
  let mod = x % y;
  let div = (x - mod) / y;
  if (mod !== 0) {
    if (y < 0 !== mod < 0) {
      mod += y;
      div -= 1;
    }
  } else {
    mod = y < 0 ? -0 : 0;
  }
  let floordiv: number;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
  } else {
    floordiv = x / y < 0 || Object.is(x / y, -0) ? -0 : 0;
  }
  out[0] = floordiv;
  out[1] = mod;
  return out;
}

const scratch: [number, number] = [0, 0];

/** x // y (float_floor_div). */
export function floatFloorDiv(x: number, y: number): number {
  if (y === 0) throw zeroDivisionError('float floor division by zero');
  return divmodCore(x, y, scratch)[0];
}

/** divmod(x, y) for floats. */
export function floatDivmod(x: number, y: number): [number, number] {
  if (y === 0) throw zeroDivisionError('float divmod()');
  return divmodCore(x, y, [0, 0]);
}

function isOddInteger(y: number): boolean {
  return Math.abs(y % 2) === 1;
}

/**
 * x ** y for floats (float_pow). Returns null when CPython's result is a
 * complex number (a negative base with a non-integral exponent).
 */
export function floatPow(x: number, y: number): number | null {
  if (y === 0) return 1;
  if (x !== x) return x;
  if (y !== y) return x === 1 ? 1 : y;
  if (y === Infinity || y === -Infinity) {
    const ax = Math.abs(x);
    if (ax === 1) return 1;
    if (y > 0 === ax > 1) return Infinity;
    return 0;
  }
  if (x === Infinity || x === -Infinity) {
    const odd = isOddInteger(y);
    if (y > 0) return odd ? x : Infinity;
    return odd ? (x < 0 ? -0 : 0) : 0;
  }
  if (x === 0) {
    if (y < 0) throw zeroDivisionError('0.0 cannot be raised to a negative power');
    return isOddInteger(y) ? x : 0;
  }
  let negate = false;
  if (x < 0) {
    if (y !== Math.floor(y)) return null;
    x = -x;
    negate = isOddInteger(y);
  }
  if (x === 1) return negate ? -1 : 1;
  const r = libmPow(x, y);
  if (r === Infinity) throw overflowError("(34, 'Numerical result out of range')");
  return negate ? -r : r;
}

/** float.is_integer() */
export function floatIsInteger(x: number): boolean {
  return Number.isInteger(x);
}
