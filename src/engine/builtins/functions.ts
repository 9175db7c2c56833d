// The builtin functions scenarios use (print, len, id, hex, isinstance,
// getattr, sorted, …). Each returns a new reference and raises with CPython's
// messages. Effects go only to the injected output sink: nothing here can
// touch files, the network or processes.

import { listFromSequence } from '../sizes';
import { pyHash } from '../settable';
import type { Interp } from '../interp';
import { it } from '../active';
import {
  NativeImpl, PyDict, PyFloat, PyInstance, PyInt, PyList, PyObject, PyStr, PyTuple, PyType, PyBool, PyGenerator,
} from '../objects';
import { exactArgs, kwOnly, noKw, rangeArgs, splitArgs } from './args';
import { lengthOf, isTrue, isSubclass, getIter, newCallIter, iterNext, iterateToArray, listExtendItems, compareOp, binaryOp, rethrow } from '../ops';
import { reprOf, strOf, typeName } from '../repr';
import { getAttr, getAttrOrNull, setAttr, delAttr } from '../attrs';
import { materializeDict } from '../instances';
import { callObject } from '../vm/call';
import { genNextBuiltin } from '../vm/generator';
import { intHex, intOct, intBin } from '../text/radix';
import { roundFloat, roundFloatToInt, roundInt } from '../text/round';
import { intDivmod, intAbs, floatDivmod } from '../text/numbers';
import { asciiEscape } from '../text/strrepr';
import { formatBuiltin } from './format';
import { BinKind, CmpKind } from '../compiler/code';
import { hashKey } from './dictops';
import { NotSupportedRuntime } from '../errors';
import { mroLookup } from '../types';
import { emptyMinMax, versionedMessage } from './messages';

type Table = Record<string, NativeImpl>;

