// The object protocols the evaluation loop uses: truth, arithmetic,
// comparison, containment, iteration, subscription, unpacking and
// formatting, for builtin types directly and for instances through their
// special methods (called as Python functions).

import * as SO from './builtins/setops';
import { setContainsKey } from './settable';
import type { Interp } from './interp';
import {
  PyBool, PyDict, PyDictView, PyFloat, PyInstance, PyInt, PyIterator, PyGenerator, PyList, PyObject, PyRange, PySet, PySlice,
  PyStr, PyTuple, PyType, PyNone, PyBytes, IterKind,
} from './objects';
import { BinKind, CmpKind, Op } from './compiler/code';
import {
  intAdd, intSub, intMul, intFloorDiv, intMod, intPow, intTrueDiv, intLshift, intRshift, intAnd, intOr, intXor,
  intNeg, intInvert, intCompare, intToFloat, PyIntValue, intPowFloat,
} from './text/int';
import { floatFloorDiv, floatMod, floatPow, floatTrueDiv } from './text/float';
import { PyError } from './text/errors';
import { NotSupportedRuntime } from './errors';
import { mroLookup } from './types';
import { callObject } from './vm/call';
import { slotCall } from './slotcall';
import { genNext } from './vm/generator';
import { reprOf, strOf, typeName } from './repr';
import { dictGet, dictSetItem, dictDel, hashKey, setAdd } from './builtins/dictops';
import { formatBuiltin } from './builtins/format';
import { percentFormatObj } from './builtins/percent';
import { asciiEscape } from './text/strrepr';
import { tooManyToUnpack, versionedMessage } from './builtins/messages';
import { listExact, listExtended, listRepeated, listResized } from './sizes';

const BIN_SYMBOL = ['+', '-', '*', '@', '/', '%', '**', '<<', '>>', '|', '^', '&', '//'];
const BIN_DUNDER = ['add', 'sub', 'mul', 'matmul', 'truediv', 'mod', 'pow', 'lshift', 'rshift', 'or', 'xor', 'and', 'floordiv'];
const CMP_SYMBOL = ['<', '<=', '==', '!=', '>', '>='];
const CMP_DUNDER = ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'];
const CMP_SWAP = [4, 5, 2, 3, 0, 1];

/** Convert a text-library error into a Python exception. */
export function rethrow(it: Interp, e: unknown): never {
  if (e instanceof PyError) it.raise(e.pyType, versionedMessage(it.profile, e.message));
  throw e;
}

// ---- truth -------------------------------------------------------------------------

export function isTrue(it: Interp, o: PyObject): boolean {
  if (o === it.True) return true;
  if (o === it.False || o === it.None) return false;
  if (o instanceof PyInt) return o.v !== 0 && o.v !== 0n;
  if (o instanceof PyStr) return o.v.length > 0;
  if (o instanceof PyList || o instanceof PyTuple) return o.items.length > 0;
  if (o instanceof PyDict || o instanceof PySet) return o.map.size > 0;
  if (o instanceof PyFloat) return o.v !== 0;
  if (o instanceof PyInstance) {
    const b = mroLookup(o.type, '__bool__');
    if (b) {
      const r = callObject(it, b, [o], null);
      const t = r === it.True;
      if (!(r instanceof PyBool)) { it.dec(r); it.raise('TypeError', `__bool__ should return bool, returned ${typeName(r)}`); }
      it.dec(r);
      return t;
    }
    const l = mroLookup(o.type, '__len__');
    if (l) return lengthOf(it, o) > 0;
  }
  if (o instanceof PyRange) return rangeLen(o) > 0;
  return true;
}

export function lengthOf(it: Interp, o: PyObject): number {
  if (o instanceof PyStr) return [...o.v].length;
  if (o instanceof PyList || o instanceof PyTuple) return o.items.length;
  if (o instanceof PyDict || o instanceof PySet) return o.map.size;
  if (o instanceof PyRange) return rangeLen(o);
  if (o instanceof PyDictView) return o.dict.map.size;
  if (o instanceof PyInstance) {
    const l = mroLookup(o.type, '__len__');
    if (l) {
      const r = callObject(it, l, [o], null);
      if (!(r instanceof PyInt)) { it.dec(r); it.raise('TypeError', `'${typeName(r)}' object cannot be interpreted as an integer`); }
      const n = Number(r.v);
      it.dec(r);
      if (n < 0) it.raise('ValueError', '__len__() should return >= 0');
      return n;
    }
  }
  it.raise('TypeError', `object of type '${typeName(o)}' has no len()`);
}

export function rangeLen(r: PyRange): number {
  if (r.step > 0) return r.start < r.stop ? Math.floor((r.stop - r.start - 1) / r.step) + 1 : 0;
  return r.start > r.stop ? Math.floor((r.start - r.stop - 1) / -r.step) + 1 : 0;
}

// ---- numbers -----------------------------------------------------------------------

function numValue(o: PyObject): PyIntValue | null { return o instanceof PyInt ? o.v : null; }

function intBinary(it: Interp, kind: BinKind, a: PyIntValue, b: PyIntValue): PyObject {
  try {
    switch (kind) {
      case BinKind.Add: return it.newInt(intAdd(a, b));
      case BinKind.Sub: return it.newInt(intSub(a, b));
      case BinKind.Mult: return it.newInt(intMul(a, b));
      case BinKind.FloorDiv: return it.newInt(intFloorDiv(a, b));
      case BinKind.Mod: return it.newInt(intMod(a, b));
      case BinKind.Div: return it.newFloat(intTrueDiv(a, b));
      case BinKind.Pow: return b < 0 ? it.newFloat(intPowFloat(a, b)) : it.newInt(intPow(a, b));
      case BinKind.LShift: return it.newInt(intLshift(a, b));
      case BinKind.RShift: return it.newInt(intRshift(a, b));
      case BinKind.BitAnd: return it.newInt(intAnd(a, b));
      case BinKind.BitOr: return it.newInt(intOr(a, b));
      case BinKind.BitXor: return it.newInt(intXor(a, b));
    }
  } catch (e) { rethrow(it, e); }
  return it.NotImplemented;
}

