// Version profiles: everything that differs between CPython versions lives
// here as data, so the engine has one code path with profile switches.
// Values come from ../../docs and the oracle corpus (test/oracle), never
// from guesses: each field names the behaviour it selects.

export type ProfileName =
  | '2.7' | '3.6' | '3.7' | '3.8' | '3.9' | '3.10' | '3.11' | '3.12' | '3.13' | '3.14';

export interface Profile {
  name: ProfileName;
  /** Full version string reported by sys.version_info (major, minor, micro). */
  version: [number, number, number];
  /** Default gc thresholds. */
  thresholds: [number, number, number];
  /** Legacy (pre-3.4) finalizers: cycles with __del__ are uncollectable. */
  legacyFinalizers: boolean;
  /** Instance attributes: 'dict' = separate dict object (≤3.10);
   *  'inline' = inline values, dict materialised on demand (3.11/3.12);
   *  'inline-untracked' = as inline, materialised dict never tracked (3.13);
   *  'inline-view' = the materialised dict is a tracked view of the inline values whose
   *  tp_traverse visits nothing (3.14: dict_traverse skips embedded values). */
  instanceLayout: 'dict' | 'inline' | 'inline-untracked' | 'inline-view';
  /** Number of attributes above which inline values fall back to a dict. */
  inlineAttrLimit: number;
  /** 3.13+: inline values are part of the instance's memory block, sized from the class's
   *  shared keys, which shrink by one entry per new instance (engine/inlinevalues.ts). */
  inlineValuesInObject?: boolean;
  /** Memory block of a dict object and of a plain instance (GC header included): 64 and 48
   *  bytes with 3.8+'s 16-byte PyGC_Head; 80 and 64 with 3.6's 32-byte one (sys.getsizeof). */
  dictBytes?: number;
  instanceBytes?: number;
  /** Arguments of Python-to-Python calls: 'copy' keeps the caller's stack
   *  reference during the call (≤3.10, +2), 'move' moves it (3.11+, +1). */
  argPassing: 'copy' | 'move';
  /** How shared objects report refcounts: 'ordinary' counts, 'static' base
   *  999999999 (3.11), 'immortal' fixed value (3.12+). */
  sharedRefcounts: 'ordinary' | 'static' | 'immortal';
  immortalRefcount: number;
  staticBase: number;
  /** 3.8+: the compiler merges equal constants across all code objects of a module, tuple and
   *  frozenset items included (merge_consts_recursive; scripts/probes/const_merging.py). */
  mergeConsts: boolean;
  /** The build's hashing, not a version difference: unset = a 64-bit build (SipHash); 'wasm32' =
   *  Pyodide's (the 3.14 oracle): 32-bit Py_hash_t and size_t, FNV for str and bytes, so other
   *  hash() values and set orders (`pygc run --hash wasm32`; src/engine/pyhash.ts). */
  hashBuild?: 'wasm32';
  /** ≤3.6: constants the peephole optimiser makes (folded arithmetic, constant tuples) are
   *  held by co_consts only, as the parser's arena never held them. */
  foldedConsts?: boolean;
  /** Constant tuples start tracked by the collector (PyTuple_New), until a collection untracks
   *  them; 3.12 creates them untracked (scripts/probes/const_merging.py). */
  constTuplesTracked: boolean;
  /** Automatic collection: 'alloc' = inside the allocation (≤3.11),
   *  'eval-breaker' = at the next eval-breaker check (3.12+). */
  autoCollect: 'alloc' | 'eval-breaker';
  /** Resurrection handling after finalizers: 'count-all' (3.6: counted,
   *  nothing freed), 'abort' (3.7/3.8: whole set kept, not counted),
   *  'partial' (3.9+: only resurrected part kept). */
  resurrection: 'count-all' | 'abort' | 'partial';
  /** Trashcan: 'defer-next' = deep deallocs beyond the limit wait for the
   *  next trashcan dealloc (3.6/3.7); 'flush' = finished before returning. */
  trashcan: 'defer-next' | 'flush';
  /** DEBUG_STATS formats. */
  statsDoneWhenNothing: 'short-dot' | 'short' | 'counts';
  statsPermanentLine: boolean;
  /** "Exception ignored in" header for __del__: bound method (≤3.6) or function. */
  delIgnoredHeader: 'py2' | 'bound-method' | 'function';
  /** Weakref callback vs __del__ on refcount death: 'callback-first' (2.7). */
  weakrefOrder: 'callback-first' | 'del-first';
  /** ≤3.7: call_function unpacks a bound method (CALL_FUNCTION, CALL_FUNCTION_KW, CALL_METHOD
   *  without a method): `self` replaces the method object on the stack (+1 on self for the
   *  call, the method released before the call) and the function is held until it returns.
   *  3.8+ (vectorcall) passes self without a reference and keeps the method on the stack. */
  boundMethodSelfOnStack: boolean;
  /** gc.get_objects() takes the `generation` argument (3.8+); before, METH_NOARGS. */
  getObjectsGeneration: boolean;
  /** set_threshold argument error wording. */
  setThresholdErrors: 'classic' | '3.13';
  /** Objects in the permanent generation at start-up (3.12.1: 375 tuples). */
  permanentAtStart: number;
  /** The collector's state when the script's first line runs: the interpreter's
   *  own tracked objects per generation (stand-ins in the simulation), the
   *  counters, the long-lived bookkeeping and the statistics. They decide when
   *  automatic collections (full ones especially) run. Measured with `site`
   *  enabled by scripts/probes/startup_state.py (test/calibration/startup_state.jsonl). */
  startup: {
    generationSizes: [number, number, number];
    count: [number, number, number];
    longLivedPending: number;
    longLivedTotal: number;
    stats: [number, number, number][];
  };
  /** 'ordinary' shared refcounts that do not depend on `site` (the same with -S): the
   *  references held by parts of the interpreter the simulation does not model, i.e.
   *  sys.getrefcount(X) at the script's first line minus the references of the simulated
   *  builtins and code (probe: docs/calibration/shared-refcounts.md). Other shared objects
   *  start at 1000 (their counts depend on start-up and are not compared). */
  unmodelledRefs: { ellipsis: number; smallInts: Record<number, number>; types: Record<string, number> } | null;
  /** Tracebacks show the absolute script path (3.9+). */
  absoluteMainFile: boolean;
  /** Fine-grained error locations (carets) in tracebacks (3.11+). */
  tracebackCarets: boolean;
  /** 3.13+ also anchors calls: `~~~~^^` under `func(args)`. */
  callCarets: boolean;
  /** 3.13+: "… and no __dict__ for setting new attributes" when a __slots__ class refuses one. */
  slotsAttrErrorSuffix: boolean;
  /** The "%d format: … is required, not str" wording: 'a real number' (3.10+) or 'a number'. */
  percentNumberWord: string;
  /** Recursion limit. */
  recursionLimit: number;
  /** Hidden allocations (docs/calibration): print's keyword-name tuple on the first call,
   *  vars()' argument tuple, the transient objects of re-importing a module, whether
   *  str() builds an argument tuple, and whether parked 20-tuples are reused. */
  hidden: { printKwtuple: boolean; varsArgsTuple: boolean; importTransients: boolean; strArgsTuple: boolean; tuple20Reused: boolean;
    /** print builds a varargs tuple (METH_VARARGS|METH_KEYWORDS; false for 3.9/3.10's METH_FASTCALL). */
    printArgsTuple: boolean;
    /** 3.7–3.10: print's keyword-name tuple (_PyArg_Parser.kwtuple) is built by the first call
     *  that passes keywords (printKwtuple: by the first call of all). */
    printKwtupleOnKeywords?: boolean;
    /** super(type, obj) from C (type_new's __init_subclass__ call) goes through tp_call with an
     *  argument 2-tuple (≤3.10: super has no vectorcall). */
    superArgsTuple: boolean;
    /** Builtin types besides 3.11's without vectorcall: calling them builds an argument tuple
     *  (measured: `type(o)` before 3.10; range, list, tuple, dict, set, frozenset before 3.9). */
    tpCallTypes?: string[];
    /** Builtin functions that are METH_VARARGS (their calls build an argument tuple; default
     *  min and max; 3.7 also iter, 3.13 none: test/scenarios/gc_builtin_allocs.py). */
    varargsBuiltins?: string[];
    /** Argument Clinic parsers build their keyword-name tuple at the first call with keywords
     *  (list.sort; 3.8–3.11: test/scenarios/gc_builtin_allocs.py). */
    clinicKwtuples?: boolean;
    /** 3.6: print's keyword arguments arrive as a dict (_PyStack_AsDict), and TextIOWrapper.write
     *  creates its pending list on the first write (3.7+: on the second). */
    printKwargsDict?: boolean; pendingListFirstWrite?: boolean;
    /** 3.6: TextIOWrapper.write encodes every string into a new bytes object that the pending
     *  list holds until the flush (3.8+ keeps an ASCII str itself; traced with gdb, see
     *  scripts/probes/addr_pending_bytes_36.py). */
    pendingBytesObjects?: boolean;
    /** 3.6: int/float/str.__format__ are METH_VARARGS, so PyObject_Format's call builds an argument tuple. */
    formatMethodTuple?: boolean;
    /** 3.6: __build_class__ is METH_VARARGS (argument tuple) and calls __prepare__ (a PyCFunction)
     *  with a (name, bases) tuple (trace S47@3.6). */
    buildClassArgsTuple?: boolean;
    /** Calling a class builds an argument tuple (tp_call); false: 3.14 (measured, no tuple). */
    classCallTuple?: boolean;
    /** Temporary lists built by mro_implementation for a new class (3.6: 4, traced in S47). */
    mroTempLists?: number;
    /** 2.7: sys.stdout/sys.stderr are C `file` objects: writes allocate nothing (no bound write
     *  method, no TextIOWrapper pending list). */
    cFileStdio?: boolean;
    /** 2.7: tuple/list/dict reprs build a temporary pieces tuple (tuplerepr) or list. */
    reprPieces?: boolean;
    /** 2.7: a Python function called from C through a bound method (instancemethod_call) or
     *  with PyObject_CallFunctionObjArgs (weakref callbacks) gets an argument tuple. */
    methodCallTuple?: boolean;
    /** 2.7: builtins called with an argument tuple (METH_VARARGS) besides the 3.x ones, as
     *  "name", "module.name" or "type.method". */
    varargsNames?: string[] };
  /** ≤3.10: every Python-level call runs in a PyFrameObject, a GC allocation. Each code
   *  object keeps its last finished frame as a zombie (co_zombieframe) for the next call;
   *  other finished frames go to the frame free list (frameFreeList entries, emptied by
   *  full collections) or are freed. 0 = no frame objects (3.11+: frames live in the
   *  interpreter's own stack, materialised only on demand). */
  frameFreeList: number;
  /** 2.7/3.6: PyFrame_New tracks every frame object at creation (3.7+: a frame object is
   *  tracked only once it outlives its call). */
  frameTrackedAtCall?: boolean;
  /** Free-list capacities (0 = no free list). cfunction: builtin bound methods (PyCFunction,
   *  ≤3.8: 256; gone in 3.9). */
  freeListCapacity: { list: number; dict: number; tuple: number; cfunction?: number; method?: number; set?: number };
  /** ≤3.6: no LOAD_METHOD at run time (every `obj.meth(…)` builds a bound method: PyMethod or
   *  PyCFunction, from their free lists), and slot_tp_init/slot_tp_finalize call __init__/__del__
   *  through a bound method (lookup_method). */
  bindsMethods?: boolean;
  /** 3.14.0–3.14.4: the incremental collector (gc/incremental.ts): young generation, two old
   *  spaces, gc.collect(1) and automatic collections run one increment. */
  incrementalGc?: boolean;
  /** The incremental collector's state at start-up beyond the list sizes of `startup`
   *  (generationSizes = young, old[visited], old[pending]): the phase, the work budget left,
   *  how many young objects are tuples the next untrack_tuples untracks, and how many old
   *  objects the mark phase does not reach from the roots. */
  incrementalStartup?: { phase: 'mark' | 'collect'; workToDo: number; youngTuples: number; notFromRoots: number };
  /** 3.14.1+: count[0] counts track events (+1 on track, -1 on untrack) instead of GC allocations. */
  gcCountsTracks?: boolean;
  /** 3.14: unraisable exceptions say what was running ("Exception ignored while calling
   *  deallocator <function …>:") instead of "Exception ignored in: <…>". */
  unraisableWhile?: boolean;
  /** 3.13+: unraisable tracebacks (PyErr_WriteUnraisable's C traceback printer) have no carets. */
  unraisableNoCarets?: boolean;
  /** 3.14: "cannot use 'list' as a dict key (unhashable type: 'list')" (and "as a set element"). */
  unhashableRole?: boolean;
  /** 3.14 folds constant tuples, unary and binary operations in the CFG (gh-126835): with
   *  foldedConsts, a folded constant (nested tuples included) is held by co_consts only. */
  foldsInCfg?: boolean;
  /** 3.14: Py_FinalizeEx's first collection runs even after gc.disable() (measured, S48). */
  shutdownCollectsWhenDisabled?: boolean;
  /** 3.14: every dict is tracked when created (no lazy tracking, no untrack_dicts). */
  dictsTrackedAtCreation?: boolean;
  /** 3.14: a new tuple whose items can never be tracked is not tracked at all. */
  tuplesTrackedOnlyIfNeeded?: boolean;
  /** Full collections keep the list and dict free lists (2.7's clear_freelists leaves them). */
  collectKeepsListDictFreeLists?: boolean;
  /** 3.13.0: an exhausted list_reverseiterator keeps its list (listreviter_next only sets the
   *  index to -1; scripts/probes/iter_release.py). */
  listRevIterKeepsList?: boolean;
  /** 3.6: BaseException_repr is the class name and the repr of the args tuple (`E('x',)`),
   *  and `str + x` says "must be str, not T". */
  py36Wording?: boolean;
  /** ≤3.7: PyErr_WriteUnraisable prints the exception value as it was set, unnormalised (dict's
   *  KeyError value is the tuple `('k',)`); 3.8's sys.unraisablehook gets it normalised
   *  (measured: `{}['k']` in __del__ prints `KeyError: ('k',)` in 3.6 and 3.7, `'k'` from 3.8). */
  unraisableRawValue?: boolean;
  /** 3.6 setobject.c: a set grows when fill reaches 2/3 of the table (3.7+: 3/5), and a new
   *  key takes the first dummy on its probe sequence (3.7+: the last). */
  setTwoThirdsFill?: boolean;
  /** 3.12.1–3.13: clear_gen_frame unlinks the generator's frame from its caller only after
   *  _PyFrame_ClearExceptCode, so a frame object that outlives the generator's frame (a
   *  traceback holds it) takes ownership with f_back set to the caller's frame object, made
   *  for that (gh-100964, fixed in 3.14.1). */
  genClearLinksCaller?: boolean;
  /** 3.13+: gen_close of a generator suspended at a yield with no enclosing try or with
   *  (RESUME_OPARG_DEPTH1_MASK) clears the frame's locals and stack (_PyFrame_ClearLocals)
   *  instead of throwing GeneratorExit in (3.12's version of the check reads the opcode
   *  instead of the depth and never applies). */
  genCloseClearsLocals?: boolean;
  /** Free-list occupancy when the script starts (start-up state). */
  freeListStart: { list: number; dict: number; tuple: number[] };
}

