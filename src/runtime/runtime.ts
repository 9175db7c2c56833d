// The debugger's runtime: runs a scenario on the engine one step at a time
// (a step is a statement, or a collector phase), forwards and backwards, and
// stops on breakpoints and GC events. An event emitter in the manner of
// vscode-mock-debug's MockRuntime: it imports neither vscode nor DAP.
//
// Where to start: `advanceTo()` — every command (continue, next, step back,
// goto …) is a predicate over the next steps. Going back restores the nearest
// checkpoint in place (checkpoint-store.ts: records of the heap, restored by
// diff) and replays deterministically; output already shown is not shown twice.
// Checkpoints are placed by replay cost: about REPLAY_MS of execution apart,
// further when taking one costs more (big heaps), within a memory budget.
//
// Events: 'stopped' (StopInfo), 'output' (OutputEvent), 'exited' (code),
// 'terminated', 'timeline' (after each stop).

import { EventEmitter } from 'node:events';
import { Engine } from '../engine/engine';
import type { EngineHook } from '../engine/interp';
import { StopExecution } from '../engine/errors';
import type { PyObject } from '../engine/objects';
import type { Frame } from '../engine/vm/frame';
import type { Snapshot, Timeline } from '../protocol/snapshot';
import { buildSnapshot, engineFrames } from './snapshot';
import { labelledReferents } from './references';
import { Breakpoints, LineBreakpointSpec, FunctionBreakpointSpec, DataBreakpointSpec, VerifiedBreakpoint } from './breakpoints';
import { TimelineLog } from './timeline';
import { Evaluator, EvalResult } from './evaluate';
import { isUncaught } from './uncaught';
import { exceptionLine } from '../engine/exceptions';
import { CheckpointStore, StoredCheckpoint } from './checkpoint-store';

export type StopReason = 'entry' | 'step' | 'breakpoint' | 'function breakpoint' | 'data breakpoint' | 'exception'
  | 'pause' | 'goto' | 'gc';

export interface StopInfo {
  reason: StopReason;
  step: number;
  line: number;
  /** Shown by the editor (e.g. "cyclic garbage found: 2 objects"). */
  description?: string;
  text?: string;
  hitBreakpointIds?: number[];
}

export interface OutputEvent { stream: 'stdout' | 'stderr' | 'console'; text: string; line: number }

export interface LaunchOptions {
  source: string;
  filename: string;
  python?: string;
  maxSteps?: number;
  /** Steps between checkpoints (placed by replay cost when omitted). */
  checkpointInterval?: number;
}

/** Which GC events stop execution (the exception/event filters of the Breakpoints view). */
export interface EventFilters {
  uncaught: boolean;
  raised: boolean;
  collectionStart: boolean;
  /** Only automatic collections / only this generation (null = any). */
  collectionAutomaticOnly: boolean;
  collectionGeneration: number | null;
  cyclicGarbage: boolean;
  uncollectable: boolean;
  resurrected: boolean;
}

type Mode =
  | { kind: 'run' }
  | { kind: 'step-in' }
  | { kind: 'next'; depth: number }
  | { kind: 'out'; depth: number }
  | { kind: 'to'; step: number; reason: StopReason; description?: string };

interface Checkpoint { step: number; data: StoredCheckpoint }

const SLICE_MS = 25;
/** Milliseconds of CPU time used by this process: replay costs measured without the other processes of a busy machine. */
const cpuNow = (): number => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
/** Checkpoints are about this much execution (CPU) time apart: the longest replay of a goto. */
const REPLAY_MS = 8;
/** …or further, so that taking checkpoints costs at most 1/COST_RATIO of the run time in all (big heaps). */
const COST_RATIO = 4;
/** Steps between looks at the clock. */
const CHECK_EVERY = 64;
const MAX_CHECKPOINTS = 8192;
/** Estimated memory the checkpoints may hold; beyond it every other one is dropped. */
const CHECKPOINT_BYTES_BUDGET = 256 * 1024 * 1024;

