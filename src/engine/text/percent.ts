// printf-style str % args formatting, ported from CPython 3.11's
// PyUnicode_Format: flags, width/precision (incl. '*'), %(key)s mappings, all
// conversions and the exact TypeError/ValueError/OverflowError messages.

import { codePointAtUnit, cpLength, cpSlice, cpToString, unitToCp } from './codepoints';
import { PyError, keyError, overflowError, typeError, valueError } from './errors';
import { DTSF_ALT, FloatFormatCode, doubleToString } from './floatrepr';
import { PyIntValue, floatToInt } from './int';
import { intDigits } from './radix';

/** One argument of a % format, supplied lazily by the caller. */
export interface PercentValue {
  /** Python type name, for messages ("not str"). */
  readonly typeName: string;
  /** True for int, bool and other __index__ types. */
  readonly isIntegral: boolean;
  str(): string;
  repr(): string;
  ascii(): string;
  /** The exact int value when isIntegral, else null. */
  asInt(): PyIntValue | null;
  /** float(v) for real numbers (int, float, ...), null for non-numbers; may throw OverflowError. */
  asFloat(): number | null;
  /** The string value for str (used by %c), else null. */
  asStr(): string | null;
}

/**
 * The right operand of %: a tuple, a single value, or a single value that is
 * also a mapping (has __getitem__ and is not a tuple or str: dict, list, ...).
 * `get` may throw its own error (e.g. list's TypeError); undefined means KeyError.
 */
export type PercentArgs =
  | { readonly kind: 'tuple'; readonly items: readonly PercentValue[] }
  | { readonly kind: 'single'; readonly value: PercentValue }
  | { readonly kind: 'mapping'; readonly value: PercentValue; get(key: string): PercentValue | undefined };

const F_LJUST = 1;
const F_SIGN = 2;
const F_BLANK = 4;
const F_ALT = 8;
const F_ZERO = 16;

interface Ctx {
  args: PercentArgs;
  cur: PercentValue | null; // the single value (or the value a %(key) selected)
  arglen: number;
  argidx: number;
  isDict: boolean;
  /** "%d format: <numberWord> is required" ('a real number' from 3.10, 'a number' before). */
  numberWord: string;
}

function nextArg(ctx: Ctx): PercentValue {
  const i = ctx.argidx;
  if (i < ctx.arglen) {
    ctx.argidx++;
    if (ctx.arglen < 0) return ctx.cur as PercentValue;
    return (ctx.args as { items: readonly PercentValue[] }).items[i];
  }
  throw typeError('not enough arguments for format string');
}

/** fmt % args for a str fmt. */
export function percentFormat(fmt: string, args: PercentArgs, numberWord = 'a real number'): string {
  const ctx: Ctx = {
    numberWord,
    args,
    cur: args.kind === 'tuple' ? null : args.value,
    arglen: args.kind === 'tuple' ? args.items.length : -1,
    argidx: args.kind === 'tuple' ? 0 : -2,
    isDict: args.kind === 'mapping',
  };
  const n = fmt.length;
  let out = '';
  let pos = 0;
  while (pos < n) {
    const pct = fmt.indexOf('%', pos);
    if (pct < 0) {
      out += pos === 0 ? fmt : fmt.slice(pos);
      break;
    }
    if (pct > pos) out += fmt.slice(pos, pct);
    pos = pct + 1;
    if (pos < n && fmt.charCodeAt(pos) === 37) {
      out += '%';
      pos++;
      continue;
    }
    pos = formatArg(fmt, pos, ctx, (t) => {
      out += t;
    });
    if (ctx.isDict && ctx.argidx < ctx.arglen) {
      throw typeError('not all arguments converted during string formatting');
    }
  }
  if (ctx.argidx < ctx.arglen && !ctx.isDict) {
    throw typeError('not all arguments converted during string formatting');
  }
  return out;
}

function wantsInt(v: PercentValue): PyIntValue {
  const i = v.isIntegral ? v.asInt() : null;
  if (i === null) throw typeError('* wants int');
  return i;
}

/**
 * One conversion starting just after '%' (a literal port of
 * unicode_format_arg_parse: `cnt` is CPython's countdown of characters left,
 * and reading past the end yields 0 as C's terminating NUL does).
 * Returns the position after the conversion.
 */
