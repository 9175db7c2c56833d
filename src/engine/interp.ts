// The interpreter state (CPython's PyInterpreterState + thread state): the
// heap, the builtin types, the modules, the frame stack, the current
// exception, and the constructors every other engine module uses to make
// objects with CPython's allocation, tracking and refcount behaviour.
//
// Where to start: the constructor, then alloc helpers (newList, newTuple …),
// then inc/dec (refcounting; dealloc is in dealloc.ts).

import { getSizeOf } from './sizes';
import { Heap, HeapListener, tupleSize, type FreeListKind } from './heap';
import {
  PyBool, PyBuiltin, PyBytes, PyCell, PyDict, PyEllipsis, PyException, PyFloat, PyInstance, PyInt, PyList,
  PyModule, PyNone, PyNotImplemented, PyObject, PySet, PyStr, PyTuple, PyType, NativeImpl, PySlice, setSerialSource,
} from './objects';
import type { Profile } from './profile';
import { Types } from './types';
import { dealloc } from './dealloc';
import type { Frame } from './vm/frame';
import { PyRaise } from './errors';
import { borrowedCount } from './borrowed';
import { suspendedBorrowedCount } from './vm/generator';
import { Hidden } from './hidden';
import { newInstanceBytes } from './inlinevalues';
import { classicInstanceInit } from './py2/classic';
import { useDictStorage } from './py2/dictorder';
import { noteRaisedFromC } from './py2/unraisable';
import { nameBuiltinTypes } from './typenames';

/** What the runtime (debugger) is told while the engine runs. A hook may throw
 *  StopExecution to stop the run (at a clean point it can be resumed). */
export interface EngineHook {
  /** A statement is about to run in `frame` (frame.lineno). */
  line(frame: Frame): void;
  /** A collector phase has completed. */
  phase(name: string, generation: number): void;
  /** An exception is passing through `frame`. */
  exception(exc: PyObject, frame: Frame): void;
}

export interface OutputSink {
  stdout(text: string): void;
  stderr(text: string): void;
}

const SMALL_MIN = -5, SMALL_MAX = 256;

export class Interp {
  readonly heap: Heap;
  /** Modules a 2.7 scenario has imported (py2/imports.ts: the first import's side effects). */
  importedModules = new Set<string>();
  readonly types: Types;
  readonly None: PyNone;
  readonly True: PyBool;
  readonly False: PyBool;
  readonly NotImplemented: PyNotImplemented;
  readonly Ellipsis: PyEllipsis;
  private smallInts: PyInt[] = [];
  private interned = new Map<string, PyStr>();
  readonly builtins: PyDict;
  readonly modules = new Map<string, PyModule>();
  /** gc.garbage and gc.callbacks lists (real list objects). */
  garbage!: PyList;
  callbacks!: PyList;
  /** The innermost executing frame. */
  frame: Frame | null = null;
  frameDepth = 0;
  /** The exception currently being handled (sys.exc_info()). */
  handledExc: PyObject | null = null;
  /** 2.7: tstate->exc_type/exc_value/exc_traceback (src/engine/py2/excinfo.ts). */
  py2Exc: { type: PyObject | null; value: PyObject | null; tb: PyObject | null } = { type: null, value: null, tb: null };
  /** Virtual clock (time.time / time.sleep). */
  clock = 1_700_000_000;
  perfClock = 0;
  /** Executed statements (the debugger's steps); bounded by maxSteps. */
  steps = 0;
  maxSteps = 50_000_000;
  /** Nesting of native → Python calls (dealloc, collector, callbacks). */
  nativeDepth = 0;
  mainFile = '<scenario>';
  finalizing = false;
  /** sys.last_value: the uncaught exception PyErr_Print printed, released at finalisation. */
  lastExc: PyObject | null = null;
  /** Hooks for the runtime (debugger); null when running headless. */
  hook: EngineHook | null = null;
  /** Nesting of evaluation loops: 1 when only the outermost loop runs (a clean point). */
  runDepth = 0;
  /** Output chunks written so far (the debugger does not repeat them when it replays). */
  outputCount = 0;
  /** Role and reason for the next frame native code enters (a __del__, a callback). */
  nextFrameRole: { role: 'finalizer' | 'callback'; reason: string } | null = null;
  /** Trashcan state (Py_TRASHCAN_BEGIN / _PyTrash_thread_destroy_chain). */
  trashNesting = 0;
  trashLater: PyObject[] = [];
  /** The collector (gc/collector.ts), set when the engine is built. */
  collector!: import('./gc/collector').Collector;
  recursionLimit: number;
  /** Well-known slot implementations (set when builtins are installed). */
  objectInit!: PyObject;
  objectRepr!: PyObject;
  objectStr!: PyObject;
  objectEq!: PyObject;
  objectNe!: PyObject;
  objectHash!: PyObject;
  objectFormat!: PyObject;
  baseExceptionInit!: PyObject;
  listAppend!: PyObject;
  /** Placeholder globals for cleared functions. */
  readonly emptyGlobals: PyDict;
  /** Source lines per file name, for tracebacks. */
  readonly sources = new Map<string, string[]>();
  /** Allocations CPython makes behind the scenario's back. */
  readonly hidden: Hidden;

