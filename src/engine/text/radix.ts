// int -> str conversions: str()/repr() in decimal (with CPython's 4300-digit
// limit), bin()/oct()/hex() with sign and prefix.

import { valueError } from './errors';
import { PyIntValue } from './int';

let maxStrDigits = 4300;

/** sys.set_int_max_str_digits(n): 0 disables the limit. */
export function setIntMaxStrDigits(n: number): void {
  if (n !== 0 && n < 640) throw valueError('maxdigits must be 0 or larger than 640');
  maxStrDigits = n;
}

export function getIntMaxStrDigits(): number {
  return maxStrDigits;
}

/** str(v) / repr(v) for an int. */
export function intToStr(v: PyIntValue): string {
  if (typeof v === 'number') return String(v);
  const s = v.toString();
  if (maxStrDigits > 0) {
    const n = v < 0n ? s.length - 1 : s.length;
    if (n > maxStrDigits) {
      throw valueError(
        `Exceeds the limit (${maxStrDigits} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`,
      );
    }
  }
  return s;
}

/** Digits of |v| in base 2, 8, 10 or 16 (lower case), without sign or prefix. */
export function intDigits(v: PyIntValue, base: 2 | 8 | 10 | 16): string {
  if (base === 10) {
    const s = intToStr(v);
    return s.charCodeAt(0) === 45 ? s.slice(1) : s;
  }
  if (typeof v === 'number') return (v < 0 ? -v : v).toString(base);
  return (v < 0n ? -v : v).toString(base);
}

/** bin(v): '0b101', '-0b101'. */
export function intBin(v: PyIntValue): string {
  return (v < 0 ? '-0b' : '0b') + intDigits(v, 2);
}

/** oct(v): '0o17', '-0o17'. */
export function intOct(v: PyIntValue): string {
  return (v < 0 ? '-0o' : '0o') + intDigits(v, 8);
}

/** hex(v): '0xff', '-0xff'. */
export function intHex(v: PyIntValue): string {
  return (v < 0 ? '-0x' : '0x') + intDigits(v, 16);
}