export function builtinFunctions(): Table {
  const none = () => it.newNone();

  const print: NativeImpl = (args, kwnames) => {
    const [pos, kw] = splitArgs(args, kwnames);
    kwOnly(it, 'print', kw, ['sep', 'end', 'file', 'flush']);
    const optStr = (k: string, def: string): string => {
      const v = kw.get(k);
      if (!v || v === it.None) return def;
      if (!(v instanceof PyStr)) it.raise('TypeError', `${k} must be None or a string, not ${typeName(v)}`);
      return v.v;
    };
    const sep = optStr('sep', ' ');
    const end = optStr('end', '\n');
    const file = kw.get('file');
    const stream = file !== undefined && file !== it.None && file === it.sysAttr('stderr') ? 'stderr' : 'stdout';
    const h = it.hidden;
    // 3.6: CALL_FUNCTION_KW turns the keywords into a dict (_PyStack_AsDict) before the tuple.
    const kwBlock = kw.size > 0 && it.profile.hidden.printKwargsDict ? h.kwargsDict(kw.size) : null;
    const argBlock = h.printStart(pos.length, kw.size);
    try {
      pos.forEach((a, i) => {
        if (i) it.emit(stream, h.fileWrite(stream, () => sep));
        it.emit(stream, h.fileWrite(stream, () => strOf(it, a)));
      });
      it.emit(stream, h.fileWrite(stream, () => end));
    } finally {
      h.release(argBlock);
      h.release(kwBlock);
    }
    return none();
  };

  const len: NativeImpl = (args, kwnames) => { exactArgs(it, 'len', args, kwnames, 1); return it.newInt(lengthOf(it, args[0])); };
  const repr: NativeImpl = (args, kwnames) => { exactArgs(it, 'repr', args, kwnames, 1); return it.newStr(reprOf(it, args[0])); };
  const ascii: NativeImpl = (args, kwnames) => { exactArgs(it, 'ascii', args, kwnames, 1); return it.newStr(asciiEscape(reprOf(it, args[0]))); };
  const id: NativeImpl = (args, kwnames) => { exactArgs(it, 'id', args, kwnames, 1); return it.newInt(args[0].addr); };

  const intArg = (name: string, o: PyObject): PyInt => {
    if (!(o instanceof PyInt)) it.raise('TypeError', `'${typeName(o)}' object cannot be interpreted as an integer`);
    return o;
  };
  const hex: NativeImpl = (args, kwnames) => { exactArgs(it, 'hex', args, kwnames, 1); return it.newStr(intHex(intArg('hex', args[0]).v)); };
  const oct: NativeImpl = (args, kwnames) => { exactArgs(it, 'oct', args, kwnames, 1); return it.newStr(intOct(intArg('oct', args[0]).v)); };
  const bin: NativeImpl = (args, kwnames) => { exactArgs(it, 'bin', args, kwnames, 1); return it.newStr(intBin(intArg('bin', args[0]).v)); };

  const abs: NativeImpl = (args, kwnames) => {
    exactArgs(it, 'abs', args, kwnames, 1);
    const o = args[0];
    if (o instanceof PyInt) return it.newInt(intAbs(o.v));
    if (o instanceof PyFloat) return it.newFloat(Math.abs(o.v));
    const m = o instanceof PyInstance ? mroLookup(o.type, '__abs__') : null;
    if (m) return callObject(it, m, [o], null);
    it.raise('TypeError', `bad operand type for abs(): '${typeName(o)}'`);
  };

  const isinstance: NativeImpl = (args, kwnames) => {
    noKw(it, 'isinstance', kwnames);
    if (args.length !== 2) it.raise('TypeError', `isinstance expected 2 arguments, got ${args.length}`);
    return it.newBool(classInfoMatch(it, args[0].type, args[1], 'isinstance'));
  };
  const issubclass: NativeImpl = (args, kwnames) => {
    noKw(it, 'issubclass', kwnames);
    if (args.length !== 2) it.raise('TypeError', `issubclass expected 2 arguments, got ${args.length}`);
    if (!(args[0] instanceof PyType)) it.raise('TypeError', 'issubclass() arg 1 must be a class');
    return it.newBool(classInfoMatch(it, args[0], args[1], 'issubclass'));
  };

  const nameArg = (fn: string, o: PyObject): string => {
    if (!(o instanceof PyStr)) it.raise('TypeError', `attribute name must be string, not '${typeName(o)}'`);
    return o.v;
  };
  const getattr: NativeImpl = (args, kwnames) => {
    noKw(it, 'getattr', kwnames);
    if (args.length < 2) it.raise('TypeError', `getattr expected at least 2 arguments, got ${args.length}`);
    if (args.length > 3) it.raise('TypeError', `getattr expected at most 3 arguments, got ${args.length}`);
    const name = nameArg('getattr', args[1]);
    if (args.length === 3) {
      const r = getAttrOrNull(it, args[0], name);
      return r ?? it.inc(args[2]);
    }
    return getAttr(it, args[0], name);
  };
  const setattr: NativeImpl = (args, kwnames) => {
    exactArgs(it, 'setattr', args, kwnames, 3);
    setAttr(it, args[0], nameArg('setattr', args[1]), it.inc(args[2]));
    return none();
  };
  const delattr: NativeImpl = (args, kwnames) => {
    exactArgs(it, 'delattr', args, kwnames, 2);
    delAttr(it, args[0], nameArg('delattr', args[1]));
    return none();
  };
  const hasattr: NativeImpl = (args, kwnames) => {
    exactArgs(it, 'hasattr', args, kwnames, 2);
    const r = getAttrOrNull(it, args[0], nameArg('hasattr', args[1]));
    if (r) { it.dec(r); return it.newBool(true); }
    return it.newBool(false);
  };
  const vars: NativeImpl = (args, kwnames) => {
    rangeArgs(it, 'vars', args, kwnames, 0, 1);
    if (!args.length) return it.inc(it.frame!.localsDict ?? it.frame!.globals);
    const o = args[0];
    if (o instanceof PyInstance && o.type.hasInstDict) return it.inc(materializeDict(it, o));
    const d = getAttrOrNull(it, o, '__dict__');
    if (d) return d;
    it.raise('TypeError', 'vars() argument must have __dict__ attribute');
  };
  const isCallable = (o: PyObject) => o instanceof PyType || o.type === it.types.function || o.type === it.types.builtin_function_or_method
    || o.type === it.types.method || (o instanceof PyInstance && mroLookup(o.type, '__call__') !== null);
  const callable: NativeImpl = (args, kwnames) => {
    exactArgs(it, 'callable', args, kwnames, 1);
    return it.newBool(isCallable(args[0]));
  };
  const chr: NativeImpl = (args, kwnames) => {
    exactArgs(it, 'chr', args, kwnames, 1);
    const v = Number(intArg('chr', args[0]).v);
    if (v < 0 || v > 0x10ffff) it.raise('ValueError', 'chr() arg not in range(0x110000)');
    return it.newStr(String.fromCodePoint(v));
  };
  const ord: NativeImpl = (args, kwnames) => {
    exactArgs(it, 'ord', args, kwnames, 1);
    const o = args[0];
    if (!(o instanceof PyStr)) it.raise('TypeError', `ord() expected string of length 1, but ${typeName(o)} found`);
    const cps = [...o.v];
    if (cps.length !== 1) it.raise('TypeError', `ord() expected a character, but string of length ${cps.length} found`);
    return it.newInt(cps[0].codePointAt(0)!);
  };

  const anyAll = (name: string, want: boolean): NativeImpl => (args, kwnames) => {
    exactArgs(it, name, args, kwnames, 1);
    const iter = getIter(it, args[0]);
    try {
      for (;;) {
        const x = iterNext(it, iter);
        if (x === null) return it.newBool(!want);
        const t = isTrue(it, x);
        it.dec(x);
        if (t === want) return it.newBool(want);
      }
    } finally { it.dec(iter); }
  };

  const lt = (a: PyObject, b: PyObject): boolean => {
    const r = compareOp(it, CmpKind.Lt, a, b);
    const t = isTrue(it, r);
    it.dec(r);
    return t;
  };

  const minmax = (name: string, wantMax: boolean): NativeImpl => (args, kwnames) => {
    const [pos, kw] = splitArgs(args, kwnames);
    kwOnly(it, name, kw, ['key', 'default']);
    if (!pos.length) it.raise('TypeError', `${name} expected at least 1 argument, got 0`);
    const items = pos.length === 1 ? iterateToArray(it, pos[0]) : pos.map((x) => it.inc(x));
    const key = kw.get('key');
    try {
      if (!items.length) {
        const d = kw.get('default');
        if (d) return it.inc(d);
        it.raise('ValueError', emptyMinMax(it.profile, name));
      }
      const keyOf = (x: PyObject) => (key && key !== it.None ? callObject(it, key, [x], null) : it.inc(x));
      let best = items[0];
      let bestKey = keyOf(best);
      for (let i = 1; i < items.length; i++) {
        const k = keyOf(items[i]);
        const better = wantMax ? lt(bestKey, k) : lt(k, bestKey);
        if (better) { it.dec(bestKey); bestKey = k; best = items[i]; } else it.dec(k);
      }
      it.dec(bestKey);
      return it.inc(best);
    } finally { for (const x of items) it.dec(x); }
  };

  const sum: NativeImpl = (args, kwnames) => {
    const [pos, kw] = splitArgs(args, kwnames);
    kwOnly(it, 'sum', kw, ['start']);
    if (pos.length < 1 || pos.length > 2) it.raise('TypeError', `sum() takes at most 2 arguments (${pos.length} given)`);
    let acc: PyObject = pos.length === 2 ? it.inc(pos[1]) : kw.get('start') ? it.inc(kw.get('start')!) : it.newInt(0);
    if (acc instanceof PyStr) { it.dec(acc); it.raise('TypeError', "sum() can't sum strings [use ''.join(seq) instead]"); }
    // builtin_sum_impl: once the running total is an exact float, float and
    // (C long sized) int items are added as C doubles, with Neumaier's
    // compensation from 3.12 on; any other item goes through PyNumber_Add.
    const neumaier = it.profile.version[0] === 3 && it.profile.version[1] >= 12;
    const items = iterateToArray(it, pos[0]);
    for (let i = 0; i < items.length; i++) {
      if (acc.type === it.types.float) {
        let f = (acc as PyFloat).v;
        let c = 0;
        let j = i;
        for (; j < items.length; j++) {
          const x = items[j];
          if (x.type === it.types.float) {
            const xv = (x as PyFloat).v;
            if (neumaier) {
              const t = f + xv;
              if (Math.abs(f) >= Math.abs(xv)) c += (f - t) + xv; else c += (xv - t) + f;
              f = t;
            } else f += xv;
          } else if (x instanceof PyInt && (typeof x.v === 'number' || (x.v >= -(2n ** 63n) && x.v < 2n ** 63n))) {
            f += Number(x.v);
          } else break;
          it.dec(x);
        }
        if (c && Number.isFinite(c)) f += c;
        if (j > i) { it.dec(acc); acc = it.newFloat(f); }
        i = j;
        if (i >= items.length) break;
      }
      const x = items[i];
      const r = binaryOp(it, BinKind.Add, acc, x, false);
      it.dec(acc); it.dec(x);
      acc = r;
    }
    return acc;
  };

  const sorted: NativeImpl = (args, kwnames) => {
    const [pos, kw] = splitArgs(args, kwnames);
    kwOnly(it, 'sort', kw, ['key', 'reverse']);
    if (pos.length !== 1) it.raise('TypeError', `sorted expected 1 argument, got ${pos.length}`);
    const l = it.newList(listExtendItems(it, pos[0]));
    listFromSequence(it, l, pos[0]);
    const meth = it.hidden.boundBuiltin(); // the bound list.sort method sorted() calls
    if (kw.size) it.hidden.clinicKwtuple('list.sort', 2); // sorted passes its keywords on to list.sort
    try {
      sortList(it, l, kw.get('key') ?? null, kw.get('reverse') ? isTrue(it, kw.get('reverse')!) : false);
    } catch (e) { it.dec(l); throw e; } finally { it.hidden.free(meth); }
    return l;
  };

  const round: NativeImpl = (args, kwnames) => {
    const [pos, kw] = splitArgs(args, kwnames);
    kwOnly(it, 'round', kw, ['number', 'ndigits']);
    const x = pos[0] ?? kw.get('number');
    const nd = pos[1] ?? kw.get('ndigits') ?? null;
    if (!x) it.raise('TypeError', "round() missing required argument 'number' (pos 1)");
    if (!(x instanceof PyFloat || x instanceof PyInt)) it.raise('TypeError', `type ${typeName(x)} doesn't define __round__ method`);
    // _PyObject_LookupSpecial binds x.__round__ for the call.
    const meth = it.hidden.boundBuiltin();
    try {
      if (x instanceof PyFloat) {
        if (nd === null || nd === it.None) return it.newInt(roundFloatToInt(x.v));
        return it.newFloat(roundFloat(x.v, intArg('round', nd).v));
      }
      if (nd === null || nd === it.None) return it.newInt(x.v);
      return it.newInt(roundInt(x.v, intArg('round', nd).v));
    } catch (e) { rethrow(it, e); } finally { it.hidden.free(meth); }
  };

  const divmod: NativeImpl = (args, kwnames) => {
    exactArgs(it, 'divmod', args, kwnames, 2);
    const [a, b] = args;
    try {
      if (a instanceof PyInt && b instanceof PyInt) {
        const [q, r] = intDivmod(a.v, b.v);
        return it.newTuple([it.newInt(q), it.newInt(r)]);
      }
      if ((a instanceof PyInt || a instanceof PyFloat) && (b instanceof PyInt || b instanceof PyFloat)) {
        const [q, r] = floatDivmod(Number(a.v), Number(b.v));
        return it.newTuple([it.newFloat(q), it.newFloat(r)]);
      }
    } catch (e) { rethrow(it, e); }
    it.raise('TypeError', `unsupported operand type(s) for divmod(): '${typeName(a)}' and '${typeName(b)}'`);
  };

  const pow: NativeImpl = (args, kwnames) => {
    rangeArgs(it, 'pow', args, kwnames, 2, 3);
    if (args.length === 3 && args[2] !== it.None) return ternaryPow(args[0], args[1], args[2]);
    return binaryOp(it, BinKind.Pow, args[0], args[1], false);
  };

  /** pow(a, b, m) for ints (long_pow with a modulus): a negative exponent
   * uses the inverse of a modulo m; the result has the sign of m. */
  const ternaryPow = (a: PyObject, b: PyObject, m: PyObject): PyObject => {
    const num = (o: PyObject): boolean => o instanceof PyInt || o instanceof PyFloat;
    if (!(a instanceof PyInt && b instanceof PyInt && m instanceof PyInt)) {
      if (num(a) && num(b) && num(m)) it.raise('TypeError', 'pow() 3rd argument not allowed unless all arguments are integers');
      if ([a, b, m].some((o) => o instanceof PyInstance && (mroLookup(o.type, '__pow__') || mroLookup(o.type, '__rpow__')))) {
        throw new NotSupportedRuntime('three-argument pow() with __pow__', it.frame?.lineno ?? 0);
      }
      it.raise('TypeError', `unsupported operand type(s) for ** or pow(): '${typeName(a)}', '${typeName(b)}', '${typeName(m)}'`);
    }
    let c = BigInt(m.v);
    if (c === 0n) it.raise('ValueError', 'pow() 3rd argument cannot be 0');
    const negOut = c < 0n;
    if (negOut) c = -c;
    if (c === 1n) return it.newInt(0);
    const mod = (x: bigint): bigint => ((x % c) + c) % c;
    let base = mod(BigInt(a.v));
    let e = BigInt(b.v);
    if (e < 0n) {
      // long_invmod: extended Euclid
      let [r0, r1, s0, s1] = [c, base, 0n, 1n];
      while (r1 !== 0n) { const q = r0 / r1; [r0, r1] = [r1, r0 - q * r1]; [s0, s1] = [s1, s0 - q * s1]; }
      if (r0 !== 1n) it.raise('ValueError', versionedMessage(it.profile, 'base is not invertible for the given modulus'));
      base = mod(s0);
      e = -e;
    }
    let r = 1n;
    while (e > 0n) { if (e & 1n) r = (r * base) % c; base = (base * base) % c; e >>= 1n; }
    if (negOut && r !== 0n) r -= c;
    const n = Number(r);
    return it.newInt(Number.isSafeInteger(n) ? n : r);
  };

  const format: NativeImpl = (args, kwnames) => {
    rangeArgs(it, 'format', args, kwnames, 1, 2);
    const spec = args[1] ? (args[1] as PyStr).v : '';
    return it.newStr(formatBuiltin(it, args[0], spec));
  };

  const iter: NativeImpl = (args, kwnames) => {
    rangeArgs(it, 'iter', args, kwnames, 1, 2);
    if (args.length === 1) return getIter(it, args[0]);
    // (3.12 words it differently, measured in 3.12.1; 3.11 and 3.13 as here.)
    const [major, minor] = it.profile.version;
    if (!isCallable(args[0])) it.raise('TypeError', major === 3 && minor === 12 ? 'iter(object, sentinel): object must be callable' : 'iter(v, w): v must be callable');
    return newCallIter(it, args[0], args[1]);
  };
  const next: NativeImpl = (args, kwnames) => {
    rangeArgs(it, 'next', args, kwnames, 1, 2);
    const v = args[0] instanceof PyGenerator ? genNextBuiltin(it, args[0]) : iterNext(it, args[0]);
    if (v !== null) return v;
    if (args.length === 2) return it.inc(args[1]);
    it.raise('StopIteration');
  };
  const hash: NativeImpl = (args, kwnames) => {
    exactArgs(it, 'hash', args, kwnames, 1);
    const o = args[0];
    const h = pyHash(it, o, null);
    return it.newInt(Number.isSafeInteger(Number(h)) && BigInt(Number(h)) === h ? Number(h) : h);
  };
  const globals: NativeImpl = (args, kwnames) => { exactArgs(it, 'globals', args, kwnames, 0); return it.inc(it.frame!.globals); };
  const locals: NativeImpl = () => { throw new NotSupportedRuntime('locals()', it.frame?.lineno ?? 0); };
  const refuse = (what: string): NativeImpl => () => { throw new NotSupportedRuntime(what, it.frame?.lineno ?? 0); };

  return {
    print, len, repr, ascii, id, hex, oct, bin, abs, isinstance, issubclass, getattr, setattr, delattr, hasattr, vars,
    callable, chr, ord, any: anyAll('any', true), all: anyAll('all', false), min: minmax('min', false),
    max: minmax('max', true), sum, sorted, round, divmod, pow, format, iter, next, hash, globals, locals,
    input: refuse('input() (scenarios are simulated and cannot read input)'),
    open: refuse('open() (scenarios are simulated and cannot touch files)'),
    exec: refuse('exec()'), eval: refuse('eval()'), compile: refuse('compile()'),
    __import__: refuse('__import__()'), breakpoint: refuse('breakpoint()'), exit: refuse('exit()'), quit: refuse('quit()'),
  };
}