const BASE_311: Profile = {
  name: '3.11',
  version: [3, 11, 7],
  thresholds: [700, 10, 10],
  legacyFinalizers: false,
  // 3.11: PyObject + dict-or-values and weakref pointers (basicsize 24, 16-byte pre-header) + GC header.
  instanceBytes: 56,
  instanceLayout: 'inline',
  inlineAttrLimit: 30,
  argPassing: 'move',
  sharedRefcounts: 'static',
  immortalRefcount: 4294967295,
  staticBase: 999999999,
  mergeConsts: true,
  constTuplesTracked: true,
  autoCollect: 'alloc',
  resurrection: 'partial',
  trashcan: 'flush',
  statsDoneWhenNothing: 'counts',
  statsPermanentLine: true,
  delIgnoredHeader: 'function',
  weakrefOrder: 'del-first',
  setThresholdErrors: 'classic',
  getObjectsGeneration: true,
  boundMethodSelfOnStack: false,
  permanentAtStart: 0,
  startup: {
    generationSizes: [325, 0, 10921],
    count: [264, 0, 2],
    longLivedPending: 10921,
    longLivedTotal: 0,
    stats: [[22, 43, 0], [2, 92, 0], [0, 0, 0]],
  },
  absoluteMainFile: true,
  tracebackCarets: true,
  callCarets: false,
  slotsAttrErrorSuffix: false,
  recursionLimit: 1000,
  percentNumberWord: 'a real number',
  freeListCapacity: { list: 80, dict: 80, tuple: 2000 },
  freeListStart: { list: 0, dict: 0, tuple: [] },
  frameFreeList: 0,
  unmodelledRefs: null,
  hidden: { printKwtuple: true, varsArgsTuple: true, importTransients: true, strArgsTuple: true, tuple20Reused: false, printArgsTuple: true, superArgsTuple: false,
    tpCallTypes: ['int', 'zip'], clinicKwtuples: true },
};

