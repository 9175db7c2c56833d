// The snapshot: a serialisable view of the simulated heap at one step. The
// runtime builds it, the debug adapter turns it into DAP variables, and the
// GC panel draws it. Plain JSON data only — this file imports nothing, so the
// webview can use it without pulling in any engine code.

/** Where a reference to an object comes from (every refcount is explained by these). */
export interface ReferrerEntry {
  /** Serial number of the referring object, or null for a root (frame local, global, stack …). */
  from: number | null;
  /** Human-readable reason: "global 'a'", "local 'c1' of f2", "attribute 'next'", "item [3]",
   *  "key 'k'", "value of key 'k'", "cell of 'v'", "evaluation stack of f", "interpreter (static)". */
  reason: string;
  /** Number of references this entry accounts for. */
  count: number;
}

export interface ObjectInfo {
  /** Stable identity across steps (the engine's serial number). */
  id: number;
  /** Simulated address as CPython prints it, e.g. "0x7f3a5c018060". */
  address: string;
  type: string;
  /** Short repr (truncated). */
  repr: string;
  refcount: number;
  /** The references that make up the refcount (their counts sum to it, except where `hiddenRefs` says). */
  referrers: ReferrerEntry[];
  /** References the simulation cannot attribute (interpreter internals), refcount − Σ referrers. */
  hiddenRefs: number;
  tracked: boolean;
  /** 0, 1, 2, 3 (permanent) or -1 when untracked. */
  generation: number;
  finalized: boolean;
  /** Immortal or statically allocated (small ints, None …). */
  immortal: boolean;
  /** In gc.garbage. */
  inGarbage: boolean;
  /** Line where the object was allocated (0 if unknown). */
  allocLine: number;
  /** gc_refs during a collection (only while stepping inside one). */
  gcRefs?: number;
}

export interface EdgeInfo {
  from: number;
  to: number;
  /** "attr next", "[0]", "key 'k'", "cell", "closure" … */
  label: string;
}

export interface VariableInfo {
  name: string;
  /** Object id of the value. */
  value: number;
}

export interface FrameInfo {
  /** Stable within one stop. */
  id: number;
  name: string;
  line: number;
  /** "module", "call", "init", "finalizer" (a __del__ run by a refcount drop or a collection),
   *  "callback" (weakref or gc callback), "class-body", "collector" (a synthetic collection frame). */
  role: string;
  /** Why the frame runs when it was entered from native code, e.g. "refcount of <A at 0x…> fell to 0". */
  reason: string;
  locals: VariableInfo[];
}

export interface GenerationStats { collections: number; collected: number; uncollectable: number }

export interface GcState {
  count: [number, number, number];
  threshold: [number, number, number];
  enabled: boolean;
  debug: number;
  stats: GenerationStats[];
  /** Ids of objects in gc.garbage. */
  garbage: number[];
  freezeCount: number;
  /** Sizes of the generation lists (including the interpreter's own objects). */
  generationSizes: [number, number, number];
}

/** State of a collection in progress (stepping through its phases). */
export interface CollectionInfo {
  generation: number;
  automatic: boolean;
  /** The phase just completed: update_refs, subtract_refs, move_unreachable, … */
  phase: string;
  /** Ids of the scenario objects being examined (the young list). */
  candidates: number[];
  /** Ids found unreachable so far. */
  unreachable: number[];
}

export interface Snapshot {
  step: number;
  line: number;
  /** Objects the scenario can see (interpreter internals and the start-up stand-ins excluded). */
  objects: ObjectInfo[];
  edges: EdgeInfo[];
  /** Innermost first. */
  frames: FrameInfo[];
  globals: VariableInfo[];
  gc: GcState;
  collection: CollectionInfo | null;
  /** Ids freed since the previous snapshot (for fading them out). */
  freedSinceLast: number[];
}

/** One point of the counter progression (a step). */
export interface CounterPoint {
  step: number;
  count: [number, number, number];
  live: number;
  /** The thresholds in force at this step, when they differ from `Timeline.thresholds` (after gc.set_threshold). */
  threshold?: [number, number, number];
}

/** A collection in the timeline. */
export interface CollectionEvent {
  step: number;
  generation: number;
  automatic: boolean;
  collected: number;
  uncollectable: number;
}

export interface Timeline {
  points: CounterPoint[];
  collections: CollectionEvent[];
  /** The thresholds at the start of the run (points say where gc.set_threshold changed them). */
  thresholds: [number, number, number];
  /** The last step executed so far. */
  lastStep: number;
}
