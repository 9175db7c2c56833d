// str methods, adapting the text library's implementations to engine objects.

import type { Interp } from '../interp';
import { it } from '../active';
import { PyObject, PyStr, PyDict } from '../objects';
import { exactArgs, splitArgs } from './args';
import { iterateToArray } from '../ops';
import { reprOf, strOf, typeName } from '../repr';
import { strFormat, FormatValue } from '../text/formatspec';
import { formatBuiltin } from './format';
import { getAttr } from '../attrs';
import { getItem } from '../ops';
import { asciiEscape } from '../text/strrepr';
import * as S from '../text/strmethods';
import * as C from '../text/strcase';
import { PyInt, PyTuple } from '../objects';
import { rethrow } from '../ops';

type M = Record<string, (self: PyObject, args: PyObject[], kwnames: string[] | null) => PyObject>;

export function formatValueOf(it: Interp, o: PyObject): FormatValue {
  return {
    format: (spec) => formatBuiltin(it, o, spec),
    str: () => strOf(it, o),
    repr: () => reprOf(it, o),
    ascii: () => asciiEscape(reprOf(it, o)),
    getAttr: (name) => { const v = getAttr(it, o, name); it.dec(v); return formatValueOf(it, v); },
    getItem: (key) => {
      const k = typeof key === 'string' ? it.newStr(key) : it.newInt(key);
      const v = getItem(it, o, k);
      it.dec(k); it.dec(v);
      return formatValueOf(it, v);
    },
  };
}