/** 3.12.1: immortal objects (PEP 683), automatic collection at the next eval-breaker
 *  check, 375 frozen tuples at start-up (docs/calibration/cpython-3.12.md). */
const BASE_312: Profile = {
  ...BASE_311,
  instanceBytes: 48,
  name: '3.12',
  version: [3, 12, 1],
  sharedRefcounts: 'immortal',
  autoCollect: 'eval-breaker',
  constTuplesTracked: false,
  permanentAtStart: 375,
  startup: {
    generationSizes: [3, 4993, 0],
    count: [0, 5, 0],
    longLivedPending: 0,
    longLivedTotal: 0,
    stats: [[5, 24, 0], [0, 0, 0], [0, 0, 0]],
  },
  hidden: { ...BASE_311.hidden, printKwtuple: false, varsArgsTuple: false, importTransients: false, clinicKwtuples: false },
  genClearLinksCaller: true,
};

/** 3.13.0: threshold 2000, materialised instance dicts stay untracked, str() vectorcall,
 *  20-tuples reused, no frozen objects at start-up (docs/calibration/cpython-3.13.md). */
const BASE_313: Profile = {
  ...BASE_312,
  name: '3.13',
  unraisableNoCarets: true,
  version: [3, 13, 0],
  constTuplesTracked: true,
  thresholds: [2000, 10, 10],
  instanceLayout: 'inline-untracked',
  inlineValuesInObject: true,
  setThresholdErrors: '3.13',
  permanentAtStart: 0,
  startup: {
    generationSizes: [60, 5086, 0],
    count: [31, 3, 0],
    longLivedPending: 0,
    longLivedTotal: 0,
    stats: [[3, 24, 0], [0, 0, 0], [0, 0, 0]],
  },
  hidden: { ...BASE_312.hidden, varsArgsTuple: true, strArgsTuple: false, tuple20Reused: true, tpCallTypes: ['zip'], varargsBuiltins: [] },
  callCarets: true,
  slotsAttrErrorSuffix: true,
  listRevIterKeepsList: true,
  genCloseClearsLocals: true,
};

