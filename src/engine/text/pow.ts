// pow(x, y) bit-for-bit as CPython gets it from glibc (>= 2.28) on x86-64
// with FMA: a port of the ARM optimized-routines / glibc e_pow.c algorithm
// (log in double-double with a 128-entry table, then exp with a 2^(k/128)
// table), including the multiply-adds GCC fuses in the FMA build. V8's
// Math.pow differs in the last bit for many inputs, which Python would print.

import {
  EXP_SBITS_HI, EXP_SBITS_LO, EXP_TAIL, POW_INVC, POW_LOGC, POW_LOGCTAIL,
} from './pow-data';

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

function asDouble(hi: number, lo: number): number {
  u32[HI] = hi;
  u32[LO] = lo;
  return f64[0];
}

// ---------------------------------------------------------------- exact fma

const SPLITTER = 134217729; // 2**27 + 1

/**
 * fma(a, b, c) correctly rounded, emulated with an exact product, an exact
 * sum and one addition rounded to odd (Boldo & Melquiond).
 */
export function fma(a: number, b: number, c: number): number {
  const p = a * b;
  if (p - p !== 0 || c - c !== 0) return p + c;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  const pl = ah * bh - p + ah * bl + al * bh + al * bl;
  // (th, tl) = c + p exactly
  const th = c + p;
  const bb = th - c;
  const tl = c - (th - bb) + (p - bb);
  // v = tl + pl rounded to odd
  let v = tl + pl;
  const vb = v - tl;
  const ve = tl - (v - vb) + (pl - vb);
  if (ve !== 0) {
    f64[0] = v;
    if ((u32[LO] & 1) === 0) {
      // move one unit toward the exact value
      const up = (ve > 0) === (v > 0);
      let lo = u32[LO];
      let hi = u32[HI];
      if (up) {
        lo = (lo + 1) >>> 0;
        if (lo === 0) hi = (hi + 1) >>> 0;
      } else {
        if (lo === 0) hi = (hi - 1) >>> 0;
        lo = (lo - 1) >>> 0;
      }
      v = asDouble(hi, lo);
    }
  }
  return th + v;
}

// ---------------------------------------------------------------- constants

const LN2HI = 0.6931471805598903;
const LN2LO = 5.497923018708371e-14;
const A0 = -0.5;
const A1 = -0.6666666666666679;
const A2 = 0.5000000000000007;
const A3 = 0.7999999995323976;
const A4 = -0.6666666663487739;
const A5 = -1.142909628459501;
const A6 = 1.0000415263675542;

const INV_LN2N = 184.6649652337873;
const NEG_LN2HI_N = -0.005415212348111709;
const NEG_LN2LO_N = -1.2864023111638346e-14;
const SHIFT = 6755399441055744.0; // 0x1.8p52
const C2 = 0.49999999999996786;
const C3 = 0.16666666666665886;
const C4 = 0.0416666808410674;
const C5 = 0.008333335853059549;

const P2_1009 = 2 ** 1009;
const P2_M1022 = 2 ** -1022;

// ---------------------------------------------------------------- log

let logTail = 0;

/** log(x) as hi + logTail for x given by its words (hx, lx), x > 0 normal. */
function logInline(hx: number, lx: number): number {
  const tmpHi = (hx - 0x3fe69555) >>> 0; // ix - OFF (OFF's low word is zero)
  const i = (tmpHi >>> 13) & 127;
  const k = (tmpHi | 0) >> 20;
  const z = asDouble((hx - (tmpHi & 0xfff00000)) >>> 0, lx);
  const kd = k;
  const invc = POW_INVC[i];
  const logc = POW_LOGC[i];
  const logctail = POW_LOGCTAIL[i];
  const r = fma(z, invc, -1.0);
  const t1 = fma(kd, LN2HI, logc);
  const t2 = t1 + r;
  const lo1 = fma(kd, LN2LO, logctail);
  const lo2 = t1 - t2 + r;
  const ar = A0 * r;
  const ar2 = r * ar;
  const ar3 = r * ar2;
  const hi = t2 + ar2;
  const lo3 = fma(ar, r, -ar2);
  const lo4 = t2 - hi + ar2;
  const inner = fma(ar2, fma(r, A6, A5), fma(r, A4, A3));
  const poly = fma(ar2, inner, fma(r, A2, A1));
  const lo = fma(ar3, poly, lo1 + lo2 + lo3 + lo4);
  const y = hi + lo;
  logTail = hi - y + lo;
  return y;
}

