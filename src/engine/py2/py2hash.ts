// hash() as CPython 2.7 computes it with hash randomisation off (PYTHONHASHSEED=0),
// as signed 64-bit values: str (the classic multiplicative string hash), int
// and long, float, bool, tuple; other objects by address (_Py_HashPointer of
// the simulated address). Used for 2.7's dict slot order (dictorder.ts), which
// takes them as two unsigned 32-bit halves (py2HashParts: no BigInt on the
// hot paths of str keys, small ints and address-hashed objects).

import { PyBool, PyBytes, PyFloat, PyInt, PyObject, PyStr, PyTuple } from '../objects';

const M64 = (1n << 64n) - 1n;
const signed = (x: bigint): bigint => BigInt.asIntN(64, x);
const fix = (x: bigint): bigint => (x === -1n ? -2n : x);

function bytesHash(bytes: Uint8Array): bigint {
  if (bytes.length === 0) return 0n;
  let x = BigInt(bytes[0]) << 7n;
  for (const b of bytes) x = ((1000003n * x) ^ BigInt(b)) & M64;
  x ^= BigInt(bytes.length);
  return fix(signed(x));
}

/** long_hash (30-bit digits): rotate-and-add over the digits, then the sign. */
function intHash(v: bigint): bigint {
  if (v >= -(1n << 63n) && v < (1n << 63n)) return fix(v);
  const neg = v < 0n;
  let a = neg ? -v : v;
  const digits: bigint[] = [];
  while (a > 0n) { digits.push(a & 0x3fffffffn); a >>= 30n; }
  let x = 0n;
  for (let i = digits.length - 1; i >= 0; i--) {
    x = ((x << 30n) | (x >> 34n)) & M64;
    x = (x + digits[i]) & M64;
    if (x < digits[i]) x = (x + 1n) & M64;
  }
  if (neg) x = (-x) & M64;
  return fix(signed(x));
}

/** _Py_HashDouble of 2.7. */
function floatHash(v: number): bigint {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 0n : v > 0 ? 314159n : -271828n;
  if (Number.isInteger(v)) return intHash(BigInt(v));
  let expo = 0;
  let m = Math.abs(v);
  // frexp: v = m * 2**expo with 0.5 <= m < 1
  while (m >= 1) { m /= 2; expo++; }
  while (m < 0.5) { m *= 2; expo--; }
  if (v < 0) m = -m;
  m *= 2147483648.0;
  const hipart = Math.trunc(m);
  m = (m - hipart) * 2147483648.0;
  const x = BigInt(hipart) + BigInt(Math.trunc(m)) + (BigInt(expo) << 15n);
  return fix(signed(x));
}

/** str hashes by value (they depend on nothing else with PYTHONHASHSEED=0): attribute names
 *  and other keys are hashed again for every new dict, so they are kept, up to a bound, as the
 *  two unsigned 32-bit halves of the 64-bit value. */
const strParts = new Map<string, { lo: number; hi: number }>();
const encoder = new TextEncoder();

/** string_hash of the str's bytes (UTF-8), in 32-bit halves: x = (1000003 * x) ^ byte modulo
 *  2**64 without BigInt (each partial product stays below 2**53). */
function strHashParts(v: string): { lo: number; hi: number } {
  let p = strParts.get(v);
  if (p !== undefined) return p;
  let lo = 0, hi = 0;
  const n = v.length;
  let ascii = true;
  for (let i = 0; i < n; i++) if (v.charCodeAt(i) >= 0x80) { ascii = false; break; }
  const bytes = ascii ? null : encoder.encode(v);
  const len = bytes ? bytes.length : n;
  if (len > 0) {
    const b0 = bytes ? bytes[0] : v.charCodeAt(0);
    lo = (b0 << 7) >>> 0;
    for (let i = 0; i < len; i++) {
      const b = bytes ? bytes[i] : v.charCodeAt(i);
      const l = lo * 1000003;
      const carry = Math.floor(l / 4294967296);
      hi = ((hi * 1000003 + carry) % 4294967296) >>> 0;
      lo = ((l % 4294967296) ^ b) >>> 0;
    }
    lo = (lo ^ len) >>> 0;
    if (lo === 0xffffffff && hi === 0xffffffff) lo = 0xfffffffe; // -1 is -2
  }
  p = { lo, hi };
  if (strParts.size >= 65536) strParts.clear();
  strParts.set(v, p);
  return p;
}

function strHash(v: string): bigint {
  const p = strHashParts(v);
  return signed((BigInt(p.hi) << 32n) | BigInt(p.lo));
}

export function py2Hash(o: PyObject): bigint {
  if (o instanceof PyStr) return strHash(o.v);
  if (o instanceof PyBytes) return bytesHash(o.v as Uint8Array);
  if (o instanceof PyBool) return o.v ? 1n : 0n;
  if (o instanceof PyInt) return intHash(BigInt(o.v));
  if (o instanceof PyFloat) return floatHash(o.v);
  if (o instanceof PyTuple) {
    let x = 0x345678n;
    let mult = 1000003n;
    let len = o.items.length;
    for (const item of o.items) {
      len--;
      const y = py2Hash(item);
      x = ((x ^ y) * mult) & M64;
      mult = (mult + 82520n + BigInt(len) + BigInt(len)) & M64;
    }
    x = (x + 97531n) & M64;
    return fix(signed(x));
  }
  const a = BigInt(o.addr) & M64;
  return fix(signed(((a >> 4n) | (a << 60n)) & M64));
}

/** The halves of py2Hash(o) as unsigned 32-bit numbers, left in HASH_LO / HASH_HI. */
export let HASH_LO = 0;
export let HASH_HI = 0;
const split = (h: bigint): void => { HASH_LO = Number(h & 0xffffffffn); HASH_HI = Number((h >> 32n) & 0xffffffffn); };

let lastStr = '';
let lastParts = { lo: 0, hi: 0 };

export function py2HashParts(o: PyObject): void {
  if (o instanceof PyStr) {
    // (The same attribute name comes again and again: one string compared before the Map.)
    if (o.v === lastStr) { HASH_LO = lastParts.lo; HASH_HI = lastParts.hi; return; }
    const p = strHashParts(o.v);
    lastStr = o.v; lastParts = p;
    HASH_LO = p.lo; HASH_HI = p.hi;
    return;
  }
  if (o instanceof PyInt && typeof o.v === 'number' && (o.v | 0) === o.v) {
    // |v| < 2**31: the hash is v itself (-1 is -2).
    const v = o.v === -1 ? -2 : o.v;
    HASH_LO = v >>> 0; HASH_HI = v < 0 ? 0xffffffff : 0;
    return;
  }
  if (o instanceof PyBytes || o instanceof PyInt || o instanceof PyFloat || o instanceof PyTuple) { split(py2Hash(o)); return; }
  // _Py_HashPointer: the address rotated right by 4 bits.
  const a = o.addr;
  const alo = a >>> 0;
  const ahi = Math.floor(a / 4294967296) >>> 0;
  HASH_LO = ((alo >>> 4) | (ahi << 28)) >>> 0;
  HASH_HI = ((ahi >>> 4) | (alo << 28)) >>> 0;
  if (HASH_LO === 0xffffffff && HASH_HI === 0xffffffff) HASH_LO = 0xfffffffe;
}