export function strMethods(): M {
  const s = (o: PyObject) => (o as PyStr).v;
  const strArg = (fn: string, o: PyObject | undefined, allowNone = false): string | null => {
    if (o === undefined || (allowNone && o === it.None)) return null;
    if (!(o instanceof PyStr)) {
      it.raise('TypeError', allowNone ? `${fn} arg must be None or str` : `must be str, not ${typeName(o)}`);
    }
    return o.v;
  };
  const optInt = (o: PyObject | undefined): PyIntValue | null => {
    if (o === undefined || o === it.None) return null;
    if (!(o instanceof PyInt)) it.raise('TypeError', 'slice indices must be integers or None or have an __index__ method');
    return o.v;
  };
  const intArg = (o: PyObject): PyIntValue => {
    if (!(o instanceof PyInt)) it.raise('TypeError', `'${typeName(o)}' object cannot be interpreted as an integer`);
    return o.v;
  };
  const strList = (parts: string[]) => it.newList(parts.map((x) => it.newStr(x)));
  const guard = <T>(f: () => T): T => { try { return f(); } catch (e) { return rethrow(it, e); } };
  const noArgs = (name: string, f: (x: string) => string | boolean): M[string] => (self, a, k) => {
    exactArgs(it, name, a, k, 0);
    const r = f(s(self));
    return typeof r === 'boolean' ? it.newBool(r) : it.newStr(r);
  };
  const search = (name: string, f: (x: string, sub: string, st?: PyIntValue | null, en?: PyIntValue | null) => number | boolean): M[string] =>
    (self, a) => {
      if (a.length < 1 || a.length > 3) it.raise('TypeError', `${name} expected at least 1 argument, got ${a.length}`);
      const r = guard(() => f(s(self), strArg(name, a[0])!, optInt(a[1]), optInt(a[2])));
      return typeof r === 'boolean' ? it.newBool(r) : it.newInt(r);
    };
  const affix = (name: string, f: typeof S.strStartswith): M[string] => (self, a) => {
    if (a.length < 1 || a.length > 3) it.raise('TypeError', `${name} expected at least 1 argument, got ${a.length}`);
    const p = a[0];
    let arg: string | string[];
    if (p instanceof PyTuple) arg = p.items.map((x) => strArg(name, x)!);
    else if (p instanceof PyStr) arg = p.v;
    else it.raise('TypeError', `${name} first arg must be str or a tuple of str, not ${typeName(p)}`);
    return it.newBool(guard(() => f(s(self), arg, optInt(a[1]), optInt(a[2]))));
  };
  const splitter = (name: string, f: typeof S.strSplit): M[string] => (self, a, k) => {
    const [pos, kw] = splitArgs(a, k);
    const sep = strArg(name, pos[0] ?? kw.get('sep'), true);
    const max = pos[1] ?? kw.get('maxsplit');
    return strList(guard(() => f(s(self), sep, max === undefined ? -1 : intArg(max))));
  };
  const stripper = (name: string, f: typeof S.strStrip): M[string] => (self, a, k) => {
    if (a.length > 1) it.raise('TypeError', `${name} expected at most 1 argument, got ${a.length}`);
    return it.newStr(f(s(self), strArg(name, a[0], true)));
  };
  const padder = (name: string, f: typeof S.strCenter): M[string] => (self, a) => {
    if (a.length < 1 || a.length > 2) it.raise('TypeError', `${name} expected at least 1 argument, got ${a.length}`);
    const fill = a[1] === undefined ? ' ' : strArg(name, a[1])!;
    return it.newStr(guard(() => f(s(self), intArg(a[0]), fill)));
  };
  return {
    join: (self, a, k) => {
      exactArgs(it, 'str.join', a, k, 1);
      const items = iterateToArray(it, a[0]);
      const parts: string[] = [];
      items.forEach((x, i) => {
        if (!(x instanceof PyStr)) {
          for (const y of items) it.dec(y);
          it.raise('TypeError', `sequence item ${i}: expected str instance, ${typeName(x)} found`);
        }
        parts.push(x.v);
      });
      for (const y of items) it.dec(y);
      return it.newStr(parts.join(s(self)));
    },
    format: (self, a, k) => {
      const [pos, kw] = splitArgs(a, k);
      const kwv = { get: (name: string) => { const v = kw.get(name); return v ? formatValueOf(it, v) : undefined; } };
      return it.newStr(guard(() => strFormat(s(self), pos.map((x) => formatValueOf(it, x)), kwv)));
    },
    upper: noArgs('str.upper', C.strUpper), lower: noArgs('str.lower', C.strLower),
    casefold: noArgs('str.casefold', C.strCasefold), swapcase: noArgs('str.swapcase', C.strSwapcase),
    title: noArgs('str.title', C.strTitle), capitalize: noArgs('str.capitalize', C.strCapitalize),
    isalpha: noArgs('str.isalpha', C.strIsalpha), isalnum: noArgs('str.isalnum', C.strIsalnum),
    isdecimal: noArgs('str.isdecimal', C.strIsdecimal), isdigit: noArgs('str.isdigit', C.strIsdigit),
    isnumeric: noArgs('str.isnumeric', C.strIsnumeric), isspace: noArgs('str.isspace', C.strIsspace),
    isprintable: noArgs('str.isprintable', C.strIsprintable), isascii: noArgs('str.isascii', C.strIsascii),
    isupper: noArgs('str.isupper', C.strIsupper), islower: noArgs('str.islower', C.strIslower),
    istitle: noArgs('str.istitle', C.strIstitle), isidentifier: noArgs('str.isidentifier', C.strIsidentifier),
    find: search('find', S.strFind), rfind: search('rfind', S.strRfind), index: search('index', S.strIndex),
    rindex: search('rindex', S.strRindex), count: search('count', S.strCount),
    startswith: affix('startswith', S.strStartswith), endswith: affix('endswith', S.strEndswith),
    split: splitter('split', S.strSplit), rsplit: splitter('rsplit', S.strRsplit),
    splitlines: (self, a, k) => {
      const [pos, kw] = splitArgs(a, k);
      const keep = pos[0] ?? kw.get('keepends');
      return strList(S.strSplitlines(s(self), keep ? keep !== it.False && keep !== it.None && !(keep instanceof PyInt && keep.v === 0) : false));
    },
    partition: (self, a, k) => { exactArgs(it, 'str.partition', a, k, 1); return it.newTuple(guard(() => S.strPartition(s(self), strArg('partition', a[0])!)).map((x) => it.newStr(x))); },
    rpartition: (self, a, k) => { exactArgs(it, 'str.rpartition', a, k, 1); return it.newTuple(guard(() => S.strRpartition(s(self), strArg('rpartition', a[0])!)).map((x) => it.newStr(x))); },
    strip: stripper('strip', S.strStrip), lstrip: stripper('lstrip', S.strLstrip), rstrip: stripper('rstrip', S.strRstrip),
    removeprefix: (self, a, k) => { exactArgs(it, 'str.removeprefix', a, k, 1); return it.newStr(S.strRemoveprefix(s(self), strArg('removeprefix', a[0])!)); },
    removesuffix: (self, a, k) => { exactArgs(it, 'str.removesuffix', a, k, 1); return it.newStr(S.strRemovesuffix(s(self), strArg('removesuffix', a[0])!)); },
    replace: (self, a) => {
      if (a.length < 2 || a.length > 3) it.raise('TypeError', `replace expected at least 2 arguments, got ${a.length}`);
      return it.newStr(guard(() => S.strReplace(s(self), strArg('replace', a[0])!, strArg('replace', a[1])!, a[2] ? intArg(a[2]) : -1)));
    },
    expandtabs: (self, a) => it.newStr(S.strExpandtabs(s(self), a[0] ? intArg(a[0]) : 8)),
    center: padder('center', S.strCenter), ljust: padder('ljust', S.strLjust), rjust: padder('rjust', S.strRjust),
    zfill: (self, a, k) => { exactArgs(it, 'str.zfill', a, k, 1); return it.newStr(S.strZfill(s(self), intArg(a[0]))); },
  };
}

type PyIntValue = number | bigint;
export type { PyDict };