// ---------------------------------------------------------------- exp

function specialCase(tmp: number, sbHi: number, sbLo: number, k: number): number {
  if (k >= 0) {
    const scale = asDouble((sbHi - (1009 << 20)) >>> 0, sbLo);
    return P2_1009 * fma(scale, tmp, scale);
  }
  const adjHi = (sbHi + (1022 << 20)) >>> 0;
  const scale = asDouble(adjHi, sbLo);
  let y = scale + scale * tmp;
  if (Math.abs(y) < 1.0) {
    const one = y < 0 ? -1.0 : 1.0;
    let lo = scale - y + scale * tmp;
    const hi = one + y;
    lo = one - hi + y + lo;
    y = hi + lo - one;
    if (y === 0) y = (adjHi & 0x80000000) !== 0 ? -0 : 0;
  }
  return P2_M1022 * y;
}

function expInline(x: number, xtail: number): number {
  f64[0] = x;
  let abstop = (u32[HI] >>> 20) & 0x7ff;
  if (((abstop - 0x3c9) >>> 0) >= 0x408 - 0x3c9) {
    if (((abstop - 0x3c9) >>> 0) >= 0x80000000) return 1.0 + x;
    if (abstop >= 0x409) return x < 0 ? 0 : Infinity;
    abstop = 0;
  }
  let kd = fma(INV_LN2N, x, SHIFT);
  f64[0] = kd;
  const k = u32[LO] | 0; // low bits of the integer in kd's mantissa
  kd -= SHIFT;
  let r = fma(kd, NEG_LN2LO_N, fma(kd, NEG_LN2HI_N, x));
  r += xtail;
  const idx = k & 127;
  const sbHi = (EXP_SBITS_HI[idx] + ((k << 13) >>> 0)) >>> 0;
  const sbLo = EXP_SBITS_LO[idx];
  const tail = EXP_TAIL[idx];
  const r2 = r * r;
  const tmp = fma(r2 * r2, fma(r, C5, C4), fma(r2, fma(r, C3, C2), tail + r));
  if (abstop === 0) return specialCase(tmp, sbHi, sbLo, k);
  const scale = asDouble(sbHi, sbLo);
  return fma(scale, tmp, scale);
}

// ---------------------------------------------------------------- pow

/**
 * pow(x, y) for finite x > 0, x != 1 and finite y != 0, as glibc computes it
 * (verified bit-exact against CPython 3.11 on 700k random and edge inputs).
 * Returns Infinity on overflow and 0 on underflow.
 */
export function libmPow(x: number, y: number): number {
  f64[0] = y;
  const topy = u32[HI] >>> 20;
  f64[0] = x;
  let hx = u32[HI];
  let lx = u32[LO];
  const topx = hx >>> 20;
  if (((topy & 0x7ff) - 0x3be) >>> 0 >= 0x43e - 0x3be) {
    if ((topy & 0x7ff) < 0x3be) return x > 1 ? 1.0 + y : 1.0 - y;
    return x > 1 === topy < 0x800 ? Infinity : 0;
  }
  if (topx === 0) {
    // subnormal x: normalise so the exponent becomes negative
    f64[0] = x * 4503599627370496; // 2**52
    hx = ((u32[HI] & 0x7fffffff) - (52 << 20)) >>> 0;
    lx = u32[LO];
  }
  const hi = logInline(hx, lx);
  const lo = logTail;
  const ehi = y * hi;
  const elo = fma(y, lo, fma(y, hi, -ehi));
  return expInline(ehi, elo);
}
