// The numeric attributes of int and float (Objects/longobject.c long_getset,
// floatobject.c float_getset): real, imag, numerator, denominator as read-only
// data descriptors, and the methods conjugate, as_integer_ratio, bit_count and
// is_integer with the versions that have them (scripts/probes/number_attrs.py).

import type { Interp } from '../interp';
import { PyBool, PyFloat, PyInt, PyObject } from '../objects';
import { exactArgs } from './args';

const INT_GETSET = ['real', 'imag', 'numerator', 'denominator'];
const FLOAT_GETSET = ['real', 'imag'];

function minor(it: Interp): number { const [M, m] = it.profile.version; return M > 3 ? 99 : m; }

/** long_long: an exact int is itself, a bool becomes a plain int. */
function intSelf(it: Interp, o: PyInt): PyObject {
  return o instanceof PyBool ? it.newInt(o.v) : it.inc(o);
}

/** The value of a numeric getset attribute, or null if `o` has none called `name`. */
export function numberAttr(it: Interp, o: PyObject, name: string): PyObject | null {
  if (o instanceof PyInt) {
    switch (name) {
      case 'real': case 'numerator': return intSelf(it, o);
      case 'imag': return it.newInt(0);
      case 'denominator': return it.newInt(1);
    }
  } else if (o instanceof PyFloat) {
    switch (name) {
      case 'real': return it.inc(o);
      case 'imag': return it.newFloat(0);
    }
  }
  return null;
}

/** "attribute 'real' of 'int' objects is not writable" for a numeric getset attribute, else null. */
export function numberAttrReadOnly(o: PyObject, name: string): string | null {
  const names = o instanceof PyInt ? INT_GETSET : o instanceof PyFloat ? FLOAT_GETSET : null;
  if (!names || !names.includes(name)) return null;
  return `attribute '${name}' of '${o instanceof PyInt ? 'int' : 'float'}' objects is not writable`;
}

/** The exact ratio of a finite float: numerator and a power-of-two denominator, in lowest terms. */
function floatRatio(x: number): [bigint, bigint] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0), lo = view.getUint32(4);
  const sign = hi >>> 31 ? -1n : 1n;
  const bexp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (bexp === 0) e = -1074;
  else { mant |= 1n << 52n; e = bexp - 1075; }
  if (mant === 0n) return [0n, 1n];
  while (e < 0 && (mant & 1n) === 0n) { mant >>= 1n; e++; }
  return e >= 0 ? [sign * (mant << BigInt(e)), 1n] : [sign * mant, 1n << BigInt(-e)];
}

type Methods = Record<string, (self: PyObject, args: PyObject[], kwnames: string[] | null) => PyObject>;

export function intMethods(it: Interp): Methods {
  const m: Methods = {
    conjugate: (s, a, k) => { exactArgs(it, 'int.conjugate', a, k, 0); return intSelf(it, s as PyInt); },
  };
  if (minor(it) >= 8) {
    m.as_integer_ratio = (s, a, k) => {
      exactArgs(it, 'int.as_integer_ratio', a, k, 0);
      return it.newTupleFromArray([intSelf(it, s as PyInt), it.newInt(1)]); // PyTuple_Pack
    };
  }
  if (minor(it) >= 10) {
    m.bit_count = (s, a, k) => {
      exactArgs(it, 'int.bit_count', a, k, 0);
      let v = BigInt((s as PyInt).v as number | bigint);
      if (v < 0n) v = -v;
      let n = 0;
      for (; v > 0n; v >>= 1n) if (v & 1n) n++;
      return it.newInt(n);
    };
  }
  if (minor(it) >= 12) {
    m.is_integer = (s, a, k) => { exactArgs(it, 'int.is_integer', a, k, 0); return it.newBool(true); };
  }
  return m;
}

export function floatMethods(it: Interp): Methods {
  return {
    conjugate: (s, a, k) => { exactArgs(it, 'float.conjugate', a, k, 0); return it.inc(s); },
    as_integer_ratio: (s, a, k) => {
      exactArgs(it, 'float.as_integer_ratio', a, k, 0);
      const x = (s as PyFloat).v;
      if (x !== x) it.raise('ValueError', 'cannot convert NaN to integer ratio');
      if (!Number.isFinite(x)) it.raise('OverflowError', 'cannot convert Infinity to integer ratio');
      const [n, d] = floatRatio(x);
      return it.newTupleFromArray([it.newInt(n), it.newInt(d)]); // PyTuple_Pack
    },
  };
}
