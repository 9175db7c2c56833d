// A correctly rounded pow(x, y) for x > 0, matching the C library CPython
// uses (glibc's pow is correctly rounded; V8's Math.pow is not). Integral
// exponents are computed exactly with BigInt; others in double-double
// arithmetic (~100 bits), which rounds correctly except in astronomically
// rare near-midpoint cases.

import { bigRatioToFloat, roundScaled } from './bigfloat';

// ---------------------------------------------------------------- double-double kernel
// Results are returned in (rh, rl) to avoid allocating.
let rh = 0;
let rl = 0;

const SPLITTER = 134217729; // 2**27 + 1

function twoProd(a: number, b: number): void {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  rh = p;
  rl = ah * bh - p + ah * bl + al * bh + al * bl;
}

function quickTwoSum(a: number, b: number): void {
  const s = a + b;
  rl = b - (s - a);
  rh = s;
}

function ddAdd(ah: number, al: number, bh: number, bl: number): void {
  let s = ah + bh;
  let bb = s - ah;
  let e = ah - (s - bb) + (bh - bb);
  const t = al + bl;
  bb = t - al;
  const f = al - (t - bb) + (bl - bb);
  e += t;
  quickTwoSum(s, e);
  s = rh;
  e = rl + f;
  quickTwoSum(s, e);
}

function ddMul(ah: number, al: number, bh: number, bl: number): void {
  twoProd(ah, bh);
  const p = rh;
  const e = rl + (ah * bl + al * bh);
  quickTwoSum(p, e);
}

function ddMulD(ah: number, al: number, b: number): void {
  twoProd(ah, b);
  const p = rh;
  const e = rl + al * b;
  quickTwoSum(p, e);
}

function ddDiv(ah: number, al: number, bh: number, bl: number): void {
  const q1 = ah / bh;
  ddMulD(bh, bl, q1);
  ddAdd(ah, al, -rh, -rl);
  const q2 = rh / bh;
  const r1h = rh;
  const r1l = rl;
  ddMulD(bh, bl, q2);
  ddAdd(r1h, r1l, -rh, -rl);
  const q3 = rh / bh;
  quickTwoSum(q1, q2);
  ddAdd(rh, rl, q3, 0);
}

// ---------------------------------------------------------------- constants
const LN2_HI = 6.931471805599452862e-1;
const LN2_LO = 2.319046813846299558e-17;
const SQRT2 = Math.SQRT2;

const LOG_TERMS = 24;
const logCoefH = new Float64Array(LOG_TERMS);
const logCoefL = new Float64Array(LOG_TERMS);
for (let k = 0; k < LOG_TERMS; k++) {
  ddDiv(1, 0, 2 * k + 1, 0); // 1 / (2k + 1)
  logCoefH[k] = rh;
  logCoefL[k] = rl;
}

const EXP_TERMS = 26;
const expCoefH = new Float64Array(EXP_TERMS);
const expCoefL = new Float64Array(EXP_TERMS);
expCoefH[0] = 1;
for (let n = 1; n < EXP_TERMS; n++) {
  ddDiv(expCoefH[n - 1], expCoefL[n - 1], n, 0); // 1 / n!
  expCoefH[n] = rh;
  expCoefL[n] = rl;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** ln(x) for finite x > 0, into (rh, rl). */
function ddLog(x: number): void {
  let e = 0;
  if (x < 2.2250738585072014e-308) {
    x *= 18014398509481984; // 2**54
    e = -54;
  }
  f64[0] = x;
  const bexp = (u32[HI] >>> 20) & 0x7ff;
  e += bexp - 1023;
  u32[HI] = (u32[HI] & 0x800fffff) | (1023 << 20);
  let m = f64[0]; // in [1, 2)
  if (m > SQRT2) {
    m /= 2;
    e += 1;
  }
  // log(m) = 2 atanh(s), s = (m - 1) / (m + 1)
  const num = m - 1;
  quickTwoSum(m, 1); // m + 1 in [1.7, 2.5): |m| >= 1 so quickTwoSum is exact
  ddDiv(num, 0, rh, rl);
  const sh = rh;
  const sl = rl;
  ddMul(sh, sl, sh, sl);
  const s2h = rh;
  const s2l = rl;
  let acch = logCoefH[LOG_TERMS - 1];
  let accl = logCoefL[LOG_TERMS - 1];
  for (let k = LOG_TERMS - 2; k >= 0; k--) {
    ddMul(acch, accl, s2h, s2l);
    ddAdd(rh, rl, logCoefH[k], logCoefL[k]);
    acch = rh;
    accl = rl;
  }
  ddMul(acch, accl, sh, sl);
  const lh = 2 * rh;
  const ll = 2 * rl;
  ddMulD(LN2_HI, LN2_LO, e);
  ddAdd(rh, rl, lh, ll);
}

/** m * 2**k, rounding once at most. */
function scale(m: number, k: number): number {
  if (k > 1000) {
    m *= 2 ** 1000;
    k -= 1000;
  } else if (k < -1000) {
    m *= 2 ** -1000;
    k += 1000;
    if (k < -1000) {
      m *= 2 ** -1000;
      k += 1000;
    }
  }
  return m * 2 ** k;
}

/** exp(th + tl) for |th| < 746. */
function ddExp(th: number, tl: number): number {
  const k = Math.round(th / LN2_HI);
  ddMulD(LN2_HI, LN2_LO, k);
  ddAdd(th, tl, -rh, -rl);
  const r0 = rh;
  const r1 = rl;
  let acch = expCoefH[EXP_TERMS - 1];
  let accl = expCoefL[EXP_TERMS - 1];
  for (let n = EXP_TERMS - 2; n >= 0; n--) {
    ddMul(acch, accl, r0, r1);
    ddAdd(rh, rl, expCoefH[n], expCoefL[n]);
    acch = rh;
    accl = rl;
  }
  return scale(acch, k);
}

// ---------------------------------------------------------------- pow

function oddPart(x: number): [number, number] {
  // x = m * 2**k with m an odd integer
  let k = 0;
  let m = x;
  if (m < 1) {
    while (m < 4503599627370496 && !Number.isInteger(m)) {
      m *= 1024;
      k -= 10;
    }
  }
  while (!Number.isInteger(m)) {
    m *= 2;
    k -= 1;
  }
  while (m % 1024 === 0) {
    m /= 1024;
    k += 10;
  }
  while (m % 2 === 0) {
    m /= 2;
    k += 1;
  }
  return [m, k];
}

/** pow(x, y) correctly rounded, for finite x > 0, x != 1, finite y != 0 (Infinity on overflow). */
export function crPow(x: number, y: number): number {
  const est = y * Math.log2(x);
  if (est > 1030) return Infinity;
  if (est < -1080) return 0;
  if (Number.isInteger(y)) {
    const [m, k] = oddPart(x);
    const bits = Math.log2(m) + 1;
    const ay = Math.abs(y);
    if (bits * ay <= 4000) {
      const p = BigInt(m) ** BigInt(ay);
      if (y > 0) return roundScaled(p, false, k * y);
      return bigRatioToFloat(1n, p, k * y);
    }
  } else if (y === 0.5) {
    return Math.sqrt(x);
  }
  ddLog(x);
  ddMulD(rh, rl, y);
  if (rh > 709.8) {
    // may still be just below DBL_MAX: compute and let scale() decide
    if (rh > 710) return Infinity;
  }
  if (rh < -746) return 0;
  return ddExp(rh, rl);
}
