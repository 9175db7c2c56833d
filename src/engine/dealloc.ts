// Deallocation when a refcount reaches zero (each type's tp_dealloc):
// finalizers (__del__) run first and may resurrect, weak references are
// cleared and their callbacks called, then contained references are released
// in CPython's order (lists and tuples last to first, dicts and instance
// attributes first to last), with the trashcan bounding nested deallocation.

import type { Interp } from './interp';
import type { FreeListKind } from './heap';
import {
  PyBuiltin, PyCell, PyDict, PyDictView, PyException, PyFunction, PyInstance, PyIterator, PyList, PyMethod,
  PyModule, PyObject, PySet, PySuper, PyTraceback, PyTuple, PyType, PyWeakref, PyDescriptorWrapper, PyFrameObj,
  PyGenerator,
} from './objects';
import { releaseLocals } from './vm/frameobj';
import { genClearFrame, genFinalize, genNeedsFinalize } from './vm/generator';
import { tupleSize } from './heap';
import { mroLookup, invalidateTypeCaches, typeDel } from './types';
import { callFinalizer, clearWeakrefsOnDeath } from './finalize';
import { clearSubclasses, removeSubclass } from './vm/subclasses';

const TRASHCAN_LIMIT = 50;

export function dealloc(it: Interp, o: PyObject): void {
  const t = o.type, T = it.types;
  // (ints, floats and strs first: a failing instanceof walks the whole prototype chain)
  if (t === T.int || t === T.float || t === T.str || (!t.isGC && !(o instanceof PyInstance))) {
    it.heap.releaseAddress(o.addr, o.bsize);
    if (it.heap.fineEvents && it.heap.listener) it.heap.listener({ kind: 'free', obj: o });
    return;
  }
  if (o instanceof PyInstance) return deallocInstance(it, o);
  if (o instanceof PyList) return deallocList(it, o);
  if (o instanceof PyTuple) return deallocTuple(it, o);
  if (o instanceof PyDict) return deallocDict(it, o);
  it.heap.untrack(o);
  if (o instanceof PySet) {
    if (trashBegin(it, o)) return;
    const items = [...o.map.values()];
    o.map.clear();
    for (const x of items) it.dec(x);
    freeMemory(it, o, o.bsize, o.type === it.types.set || o.type === it.types.frozenset ? 'set' : null);
    trashEnd(it);
    return;
  }
  if (o instanceof PyFunction) {
    if (o.weakrefs) clearWeakrefsOnDeath(it, o);
    const parts = [o.globals, o.defaults, o.kwdefaults, o.dict, o.closure];
    o.defaults = o.kwdefaults = o.dict = o.closure = null;
    for (const p of parts) it.xdec(p);
    freeMemory(it, o, o.bsize, null);
    return;
  }
  if (o instanceof PyCell) { const r = o.ref; o.ref = null; it.xdec(r); freeMemory(it, o, o.bsize, null); return; }
  if (o instanceof PyMethod) {
    if (o.weakrefs) clearWeakrefsOnDeath(it, o);
    const f = o.func, s = o.self;
    freeMemory(it, o, o.bsize, 'method');
    it.dec(f); it.dec(s);
    return;
  }
  if (o instanceof PyWeakref) {
    if (o.referent) detachWeakref(o);
    o.referent = null;
    const cb = o.callback; o.callback = null;
    it.xdec(cb);
    freeMemory(it, o, o.bsize, null);
    return;
  }
  if (o instanceof PyBuiltin) { const s = o.self; o.self = null; freeMemory(it, o, o.bsize, s ? 'cfunction' : null); it.xdec(s); return; }
  if (o instanceof PyIterator) {
    const src = o.source; o.source = null;
    const extra = o.extra; o.extra = [];
    freeMemory(it, o, o.bsize, null);
    it.xdec(src);
    for (const x of extra) it.dec(x);
    if (o.keys) { const k = o.keys; o.keys = null; for (const x of k) it.dec(x); }
    return;
  }
  if (o instanceof PyTraceback) {
    const n = o.next, fo = o.frameObj;
    o.frameObj = null;
    // tb_dealloc: tb_next and tb_frame are released before PyObject_GC_Del.
    it.xdec(n); it.xdec(fo);
    freeMemory(it, o, o.bsize, null);
    return;
  }
  if (o instanceof PyFrameObj) return deallocFrameObject(it, o);
  if (o instanceof PyGenerator) return deallocGenerator(it, o);
  if (o instanceof PySuper) { freeMemory(it, o, o.bsize, null); it.dec(o.thisType); it.dec(o.obj); return; }
  if (o instanceof PyDictView) { freeMemory(it, o, o.bsize, null); it.dec(o.dict); return; }
  if (o instanceof PyDescriptorWrapper) {
    freeMemory(it, o, o.bsize, null); it.dec(o.func); it.xdec(o.fset); it.xdec(o.fdel); return;
  }
  if (o instanceof PyModule) { freeMemory(it, o, o.bsize, null); it.dec(o.dict); return; }
  if (o instanceof PyType) return deallocType(it, o);
  freeMemory(it, o, o.bsize, null);
}

