// The simulated heap's objects. Every Python value is a PyObject with a
// refcount (`rc`), a type, a simulated address and, for GC-capable types, the
// GC header fields CPython keeps in PyGC_Head (generation list links,
// gc_refs during a collection, the FINALIZED bit).
//
// Where to start: PyObject (header), then the concrete classes below in the
// order lists, tuples, dicts, instances, functions, types.

import './vm/v8tuning';
import type { Code } from './compiler/code';

/** Intrusive doubly-linked list node: the GC generation lists link objects directly. */
export interface GcNode {
  gcPrev: GcNode | null;
  gcNext: GcNode | null;
}

/** Where new objects take their serial number from: the active engine's counter
 *  (part of its state, so a replayed run numbers its objects the same way). */
let serialSource = { n: 0 };
export function setSerialSource(s: { n: number }): void { serialSource = s; }

export abstract class PyObject implements GcNode {
  /** Links of the generation list holding this object (PyGC_Head). */
  declare gcNext: GcNode | null;
  declare gcPrev: GcNode | null;
  /** gc_refs during a collection. */
  declare gcRefs: number;
  /** Flags used by collector phases (reachable / unreachable marks). */
  declare gcFlags: number;
  /** ob_refcnt */
  declare rc: number;
  declare type: PyType;
  /** -1 untracked; 0..2 generation; 3 permanent (frozen). */
  declare gcGen: number;
  /** The simulated address minus ADDR_BASE (0 for none): a small integer, where the full
   *  address would be a double that V8 boxes in a separate heap object. */
  declare addrOff: number;
  /** Size of the memory block, in bytes (decides which freed blocks it may reuse). */
  declare bsize: number;
  /** Creation serial: stable identity for snapshots and hashing. */
  declare readonly serial: number;
  /** PEP 442 FINALIZED bit. */
  declare finalized: boolean;
  /** Weak references to this object (tp_weaklist), oldest first. */
  declare weakrefs: PyWeakref[] | null;
  /** Where the object was allocated: [line, frame name] for the debugger. */
  declare allocLine: number;

  constructor(type: PyType) {
    // V8 notes. (1) A property store is fast while its site has seen few hidden classes,
    // and every class here extends PyObject: the classes allocated in bulk write the
    // header through functions of their own (identical copies of the stores below).
    // (2) V8 sizes an object's in-object fields from the `this.x =` assignments in its
    // constructors (fields beyond go to a separate array): the stores below count them.
    // (3) GC-hot fields come first.
    const k: unknown = new.target;
    if (k === PyInstance) headerInstance(this, type);
    else if (k === PyInt) headerInt(this, type);
    else if (k === PyList || k === PyTuple || k === PyDict) headerContainer(this, type);
    else if (k === PyStr || k === PyFloat || k === PyMethod || k === PyCell) headerOther(this, type);
    else {
      this.gcNext = null; this.gcPrev = null; this.gcRefs = 0; this.gcFlags = 0; this.rc = 1; this.type = type;
      this.gcGen = -1; this.addrOff = 0; this.bsize = 32; this.serial = ++serialSource.n; this.finalized = false; this.weakrefs = null; this.allocLine = 0;
    }
  }

  /** Simulated address (id()). */
  get addr(): number { return this.addrOff === 0 ? 0 : ADDR_BASE + this.addrOff; }
  set addr(a: number) {
    const off = a === 0 ? 0 : a - ADDR_BASE;
    this.addrOff = off <= 0x3fffffff ? off | 0 : off; // `| 0`: an integer V8 keeps unboxed (a Smi)
  }
}

/** Where simulated addresses start (every one is above it). */
export const ADDR_BASE = 0x7f3a5c000000;