export class GcRuntime extends EventEmitter {
  private opts!: LaunchOptions;
  private live!: Engine;
  /** The live engine can continue from where it stopped (a clean stop in __main__). */
  private resumable = false;
  private checkpoints: Checkpoint[] = [];
  private store = new CheckpointStore();
  /** LaunchOptions.checkpointInterval: fixed spacing in steps (tests). */
  private checkpointInterval = 0;
  private fixedInterval = false;
  /** Spacing multiplier, doubled each time the memory budget thins the checkpoints out. */
  private spacingScale = 1;
  private checkpointBytes = 0;
  /** CPU milliseconds spent executing (slices), and that figure at the last checkpoint. */
  private runMs = 0;
  private sliceStart = 0;
  private runMsAtCheckpoint = 0;
  private recentCosts: number[] = [];
  /** CPU milliseconds a checkpoint costs per heap object (measured). */
  private costPerObject = 0;
  /** CPU milliseconds spent taking checkpoints in all. */
  private checkpointMs = 0;
  /** runMs when the current command started. */
  private commandStartMs = 0;
  private stepsToCheck = CHECK_EVERY;
  /** How many times a checkpoint was restored (tests, benchmarks). */
  restores = 0;
  /** Output chunks already sent (replays do not resend them). */
  private emitted = 0;
  readonly breakpoints = new Breakpoints();
  readonly timeline = new TimelineLog();
  filters: EventFilters = {
    uncaught: true, raised: false, collectionStart: false, collectionAutomaticOnly: false, collectionGeneration: null,
    cyclicGarbage: false, uncollectable: false, resurrected: false,
  };
  private mode: Mode = { kind: 'run' };
  private pauseRequested = false;
  private running = false;
  private stop: StopInfo | null = null;
  private snapshotCache: Snapshot | null = null;
  private previousIds: Set<number> | undefined;
  /** The furthest step executed so far. */
  frontier = 0;
  private exitCode: number | null = null;
  private pendingEvents: { reason: StopReason; description: string }[] = [];
  private sliceDeadline = 0;
  private lastSeenRefcounts = new Map<number, number>();
  private frameEntries = new WeakSet<Frame>();
  private evaluator = new Evaluator();

  /** Compile (throws ScenarioError for a syntax error or an unsupported construct). */
  load(opts: LaunchOptions): void {
    this.opts = opts;
    this.live = this.newEngine();
    this.live.compile();
    this.fixedInterval = opts.checkpointInterval !== undefined;
    this.checkpointInterval = opts.checkpointInterval ?? 0;
    this.checkpoints = [];
    this.checkpointBytes = 0;
    this.pushCheckpoint(0);
    this.resumable = true;
  }

  private newEngine(): Engine {
    const e = new Engine(this.opts.source, {
      filename: this.opts.filename,
      python: this.opts.python ?? '3.11',
      maxSteps: this.opts.maxSteps,
      out: { stdout: (s) => this.onOutput('stdout', s), stderr: (s) => this.onOutput('stderr', s) },
    });
    return e;
  }

  get engine(): Engine { return this.live; }
  get currentStep(): number { return this.stop?.step ?? 0; }
  get stopInfo(): StopInfo | null { return this.stop; }
  get isRunning(): boolean { return this.running; }
  get finished(): boolean { return this.exitCode !== null; }

  private onOutput(stream: 'stdout' | 'stderr', text: string): void {
    const it = this.live.it;
    const seq = ++it.outputCount;
    if (seq <= this.emitted) return;
    this.emitted = seq;
    this.emit('output', { stream, text, line: it.frame?.lineno ?? 0 } satisfies OutputEvent);
  }

  // ---- commands ---------------------------------------------------------------------

  start(stopOnEntry: boolean): void {
    if (stopOnEntry) this.mode = { kind: 'step-in' };
    else this.mode = { kind: 'run' };
    this.runForward();
  }

