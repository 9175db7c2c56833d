// Finalizers and weak-reference death: calling __del__ (once, PEP 442, or
// every time under the legacy rule), resurrection, clearing weakrefs and
// calling their callbacks, and reporting exceptions raised there the way
// CPython's sys.unraisablehook does ("Exception ignored in: …").

import type { Interp } from './interp';
import { PyFunction, PyMethod, PyObject, PyWeakref } from './objects';
import { mroLookup } from './types';
import { callObject } from './vm/call';
import { PyRaise } from './errors';
import { formatExceptionAlone } from './exceptions';
import { reprOf } from './repr';
import { py2UnraisableText, rawArgsValue } from './py2/unraisable';

/**
 * Call o's __del__ from a deallocation (PyObject_CallFinalizerFromDealloc).
 * Returns true when the object was resurrected.
 */
export function callFinalizer(it: Interp, o: PyObject, cause: 'refcount' | 'gc'): boolean {
  const del = mroLookup(o.type, '__del__');
  if (!del) return false;
  if (!it.profile.legacyFinalizers) o.finalized = true;
  if (it.heap.listener) it.heap.listener({ kind: 'finalize', obj: o, cause });
  o.rc = 1;
  runFinalizer(it, o, del);
  if (--o.rc === 0) return false;
  if (it.heap.listener) it.heap.listener({ kind: 'resurrect', obj: o });
  return true;
}

/** Call __del__ on a live object (tp_finalize from the collector, or from dealloc). */
export function runFinalizer(it: Interp, o: PyObject, del: PyObject, reason = ''): void {
  const saved = it.handledExc;
  it.nextFrameRole = { role: 'finalizer', reason: reason || `the refcount of ${o.type.name} object at 0x${o.addr.toString(16)} fell to 0` };
  try {
    let r: PyObject;
    if (it.profile.bindsMethods && del instanceof PyFunction) {
      // 3.6 slot_tp_finalize: lookup_maybe binds __del__ (a PyMethod, holding o) and calls it.
      const m = it.gcNew(() => new PyMethod(it.types.method, it.inc(del), it.inc(o)), 64, true, 'method');
      // 2.7 instancemethod_call: a (self,) argument tuple.
      const t = it.profile.hidden.methodCallTuple ? it.hidden.argsTuple(1) : null;
      try { r = callObject(it, m, [], null); } finally { it.hidden.release(t); it.dec(m); }
    } else r = callObject(it, del, [o], null);
    it.dec(r);
  } catch (e) {
    if (!(e instanceof PyRaise)) throw e;
    writeUnraisable(it, e.exc, () => unraisableHeader(it, o, del), 'calling deallocator');
  } finally {
    it.handledExc = saved;
    it.nextFrameRole = null;
  }
}

function unraisableHeader(it: Interp, o: PyObject, del: PyObject): string {
  const p = it.profile.delIgnoredHeader;
  if (p === 'function') return reprOf(it, del);
  return `<bound method ${o.type.qualname}.__del__ of ${reprOf(it, o)}>`;
}

/** PyErr_WriteUnraisable: print the report to stderr and drop the exception. `action`: 3.14's
 *  PyErr_FormatUnraisable message ("Exception ignored while calling deallocator <…>:"). */
export function writeUnraisable(it: Interp, exc: PyObject, header: () => string, action?: string): void {
  if (it.profile.delIgnoredHeader === 'py2') {
    it.writeStderr(py2UnraisableText(it, exc, header()));
    it.dec(exc);
    return;
  }
  let text = action && it.profile.unraisableWhile ? `Exception ignored while ${action} ${header()}:\n` : `Exception ignored in: ${header()}\n`;
  let body = formatExceptionAlone(it, exc, it.profile.tracebackCarets && !it.profile.unraisableNoCarets);
  const raw = it.profile.unraisableRawValue ? rawArgsValue(it, exc) : null;
  if (raw !== null) body = body.replace(/([^\n]*?): [^\n]*\n$/, (_m, name: string) => `${name}: ${raw}\n`);
  text += body;
  it.writeStderr(text);
  it.dec(exc);
}

/** PyObject_ClearWeakRefs: clear every weakref to a dying object and call the callbacks. */
export function clearWeakrefsOnDeath(it: Interp, o: PyObject): void {
  let list = o.weakrefs;
  if (!list) return;
  // Callback-less basic references first (at most two: ref and proxy).
  for (let k = 0; k < 2 && list && list.length && !list[0].callback; k++) {
    clearRef(list[0]);
    list = o.weakrefs;
  }
  if (!list || !list.length) return;
  const saved = it.handledExc;
  if (list.length === 1) {
    const w = list[0];
    const cb = w.callback;
    w.callback = null;
    clearRef(w);
    if (cb) {
      if (w.rc > 0) { it.inc(w); handleCallback(it, w, cb); it.dec(w); }
      it.dec(cb);
    }
  } else {
    // Several: CPython gathers (weakref, callback) pairs in a tuple first.
    const items: PyObject[] = [];
    for (const w of [...list]) {
      const cb = w.callback;
      w.callback = null;
      clearRef(w);
      if (cb && w.rc > 0) items.push(it.inc(w), cb);
      else if (cb) it.dec(cb);
    }
    const tuple = it.newTuple(items);
    for (let i = 0; i < items.length; i += 2) handleCallback(it, items[i] as PyWeakref, items[i + 1]);
    it.dec(tuple);
  }
  it.handledExc = saved;
}

export function handleCallback(it: Interp, w: PyWeakref, cb: PyObject): void {
  it.nextFrameRole = { role: 'callback', reason: 'weak reference callback: its referent died' };
  // 2.7: PyObject_CallFunctionObjArgs(callback, ref) packs the argument in a 1-tuple.
  const t = it.profile.hidden.methodCallTuple ? it.hidden.argsTuple(1) : null;
  try {
    const r = callObject(it, cb, [w], null);
    it.dec(r);
  } catch (e) {
    if (!(e instanceof PyRaise)) throw e;
    writeUnraisable(it, e.exc, () => reprOf(it, cb), 'calling weakref callback');
  } finally {
    it.hidden.release(t);
  }
}

/** _PyWeakref_ClearRef: the weakref no longer points at its referent (callback kept). */
export function clearRef(w: PyWeakref): void {
  const r = w.referent;
  if (r && r.weakrefs) {
    const i = r.weakrefs.indexOf(w);
    if (i >= 0) r.weakrefs.splice(i, 1);
    if (!r.weakrefs.length) r.weakrefs = null;
  }
  w.referent = null;
}