function floatBinary(it: Interp, kind: BinKind, x: number, y: number): PyObject | null {
  try {
    switch (kind) {
      case BinKind.Add: return it.newFloat(x + y);
      case BinKind.Sub: return it.newFloat(x - y);
      case BinKind.Mult: return it.newFloat(x * y);
      case BinKind.Div: return it.newFloat(floatTrueDiv(x, y));
      case BinKind.FloorDiv: return it.newFloat(floatFloorDiv(x, y));
      case BinKind.Mod: return it.newFloat(floatMod(x, y));
      case BinKind.Pow: {
        const r = floatPow(x, y);
        // float_pow: a negative number to a fractional power is complex.
        if (r === null) throw new NotSupportedRuntime('complex numbers', it.frame ? it.frame.lineno : 0);
        return it.newFloat(r);
      }
      default: return null;
    }
  } catch (e) { rethrow(it, e); }
}

function asFloat(o: PyObject): number | null {
  if (o instanceof PyFloat) return o.v;
  if (o instanceof PyInt) return intToFloat(o.v);
  return null;
}

function repeatCount(it: Interp, n: PyObject): number | null {
  if (!(n instanceof PyInt)) return null;
  const v = Number(n.v);
  return v < 0 ? 0 : v;
}

/** a <op> b for builtin types; returns null when the types do not support it. */
function builtinBinary(it: Interp, kind: BinKind, a: PyObject, b: PyObject, inplace: boolean): PyObject | null {
  const ai = numValue(a), bi = numValue(b);
  if (ai !== null && bi !== null) {
    if (a instanceof PyBool && b instanceof PyBool && (kind === BinKind.BitAnd || kind === BinKind.BitOr || kind === BinKind.BitXor)) {
      const r = kind === BinKind.BitAnd ? (ai as number) & (bi as number) : kind === BinKind.BitOr ? (ai as number) | (bi as number) : (ai as number) ^ (bi as number);
      return it.newBool(r !== 0);
    }
    return intBinary(it, kind, ai, bi);
  }
  if (a instanceof PyFloat || b instanceof PyFloat) {
    const x = asFloat(a), y = asFloat(b);
    if (x !== null && y !== null) return floatBinary(it, kind, x, y);
  }
  if (a instanceof PyStr) {
    if (kind === BinKind.Add && b instanceof PyStr) return it.newStr(a.v + b.v);
    if (kind === BinKind.Mult) { const n = repeatCount(it, b); if (n !== null) return it.newStr(a.v.repeat(n)); }
    if (kind === BinKind.Mod) return percentFormatObj(it, a.v, b);
    return null;
  }
  if (kind === BinKind.Mult && b instanceof PyStr) { const n = repeatCount(it, a); if (n !== null) return it.newStr(b.v.repeat(n)); }
  if (a instanceof PyList) {
    if (kind === BinKind.Add && b instanceof PyList && !inplace) return listExact(it.newList([...a.items, ...b.items].map((x) => it.inc(x))));
    if (kind === BinKind.Add && inplace) { extendList(it, a, b); return it.inc(a); }
    if (kind === BinKind.Mult) {
      const n = repeatCount(it, b);
      if (n !== null) {
        if (inplace) {
          const orig = a.items.slice();
          const rep: PyObject[] = [];
          for (let i = 0; i < n; i++) for (const x of orig) rep.push(it.inc(x));
          const m = a.items.length;
          const old = a.items; a.items = rep; listRepeated(it, a, m, n); for (const x of old) it.dec(x);
          return it.inc(a);
        }
        const out: PyObject[] = [];
        for (let i = 0; i < n; i++) for (const x of a.items) out.push(it.inc(x));
        return listExact(it.newList(out));
      }
    }
    return null;
  }
  if (kind === BinKind.Mult && (b instanceof PyList || b instanceof PyTuple) && a instanceof PyInt) return builtinBinary(it, kind, b, a, false);
  if (a instanceof PyTuple) {
    if (kind === BinKind.Add && b instanceof PyTuple) return it.newTuple([...a.items, ...b.items].map((x) => it.inc(x)));
    if (kind === BinKind.Mult) {
      const n = repeatCount(it, b);
      if (n !== null) {
        const out: PyObject[] = [];
        for (let i = 0; i < n; i++) for (const x of a.items) out.push(it.inc(x));
        return it.newTuple(out);
      }
    }
    return null;
  }
  if (a instanceof PySet && b instanceof PySet) {
    // set_ior/set_iand/set_isub/set_ixor exist for set only: a frozenset
    // operand of an augmented assignment gets the binary operation.
    if (inplace && a.type.mro.includes(it.types.set)) {
      switch (kind) {
        case BinKind.BitOr: SO.setUpdateInternal(it, a, b); return it.inc(a);
        case BinKind.BitAnd: SO.setIntersectionUpdate(it, a, [b]); return it.inc(a);
        case BinKind.Sub: SO.setDifferenceUpdateInternal(it, a, b); return it.inc(a);
        case BinKind.BitXor: SO.setSymmetricDifferenceUpdate(it, a, b); return it.inc(a);
        default: return null;
      }
    }
    switch (kind) {
      case BinKind.BitOr: return SO.setUnion(it, a, [b]);
      case BinKind.BitAnd: return SO.setIntersection(it, a, b);
      case BinKind.Sub: return SO.setDifference(it, a, b);
      case BinKind.BitXor: return SO.setSymmetricDifference(it, a, b);
      default: return null;
    }
  }
  if (a instanceof PyDict && b instanceof PyDict && kind === BinKind.BitOr) {
    const d = inplace ? it.inc(a) : it.newDict();
    if (!inplace) for (const e of a.map.values()) dictSetItem(it, d, it.inc(e.key), it.inc(e.value));
    for (const e of b.map.values()) dictSetItem(it, d, it.inc(e.key), it.inc(e.value));
    return d;
  }
  return null;
}

