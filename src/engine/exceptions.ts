// Raising and reporting: normalising `raise X` (classes are instantiated,
// __context__/__cause__ chained), growing the traceback as an exception
// leaves each frame, and formatting tracebacks exactly as CPython prints them
// (with 3.11's caret lines under the failing expression).

import type { Interp } from './interp';
import { PyException, PyObject, PyTraceback, PyType } from './objects';
import type { Frame } from './vm/frame';
import { callObject } from './vm/call';
import { isSubclass } from './ops';
import { strOf } from './repr';
import { caretLine } from './carets';
import { frameObjectOf } from './vm/frameobj';
import { py2Reraised } from './py2/excinfo';

/** The exception object for `raise exc [from cause]` (a new reference). */
export function normalizeRaise(it: Interp, exc: PyObject | null, cause: PyObject | null): PyObject {
  if (exc === null) {
    if (it.profile.version[0] === 2) {
      const v = py2Reraised(it);
      if (!v) it.raise('TypeError', 'exceptions must be old-style classes or derived from BaseException, not NoneType');
      return v;
    }
    const cur = it.handledExc;
    if (!cur) it.raise('RuntimeError', 'No active exception to reraise');
    return it.inc(cur);
  }
  let inst: PyObject = exc;
  if (exc instanceof PyType) {
    if (!isSubclass(exc, it.types.BaseException)) { it.dec(exc); it.raise('TypeError', 'exceptions must derive from BaseException'); }
    inst = callObject(it, exc, [], null);
    it.dec(exc);
  } else if (!isSubclass(exc.type, it.types.BaseException)) {
    it.dec(exc);
    if (cause) it.dec(cause);
    it.raise('TypeError', 'exceptions must derive from BaseException');
  }
  if (inst instanceof PyException) {
    if (cause) {
      let c: PyObject | null = cause;
      if (cause instanceof PyType) { c = callObject(it, cause, [], null); it.dec(cause); }
      else if (cause === it.None) { it.dec(cause); c = null; }
      const old = inst.cause;
      inst.cause = c;
      inst.suppressContext = true;
      it.xdec(old);
    }
    setContext(it, inst);
  }
  return inst;
}

/** Implicit chaining: the exception being handled becomes __context__. */
export function setContext(it: Interp, e: PyException): void {
  if (it.profile.version[0] === 2) return; // 2.7 has no exception chaining
  const cur = it.handledExc;
  if (cur && cur !== e && !e.context) e.context = it.inc(cur);
}

/** PyTraceBack_Here: prepend an entry for `frame` at instruction `pc`. */
export function addTraceback(it: Interp, exc: PyObject, frame: Frame, pc: number): void {
  if (!(exc instanceof PyException)) return;
  const instr = Math.max(0, pc - 2);
  const pos = frame.code.posAt(instr);
  // tb_frame: the frame object (3.11 materialises it here, a GC allocation).
  const fo = frameObjectOf(it, frame);
  const tb = it.gcNew(() => new PyTraceback(it.types.traceback, exc.traceback, frame.code.name, frame.code.filename,
    pos[0] || frame.lineno, frame.code, pos), 64);
  fo.rc++;
  tb.frameObj = fo;
  exc.traceback = tb;
}

function excTypeName(t: PyType): string {
  return t.isHeap && t.module !== '__main__' && t.module !== 'builtins' ? `${t.module}.${t.qualname}` : t.qualname;
}

/** The last line of a traceback: "ValueError: boom". */
export function exceptionLine(it: Interp, exc: PyObject): string {
  const name = excTypeName(exc.type);
  let msg: string;
  try { msg = strOf(it, exc); } catch { msg = '<exception str() failed>'; }
  return msg ? `${name}: ${msg}` : name;
}

function formatOne(it: Interp, exc: PyObject, carets: boolean): string {
  let out = '';
  if (exc instanceof PyException && exc.traceback) {
    out += 'Traceback (most recent call last):\n';
    const entries: PyTraceback[] = [];
    for (let tb: PyTraceback | null = exc.traceback; tb; tb = tb.next) entries.push(tb);
    out += formatEntries(it, entries, carets);
  }
  return out + exceptionLine(it, exc) + '\n';
}

function formatEntries(it: Interp, entries: PyTraceback[], carets: boolean): string {
  let out = '';
  let last = '';
  let repeat = 0;
  const flush = () => {
    if (repeat > 3) out += `  [Previous line repeated ${repeat - 3} more time${repeat - 3 > 1 ? 's' : ''}]\n`;
  };
  for (const tb of entries) {
    const key = `${tb.filename}:${tb.lineno}:${tb.frameName}`;
    if (key === last) { repeat++; if (repeat > 3) continue; } else { flush(); last = key; repeat = 1; }
    out += `  File "${tb.filename}", line ${tb.lineno}, in ${tb.frameName}\n`;
    const src = it.sourceLine(tb.filename, tb.lineno);
    if (src !== null && src.trim()) {
      out += `    ${src.trim()}\n`;
      if (carets && tb.pos) {
        const c = caretLine(src, tb.pos, it.profile.callCarets);
        if (c) out += c + '\n';
      }
    }
  }
  flush();
  return out;
}

/** The full report for an exception, with its __cause__/__context__ chain first. */
/** One exception's traceback and message, without its __cause__/__context__ chain
 *  (PyErr_WriteUnraisable's default hook prints no chain). */
export function formatExceptionAlone(it: Interp, exc: PyObject, carets = it.profile.tracebackCarets): string {
  return formatOne(it, exc, carets);
}

export function formatException(it: Interp, exc: PyObject, seen = new Set<PyObject>(),
  carets = it.profile.tracebackCarets): string {
  seen.add(exc);
  let out = '';
  if (exc instanceof PyException) {
    if (exc.cause && !seen.has(exc.cause)) {
      out += formatException(it, exc.cause, seen, carets);
      out += '\nThe above exception was the direct cause of the following exception:\n\n';
    } else if (exc.context && !exc.suppressContext && !seen.has(exc.context)) {
      out += formatException(it, exc.context, seen, carets);
      out += '\nDuring handling of the above exception, another exception occurred:\n\n';
    }
  }
  return out + formatOne(it, exc, carets);
}