function classInfoMatch(it: Interp, t: PyType, info: PyObject, fname: string): boolean {
  if (info instanceof PyType) return isSubclass(t, info);
  if (info instanceof PyTuple) return info.items.some((x) => classInfoMatch(it, t, x, fname));
  it.raise('TypeError', `${fname}() arg 2 must be a type, a tuple of types, or a union`);
}

/** list.sort: stable merge sort using only `<`, as CPython's timsort does. */
export function sortList(it: Interp, l: PyList, key: PyObject | null, reverse: boolean): void {
  const items = l.items;
  l.items = [];
  const keys: PyObject[] = [];
  let sortedIdx: number[];
  try {
    if (key && key !== it.None) for (const x of items) keys.push(callObject(it, key, [x], null));
    else keys.push(...items);
    sortedIdx = sortOrder(it, keys, reverse);
  } catch (e) {
    // list_sort_impl: the keys are released and the items put back (the list keeps them all).
    if (keys !== items && key && key !== it.None) for (const k of keys) it.dec(k);
    const added = l.items;
    l.items = items;
    for (const x of added) it.dec(x);
    throw e;
  }
  const out = sortedIdx.map((i) => items[i]);
  if (key && key !== it.None) for (const k of keys) it.dec(k);
  const leftover = l.items;
  l.items = out;
  for (const x of leftover) it.dec(x);
}