function formatArg(fmt: string, pos: number, ctx: Ctx, emit: (t: string) => void): number {
  const n = fmt.length;
  let cnt = n - pos;
  let ch = pos < n ? fmt.charCodeAt(pos) : 0;
  if (ch === 40) {
    if (!ctx.isDict) throw typeError('format requires a mapping');
    pos++;
    cnt--;
    const keyStart = pos;
    let depth = 1;
    while (depth > 0 && --cnt >= 0) {
      ch = fmt.charCodeAt(pos++);
      if (ch === 41) depth--;
      else if (ch === 40) depth++;
    }
    if (cnt < 0 || depth > 0) throw valueError('incomplete format key');
    const key = fmt.slice(keyStart, pos - 1);
    const m = ctx.args as { get(key: string): PercentValue | undefined };
    const v = m.get(key);
    if (v === undefined) throw keyError(key);
    ctx.cur = v;
    ctx.arglen = -1;
    ctx.argidx = -2;
  }
  let flags = 0;
  while (--cnt >= 0) {
    ch = fmt.charCodeAt(pos++);
    if (ch === 45) flags |= F_LJUST;
    else if (ch === 43) flags |= F_SIGN;
    else if (ch === 32) flags |= F_BLANK;
    else if (ch === 35) flags |= F_ALT;
    else if (ch === 48) flags |= F_ZERO;
    else break;
  }
  let width = -1;
  let prec = -1;
  if (ch === 42) {
    const w = wantsInt(nextArg(ctx));
    if (typeof w === 'bigint') throw overflowError('Python int too large to convert to C ssize_t');
    width = w;
    if (width < 0) {
      flags |= F_LJUST;
      width = -width;
    }
    if (--cnt >= 0) ch = fmt.charCodeAt(pos++);
  } else if (ch >= 48 && ch <= 57) {
    width = ch - 48;
    while (--cnt >= 0) {
      ch = fmt.charCodeAt(pos++);
      if (ch < 48 || ch > 57) break;
      if (width > (9223372036854775807 - (ch - 48)) / 10) throw valueError('width too big');
      width = width * 10 + (ch - 48);
    }
  }
  if (ch === 46) {
    prec = 0;
    if (--cnt >= 0) ch = fmt.charCodeAt(pos++);
    if (ch === 42) {
      const p = wantsInt(nextArg(ctx));
      if (typeof p === 'bigint' || p > 2147483647 || p < -2147483648) {
        throw overflowError('Python int too large to convert to C int');
      }
      prec = p < 0 ? 0 : p;
      if (--cnt >= 0) ch = fmt.charCodeAt(pos++);
    } else if (ch >= 48 && ch <= 57) {
      prec = ch - 48;
      while (--cnt >= 0) {
        ch = fmt.charCodeAt(pos++);
        if (ch < 48 || ch > 57) break;
        if (prec > (2147483647 - (ch - 48)) / 10) throw valueError('precision too big');
        prec = prec * 10 + (ch - 48);
      }
    }
  }
  if (cnt >= 0 && (ch === 104 || ch === 108 || ch === 76)) {
    if (--cnt >= 0) ch = fmt.charCodeAt(pos++);
  }
  if (cnt < 0) throw valueError('incomplete format');

  const v = nextArg(ctx);
  let s: string;
  let sign = false;
  switch (ch) {
    case 115: // s
      s = v.str();
      break;
    case 114: // r
      s = v.repr();
      break;
    case 97: // a
      s = v.ascii();
      break;
    case 105: case 100: case 117: case 111: case 120: case 88: // i d u o x X
      s = formatLong(v, ch, flags, prec, ctx.numberWord);
      sign = true;
      break;
    case 101: case 69: case 102: case 70: case 103: case 71: { // e E f F g G
      const x = v.asFloat();
      if (x === null) throw typeError(`must be real number, not ${v.typeName}`);
      s = doubleToString(x, String.fromCharCode(ch) as FloatFormatCode, prec < 0 ? 6 : prec, flags & F_ALT ? DTSF_ALT : 0);
      sign = true;
      break;
    }
    case 99: // c
      s = formatChar(v);
      break;
    default: {
      // the character may be astral: report its code point and code point index
      const at = pos - 1;
      let cp = ch;
      if (ch >= 0xd800 && ch <= 0xdbff) {
        cp = codePointAtUnit(fmt, at);
        if (cp > 0xffff) pos++;
      }
      throw valueError(
        `unsupported format character '${cp >= 31 && cp <= 126 ? String.fromCharCode(cp) : '?'}' (0x${cp.toString(16)}) at index ${unitToCp(fmt, at)}`,
      );
    }
  }
  emit(output(s, ch, flags, width, prec, sign));
  return pos;
}

