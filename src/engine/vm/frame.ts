// A Python frame: the code being run, its fast locals and cells, the
// evaluation stack (each slot owns a reference, as in CPython), the block
// stack for exception handlers, and the current line.

import type { Code } from '../compiler/code';
import type { PyCell, PyDict, PyFunction, PyObject, PyTuple } from '../objects';

export const BLOCK_SETUP = 0;
export const BLOCK_EXCEPT_HANDLER = 1;

export interface Block {
  type: number;
  handler: number;
  level: number;
  /** EXCEPT_HANDLER: the handled exception to restore. */
  saved: PyObject | null;
}

export type FrameRole = 'call' | 'init' | 'finalizer' | 'callback' | 'class-body' | 'module';

export class Frame {
  pc = 0;
  lineno = 0;
  stack: (PyObject | null)[] = [];
  blocks: Block[] = [];
  locals: (PyObject | null)[];
  cells: PyCell[] = [];
  kwnames: PyTuple | null = null;
  /** For frames running __init__ from a class call: the instance to return. */
  initSelf: PyObject | null = null;
  /** Why a frame was entered from native code (the debugger shows it). */
  role: FrameRole = 'call';
  reason = '';
  /** The function object this frame owns (3.11 moves it from the caller's stack). */
  funcRef: PyObject | null = null;
  /** Stack items the caller pops after this frame returns (≤3.10 argument passing, __init__). */
  callerPop = 0;
  isEntry = false;
  /** The frame object made for this frame (the frame holds one reference), or null. */
  pyFrame: import('../objects').PyFrameObj | null = null;
  /** ≤3.10: the memory of this frame's PyFrameObject (released when the frame finishes). */
  frameObject: { addr: number; bytes: number } | null = null;
  /** Debugger input runs in this frame's context (names resolve through its locals). */
  evalTarget: Frame | null = null;
  /** Hidden argument tuple/dict of the type call that runs this __init__, released when it returns. */
  hiddenArgs: import('../hidden').Block[] = [];
  /** 2.7: f_exc_type/value/traceback, the thread's state saved when this frame first caught (py2/excinfo.ts). */
  py2Saved: { type: PyObject | null; value: PyObject | null; tb: PyObject | null } | null = null;
  /** The generator owning this frame (vm/generator.ts), or null. */
  gen: import('../objects').PyGenerator | null = null;
  /** Set by YIELD_VALUE: the frame suspended rather than returned. */
  yielded = false;
  /** A generator frame resumed by its caller's FOR_ITER (runs inline; a return ends that loop). */
  forIter = false;
  /** An exception to raise at the frame's resume point (gen_close's GeneratorExit). */
  genThrow: PyObject | null = null;
  constructor(public code: Code, public func: PyFunction | null, public globals: PyDict,
    public localsDict: PyDict | null, public back: Frame | null) {
    this.locals = new Array(code.varnames.length).fill(null);
    this.lineno = code.firstlineno;
  }

  get name(): string { return this.code.name; }
}