export function binaryOp(it: Interp, kind: BinKind, a: PyObject, b: PyObject, inplace: boolean): PyObject {
  if (!(a instanceof PyInstance) && !(b instanceof PyInstance)) {
    const r = builtinBinary(it, kind, a, b, inplace);
    if (r !== null && r !== it.NotImplemented) return r;
  } else {
    const name = BIN_DUNDER[kind];
    if (inplace && a instanceof PyInstance) {
      const m = mroLookup(a.type, `__i${name}__`);
      if (m) {
        const r = callObject(it, m, [a, b], null);
        if (r !== it.NotImplemented) return r;
        it.dec(r);
      }
    }
    if (a instanceof PyInstance) {
      const m = mroLookup(a.type, `__${name}__`);
      if (m) {
        const r = callObject(it, m, [a, b], null);
        if (r !== it.NotImplemented) return r;
        it.dec(r);
      }
    }
    if (b instanceof PyInstance && b.type !== a.type) {
      const m = mroLookup(b.type, `__r${name}__`);
      if (m) {
        const r = callObject(it, m, [b, a], null);
        if (r !== it.NotImplemented) return r;
        it.dec(r);
      }
    }
    if (!(a instanceof PyInstance) && b instanceof PyInstance) {
      const r = builtinBinary(it, kind, a, b, inplace);
      if (r !== null && r !== it.NotImplemented) return r;
    }
  }
  const sym = BIN_SYMBOL[kind] + (inplace ? '=' : '');
  if (kind === BinKind.Add && a instanceof PyStr && it.profile.py36Wording) it.raise('TypeError', `must be str, not ${typeName(b)}`);
  if (kind === BinKind.Add && a instanceof PyStr) it.raise('TypeError', `can only concatenate str (not "${typeName(b)}") to str`);
  if (kind === BinKind.Add && a instanceof PyList) it.raise('TypeError', `can only concatenate list (not "${typeName(b)}") to list`);
  if (kind === BinKind.Add && a instanceof PyTuple) it.raise('TypeError', `can only concatenate tuple (not "${typeName(b)}") to tuple`);
  if (kind === BinKind.Mult && (a instanceof PyStr || a instanceof PyList || a instanceof PyTuple)) {
    it.raise('TypeError', `can't multiply sequence by non-int of type '${typeName(b)}'`);
  }
  if (kind === BinKind.Mult && (b instanceof PyStr || b instanceof PyList || b instanceof PyTuple)) {
    it.raise('TypeError', `can't multiply sequence by non-int of type '${typeName(a)}'`);
  }
  it.raise('TypeError', `unsupported operand type(s) for ${sym}: '${typeName(a)}' and '${typeName(b)}'`);
}

export function unaryOp(it: Interp, op: number, a: PyObject): PyObject {
  if (a instanceof PyInt) {
    if (op === Op.UNARY_NEGATIVE) return it.newInt(intNeg(a.v));
    if (op === Op.UNARY_POSITIVE) return it.newInt(a.v);
    return it.newInt(intInvert(a.v));
  }
  if (a instanceof PyFloat) {
    if (op === Op.UNARY_NEGATIVE) return it.newFloat(-a.v);
    if (op === Op.UNARY_POSITIVE) return it.newFloat(a.v);
  }
  const names: Record<number, string> = { [Op.UNARY_NEGATIVE]: '__neg__', [Op.UNARY_POSITIVE]: '__pos__', [Op.UNARY_INVERT]: '__invert__' };
  const sym: Record<number, string> = { [Op.UNARY_NEGATIVE]: '-', [Op.UNARY_POSITIVE]: '+', [Op.UNARY_INVERT]: '~' };
  if (a instanceof PyInstance) {
    const m = mroLookup(a.type, names[op]);
    if (m) return callObject(it, m, [a], null);
  }
  it.raise('TypeError', `bad operand type for unary ${sym[op]}: '${typeName(a)}'`);
}

// ---- comparison ----------------------------------------------------------------------

/** Python ==, returning a JS boolean. */
export function eq(it: Interp, a: PyObject, b: PyObject): boolean {
  if (a === b) {
    if (a instanceof PyFloat) return a.v === a.v;
    return true;
  }
  if (a instanceof PyInstance || b instanceof PyInstance) {
    const r = compareOp(it, CmpKind.Eq, a, b);
    const t = isTrue(it, r);
    it.dec(r);
    return t;
  }
  return builtinEq(it, a, b);
}

function builtinEq(it: Interp, a: PyObject, b: PyObject): boolean {
  if (a instanceof PyInt && b instanceof PyInt) return a.v == b.v; // eslint-disable-line eqeqeq
  if ((a instanceof PyInt || a instanceof PyFloat) && (b instanceof PyInt || b instanceof PyFloat)) {
    if (a instanceof PyFloat && b instanceof PyFloat) return a.v === b.v;
    const f = a instanceof PyFloat ? a.v : (b as PyFloat).v;
    const i = a instanceof PyInt ? a.v : (b as PyInt).v;
    return Number.isInteger(f) ? BigInt(f) === BigInt(i) : false;
  }
  if (a instanceof PyStr && b instanceof PyStr) return a.v === b.v;
  if ((a instanceof PyList && b instanceof PyList) || (a instanceof PyTuple && b instanceof PyTuple)) {
    if (a.items.length !== (b as PyList).items.length) return false;
    for (let i = 0; i < a.items.length; i++) if (!eq(it, a.items[i], (b as PyList).items[i])) return false;
    return true;
  }
  if (a instanceof PyDict && b instanceof PyDict) {
    if (a.map.size !== b.map.size) return false;
    for (const [k, e] of a.map) {
      const o = b.map.get(k);
      if (!o || !eq(it, e.value, o.value)) return false;
    }
    return true;
  }
  if (a instanceof PySet && b instanceof PySet) return SO.setEquals(it, a, b);
  if (a instanceof PyRange && b instanceof PyRange) return a.start === b.start && a.stop === b.stop && a.step === b.step;
  return false;
}

