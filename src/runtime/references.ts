// Who refers to what, with a reason a person can read: the labelled edges of
// every object (attribute 'next', item [3], value of key 'k', cell contents …)
// and the roots (frame locals, globals, evaluation stacks). The snapshot uses
// them to explain each refcount and to draw the object graph.

import type { Interp } from '../engine/interp';
import {
  PyBuiltin, PyCell, PyDescriptorWrapper, PyDict, PyDictView, PyException, PyFunction, PyInstance, PyIterator, PyList,
  PyMethod, PyModule, PyObject, PySet, PyStr, PySuper, PyTraceback, PyTuple, PyType, PyWeakref,
} from '../engine/objects';
import { safeRepr } from './safe-repr';
import type { Frame } from '../engine/vm/frame';
import { borrowedIn } from '../engine/borrowed';

export interface Ref { to: PyObject; label: string }

function keyLabel(_it: Interp, k: PyObject): string {
  const r = safeRepr(k, 1);
  return r.length > 40 ? r.slice(0, 37) + '…' : r;
}

/** The references o holds, labelled, in traversal order (non-GC referents included). */
export function labelledReferents(it: Interp, o: PyObject): Ref[] {
  const out: Ref[] = [];
  const add = (to: PyObject | null | undefined, label: string) => { if (to) out.push({ to, label }); };
  if (o instanceof PyInstance) {
    if (o.slots && o.type.slotNames) o.slots.forEach((v, i) => add(v, `attribute '${o.type.slotNames![i]}'`));
    if (o.values && o.type.sharedKeys) for (const [name, i] of o.type.sharedKeys) add(o.values[i], `attribute '${name}'`);
    if (o.dict && o.dict.untrackable) {
      for (const e of o.dict.map.values()) add(e.value, `attribute '${(e.key as PyStr).v}'`);
    } else if (o.dict) add(o.dict, '__dict__');
    if (o instanceof PyException) {
      add(o.args, 'args');
      add(o.traceback, '__traceback__');
      add(o.context, '__context__');
      add(o.cause, '__cause__');
    }
    if (o.type.isHeap) add(o.type, '__class__');
    return out;
  }
  if (o instanceof PyList || o instanceof PyTuple) { o.items.forEach((v, i) => add(v, `[${i}]`)); return out; }
  if (o instanceof PyDict) {
    for (const e of o.map.values()) {
      const kl = keyLabel(it, e.key);
      add(e.key, `key ${kl}`);
      add(e.value, `[${kl}]`);
    }
    return out;
  }
  if (o instanceof PySet) { for (const v of o.map.values()) add(v, 'member'); return out; }
  if (o instanceof PyFunction) {
    add(o.globals, '__globals__');
    add(o.defaults, '__defaults__');
    add(o.kwdefaults, '__kwdefaults__');
    add(o.dict, '__dict__');
    add(o.closure, '__closure__');
    return out;
  }
  if (o instanceof PyCell) { add(o.ref, 'cell_contents'); return out; }
  if (o instanceof PyMethod) { add(o.func, '__func__'); add(o.self, '__self__'); return out; }
  if (o instanceof PyType) {
    add(o.dict, '__dict__');
    o.internals.forEach((x, i) => add(x, i === 0 ? '__bases__' : i === 1 ? '__mro__' : 'internal'));
    // tp_subclasses (not traversed by the collector): weak references to the subclasses.
    if (o.subclasses) o.subclasses.forEach((w) => add(w, '__subclasses__ entry'));
    return out;
  }
  if (o instanceof PyWeakref) { add(o.callback, '__callback__'); return out; }
  if (o instanceof PyIterator) {
    add(o.source, 'iterated object');
    o.extra.forEach((x) => add(x, 'iterator'));
    if (o.keys) o.keys.forEach((x) => add(x, 'pending item'));
    return out;
  }
  if (o instanceof PyBuiltin) { add(o.self, '__self__'); return out; }
  if (o instanceof PyTraceback) { add(o.next, 'tb_next'); return out; }
  if (o instanceof PySuper) { add(o.thisType, '__thisclass__'); add(o.obj, '__self__'); return out; }
  if (o instanceof PyDictView) { add(o.dict, 'mapping'); return out; }
  if (o instanceof PyDescriptorWrapper) { add(o.func, 'fget'); add(o.fset, 'fset'); add(o.fdel, 'fdel'); return out; }
  if (o instanceof PyModule) { add(o.dict, '__dict__'); return out; }
  return out;
}

export interface RootRef { to: PyObject; reason: string; frame: Frame | null }

/** References held by running frames: fast locals, cells, the evaluation stack, the function being run. */
export function frameRoots(f: Frame): RootRef[] {
  const out: RootRef[] = [];
  const code = f.code;
  // 3.14: borrowed references (engine/borrowed.ts) are not counted by CPython: left out.
  const moved = f.back && f.back.code.borrowLive ? borrowedIn(f.back, f).filter((r) => r.frame === f) : [];
  const borrowedParam = new Set(moved.filter((r) => r.where === 'param').map((r) => r.local!));
  const borrowedStack = code.borrowLive ? borrowedIn(f, null).map((r) => r.obj) : [];
  f.locals.forEach((v, i) => {
    if (v && !borrowedParam.has(i)) out.push({ to: v, reason: `local '${code.varnames[i]}' of ${code.qualname}`, frame: f });
  });
  f.cells.forEach((c, i) => {
    const name = i < code.cellvars.length ? code.cellvars[i] : code.freevars[i - code.cellvars.length];
    if (c) out.push({ to: c, reason: `cell for '${name}' in ${code.qualname}`, frame: f });
  });
  for (const v of f.stack) {
    if (!v) continue;
    const b = borrowedStack.indexOf(v);
    if (b >= 0) { borrowedStack.splice(b, 1); continue; }
    out.push({ to: v, reason: `evaluation stack of ${code.qualname}`, frame: f });
  }
  if (f.localsDict) out.push({ to: f.localsDict, reason: `namespace of ${code.qualname}`, frame: f });
  if (f.funcRef && !moved.some((r) => r.where === 'func')) out.push({ to: f.funcRef, reason: `function running in ${code.qualname}`, frame: f });
  if (f.initSelf) out.push({ to: f.initSelf, reason: `instance being initialised by ${code.qualname}`, frame: f });
  return out;
}
