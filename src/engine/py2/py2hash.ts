// hash() as CPython 2.7 computes it with hash randomisation off (PYTHONHASHSEED=0),
// as signed 64-bit values: str (the classic multiplicative string hash), int
// and long, float, bool, tuple; other objects by address (_Py_HashPointer of
// the simulated address). Used for 2.7's dict slot order (dictorder.ts).

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
 *  and other keys are hashed again for every new dict, so they are kept, up to a bound. */
const strHashes = new Map<string, bigint>();
const encoder = new TextEncoder();

function strHash(v: string): bigint {
  let h = strHashes.get(v);
  if (h === undefined) {
    h = bytesHash(encoder.encode(v));
    if (strHashes.size >= 65536) strHashes.clear();
    strHashes.set(v, h);
  }
  return h;
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
