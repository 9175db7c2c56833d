// Python 2.7's handled-exception state (ceval.c set_exc_info / reset_exc_info).
// A handler that catches an exception stores (type, value, traceback) in the
// thread state, mirrored in sys.exc_type/exc_value/exc_traceback; the catching
// frame first saves the thread's previous state (once). The end of the handler
// restores nothing: only the frame's exit does (or a later caught exception, or
// sys.exc_clear()) — that is when the traceback, and the frames it holds, go.
// A 2.7 exception object has no traceback of its own: the traceback is detached
// from it when the handler's stack slot for it is popped (after the match).

import type { Interp } from '../interp';
import type { PyObject } from '../objects';
import { PyException } from '../objects';
import { BLOCK_EXCEPT_HANDLER, type Frame } from '../vm/frame';
import { dictSetStr } from '../builtins/dictops';
import { dictDeleted } from '../sizes';

interface ExcState { type: PyObject | null; value: PyObject | null; tb: PyObject | null }

/** tstate->exc_type/exc_value/exc_traceback (Frame.py2Saved holds a frame's f_exc_*). */
const tstate = (it: Interp): ExcState => it.py2Exc;

const xinc = (it: Interp, o: PyObject | null): PyObject | null => (o ? it.inc(o) : null);

/** PySys_SetObject(name, v): a new reference in sys's dict, or the key removed for NULL. */
function sysSet(it: Interp, name: string, v: PyObject | null): void {
  const sys = it.modules.get('sys');
  if (!sys) return;
  if (v) { dictSetStr(it, sys.dict, name, it.inc(v)); return; }
  const e = sys.dict.map.get(name);
  if (!e) return;
  sys.dict.map.delete(name);
  dictDeleted(sys.dict);
  it.dec(e.key);
  it.dec(e.value);
}

/** Replace the thread state (new references taken), releasing the old one, then mirror it in sys. */
function setState(it: Interp, s: ExcState, type: PyObject | null, value: PyObject | null, tb: PyObject | null): void {
  const [ot, ov, otb] = [s.type, s.value, s.tb];
  s.type = xinc(it, type); s.value = xinc(it, value); s.tb = xinc(it, tb);
  if (ot) it.dec(ot);
  if (ov) it.dec(ov);
  if (otb) it.dec(otb);
  sysSet(it, 'exc_type', type); sysSet(it, 'exc_value', value); sysSet(it, 'exc_traceback', tb);
}

/**
 * The except-handler entry (2.7 SETUP_EXCEPT target): `exc`, on f's stack, was caught.
 * set_exc_info, then the traceback moves from the exception into the handler block
 * (it stands for the traceback's own stack slot in 2.7).
 */
export function py2CatchEntry(it: Interp, f: Frame, exc: PyObject): void {
  const s = tstate(it);
  if (!f.py2Saved) {
    if (s.type === null) s.type = it.inc(it.None); // ceval: "XXX Why is this set to Py_None?"
    f.py2Saved = { type: it.inc(s.type), value: xinc(it, s.value), tb: xinc(it, s.tb) };
  }
  const tb = exc instanceof PyException ? exc.traceback : null;
  setState(it, s, exc.type, exc, tb);
  const b = f.blocks[f.blocks.length - 1];
  if (exc instanceof PyException && b && b.type === BLOCK_EXCEPT_HANDLER) {
    b.saved = exc.traceback;
    exc.traceback = null;
  }
}

/** A handler matched and bound the value: the traceback's stack slot is popped. */
export function py2CatchMatched(it: Interp, f: Frame): void {
  const b = f.blocks[f.blocks.length - 1];
  if (b && b.type === BLOCK_EXCEPT_HANDLER && b.saved) { const tb = b.saved; b.saved = null; it.dec(tb); }
}

/** No handler matched (END_FINALLY re-raises type, value, tb from the stack): the traceback goes back. */
export function py2Reraise(it: Interp, f: Frame, exc: PyObject): void {
  const b = f.blocks[f.blocks.length - 1];
  if (b && b.type === BLOCK_EXCEPT_HANDLER && b.saved && exc instanceof PyException && !exc.traceback) {
    exc.traceback = b.saved as PyException['traceback'];
    b.saved = null;
  }
}

/** An except-handler block left by unwinding or at the handler's end: nothing is restored in 2.7. */
export function py2PopHandler(it: Interp, b: { saved: PyObject | null }): void {
  if (b.saved) { const tb = b.saved; b.saved = null; it.dec(tb); }
}

/** reset_exc_info when frame f exits (returns or lets an exception out), if it caught one. */
export function py2FrameExit(it: Interp, f: Frame): void {
  const sv = f.py2Saved;
  if (!sv) return;
  f.py2Saved = null;
  setState(it, tstate(it), sv.type, sv.value, sv.tb);
  if (sv.type) it.dec(sv.type);
  if (sv.value) it.dec(sv.value);
  if (sv.tb) it.dec(sv.tb);
}

/** sys.exc_info(): the thread state's (type, value, traceback). */
export function py2ExcInfo(it: Interp): PyObject {
  const s = tstate(it);
  return it.newTuple([it.inc(s.type ?? it.None), it.inc(s.value ?? it.None), it.inc(s.tb ?? it.None)]);
}

/** sys.exc_clear(): the thread state emptied, sys.exc_* set to None. */
export function py2ExcClear(it: Interp): void {
  const s = tstate(it);
  const [ot, ov, otb] = [s.type, s.value, s.tb];
  s.type = s.value = s.tb = null;
  if (ot) it.dec(ot);
  if (ov) it.dec(ov);
  if (otb) it.dec(otb);
  sysSet(it, 'exc_type', it.None); sysSet(it, 'exc_value', it.None); sysSet(it, 'exc_traceback', it.None);
}

/** The exception a bare `raise` re-raises (a new reference, its traceback restored), or null. */
export function py2Reraised(it: Interp): PyObject | null {
  const s = tstate(it);
  if (!s.value || s.value === it.None) return null;
  const v = it.inc(s.value);
  if (v instanceof PyException) {
    const old = v.traceback;
    v.traceback = xinc(it, s.tb) as PyException['traceback'];
    if (old) it.dec(old);
  }
  return v;
}
