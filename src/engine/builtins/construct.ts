// Calling a builtin type: int(), str(), list(), dict(), range(), super(),
// property(), exception classes … Each allocates exactly what CPython's
// constructor allocates (counted GC objects, free lists).

import { makeNewSet } from './setops';
import type { Interp } from '../interp';
import {
  PyBool, PyDescriptorWrapper, PyDict, PyDictView, PyException, PyFloat, PyInstance, PyInt, PyIterator, PyList, PyObject, PyRange,
  PySet, PyStr, PySuper, PyTuple, PyType, PyFunction,
} from '../objects';
import { splitArgs, kwOnly, rangeArgs, exactArgs } from './args';
import { iterateToArray, listExtendItems, getIter, isTrue, rethrow, isSubclass, lengthOf, rangeLen } from '../ops';
import { strOf, typeName } from '../repr';
import { intFromString, floatFromString, floatToInt } from '../text/numbers';
import { dictSetItem, setAdd } from './dictops';
import { typeNew } from '../vm/classes';
import { intToFloat } from '../text/int';
import { numberWord } from './messages';
import { callObject } from '../vm/call';
import { NotSupportedRuntime } from '../errors';
import { mroLookup } from '../types';
import { newWeakref } from './weakrefmodule';
import { dictCreated, dictUnknown, listExact, listInitialised } from '../sizes';

