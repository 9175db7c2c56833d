// Generator objects (Objects/genobject.c): calling a generator function binds the
// arguments into a frame and returns a generator owning that frame, suspended before
// its first instruction. Each resume runs the frame in its own evaluation loop
// (gen_send_ex) until YIELD_VALUE suspends it or it finishes; a for loop over a
// generator runs its frame inline instead, as a frame called by the loop's frame. ≤3.10 the frame is a
// real frame object (gi_frame, tracked, freed to the code's zombie frame); 3.11+ it
// is embedded in the generator, which then refers to the locals itself and keeps
// the function (f_funcobj). close() throws GeneratorExit in; the finalizer
// (_PyGen_Finalize, 2.7 gen_del) closes a generator that dies suspended.

import type { Interp } from '../interp';
import { PyException, PyGenerator, PyObject } from '../objects';
import { NotSupportedRuntime, PyRaise } from '../errors';
import { isSubclass } from '../ops';
import { hexAddr, reprOf } from '../repr';
import { writeUnraisable } from '../finalize';
import type { Frame } from './frame';
import { frameObjectOf, releaseLocals } from './frameobj';
import { runFrame, clearFrame } from './eval';
import { BORROW_INPUT_SHIFT } from '../compiler/borrow';

/** ≤3.10 sizeof(PyGenObject) + GC header, per minor version (sys.getsizeof of a generator). */
const GEN_BYTES: Record<number, number> = { 7: 128, 8: 112, 9: 112, 10: 104 };

/** The memory of a generator object (3.11+: the embedded frame's locals and stack too). */
function genBytes(it: Interp, f: Frame): number {
  const [major, minor] = it.profile.version;
  if (major === 2) return 80;
  if (minor <= 6) return 96;
  if (minor <= 10) return GEN_BYTES[minor];
  const c = f.code;
  return 144 + 8 * (c.varnames.length + c.cellvars.length + c.freevars.length + 4);
}

/** Make the generator for a frame whose arguments are bound (a new reference). */
export function makeGenerator(it: Interp, f: Frame): PyGenerator {
  f.back = null;
  const embedded = it.profile.version[0] === 3 && it.profile.version[1] >= 11;
  if (!embedded) {
    // ≤3.10 _PyEval_EvalCode: the frame object exists (PyFrame_New), f_back cleared,
    // then PyGen_NewWithQualName; 3.7+ tracks the frame here (3.6/2.7 at PyFrame_New).
    const fo = frameObjectOf(it, f);
    fo.owned = true;
    if (fo.gcGen === -1) it.heap.track(fo);
  }
  const code = f.code;
  const g = it.gcNew(() => new PyGenerator(it.types.generator, f, code.name, code.qualname), genBytes(it, f));
  if (!embedded) g.frameObj = f.pyFrame;
  f.gen = g;
  return g;
}

/** 3.14: suspended generator frames whose code has borrowed stack references (LOAD_FAST_BORROW). */
const suspendedBorrowing = new WeakMap<Interp, Set<Frame>>();

/** YIELD_VALUE suspended `f`: remember it if borrowed references may sit on its stack. */
export function noteSuspended(it: Interp, f: Frame): void {
  if (!f.code.borrowLive) return;
  let set = suspendedBorrowing.get(it);
  if (!set) { set = new Set(); suspendedBorrowing.set(it, set); }
  set.add(f);
}

function forgetSuspended(it: Interp, f: Frame): void {
  if (f.code.borrowLive) suspendedBorrowing.get(it)?.delete(f);
}

/** How many of o's references are borrowed ones left on suspended generators' stacks (3.14: a
 *  borrowed reference stays borrowed across a yield; the yielded value itself is made strong). */
export function suspendedBorrowedCount(it: Interp, o: PyObject): number {
  const set = suspendedBorrowing.get(it);
  if (!set || !set.size) return 0;
  let n = 0;
  for (const f of set) {
    const entries = f.code.borrowLive![(f.pc >> 1) - 1];
    if (!entries) continue;
    const nl = f.code.varnames.length;
    for (const e of entries) {
      if ((e >> BORROW_INPUT_SHIFT) - 1 >= 0) continue;
      const local = e & ((1 << BORROW_INPUT_SHIFT) - 1);
      const obj = local < nl ? f.locals[local] : f.cells[local - nl] ?? null;
      if (obj === o) n++;
    }
  }
  return n;
}

/** Whether the generator still has a frame to run (gi_frame with f_stacktop, or state < COMPLETED). */
function live(g: PyGenerator): boolean {
  return g.frame !== null && g.state !== 'completed';
}

/** The frame finished (returned or raised): the generator drops it. */
function finished(it: Interp, g: PyGenerator): void {
  g.state = 'completed';
  if (g.frame) forgetSuspended(it, g.frame);
  // ≤3.10: clearFrame released the frame object reference the generator held (releaseFrameObject).
  g.frameObj = null;
  if (g.frame) g.frame.gen = null;
  g.frame = null;
}

