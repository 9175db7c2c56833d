// Allocations CPython makes behind the scenario's back: argument tuples of
// METH_VARARGS functions and type calls, the bound `write` method fetched for
// every print, sys.stdout's pending-bytes list and buffer flushes, repr's
// recursion-guard list. They are invisible to Python code but move
// gc.get_count() and can trigger automatic collections, so the simulator
// makes them too — as blocks of memory with no object behind them.
// Measured on CPython 3.11.7: docs/calibration/cpython-3.11.md §3.

import type { Interp } from './interp';
import { tupleSize } from './heap';

export type BlockKind = 'tuple' | 'list' | 'dict' | 'cfunction' | 'method' | null;

/** A hidden allocation: where its memory came from, so it can be released the same way. */
export interface Block { addr: number; bytes: number; kind: BlockKind; len: number }

const CHUNK = 8192;

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n++;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) { n += 4; i++; }
    else n += 3;
  }
  return n;
}

/** io.TextIOWrapper over io.BufferedWriter: what its writes allocate. */
class TextStream {
  private pending: 'none' | 'str' | 'list' = 'none';
  private pendingBytes = 0;
  private list: Block | null = null;
  /** ≤3.6: the encoded bytes objects held by the pending list (address, size), in order. */
  private bytes: [number, number][] = [];
  private buffered = 0;
  constructor(private h: Hidden, private lineBuffering: boolean) {}

  write(text: string): void {
    const n = utf8Length(text);
    // 3.6 textiowrapper_write encodes first: a new bytes object (PyBytesObject_SIZE 33 + n; the
    // empty and 1-byte ones are cached singletons), held by the pending list until the flush.
    const encoded = this.h.pendingBytesObjects && n > 1 ? this.h.rawBlock(33 + n) : 0;
    if (this.pendingBytes + n > CHUNK) {
      this.flushText();
      if (this.h.pendingListFirstWrite) {
        this.list = this.h.alloc('list');
        this.pending = 'list';
      } else this.pending = 'str';
    } else if (this.pending === 'none') {
      this.pendingBytes = 0;
      if (this.h.pendingListFirstWrite) {
        this.list = this.h.alloc('list');
        this.pending = 'list';
      } else this.pending = 'str';
    } else if (this.pending === 'str') {
      this.list = this.h.alloc('list');
      this.pending = 'list';
    }
    if (encoded) this.bytes.push([encoded, 33 + n]);
    this.pendingBytes += n;
    const needFlush = this.lineBuffering && (text.includes('\n') || text.includes('\r'));
    if (this.pendingBytes >= CHUNK || needFlush) this.flushText();
    if (needFlush) this.flushBuffer();
  }

  /** _textiowrapper_writeflush: the pending list goes back to its free list. */
  private flushText(): void {
    // 3.6: _PyBytes_Join makes one bytes object of everything pending (the item itself when
    // there is one), the list's items are released last to first, the joined bytes after the write.
    const items = this.bytes;
    this.bytes = [];
    const joined = items.length > 1 ? this.h.rawBlock(33 + this.pendingBytes) : 0;
    for (let i = items.length - 1; i >= 0; i--) this.h.rawFree(items[i][0], items[i][1]);
    if (this.list) { this.h.free(this.list); this.list = null; }
    const n = this.pendingBytes;
    this.pending = 'none';
    this.pendingBytes = 0;
    if (n > 0) this.bufferedWrite(n);
    if (joined) this.h.rawFree(joined, 33 + n);
  }

  /** BufferedWriter.write: data that does not fit goes to the raw file through a memoryview. */
  private bufferedWrite(n: number): void {
    if (n <= CHUNK - this.buffered) { this.buffered += n; return; }
    if (this.buffered > 0) this.rawWrite();
    this.buffered = 0;
    while (n > CHUNK) { this.rawWrite(); n -= CHUNK; }
    this.buffered = n;
  }

  private flushBuffer(): void {
    if (this.buffered > 0) { this.rawWrite(); this.buffered = 0; }
  }

  /** managedbuffer + memoryview, both freed after the raw write. */
  private rawWrite(): void {
    const a = this.h.alloc(null, 0, 56);
    const b = this.h.alloc(null, 0, 200);
    this.h.free(b);
    this.h.free(a);
  }
}

export class Hidden {
  readonly stdout: TextStream;
  readonly stderr: TextStream;
  /** print()'s keyword-name tuple exists (built on the first call). */
  private printKwtuple = false;
  /** The thread-state dict and its Py_Repr list exist (first container repr). */
  private reprState = false;

  constructor(private it: Interp) {
    this.stdout = new TextStream(this, false);
    this.stderr = new TextStream(this, true);
  }

  get pendingListFirstWrite(): boolean { return !!this.it.profile.hidden.pendingListFirstWrite; }
  get pendingBytesObjects(): boolean { return !!this.it.profile.hidden.pendingBytesObjects; }

  /** Memory of a non-GC object the scenario cannot see (an encoded bytes object). */
  rawBlock(bytes: number): number { return this.it.heap.rawAddress(bytes); }
  rawFree(addr: number, bytes: number): void { this.it.heap.releaseAddress(addr, bytes); }