export function instantiateBuiltin(it: Interp, t: PyType, args: PyObject[], kwnames: string[] | null): PyObject {
  const T = it.types;
  if (t.builtinBase === 'BaseException') {
    const [pos] = splitArgs(args, kwnames);
    return it.makeExcOf(t, pos.map((a) => it.inc(a)));
  }
  switch (t) {
    case T.object:
      if (args.length) it.raise('TypeError', 'object() takes no arguments');
      return it.newInstance(T.object);
    case T.type: {
      if (args.length === 1) {
        if (args[0].type.classic) throw new NotSupportedRuntime("type() of a Python 2 old-style instance (types.InstanceType)", it.frame ? it.frame.lineno : 0);
        return it.inc(args[0].type);
      }
      if (args.length !== 3) it.raise('TypeError', 'type() takes 1 or 3 arguments');
      const [name, bases, ns] = args;
      return typeNew(it, (name as PyStr).v, (bases as PyTuple).items as PyType[], ns as PyDict, null);
    }
    case T.int: return makeInt(it, args, kwnames);
    case T.bool: rangeArgs(it, 'bool', args, kwnames, 0, 1); return it.newBool(args.length ? isTrue(it, args[0]) : false);
    case T.float: {
      rangeArgs(it, 'float', args, kwnames, 0, 1);
      if (!args.length) return it.newFloat(0);
      const a = args[0];
      if (a instanceof PyFloat) return it.newFloat(a.v);
      if (a instanceof PyInt) { try { return it.newFloat(intToFloat(a.v)); } catch (e) { rethrow(it, e); } }
      if (a instanceof PyStr) { try { return it.newFloat(floatFromString(a.v)); } catch (e) { rethrow(it, e); } }
      it.raise('TypeError', `float() argument must be a string or ${numberWord(it.profile)}, not '${typeName(a)}'`);
    }
    case T.str: {
      rangeArgs(it, 'str', args, kwnames, 0, 1);
      if (!args.length) return it.newStr('');
      if (args[0] instanceof PyStr && args[0].type === T.str) return it.inc(args[0]);
      return it.newStr(strOf(it, args[0]));
    }
    case T.list: {
      rangeArgs(it, 'list', args, kwnames, 0, 1);
      const l = listExact(it.newList([], true));
      if (args.length) {
        try { l.items = listExtendItems(it, args[0]); } catch (e) { it.dec(l); throw e; }
        listInitialised(it, l, args[0]);
      }
      return l;
    }
    case T.tuple: {
      rangeArgs(it, 'tuple', args, kwnames, 0, 1);
      if (!args.length) return it.inc(it.emptyTuple);
      if (args[0] instanceof PyTuple && args[0].type === T.tuple) return it.inc(args[0]);
      const items = iterateToArray(it, args[0]);
      return args[0] instanceof PyList ? it.newTupleFromArray(items) : it.newTuple(items);
    }
    case T.dict: {
      const [pos, kw] = splitArgs(args, kwnames);
      if (pos.length > 1) it.raise('TypeError', `dict expected at most 1 argument, got ${pos.length}`);
      const d = it.newDict(true);
      dictCreated(it, d, 0, false, true);
      // dict(x) and ≤3.9's dict(**kw) of more than 5 keys merge with a presized table: not followed.
      if (pos.length || (kw.size > 5 && (it.profile.version[0] === 2 || it.profile.version[1] <= 9))) dictUnknown(d);
      if (pos.length) {
        const src = pos[0];
        if (src instanceof PyDict) {
          // ≤3.8 dict_update_common looks up src.keys first (a bound method, freed at once).
          if (it.profile.version[0] === 3 && it.profile.version[1] <= 8) it.hidden.free(it.hidden.boundBuiltin());
          for (const e of src.map.values()) dictSetItem(it, d, it.inc(e.key), it.inc(e.value));
        } else {
          for (const pair of iterateToArray(it, src)) {
            const kv = iterateToArray(it, pair);
            it.dec(pair);
            if (kv.length !== 2) {
              for (const x of kv) it.dec(x);
              it.raise('ValueError', `dictionary update sequence element #0 has length ${kv.length}; 2 is required`);
            }
            dictSetItem(it, d, kv[0], kv[1]);
          }
        }
      }
      for (const [k, v] of kw) dictSetItem(it, d, it.newStr(k), it.inc(v));
      return d;
    }
    case T.set: case T.frozenset: {
      rangeArgs(it, t.name, args, kwnames, 0, 1);
      // frozenset(f) is idempotent (make_new_frozenset); otherwise make_new_set.
      if (t === T.frozenset && args.length && args[0].type === T.frozenset) return it.inc(args[0]);
      return makeNewSet(it, t, args.length ? args[0] : null);
    }
    case T.range: {
      rangeArgs(it, 'range', args, kwnames, 1, 3);
      const n = args.map((a) => {
        if (!(a instanceof PyInt)) it.raise('TypeError', `'${typeName(a)}' object cannot be interpreted as an integer`);
        return Number(a.v);
      });
      const [start, stop, step] = n.length === 1 ? [0, n[0], 1] : [n[0], n[1], n[2] ?? 1];
      if (step === 0) it.raise('ValueError', 'range() arg 3 must not be zero');
      return it.rawNew(new PyRange(T.range, start, stop, step), 48);
    }
    case T.enumerate: {
      const [pos, kw] = splitArgs(args, kwnames);
      kwOnly(it, 'enumerate', kw, ['iterable', 'start']);
      const src = pos[0] ?? kw.get('iterable');
      if (!src) it.raise('TypeError', "enumerate() missing required argument 'iterable' (pos 1)");
      const start = pos[1] ?? kw.get('start');
      // enum_new: the object, then its iterator, then the result tuple it recycles (en_result).
      const r = it.gcNew(() => new PyIterator(T.enumerate, null, 'enumerate', []), 48);
      r.cur = start instanceof PyInt ? Number(start.v) : 0;
      try { r.extra.push(getIter(it, src)); } catch (e) { it.dec(r); throw e; }
      r.extra.push(it.newTupleFromArray([it.newNone(), it.newNone()])); // PyTuple_Pack (3.14: untracked)
      return r;
    }
    case T.zip: {
      // zip_new: the tuple of iterators (ittuple), each iterator, the result tuple it
      // recycles, then the object.
      if (!args.length) return it.gcNew(() => new PyIterator(T.zip, null, 'zip', [it.inc(it.emptyTuple), it.inc(it.emptyTuple)]), 48);
      const ittuple = it.newTuple(args.map(() => it.newNone()));
      try {
        args.forEach((a, i) => { const x = getIter(it, a); it.dec(ittuple.items[i]); ittuple.items[i] = x; });
      } catch (e) { it.dec(ittuple); throw e; }
      const result = it.newTuple(args.map(() => it.newNone()));
      return it.gcNew(() => new PyIterator(T.zip, null, 'zip', [ittuple, result]), 48);
    }
    case T.map: {
      // map_new: the tuple of iterators, each iterator, then the object.
      if (args.length < 2) it.raise('TypeError', 'map() must have at least two arguments.');
      const iters = it.newTuple(args.slice(1).map(() => it.newNone()));
      try {
        args.slice(1).forEach((a, i) => { const x = getIter(it, a); it.dec(iters.items[i]); iters.items[i] = x; });
      } catch (e) { it.dec(iters); throw e; }
      return it.gcNew(() => new PyIterator(t, null, 'map', [iters, it.inc(args[0])]), 48);
    }
    case T.filter: {
      if (args.length !== 2) it.raise('TypeError', `filter expected 2 arguments, got ${args.length}`);
      const inner = getIter(it, args[1]);
      return it.gcNew(() => new PyIterator(t, null, 'filter', [it.inc(args[0]), inner]), 48);
    }
    case T.reversed: return makeReversed(it, args, kwnames);
    case T.super: return makeSuper(it, args);
    case T.property: {
      const [pos, kw] = splitArgs(args, kwnames);
      const get = pos[0] ?? kw.get('fget') ?? it.None;
      const set = pos[1] ?? kw.get('fset') ?? null;
      const del = pos[2] ?? kw.get('fdel') ?? null;
      return it.gcNew(() => new PyDescriptorWrapper(T.property, it.inc(get), set ? it.inc(set) : null, del ? it.inc(del) : null), 80);
    }
    case T.staticmethod: case T.classmethod:
      exactArgs(it, t.name, args, kwnames, 1);
      return it.gcNew(() => new PyDescriptorWrapper(t, it.inc(args[0])), 48);
    case T.weakref:
      return newWeakref(it, args, kwnames);
    case T.slice:
      // Slices are GC objects with a one-slot cache in CPython; the engine makes the implicit ones of
      // `a[i:j]` only (untracked, uncounted: what the cache gives when it holds one), never a handle on one.
      throw new NotSupportedRuntime('slice objects made with slice()', it.frame ? it.frame.lineno : 0);
  }
  it.raise('TypeError', `cannot create '${t.name}' instances`);
}