  continue(): void { this.mode = { kind: 'run' }; this.runForward(); }
  stepIn(): void { this.mode = { kind: 'step-in' }; this.runForward(); }
  next(): void { this.mode = { kind: 'next', depth: this.depthAtStop() }; this.runForward(); }
  stepOut(): void { this.mode = { kind: 'out', depth: this.depthAtStop() }; this.runForward(); }
  pause(): void { if (this.running) this.pauseRequested = true; }

  /** Go back to the previous step at the same or an outer depth (reverse "next"). */
  stepBack(): void {
    const target = this.timeline.previousStep(this.currentStep, this.depthAtStop());
    this.gotoStep(target, 'step');
  }

  /** Go back to the last breakpoint hit before the current step, or to the first step. */
  reverseContinue(): void {
    const target = this.timeline.previousMatching(this.currentStep, (line) => this.breakpoints.hasLine(line)) ?? 1;
    this.gotoStep(target, target > 1 ? 'breakpoint' : 'entry');
  }

  /** Travel to step n (restores a checkpoint and replays). */
  gotoStep(n: number, reason: StopReason = 'goto'): void {
    n = Math.max(1, Math.min(n, Math.max(this.frontier, 1)));
    this.mode = { kind: 'to', step: n, reason };
    const cp = this.checkpointBefore(n);
    // Forward from a clean stop with no nearer checkpoint: run on, no copy needed.
    const here = this.currentStep;
    const onward = this.resumable && this.exitCode === null && this.live.stage === 'main' && here < n && cp.step <= here;
    if (!onward) this.restore(cp);
    this.runForward();
  }

  private restore(cp: Checkpoint): void {
    const it = this.live.it;
    it.hook = null;
    it.heap.listener = null;
    this.store.restore(cp.data);
    this.restores++;
    this.watchCache.clear();
    this.live.it.out = { stdout: (s) => this.onOutput('stdout', s), stderr: (s) => this.onOutput('stderr', s) };
    this.live.it.heap.fineEvents = this.breakpoints.dataWatches().some((d) => d.accessType === 'free');
    this.resumable = true;
    this.exitCode = null;
  }

  // ---- breakpoints ---------------------------------------------------------------------

  setBreakpoints(specs: LineBreakpointSpec[]): VerifiedBreakpoint[] {
    return this.breakpoints.setLines(specs, this.executableLines());
  }
  setFunctionBreakpoints(specs: FunctionBreakpointSpec[]): VerifiedBreakpoint[] { return this.breakpoints.setFunctions(specs); }
  setDataBreakpoints(specs: DataBreakpointSpec[]): VerifiedBreakpoint[] {
    const out = this.breakpoints.setData(specs);
    this.live.it.heap.fineEvents = specs.some((s) => s.accessType === 'free');
    for (const s of specs) {
      const o = this.findObject(s.objectId);
      if (o) this.lastSeenRefcounts.set(s.objectId, o.rc);
    }
    return out;
  }

  /** Lines that hold a statement (where a line breakpoint can bind). */
  executableLines(): number[] {
    const lines = new Set<number>();
    const visit = (code: import('../engine/compiler/code').Code) => {
      for (const l of code.lineStarts) lines.add(l);
      for (const c of code.consts) { const inner = (c as { code?: typeof code }).code; if (inner) visit(inner); }
    };
    if (this.live.code) visit(this.live.code);
    return [...lines].sort((a, b) => a - b);
  }

  // ---- inspection ------------------------------------------------------------------------

  /** The snapshot at the current stop (built once per stop). */
  snapshot(): Snapshot {
    if (!this.snapshotCache) {
      if (!this.stop || this.running) throw new Error('not stopped');
      this.takeSnapshot(this.stop.step);
    }
    return this.snapshotCache!;
  }

  /** At a clean stop the live engine is exactly the stopped state and can be inspected directly. */
  get inspectable(): boolean { return this.resumable && !this.running && this.stop !== null && this.live.stage === 'main'; }

  getTimeline(): Timeline { return this.timeline.toTimeline(this.live.it.heap.threshold, this.frontier); }