function orderCompare(it: Interp, kind: CmpKind, a: PyObject, b: PyObject): boolean | null {
  let c: number;
  if (a instanceof PyInt && b instanceof PyInt) c = intCompare(a.v, b.v);
  else if ((a instanceof PyInt || a instanceof PyFloat) && (b instanceof PyInt || b instanceof PyFloat)) {
    const x = asFloat(a)!, y = asFloat(b)!;
    if (x !== x || y !== y) return false;
    c = x < y ? -1 : x > y ? 1 : 0;
  } else if (a instanceof PyStr && b instanceof PyStr) c = a.v < b.v ? -1 : a.v > b.v ? 1 : 0;
  else if ((a instanceof PyList && b instanceof PyList) || (a instanceof PyTuple && b instanceof PyTuple)) {
    const x = a.items, y = (b as PyList).items;
    let i = 0;
    while (i < x.length && i < y.length && eq(it, x[i], y[i])) i++;
    if (i < x.length && i < y.length) {
      const r = compareOp(it, kind, x[i], y[i]);
      const t = isTrue(it, r);
      it.dec(r);
      return t;
    }
    c = x.length - y.length;
  } else if (a instanceof PySet && b instanceof PySet) {
    switch (kind) {
      case CmpKind.LtE: return SO.setIsSubset(it, a, b);
      case CmpKind.Lt: return a.used < b.used && SO.setIsSubset(it, a, b);
      case CmpKind.GtE: return SO.setIsSuperset(it, a, b);
      case CmpKind.Gt: return a.used > b.used && SO.setIsSuperset(it, a, b);
    }
    return null;
  } else return null;
  switch (kind) {
    case CmpKind.Lt: return c < 0;
    case CmpKind.LtE: return c <= 0;
    case CmpKind.Gt: return c > 0;
    case CmpKind.GtE: return c >= 0;
  }
  return null;
}