  alloc(kind: BlockKind, len = 0, bytes = 0): Block {
    const size = bytes || (kind === 'tuple' ? tupleSize(len) : kind === 'list' || kind === 'cfunction' ? 72 : kind === 'dict' ? this.it.heap.dictBytes : 64);
    const addr = this.it.gcAlloc(size, kind, len);
    // 3.14.1+ counts track events: the hidden object is tracked when made, untracked when freed.
    if (this.it.profile.gcCountsTracks) this.it.heap.countNew();
    return { addr, bytes: size, kind, len };
  }

  free(b: Block): void {
    this.it.heap.countUntrack();
    this.it.heap.freeGC(b.addr, b.bytes, b.kind, b.len);
  }

  /** An object allocated and freed within one operation (a bound method …). */
  transient(bytes = 72): void {
    this.free(this.alloc(null, 0, bytes));
  }

  /** Argument Clinic parsers that have built their keyword-name tuple. */
  private clinicParsers = new Set<string>();

  /** An Argument Clinic function called with keywords for the first time builds its parser's
   *  keyword-name tuple (_PyArg_Parser.kwtuple), kept for good (≤3.11; static from 3.12). */
  clinicKwtuple(name: string, nkw: number): void {
    if (!this.it.profile.hidden.clinicKwtuples || this.clinicParsers.has(name)) return;
    this.clinicParsers.add(name);
    this.alloc('tuple', nkw);
  }

  /** A builtin method bound by an attribute lookup (_PyObject_LookupSpecial, getattr) for the
   *  duration of one call: free it with free() (≤3.8 it goes to the PyCFunction free list). */
  boundBuiltin(): Block {
    return this.alloc('cfunction');
  }

  /** The argument tuple of a METH_VARARGS call or a type call (null for no arguments). */
  argsTuple(n: number): Block | null {
    return n > 0 ? this.alloc('tuple', n) : null;
  }

  /** The kwargs dict _PyObject_MakeTpCall builds for keyword arguments. */
  kwargsDict(n: number): Block | null {
    return n > 0 ? this.alloc('dict') : null;
  }

  /** The argument tuple of super(type, type) called from C (≤3.10: tp_call), or null. */
  profileSuperArgs(): Block | null {
    return this.it.profile.hidden.superArgsTuple ? this.argsTuple(2) : null;
  }

  release(b: Block | null): void { if (b) this.free(b); }

  /** print(): start of the call (kwtuple once, then the varargs tuple). The keyword-name tuple
   *  is built by the first call (3.11: the clinic parser runs on every call) or, 3.7–3.10, by
   *  the first call with keywords (builtin_print runs _PyArg_ParseStackAndKeywords only when
   *  kwnames != NULL; its parser_init makes the 4-tuple: traced with gdb). */
  printStart(nargs: number, nkw = 0): Block | null {
    const hp = this.it.profile.hidden;
    if (!this.printKwtuple && (hp.printKwtuple || (nkw > 0 && hp.printKwtupleOnKeywords))) {
      this.alloc('tuple', 4);
      this.printKwtuple = true;
    }
    return this.it.profile.hidden.printArgsTuple ? this.argsTuple(nargs) : null;
  }

  /** PyFile_WriteObject: fetch file.write (a bound method: a PyCFunction, from its free list
   *  ≤3.8), write, drop the method. */
  fileWrite(stream: 'stdout' | 'stderr', produce: () => string): string {
    // 2.7: sys.stdout is a C `file`; PyFile_WriteObject writes to it directly, allocating nothing.
    if (this.it.profile.hidden.cFileStdio) return produce();
    const m = this.alloc('cfunction', 0, 72);
    let text: string;
    try {
      text = produce();
      (stream === 'stdout' ? this.stdout : this.stderr).write(text);
    } finally {
      this.free(m);
    }
    return text;
  }

  /** A write through a method call from Python code (sys.stdout.write): no bound method. */
  directWrite(stream: 'stdout' | 'stderr', text: string): void {
    if (this.it.profile.hidden.cFileStdio) return;
    (stream === 'stdout' ? this.stdout : this.stderr).write(text);
  }

  /** 2.7's container reprs build their pieces in a temporary container (tuplerepr: a tuple of
   *  the same length; listrepr/dictrepr: a list), allocated after Py_ReprEnter. */
  reprPieces(kind: 'tuple' | 'list', n: number): Block | null {
    if (!this.it.profile.hidden.reprPieces || n === 0) return null;
    return kind === 'tuple' ? this.alloc('tuple', n) : this.alloc('list');
  }

  /** A Python method called from C through a bound method (≤3.6 slot_tp_init, slot_tp_del …):
   *  the PyMethod, and in 2.7 instancemethod_call's argument tuple with self prepended. */
  boundCall(nargs: number): Block[] {
    const m = this.alloc('method', 0, 64);
    return this.it.profile.hidden.methodCallTuple ? [m, this.alloc('tuple', nargs + 1)] : [m];
  }

  /** Py_ReprEnter: the first one in the process creates the thread-state dict and the Py_Repr list. */
  reprEnter(): void {
    if (this.reprState) return;
    this.reprState = true;
    this.alloc('dict');
    this.alloc('list');
  }
}
