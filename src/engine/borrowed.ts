// CPython 3.14's borrowed stack references, as refcounts see them. The engine's
// stack slot of a borrowing load (compiler/borrow.ts) owns a reference like any
// other, so lifetimes are unchanged; in CPython the slot holds no reference, so
// sys.getrefcount and the debugger's referrer view leave it out. The borrowed
// references live in a frame are those the compiler recorded for the instruction
// the frame is running (code.borrowLive): each refers to the object its local
// still holds. A Python-to-Python call moves its borrowed arguments into the
// callee's parameters (still borrowed there until the parameter is rebound) and
// a borrowed callable into the frame's function slot. A class call whose __init__
// is a Python function passes them as strong references (measured).

import { BORROW_INPUT_SHIFT } from './compiler/borrow';
import { Op } from './compiler/code';
import type { PyObject } from './objects';
import type { Frame } from './vm/frame';

export interface BorrowedRef {
  obj: PyObject;
  /** Where the reference sits: the frame's stack, a parameter of `frame` (moved by a call), its function slot. */
  where: 'stack' | 'param' | 'func';
  frame: Frame;
  /** For 'param': the local index in `frame`. */
  local?: number;
}

/** Borrowed references held for the instruction `f` is running; `child` is the frame it called, if any. */
export function borrowedIn(f: Frame, child: Frame | null): BorrowedRef[] {
  const code = f.code;
  const live = code.borrowLive;
  const i = (f.pc >> 1) - 1;
  if (!live || i < 0 || i >= live.length) return [];
  const entries = live[i];
  if (!entries) return [];
  const op = code.ops[2 * i];
  const moved = child !== null && child.back === f && !child.isEntry && child.callerPop === 0 &&
    (op === Op.CALL || op === Op.CALL_METHOD);
  // Calling a class that runs a Python __init__: measured (3.14.2), its arguments count
  // as strong references while __init__ runs.
  const initCall = child !== null && child.back === f && child.role === 'init';
  const nl = code.varnames.length;
  const out: BorrowedRef[] = [];
  const used = new Set<number>();
  for (const e of entries) {
    const local = e & ((1 << BORROW_INPUT_SHIFT) - 1);
    const input = (e >> BORROW_INPUT_SHIFT) - 1;
    const obj = local < nl ? f.locals[local] : f.cells[local - nl] ?? null;
    if (!obj || (initCall && input >= 0)) continue;
    if (!moved || input < 0) { out.push({ obj, where: 'stack', frame: f }); continue; }
    if (input === 0) { if (child!.funcRef === obj) out.push({ obj, where: 'func', frame: child! }); continue; }
    const c = child!.code;
    const nparams = Math.min(child!.locals.length, c.argcount + c.kwonlyargcount);
    for (let k = 0; k < nparams; k++) {
      if (!used.has(k) && child!.locals[k] === obj) { used.add(k); out.push({ obj, where: 'param', frame: child!, local: k }); break; }
    }
  }
  return out;
}

/** Every borrowed reference of the running frames, innermost first. */
export function allBorrowed(top: Frame | null): BorrowedRef[] {
  const out: BorrowedRef[] = [];
  let child: Frame | null = null;
  for (let f = top; f; f = f.back) {
    if (f.code.borrowLive) out.push(...borrowedIn(f, child));
    child = f;
  }
  return out;
}

/** How many of o's references are borrowed ones (not counted by CPython 3.14). */
export function borrowedCount(top: Frame | null, o: PyObject): number {
  let n = 0;
  let child: Frame | null = null;
  for (let f = top; f; f = f.back) {
    if (f.code.borrowLive) for (const r of borrowedIn(f, child)) if (r.obj === o) n++;
    child = f;
  }
  return n;
}
