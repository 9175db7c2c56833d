// Frame objects: made on demand (a traceback entry), they keep a finished call's
// locals alive while something refers to them, as CPython's frames do — which is
// how a kept exception keeps every variable of the calls it passed through.

import type { Interp } from '../interp';
import { PyFrameObj } from '../objects';
import type { Frame } from './frame';

/** The frame object of `f` (borrowed: the frame holds its reference). */
export function frameObjectOf(it: Interp, f: Frame): PyFrameObj {
  if (f.pyFrame) return f.pyFrame;
  let o: PyFrameObj;
  if (f.frameObject) {
    // ≤3.10: every call already has its PyFrameObject (allocated and counted in makeFrame).
    o = new PyFrameObj(it.types.frame, f);
    o.addr = f.frameObject.addr;
    o.bsize = f.frameObject.bytes;
    // 3.6 and 2.7 track frames at creation (PyFrame_New); 3.7+ when one outlives its call.
    if (it.profile.frameTrackedAtCall) it.heap.track(o);
  } else if (it.profile.frameFreeList) {
    // ≤3.10 module and class-body frames: made at start-up or by the class statement.
    o = it.rawNew(new PyFrameObj(it.types.frame, f), 400);
    o.raw = true;
  } else {
    // 3.11+: _PyFrame_MakeAndSetFrameObject, a GC allocation, untracked until it outlives the call.
    o = it.gcNew(() => new PyFrameObj(it.types.frame, f), 112, false);
  }
  f.pyFrame = o;
  return o;
}

/**
 * The frame `f` finishes. If its frame object is referenced from elsewhere it takes over
 * the locals and cells and links f_back; returns true then (the caller must not release them).
 */
export function releaseFrameObject(it: Interp, f: Frame): boolean {
  const o = f.pyFrame;
  if (!o) return false;
  f.pyFrame = null;
  if (o.rc > 1) {
    o.owned = true;
    // (A generator's frame has no f_back once it finished: gen_send_ex clears it; 3.12–3.13's
    // clear_gen_frame only after take_ownership linked, and so made, the caller's frame object.)
    if (f.back && (!f.gen || it.profile.genClearLinksCaller)) { const b = frameObjectOf(it, f.back); b.rc++; o.back = b; }
    if (o.gcGen === -1) it.heap.track(o);
    o.rc--;
    return true;
  }
  it.dec(o);
  return false;
}

/** Release a frame's fast locals (in order), cells and locals dict. (3.14 _PyFrame_ClearLocals
 *  releases localsplus from the top down: cells last to first, then locals last to first.) */
export function releaseLocals(it: Interp, f: Frame): void {
  if (it.profile.version[0] === 3 && it.profile.version[1] >= 14) return releaseLocalsDown(it, f);
  const locals = f.locals;
  for (let i = 0; i < locals.length; i++) {
    const o = locals[i];
    if (o !== null) { locals[i] = null; it.dec(o); }
  }
  const cells = f.cells;
  f.cells = [];
  for (const c of cells) it.dec(c);
  if (f.localsDict) { const d = f.localsDict; f.localsDict = null; it.dec(d); }
}

function releaseLocalsDown(it: Interp, f: Frame): void {
  const cells = f.cells;
  f.cells = [];
  for (let i = cells.length - 1; i >= 0; i--) it.dec(cells[i]);
  const locals = f.locals;
  for (let i = locals.length - 1; i >= 0; i--) {
    const o = locals[i];
    if (o !== null) { locals[i] = null; it.dec(o); }
  }
  if (f.localsDict) { const d = f.localsDict; f.localsDict = null; it.dec(d); }
}