  /** Serial numbers of this interpreter's objects. */
  readonly serials = { n: 0 };

  constructor(readonly profile: Profile, public out: OutputSink) {
    setSerialSource(this.serials);
    useDictStorage(profile);
    this.heap = new Heap(profile);
    this.types = new Types();
    nameBuiltinTypes(this.types, profile);
    const t = this.types;
    this.None = this.static(new PyNone(t.NoneType));
    this.True = this.static(new PyBool(t.bool, 1));
    this.False = this.static(new PyBool(t.bool, 0));
    this.NotImplemented = this.static(new PyNotImplemented(t.NotImplementedType));
    this.Ellipsis = this.static(new PyEllipsis(t.ellipsis));
    for (let v = SMALL_MIN; v <= SMALL_MAX; v++) this.smallInts.push(this.static(new PyInt(t.int, v), true));
    for (const ty of t.byName.values()) { ty.rc = 1_000; ty.bsize = 400; ty.addr = this.heap.rawAddress(ty.bsize); }
    const un = profile.unmodelledRefs;
    if (un && profile.sharedRefcounts === 'ordinary') {
      this.Ellipsis.rc = un.ellipsis;
      for (const [v, n] of Object.entries(un.smallInts)) this.smallInts[Number(v) - SMALL_MIN].rc = n;
      for (const [name, n] of Object.entries(un.types)) t.get(name).rc = n;
    }
    t.configure(profile.hidden.strArgsTuple, profile.sharedRefcounts === 'immortal' ? profile.immortalRefcount : null);
    for (const n of profile.hidden.tpCallTypes ?? []) t.get(n).tpCallTuple = true;
    this.builtins = this.rawDict();
    this.hidden = new Hidden(this);
    this.emptyGlobals = this.rawDict();
    this.recursionLimit = profile.recursionLimit;
    this.garbage = this.newList([]);
    this.garbage.rc = 100;
    this.callbacks = this.newList([]);
    this.callbacks.rc = 100;
    this.heap.untrack(this.garbage);
    this.heap.untrack(this.callbacks);
    this.heap.gens[2].append(this.garbage);
    this.heap.gens[2].append(this.callbacks);
    this.heap.count[0] = 0;
  }

  sourceLine(filename: string, lineno: number): string | null {
    const lines = this.sources.get(filename);
    if (!lines || lineno < 1 || lineno > lines.length) return null;
    return lines[lineno - 1];
  }

  /** Send text to the output sink (the stream model in hidden.ts does the allocations). */
  emit(stream: 'stdout' | 'stderr', text: string): void {
    if (stream === 'stdout') this.out.stdout(text); else this.out.stderr(text);
  }

  /** Text the interpreter itself writes to stderr (gc debug lines, warnings): no bound method. */
  writeStderr(text: string): void {
    this.hidden.directWrite('stderr', text);
    this.out.stderr(text);
  }

  /** Py_ReprEnter bookkeeping for container reprs. */
  reprEnter(): void { this.hidden.reprEnter(); }

  /** An attribute of the sys module (borrowed), or null. */
  sysAttr(name: string): PyObject | null {
    const m = this.modules.get('sys');
    const e = m ? m.dict.map.get(name) : undefined;
    return e ? e.value : null;
  }

  /** sys.getsizeof (approximate sizes of a 64-bit build). */
  /** sys.getsizeof (engine/sizes.ts): exact for the profile, or NotSupportedRuntime. */
  sizeOf(o: PyObject): number { return getSizeOf(this, o); }

  /** A point where 3.12+ runs a scheduled automatic collection (eval-breaker checks after
   *  calls, loop back-edges, function entry, and PyErr_CheckSignals() in str()/repr()). */
  gcPoint(): void {
    if (this.heap.collectPending) this.evalBreaker(true);
  }