function makeInt(it: Interp, args: PyObject[], kwnames: string[] | null): PyObject {
  const [pos, kw] = splitArgs(args, kwnames);
  kwOnly(it, 'int', kw, ['base']);
  if (pos.length > 2) it.raise('TypeError', `int() takes at most 2 arguments (${pos.length} given)`);
  if (!pos.length) return it.newInt(0);
  const x = pos[0];
  const baseObj = pos[1] ?? kw.get('base');
  try {
    if (baseObj) {
      if (!(x instanceof PyStr)) it.raise('TypeError', "int() can't convert non-string with explicit base");
      return it.newInt(intFromString(x.v, Number((baseObj as PyInt).v)));
    }
    if (x instanceof PyBool) return it.newInt(x.v);
    if (x instanceof PyInt) return it.inc(x);
    if (x instanceof PyFloat) return it.newInt(floatToInt(x.v));
    if (x instanceof PyStr) return it.newInt(intFromString(x.v, 10));
  } catch (e) { rethrow(it, e); }
  if (x instanceof PyInstance) {
    const m = mroLookup(x.type, '__int__') ?? mroLookup(x.type, '__index__');
    if (m) return callObject(it, m, [x], null);
  }
  it.raise('TypeError', `int() argument must be a string, a bytes-like object or ${numberWord(it.profile)}, not '${typeName(x)}'`);
}

/** reversed(seq) (Objects/enumobject.c reversed_new_impl): seq.__reversed__()
 * when the type has one (list, range, dict, a class defining it), else a
 * `reversed` object indexing the sequence from len(seq)-1 down to 0. */
