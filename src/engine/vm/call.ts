// Calling: binding arguments to a function's parameters (with CPython's
// error messages), building frames (cells, closures), and calling any
// callable from native code. The VM's CALL instruction has its own fast path
// for Python-to-Python calls (no JavaScript recursion); native code that
// calls back into Python (finalizers, callbacks, sorted's key …) uses
// callObject, which runs a nested evaluation loop as CPython's C code does.

import type { Interp } from '../interp';
import {
  PyBuiltin, PyDescriptorWrapper, PyDict, PyFunction, PyInstance, PyMethod, PyObject, PyTuple, PyType, PyWeakref,
} from '../objects';
import { CO_GENERATOR, CO_VARARGS, CO_VARKEYWORDS } from '../compiler/code';
import { makeGenerator } from './generator';
import { Frame } from './frame';
import { runFrame, typeCallBlocks, releaseBlocks } from './eval';
import { mroLookup, typeInit } from '../types';
import { typeName } from '../repr';
import { dictSetItem } from '../builtins/dictops';
import { instantiateBuiltin } from '../builtins/construct';
import { isSubclass } from '../ops';

/**
 * Build the frame for calling `func`. args: positional then keyword values
 * (names in kwnames). When `steal` is true the frame takes the references
 * (3.11 moves arguments); otherwise it increfs them.
 */
export function makeFrame(it: Interp, func: PyFunction, args: PyObject[], kwnames: string[] | null, steal: boolean,
  back: Frame | null): Frame {
  const code = func.code;
  const f = new Frame(code, func, func.globals, null, back);
  if (it.profile.frameFreeList) {
    // ≤3.10: _PyEval_MakeFrameVector allocates the frame object first (a collection
    // it triggers runs before the arguments are bound).
    f.frameObject = it.heap.allocFrame(code);
    if (it.heap.collectPending) it.maybeCollect();
    try {
      return bindArguments(it, f, func, args, kwnames, steal);
    } catch (e) {
      const fo = f.frameObject;
      f.frameObject = null;
      it.heap.freeFrame(code, fo);
      throw e;
    }
  }
  return bindArguments(it, f, func, args, kwnames, steal);
}

function bindArguments(it: Interp, f: Frame, func: PyFunction, args: PyObject[], kwnames: string[] | null,
  steal: boolean): Frame {
  const code = func.code;
  const locals = f.locals;
  const nkw = kwnames ? kwnames.length : 0;
  const npos = args.length - nkw;
  const argcount = code.argcount;
  const own = (o: PyObject) => (steal ? o : it.inc(o));
  const fname = func.qualname;
  let kwdict: PyDict | null = null;
  if (code.flags & CO_VARKEYWORDS) kwdict = it.newDict();
  // Positional.
  const take = Math.min(npos, argcount);
  for (let i = 0; i < take; i++) locals[i] = own(args[i]);
  const nTotalArgs = argcount + code.kwonlyargcount;
  if (code.flags & CO_VARARGS) {
    const extra: PyObject[] = [];
    for (let i = take; i < npos; i++) extra.push(own(args[i]));
    locals[nTotalArgs] = it.newTupleFromArray(extra);
  } else if (npos > argcount) {
    const given = npos;
    discardOwned(it, args, take, npos, steal, kwdict, locals);
    const defaults = func.defaults ? func.defaults.items.length : 0;
    const takes = defaults ? `from ${argcount - defaults} to ${argcount}` : `${argcount}`;
    it.raise('TypeError', `${fname}() takes ${takes} positional argument${argcount === 1 && !defaults ? '' : 's'} but ${given} ${given === 1 ? 'was' : 'were'} given`);
  }
  // Keywords.
  for (let k = 0; k < nkw; k++) {
    const name = kwnames![k];
    const v = args[npos + k];
    let idx = -1;
    for (let j = code.posonlyargcount; j < nTotalArgs; j++) if (code.varnames[j] === name) { idx = j; break; }
    if (idx >= 0) {
      if (locals[idx] !== null) {
        it.raise('TypeError', `${fname}() got multiple values for argument '${name}'`);
      }
      locals[idx] = own(v);
    } else if (kwdict) {
      dictSetItem(it, kwdict, it.intern(name), own(v));
    } else {
      it.raise('TypeError', `${fname}() got an unexpected keyword argument '${name}'`);
    }
  }
  if (kwdict) locals[nTotalArgs + ((code.flags & CO_VARARGS) ? 1 : 0)] = kwdict;
  // Defaults.
  if (npos < argcount) {
    const defs = func.defaults ? func.defaults.items : [];
    const firstDefault = argcount - defs.length;
    const missing: string[] = [];
    for (let i = npos; i < argcount; i++) {
      if (locals[i] === null) {
        if (i >= firstDefault) locals[i] = it.inc(defs[i - firstDefault]);
        else missing.push(code.varnames[i]);
      }
    }
    if (missing.length) raiseMissing(it, fname, missing, 'positional');
  }
  if (code.kwonlyargcount) {
    const missing: string[] = [];
    for (let i = argcount; i < nTotalArgs; i++) {
      if (locals[i] === null) {
        const d = func.kwdefaults ? func.kwdefaults.map.get(code.varnames[i]) : undefined;
        if (d) locals[i] = it.inc(d.value);
        else missing.push(code.varnames[i]);
      }
    }
    if (missing.length) raiseMissing(it, fname, missing, 'keyword-only');
  }
  // Cells and free variables (MAKE_CELL / COPY_FREE_VARS).
  const cells = f.cells;
  for (let i = 0; i < code.cellvars.length; i++) {
    const a = code.cell2arg[i];
    let init: PyObject | null = null;
    if (a >= 0) { init = locals[a]; locals[a] = null; }
    cells.push(it.newCell(init));
  }
  if (func.closure) for (const c of func.closure.items) cells.push(it.inc(c) as never);
  return f;
}

