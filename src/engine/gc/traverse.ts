// tp_traverse and tp_clear of every GC type: which objects a container
// refers to (in CPython's visiting order), and how the collector breaks a
// cycle by clearing a container.

import { releaseLocals } from '../vm/frameobj';
import { genFrameCleared, suspendedStack, traverseGenerator } from '../vm/generator';
import type { Interp } from '../interp';
import {
  PyBuiltin, PyCell, PyDescriptorWrapper, PyDict, PyDictView, PyException, PyFunction, PyInstance, PyIterator,
  PyList, PyMethod, PyModule, PyObject, PySet, PySuper, PyTraceback, PyFrameObj, PyTuple, PyType, PyWeakref, PyStr,
  PyGenerator,
} from '../objects';
import { invalidateTypeCaches } from '../types';

/** Call visit(referent) for each object o refers to, in tp_traverse order. */
export function traverse(o: PyObject, visit: (r: PyObject) => void): void {
  if (o instanceof PyInstance) {
    if (o.slots) for (const s of o.slots) if (s) visit(s);
    const vals = o.values;
    if (vals) for (let i = 0; i < vals.length; i++) { const v = vals[i]; if (v) visit(v); }
    if (o.dict) {
      // 3.13: a dict materialised from inline values is a view of them; the instance still refers to the values.
      if (o.dict.untrackable) { for (const e of o.dict.map.values()) visit(e.value); } else visit(o.dict);
    }
    if (o.type.isHeap) visit(o.type);
    if (o instanceof PyException) {
      if (o.args) visit(o.args);
      if (o.traceback) visit(o.traceback);
      if (o.context) visit(o.context);
      if (o.cause) visit(o.cause);
    }
    return;
  }
  if (o instanceof PyList || o instanceof PyTuple) {
    const items = o.items;
    for (let i = 0; i < items.length; i++) visit(items[i]);
    return;
  }
  if (o instanceof PyDict) {
    if (o.untrackable && o.gcGen !== -1) return; // 3.14: a tracked view of an instance's values
    for (const e of o.map.values()) { visit(e.value); if (!(e.key instanceof PyStr)) visit(e.key); }
    return;
  }
  if (o instanceof PySet) { for (const v of o.map.values()) visit(v); return; }
  if (o instanceof PyFunction) {
    visit(o.globals);
    if (o.defaults) visit(o.defaults);
    if (o.kwdefaults) visit(o.kwdefaults);
    if (o.dict) visit(o.dict);
    if (o.closure) visit(o.closure);
    return;
  }
  if (o instanceof PyCell) { if (o.ref) visit(o.ref); return; }
  if (o instanceof PyMethod) { visit(o.func); visit(o.self); return; }
  if (o instanceof PyType) {
    if (o.dict) visit(o.dict);
    for (const x of o.internals) visit(x);
    if (o.bases[0]) visit(o.bases[0]);
    return;
  }
  if (o instanceof PyWeakref) { if (o.callback) visit(o.callback); return; }
  if (o instanceof PyIterator) {
    if (o.source) visit(o.source);
    for (const x of o.extra) visit(x);
    if (o.keys) for (const x of o.keys) visit(x);
    return;
  }
  if (o instanceof PyBuiltin) { if (o.self) visit(o.self); return; }
  if (o instanceof PyTraceback) { if (o.next) visit(o.next); if (o.frameObj) visit(o.frameObj); return; }
  if (o instanceof PyFrameObj) {
    // frame_traverse: f_back, then the locals and cells (f_localsplus).
    if (o.back) visit(o.back);
    const f = o.frame;
    for (const x of f.locals) if (x !== null) visit(x);
    for (const c of f.cells) visit(c);
    if (f.localsDict) visit(f.localsDict);
    for (const x of suspendedStack(f)) if (x !== null) visit(x);
    return;
  }
  if (o instanceof PyGenerator) { traverseGenerator(o, visit); return; }
  if (o instanceof PySuper) { visit(o.thisType); visit(o.obj); return; }
  if (o instanceof PyDictView) { visit(o.dict); return; }
  if (o instanceof PyDescriptorWrapper) { visit(o.func); if (o.fset) visit(o.fset); if (o.fdel) visit(o.fdel); return; }
  if (o instanceof PyModule) { visit(o.dict); return; }
}

/** tp_clear: drop the references that can form cycles. */
export function clearRefs(it: Interp, o: PyObject): void {
  if (o instanceof PyTraceback) {
    // tb_clear
    const n = o.next, fo = o.frameObj;
    o.next = null; o.frameObj = null;
    it.xdec(n); it.xdec(fo);
    return;
  }
  if (o instanceof PyFrameObj) {
    // frame_tp_clear: the locals of a finished call (f_back stays).
    if (o.owned) releaseLocals(it, o.frame);
    if (o.frame.gen) genFrameCleared(it, o.frame);
    return;
  }
  if (o instanceof PyList) {
    const items = o.items;
    o.items = [];
    for (let i = items.length - 1; i >= 0; i--) it.dec(items[i]);
    return;
  }
  if (o instanceof PyInstance) {
    if (o instanceof PyException) {
      const parts = [o.dict, o.args, o.traceback, o.cause, o.context];
      o.dict = null; o.args = null; o.traceback = null; o.cause = null; o.context = null;
      if (o.values) { const v = o.values; o.values = null; for (const x of v) it.xdec(x); }
      for (const p of parts) it.xdec(p);
      return;
    }
    if (o.slots) {
      const s = o.slots;
      o.slots = s.map(() => null);
      for (const x of s) it.xdec(x);
    }
    if (o.values) {
      const v = o.values;
      o.values = [];
      for (const x of v) it.xdec(x);
    } else if (o.dict) {
      const d = o.dict;
      o.dict = null;
      it.dec(d);
    }
    return;
  }
  if (o instanceof PyDict) {
    const entries = [...o.map.values()];
    o.map.clear();
    for (const e of entries) { it.dec(e.key); it.dec(e.value); }
    return;
  }
  if (o instanceof PySet) {
    const items = [...o.map.values()];
    o.map.clear();
    for (const x of items) it.dec(x);
    return;
  }
  if (o instanceof PyFunction) {
    const parts = [o.globals, o.defaults, o.kwdefaults, o.dict, o.closure];
    o.defaults = o.kwdefaults = o.dict = o.closure = null;
    o.globals = it.inc(it.emptyGlobals);
    for (const p of parts) it.xdec(p);
    return;
  }
  if (o instanceof PyCell) { const r = o.ref; o.ref = null; it.xdec(r); return; }
  if (o instanceof PyType) {
    invalidateTypeCaches();
    const parts: (PyObject | null)[] = [o.dict, ...o.internals];
    o.dict = null;
    o.internals = [];
    for (const p of parts) it.xdec(p);
    return;
  }
  if (o instanceof PyWeakref) {
    const cb = o.callback;
    o.callback = null;
    it.xdec(cb);
    return;
  }
  if (o instanceof PyDescriptorWrapper && o.type === it.types.property) {
    const parts = [o.fset, o.fdel];
    o.fset = null; o.fdel = null;
    for (const p of parts) it.xdec(p);
    return;
  }
  if (o instanceof PyModule) {
    const d = o.dict;
    const entries = [...d.map.values()];
    d.map.clear();
    for (const e of entries) { it.dec(e.key); it.dec(e.value); }
  }
}