  /** The 3.12+ eval breaker: run a scheduled automatic collection. */
  evalBreaker(_afterCall: boolean): void {
    if (this.heap.collectPending && this.profile.autoCollect === 'eval-breaker') {
      this.heap.collectPending = false;
      if (!this.heap.collecting && this.heap.enabled) this.collector.collectGenerations();
    }
  }

  raiseKeyError(key: PyObject): never {
    const exc = this.makeExcOf(this.types.get('KeyError'), [this.inc(key)]);
    // set_key_error: the unnormalised value is the 1-tuple (key,) (printed as such by 2.7–3.7's
    // PyErr_WriteUnraisable).
    if (this.profile.version[0] === 2 || this.profile.unraisableRawValue) noteRaisedFromC(exc, true);
    throw new PyRaise(exc);
  }

  /** A PyRaise for an existing exception object (reference stolen). */
  raiseObject(exc: PyObject): PyRaise { return new PyRaise(exc); }

  newSlice(start: PyObject, stop: PyObject, step: PyObject): PySlice {
    return this.rawNew(new PySlice(this.types.slice, start, stop, step), 56);
  }

  /** A statically allocated / immortal object (never freed). */
  private static<T extends PyObject>(o: T, isStaticIn311 = false): T {
    o.bsize = 32; o.addr = this.heap.rawAddress(o.bsize);
    const p = this.profile;
    if (p.sharedRefcounts === 'immortal') o.rc = p.immortalRefcount;
    else if (p.sharedRefcounts === 'static' && isStaticIn311) o.rc = p.staticBase;
    else o.rc = 1_000;
    return o;
  }

  /** sys.getrefcount's view of o (immortal objects report a fixed value). */
  refcountOf(o: PyObject): number {
    if (this.profile.sharedRefcounts === 'immortal' && this.isImmortal(o)) return this.profile.immortalRefcount;
    // 3.14: borrowed stack references (LOAD_FAST_BORROW) hold no count (engine/borrowed.ts).
    // (Suspended generators keep theirs across the yield.)
    return this.frame && this.profile.version[1] >= 14 ? o.rc - borrowedCount(this.frame, o) - suspendedBorrowedCount(this, o) : o.rc;
  }

  isImmortal(o: PyObject): boolean {
    return o.rc >= this.profile.immortalRefcount && this.profile.sharedRefcounts === 'immortal';
  }

  setListener(l: HeapListener | null): void { this.heap.listener = l; }

  // ---- refcounting -----------------------------------------------------------------

  inc<T extends PyObject>(o: T): T { o.rc++; return o; }
  dec(o: PyObject): void { if (--o.rc === 0) dealloc(this, o); }
  xdec(o: PyObject | null | undefined): void { if (o && --o.rc === 0) dealloc(this, o); }

  // ---- allocation ----------------------------------------------------------------------

  /** Run a pending automatic collection (≤3.11: inside the allocation). */
  maybeCollect(): void {
    if (this.heap.collectPending) {
      this.heap.collectPending = false;
      if (this.profile.autoCollect === 'alloc') this.collector.collectGenerations();
      else this.heap.collectPending = true;
    }
  }

  /** Allocate a GC object's memory (counted unless from a free list) and run a due collection first. */
  gcAlloc(bytes: number, fl: FreeListKind = null, tupleLen = 0): number {
    const addr = this.heap.allocGC(bytes, fl, tupleLen);
    if (this.heap.collectPending && this.profile.autoCollect === 'alloc') this.maybeCollect();
    return addr;
  }

  private noteAlloc(o: PyObject): void {
    if (this.frame) o.allocLine = this.frame.lineno;
    if (this.heap.fineEvents && this.heap.listener) this.heap.listener({ kind: 'alloc', obj: o, counted: true });
  }

  newInt(v: number | bigint): PyInt {
    if (typeof v === 'bigint') {
      if (v >= -9007199254740991n && v <= 9007199254740991n) v = Number(v);
    }
    if (typeof v === 'number' && v >= SMALL_MIN && v <= SMALL_MAX && Number.isInteger(v)) {
      const o = this.smallInts[v - SMALL_MIN];
      o.rc++;
      return o;
    }
    const o = new PyInt(this.types.int, v);
    o.bsize = 32; o.addr = this.heap.rawAddress(o.bsize);
    return o;
  }