function makeReversed(it: Interp, args: PyObject[], kwnames: string[] | null): PyObject {
  const T = it.types;
  exactArgs(it, 'reversed', args, kwnames, 1);
  const src = args[0];
  // dict and its views have __reversed__ from 3.8.
  const dictReversible = src instanceof PyDict || src instanceof PyDictView
    ? it.profile.version[0] > 3 || it.profile.version[1] >= 8 : false;
  if (src instanceof PyList || src instanceof PyRange || dictReversible) {
    // _PyObject_LookupSpecial binds the type's __reversed__ for the call.
    const meth = it.hidden.boundBuiltin();
    try { return builtinReversed(it, src as PyList | PyRange | PyDict | PyDictView); } finally { it.hidden.free(meth); }
  }
  if (src instanceof PyInstance) {
    const m = mroLookup(src.type, '__reversed__');
    if (m) {
      if (m === it.None) it.raise('TypeError', `'${typeName(src)}' object is not reversible`);
      const meth = it.hidden.alloc(null, 0, 64);
      try { return callObject(it, m, [src], null); } finally { it.hidden.free(meth); }
    }
  }
  const seq = src instanceof PyTuple || src instanceof PyStr
    || (src instanceof PyInstance && !(src instanceof PyDict) && mroLookup(src.type, '__getitem__') && mroLookup(src.type, '__len__'));
  if (!seq) it.raise('TypeError', `'${typeName(src)}' object is not reversible`);
  const n = lengthOf(it, src);
  const r = it.gcNew(() => new PyIterator(T.reversed, it.inc(src), 'reversed'), 48);
  r.index = n - 1;
  return r;
}

/** list, range, dict and dict views' __reversed__. */
function builtinReversed(it: Interp, src: PyList | PyRange | PyDict | PyDictView): PyObject {
  const T = it.types;
  if (src instanceof PyList) {
    const r = it.gcNew(() => new PyIterator(T.list_reverseiterator, it.inc(src), 'reversed'), 48);
    r.index = src.items.length - 1;
    return r;
  }
  if (src instanceof PyRange) {
    // range.__reversed__: a range_iterator from the last item, step negated.
    const n = rangeLen(src);
    const r = it.rawNew(new PyIterator(T.range_iterator, null, 'range'), 48);
    r.cur = src.start + (n - 1) * src.step;
    r.step = -src.step;
    r.stop = src.start - src.step;
    return r;
  }
  // dict.__reversed__ and the views' __reversed__ (3.8+): the entries from
  // the last one; `cur` says what is yielded (0 keys, 1 values, 2 items).
  const d = src instanceof PyDict ? src : src.dict;
  const what = src instanceof PyDict || src.kind === 'keys' ? 0 : src.kind === 'values' ? 1 : 2;
  const type = [T.dict_reversekeyiterator, T.dict_reversevalueiterator, T.dict_reverseitemiterator][what];
  const r = it.gcNew(() => new PyIterator(type, it.inc(d), 'dict-reversed'), 48);
  if (what === 2) r.extra.push(it.newTupleFromArray([it.newNone(), it.newNone()])); // di_result: PyTuple_Pack
  r.cur = what;
  r.stop = d.map.size;
  r.index = d.map.size - 1;
  return r;
}

function makeSuper(it: Interp, args: PyObject[]): PyObject {
  let thisType: PyType;
  let obj: PyObject;
  if (args.length === 2) {
    thisType = args[0] as PyType;
    obj = args[1];
  } else if (args.length === 0) {
    const f = it.frame;
    if (!f || !f.func) it.raise('RuntimeError', 'super(): no arguments');
    const ci = f.code.freevars.indexOf('__class__');
    if (ci < 0) it.raise('RuntimeError', 'super(): __class__ cell not found');
    const cell = f.cells[f.code.cellvars.length + ci];
    if (!cell || !cell.ref) it.raise('RuntimeError', 'super(): empty __class__ cell');
    thisType = cell.ref as PyType;
    const first = f.code.argcount > 0 ? (f.locals[0] ?? (f.code.cell2arg.indexOf(0) >= 0 ? f.cells[f.code.cell2arg.indexOf(0)].ref : null)) : null;
    if (!first) it.raise('RuntimeError', 'super(): no arguments');
    obj = first;
  } else it.raise('TypeError', 'super() takes at most 2 arguments');
  const objType = obj instanceof PyType ? obj : obj.type;
  if (!isSubclass(objType, thisType)) it.raise('TypeError', 'super(type, obj): obj must be an instance or subtype of type');
  return it.gcNew(() => new PySuper(it.types.super, it.inc(thisType), it.inc(obj)), 48);
}

export type { PySet, PyInstance, PyException, PyFunction };