function freeMemory(it: Interp, o: PyObject, bytes: number, fl: FreeListKind, len = 0): void {
  if (it.heap.fineEvents && it.heap.listener) it.heap.listener({ kind: 'free', obj: o });
  if (o.type.isGC) it.heap.freeGC(o.addr, bytes, fl, len);
  else it.heap.releaseAddress(o.addr, bytes);
}

// ---- trashcan --------------------------------------------------------------------

/** Py_TRASHCAN_BEGIN: true when the object was deposited for later. */
function trashBegin(it: Interp, o: PyObject): boolean {
  if (it.trashNesting >= TRASHCAN_LIMIT) {
    it.trashLater.push(o);
    return true;
  }
  it.trashNesting++;
  return false;
}

function trashEnd(it: Interp): void {
  it.trashNesting--;
  if (it.trashLater.length && it.trashNesting <= 0) destroyChain(it);
}

/** subtype_dealloc's trashcan. 'defer-next' (≤3.7): it raises the nesting by one around
 *  Py_TRASHCAN_SAFE_BEGIN and _END ("UnTrack and re-Track around the trashcan macro, alas"), so
 *  an instance is deposited one level earlier and its END never destroys the chain: objects
 *  deposited under a deep instance deallocation wait for the next list, tuple, dict or set
 *  deallocation that ends at nesting 0. */
function instanceTrashBegin(it: Interp, o: PyObject): boolean {
  if (it.profile.trashcan === 'flush') return trashBegin(it, o);
  if (it.trashNesting + 1 >= TRASHCAN_LIMIT) {
    it.trashLater.push(o);
    return true;
  }
  it.trashNesting++;
  return false;
}

function instanceTrashEnd(it: Interp): void {
  if (it.profile.trashcan === 'flush') return trashEnd(it);
  it.trashNesting--;
}

/** frame_dealloc (≤3.10, frame objects) runs inside Py_TRASHCAN_SAFE_BEGIN/_END: the frame's
 *  locals are released one level deeper, and its END destroys a pending chain at nesting 0 (what
 *  flushes 3.7's deferred deallocations when a function returns). Not modelled: a frame released
 *  at the nesting limit would itself be deposited; here it is released at once. Returns whether
 *  the level was entered (pass it to frameTrashEnd). */
export function frameTrashBegin(it: Interp): boolean {
  if (it.trashNesting >= TRASHCAN_LIMIT) return false;
  it.trashNesting++;
  return true;
}

export function frameTrashEnd(it: Interp, entered: boolean): void {
  if (entered) trashEnd(it);
}

/** _PyTrash_thread_destroy_chain */
export function destroyChain(it: Interp): void {
  it.trashNesting++;
  while (it.trashLater.length) dealloc(it, it.trashLater.pop()!);
  it.trashNesting--;
}

// ---- containers --------------------------------------------------------------------

function deallocList(it: Interp, o: PyList): void {
  it.heap.untrack(o);
  if (trashBegin(it, o)) return;
  const items = o.items;
  o.items = [];
  for (let i = items.length - 1; i >= 0; i--) it.dec(items[i]);
  freeMemory(it, o, o.bsize, o.type === it.types.list ? 'list' : null);
  trashEnd(it);
}

function deallocTuple(it: Interp, o: PyTuple): void {
  it.heap.untrack(o);
  if (trashBegin(it, o)) return;
  const items = o.items;
  for (let i = items.length - 1; i >= 0; i--) it.dec(items[i]);
  freeMemory(it, o, o.bsize, o.type === it.types.tuple ? 'tuple' : null, items.length);
  trashEnd(it);
}

function deallocDict(it: Interp, o: PyDict): void {
  it.heap.untrack(o);
  if (trashBegin(it, o)) return;
  // Nothing reaches a dead dict (untracked, not weakly referenceable): its entries are
  // released in place, first to last, as dict_dealloc does (no copy, no clear()).
  for (const e of o.map.values()) { it.dec(e.key); it.dec(e.value); }
  freeMemory(it, o, o.bsize, o.type === it.types.dict ? 'dict' : null);
  trashEnd(it);
}

// ---- instances (subtype_dealloc) ------------------------------------------------------