/**
 * gen_send_ex with None (or, with `exc`, the exception to raise at the resume point).
 * Returns the yielded value, or {returned} when the frame returned (a new reference each).
 */
export function genResume(it: Interp, g: PyGenerator, exc: PyObject | null = null): PyObject | { returned: PyObject } {
  if (g.state === 'running' && exc) releaseExc(it, exc);
  const f = genEnter(it, g);
  if (!f) {
    if (exc) throw new PyRaise(exc);
    return { returned: it.newNone() };
  }
  f.genThrow = exc;
  let r: PyObject;
  try {
    r = runFrame(it, f);
  } catch (e) {
    if (g.state === 'running') finished(it, g);
    if (e instanceof PyRaise && isSubclass(e.exc.type, it.types.get('StopIteration'))) {
      throw new NotSupportedRuntime('StopIteration raised inside a generator (PEP 479)', f.lineno);
    }
    throw e;
  }
  if (f.yielded) { g.state = 'suspended'; return r; }
  finished(it, g);
  return { returned: r };
}

/** Make a generator's frame ready to run (or null when it has finished): the value of the
 *  yield expression it resumes at (None) is pushed. FOR_ITER runs it inline (vm/eval.ts). */
export function genEnter(it: Interp, g: PyGenerator): Frame | null {
  if (g.state === 'running') it.raise('ValueError', 'generator already executing');
  const f = g.frame;
  if (!live(g) || !f) return null;
  if (g.state === 'suspended') { forgetSuspended(it, f); f.stack.push(it.newNone()); }
  g.state = 'running';
  f.yielded = false;
  f.forIter = false;
  return f;
}

/** The generator's frame finished inside the evaluation loop (returned, or an exception left it). */
export function genFrameDone(it: Interp, f: Frame, exc: PyObject | null): void {
  const g = f.gen;
  if (g) finished(it, g);
  if (exc && isSubclass(exc.type, it.types.get('StopIteration'))) {
    throw new NotSupportedRuntime('StopIteration raised inside a generator (PEP 479)', f.lineno);
  }
}

/** tp_iternext: the next value, or null when the generator is exhausted. */
export function genNext(it: Interp, g: PyGenerator): PyObject | null {
  const r = genResume(it, g);
  if (!(r instanceof PyObject)) {
    // gen_iternext: a return value is StopIteration's value, which FOR_ITER and list() discard.
    it.dec(r.returned);
    return null;
  }
  return r;
}

/** next(g): the StopIteration of a generator that returned. A return value other than None
 *  would be StopIteration(value), whose `value` member (a second reference) is not simulated. */
export function genNextBuiltin(it: Interp, g: PyGenerator): PyObject | null {
  const f = g.frame;
  const r = genResume(it, g);
  if (r instanceof PyObject) return r;
  const isNone = r.returned === it.None;
  it.dec(r.returned);
  if (isNone) return null;
  // (Located at the return statement: the finished frame keeps its last line.)
  throw new NotSupportedRuntime("a generator's return value seen by next() (StopIteration.value)", f ? f.lineno : 0);
}

/** gen_close: raise GeneratorExit at the suspension point; returns None (a new reference). */
export function genClose(it: Interp, g: PyGenerator): PyObject {
  if (!live(g)) return it.newNone();
  const [major, minor] = it.profile.version;
  if (g.state === 'created' && major === 3 && minor >= 12) {
    // 3.12+: an unstarted generator is only marked completed; its frame is cleared at dealloc.
    g.state = 'completed';
    return it.newNone();
  }
  if (g.state === 'suspended' && it.profile.genCloseClearsLocals && g.frame!.blocks.length === 0) {
    // 3.13+: suspended outside any try/with: nothing could catch GeneratorExit, so the frame
    // does not run; _PyFrame_ClearLocals releases its locals and stack (the function stays).
    g.state = 'completed';
    forgetSuspended(it, g.frame!);
    clearLocalsAndStack(it, g.frame!);
    return it.newNone();
  }
  let r: PyObject | { returned: PyObject };
  try {
    r = genResume(it, g, generatorExit(it));
  } catch (e) {
    if (e instanceof PyRaise && (isSubclass(e.exc.type, it.types.get('GeneratorExit')) || isSubclass(e.exc.type, it.types.get('StopIteration')))) {
      releaseExc(it, e.exc);
      return it.newNone();
    }
    throw e;
  }
  if (!(r instanceof PyObject)) { it.dec(r.returned); return it.newNone(); }
  it.dec(r);
  it.raise('RuntimeError', 'generator ignored GeneratorExit');
}

/** GeneratorExit instances gen_close raised without making them (PyErr_SetNone's type only). */
const unnormalized = new WeakSet<PyObject>();

/** PyErr_SetNone(PyExc_GeneratorExit). ≤3.11 it sets the type alone: the instance is made only
 *  when a handler in the generator normalizes it, or at once (3.x) when an exception is being
 *  handled, to chain it; 3.12+ _PyErr_SetObject always makes it. */