/** 3.14.2 (CPython 3.14.0–3.14.4): the incremental collector (docs/calibration/cpython-3.14.md).
 *  Immortal objects report 3 << 30 as on 64-bit builds; the start-up state is Pyodide's (the
 *  only 3.14.2 measured): 881 young objects (369 of them tuples the first collection untracks;
 *  count 524, 3.14.1+ counts track events), 19035 visited and 521 pending old objects in the
 *  collect phase, 4 increments (230 collected) run during start-up, 997 old objects out of
 *  the roots' reach. */
const BASE_314: Profile = {
  ...BASE_313,
  name: '3.14',
  version: [3, 14, 2],
  thresholds: [2000, 10, 0],
  immortalRefcount: 3221225472,
  incrementalGc: true,
  gcCountsTracks: true,
  instanceLayout: 'inline-view',
  inlineValuesInObject: true,
  dictsTrackedAtCreation: true,
  tuplesTrackedOnlyIfNeeded: true,
  unraisableWhile: true,
  unhashableRole: true,
  foldedConsts: true,
  foldsInCfg: true,
  shutdownCollectsWhenDisabled: true,
  genClearLinksCaller: false,
  // print's `*objects` is an Argument Clinic array (no varargs tuple): measured, see the notes.
  hidden: { ...BASE_313.hidden, printArgsTuple: false, classCallTuple: false },
  startup: {
    generationSizes: [881, 19035, 521],
    count: [524, 0, 0],
    longLivedPending: 0,
    longLivedTotal: 0,
    stats: [[0, 0, 0], [4, 230, 0], [0, 0, 0]],
  },
  incrementalStartup: { phase: 'collect', workToDo: -298, youngTuples: 369, notFromRoots: 997 },
};

