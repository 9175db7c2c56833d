// CPython's hash functions, as bigints in the signed range of Py_hash_t: 64 bits,
// or Pyodide's build (`HASH_WASM32`: 32-bit Py_hash_t and size_t, so _PyHASH_BITS 31,
// the 32-bit xxHash primes, size_t rotations; str/bytes hashed with Py_HASH_FNV,
// measured: hash('a') == -468864544 there):
// - int: long_hash (Objects/longobject.c): the value reduced modulo the
//   Mersenne prime 2**61 - 1, keeping the sign; -1 becomes -2;
// - float: _Py_HashDouble (Python/pyhash.c): the same reduction of the exact
//   rational value (so hash(2.0) == hash(2)); inf → 314159, -inf → -314159,
//   nan → 0 up to 3.9 and the pointer hash of the float object from 3.10;
// - tuple: tuplehash, xxHash-based since 3.8 (multiply-xor before: tupleHashLegacy);
// - None: the pointer hash up to 3.11, the constant 0xFCA86420 from 3.12;
// - objects hashed by identity (instances, functions, types …):
//   _Py_HashPointer, the address rotated right by 4 bits;
// - frozenset: frozenset_hash (Objects/setobject.c), from the entries' hashes;
// - str and bytes: CPython randomises them per process (PYTHONHASHSEED). PyGC
//   Lab uses what CPython computes with PYTHONHASHSEED=0: SipHash with a zero
//   key (SipHash-1-3 from 3.11, SipHash-2-4 before) over the string's internal
//   representation (1, 2 or 4 bytes a character), so set order is deterministic.

import type { PyObject } from './objects';

/** A build's hashing: Py_hash_t's width (`mask` of Py_uhash_t, _PyHASH_BITS, _PyHASH_MODULUS)
 *  and the bytes hash (Py_HASH_ALGORITHM: SipHash, or FNV). */
export interface HashWidth { bits: number; mask: bigint; hashBits: number; modulus: bigint; fnv: boolean }
export const HASH64: HashWidth = { bits: 64, mask: (1n << 64n) - 1n, hashBits: 61, modulus: (1n << 61n) - 1n, fnv: false };
export const HASH_WASM32: HashWidth = { bits: 32, mask: (1n << 32n) - 1n, hashBits: 31, modulus: (1n << 31n) - 1n, fnv: true };

const M64 = HASH64.mask;
const INF = 314159n;

export function toSigned(x: bigint, w: HashWidth = HASH64): bigint { return BigInt.asIntN(w.bits, x); }

/** long_hash */
export function intHash(v: number | bigint, w: HashWidth = HASH64): bigint {
  if (typeof v === 'number' && Number.isSafeInteger(v) && Math.abs(v) < 2 ** w.hashBits - 1) return v === -1 ? -2n : BigInt(v);
  const b = BigInt(v);
  const neg = b < 0n;
  let h = (neg ? -b : b) % w.modulus;
  if (neg) h = -h;
  return h === -1n ? -2n : h;
}

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

/** _Py_HashDouble; `nanHash` is the pointer hash used for nan from 3.10. */
export function floatHash(v: number, nanHash: bigint, w: HashWidth = HASH64): bigint {
  if (Number.isNaN(v)) return nanHash;
  if (v === Infinity) return INF;
  if (v === -Infinity) return -INF;
  if (Number.isInteger(v) && Math.abs(v) < 2 ** 52) return intHash(v, w);
  // v = ±mant * 2**exp exactly
  f64[0] = v;
  const bits = u64[0];
  const neg = (bits >> 63n) === 1n;
  const e = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  let exp: number;
  if (e === 0) exp = -1074; else { mant |= 1n << 52n; exp = e - 1075; }
  const B = w.hashBits;
  let h = mant % w.modulus;
  // 2**B ≡ 1 (mod 2**B - 1)
  const sh = ((exp % B) + B) % B;
  h = ((h << BigInt(sh)) & w.modulus) | (h >> BigInt(B - sh));
  h %= w.modulus;
  if (neg) h = -h;
  return h === -1n ? -2n : h;
}

/** _Py_HashPointer: the address rotated right by 4 bits within size_t. */
export function pointerHash(addr: number, w: HashWidth = HASH64): bigint {
  const y = BigInt(addr) & w.mask;
  const r = ((y >> 4n) | (y << BigInt(w.bits - 4))) & w.mask;
  const x = toSigned(r, w);
  return x === -1n ? -2n : x;
}

/** The xxHash primes and rotation of tuplehash (pyhash.h's _PyHASH_XXPRIME_*, by Py_uhash_t size). */
const XX = {
  64: { p1: 11400714785074694791n, p2: 14029467366897019727n, p5: 2870177450012600261n, rot: 31n },
  32: { p1: 2654435761n, p2: 2246822519n, p5: 374761393n, rot: 13n },
} as const;

/** tuplehash (3.8+) over the items' hashes. */
export function tupleHash(lanes: bigint[], w: HashWidth = HASH64): bigint {
  const { p1, p2, p5, rot } = w.bits === 32 ? XX[32] : XX[64];
  const M = w.mask;
  const back = BigInt(w.bits) - rot;
  let acc: bigint = p5;
  for (const h of lanes) {
    const lane = h & M;
    acc = (acc + lane * p2) & M;
    acc = ((acc << rot) | (acc >> back)) & M;
    acc = (acc * p1) & M;
  }
  acc = (acc + (BigInt(lanes.length) ^ (p5 ^ 3527539n))) & M;
  if (acc === M) return 1546275796n;
  return toSigned(acc, w);
}

