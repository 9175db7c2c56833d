// Replays every case recorded from real CPython by scripts/record-text-fixtures.py
// (test/unit/fixtures/text-cases.json) through src/engine/text and compares
// results and exception type/message. One node test per recorded function.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { PyError, keyError } from '../../src/engine/text/errors';
import { PyIntValue } from '../../src/engine/text/int';
import * as N from '../../src/engine/text/numbers';
import { floatRepr } from '../../src/engine/text/floatrepr';
import { asciiEscape, bytesRepr, strAscii, strRepr } from '../../src/engine/text/strrepr';
import { PercentArgs, PercentValue, percentFormat } from '../../src/engine/text/percent';
import { FormatValue, formatFloat, formatInt, formatStr, strFormat, strFormatMap } from '../../src/engine/text/formatspec';
import * as S from '../../src/engine/text/strmethods';
import { sliceIndices } from '../../src/engine/text/slice';

// ------------------------------------------------------------------ value model

class PInt {
  constructor(readonly v: PyIntValue) {}
}
class PFloat {
  constructor(readonly v: number) {}
}
class PBytes {
  constructor(readonly v: Uint8Array) {}
}
class PTuple {
  constructor(readonly items: PyVal[]) {}
}
class PDict {
  constructor(readonly entries: [PyVal, PyVal][]) {}
}
class PComplex {
  constructor(readonly re: number, readonly im: number) {}
}
class PNs {
  constructor(readonly attrs: [string, PyVal][]) {}
}
type PyVal = null | boolean | string | PInt | PFloat | PBytes | PTuple | PDict | PComplex | PNs | PyVal[];

function parseFloatRepr(s: string): number {
  if (s === 'inf') return Infinity;
  if (s === '-inf') return -Infinity;
  if (s === 'nan') return NaN;
  return Number(s);
}

function decode(j: unknown): PyVal {
  if (j === null || typeof j === 'boolean' || typeof j === 'string') return j;
  if (Array.isArray(j)) return j.map(decode);
  const o = j as Record<string, unknown>;
  if ('i' in o) return new PInt(N.intNormalize(BigInt(o.i as string)));
  if ('f' in o) return new PFloat(parseFloatRepr(o.f as string));
  if ('b' in o) return new PBytes(Uint8Array.from(Buffer.from(o.b as string, 'hex')));
  if ('t' in o) return new PTuple((o.t as unknown[]).map(decode));
  if ('d' in o) return new PDict((o.d as [unknown, unknown][]).map(([k, v]) => [decode(k), decode(v)]));
  if ('c' in o) {
    const [re, im] = (o.c as unknown[]).map(decode) as PFloat[];
    return new PComplex(re.v, im.v);
  }
  if ('ns' in o) return new PNs((o.ns as [string, unknown][]).map(([k, v]) => [k, decode(v)]));
  throw new Error('cannot decode ' + JSON.stringify(j));
}

function same(a: PyVal, b: PyVal): boolean {
  if (a === b) return true;
  if (a instanceof PInt && b instanceof PInt) return a.v === b.v && typeof a.v === typeof b.v;
  if (a instanceof PFloat && b instanceof PFloat) return Object.is(a.v, b.v);
  if (a instanceof PComplex && b instanceof PComplex) return true; // only "complex" is modelled
  if (a instanceof PTuple && b instanceof PTuple) return same(a.items, b.items);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  return false;
}

function show(v: PyVal): string {
  if (v instanceof PInt) return `int(${v.v}${typeof v.v === 'bigint' ? 'n' : ''})`;
  if (v instanceof PFloat) return `float(${Object.is(v.v, -0) ? '-0' : v.v})`;
  if (v instanceof PTuple) return '(' + v.items.map(show).join(', ') + ')';
  if (v instanceof PComplex) return 'complex';
  if (Array.isArray(v)) return '[' + v.map(show).join(', ') + ']';
  return JSON.stringify(v);
}

// ------------------------------------------------------------------ a tiny Python object model for adapters

function typeName(v: PyVal): string {
  if (v === null) return 'NoneType';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'str';
  if (v instanceof PInt) return 'int';
  if (v instanceof PFloat) return 'float';
  if (v instanceof PBytes) return 'bytes';
  if (v instanceof PTuple) return 'tuple';
  if (v instanceof PDict) return 'dict';
  if (v instanceof PComplex) return 'complex';
  if (v instanceof PNs) return 'types.SimpleNamespace';
  return 'list';
}