/** 3.10.13: instances own a separate, tracked __dict__; the caller keeps its stack
 *  references to the arguments during a call; ordinary refcounts for shared objects;
 *  print is METH_FASTCALL (docs/calibration/cpython-3.10.md). */
const BASE_310: Profile = {
  ...BASE_311,
  instanceBytes: 48,
  name: '3.10',
  version: [3, 10, 13],
  instanceLayout: 'dict',
  argPassing: 'copy',
  sharedRefcounts: 'ordinary',
  tracebackCarets: false,
  frameFreeList: 200,
  unmodelledRefs: { ellipsis: 3, smallInts: { [-5]: 1 }, types: { int: 67 } },
  startup: {
    generationSizes: [78, 4719, 0],
    count: [58, 10, 0],
    longLivedPending: 0,
    longLivedTotal: 0,
    stats: [[10, 0, 0], [0, 0, 0], [0, 0, 0]],
  },
  hidden: { ...BASE_311.hidden, printKwtuple: false, printKwtupleOnKeywords: true, printArgsTuple: false, superArgsTuple: true, tpCallTypes: ['int', 'enumerate', 'zip'] },
};

/** 3.9.18: as 3.10 (measured differences: start-up state, `int`'s refcount). */
const BASE_39: Profile = {
  ...BASE_310,
  name: '3.9',
  version: [3, 9, 18],
  percentNumberWord: 'a number',
  hidden: { ...BASE_310.hidden, tpCallTypes: ['type', 'int', 'float', 'bool', 'enumerate', 'zip', 'map', 'filter', 'reversed'] },
  unmodelledRefs: { ellipsis: 3, smallInts: { [-5]: 1 }, types: { int: 66 } },
  startup: {
    generationSizes: [636, 4175, 0],
    count: [577, 9, 0],
    longLivedPending: 0,
    longLivedTotal: 0,
    stats: [[9, 0, 0], [0, 0, 0], [0, 0, 0]],
  },
};