type Header = { -readonly [K in 'gcNext' | 'gcPrev' | 'gcRefs' | 'gcFlags' | 'rc' | 'type' | 'gcGen' | 'addrOff' | 'bsize' | 'serial' | 'finalized' | 'weakrefs' | 'allocLine']: PyObject[K] };
function headerInstance(o: Header, t: PyType): void {
  o.gcNext = null; o.gcPrev = null; o.gcRefs = 0; o.gcFlags = 0; o.rc = 1; o.type = t;
  o.gcGen = -1; o.addrOff = 0; o.bsize = 32; o.serial = ++serialSource.n; o.finalized = false; o.weakrefs = null; o.allocLine = 0;
}
function headerInt(o: Header, t: PyType): void {
  o.gcNext = null; o.gcPrev = null; o.gcRefs = 0; o.gcFlags = 0; o.rc = 1; o.type = t;
  o.gcGen = -1; o.addrOff = 0; o.bsize = 32; o.serial = ++serialSource.n; o.finalized = false; o.weakrefs = null; o.allocLine = 0;
}
function headerContainer(o: Header, t: PyType): void {
  o.gcNext = null; o.gcPrev = null; o.gcRefs = 0; o.gcFlags = 0; o.rc = 1; o.type = t;
  o.gcGen = -1; o.addrOff = 0; o.bsize = 32; o.serial = ++serialSource.n; o.finalized = false; o.weakrefs = null; o.allocLine = 0;
}
function headerOther(o: Header, t: PyType): void {
  o.gcNext = null; o.gcPrev = null; o.gcRefs = 0; o.gcFlags = 0; o.rc = 1; o.type = t;
  o.gcGen = -1; o.addrOff = 0; o.bsize = 32; o.serial = ++serialSource.n; o.finalized = false; o.weakrefs = null; o.allocLine = 0;
}

export const GCFLAG_COLLECTING = 1;
export const GCFLAG_UNREACHABLE = 2;
export const GCFLAG_REACHABLE = 4;

// ---- atoms -------------------------------------------------------------------

export class PyNone extends PyObject {}
export class PyNotImplemented extends PyObject {}
export class PyEllipsis extends PyObject {}

export class PyInt extends PyObject {
  constructor(type: PyType, public v: number | bigint) { super(type); }
}
export class PyBool extends PyInt {}
export class PyFloat extends PyObject {
  constructor(type: PyType, public v: number) { super(type); }
}
export class PyStr extends PyObject {
  /** Interned strings are shared; statically allocated ones (3.11) report the static base. */
  interned = false;
  constructor(type: PyType, public v: string) { super(type); }
}
export class PyBytes extends PyObject {
  constructor(type: PyType, public v: Uint8Array) { super(type); }
}

// ---- containers ---------------------------------------------------------------

export class PyList extends PyObject {
  /** list_resize state, kept by engine/sizes.ts: ob_allocated (-1: not followed), the length it
   *  last saw, and whether ob_item is NULL. */
  allocated: number;
  sizeSeen: number;
  itemsNull: boolean;
  constructor(type: PyType, public items: PyObject[]) {
    super(type);
    this.allocated = -1; this.sizeSeen = items.length; this.itemsNull = items.length === 0;
  }
}
/** Stands for `weight` objects the interpreter itself keeps in a generation
 *  (its modules, functions, classes): never garbage, counted by weight. */
export class PyStandIn extends PyList {
  constructor(type: PyType, public weight: number) { super(type, []); }
}

export class PyTuple extends PyObject {
  constructor(type: PyType, public items: PyObject[]) { super(type); }
}

/** Dict/set keys are mapped to JS Map keys: str → the string, numbers → number,
 *  everything else → an identity or structural key object (see hashing.ts). */
export type MapKey = string | number | object;

export interface DictEntry { key: PyObject; value: PyObject }

/** Makes the storage of new dicts: a Map, or under the 2.7 profile one that iterates in
 *  hash-table order (py2/dictorder.ts); set when an interpreter is created or activated. */
export const dictStorage = { make: (): Map<MapKey, DictEntry> => new Map() };

export class PyDict extends PyObject {
  map: Map<MapKey, DictEntry> = dictStorage.make();
  /** Materialised inline-values dicts in 3.13 are never tracked. */
  untrackable = false;
  /** The keys table, kept by engine/sizes.ts: its size (0: the shared empty keys, -1: not
   *  followed), entries used (dk_nentries), str-only kind (3.11+), and the length it last saw. */
  dk = -1;
  dkEntries = 0;
  dkUnicode = false;
  dkLen = 0;
  constructor(type: PyType) { super(type); }
}

/** set/frozenset: CPython's hash table (see settable.ts). An unused slot has
 *  key null and hash 0n, a dummy (deleted) slot key null and hash -1n. */
export class PySet extends PyObject {
  table: (PyObject | null)[] = [null, null, null, null, null, null, null, null];
  hashes: bigint[] = [0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n];
  /** Active plus dummy slots. */
  fill = 0;
  /** Active slots (len). */
  used = 0;
  /** set_pop's search finger. */
  finger = 0;
  constructor(type: PyType) { super(type); }
  /** Read-only view of the members in iteration (table) order, for readers
   *  such as traversal and the debugger; clear() empties the table without
   *  releasing anything (the caller releases the members it took). */
  get map(): SetMembersView { return new SetMembersView(this); }
}