function formatChar(v: PercentValue): string {
  const str = v.asStr();
  if (str !== null) {
    if (cpLength(str) === 1) return str;
    throw typeError('%c requires int or char');
  }
  const i = v.isIntegral ? v.asInt() : null;
  if (i === null) throw typeError('%c requires int or char');
  if (i < 0 || i > 0x10ffff) throw overflowError('%c arg not in range(0x110000)');
  return cpToString(Number(i));
}

/** mainformatlong + _PyUnicode_FormatLong. */
function formatLong(v: PercentValue, type: number, flags: number, prec: number, numberWord: string): string {
  let iv: PyIntValue | null = v.isIntegral ? v.asInt() : null;
  if (iv === null) {
    if (type === 111 || type === 120 || type === 88) {
      throw typeError(`%${String.fromCharCode(type)} format: an integer is required, not ${v.typeName}`);
    }
    const x = v.asFloat();
    if (x === null) {
      throw typeError(`%${String.fromCharCode(type)} format: ${numberWord} is required, not ${v.typeName}`);
    }
    iv = floatToInt(x);
  }
  const base = type === 111 ? 8 : type === 120 || type === 88 ? 16 : 10;
  let digits = intDigits(iv, base);
  if (prec > 2147483644) throw overflowError('precision too large');
  if (prec > digits.length) digits = '0'.repeat(prec - digits.length) + digits;
  let prefix = '';
  if (flags & F_ALT) {
    if (type === 111) prefix = '0o';
    else if (type === 120) prefix = '0x';
    else if (type === 88) prefix = '0X';
  }
  if (type === 88) digits = digits.toUpperCase();
  return (iv < 0 ? '-' : '') + prefix + digits;
}

/** unicode_format_arg_output: width, precision truncation, sign and zero padding. */
function output(str: string, ch: number, flags: number, width: number, prec: number, sign: boolean): string {
  let len = str.length < 2 ? str.length : cpLength(str);
  if ((width === -1 || width <= len) && (prec === -1 || prec >= len) && !(flags & (F_SIGN | F_BLANK))) {
    return str;
  }
  const fill = sign && flags & F_ZERO ? '0' : ' ';
  let body = str;
  if (ch === 115 || ch === 114 || ch === 97) {
    if (prec >= 0 && len > prec) {
      body = cpSlice(str, 0, prec);
      len = prec;
    }
  }
  let signchar = '';
  if (sign) {
    const c = body.charCodeAt(0);
    if (c === 45 || c === 43) {
      signchar = body[0];
      body = body.slice(1);
      len--;
    } else if (flags & F_SIGN) {
      signchar = '+';
    } else if (flags & F_BLANK) {
      signchar = ' ';
    } else {
      sign = false;
    }
  }
  if (width < len) width = len;
  let out = '';
  if (sign) {
    if (fill !== ' ') out += signchar;
    if (width > len) width--;
  }
  const altPrefix = flags & F_ALT && (ch === 120 || ch === 88 || ch === 111);
  if (altPrefix) {
    if (fill !== ' ') out += body.slice(0, 2);
    width -= 2;
    if (width < 0) width = 0;
    len -= 2;
  }
  if (width > len && !(flags & F_LJUST)) {
    out += pad(fill, width - len);
    width = len;
  }
  if (fill === ' ') {
    if (sign) out += signchar;
    if (altPrefix) out += body.slice(0, 2);
  }
  out += altPrefix ? body.slice(2) : body;
  if (width > len) out += pad(' ', width - len);
  return out;
}

function pad(c: string, n: number): string {
  if (n > 0x10000000) throw new PyError('MemoryError', '');
  return c.repeat(n);
}