/** Small-int start-up references written as runs: "11:13 35..37:2" = 11 has 13, 35, 36 and 37 have 2. */
function intRuns(spec: string): Record<number, number> {
  const out: Record<number, number> = {};
  for (const item of spec.trim().split(/\s+/)) {
    const m = /^(-?\d+)(?:\.\.(-?\d+))?:(\d+)$/.exec(item);
    if (!m) throw new Error(`bad small-int run '${item}'`);
    for (let v = Number(m[1]); v <= Number(m[2] ?? m[1]); v++) out[v] = Number(m[3]);
  }
  return out;
}

/** 3.8.18: as 3.9, except check_garbage keeps the whole unreachable set when a finalizer
 *  resurrects anything. */
const BASE_38: Profile = {
  ...BASE_39,
  name: '3.8',
  version: [3, 8, 18],
  resurrection: 'abort',
  freeListCapacity: { ...BASE_39.freeListCapacity, cfunction: 256 },
  hidden: { ...BASE_39.hidden, importTransients: false, tpCallTypes: ['type', 'range', 'list', 'tuple', 'dict', 'set', 'frozenset',
    'int', 'float', 'bool', 'enumerate', 'zip', 'map', 'filter', 'reversed'] },
  // The small ints whose start-up count is the same with -S (scripts/probes/smallint_refs.py).
  unmodelledRefs: { ...BASE_39.unmodelledRefs!, smallInts: intRuns(
    '-5:1 -4..-2:2 11:13 12:8 13:6 15:7 17:8 18:5 19..20:6 21..22:5 24:5 25:4 27:4 28..29:6 30:8 31:5 33:2 34:5 35..37:2 38:1 39..41:2 42:3 43..45:2 46:3 47..52:2 53:3 54..55:2 57..59:2 60:3 61..62:2 79..102:2 103..104:3 105..107:2 108:3 109:2 110..111:3 112..113:2 114..115:3 116..126:2 129..131:2 132..255:1') },
  startup: {
    generationSizes: [487, 4212, 0],
    count: [434, 9, 0],
    longLivedPending: 0,
    longLivedTotal: 0,
    stats: [[9, 0, 0], [0, 0, 0], [0, 0, 0]],
  },
};