export class SetMembersView {
  constructor(private readonly s: PySet) {}
  get size(): number { return this.s.used; }
  *values(): IterableIterator<PyObject> { for (const k of this.s.table) if (k !== null) yield k; }
  clear(): void {
    this.s.table = [null, null, null, null, null, null, null, null];
    this.s.hashes = [0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n];
    this.s.fill = 0; this.s.used = 0;
  }
}

// ---- instances ----------------------------------------------------------------

export class PyInstance extends PyObject {
  /** Inline values (3.11+ managed dict), indexed like the class's shared keys, when no dict is materialised. */
  values: (PyObject | null)[] | null = null;
  /** The instance __dict__ when it exists as an object. */
  dict: PyDict | null = null;
  /** __slots__ storage. */
  slots: (PyObject | null)[] | null = null;
  /** Builtin payload for instances of builtin subclasses (e.g. exception args). */
  constructor(type: PyType) { super(type); }
}

export class PyException extends PyInstance {
  args: PyTuple | null = null;
  traceback: PyTraceback | null = null;
  context: PyObject | null = null;
  cause: PyObject | null = null;
  suppressContext = false;
}

/**
 * A frame object (PyFrameObject), made when a traceback needs one. While its frame runs
 * the frame owns the locals; when the object outlives the call it takes them over
 * (3.11+ take_ownership; ≤3.10 the frame object simply stays alive), and f_back with them.
 */
export class PyFrameObj extends PyObject {
  back: PyFrameObj | null = null;
  /** The call has finished and this object holds the frame's locals and cells. */
  owned = false;
  /** Not a counted GC allocation (≤3.10 module and class-body frames). */
  raw = false;
  constructor(type: PyType, public frame: import('./vm/frame').Frame) { super(type); }
}

/** A generator object (genobject.c): the suspended frame it owns, and its state. */
export class PyGenerator extends PyObject {
  /** The frame (null once the generator dropped it: finished, or cleared). */
  frame: import('./vm/frame').Frame | null;
  /** ≤3.10 gi_frame: the frame object holding the frame (one reference), or null. */
  frameObj: PyFrameObj | null = null;
  /** created / suspended at a yield / running / completed (3.11+ gi_frame_state). */
  state: 'created' | 'suspended' | 'running' | 'completed' = 'created';
  constructor(type: PyType, frame: import('./vm/frame').Frame, public name: string, public qualname: string) {
    super(type);
    this.frame = frame;
  }
}

export class PyTraceback extends PyObject {
  /** tb_frame */
  frameObj: PyFrameObj | null = null;
  constructor(type: PyType, public next: PyTraceback | null, public frameName: string, public filename: string,
    public lineno: number, public code: Code | null, public pos: [number, number, number, number] | null) { super(type); }
}

// ---- callables ----------------------------------------------------------------

export class PyCell extends PyObject {
  constructor(type: PyType, public ref: PyObject | null) { super(type); }
}

export class PyFunction extends PyObject {
  dict: PyDict | null = null;
  constructor(type: PyType, public code: Code, public globals: PyDict, public name: string, public qualname: string,
    public defaults: PyTuple | null, public kwdefaults: PyDict | null, public closure: PyTuple | null) { super(type); }
}

export type NativeImpl = (args: PyObject[], kwnames: string[] | null, self: PyObject | null) => PyObject;

/** builtin_function_or_method: a native function, optionally bound to `self` (e.g. list.append bound). */
export class PyBuiltin extends PyObject {
  /** Set for method descriptors of builtin types (list.append …): self is the first argument. */
  methodOf: PyType | null = null;
  /** Set for class methods of builtin types (dict.fromkeys): bound to the type on access. */
  classMethodOf: PyType | null = null;
  /** METH_VARARGS: each call builds a tuple of its positional arguments (and a dict for keywords). */
  varargs = false;
  constructor(type: PyType, public name: string, public impl: NativeImpl, public self: PyObject | null,
    public qualname: string) { super(type); }
}

export class PyMethod extends PyObject {
  /** 2.7 unbound method (im_self NULL): `self` holds im_class, the class it was read from. */
  unbound = false;
  constructor(type: PyType, public func: PyObject, public self: PyObject) { super(type); }
}

export class PyModule extends PyObject {
  constructor(type: PyType, public name: string, public dict: PyDict) { super(type); }
}