function sortOrder(it: Interp, keys: PyObject[], reverse: boolean): number[] {
  const idx = keys.map((_, i) => i);
  const lt = (a: number, b: number): boolean => {
    const r = compareOp(it, CmpKind.Lt, keys[a], keys[b]);
    const t = isTrue(it, r);
    it.dec(r);
    return t;
  };
  if (reverse) idx.reverse();
  const v = it.profile.version;
  const sortedIdx = idx.length < 64 ? shortSort(idx, lt, v[0] > 3 || v[1] >= 13) : mergeSort(idx, lt);
  if (reverse) sortedIdx.reverse();
  return sortedIdx;
}

/** listsort on fewer than 64 items (one run of minrun = n): count_run, then binarysort
 *  extends it, with CPython's comparisons in CPython's order (visible through __lt__ and
 *  through which pair a TypeError names). */
function shortSort(a: number[], lt: (x: number, y: number) => boolean, newRuns: boolean): number[] {
  const n = a.length;
  if (n < 2) return a;
  const run = newRuns ? countRun313(a, lt) : countRun(a, lt);
  for (let start = run; start < n; start++) {
    const pivot = a[start];
    let l = 0, r = start;
    do {
      const p = l + ((r - l) >> 1);
      if (lt(pivot, a[p])) r = p; else l = p + 1;
    } while (l < r);
    for (let p = start; p > l; p--) a[p] = a[p - 1];
    a[l] = pivot;
  }
  return a;
}