export function compareOp(it: Interp, kind: CmpKind, a: PyObject, b: PyObject): PyObject {
  if (a instanceof PyInstance || b instanceof PyInstance) {
    const tryCall = (x: PyObject, y: PyObject, k: number): PyObject | null => {
      if (!(x instanceof PyInstance)) return null;
      const m = mroLookup(x.type, CMP_DUNDER[k]);
      if (!m || m === it.objectEq || m === it.objectNe) return null;
      const r = slotCall(it, m, x, [y]); // slot_tp_richcompare
      if (r === it.NotImplemented) { it.dec(r); return null; }
      return r;
    };
    const swapFirst = b instanceof PyInstance && a.type !== b.type && b.type.mro.includes(a.type as PyType);
    let r = swapFirst ? tryCall(b, a, CMP_SWAP[kind]) : tryCall(a, b, kind);
    if (!r) r = swapFirst ? tryCall(a, b, kind) : tryCall(b, a, CMP_SWAP[kind]);
    if (r) return r;
    if (kind === CmpKind.Eq) return it.newBool(a === b);
    if (kind === CmpKind.NotEq) {
      // object.__ne__ inverts a user __eq__.
      const m = a instanceof PyInstance ? mroLookup(a.type, '__eq__') : null;
      if (m && m !== it.objectEq) {
        const e = callObject(it, m, [a, b], null);
        if (e !== it.NotImplemented) { const t = isTrue(it, e); it.dec(e); return it.newBool(!t); }
        it.dec(e);
      }
      return it.newBool(a !== b);
    }
  } else {
    if (kind === CmpKind.Eq) return it.newBool(eq(it, a, b));
    if (kind === CmpKind.NotEq) return it.newBool(!eq(it, a, b));
    const r = orderCompare(it, kind, a, b);
    if (r !== null) return it.newBool(r);
  }
  it.raise('TypeError', `'${CMP_SYMBOL[kind]}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}

export function isSubclass(t: PyType, base: PyType): boolean {
  return t === base || t.mro.includes(base);
}

// ---- containment, iteration -----------------------------------------------------------------

export function containsOp(it: Interp, container: PyObject, item: PyObject): boolean {
  if (container instanceof PyList || container instanceof PyTuple) {
    for (const x of container.items) if (x === item || eq(it, x, item)) return true;
    return false;
  }
  if (container instanceof PyStr) {
    if (!(item instanceof PyStr)) it.raise('TypeError', `'in <string>' requires string as left operand, not ${typeName(item)}`);
    return container.v.includes(item.v);
  }
  if (container instanceof PyDict) return container.map.has(hashKey(it, item));
  if (container instanceof PySet) return setContainsKey(it, container, item);
  if (container instanceof PyDictView) {
    if (container.kind === 'keys' || container.kind === 'proxy') return container.dict.map.has(hashKey(it, item));
  }
  if (container instanceof PyRange && item instanceof PyInt) {
    const v = Number(item.v);
    const r = container;
    if (r.step > 0 ? v < r.start || v >= r.stop : v > r.start || v <= r.stop) return false;
    return (v - r.start) % r.step === 0;
  }
  if (container instanceof PyInstance) {
    const m = mroLookup(container.type, '__contains__');
    if (m) { const r = callObject(it, m, [container, item], null); const t = isTrue(it, r); it.dec(r); return t; }
  }
  const iter = getIter(it, container);
  try {
    for (;;) {
      const x = iterNext(it, iter);
      if (x === null) return false;
      const hit = x === item || eq(it, x, item);
      it.dec(x);
      if (hit) return true;
    }
  } finally { it.dec(iter); }
}

function newIter(it: Interp, type: PyType, source: PyObject | null, kind: IterKind): PyIterator {
  if (type.isGC) return it.gcNew(() => new PyIterator(type, source ? it.inc(source) : null, kind), 48);
  return it.rawNew(new PyIterator(type, source ? it.inc(source) : null, kind), 48);
}

/** iter(callable, sentinel) (calliter_new): a tracked iterator holding both. */
export function newCallIter(it: Interp, callable: PyObject, sentinel: PyObject): PyIterator {
  const r = newIter(it, it.types.callable_iterator, callable, 'calliter');
  r.extra = [it.inc(sentinel)];
  return r;
}

export function getIter(it: Interp, o: PyObject): PyObject {
  const T = it.types;
  if (o instanceof PyList) return newIter(it, T.list_iterator, o, 'list');
  if (o instanceof PyTuple) return newIter(it, T.tuple_iterator, o, 'tuple');
  if (o instanceof PyStr) return newIter(it, T.str_iterator, o, 'str');
  if (o instanceof PyRange) {
    const r = newIter(it, T.range_iterator, null, 'range');
    r.cur = o.start; r.stop = o.stop; r.step = o.step;
    return r;
  }
  if (o instanceof PyDict) return dictIter(it, o, 'dict-keys');
  if (o instanceof PyDictView) return dictIter(it, o.dict, o.kind === 'keys' || o.kind === 'proxy' ? 'dict-keys' : o.kind === 'values' ? 'dict-values' : 'dict-items');
  if (o instanceof PySet) {
    // setiterobject: the set, the size it had (si_used) and a table position (si_pos).
    const r = newIter(it, T.set_iterator, o, 'set');
    r.index = 0;
    r.stop = o.used;
    return r;
  }
  if (o instanceof PyIterator || o instanceof PyGenerator) return it.inc(o);
  if (o instanceof PyInstance) {
    const m = mroLookup(o.type, '__iter__');
    if (m) {
      const r = callObject(it, m, [o], null);
      if (!(r instanceof PyIterator) && !(r instanceof PyGenerator) && !(r instanceof PyInstance && mroLookup(r.type, '__next__'))) {
        const n = typeName(r);
        it.dec(r);
        it.raise('TypeError', `iter() returned non-iterator of type '${n}'`);
      }
      return r;
    }
    const gi = mroLookup(o.type, '__getitem__');
    if (gi) {
      const r = newIter(it, T.iterator, o, 'callable');
      return r;
    }
  }
  it.raise('TypeError', `'${typeName(o)}' object is not iterable`);
}

function dictIter(it: Interp, d: PyDict, kind: IterKind): PyIterator {
  const T = it.types;
  const t = kind === 'dict-keys' ? T.dict_keyiterator : kind === 'dict-values' ? T.dict_valueiterator : T.dict_itemiterator;
  const r = newIter(it, t, d, kind);
  r.index = 0;
  // dictiter_new: an items iterator keeps a result tuple to recycle (di_result).
  // PyTuple_Pack(2, None, None): 3.14 leaves it untracked (tracked again when first recycled).
  if (kind === 'dict-items') r.extra.push(it.newTupleFromArray([it.newNone(), it.newNone()]));
  return r;
}

/** A 2-tuple an iterator recycles (enumerate's en_result): refilled with `items` (stolen) if
 *  only the iterator holds it, else a new tuple. */
function recycledTuple(it: Interp, result: PyTuple, items: PyObject[]): PyTuple {
  if (result.rc !== 1) return it.newTuple(items);
  it.inc(result);
  const old = result.items;
  result.items = items;
  for (const x of old) it.dec(x);
  retrack(it, result);
  return result;
}

/** bpo-42536 (in 3.8.18, not in 3.7.16): a recycled result tuple the collector untracked is tracked again. */
function retrack(it: Interp, t: PyTuple): void {
  if (t.gcGen < 0 && (it.profile.version[0] > 3 || it.profile.version[1] >= 8)) it.heap.track(t);
}

/** Next item (new reference) or null when exhausted. */
export function iterNext(it: Interp, iter: PyObject): PyObject | null {
  if (iter instanceof PyIterator) {
    const src = iter.source;
    switch (iter.kind) {
      case 'list': case 'tuple': {
        if (!src) return null;
        const items = (src as PyList).items;
        if (iter.index < items.length) return it.inc(items[iter.index++]);
        // listiter_next / tupleiter_next: the exhausted iterator drops its sequence.
        iter.source = null;
        it.dec(src);
        return null;
      }
      case 'range': {
        if (iter.step > 0 ? iter.cur < iter.stop : iter.cur > iter.stop) { const v = iter.cur; iter.cur += iter.step; return it.newInt(v); }
        return null;
      }
      case 'str': {
        if (!src) return null;
        const s = (src as PyStr).v;
        if (iter.index < s.length) {
          const cp = s.codePointAt(iter.index)!;
          const ch = String.fromCodePoint(cp);
          iter.index += ch.length;
          return it.newStr(ch);
        }
        iter.source = null;
        it.dec(src);
        return null;
      }
      case 'dict-keys': case 'dict-values': case 'dict-items': {
        if (!src) return null;
        const d = src as PyDict;
        if (iter.keys === null) {
          iter.keys = [];
          iter.stop = d.map.size;
        }
        // di_used = -1: the error is sticky.
        if (d.map.size !== iter.stop) { iter.stop = -1; it.raise('RuntimeError', 'dictionary changed size during iteration'); }
        let i = 0;
        for (const e of d.map.values()) {
          if (i++ === iter.index) {
            iter.index++;
            if (iter.kind === 'dict-keys') return it.inc(e.key);
            if (iter.kind === 'dict-values') return it.inc(e.value);
            const pair = [it.inc(e.key), it.inc(e.value)];
            return iter.extra.length ? recycledTuple(it, iter.extra[0] as PyTuple, pair) : it.newTuple(pair);
          }
        }
        // dictiter_iternext*: the exhausted iterator drops its dict.
        iter.source = null;
        it.dec(d);
        return null;
      }
      case 'set': {
        if (!src) return null;
        const set = src as PySet;
        if (iter.stop !== set.used) {
          iter.stop = -1; // sticky, as CPython's si_used = -1
          it.raise('RuntimeError', 'Set changed size during iteration');
        }
        const table = set.table;
        let i = iter.index;
        while (i < table.length && table[i] === null) i++;
        iter.index = i + 1;
        if (i >= table.length) { iter.source = null; it.dec(set); return null; }
        return it.inc(table[i]!);
      }
      case 'enumerate': {
        // enum_next: the result tuple is recycled while nobody else holds it.
        const v = iterNext(it, iter.extra[0]);
        if (v === null) return null;
        const n = it.newInt(iter.cur++);
        return recycledTuple(it, iter.extra[1] as PyTuple, [n, v]);
      }
      case 'zip': {
        const inners = (iter.extra[0] as PyTuple).items;
        if (!inners.length) return null;
        const result = iter.extra[1] as PyTuple;
        if (result.rc === 1) {
          // zip_next: fill the recycled tuple item by item (a short iterator leaves it half-filled).
          it.inc(result);
          for (let i = 0; i < inners.length; i++) {
            const v = iterNext(it, inners[i]);
            if (v === null) { it.dec(result); return null; }
            const old = result.items[i];
            result.items[i] = v;
            it.dec(old);
          }
          retrack(it, result);
          return result;
        }
        // Otherwise a new tuple, made before the items are fetched (and freed again when an
        // iterator is exhausted: the last call allocates one too).
        const t = it.newTuple(inners.map(() => it.newNone()));
        for (let i = 0; i < inners.length; i++) {
          const v = iterNext(it, inners[i]);
          if (v === null) { it.dec(t); return null; }
          const old = t.items[i];
          t.items[i] = v;
          it.dec(old);
        }
        return t;
      }
      case 'reversed': {
        // listreviter_next / reversed_next: item index--, and the sequence is
        // released once exhausted.
        if (!src) return null;
        if (iter.index >= 0) {
          if (src instanceof PyList || src instanceof PyTuple) {
            if (iter.index < src.items.length) return it.inc(src.items[iter.index--]);
          } else if (src instanceof PyStr) {
            const cps = [...src.v];
            if (iter.index < cps.length) return it.newStr(cps[iter.index--]);
          } else {
            const gi = mroLookup(src.type, '__getitem__');
            if (gi) {
              const idx = it.newInt(iter.index);
              try {
                const r = callObject(it, gi, [src, idx], null);
                iter.index--;
                return r;
              } catch (e) {
                const exc = (e as { exc?: PyObject }).exc;
                if (!exc || !(isSubclass(exc.type, it.types.get('IndexError')) || isSubclass(exc.type, it.types.get('StopIteration')))) throw e;
                it.dec(exc);
              } finally { it.dec(idx); }
            }
          }
        }
        iter.index = -1;
        if (src instanceof PyList && iter.type === it.types.list_reverseiterator && it.profile.listRevIterKeepsList) return null;
        iter.source = null;
        it.dec(src);
        return null;
      }
      case 'dict-reversed': {
        // dictreviter_iternext
        if (!src) return null;
        const d = src as PyDict;
        if (d.map.size !== iter.stop) { iter.stop = -1; it.raise('RuntimeError', 'dictionary changed size during iteration'); }
        if (iter.index >= 0 && iter.index < d.map.size) {
          let i = 0;
          for (const e of d.map.values()) {
            if (i++ === iter.index) {
              iter.index--;
              if (iter.cur === 0) return it.inc(e.key);
              if (iter.cur === 1) return it.inc(e.value);
              const pair = [it.inc(e.key), it.inc(e.value)];
              return iter.extra.length ? recycledTuple(it, iter.extra[0] as PyTuple, pair) : it.newTuple(pair);
            }
          }
        }
        iter.source = null;
        it.dec(src);
        return null;
      }
      case 'map': {
        // map_next: one item from each iterator, then func(*items).
        const inners = (iter.extra[0] as PyTuple).items;
        const vals: PyObject[] = [];
        for (const inner of inners) {
          const v = iterNext(it, inner);
          if (v === null) { for (const x of vals) it.dec(x); return null; }
          vals.push(v);
        }
        try { return callObject(it, iter.extra[1], vals, null); } finally { for (const x of vals) it.dec(x); }
      }
      case 'filter': {
        for (;;) {
          const v = iterNext(it, iter.extra[1]);
          if (v === null) return null;
          if (iter.kind === 'filter' && iter.extra[0] === it.None) {
            if (isTrue(it, v)) return v;
            it.dec(v);
            continue;
          }
          const r = callObject(it, iter.extra[0], [v], null);
          const keep = isTrue(it, r);
          it.dec(r);
          if (keep) return v;
          it.dec(v);
        }
      }
      case 'calliter': {
        // calliter_iternext: call until the result equals the sentinel or StopIteration is raised;
        // then the callable and the sentinel are released (Py_CLEAR).
        if (!src) return null;
        const release = () => { iter.source = null; const s = iter.extra; iter.extra = []; it.dec(src); for (const x of s) it.dec(x); };
        let r: PyObject;
        try {
          r = callObject(it, src, [], null);
        } catch (e) {
          const exc = (e as { exc?: PyObject }).exc;
          if (!exc || !isSubclass(exc.type, it.types.get('StopIteration'))) throw e;
          it.dec(exc);
          release();
          return null;
        }
        const sentinel = iter.extra[0];
        if (r !== sentinel && !eq(it, r, sentinel)) return r;
        it.dec(r);
        release();
        return null;
      }
      case 'callable': {
        // iter_iternext: seq[i++] until IndexError or StopIteration, which is
        // cleared; the exhausted iterator releases the sequence.
        if (!src) return null;
        const gi = mroLookup(src.type, '__getitem__')!;
        const idx = it.newInt(iter.index);
        try {
          const r = callObject(it, gi, [src, idx], null);
          iter.index++;
          return r;
        } catch (e) {
          const exc = (e as { exc?: PyObject }).exc;
          if (!exc || !(isSubclass(exc.type, it.types.get('IndexError')) || isSubclass(exc.type, it.types.get('StopIteration')))) throw e;
          it.dec(exc);
          iter.source = null;
          it.dec(src);
          return null;
        } finally { it.dec(idx); }
      }
    }
  }
  if (iter instanceof PyGenerator) return genNext(it, iter);
  if (iter instanceof PyInstance) {
    const m = mroLookup(iter.type, '__next__');
    if (m) {
      try {
        return callObject(it, m, [iter], null);
      } catch (e) {
        const exc = (e as { exc?: PyObject }).exc;
        if (exc && isSubclass(exc.type, it.types.get('StopIteration'))) { it.dec(exc); return null; }
        throw e;
      }
    }
  }
  it.raise('TypeError', `'${typeName(iter)}' object is not an iterator`);
}

/** All items of an iterable as new references. */
export function iterateToArray(it: Interp, o: PyObject): PyObject[] {
  if (o instanceof PyList || o instanceof PyTuple) return o.items.map((x) => it.inc(x));
  const iter = getIter(it, o);
  const out: PyObject[] = [];
  try {
    for (;;) {
      const x = iterNext(it, iter);
      if (x === null) break;
      out.push(x);
    }
  } catch (e) { for (const x of out) it.dec(x); throw e; } finally { it.dec(iter); }
  return out;
}

// ---- subscription ------------------------------------------------------------------------

export function sliceIndices(it: Interp, s: PySlice, len: number): [number, number, number] {
  const get = (o: PyObject, def: number): number => {
    if (o === it.None) return def;
    if (o instanceof PyInt) return Number(o.v);
    it.raise('TypeError', 'slice indices must be integers or None or have an __index__ method');
  };
  const step = get(s.step, 1);
  if (step === 0) it.raise('ValueError', 'slice step cannot be zero');
  let start: number, stop: number;
  if (step > 0) {
    start = get(s.start, 0); stop = get(s.stop, len);
    if (start < 0) start = Math.max(0, start + len); else start = Math.min(start, len);
    if (stop < 0) stop = Math.max(0, stop + len); else stop = Math.min(stop, len);
  } else {
    start = get(s.start, len - 1); stop = get(s.stop, -len - 1);
    if (start < 0) start = Math.max(-1, start + len); else start = Math.min(start, len - 1);
    if (stop < 0) stop = Math.max(-1, stop + len); else stop = Math.min(stop, len - 1);
  }
  return [start, stop, step];
}

function sliceRange(start: number, stop: number, step: number): number[] {
  const out: number[] = [];
  if (step > 0) for (let i = start; i < stop; i += step) out.push(i);
  else for (let i = start; i > stop; i += step) out.push(i);
  return out;
}

function indexOf(it: Interp, k: PyObject, len: number, what: string): number {
  if (!(k instanceof PyInt)) it.raise('TypeError', `${what} indices must be integers or slices, not ${typeName(k)}`);
  let i = Number(k.v);
  if (i < 0) i += len;
  if (i < 0 || i >= len) it.raise('IndexError', `${what} index out of range`);
  return i;
}

export function getItem(it: Interp, o: PyObject, k: PyObject): PyObject {
  if (o instanceof PyList || o instanceof PyTuple) {
    const what = o instanceof PyList ? 'list' : 'tuple';
    if (k instanceof PySlice) {
      const [a, b, c] = sliceIndices(it, k, o.items.length);
      const items = sliceRange(a, b, c).map((i) => it.inc(o.items[i]));
      return o instanceof PyList ? listExact(it.newList(items)) : it.newTuple(items);
    }
    return it.inc(o.items[indexOf(it, k, o.items.length, what)]);
  }
  if (o instanceof PyDict) {
    const v = dictGet(it, o, k);
    if (v === undefined) {
      if (o.type !== it.types.dict) {
        const m = mroLookup(o.type, '__missing__');
        if (m) return callObject(it, m, [o, k], null);
      }
      it.raiseKeyError(k);
    }
    return it.inc(v);
  }
  if (o instanceof PyDictView && o.kind === 'proxy') return getItem(it, o.dict, k);
  if (o instanceof PyStr) {
    const cps = [...o.v];
    if (k instanceof PySlice) {
      const [a, b, c] = sliceIndices(it, k, cps.length);
      return it.newStr(sliceRange(a, b, c).map((i) => cps[i]).join(''));
    }
    return it.newStr(cps[indexOf(it, k, cps.length, 'string')]);
  }
  if (o instanceof PyRange) {
    const n = rangeLen(o);
    const i = indexOf(it, k, n, 'range object');
    return it.newInt(o.start + i * o.step);
  }
  if (o instanceof PyInstance) {
    const m = mroLookup(o.type, '__getitem__');
    if (m) return callObject(it, m, [o, k], null);
  }
  if (o instanceof PyType) {
    const m = mroLookup(o, '__class_getitem__');
    if (m) return callObject(it, m, [o, k], null);
    return it.inc(o);
  }
  it.raise('TypeError', `'${typeName(o)}' object is not subscriptable`);
}

/** o[k] = v; steals v. */
/** o[k] = v (PyObject_SetItem: borrows all three). */
export function setItem(it: Interp, o: PyObject, k: PyObject, v: PyObject): void {
  if (o instanceof PyList) {
    if (k instanceof PySlice) {
      const vals = iterateToArray(it, v);
      const [a, b, c] = sliceIndices(it, k, o.items.length);
      if (c === 1) {
        const removed = o.items.splice(a, Math.max(0, b - a), ...vals);
        if (vals.length !== removed.length) listResized(it, o, true);
        for (let i = removed.length - 1; i >= 0; i--) it.dec(removed[i]);
        return;
      }
      const idx = sliceRange(a, b, c);
      if (idx.length !== vals.length) {
        for (const x of vals) it.dec(x);
        it.raise('ValueError', `attempt to assign sequence of size ${vals.length} to extended slice of size ${idx.length}`);
      }
      idx.forEach((i, j) => { const old = o.items[i]; o.items[i] = vals[j]; it.dec(old); });
      return;
    }
    const i = indexOf(it, k, o.items.length, 'list assignment');
    const old = o.items[i];
    o.items[i] = it.inc(v);
    it.dec(old);
    return;
  }
  if (o instanceof PyDict) { dictSetItem(it, o, it.inc(k), it.inc(v)); return; }
  if (o instanceof PyInstance) {
    const m = mroLookup(o.type, '__setitem__');
    if (m) { const r = callObject(it, m, [o, k, v], null); it.dec(r); return; }
  }
  it.raise('TypeError', `'${typeName(o)}' object does not support item assignment`);
}

export function delItem(it: Interp, o: PyObject, k: PyObject): void {
  if (o instanceof PyList) {
    if (k instanceof PySlice) {
      const [a, b, c] = sliceIndices(it, k, o.items.length);
      if (c === 1) {
        const removed = o.items.splice(a, Math.max(0, b - a));
        if (removed.length) listResized(it, o, true);
        for (let i = removed.length - 1; i >= 0; i--) it.dec(removed[i]);
        return;
      }
      const idx = sliceRange(a, b, c).sort((x, y) => y - x);
      const removed: PyObject[] = [];
      for (const i of idx) removed.push(o.items.splice(i, 1)[0]);
      if (removed.length) listResized(it, o);
      for (const x of removed) it.dec(x);
      return;
    }
    const i = indexOf(it, k, o.items.length, 'list assignment');
    const [old] = o.items.splice(i, 1);
    listResized(it, o, true);
    it.dec(old);
    return;
  }
  if (o instanceof PyDict) {
    if (!dictDel(it, o, k)) it.raiseKeyError(k);
    return;
  }
  if (o instanceof PyInstance) {
    const m = mroLookup(o.type, '__delitem__');
    if (m) { const r = callObject(it, m, [o, k], null); it.dec(r); return; }
  }
  // PyObject_DelItem: a type with sequence methods and an index key goes through
  // PySequence_DelItem, whose message is worded differently.
  const sequenceLike = o instanceof PyStr || o instanceof PyTuple || o instanceof PyBytes || o instanceof PyRange
    || o instanceof PySet || o instanceof PyDictView || o instanceof PyInstance;
  const indexKey = k instanceof PyInt || (k instanceof PyInstance && mroLookup(k.type, '__index__') !== null);
  it.raise('TypeError', `'${typeName(o)}' object ${sequenceLike && indexKey ? "doesn't" : 'does not'} support item deletion`);
}

// ---- unpacking, building -----------------------------------------------------------------

export function unpackSequence(it: Interp, o: PyObject, n: number): PyObject[] {
  if (o instanceof PyTuple || o instanceof PyList) {
    if (o.items.length === n) return o.items.map((x) => it.inc(x));
    if (o.items.length < n) it.raise('ValueError', `not enough values to unpack (expected ${n}, got ${o.items.length})`);
    it.raise('ValueError', tooManyToUnpack(it.profile, n, o.items.length));
  }
  const iter = getIter(it, o);
  const out: PyObject[] = [];
  try {
    for (;;) {
      const x = iterNext(it, iter);
      if (x === null) break;
      if (out.length === n) {
        it.dec(x); for (const y of out) it.dec(y);
        it.raise('ValueError', tooManyToUnpack(it.profile, n, o instanceof PyDict && o.type === it.types.get('dict') ? o.map.size : null));
      }
      out.push(x);
    }
  } finally { it.dec(iter); }
  if (out.length < n) { for (const y of out) it.dec(y); it.raise('ValueError', `not enough values to unpack (expected ${n}, got ${out.length})`); }
  return out;
}

export function unpackEx(it: Interp, o: PyObject, before: number, after: number): PyObject[] {
  const all = iterateToArray(it, o);
  if (all.length < before + after) {
    for (const x of all) it.dec(x);
    it.raise('ValueError', `not enough values to unpack (expected at least ${before + after}, got ${all.length})`);
  }
  const mid = all.slice(before, all.length - after);
  return [...all.slice(0, before), it.newList(mid), ...all.slice(all.length - after)];
}

/** The items _list_extend adds (list(x), list.extend, sorted, [*x]). 3.13+ reads an exact dict
 *  items view without an iterator (list_extend_dictitems): each pair is a _PyTuple_FromArray tuple
 *  (3.14: untracked unless the key or value is a GC object), no recycled result tuple. */
export function listExtendItems(it: Interp, src: PyObject): PyObject[] {
  const [major, minor] = it.profile.version;
  if (src instanceof PyDictView && src.kind === 'items' && (major > 3 || minor >= 13)) {
    return [...src.dict.map.values()].map((e) => it.newTupleFromArray([it.inc(e.key), it.inc(e.value)]));
  }
  return iterateToArray(it, src);
}

export function extendList(it: Interp, l: PyList, src: PyObject): void {
  const items = listExtendItems(it, src);
  const m = l.items.length;
  for (const x of items) l.items.push(x);
  listExtended(it, l, src, m, items.length);
}

/** SET_UPDATE (_PySet_Update) */
export function updateSet(it: Interp, s: PySet, src: PyObject): void {
  SO.setUpdateInternal(it, s, src);
}

export function updateDict(it: Interp, d: PyDict, src: PyObject, merge: boolean): void {
  if (src instanceof PyDict) {
    for (const e of src.map.values()) {
      if (merge && d.map.has(hashKey(it, e.key))) {
        it.raise('TypeError', `got multiple values for keyword argument '${strOf(it, e.key)}'`);
      }
      dictSetItem(it, d, it.inc(e.key), it.inc(e.value));
    }
    return;
  }
  it.raise('TypeError', `'${typeName(src)}' object is not a mapping`);
}

/** FORMAT_VALUE: conversion (1 str, 2 repr, 3 ascii) then format(spec). */
export function formatValue(it: Interp, v: PyObject, conv: number, spec: string): PyObject {
  let val = v;
  let owned = false;
  if (conv === 1) { val = it.newStr(strOf(it, v)); owned = true; }
  else if (conv === 2) { val = it.newStr(reprOf(it, v)); owned = true; }
  else if (conv === 3) { val = it.newStr(asciiEscape(reprOf(it, v))); owned = true; }
  if (val instanceof PyStr && spec === '') return owned ? val : it.inc(val);
  try {
    return it.newStr(formatBuiltin(it, val, spec));
  } finally { if (owned) it.dec(val); }
}

export type { PyNone };