/** 3.7.16: as 3.8, plus: DEBUG_STATS prints "gc: done, …s elapsed" when nothing was found;
 *  deep instance deallocations wait for the next list/tuple/dict/set/frame dealloc at trashcan
 *  nesting 0 (S14); call_function puts a bound method's self on the stack (+1 during the call);
 *  gc.get_objects() takes no arguments. Start-up generation sizes: 3.7 has no
 *  gc.get_objects(generation); estimated from the first DEBUG_STATS line of a gc.collect(0)
 *  (662 3899 at count 629; 3.8 gives 478 4213 at 419 against the probe's 487 4212 at 434). */
const BASE_37: Profile = {
  ...BASE_38,
  // 32-byte PyGC_Head (long double alignment) before 3.8: sys.getsizeof.
  dictBytes: 80,
  instanceBytes: 64,
  name: '3.7',
  version: [3, 7, 16],
  trashcan: 'defer-next',
  statsDoneWhenNothing: 'short',
  getObjectsGeneration: false,
  boundMethodSelfOnStack: true,
  mergeConsts: false,
  unraisableRawValue: true,
  hidden: { ...BASE_38.hidden, varargsBuiltins: ['min', 'max', 'iter'], clinicKwtuples: false },
  unmodelledRefs: { ...BASE_38.unmodelledRefs!, smallInts: intRuns(
    '-5:1 -4..-2:2 11:9 12..13:6 14:7 15:6 17:8 18:4 19:6 20..21:5 22:4 24..28:4 29..30:6 31:4 33:2 34:4 35..37:2 38:1 39..52:2 53:3 54..55:2 57..59:2 60:3 61..63:2 79..102:2 103..104:3 105..107:2 108:3 109:2 110..111:3 112..113:2 114..115:3 116..126:2 129..131:2 132..255:1') },
  startup: {
    generationSizes: [688, 3898, 0],
    count: [655, 9, 0],
    longLivedPending: 0,
    longLivedTotal: 0,
    stats: [[9, 0, 0], [0, 0, 0], [0, 0, 0]],
  },
};

/** 3.6.15: as 3.7, plus: check_garbage counts the whole unreachable set and frees nothing when
 *  a finalizer resurrects anything; no permanent generation (gc.freeze is 3.7+); the "Exception
 *  ignored in" header names __del__'s bound method. Start-up generation sizes: estimated as for
 *  3.7 from a gc.collect(0) DEBUG_STATS line (31 4973 at count 15). */
const BASE_36: Profile = {
  ...BASE_37,
  name: '3.6',
  version: [3, 6, 15],
  frameTrackedAtCall: true,
  resurrection: 'count-all',
  foldedConsts: true,
  statsPermanentLine: false,
  delIgnoredHeader: 'bound-method',
  bindsMethods: true,
  py36Wording: true,
  // scripts/probes/smallint_refs.py on 3.6.15: only these ints have the same start-up count
  // with and without site (docs/calibration/shared-refcounts.md); CPython minus the simulator.
  unmodelledRefs: { ...BASE_37.unmodelledRefs!, smallInts: intRuns('-5..-4:1 -3..-2:2 41:2 58:2 133..255:1') },
  setTwoThirdsFill: true,
  freeListCapacity: { ...BASE_37.freeListCapacity, method: 256 },
  // METH_VARARGS builtins (Argument Clinic moved these to METH_FASTCALL in 3.7; measured with
  // gc.get_count() deltas: scripts/probes/varargs_builtins_36.py).
  hidden: { ...BASE_37.hidden, printArgsTuple: true, printKwtupleOnKeywords: false, printKwargsDict: true, pendingListFirstWrite: true, pendingBytesObjects: true, mroTempLists: 4,
    varargsBuiltins: ['min', 'max', 'iter', 'sum', 'isinstance', 'issubclass', 'divmod', 'next', 'getattr', 'hasattr', 'format', 'pow', 'round', 'sorted'],
    formatMethodTuple: true, varargsNames: ['gc.collect'], buildClassArgsTuple: true },
  startup: {
    generationSizes: [63, 4972, 0],
    count: [47, 11, 0],
    longLivedPending: 0,
    longLivedTotal: 0,
    stats: [[11, 0, 0], [0, 0, 0], [0, 0, 0]],
  },
};