function generatorExit(it: Interp): PyException {
  const [major, minor] = it.profile.version;
  if (major === 3 && (minor >= 12 || it.handledExc)) return it.makeExc('GeneratorExit');
  const t = it.types.get('GeneratorExit');
  const e = new PyException(t);
  t.rc++;
  e.args = it.newTuple([]);
  unnormalized.add(e);
  return e;
}

/** PyErr_NormalizeException at a handler: an unmade GeneratorExit becomes a GC object. */
export function normalizeRaised(it: Interp, exc: PyObject): void {
  if (!unnormalized.delete(exc)) return;
  it.gcNew(() => exc, 80, false);
  it.heap.track(exc);
}

/** Drop a reference to a raised exception (an unmade one releases its traceback and type only). */
function releaseExc(it: Interp, exc: PyObject): void {
  if (exc.rc > 1 || !unnormalized.delete(exc)) {
    const [major, minor] = it.profile.version;
    const tb = exc instanceof PyException ? exc.traceback : null;
    if (tb && (major === 2 || minor <= 11)) {
      // ≤3.11 PyErr_Clear: the thread state holds the traceback apart from the value, and
      // releases the value first.
      tb.rc++;
      it.dec(exc);
      it.dec(tb);
      return;
    }
    it.dec(exc);
    return;
  }
  const e = exc as PyException;
  exc.rc = 0;
  const parts = [e.args, e.traceback];
  e.args = null; e.traceback = null;
  for (const p of parts) it.xdec(p);
  it.dec(exc.type);
}

/** _PyFrame_ClearLocals: localsplus (locals, cells, then the value stack) from the bottom up;
 *  3.14 from the top down. */
function clearLocalsAndStack(it: Interp, f: Frame): void {
  const st = f.stack;
  const down = it.profile.version[1] >= 14;
  if (down) while (st.length) { const o = st.pop(); if (o) it.dec(o); }
  releaseLocals(it, f);
  if (!down) {
    const items = st.splice(0);
    for (const o of items) if (o) it.dec(o);
  }
}

/** Does a dying generator need closing (a frame that has not finished)? */
export function genNeedsFinalize(g: PyGenerator): boolean {
  return live(g);
}

/** _PyGen_Finalize / 2.7 gen_del: close a suspended generator, reporting an error as unraisable. */
export function genFinalize(it: Interp, g: PyGenerator): void {
  it.nextFrameRole = null;
  if (!live(g)) return;
  const f = g.frame!;
  f.role = 'finalizer';
  // (Worded without repr(): PyObject_Repr's signal check would be a GC point CPython has not here.)
  f.reason = `the generator <generator object ${it.profile.version[0] === 2 ? g.name : g.qualname} at ${hexAddr(g)}> is finalized (closed)`;
  const saved = it.handledExc;
  try {
    it.dec(genClose(it, g));
  } catch (e) {
    if (!(e instanceof PyRaise)) throw e;
    // 3.14 PyErr_FormatUnraisable("Exception ignored while closing generator %R").
    writeUnraisable(it, e.exc, () => reprOf(it, g), 'closing generator');
  } finally {
    it.handledExc = saved;
  }
}

/** 3.11+ gen_dealloc: clear the embedded frame (locals, stack, the function). */
export function genClearFrame(it: Interp, g: PyGenerator): void {
  const f = g.frame;
  g.frame = null;
  g.state = 'completed';
  // (frame->previous = NULL first: the frame object, if it outlives this, gets no f_back.)
  if (f) { forgetSuspended(it, f); f.gen = null; f.back = null; clearFrame(it, f); }
}

/** ≤3.10 frame_tp_clear on a generator's frame: its stack is cleared and the generator counts as finished. */
export function genFrameCleared(it: Interp, f: Frame): void {
  const g = f.gen;
  if (g && g.state !== 'running') g.state = 'completed';
  const st = f.stack;
  while (st.length) { const o = st.pop(); if (o) it.dec(o); }
}

/** The values on a suspended generator frame's stack (visited by traverse), else none. */
export function suspendedStack(f: Frame): (PyObject | null)[] {
  return f.gen !== null && f.gen.state !== 'running' ? f.stack : NONE;
}
const NONE: (PyObject | null)[] = [];

/** gen_traverse (the code object and name strings are not simulated objects). */
export function traverseGenerator(g: PyGenerator, visit: (r: PyObject) => void): void {
  if (g.frameObj) { visit(g.frameObj); return; }
  const f = g.frame;
  if (!f) return;
  // 3.11+ _PyFrame_Traverse: frame_obj, f_funcobj, then localsplus and the stack.
  if (f.pyFrame) visit(f.pyFrame);
  if (f.funcRef) visit(f.funcRef);
  for (const x of f.locals) if (x !== null) visit(x);
  for (const c of f.cells) visit(c);
  for (const x of suspendedStack(f)) if (x !== null) visit(x);
}

/** Attributes of generator objects that are not simulated. */
export const GEN_REFUSED = new Set(['gi_frame', 'gi_code', 'gi_running', 'gi_yieldfrom', 'gi_suspended', '__name__', '__qualname__']);