/** staticmethod / classmethod / property wrappers. */
export class PyDescriptorWrapper extends PyObject {
  constructor(type: PyType, public func: PyObject, public fset: PyObject | null = null,
    public fdel: PyObject | null = null) { super(type); }
}

export class PyWeakref extends PyObject {
  constructor(type: PyType, public referent: PyObject | null, public callback: PyObject | null) { super(type); }
}

export class PySuper extends PyObject {
  constructor(type: PyType, public thisType: PyType, public obj: PyObject) { super(type); }
}

export class PyRange extends PyObject {
  constructor(type: PyType, public start: number, public stop: number, public step: number) { super(type); }
}

export class PySlice extends PyObject {
  constructor(type: PyType, public start: PyObject, public stop: PyObject, public step: PyObject) { super(type); }
}

/** Iterators over builtin sequences and other iterables. */
export class PyIterator extends PyObject {
  index = 0;
  constructor(type: PyType, public source: PyObject | null, public kind: IterKind, public extra: PyObject[] = []) {
    super(type);
  }
  /** For range iterators. */
  cur = 0; stop = 0; step = 1;
  /** Snapshot of keys for dict/set iteration. */
  keys: PyObject[] | null = null;
}

export type IterKind =
  | 'list' | 'tuple' | 'str' | 'range' | 'dict-keys' | 'dict-values' | 'dict-items' | 'set'
  | 'enumerate' | 'zip' | 'reversed' | 'map' | 'filter' | 'callable' | 'dict-reversed'
  /** iter(callable, sentinel): the callable is `source`, the sentinel `extra[0]`. */
  | 'calliter';

/** dict views (keys(), values(), items()). */
/** A dict view (keys/values/items), or a class's `__dict__` mappingproxy ('proxy'). */
export class PyDictView extends PyObject {
  constructor(type: PyType, public dict: PyDict, public kind: 'keys' | 'values' | 'items' | 'proxy') { super(type); }
}

/** A heap or builtin type. */
export class PyType extends PyObject {
  /** Class namespace (a real dict object for heap types). */
  dict: PyDict | null = null;
  mro: PyType[] = [];
  bases: PyType[] = [];
  /** Internal objects a heap type owns (mro/bases tuples, descriptors) for GC fidelity. */
  internals: PyObject[] = [];
  /** Instances are GC-capable. */
  isGC = false;
  isHeap = false;
  /** Instances have a __dict__ (or inline values). */
  hasInstDict = false;
  weakrefable = false;
  slotNames: string[] | null = null;
  /** Shared keys of instances' inline values (3.11+): name → index, in first-insertion order. */
  sharedKeys: Map<string, number> | null = null;
  /** dk_usable of the shared keys (3.13+ inline values, engine/inlinevalues.ts); -1 until first used. */
  keysUsable = -1;
  /** Cached lookups, reset when the class or a base changes. */
  cacheEpoch = -1;
  methodCache: Map<string, PyObject | null> | null = null;
  slotEpoch = -1;
  slotInit: PyObject | null = null;
  slotDel: PyObject | null = null;
  module = 'builtins';
  qualname: string;
  /** The weak reference to this type that each base's tp_subclasses holds (one per base; shared). */
  subclassRefs: (PyWeakref | null)[] = [];
  /** tp_subclasses: the weak references to this type's subclasses (3.x a dict keyed by address,
   *  2.7 a list that keeps dead references), and that container's memory (null for static types,
   *  whose container exists from start-up). See engine/vm/subclasses.ts. */
  subclasses: PyWeakref[] | null = null;
  subclassesBlock: import('./hidden').Block | null = null;
  /** 2.7 old-style class (classobj; src/engine/py2/classic.ts). */
  classic = false;
  /** Calls go through tp_call with an argument tuple (no vectorcall in 3.11): heap types, str, exceptions … */
  tpCallTuple = false;
  /** Which builtin this type is or derives from ('object', 'list', 'int', 'BaseException', …). */
  builtinBase: string;
  /** The C-level name (tp_name): dotted with its module for some builtin types ('weakref.ReferenceType', 'sys.version_info',
   *  2.7's 'exceptions.ValueError'), and what reprs and error messages show; `name` is the engine's own name for it. */
  tpName: string;
  /** A struct sequence type (sys.version_info): its fields' names, readable as attributes of its tuple instances. */
  structFields: string[] | null = null;
  constructor(metatype: PyType | null, public name: string, builtinBase: string) {
    super(metatype as PyType);
    this.qualname = name;
    this.tpName = name;
    this.builtinBase = builtinBase;
  }
}
