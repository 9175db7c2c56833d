// zip(), map() and filter() of Python 2.7 (bltinmodule.c builtin_zip, builtin_map,
// builtin_filter): each builds a list at once, allocating in the C code's order —
// zip: the result list, a tuple of iterators, the iterators, then a tuple per row
// (the one that finds an iterator exhausted is freed); map: the iterators first,
// then the list, then an argument tuple per row (None for exhausted iterators) that
// the function is called with; filter: one argument tuple reused for every call, the
// iterator, then the list (or, when the argument is a list nobody else holds, that
// list itself, filtered in place). Python 3 returns lazy iterators instead.

import type { Interp } from '../interp';
import { NativeImpl, PyList, PyObject, PyStr, PyTuple } from '../objects';
import { NotSupportedRuntime, PyRaise } from '../errors';
import { getIter, isTrue, iterNext, extendList } from '../ops';
import { callWithArgTuple } from '../vm/call';
import { listUnknown } from '../sizes';
import { noKw } from '../builtins/args';

/** PyTuple_New(n): its slots hold None, without a reference, until filled (releaseRow adds the references a partly filled row lacks). */
function newRow(it: Interp, n: number): PyTuple {
  return it.newTuple(new Array<PyObject>(n).fill(it.None));
}

/** Release a row filled up to `filled` (its empty slots were NULL in CPython). */
function releaseRow(it: Interp, t: PyTuple, filled: number): void {
  for (let k = filled; k < t.items.length; k++) it.inc(it.None);
  it.dec(t);
}

/** Re-raise a TypeError from PyObject_GetIter with 2.7's message for this builtin's argument. */
function iterOrRaise(it: Interp, o: PyObject, message: string): PyObject {
  try {
    return getIter(it, o);
  } catch (e) {
    if (e instanceof PyRaise && e.exc.type === it.types.get('TypeError')) { it.dec(e.exc); it.raise('TypeError', message); }
    throw e;
  }
}

export function zip2(it: Interp): NativeImpl {
  return (args, kwnames) => {
    noKw(it, 'zip', kwnames);
    const n = args.length;
    const ret = it.newList([]);
    listUnknown(ret);
    if (n === 0) return ret;
    const itlist = newRow(it, n);
    let filledIters = 0;
    try {
      for (let i = 0; i < n; i++) {
        itlist.items[i] = iterOrRaise(it, args[i], `zip argument #${i + 1} must support iteration`);
        filledIters++;
      }
      for (;;) {
        const next = newRow(it, n);
        for (let j = 0; j < n; j++) {
          let item: PyObject | null;
          try { item = iterNext(it, itlist.items[j]); } catch (e) { releaseRow(it, next, j); throw e; }
          if (item === null) { releaseRow(it, next, j); return ret; }
          next.items[j] = item;
        }
        ret.items.push(next);
      }
    } catch (e) {
      it.dec(ret);
      throw e;
    } finally {
      releaseRow(it, itlist, filledIters);
    }
  };
}

export function map2(it: Interp): NativeImpl {
  return (args, kwnames) => {
    noKw(it, 'map', kwnames);
    if (args.length < 2) it.raise('TypeError', 'map() requires at least two args');
    const func = args[0];
    const n = args.length - 1;
    if (func === it.None && n === 1) {
      // map(None, S) is list(S) (PySequence_List).
      const l = it.newList([]);
      listUnknown(l);
      try { extendList(it, l, args[1]); } catch (e) { it.dec(l); throw e; }
      return l;
    }
    const iters: PyObject[] = [];
    const saw: boolean[] = new Array<boolean>(n).fill(false);
    let result: PyList | null = null;
    try {
      for (let i = 0; i < n; i++) iters.push(iterOrRaise(it, args[i + 1], `argument ${i + 2} to map() must support iteration`));
      result = it.newList([]);
      listUnknown(result);
      for (;;) {
        const alist = newRow(it, n);
        let active = 0;
        for (let j = 0; j < n; j++) {
          let item: PyObject | null = null;
          if (!saw[j]) {
            try { item = iterNext(it, iters[j]); } catch (e) { releaseRow(it, alist, j); throw e; }
          }
          if (item) active++;
          else { item = it.inc(it.None); saw[j] = true; }
          alist.items[j] = item;
        }
        if (active === 0) { it.dec(alist); break; }
        let value: PyObject;
        if (func === it.None) value = alist;
        else {
          try { value = callWithArgTuple(it, func, alist.items); } finally { it.dec(alist); }
        }
        result.items.push(value);
      }
      const r = result;
      result = null;
      return r;
    } finally {
      if (result) it.dec(result);
      for (const x of iters) it.dec(x);
    }
  };
}

export function filter2(it: Interp): NativeImpl {
  return (args, kwnames) => {
    noKw(it, 'filter', kwnames);
    if (args.length !== 2) it.raise('TypeError', `filter expected 2 arguments, got ${args.length}`);
    const [func, seq] = args;
    // filterstring / filtertuple return a str or a tuple: not simulated.
    if (seq instanceof PyStr || seq instanceof PyTuple) {
      throw new NotSupportedRuntime(`2.7's filter() of a ${seq instanceof PyStr ? 'str' : 'tuple'}`, it.frame ? it.frame.lineno : 0);
    }
    const arg = newRow(it, 1);
    let iter: PyObject | null = null;
    let result: PyList | null = null;
    try {
      iter = getIter(it, seq);
      const inPlace = seq instanceof PyList && seq.type === it.types.list && seq.rc === 1;
      if (inPlace) result = it.inc(seq);
      else { result = it.newList([]); listUnknown(result); }
      const kept: PyObject[] = [];
      for (;;) {
        const item = iterNext(it, iter);
        if (item === null) break;
        let ok: boolean;
        try {
          if (func === it.None || func === it.types.bool) ok = isTrue(it, item);
          else {
            arg.items[0] = item;
            let good: PyObject;
            try { good = callWithArgTuple(it, func, arg.items); } finally { arg.items[0] = it.None; }
            try { ok = isTrue(it, good); } finally { it.dec(good); }
          }
        } catch (e) { it.dec(item); throw e; }
        if (ok) kept.push(item); else it.dec(item);
      }
      if (inPlace) {
        // The kept items replace the list's own (those it held are released, in order).
        const old = result.items;
        result.items = kept;
        for (const x of old) it.dec(x);
        listUnknown(result);
      } else result.items.push(...kept);
      const r = result;
      result = null;
      return r;
    } finally {
      if (result) it.dec(result);
      if (iter) it.dec(iter);
      releaseRow(it, arg, 0);
    }
  };
}