  /** Evaluate without side effects (hover, watch), or run for real in the Debug Console (repl). */
  evaluate(expression: string, frameIndex: number, context: 'hover' | 'watch' | 'repl'): EvalResult {
    if (context === 'repl') return this.evaluator.runStatement(this, expression, frameIndex);
    return this.evaluator.evaluate(this, expression, frameIndex);
  }

  /** A side-effect-free copy of the engine at the current stop (for evaluation). */
  forkAtStop(): Engine | null {
    if (this.resumable && this.live.stage !== 'done') return this.live.clone();
    // Not resumable: rebuild the state at the current step on a copy.
    const step = this.currentStep;
    const cp = [...this.checkpoints].reverse().find((c) => c.step <= step)!;
    const resumable = this.resumable;
    this.restore(cp);
    this.resumable = resumable;
    const e = this.live.clone();
    e.it.out = { stdout: () => {}, stderr: () => {} };
    if (cp.step === step) return e;
    e.it.hook = { line: () => { if (e.it.steps >= step) throw new StopExecution('fork'); }, phase: () => { if (e.it.steps >= step) throw new StopExecution('fork'); }, exception: () => {} };
    const r = e.advance();
    e.it.hook = null;
    return r === 'stopped' ? e : null;
  }

  findObject(id: number): PyObject | null {
    const it = this.live.it;
    for (const l of [...it.heap.gens, it.heap.permanent]) for (const o of l.toArray()) if (o.serial === id) return o;
    // Not tracked: look through the snapshot's reachable set.
    const seen = new Set<PyObject>();
    const stack: PyObject[] = [];
    for (let f = it.frame; f; f = f.back) for (const v of [...f.locals, ...f.stack]) if (v) stack.push(v);
    for (const e of this.live.globals.map.values()) stack.push(e.value);
    while (stack.length) {
      const o = stack.pop()!;
      if (seen.has(o)) continue;
      seen.add(o);
      if (o.serial === id) return o;
      if (o.serial < this.live.firstScenarioSerial) continue;
      for (const r of labelledReferents(it, o)) stack.push(r.to);
    }
    return null;
  }

  /** Recorded statements typed in the Debug Console, replayed at their step. */
  readonly injections = new Map<number, string[]>();

  /**
   * Run Debug Console input at the current stop, for real: it becomes part of
   * the timeline (replays run it again at this step) and the future is recomputed.
   */
  inject(source: string, frameIndex: number, run: (engine: Engine, frame: Frame | null) => EvalResult): EvalResult {
    if (!this.stop) return { result: 'not stopped', error: true };
    if (!this.resumable) return { result: 'statements can only run when stopped at a line (not inside a finalizer or a collection phase)', error: true };
    const step = this.stop.step;
    const frame = engineFrames(this.live.it)[frameIndex] ?? this.live.it.frame;
    const r = run(this.live, frame);
    const list = this.injections.get(step) ?? [];
    list.push(source);
    this.injections.set(step, list);
    // The future may differ now: forget what was recorded after this step.
    this.checkpoints = this.checkpoints.filter((c) => c.step < step || c.step === 0);
    this.checkpointBytes = this.checkpoints.reduce((n, c) => n + c.data.bytes, 0);
    this.frontier = step;
    this.timeline.truncate(step);
    this.emitted = this.live.it.outputCount;
    this.snapshotCache = null;
    return r;
  }

  /** Depth of the current stop: Python frames plus one while a collection runs. */
  private depthAtStop(): number { return this.timeline.depthAt(this.currentStep); }

  private depthNow(): number {
    const it = this.live.it;
    return it.frameDepth + (this.live.collector.current ? 1 : 0);
  }

  // ---- the run loop ------------------------------------------------------------------------

  private runForward(): void {
    this.commandStartMs = this.runMs;
    this.running = true;
    this.stop = null;
    this.snapshotCache = null;
    this.pendingEvents = [];
    setImmediate(() => this.slice());
  }