function deallocInstance(it: Interp, o: PyInstance): void {
  const type = o.type;
  it.heap.untrack(o);
  if (type.isGC && instanceTrashBegin(it, o)) return;
  const legacy = it.profile.legacyFinalizers;
  const hasDel = typeDel(type) !== null;
  if (legacy && o.weakrefs && it.profile.weakrefOrder === 'callback-first' && hasDel) {
    clearWeakrefsOnDeath(it, o);
  }
  if (hasDel && (legacy || !o.finalized)) {
    if (type.isGC) it.heap.track(o);
    if (callFinalizer(it, o, 'refcount')) {
      // Resurrected: the object lives on (still tracked).
      if (type.isGC) instanceTrashEnd(it);
      return;
    }
    it.heap.untrack(o);
  }
  if (o.weakrefs) clearWeakrefsOnDeath(it, o);
  if (o instanceof PyException) {
    const parts = [o.args, o.traceback, o.context, o.cause];
    o.args = null; o.traceback = null; o.context = null; o.cause = null;
    for (const p of parts) it.xdec(p);
  }
  if (o.slots) {
    const s = o.slots;
    o.slots = null;
    for (const x of s) it.xdec(x);
  }
  if (o.values) {
    const vals = o.values;
    o.values = null;
    for (let i = 0; i < vals.length; i++) it.xdec(vals[i]);
  }
  if (o.dict) { const d = o.dict; o.dict = null; it.dec(d); }
  freeMemory(it, o, o.bsize, null);
  it.dec(type);
  if (type.isGC) instanceTrashEnd(it);
}

function deallocType(it: Interp, t: PyType): void {
  // type_dealloc: remove_all_subclasses (3.x), then PyObject_ClearWeakRefs (2.7 leaves the
  // cleared reference in each base's list).
  const refs = t.subclassRefs;
  t.subclassRefs = [];
  if (it.profile.version[0] >= 3) refs.forEach((w, i) => { if (w) removeSubclass(it, t.bases[i], w); });
  if (t.weakrefs) clearWeakrefsOnDeath(it, t);
  invalidateTypeCaches();
  const parts: (PyObject | null)[] = [t.dict, ...t.internals];
  t.dict = null;
  t.internals = [];
  const bases = t.bases;
  t.bases = [];
  t.mro = [];
  freeMemory(it, t, t.bsize, null);
  for (const p of parts) it.xdec(p);
  clearSubclasses(it, t);
  // tp_base (a classic class holds all its bases).
  for (const b of t.classic ? bases : bases.slice(0, 1)) it.dec(b);
}

/** Remove a weakref from its referent's list. */
export function detachWeakref(w: PyWeakref): void {
  const r = w.referent;
  if (!r || !r.weakrefs) return;
  const i = r.weakrefs.indexOf(w);
  if (i >= 0) r.weakrefs.splice(i, 1);
  if (!r.weakrefs.length) r.weakrefs = null;
}

/** frame_dealloc: a frame object that outlived its call releases the locals it took over,
 *  then f_back; ≤3.10 its memory is the frame's own (zombie frame or free list). */
function deallocFrameObject(it: Interp, o: PyFrameObj): void {
  const f = o.frame;
  if (o.owned) {
    o.owned = false;
    releaseLocals(it, f);
    // A suspended generator's frame also holds its value stack.
    const st = f.stack;
    while (st.length) { const x = st.pop(); if (x) it.dec(x); }
    const b = o.back; o.back = null;
    if (f.frameObject) { const fo = f.frameObject; f.frameObject = null; it.heap.freeFrame(f.code, fo); }
    else if (o.raw) it.heap.releaseAddress(o.addr, o.bsize);
    else freeMemory(it, o, o.bsize, null);
    it.xdec(b);
    return;
  }
  // The frame still runs, or finished and frees its own memory (≤3.10).
  if (o.raw) it.heap.releaseAddress(o.addr, o.bsize);
  else if (!f.frameObject) freeMemory(it, o, o.bsize, null);
}

/** gen_dealloc: weakrefs cleared, then (tracked again meanwhile) the finalizer closes a generator
 *  that has not finished; unless that resurrected it, the frame is released, then the memory. */
function deallocGenerator(it: Interp, g: PyGenerator): void {
  if (g.weakrefs) clearWeakrefsOnDeath(it, g);
  it.heap.track(g);
  const py3 = it.profile.version[0] === 3;
  // 3.x PyObject_CallFinalizerFromDealloc (once: PEP 442); 2.7 gen_del every time.
  if (genNeedsFinalize(g) && !(py3 && g.finalized)) {
    if (py3) g.finalized = true;
    if (it.heap.listener) it.heap.listener({ kind: 'finalize', obj: g, cause: 'refcount' });
    g.rc = 1;
    genFinalize(it, g);
    if (--g.rc !== 0) {
      if (it.heap.listener) it.heap.listener({ kind: 'resurrect', obj: g });
      return;
    }
  }
  it.heap.untrack(g);
  const fo = g.frameObj;
  if (fo) {
    // ≤3.10 Py_CLEAR(gi_frame): frame_dealloc releases the locals and the stack.
    g.frameObj = null;
    if (g.frame) g.frame.gen = null;
    g.frame = null;
    it.dec(fo);
  } else genClearFrame(it, g);
  freeMemory(it, g, g.bsize, null);
}
