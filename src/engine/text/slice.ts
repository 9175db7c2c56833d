// Slice index arithmetic shared by str, list, tuple and bytes:
// PySlice_Unpack + PySlice_AdjustIndices, and sequence index normalisation.

import { PyError, valueError } from './errors';
import { PyIntValue } from './int';

const SSIZE_MAX = 9223372036854775807;
const SSIZE_MIN = -9223372036854775808;

/** Result of slice.indices(length): a range of `length` items from start by step. */
export interface SliceBounds {
  start: number;
  stop: number;
  step: number;
  length: number;
}

function clip(v: PyIntValue): number {
  if (typeof v === 'number') return v;
  return v > 0n ? SSIZE_MAX : SSIZE_MIN;
}

/** s[start:stop:step] bounds for a sequence of `len` items; null means None. */
export function sliceIndices(
  len: number,
  start: PyIntValue | null,
  stop: PyIntValue | null,
  step: PyIntValue | null = null,
): SliceBounds {
  let st = 1;
  if (step !== null) {
    st = clip(step);
    if (st === 0) throw valueError('slice step cannot be zero');
    if (st < -SSIZE_MAX) st = -SSIZE_MAX;
  }
  let a = start === null ? (st < 0 ? SSIZE_MAX : 0) : clip(start);
  let b = stop === null ? (st < 0 ? SSIZE_MIN : SSIZE_MAX) : clip(stop);
  if (a < 0) {
    a += len;
    if (a < 0) a = st < 0 ? -1 : 0;
  } else if (a >= len) {
    a = st < 0 ? len - 1 : len;
  }
  if (b < 0) {
    b += len;
    if (b < 0) b = st < 0 ? -1 : 0;
  } else if (b >= len) {
    b = st < 0 ? len - 1 : len;
  }
  let n = 0;
  if (st < 0) {
    if (b < a) n = Math.floor((a - b - 1) / -st) + 1;
  } else if (a < b) {
    n = Math.floor((b - a - 1) / st) + 1;
  }
  return { start: a, stop: b, step: st, length: n };
}

/** Normalise a subscript i for a sequence of `len` items, or throw IndexError(message). */
export function seqIndex(len: number, i: PyIntValue, message: string): number {
  if (typeof i === 'bigint') {
    if (i > 9223372036854775807n || i < -9223372036854775808n) {
      throw new PyError('IndexError', "cannot fit 'int' into an index-sized integer");
    }
    throw new PyError('IndexError', message);
  }
  const j = i < 0 ? i + len : i;
  if (j < 0 || j >= len) throw new PyError('IndexError', message);
  return j;
}