  /** Run for a while; stop at the requested step or yield to the event loop and come back. */
  private slice(): void {
    this.sliceDeadline = Date.now() + SLICE_MS;
    this.sliceStart = cpuNow();
    const engine = this.live;
    if (!this.resumable) {
      // A stop inside native code (a finalizer, a collection phase) cannot continue:
      // replay a copy silently up to that step, then go on from there.
      const target = this.timeline.lastStopStep;
      const cp = [...this.checkpoints].reverse().find((c) => c.step <= target)!;
      this.restore(cp);
      this.silentUntil = target;
    }
    this.live.it.hook = this.makeHook();
    let r: ReturnType<Engine['advance']>;
    try {
      r = this.live.advance();
      this.runMs += cpuNow() - this.sliceStart;
    } catch (e) {
      this.running = false;
      this.emit('output', { stream: 'stderr', text: `PyGC Lab internal error: ${(e as Error).stack}\n`, line: 0 });
      this.emit('terminated');
      return;
    } finally {
      void engine;
    }
    if (r === 'stopped') {
      const s = this.pendingStop;
      this.pendingStop = null;
      if (s === 'slice') { setImmediate(() => this.slice()); return; }
      if (s) this.finishStop(s);
      return;
    }
    if (this.refusalStop(r)) return;
    this.running = false;
    this.exitCode = r.exitCode;
    this.frontier = Math.max(this.frontier, this.live.it.steps);
    this.timeline.finish(this.live.it.steps);
    this.emit('exited', r.exitCode);
    this.emit('terminated');
  }

  /**
   * A construct refused while running (NotSupportedError, exit code 2) stops
   * like an uncaught exception: at the step that was running when it was
   * refused (the state as that statement began: the refusal unwound the
   * engine), reached by replaying from a checkpoint. Continuing from that stop
   * meets the refusal again and ends the run.
   */
  private refusalStop(r: { exitCode: number; abortReason?: string }): boolean {
    if (r.exitCode !== 2 || !r.abortReason) return false;
    const step = this.live.it.steps;
    if (step < 1 || (this.mode.kind === 'to' && this.mode.step === step)) return false;
    // Continuing from the refusal's own stop: the run ends here.
    if (this.atRefusal && this.timeline.lastStopStep === step) return false;
    this.refusalStep = step;
    this.frontier = Math.max(this.frontier, step);
    const description = `NotSupportedError: ${r.abortReason}`;
    this.mode = { kind: 'to', step, reason: 'exception', description };
    this.restore(this.checkpointBefore(step));
    setImmediate(() => this.slice());
    return true;
  }

  private refusalStep = 0;
  /** The last stop was the refusal's. */
  private atRefusal = false;

  /** The checkpoint to replay from to stop at step n (one taken at n itself is past n's stop point). */
  private checkpointBefore(n: number): Checkpoint {
    return [...this.checkpoints].reverse().find((c) => c.step < n || c.step === 0)!;
  }

  private pendingStop: StopInfo | 'slice' | null = null;
  /** Steps up to this one are being replayed to get back to a stop: no stopping, no hits. */
  private silentUntil = 0;

  private takeSnapshot(step: number): void {
    const snap = buildSnapshot(this.live, { step, previousIds: this.previousIds });
    this.previousIds = new Set(snap.objects.map((o) => o.id));
    this.snapshotCache = snap;
  }

  private finishStop(s: StopInfo): void {
    this.running = false;
    this.pauseRequested = false;
    this.stop = s;
    this.atRefusal = s.reason === 'exception' && s.step === this.refusalStep;
    this.silentUntil = 0;
    this.frontier = Math.max(this.frontier, s.step);
    this.timeline.noteStop(s.step);
    this.emit('stopped', s);
    if (this.listenerCount('timeline')) this.emit('timeline', this.getTimeline());
  }