function pyRepr(v: PyVal): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'string') return strRepr(v);
  if (v instanceof PInt) return N.intToStr(v.v);
  if (v instanceof PFloat) return floatRepr(v.v);
  if (v instanceof PBytes) return bytesRepr(v.v);
  if (v instanceof PTuple) return '(' + v.items.map(pyRepr).join(', ') + (v.items.length === 1 ? ',)' : ')');
  if (v instanceof PDict) return '{' + v.entries.map(([k, x]) => pyRepr(k) + ': ' + pyRepr(x)).join(', ') + '}';
  if (v instanceof PNs) return 'namespace(' + v.attrs.map(([k, x]) => k + '=' + pyRepr(x)).join(', ') + ')';
  if (v instanceof PComplex) throw new Error('complex repr not modelled');
  return '[' + v.map(pyRepr).join(', ') + ']';
}

function pyStr(v: PyVal): string {
  return typeof v === 'string' ? v : pyRepr(v);
}

function pyEq(a: PyVal, b: PyVal): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  const na = a instanceof PInt ? a.v : typeof a === 'boolean' ? +a : undefined;
  const nb = b instanceof PInt ? b.v : typeof b === 'boolean' ? +b : undefined;
  // eslint-disable-next-line eqeqeq
  return na !== undefined && nb !== undefined && na == nb;
}

function getItem(v: PyVal, key: PyIntValue | string): PyVal {
  if (Array.isArray(v) || v instanceof PTuple || typeof v === 'string') {
    const tn = typeName(v);
    if (typeof key === 'string') {
      if (typeof v === 'string') throw new PyError('TypeError', "string indices must be integers, not 'str'");
      throw new PyError('TypeError', `${tn} indices must be integers or slices, not str`);
    }
    if (typeof v === 'string') return S.strGetItem(v, key);
    const items = Array.isArray(v) ? v : v.items;
    const i = Number(key);
    if (i >= items.length) throw new PyError('IndexError', `${tn} index out of range`);
    return items[i];
  }
  if (v instanceof PDict) {
    const k: PyVal = typeof key === 'string' ? key : new PInt(key);
    for (const [ek, ev] of v.entries) if (pyEq(ek, k)) return ev;
    if (typeof key === 'string') throw keyError(key);
    throw new PyError('KeyError', N.intToStr(key));
  }
  throw new PyError('TypeError', `'${typeName(v)}' object is not subscriptable`);
}

function getAttr(v: PyVal, name: string): PyVal {
  if (v instanceof PNs) {
    for (const [k, x] of v.attrs) if (k === name) return x;
  }
  if (v instanceof PInt && name === 'real') return v;
  throw new PyError('AttributeError', `'${typeName(v)}' object has no attribute '${name}'`);
}

function pyFormat(v: PyVal, spec: string): string {
  if (v instanceof PInt) return formatInt(v.v, spec);
  if (typeof v === 'boolean') return spec === '' ? pyStr(v) : formatInt(+v, spec, 'bool');
  if (v instanceof PFloat) return formatFloat(v.v, spec);
  if (typeof v === 'string') return formatStr(v, spec);
  if (spec !== '') throw new PyError('TypeError', `unsupported format string passed to ${typeName(v)}.__format__`);
  return pyStr(v);
}

function formatValue(v: PyVal): FormatValue {
  return {
    format: (spec) => pyFormat(v, spec),
    str: () => pyStr(v),
    repr: () => pyRepr(v),
    ascii: () => asciiEscape(pyRepr(v)),
    getAttr: (name) => formatValue(getAttr(v, name)),
    getItem: (key) => formatValue(getItem(v, key)),
  };
}

function percentValue(v: PyVal): PercentValue {
  return {
    typeName: typeName(v),
    isIntegral: v instanceof PInt || typeof v === 'boolean',
    str: () => pyStr(v),
    repr: () => pyRepr(v),
    ascii: () => asciiEscape(pyRepr(v)),
    asInt: () => (v instanceof PInt ? v.v : typeof v === 'boolean' ? +v : null),
    asFloat: () =>
      v instanceof PInt ? N.intToFloat(v.v) : v instanceof PFloat ? v.v : typeof v === 'boolean' ? +v : null,
    asStr: () => (typeof v === 'string' ? v : null),
  };
}

