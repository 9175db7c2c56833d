// Exact bigint-to-double conversions with correct rounding (half to even,
// subnormals included): used by int true division and exact pow().

/** Number of bits of |b|. */
export function bigBitLength(b: bigint): number {
  if (b < 0n) b = -b;
  if (b === 0n) return 0;
  const s = b.toString(16);
  const c = s.charCodeAt(0);
  const top = c >= 97 ? c - 87 : c - 48;
  return s.length * 4 - (top >= 8 ? 0 : top >= 4 ? 1 : top >= 2 ? 2 : 3);
}

/** The double nearest to (n / d) * 2**exp2 for positive bigints (round half even, subnormals too). */
export function bigRatioToFloat(n: bigint, d: bigint, exp2 = 0): number {
  const shift = 55 - (bigBitLength(n) - bigBitLength(d)); // quotient gets 55 or 56 bits
  let q: bigint;
  let rem: bigint;
  if (shift >= 0) {
    const nn = n << BigInt(shift);
    q = nn / d;
    rem = nn % d;
  } else {
    const dd = d << BigInt(-shift);
    q = n / dd;
    rem = n % dd;
  }
  return roundScaled(q, rem !== 0n, exp2 - shift);
}

/** The double nearest to q * 2**exp2 (q > 0), `sticky` meaning q is a slight underestimate. */
export function roundScaled(q: bigint, sticky: boolean, exp2: number): number {
  const bl = bigBitLength(q);
  const top = bl - 1 + exp2; // exponent of the leading bit
  if (top > 1023) return Infinity;
  let precision = 53;
  if (top < -1022) precision = 53 - (-1022 - top);
  let drop = bl - precision;
  if (drop <= 0) return ldexp(Number(q), exp2);
  if (precision <= 0) {
    // below half the smallest subnormal unless exactly half and sticky
    if (precision < 0) return 0;
    drop = bl; // keep nothing, decide on the leading bit
  }
  const bd = BigInt(drop);
  let kept = q >> bd;
  const rem = q & ((1n << bd) - 1n);
  const half = 1n << (bd - 1n);
  if (rem > half || (rem === half && (sticky || (kept & 1n) === 1n))) kept += 1n;
  return ldexp(Number(kept), exp2 + drop);
}

const pf64 = new Float64Array(1);
const pu32 = new Uint32Array(pf64.buffer);
const PHI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** 2**e exactly, for -1074 <= e <= 1023. */
function pow2(e: number): number {
  pu32[0] = 0;
  pu32[1] = 0;
  if (e >= -1022) {
    pu32[PHI] = (e + 1023) << 20;
  } else if (e >= -1042) {
    pu32[PHI] = 1 << (e + 1042);
  } else {
    pu32[1 - PHI] = 2 ** (e + 1074);
  }
  return pf64[0];
}

/** m * 2**e for an integer m < 2**54, exact whenever the result is representable. */
function ldexp(m: number, e: number): number {
  if (e > 1023) {
    m *= pow2(1023);
    e -= 1023;
    if (e > 1023) return Infinity;
  } else if (e < -1022) {
    m *= pow2(-1022);
    e += 1022;
    if (e < -1074) return 0;
  }
  return m * pow2(e);
}