/** 2.7.18: legacy finalizers (a cycle holding an object with __del__ is uncollectable and goes
 *  to gc.garbage), weakref callbacks before __del__, DEBUG_STATS "… elapsed." lines, no
 *  gc.freeze/get_stats/callbacks, list and dict free lists kept by full collections, print
 *  writing to a C file (docs/calibration/cpython-2.7.md). Otherwise as 3.6 (no LOAD_METHOD,
 *  frame and bound-method free lists). */
const BASE_27: Profile = {
  ...BASE_36,
  name: '2.7',
  // 2.7's object sizes are not modelled separately (the 3.6 ones are not 2.7's).
  dictBytes: undefined,
  instanceBytes: undefined,
  version: [2, 7, 18],
  legacyFinalizers: true,
  statsDoneWhenNothing: 'short-dot',
  delIgnoredHeader: 'py2',
  weakrefOrder: 'callback-first',
  py36Wording: false,
  setTwoThirdsFill: false,
  unmodelledRefs: { ...BASE_37.unmodelledRefs!, ellipsis: 2 },
  hidden: { ...BASE_36.hidden, varargsBuiltins: BASE_37.hidden.varargsBuiltins, formatMethodTuple: false, varargsNames: [], buildClassArgsTuple: false, printKwargsDict: true, pendingListFirstWrite: false, pendingBytesObjects: false, mroTempLists: 4, cFileStdio: true, reprPieces: true, methodCallTuple: true,
    // Every type call goes through tp_call with an argument tuple (do_call/load_args).
    tpCallTypes: ['type', 'list', 'tuple', 'dict', 'set', 'frozenset', 'int', 'float', 'str', 'bool', 'enumerate', 'reversed',
      'super', 'property', 'staticmethod', 'classmethod', 'slice', 'zip', 'map', 'filter'] },
  collectKeepsListDictFreeLists: true,
  freeListCapacity: { ...BASE_36.freeListCapacity, set: 80 },
  // Tuples: after `from __future__ import print_function; import gc, sys` (test/calibration/freelist_start,
  // the same with -S except 2-tuples). Lists and dicts: before __main__ is compiled; what the
  // compiler and the first imports leave is modelled (py2/compilefree.ts, py2/imports.ts: 4 lists
  // and no dict for the calibration probe, as measured).
  freeListStart: { list: 0, dict: 0, tuple: [0, 1, 465, 1, 3, 1] },
  startup: {
    generationSizes: [63, 4972, 0],
    count: [515, 8, 0],
    longLivedPending: 0,
    longLivedTotal: 0,
    stats: [[8, 0, 0], [0, 0, 0], [0, 0, 0]],
  },
};

const PROFILES: Partial<Record<ProfileName, Profile>> = {
  '2.7': BASE_27,
  '3.6': BASE_36,
  '3.7': BASE_37,
  '3.8': BASE_38,
  '3.9': BASE_39,
  '3.10': BASE_310,
  '3.11': BASE_311,
  '3.12': BASE_312,
  '3.13': BASE_313,
  '3.14': BASE_314,
};

export const PROFILE_NAMES: ProfileName[] = ['2.7', '3.6', '3.7', '3.8', '3.9', '3.10', '3.11', '3.12', '3.13', '3.14'];

export class UnknownProfileError extends Error {}

/** The profile for a version string such as "3.11"; throws for unknown or not yet modelled ones. */
export function getProfile(name: string): Profile {
  const p = PROFILES[name as ProfileName];
  if (p) return p;
  if ((PROFILE_NAMES as string[]).includes(name)) {
    throw new UnknownProfileError(`CPython ${name} is not modelled yet (available: ${availableProfiles().join(', ')})`);
  }
  throw new UnknownProfileError(`unknown CPython version '${name}' (expected one of ${PROFILE_NAMES.join(', ')})`);
}

export function availableProfiles(): ProfileName[] {
  return PROFILE_NAMES.filter((n) => PROFILES[n]);
}