/** tuplehash before 3.8 (the multiply-xor hash of Objects/tupleobject.c, 3.7 and earlier). */
export function tupleHashLegacy(hashes: bigint[]): bigint {
  let x = 0x345678n;
  let mult = 1000003n; // _PyHASH_MULTIPLIER
  let len = hashes.length;
  for (const h of hashes) {
    len--;
    x = ((x ^ (h & M64)) * mult) & M64;
    mult = (mult + 82520n + BigInt(len + len)) & M64;
  }
  x = (x + 97531n) & M64;
  if (x === M64) return -2n;
  return toSigned(x);
}

function shuffleBits(h: bigint, M: bigint): bigint {
  h &= M;
  return (((h ^ 89869747n) ^ (h << 16n)) * 3644798167n) & M;
}

/** frozenset_hash over the table (entry hashes; 0 for empty slots, -1 for dummies), in Py_uhash_t. */
export function frozensetHash(hashes: bigint[], fill: number, used: number, w: HashWidth = HASH64): bigint {
  const M = w.mask;
  let hash = 0n;
  for (const h of hashes) hash ^= shuffleBits(h, M);
  if ((hashes.length - fill) & 1) hash ^= shuffleBits(0n, M);
  if ((fill - used) & 1) hash ^= shuffleBits(-1n, M);
  hash ^= ((BigInt(used) + 1n) * 1927868237n) & M;
  hash ^= (hash >> 11n) ^ (hash >> 25n);
  hash = (hash * 69069n + 907133923n) & M;
  if (hash === M) hash = 590923713n;
  return toSigned(hash, w);
}

// ---- SipHash (zero key: PYTHONHASHSEED=0) -------------------------------------

const rotl = (x: bigint, b: bigint) => ((x << b) | (x >> (64n - b))) & M64;

function sipHash(bytes: Uint8Array, cRounds: number, dRounds: number): bigint {
  const k0 = 0n, k1 = 0n;
  let v0 = k0 ^ 0x736f6d6570736575n;
  let v1 = k1 ^ 0x646f72616e646f6dn;
  let v2 = k0 ^ 0x6c7967656e657261n;
  let v3 = k1 ^ 0x7465646279746573n;
  const round = () => {
    v0 = (v0 + v1) & M64; v1 = rotl(v1, 13n); v1 ^= v0; v0 = rotl(v0, 32n);
    v2 = (v2 + v3) & M64; v3 = rotl(v3, 16n); v3 ^= v2;
    v0 = (v0 + v3) & M64; v3 = rotl(v3, 21n); v3 ^= v0;
    v2 = (v2 + v1) & M64; v1 = rotl(v1, 17n); v1 ^= v2; v2 = rotl(v2, 32n);
  };
  const n = bytes.length;
  const full = n - (n % 8);
  for (let i = 0; i < full; i += 8) {
    let m = 0n;
    for (let j = 7; j >= 0; j--) m = (m << 8n) | BigInt(bytes[i + j]);
    v3 ^= m;
    for (let r = 0; r < cRounds; r++) round();
    v0 ^= m;
  }
  let t = BigInt(n & 0xff) << 56n;
  for (let j = n % 8 - 1; j >= 0; j--) t |= BigInt(bytes[full + j]) << BigInt(8 * j);
  v3 ^= t;
  for (let r = 0; r < cRounds; r++) round();
  v0 ^= t;
  v2 ^= 0xffn;
  for (let r = 0; r < dRounds; r++) round();
  return (v0 ^ v1 ^ v2 ^ v3) & M64;
}

/** Python/pyhash.c fnv() with a zero prefix and suffix (PYTHONHASHSEED=0), in Py_uhash_t. */
function fnvHash(bytes: Uint8Array, w: HashWidth): bigint {
  const M = w.mask;
  const size = w.bits / 8;
  const n = bytes.length;
  let rem = n % size;
  if (rem === 0) rem = size;
  let blocks = (n - rem) / size;
  let x = (BigInt(bytes[0]) << 7n) & M;
  let p = 0;
  while (blocks--) {
    let block = 0n;
    for (let j = size - 1; j >= 0; j--) block = (block << 8n) | BigInt(bytes[p + j]);
    x = ((1000003n * x) & M) ^ block;
    p += size;
  }
  for (; rem > 0; rem--) x = ((1000003n * x) & M) ^ BigInt(bytes[p++]);
  x ^= BigInt(n);
  if (x === M) x = M - 1n;
  return toSigned(x, w);
}

function finishBytesHash(bytes: Uint8Array, minor: number, w: HashWidth): bigint {
  if (bytes.length === 0) return 0n;
  if (w.fnv) return fnvHash(bytes, w);
  const x = toSigned(minor >= 11 ? sipHash(bytes, 1, 3) : sipHash(bytes, 2, 4), w);
  return x === -1n ? -2n : x;
}

/** hash(str) with PYTHONHASHSEED=0: over the PEP 393 representation. */
export function strHash(s: string, minor: number, w: HashWidth = HASH64): bigint {
  const cps: number[] = [];
  let max = 0;
  for (const ch of s) { const c = ch.codePointAt(0)!; cps.push(c); if (c > max) max = c; }
  const width = max < 256 ? 1 : max < 65536 ? 2 : 4;
  const out = new Uint8Array(cps.length * width);
  cps.forEach((c, i) => { for (let b = 0; b < width; b++) out[i * width + b] = (c >> (8 * b)) & 0xff; });
  return finishBytesHash(out, minor, w);
}

export function bytesHash(b: Uint8Array, minor: number, w: HashWidth = HASH64): bigint { return finishBytesHash(b, minor, w); }

export type { PyObject };