  smallInt(v: number): PyInt { return this.smallInts[v - SMALL_MIN]; }
  /** o is one of the cached small ints (-5 … 256). */
  isSmallInt(o: PyInt): boolean {
    const v = o.v;
    return typeof v === 'number' && v >= SMALL_MIN && v <= SMALL_MAX && this.smallInts[v - SMALL_MIN] === o;
  }

  newBool(b: boolean): PyBool { const o = b ? this.True : this.False; o.rc++; return o; }
  newNone(): PyNone { this.None.rc++; return this.None; }

  newFloat(v: number): PyFloat {
    const o = new PyFloat(this.types.float, v);
    o.bsize = 24; o.addr = this.heap.rawAddress(o.bsize);
    return o;
  }

  newStr(v: string): PyStr {
    if (v.length <= 1) {
      const cached = this.interned.get(v);
      if (cached && (v.length === 0 || v.charCodeAt(0) < 256)) { cached.rc++; return cached; }
    }
    const o = new PyStr(this.types.str, v);
    o.bsize = 49 + v.length; o.addr = this.heap.rawAddress(o.bsize);
    if (v.length <= 1 && (v.length === 0 || v.charCodeAt(0) < 256)) {
      this.static(o, true);
      o.interned = true;
      this.interned.set(v, o);
      o.rc++;
    }
    return o;
  }

  /** An interned string (identifiers, attribute names); statically allocated in 3.11 when "identifier-like" from start-up. */
  intern(v: string): PyStr {
    let o = this.interned.get(v);
    if (!o) {
      o = new PyStr(this.types.str, v);
      o.bsize = 49 + v.length; o.addr = this.heap.rawAddress(o.bsize);
      o.interned = true;
      o.rc = this.profile.sharedRefcounts === 'immortal' ? this.profile.immortalRefcount : 1;
      this.interned.set(v, o);
    }
    o.rc++;
    return o;
  }

  newBytes(v: Uint8Array): PyBytes {
    const o = new PyBytes(this.types.bytes, v);
    o.bsize = 33 + v.length; o.addr = this.heap.rawAddress(o.bsize);
    return o;
  }

  /** A list; items are stolen references. `viaType`: list() allocates through tp_alloc, never from the free list. */
  newList(items: PyObject[], viaType = false): PyList {
    const addr = this.gcAlloc(72, viaType ? null : 'list');
    const o = new PyList(this.types.list, items);
    o.addr = addr; o.bsize = 72;
    this.noteAlloc(o);
    this.heap.track(o);
    return o;
  }

  /** A tuple; items are stolen references. The empty tuple is a shared singleton. */
  newTuple(items: PyObject[], track = true): PyTuple {
    if (items.length === 0) return this.inc(this.emptyTuple);
    const addr = this.gcAlloc(tupleSize(items.length), 'tuple', items.length);
    const o = new PyTuple(this.types.tuple, items);
    o.addr = addr; o.bsize = tupleSize(items.length);
    this.noteAlloc(o);
    if (track) this.heap.track(o);
    return o;
  }

  /** _PyTuple_FromArray (BUILD_TUPLE, list to tuple, *args) and PyTuple_Pack: 3.14 leaves the tuple
   *  untracked when none of its items is a GC object (measured: a tuple holding an untracked tuple is
   *  tracked; int/float.as_integer_ratio(), enumerate's and dict item iterators' result tuples). */
  newTupleFromArray(items: PyObject[]): PyTuple {
    return this.newTuple(items, !this.profile.tuplesTrackedOnlyIfNeeded || items.some((x) => x.type.isGC));
  }

  private _emptyTuple: PyTuple | null = null;
  get emptyTuple(): PyTuple {
    if (!this._emptyTuple) {
      this._emptyTuple = this.static(new PyTuple(this.types.tuple, []), true);
    }
    return this._emptyTuple;
  }

  /** A constant tuple made by the compiler: untracked, like co_consts tuples. */
  constTuple(items: PyObject[]): PyTuple {
    if (items.length === 0) return this.inc(this.emptyTuple);
    const o = new PyTuple(this.types.tuple, items);
    o.bsize = tupleSize(items.length); o.addr = this.heap.rawAddress(o.bsize);
    return o;
  }

  /** A new empty dict (untracked until a GC-able key or value is stored). `viaType`: dict() bypasses the free list. */
  newDict(viaType = false): PyDict {
    const addr = this.gcAlloc(this.heap.dictBytes, viaType ? null : 'dict');
    const o = new PyDict(this.types.dict);
    o.addr = addr; o.bsize = this.heap.dictBytes;
    this.noteAlloc(o);
    if (this.profile.dictsTrackedAtCreation) this.heap.track(o);
    return o;
  }