function percentArgs(v: PyVal): PercentArgs {
  if (v instanceof PTuple) return { kind: 'tuple', items: v.items.map(percentValue) };
  if (v instanceof PDict || Array.isArray(v)) {
    return {
      kind: 'mapping',
      value: percentValue(v),
      get: (key) => {
        if (Array.isArray(v)) throw new PyError('TypeError', 'list indices must be integers or slices, not str');
        for (const [ek, ev] of v.entries) if (ek === key) return percentValue(ev);
        return undefined;
      },
    };
  }
  return { kind: 'single', value: percentValue(v) };
}

// ------------------------------------------------------------------ dispatch

const int = (v: PyVal): PyIntValue => {
  if (v instanceof PInt) return v.v;
  if (typeof v === 'boolean') return +v;
  throw new Error('expected int, got ' + show(v));
};
const flt = (v: PyVal): number => (v as PFloat).v;
const str = (v: PyVal): string => v as string;
const optInt = (v: PyVal): PyIntValue | null => (v === null ? null : int(v));
const I = (v: PyIntValue): PInt => new PInt(v);
const F = (v: number): PFloat => new PFloat(v);
const pair = (a: PyVal, b: PyVal): PTuple => new PTuple([a, b]);

type Fn = (...a: PyVal[]) => PyVal;

const STR_METHODS: Record<string, (s: string, ...a: PyVal[]) => PyVal> = {
  upper: (s) => S.strUpper(s),
  lower: (s) => S.strLower(s),
  casefold: (s) => S.strCasefold(s),
  title: (s) => S.strTitle(s),
  capitalize: (s) => S.strCapitalize(s),
  swapcase: (s) => S.strSwapcase(s),
  isdigit: (s) => S.strIsdigit(s),
  isalpha: (s) => S.strIsalpha(s),
  isalnum: (s) => S.strIsalnum(s),
  isspace: (s) => S.strIsspace(s),
  isupper: (s) => S.strIsupper(s),
  islower: (s) => S.strIslower(s),
  istitle: (s) => S.strIstitle(s),
  isidentifier: (s) => S.strIsidentifier(s),
  isnumeric: (s) => S.strIsnumeric(s),
  isdecimal: (s) => S.strIsdecimal(s),
  isprintable: (s) => S.strIsprintable(s),
  isascii: (s) => S.strIsascii(s),
  split: (s, sep = null, n = null) => S.strSplit(s, sep as string | null, optInt(n)),
  rsplit: (s, sep = null, n = null) => S.strRsplit(s, sep as string | null, optInt(n)),
  strip: (s, c = null) => S.strStrip(s, c as string | null),
  lstrip: (s, c = null) => S.strLstrip(s, c as string | null),
  rstrip: (s, c = null) => S.strRstrip(s, c as string | null),
  splitlines: (s, keep = false) => S.strSplitlines(s, keep as boolean),
  expandtabs: (s, ts = new PInt(8)) => S.strExpandtabs(s, int(ts)),
  partition: (s, sep) => new PTuple(S.strPartition(s, str(sep))),
  rpartition: (s, sep) => new PTuple(S.strRpartition(s, str(sep))),
  count: (s, sub, a = null, b = null) => I(S.strCount(s, str(sub), optInt(a), optInt(b))),
  find: (s, sub, a = null, b = null) => I(S.strFind(s, str(sub), optInt(a), optInt(b))),
  rfind: (s, sub, a = null, b = null) => I(S.strRfind(s, str(sub), optInt(a), optInt(b))),
  index: (s, sub, a = null, b = null) => I(S.strIndex(s, str(sub), optInt(a), optInt(b))),
  rindex: (s, sub, a = null, b = null) => I(S.strRindex(s, str(sub), optInt(a), optInt(b))),
  replace: (s, o, n, c = new PInt(-1)) => S.strReplace(s, str(o), str(n), int(c)),
  startswith: (s, p, a = null, b = null) =>
    S.strStartswith(s, p instanceof PTuple ? (p.items as string[]) : str(p), optInt(a), optInt(b)),
  endswith: (s, p, a = null, b = null) =>
    S.strEndswith(s, p instanceof PTuple ? (p.items as string[]) : str(p), optInt(a), optInt(b)),
  removeprefix: (s, p) => S.strRemoveprefix(s, str(p)),
  removesuffix: (s, p) => S.strRemovesuffix(s, str(p)),
  center: (s, w, f = ' ') => S.strCenter(s, int(w), str(f)),
  ljust: (s, w, f = ' ') => S.strLjust(s, int(w), str(f)),
  rjust: (s, w, f = ' ') => S.strRjust(s, int(w), str(f)),
  zfill: (s, w) => S.strZfill(s, int(w)),
};

