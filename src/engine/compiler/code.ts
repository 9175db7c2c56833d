// Code objects and the instruction set. The instructions mirror CPython's
// bytecode closely enough that the evaluation stack holds the same references
// CPython's does (which is what sys.getrefcount observes). Each instruction is
// two integers: opcode, argument.

import type { PyObject } from '../objects';

export const enum Op {
  NOP, LINE,
  LOAD_CONST, LOAD_FAST, STORE_FAST, DELETE_FAST,
  LOAD_NAME, STORE_NAME, DELETE_NAME,
  LOAD_GLOBAL, STORE_GLOBAL, DELETE_GLOBAL,
  LOAD_DEREF, STORE_DEREF, DELETE_DEREF, LOAD_CLASSDEREF, LOAD_CLOSURE,
  LOAD_ATTR, STORE_ATTR, DELETE_ATTR, LOAD_METHOD,
  /** Stack: callable, args… (KW_NAMES before sets keyword names). */
  CALL,
  /** Stack: func, self-or-null, args…  */
  CALL_METHOD,
  KW_NAMES,
  /** arg bit 0: has kwargs dict. Stack: callable, args tuple, [kwargs]. */
  CALL_FUNCTION_EX,
  BINARY_SUBSCR, STORE_SUBSCR, DELETE_SUBSCR,
  BUILD_TUPLE, BUILD_LIST, BUILD_SET, BUILD_MAP, BUILD_STRING, BUILD_SLICE,
  LIST_APPEND, SET_ADD, MAP_ADD, LIST_EXTEND, SET_UPDATE, DICT_UPDATE, DICT_MERGE, LIST_TO_TUPLE,
  /** arg: BinaryOpKind (+ INPLACE_FLAG). */
  BINARY_OP,
  UNARY_NEGATIVE, UNARY_POSITIVE, UNARY_NOT, UNARY_INVERT,
  COMPARE_OP, IS_OP, CONTAINS_OP,
  POP_TOP, COPY, SWAP,
  JUMP, POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP,
  GET_ITER, FOR_ITER,
  /** arg flags: 1 defaults, 2 kwdefaults, 8 closure. Code object from the following LOAD_CONST-like arg in consts. */
  MAKE_FUNCTION,
  RETURN_VALUE,
  /** Stack: body function, name, bases tuple, kwargs dict-or-None. */
  BUILD_CLASS,
  IMPORT_NAME, IMPORT_FROM,
  UNPACK_SEQUENCE, UNPACK_EX,
  /** arg: conversion (0 none, 1 str, 2 repr, 3 ascii) | 4 if a format spec is on the stack. */
  FORMAT_VALUE,
  RAISE_VARARGS,
  SETUP_FINALLY, POP_BLOCK, POP_EXCEPT, RERAISE,
  /** Stack: exc, type → exc, bool. */
  CHECK_EXC_MATCH,
  LOAD_ASSERTION_ERROR,
  /** Pops and discards the exception on the stack, leaving the handler (used by except: bodies). */
  SETUP_ANNOTATIONS,
  /** 2.7 only: arg 0 at an except handler's entry (set_exc_info, exception on the stack);
   *  arg 1 once a handler matched and bound the value (the traceback's stack slot popped). */
  PY2_EXC,
  /** Suspend the generator frame, handing TOS to its caller; resuming pushes the sent value (None). */
  YIELD_VALUE,
}

export const enum BinKind {
  Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv,
}
export const INPLACE_FLAG = 16;

export const enum CmpKind { Lt, LtE, Eq, NotEq, Gt, GtE }

export const CO_VARARGS = 4;
export const CO_VARKEYWORDS = 8;
export const CO_NESTED = 16;
export const CO_GENERATOR = 32;

export type CodeKind = 'module' | 'class' | 'function' | 'lambda' | 'comprehension';

export class Code {
  ops: Int32Array = new Int32Array(0);
  /** Source position of each instruction (index = pc/2): line, col, endLine, endCol. */
  pos: Int32Array = new Int32Array(0);
  consts: PyObject[] = [];
  /** co_consts index of each constant key (the compiler's u_consts). */
  constKeys = new Map<string, number>();
  names: string[] = [];
  varnames: string[] = [];
  cellvars: string[] = [];
  freevars: string[] = [];
  /** For each cellvar, the index of the argument it shadows, or -1. */
  cell2arg: number[] = [];
  argcount = 0;
  posonlyargcount = 0;
  kwonlyargcount = 0;
  flags = 0;
  /** 3.14 (compiler/borrow.ts): 1 for each LOAD_FAST / LOAD_CLOSURE that pushes a borrowed reference. */
  borrowed: Uint8Array | null = null;
  /** 3.14: 1 for each LOAD_FAST of a local that may be unbound (CPython's LOAD_FAST_CHECK). */
  borrowChecked: Uint8Array | null = null;
  /** 3.14: per instruction, the borrowed references live while it runs (see borrow.ts). */
  borrowLive: (Int32Array | null)[] | null = null;
  /** Lines that hold a statement start (breakpoint targets). */
  lineStarts: number[] = [];
  constructor(public kind: CodeKind, public name: string, public qualname: string, public filename: string,
    public firstlineno: number) {}

  /** Instructions executed before (CPython specialises an instruction after its first run). */
  private warmed: Uint8Array | null = null;
  /** Mark the instruction at pc as executed; true if it had been executed before. */
  warm(pc: number): boolean {
    if (!this.warmed) this.warmed = new Uint8Array(this.ops.length >> 1);
    const i = pc >> 1;
    const was = this.warmed[i] === 1;
    this.warmed[i] = 1;
    return was;
  }

  lineAt(pc: number): number { return this.pos[(pc >> 1) * 4] || this.firstlineno; }
  posAt(pc: number): [number, number, number, number] {
    const i = (pc >> 1) * 4;
    return [this.pos[i], this.pos[i + 1], this.pos[i + 2], this.pos[i + 3]];
  }
  get nlocals(): number { return this.varnames.length; }

  /** ≤3.10 co_zombieframe: the address of the frame kept for the next call (0 = none). */
  zombieFrame = 0;
  /** The size of this code's frame object (≤3.10): the frame header plus locals, cells and a stack. */
  get frameBytes(): number {
    return 368 + 8 * (this.varnames.length + this.cellvars.length + this.freevars.length + 8);
  }
}