  private makeHook(): EngineHook {
    const rt = this;
    const engine = this.live;
    const it = engine.it;
    const stopNow = (info: StopInfo | 'slice', clean: boolean) => {
      rt.pendingStop = info;
      rt.resumable = clean;
      // A stop inside native code unwinds through it: its snapshot is taken now. At a clean
      // stop the engine stays as it is and snapshot() builds it on demand (fast steps on big heaps).
      if (info !== 'slice' && !clean) rt.takeSnapshot(info.step);
      throw new StopExecution(typeof info === 'string' ? info : info.reason);
    };
    const onStep = (kind: 'line' | 'phase', frame: Frame | null, phaseName = '') => {
      const step = it.steps;
      const mode0 = rt.mode;
      // Replaying to a known step: only Debug Console statements recorded on the way matter.
      if (mode0.kind === 'to' && step < mode0.step && step <= rt.frontier) {
        if (rt.injections.size && kind === 'line' && frame) {
          const inj0 = rt.injections.get(step);
          if (inj0) for (const src of inj0) rt.evaluator.execInEngine(engine, src, frame);
        }
        return;
      }
      if (step <= rt.silentUntil) {
        if (rt.injections.size && kind === 'line' && frame) {
          const inj0 = rt.injections.get(step);
          if (inj0) for (const src of inj0) rt.evaluator.execInEngine(engine, src, frame);
        }
        return;
      }
      const depth = rt.depthNow();
      const line = frame ? frame.lineno : (it.frame?.lineno ?? 0);
      const clean = kind === 'line' && it.runDepth === 1 && engine.stage === 'main';
      if (step > rt.frontier) {
        rt.timeline.record(step, depth, line, it.heap.count, it.heap.trackedCount, it.heap.threshold);
        rt.frontier = step;
      }
      // Debug Console statements recorded at this step run now (they are part of the timeline).
      const inj = rt.injections.size ? rt.injections.get(step) : undefined;
      if (inj && kind === 'line' && frame) for (const src of inj) rt.evaluator.execInEngine(engine, src, frame);
      if (clean && rt.checkpointDue(step, it.heap.blocks)) rt.addCheckpoint(step);
      const mode = rt.mode;
      if (mode.kind === 'to') {
        if (step >= mode.step) {
          const d = mode.description;
          stopNow(d ? { reason: mode.reason, step, line, description: d, text: d } : { reason: mode.reason, step, line }, clean);
        }
        return;
      }
      // Events noted since the last step (GC events, data breakpoints) stop here.
      if (rt.pendingEvents.length) {
        const ev = rt.pendingEvents.shift()!;
        rt.pendingEvents = [];
        stopNow({ reason: ev.reason, step, line, description: ev.description, text: ev.description }, clean);
      }
      const dataHit = rt.checkDataBreakpoints();
      if (dataHit !== null) stopNow({ reason: 'data breakpoint', step, line, description: dataHit.text, hitBreakpointIds: [dataHit.id] }, clean);
      if (kind === 'line' && frame) {
        if (rt.breakpoints.hasFunctionBreakpoints() && !rt.frameEntries.has(frame)) {
          rt.frameEntries.add(frame);
          const fb = rt.breakpoints.functionHit(frame, step, (cond) => rt.evaluator.condition(engine, cond, frame));
          if (fb) stopNow({ reason: 'function breakpoint', step, line, hitBreakpointIds: [fb.id] }, clean);
        }
        const bp = rt.breakpoints.lineHit(line, step, (cond) => rt.evaluator.condition(engine, cond, frame),
          (msg) => rt.emit('output', { stream: 'console', text: rt.evaluator.interpolate(engine, msg, frame) + '\n', line }));
        if (bp) stopNow({ reason: 'breakpoint', step, line, hitBreakpointIds: [bp.id] }, clean);
      }
      switch (mode.kind) {
        case 'step-in':
          stopNow({ reason: step === 1 && kind === 'line' ? 'entry' : 'step', step, line }, clean);
          break;
        case 'next':
          if (depth <= mode.depth) stopNow({ reason: 'step', step, line }, clean);
          break;
        case 'out':
          if (depth < mode.depth) stopNow({ reason: 'step', step, line }, clean);
          break;
      }
      if (rt.pauseRequested && clean) stopNow({ reason: 'pause', step, line }, clean);
      if (clean && Date.now() > rt.sliceDeadline) stopNow('slice', true);
      void phaseName;
    };
    engine.it.heap.listener = (ev) => rt.onHeapEvent(ev);
    return {
      line: (frame) => onStep('line', frame),
      phase: (name) => onStep('phase', null, name),
      exception: (exc, frame) => {
        // Not while replaying back to a stop (the exception was already reported there).
        if (rt.mode.kind === 'to' || (rt.silentUntil > 0 && it.steps <= rt.silentUntil)) return;
        if (rt.filters.uncaught && !rt.raisedSeen.has(exc) && isUncaught(frame)) {
          rt.raisedSeen.add(exc);
          const text = `${exceptionLine(it, exc)} (uncaught)`;
          stopNow({ reason: 'exception', step: it.steps, line: frame.lineno, description: text, text }, false);
        }
        if (rt.filters.raised && !rt.raisedSeen.has(exc)) {
          rt.raisedSeen.add(exc);
          rt.pendingEvents.push({ reason: 'exception', description: `${exc.type.name} raised in ${frame.code.qualname}` });
        }
      },
    };
  }