const FNS: Record<string, Fn> = {
  'int.add': (a, b) => I(N.intAdd(int(a), int(b))),
  'int.sub': (a, b) => I(N.intSub(int(a), int(b))),
  'int.mul': (a, b) => I(N.intMul(int(a), int(b))),
  'int.floordiv': (a, b) => I(N.intFloorDiv(int(a), int(b))),
  'int.mod': (a, b) => I(N.intMod(int(a), int(b))),
  'int.truediv': (a, b) => F(N.intTrueDiv(int(a), int(b))),
  'int.divmod': (a, b) => pair(...(N.intDivmod(int(a), int(b)).map(I) as [PInt, PInt])),
  'int.pow': (a, b) => (int(b) < 0 ? F(N.intPowFloat(int(a), int(b))) : I(N.intPow(int(a), int(b)))),
  'int.powmod': (a, b, m) => I(N.intPowMod(int(a), int(b), int(m))),
  'int.lshift': (a, b) => I(N.intLshift(int(a), int(b))),
  'int.rshift': (a, b) => I(N.intRshift(int(a), int(b))),
  'int.and': (a, b) => I(N.intAnd(int(a), int(b))),
  'int.or': (a, b) => I(N.intOr(int(a), int(b))),
  'int.xor': (a, b) => I(N.intXor(int(a), int(b))),
  'int.invert': (a) => I(N.intInvert(int(a))),
  'int.neg': (a) => I(N.intNeg(int(a))),
  'int.abs': (a) => I(N.intAbs(int(a))),
  'int.cmp': (a, b) => I(N.intCompare(int(a), int(b))),
  'int.bit_length': (a) => I(N.intBitLength(int(a))),
  'int.tofloat': (a) => F(N.intToFloat(int(a))),
  'int.str': (a) => N.intToStr(int(a)),
  'int.bin': (a) => N.intBin(int(a)),
  'int.oct': (a) => N.intOct(int(a)),
  'int.hex': (a) => N.intHex(int(a)),
  'int.fromstr': (s, base) => I(N.intFromString(str(s), Number(int(base)))),
  'float.truediv': (a, b) => F(N.floatTrueDiv(flt(a), flt(b))),
  'float.floordiv': (a, b) => F(N.floatFloorDiv(flt(a), flt(b))),
  'float.mod': (a, b) => F(N.floatMod(flt(a), flt(b))),
  'float.divmod': (a, b) => pair(...(N.floatDivmod(flt(a), flt(b)).map(F) as [PFloat, PFloat])),
  'float.pow': (a, b) => {
    const r = N.floatPow(flt(a), flt(b));
    return r === null ? new PComplex(NaN, NaN) : F(r);
  },
  'float.toint': (a) => I(N.floatToInt(flt(a))),
  'float.repr': (a) => floatRepr(flt(a)),
  'float.fromstr': (s) => F(N.floatFromString(str(s))),
  'intfloat.cmp': (a, b) => {
    const x = int(a);
    const y = flt(b);
    return I(x < y ? -1 : x > y ? 1 : 0);
  },
  'round.float': (a) => I(N.roundFloatToInt(flt(a))),
  'round.floatn': (a, n) => F(N.roundFloat(flt(a), int(n))),
  'round.int': (a, n) => I(N.roundInt(int(a), int(n))),
  'str.repr': (s) => strRepr(str(s)),
  'str.ascii': (s) => strAscii(str(s)),
  'bytes.repr': (b) => bytesRepr((b as PBytes).v),
  percent: (fmt, args) => percentFormat(str(fmt), percentArgs(args)),
  format: (v, spec) => pyFormat(v, str(spec)),
  'str.format': (t, args, kwargs) => {
    const kw = new Map<string, FormatValue>();
    for (const [k, v] of (kwargs as PDict).entries) kw.set(str(k), formatValue(v));
    return strFormat(str(t), (args as PyVal[]).map(formatValue), kw);
  },
  'str.format_map': (t, m) =>
    strFormatMap(str(t), {
      get: (key: string) => {
        for (const [k, v] of (m as PDict).entries) if (k === key) return formatValue(v);
        return undefined;
      },
    }),
  'str.method': (s, name, ...rest) => {
    const m = STR_METHODS[str(name)];
    if (m === undefined) throw new Error('no str method ' + str(name));
    return m(str(s), ...rest);
  },
  'str.getitem': (s, i) => S.strGetItem(str(s), int(i)),
  'str.slice': (s, a, b, c) => S.strSlice(str(s), optInt(a), optInt(b), optInt(c)),
  'str.mul': (s, n) => S.strRepeat(str(s), int(n)),
  'str.cmp': (a, b) => I(Math.sign(S.strCompare(str(a), str(b)))),
  'str.contains': (a, b) => S.strContains(str(a), str(b)),
  'str.len': (s) => I(S.strLen(str(s))),
  chr: (i) => S.pyChr(int(i)),
  ord: (s) => I(S.pyOrd(str(s))),
  'slice.indices': (n, a, b, c) => {
    const r = sliceIndices(Number(int(n)), optInt(a), optInt(b), optInt(c));
    // slice.indices() reports the step unclipped; sequence slicing clips it to Py_ssize_t
    const step = c !== null && typeof int(c) === 'bigint' ? int(c) : r.step;
    return new PTuple([I(r.start), I(r.stop), I(step), I(r.length)]);
  },
  'char.props': (c) => {
    const s = str(c);
    return [
      S.strIsprintable(s), S.strIsspace(s), S.strIsalpha(s), S.strIsdecimal(s), S.strIsdigit(s),
      S.strIsnumeric(s), S.strIslower(s), S.strIsupper(s), S.strIstitle(s), S.strIsidentifier(s),
      S.strIsidentifier('a' + s), S.strIsalnum(s), S.strUpper(s), S.strLower(s), S.strTitle(s),
      S.strCasefold(s), S.strCapitalize(s), S.strSwapcase(s),
    ];
  },
};