  /** A dict that is part of the interpreter (module and class namespaces): not counted. */
  rawDict(): PyDict {
    const o = new PyDict(this.types.dict);
    o.bsize = this.heap.dictBytes; o.addr = this.heap.rawAddress(o.bsize);
    return o;
  }

  newSet(type = this.types.set): PySet {
    // 2.7 make_new_set: exact sets and frozensets come from the set free list (none in 3.x).
    const addr = this.gcAlloc(216, type === this.types.set || type === this.types.frozenset ? 'set' : null);
    const o = new PySet(type);
    o.addr = addr; o.bsize = 216;
    this.noteAlloc(o);
    this.heap.track(o);
    return o;
  }

  newCell(ref: PyObject | null): PyCell {
    const addr = this.gcAlloc(40, null);
    const o = new PyCell(this.types.cell, ref);
    o.addr = addr; o.bsize = 40;
    this.noteAlloc(o);
    this.heap.track(o);
    return o;
  }

  /** Allocate any other GC object: counted, then tracked if `track`. */
  gcNew<T extends PyObject>(make: () => T, bytes: number, track = true, fl: FreeListKind = null): T {
    const addr = this.gcAlloc(bytes, fl);
    const o = make();
    o.addr = addr;
    o.bsize = bytes;
    this.noteAlloc(o);
    if (track) this.heap.track(o);
    return o;
  }

  /** A non-GC object with an address. */
  rawNew<T extends PyObject>(o: T, bytes: number): T {
    o.bsize = bytes; o.addr = this.heap.rawAddress(o.bsize);
    return o;
  }

  newBuiltin(name: string, impl: NativeImpl, self: PyObject | null = null, qualname = name): PyBuiltin {
    if (self) {
      return this.gcNew(() => new PyBuiltin(this.types.builtin_function_or_method, name, impl, this.inc(self), qualname), 72, true, 'cfunction');
    }
    // Module-level builtins exist from start-up: not counted.
    const o = new PyBuiltin(this.types.builtin_function_or_method, name, impl, null, qualname);
    o.bsize = 72; o.addr = this.heap.rawAddress(o.bsize);
    o.rc = 1000;
    return o;
  }

  newInstance(type: PyType): PyInstance {
    let o: PyInstance;
    if (type.isGC) {
      const bytes = newInstanceBytes(this, type, this.profile.instanceBytes ?? 48);
      const addr = this.gcAlloc(bytes, null);
      o = new PyInstance(type);
      o.addr = addr;
      o.bsize = bytes;
      this.noteAlloc(o);
    } else o = this.rawNew(new PyInstance(type), 16);
    type.rc++;
    if (type.slotNames) o.slots = type.slotNames.map(() => null);
    if (type.isGC) this.heap.track(o);
    if (type.classic) classicInstanceInit(this, o);
    return o;
  }

  // ---- dict storage with CPython's tracking rule ------------------------------------------

  /** May this object become part of a cycle? (_PyObject_GC_MAY_BE_TRACKED) */
  mayBeTracked(o: PyObject): boolean {
    if (!o.type.isGC) return false;
    if (o instanceof PyTuple) return o.gcGen !== -1;
    // PyObject_IS_GC: type's tp_is_gc says a static (non-heap) type is not a GC object
    if (o instanceof PyType) return o.isHeap;
    return true;
  }

  /** Track a dict when a GC-able key or value is stored (MAINTAIN_TRACKING). */
  maintainDictTracking(d: PyDict, key: PyObject, value: PyObject): void {
    if (d.gcGen === -1 && !d.untrackable && (this.mayBeTracked(key) || this.mayBeTracked(value))) this.heap.track(d);
  }

  // ---- exceptions ------------------------------------------------------------------------

  /** Build a Python exception instance of a builtin type with a message. */
  makeExc(typeName: string, msg?: string): PyException {
    const t = this.types.get(typeName);
    return this.makeExcOf(t, msg === undefined ? [] : [this.newStr(msg)]);
  }

  makeExcOf(t: PyType, args: PyObject[]): PyException {
    const e = this.gcNew(() => new PyException(t), 80, false);
    t.rc++;
    e.args = this.newTuple(args);
    this.heap.track(e);
    return e;
  }

  /** Throw a Python exception (JS control flow). */
  raise(typeName: string, msg?: string): never {
    const exc = this.makeExc(typeName, msg);
    if (this.profile.version[0] === 2) noteRaisedFromC(exc);
    throw new PyRaise(exc);
  }
}