function reverseRange(a: number[], from: number, to: number): void {
  for (let i = from, j = to - 1; i < j; i++, j--) { const t = a[i]; a[i] = a[j]; a[j] = t; }
}

/** count_run before 3.13: an ascending run, or a strictly descending one (reversed). */
function countRun(a: number[], lt: (x: number, y: number) => boolean): number {
  const n = a.length;
  let run = 2;
  if (lt(a[1], a[0])) {
    while (run < n && lt(a[run], a[run - 1])) run++;
    reverseRange(a, 0, run);
  } else {
    while (run < n && !lt(a[run], a[run - 1])) run++;
  }
  return run;
}

/** count_run from 3.13: equal elements may extend a descending run (reversed in blocks to stay
 *  stable), and an ascending tail may follow it. */
function countRun313(a: number[], lt: (x: number, y: number) => boolean): number {
  const len = a.length;
  let n = 1;
  while (n < len && !lt(a[n], a[n - 1])) n++;
  if (n === len) return n;
  if (n > 1) {
    if (lt(a[0], a[n - 1])) return n;
    reverseRange(a, 0, n);
  }
  n++;
  let neq = 0;
  const reverseLastNeq = () => { if (neq) { neq++; reverseRange(a, n - neq, n); neq = 0; } };
  for (; n < len; n++) {
    if (lt(a[n], a[n - 1])) reverseLastNeq();
    else if (lt(a[n - 1], a[n])) break;
    else neq++;
  }
  reverseLastNeq();
  reverseRange(a, 0, n);
  for (; n < len; n++) if (lt(a[n], a[n - 1])) break;
  return n;
}

function mergeSort(a: number[], lt: (x: number, y: number) => boolean): number[] {
  if (a.length <= 1) return a;
  const mid = a.length >> 1;
  const l = mergeSort(a.slice(0, mid), lt), r = mergeSort(a.slice(mid), lt);
  const out: number[] = [];
  let i = 0, j = 0;
  while (i < l.length && j < r.length) {
    if (lt(r[j], l[i])) out.push(r[j++]); else out.push(l[i++]);
  }
  while (i < l.length) out.push(l[i++]);
  while (j < r.length) out.push(r[j++]);
  return out;
}

export type { PyDict };