  private raisedSeen = new WeakSet<PyObject>();

  private onHeapEvent(ev: import('../engine/heap').HeapEvent): void {
    if (ev.kind === 'collect-end') {
      this.timeline.addCollection({ step: this.live.it.steps, generation: ev.generation, automatic: ev.automatic,
        collected: ev.collected, uncollectable: ev.uncollectable });
      return;
    }
    if (this.mode.kind === 'to' || (this.silentUntil > 0 && this.live.it.steps <= this.silentUntil)) return;
    const f = this.filters;
    switch (ev.kind) {
      case 'collect-start':
        if (!ev.automatic && this.breakpoints.hasFunction('gc.collect')) {
          this.pendingEvents.push({ reason: 'function breakpoint', description: `gc.collect(generation=${ev.generation}) called` });
        }
        if (f.collectionStart && (!f.collectionAutomaticOnly || ev.automatic) && (f.collectionGeneration === null || f.collectionGeneration === ev.generation)) {
          this.pendingEvents.push({ reason: 'gc', description: `${ev.automatic ? 'automatic' : 'explicit'} collection of generation ${ev.generation} starts` });
        }
        break;
      case 'phase':
        if (ev.name === 'move_unreachable' && f.cyclicGarbage) {
          const cur = this.live.collector.current;
          const n = cur ? cur.unreachable.size() : 0;
          if (n > 0) this.pendingEvents.push({ reason: 'gc', description: `cyclic garbage found: ${n} unreachable object${n === 1 ? '' : 's'}` });
        }
        break;
      case 'garbage':
        if (f.uncollectable) this.pendingEvents.push({ reason: 'gc', description: `${ev.obj.type.name} object added to gc.garbage` });
        break;
      case 'resurrect':
        if (f.resurrected) this.pendingEvents.push({ reason: 'gc', description: `${ev.obj.type.name} object resurrected by a finalizer` });
        break;
      case 'free':
        if (this.breakpoints.watchesFree(ev.obj.serial)) this.pendingEvents.push({ reason: 'data breakpoint', description: `${ev.obj.type.name} object ${ev.obj.serial} was freed` });
        break;
    }
  }

  private checkDataBreakpoints(): { id: number; text: string } | null {
    const watches = this.breakpoints.dataWatches();
    if (!watches.length) return null;
    for (const d of watches) {
      if (d.accessType !== 'refcount') continue;
      const o = this.findObjectFast(d.objectId);
      const rc = o ? o.rc : 0;
      const before = this.lastSeenRefcounts.get(d.objectId);
      this.lastSeenRefcounts.set(d.objectId, rc);
      if (before !== undefined && before !== rc) return { id: d.id, text: `refcount ${before} → ${rc}` };
    }
    return null;
  }

  private watchCache = new Map<number, PyObject>();
  private watchCacheEngine: Engine | null = null;