function discardOwned(it: Interp, args: PyObject[], from: number, to: number, steal: boolean, kwdict: PyDict | null,
  locals: (PyObject | null)[]): void {
  if (steal) for (let i = from; i < to; i++) it.dec(args[i]);
  if (kwdict) it.dec(kwdict);
  for (let i = 0; i < locals.length; i++) { it.xdec(locals[i]); locals[i] = null; }
}

function raiseMissing(it: Interp, fname: string, missing: string[], kind: string): never {
  const q = missing.map((m) => `'${m}'`);
  const list = q.length === 1 ? q[0] : q.length === 2 ? `${q[0]} and ${q[1]}` : `${q.slice(0, -1).join(', ')}, and ${q[q.length - 1]}`;
  it.raise('TypeError', `${fname}() missing ${missing.length} required ${kind} argument${missing.length > 1 ? 's' : ''}: ${list}`);
}

/** Call any callable with borrowed args; returns a new reference. */
export function callObject(it: Interp, callable: PyObject, args: PyObject[], kwnames: string[] | null): PyObject {
  if (callable instanceof PyFunction) {
    const f = makeFrame(it, callable, args, kwnames, false, it.frame);
    if (f.code.flags & CO_GENERATOR) return makeGenerator(it, f);
    const role = it.nextFrameRole;
    if (role) { f.role = role.role; f.reason = role.reason; it.nextFrameRole = null; }
    return runFrame(it, f);
  }
  if (callable instanceof PyBuiltin) {
    if (callable.varargs) {
      const nkw = kwnames ? kwnames.length : 0;
      const npos = args.length - nkw - (callable.methodOf && !callable.self ? 1 : 0);
      const blocks = typeCallBlocks(it, npos, nkw);
      try {
        return callBuiltin(it, callable, args, kwnames);
      } finally { releaseBlocks(it, blocks); }
    }
    return callBuiltin(it, callable, args, kwnames);
  }
  if (callable instanceof PyMethod) {
    if (callable.unbound) return callUnbound(it, callable, args, kwnames);
    return callObject(it, callable.func, [callable.self, ...args], kwnames);
  }
  if (callable instanceof PyType) return callType(it, callable, args, kwnames);
  if (callable instanceof PyWeakref) {
    if (args.length) it.raise('TypeError', `weakref() takes no arguments (${args.length} given)`);
    return it.inc(callable.referent ?? it.None);
  }
  if (callable instanceof PyDescriptorWrapper && callable.type === it.types.staticmethod) {
    return callObject(it, callable.func, args, kwnames);
  }
  const call = mroLookup(callable.type, '__call__');
  if (call && callable instanceof PyInstance) return callObject(it, call, [callable, ...args], kwnames);
  it.raise('TypeError', `'${typeName(callable)}' object is not callable`);
}