// ------------------------------------------------------------------ replay

interface Case {
  fn: string;
  expr: string;
  args: unknown[];
  result?: unknown;
  error?: { type: string; message: string };
}

const fixture = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'text-cases.json'), 'utf8')) as {
  python: string;
  cases: Case[];
};

test('fixtures were recorded with CPython 3.11', () => {
  assert.match(fixture.python, /^3\.11\./);
  assert.ok(fixture.cases.length > 1000);
});

const byFn = new Map<string, Case[]>();
for (const c of fixture.cases) {
  const list = byFn.get(c.fn);
  if (list) list.push(c);
  else byFn.set(c.fn, [c]);
}

function runCase(c: Case): string | null {
  const f = FNS[c.fn];
  if (f === undefined) return `no implementation for ${c.fn}`;
  const args = c.args.map(decode);
  let actual: PyVal;
  try {
    actual = f(...args);
  } catch (e) {
    if (!(e instanceof PyError)) return `${c.expr}: threw non-Python error ${(e as Error).stack}`;
    if (c.error === undefined) return `${c.expr}: raised ${e.pyType}: ${e.message}; expected ${show(decode(c.result))}`;
    if (e.pyType !== c.error.type || e.message !== c.error.message) {
      return `${c.expr}: raised ${e.pyType}: ${e.message}; expected ${c.error.type}: ${c.error.message}`;
    }
    return null;
  }
  if (c.error !== undefined) {
    // floatPow hands complex results to the caller, whose complex pow may overflow
    if (actual instanceof PComplex && c.error.message === 'complex exponentiation') return null;
    return `${c.expr}: returned ${show(actual)}; expected ${c.error.type}: ${c.error.message}`;
  }
  const expected = decode(c.result);
  return same(actual, expected) ? null : `${c.expr}: got ${show(actual)}; expected ${show(expected)}`;
}

for (const [fn, cases] of byFn) {
  test(`${fn} (${cases.length} cases)`, () => {
    const failures: string[] = [];
    for (const c of cases) {
      const f = runCase(c);
      if (f !== null) failures.push(f);
    }
    if (failures.length) {
      assert.fail(`${failures.length}/${cases.length} failed:\n` + failures.slice(0, 25).join('\n'));
    }
  });
}