  private findObjectFast(id: number): PyObject | null {
    if (this.watchCacheEngine !== this.live) { this.watchCache.clear(); this.watchCacheEngine = this.live; }
    let o = this.watchCache.get(id);
    if (!o) {
      const found = this.findObject(id);
      if (!found) return null;
      o = found;
      this.watchCache.set(id, o);
    }
    return o;
  }

  /**
   * Is it time for a checkpoint? With a fixed interval, by steps. Otherwise by CPU time
   * (looked at every CHECK_EVERY steps): REPLAY_MS of execution since the last one, as
   * long as all checkpoints, this one included (its cost estimated for a heap this
   * size), stay within 1/COST_RATIO of the run time. A stretch that is slow to replay
   * (one statement building a big heap) is followed by a checkpoint.
   */
  private checkpointDue(step: number, objects: number): boolean {
    if (this.fixedInterval) return step - this.lastCheckpointStep() >= this.checkpointInterval;
    if (--this.stepsToCheck > 0) return false;
    this.stepsToCheck = CHECK_EVERY;
    const runNow = this.runMs + (cpuNow() - this.sliceStart);
    if (runNow - this.runMsAtCheckpoint < REPLAY_MS * this.spacingScale) return false;
    const cost = this.costPerObject * objects;
    // A costly walk (a big heap) waits for a command that has itself run that long:
    // a `next` of one statement is not held up by it.
    if (cost > REPLAY_MS && runNow - this.commandStartMs < cost) return false;
    return this.checkpointMs + cost <= runNow / COST_RATIO;
  }

  private lastCheckpointStep(): number { return this.checkpoints[this.checkpoints.length - 1].step; }

  private addCheckpoint(step: number): void {
    if (this.checkpoints.some((c) => c.step === step)) return;
    const t0 = cpuNow();
    const cp = this.pushCheckpoint(step);
    const t1 = cpuNow();
    this.checkpointMs += t1 - t0;
    // The cost of a checkpoint per heap object: the least of the last few (a GC pause or a
    // cold JIT is not the cost), from walks that mostly compared (recording an object met
    // for the first time costs more, and happens once).
    const objects = cp.data.pairs.length / 2;
    if (cp.data.fresh * 10 <= objects) {
      const recent = this.recentCosts;
      recent.push((t1 - t0) / Math.max(1, this.live.it.heap.blocks));
      if (recent.length > 7) recent.shift();
      this.costPerObject = Math.min(...recent);
    }
    while (this.checkpoints.length > 2 && (this.checkpoints.length > MAX_CHECKPOINTS || this.checkpointBytes > CHECKPOINT_BYTES_BUDGET)) {
      // Thin out: keep the first and every other one, and space new ones further apart.
      this.checkpoints = this.checkpoints.filter((c, i) => i === 0 || i % 2 === 1);
      this.checkpointBytes = this.checkpoints.reduce((n, c) => n + c.data.bytes, 0);
      this.spacingScale *= 2;
    }
    this.runMsAtCheckpoint = this.runMs + (cpuNow() - this.sliceStart);
  }

  /** Record the live engine's state at `step` (hooks and listeners are not part of it). */
  private pushCheckpoint(step: number): Checkpoint {
    const e = this.live;
    const it = e.it;
    const saved = { hook: it.hook, listener: it.heap.listener, runDepth: it.runDepth };
    it.hook = null;
    it.heap.listener = null;
    // Taken at a clean stop inside runFrame: recorded as it is once the stop has unwound
    // it (runDepth 0), so that advancing a restored copy is a clean resumption again.
    it.runDepth = 0;
    try {
      const data = this.store.take(e, new Set<object>([it.out as object, it.sources, e.profile]));
      const cp = { step, data };
      this.checkpoints.push(cp);
      this.checkpointBytes += data.bytes;
      return cp;
    } finally {
      it.hook = saved.hook;
      it.heap.listener = saved.listener;
      it.runDepth = saved.runDepth;
    }
  }
}