function callBuiltin(it: Interp, callable: PyBuiltin, args: PyObject[], kwnames: string[] | null): PyObject {
  if (callable.self) return callable.impl(args, kwnames, callable.self);
  if (callable.methodOf) {
    if (!args.length) it.raise('TypeError', `unbound method ${callable.methodOf.name}.${callable.name}() needs an argument`);
    return callable.impl(args.slice(1), kwnames, args[0]);
  }
  return callable.impl(args, kwnames, null);
}

/** type.__call__ from native code, with the argument tuple types without vectorcall build. */
export function callType(it: Interp, t: PyType, args: PyObject[], kwnames: string[] | null): PyObject {
  if (!t.tpCallTuple) return callTypeInner(it, t, args, kwnames);
  const nkw = kwnames ? kwnames.length : 0;
  const blocks = typeCallBlocks(it, args.length - nkw, nkw);
  try {
    return callTypeInner(it, t, args, kwnames);
  } finally { releaseBlocks(it, blocks); }
}

function callTypeInner(it: Interp, t: PyType, args: PyObject[], kwnames: string[] | null): PyObject {
  if (!t.isHeap || t.builtinBase !== 'object') {
    const r = instantiateBuiltin(it, t, args, kwnames);
    if (!t.isHeap) return r;
    // Heap subclass of a builtin (exceptions): then __init__ below.
    runInit(it, t, r, args, kwnames);
    return r;
  }
  const self = newObjectFor(it, t, args, kwnames);
  runInit(it, t, self, args, kwnames);
  return self;
}

/** object.__new__ with CPython's "takes no arguments" check. */
export function newObjectFor(it: Interp, t: PyType, args: PyObject[], _kwnames: string[] | null): PyObject {
  const init = typeInit(t);
  if (args.length && (!init || init === it.objectInit)) it.raise('TypeError', `${t.name}() takes no arguments`);
  return it.newInstance(t);
}

function runInit(it: Interp, t: PyType, self: PyObject, args: PyObject[], kwnames: string[] | null): void {
  const init = mroLookup(t, '__init__');
  if (!init || init === it.objectInit || init === it.baseExceptionInit) return;
  let r: PyObject;
  try {
    r = callObject(it, init, [self, ...args], kwnames);
  } catch (e) {
    it.dec(self);
    throw e;
  }
  if (r !== it.None) {
    const n = typeName(r);
    it.dec(r);
    it.dec(self);
    it.raise('TypeError', `__init__() should return None, not '${n}'`);
  }
  it.dec(r);
}

/** Positional-only argument check for natives: "f() takes exactly one argument (2 given)" etc. */
export function noKeywords(it: Interp, name: string, kwnames: string[] | null): void {
  if (kwnames && kwnames.length) it.raise('TypeError', `${name}() takes no keyword arguments`);
}

export type { PyTuple };

/** 2.7 instancemethod_call of an unbound method: the first argument must be an instance of im_class. */
function callUnbound(it: Interp, m: PyMethod, args: PyObject[], kwnames: string[] | null): PyObject {
  const cls = m.self as PyType;
  const npos = args.length - (kwnames ? kwnames.length : 0);
  const first = npos > 0 ? args[0] : null;
  if (!first || !isSubclass(first.type, cls)) {
    const got = first ? `${first.type.name} instance` : 'nothing';
    const name = m.func instanceof PyFunction ? m.func.name : '?';
    it.raise('TypeError', `unbound method ${name}() must be called with ${cls.name} instance as first argument (got ${got} instead)`);
  }
  return callObject(it, m.func, args, kwnames);
}

/**
 * PyObject_Call(callable, argtuple) from native code that already holds the argument tuple (2.7's map and
 * filter): a METH_VARARGS builtin or a type gets that tuple (no second one); a bound method prepends its
 * self in a new tuple (instancemethod_call); a Python function reads the tuple's items.
 */
export function callWithArgTuple(it: Interp, callable: PyObject, args: PyObject[]): PyObject {
  if (callable instanceof PyBuiltin) return callBuiltin(it, callable, args, null);
  if (callable instanceof PyType) return callTypeInner(it, callable, args, null);
  if (callable instanceof PyMethod && !callable.unbound) {
    const blocks = typeCallBlocks(it, args.length + 1, 0);
    try { return callObject(it, callable.func, [callable.self, ...args], null); } finally { releaseBlocks(it, blocks); }
  }
  return callObject(it, callable, args, null);
}
