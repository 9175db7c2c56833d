// The Debug Adapter: GcDebugSession translates DAP requests into GcRuntime
// commands and runtime events into DAP events, in the manner of
// vscode-mock-debug's MockDebugSession. No engine logic lives here: stepping,
// breakpoints, evaluation and the heap's numbers all come from the runtime;
// scopes and variables are built by VariablesModel from a StopView.
//
// Every request answers, whatever its arguments: a handler that throws (or
// whose promise rejects) becomes an error response, and the session goes on.

import * as path from 'node:path';
import {
  Breakpoint, ExitedEvent, InitializedEvent, InvalidatedEvent, LoggingDebugSession, Event as DapEvent,
  Source, StackFrame, StoppedEvent, TerminatedEvent, Thread, OutputEvent, logger, Logger,
} from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { GcRuntime } from '../runtime';
import type { StopInfo } from '../runtime';
import { stopView, type StopView } from '../runtime/inspect';
import { completeAtStop } from '../runtime/completions';
import { formatScenarioError, ScenarioError } from '../lang/errors';
import type { FrameInfo } from '../protocol/snapshot';
import { HandleTable } from './handles';
import { VariablesModel, objectValue, type VarSource } from './variables';
import { OutputTranslator } from './output';
import { toEventFilters } from './filters';
import { capabilities } from './capabilities';
import { answer, dataSpecs, functionSpecs, lineSpecs } from './breakpoint-args';
import { gotoTargets } from './goto';
import { validateLaunch } from './launch';
import { isAssignable } from './expressions';

const THREAD_ID = 1;
/** How long launch waits for configurationDone before starting anyway. */
const CONFIGURATION_TIMEOUT_MS = 5000;

type Phase = 'idle' | 'launching' | 'running' | 'stopped' | 'scenario-error' | 'terminated';

class RequestError extends Error {}

export class GcDebugSession extends LoggingDebugSession {
  private rt: GcRuntime | null = null;
  private phase: Phase = 'idle';
  private program = '';
  private source: Source | undefined;
  private lastStop: StopInfo | null = null;
  private view: StopView | null = null;
  private model: VariablesModel | null = null;
  private scenarioError: ScenarioError | null = null;
  private readonly vars = new HandleTable<VarSource>('variablesReference');
  private readonly frameIds = new HandleTable<number>('frameId');
  private output = new OutputTranslator((e) => this.sendEvent(e), () => this.source, (l) => this.convertDebuggerLineToClient(l));
  private configurationDone!: () => void;
  private configured = new Promise<void>((resolve) => { this.configurationDone = resolve; });
  private clientInvalidates = false;
  /** "Run without debugging": breakpoints and filters are ignored. */
  private noDebug = false;

  constructor() {
    super();
    this.setDebuggerLinesStartAt1(true);
    this.setDebuggerColumnsStartAt1(true);
    // A message that is not JSON must not end the session (the base class shuts down on 'error').
    this.removeAllListeners('error');
    this.on('error', (event: DapEvent) => {
      const text = String((event as { body?: unknown }).body ?? '');
      if (/^Error handling data/.test(text)) this.sendEvent(new OutputEvent(`PyGC Lab: ignored a malformed message (${text})\n`, 'console'));
      else this.shutdown();
    });
  }

  // ---- plumbing ---------------------------------------------------------------------------

  protected override dispatchRequest(request: DebugProtocol.Request): void {
    if (request.arguments === null || typeof request.arguments !== 'object' || Array.isArray(request.arguments)) {
      (request as { arguments?: unknown }).arguments = request.command === 'initialize' ? { pathFormat: 'path' } : {};
    }
    super.dispatchRequest(request);
  }

  /** Run a handler; any throw or rejection becomes an error response. */
  private guard(response: DebugProtocol.Response, f: () => void | Promise<void>): void {
    const fail = (e: unknown) => this.fail(response, e instanceof Error ? e.message : String(e));
    try {
      const r = f();
      if (r instanceof Promise) r.catch(fail);
    } catch (e) {
      fail(e);
    }
  }

  private fail(response: DebugProtocol.Response, message: string, showUser = false): void {
    this.sendErrorResponse(response, { id: 3000, format: '{_message}', variables: { _message: message }, showUser });
  }

  private requireRuntime(): GcRuntime {
    if (this.phase === 'idle' || this.phase === 'launching' || !this.rt) throw new RequestError("no scenario is running: send 'launch' first");
    if (this.phase === 'terminated') throw new RequestError('the scenario has ended');
    return this.rt;
  }

  private requireStopped(): { rt: GcRuntime; view: StopView; model: VariablesModel } {
    if (this.phase === 'scenario-error') throw new RequestError(`the scenario did not compile: ${this.scenarioError}`);
    const rt = this.requireRuntime();
    if (this.phase === 'running' || !this.view || !this.model) throw new RequestError('the scenario is running: pause it first');
    return { rt, view: this.view, model: this.model };
  }

  private lineOf(n: number): number { return this.convertDebuggerLineToClient(n); }

  // ---- runtime events ------------------------------------------------------------------------

  private attach(rt: GcRuntime): void {
    rt.on('stopped', (s: StopInfo) => {
      if (this.rt !== rt || this.phase === 'terminated') return;
      this.phase = 'stopped';
      this.lastStop = s;
      this.output.flush();
      this.vars.newEpoch();
      this.frameIds.newEpoch();
      this.view = stopView(rt);
      this.model = new VariablesModel(this.view, this.vars);
      const reason = s.reason === 'gc' ? 'exception' : s.reason;
      const e = new StoppedEvent(reason, THREAD_ID, s.text) as DebugProtocol.StoppedEvent;
      if (s.description) e.body.description = s.description;
      if (s.hitBreakpointIds?.length) e.body.hitBreakpointIds = s.hitBreakpointIds;
      this.sendEvent(e);
      this.sendEvent(new DapEvent('pygc/stopped', { reason: s.reason, step: s.step, line: s.line, description: s.description, lastStep: rt.frontier }));
    });
    rt.on('output', (o) => { if (this.rt === rt && this.phase !== 'terminated') this.output.write(o); });
    rt.on('exited', (code: number) => {
      if (this.rt !== rt || this.phase === 'terminated') return;
      this.output.close();
      this.sendEvent(new ExitedEvent(code));
    });
    rt.on('terminated', () => { if (this.rt === rt) this.end(); });
  }

  private end(): void {
    if (this.phase === 'terminated') return;
    this.output.close();
    this.phase = 'terminated';
    this.view = null;
    this.model = null;
    this.vars.newEpoch();
    this.frameIds.newEpoch();
    this.sendEvent(new TerminatedEvent());
  }

  // ---- initialize, launch, configuration -----------------------------------------------------

  protected override initializeRequest(response: DebugProtocol.InitializeResponse, args: DebugProtocol.InitializeRequestArguments): void {
    this.clientInvalidates = args.supportsInvalidatedEvent === true;
    // Until it is set up the logger queues every message forever (inline, start() never initialises
    // it): logging goes to the client as output events, off unless launch says "trace": true.
    logger.init((e) => this.sendEvent(e), undefined, false);
    logger.setup(Logger.LogLevel.Stop, false);
    response.body = { ...response.body, ...capabilities() };
    this.sendResponse(response);
  }

  protected override launchRequest(response: DebugProtocol.LaunchResponse, args: DebugProtocol.LaunchRequestArguments): void {
    this.guard(response, async () => {
      if (this.phase !== 'idle') throw new RequestError(this.phase === 'launching' ? 'launch is already in progress' : 'a scenario is already launched in this session');
      const v = validateLaunch(args);
      if (typeof v === 'string') {
        this.sendEvent(new OutputEvent(v + '\n', 'stderr'));
        this.fail(response, v, true);
        return;
      }
      this.phase = 'launching';
      if ((args as { trace?: unknown }).trace === true) logger.setup(Logger.LogLevel.Verbose, false);
      this.noDebug = (args as { noDebug?: unknown }).noDebug === true;
      this.program = v.program;
      this.source = new Source(path.basename(v.program), this.convertDebuggerPathToClient(v.program));
      const rt = new GcRuntime();
      this.rt = rt;
      this.attach(rt);
      try {
        rt.load({ source: v.source, filename: v.program, python: v.python, maxSteps: v.maxSteps });
      } catch (e) {
        if (!(e instanceof ScenarioError)) throw e;
        this.scenarioError = e;
      }
      this.sendResponse(response);
      this.sendEvent(new InitializedEvent());
      await Promise.race([this.configured, new Promise((r) => setTimeout(r, CONFIGURATION_TIMEOUT_MS))]);
      if (this.phase !== 'launching') return;
      if (this.scenarioError) {
        this.phase = 'scenario-error';
        this.output.write({ stream: 'stderr', text: formatScenarioError(this.scenarioError), line: this.scenarioError.lineno });
        const e = new StoppedEvent('exception', THREAD_ID, this.scenarioError.toString()) as DebugProtocol.StoppedEvent;
        e.body.description = `${this.scenarioError.toString()} (line ${this.scenarioError.lineno}): the scenario cannot run`;
        this.sendEvent(e);
        return;
      }
      this.phase = 'running';
      if (this.noDebug) rt.filters = toEventFilters({ filters: [] }).filters;
      rt.start(v.stopOnEntry && !this.noDebug);
    });
  }

  protected override configurationDoneRequest(response: DebugProtocol.ConfigurationDoneResponse): void {
    this.configurationDone();
    this.sendResponse(response);
  }

  protected override disconnectRequest(response: DebugProtocol.DisconnectResponse, args: DebugProtocol.DisconnectArguments): void {
    this.rt?.pause();
    this.phase = 'terminated';
    super.disconnectRequest(response, args);
  }

  protected override terminateRequest(response: DebugProtocol.TerminateResponse): void {
    this.guard(response, () => {
      this.rt?.pause();
      this.sendResponse(response);
      if (this.phase !== 'idle') this.end();
    });
  }

  // ---- breakpoints -------------------------------------------------------------------------

  private isProgram(source: DebugProtocol.Source | undefined): boolean {
    const p = source?.path;
    if (typeof p !== 'string') return false;
    return path.resolve(this.convertClientPathToDebugger(p)) === path.resolve(this.program);
  }

  protected override setBreakPointsRequest(response: DebugProtocol.SetBreakpointsResponse, args: DebugProtocol.SetBreakpointsArguments): void {
    this.guard(response, () => {
      const rt = this.requireLaunched();
      const specs = lineSpecs(args, (l) => this.convertClientLineToDebugger(l));
      if (!this.isProgram(args.source) || this.noDebug) {
        const message = this.noDebug ? 'running without debugging' : `only ${this.program} is being debugged`;
        response.body = { breakpoints: specs.map(() => ({ verified: false, message })) };
      } else {
        response.body = { breakpoints: answer(specs, (ok) => rt.setBreakpoints(ok), (v) => {
          const bp = new Breakpoint(v.verified, v.line !== undefined ? this.lineOf(v.line) : undefined, undefined, this.source) as DebugProtocol.Breakpoint;
          bp.id = v.id;
          if (v.message) bp.message = v.message;
          if (!v.verified) bp.line = undefined;
          return bp;
        }) };
      }
      this.sendResponse(response);
    });
  }

  /** Configuration requests work from launch on (before the run starts). */
  private requireLaunched(): GcRuntime {
    if (!this.rt || this.phase === 'idle') throw new RequestError("no scenario is loaded: send 'launch' first");
    return this.rt;
  }

  protected override breakpointLocationsRequest(response: DebugProtocol.BreakpointLocationsResponse, args: DebugProtocol.BreakpointLocationsArguments): void {
    this.guard(response, () => {
      const rt = this.requireLaunched();
      const from = this.convertClientLineToDebugger(Number(args.line) || 1);
      const to = args.endLine !== undefined ? this.convertClientLineToDebugger(Number(args.endLine)) : from;
      const lines = this.isProgram(args.source) && !this.scenarioError ? rt.executableLines().filter((l) => l >= from && l <= to) : [];
      response.body = { breakpoints: lines.map((l) => ({ line: this.lineOf(l) })) };
      this.sendResponse(response);
    });
  }

  protected override setFunctionBreakPointsRequest(response: DebugProtocol.SetFunctionBreakpointsResponse, args: DebugProtocol.SetFunctionBreakpointsArguments): void {
    this.guard(response, () => {
      const rt = this.requireLaunched();
      const specs = this.noDebug ? [] : functionSpecs(args);
      response.body = { breakpoints: answer(specs, (ok) => rt.setFunctionBreakpoints(ok), (v) => ({ id: v.id, verified: v.verified, message: v.message })) };
      this.sendResponse(response);
    });
  }

  protected override setExceptionBreakPointsRequest(response: DebugProtocol.SetExceptionBreakpointsResponse, args: DebugProtocol.SetExceptionBreakpointsArguments): void {
    this.guard(response, () => {
      const rt = this.requireLaunched();
      const { filters, breakpoints } = toEventFilters(args);
      if (!this.noDebug) rt.filters = filters;
      response.body = { breakpoints };
      this.sendResponse(response);
    });
  }

  protected override dataBreakpointInfoRequest(response: DebugProtocol.DataBreakpointInfoResponse, args: DebugProtocol.DataBreakpointInfoArguments): void {
    this.guard(response, () => {
      const { rt, view, model } = this.requireStopped();
      let id: number | undefined;
      let label = String(args.name ?? '');
      if (args.variablesReference !== undefined && args.variablesReference !== 0) {
        id = model.rowInfo(args.variablesReference, this.vars.get(args.variablesReference), label)?.objectId;
      } else if (label) {
        const r = rt.evaluate(label, this.pythonFrameIndex(args.frameId), 'watch');
        if (!r.error) id = r.objectId;
      }
      const o = id !== undefined ? view.object(id) : null;
      if (id === undefined || !o) {
        response.body = { dataId: null, description: `${label || 'this row'} is not an object whose refcount can be watched` };
      } else {
        label = label || o.repr;
        response.body = {
          dataId: `refcount:${id}`,
          description: `refcount of ${label} (${o.repr}): stop when it changes or the object is freed`,
          accessTypes: ['write'],
          canPersist: false,
        };
      }
      this.sendResponse(response);
    });
  }

  protected override setDataBreakpointsRequest(response: DebugProtocol.SetDataBreakpointsResponse, args: DebugProtocol.SetDataBreakpointsArguments): void {
    this.guard(response, () => {
      const rt = this.requireLaunched();
      const specs = this.noDebug ? [] : dataSpecs(args);
      response.body = { breakpoints: answer(specs, (ok) => rt.setDataBreakpoints(ok), (v) => ({ id: v.id, verified: v.verified, message: v.message })) };
      this.sendResponse(response);
    });
  }

  // ---- execution ---------------------------------------------------------------------------

  /** Commands that move execution: allowed at a stop (and after a compile error they end the session). */
  private move(response: DebugProtocol.Response, f: (rt: GcRuntime) => void): void {
    this.guard(response, () => {
      if (this.phase === 'scenario-error') {
        this.sendResponse(response);
        this.sendEvent(new ExitedEvent(2));
        this.end();
        return;
      }
      const rt = this.requireRuntime();
      if (this.phase === 'running') throw new RequestError('the scenario is already running');
      this.phase = 'running';
      this.view = null;
      this.model = null;
      this.sendResponse(response);
      f(rt);
    });
  }

  protected override continueRequest(response: DebugProtocol.ContinueResponse): void {
    response.body = { allThreadsContinued: true };
    this.move(response, (rt) => rt.continue());
  }
  protected override nextRequest(response: DebugProtocol.NextResponse): void { this.move(response, (rt) => rt.next()); }
  protected override stepInRequest(response: DebugProtocol.StepInResponse): void { this.move(response, (rt) => rt.stepIn()); }
  protected override stepOutRequest(response: DebugProtocol.StepOutResponse): void { this.move(response, (rt) => rt.stepOut()); }
  protected override stepBackRequest(response: DebugProtocol.StepBackResponse): void { this.move(response, (rt) => rt.stepBack()); }
  protected override reverseContinueRequest(response: DebugProtocol.ReverseContinueResponse): void { this.move(response, (rt) => rt.reverseContinue()); }

  protected override pauseRequest(response: DebugProtocol.PauseResponse): void {
    this.guard(response, () => {
      const rt = this.requireRuntime();
      if (this.phase === 'running') rt.pause();
      this.sendResponse(response);
    });
  }

  protected override gotoTargetsRequest(response: DebugProtocol.GotoTargetsResponse, args: DebugProtocol.GotoTargetsArguments): void {
    this.guard(response, () => {
      const { rt } = this.requireStopped();
      if (!this.isProgram(args.source)) throw new RequestError(`only ${this.program} is being debugged`);
      const asked = this.convertClientLineToDebugger(Number(args.line) || 0);
      const line = rt.executableLines().find((l) => l >= asked);
      const targets = line === undefined ? [] : gotoTargets(rt.timeline, Math.min(rt.timeline.recordedSteps, rt.frontier), rt.currentStep, line)
        .map((t) => ({ id: t.step, label: t.label, line: this.lineOf(line) }));
      response.body = { targets };
      this.sendResponse(response);
    });
  }

  protected override gotoRequest(response: DebugProtocol.GotoResponse, args: DebugProtocol.GotoArguments): void {
    this.guard(response, () => {
      const step = args.targetId;
      if (!Number.isInteger(step) || step < 1) throw new RequestError(`goto: target ${JSON.stringify(step)} is not a step`);
      this.move(response, (rt) => rt.gotoStep(step));
    });
  }

  // ---- inspection --------------------------------------------------------------------------

  protected override threadsRequest(response: DebugProtocol.ThreadsResponse): void {
    response.body = { threads: [new Thread(THREAD_ID, 'MainThread')] };
    this.sendResponse(response);
  }

  private frameName(f: FrameInfo): string {
    if ((f.role === 'finalizer' || f.role === 'callback') && f.reason) return `${f.name} ‹${f.reason}›`;
    return f.name;
  }

  protected override stackTraceRequest(response: DebugProtocol.StackTraceResponse, args: DebugProtocol.StackTraceArguments): void {
    this.guard(response, () => {
      if (this.phase === 'scenario-error' && this.scenarioError) {
        const e = this.scenarioError;
        const sf = new StackFrame(this.frameIds.create(0), '<module>', this.source, this.lineOf(e.lineno), Math.max(1, e.col));
        response.body = { stackFrames: [sf], totalFrames: 1 };
        this.sendResponse(response);
        return;
      }
      const { view } = this.requireStopped();
      const frames = view.frames();
      const start = Math.max(0, Number(args.startFrame) || 0);
      const levels = Number(args.levels) > 0 ? Number(args.levels) : frames.length;
      response.body = {
        stackFrames: frames.slice(start, start + levels).map((f, k) => {
          const sf = new StackFrame(this.frameIds.create(start + k), this.frameName(f), this.source, this.lineOf(f.line), 1) as DebugProtocol.StackFrame;
          if (f.role === 'collector') sf.presentationHint = 'subtle';
          return sf;
        }),
        totalFrames: frames.length,
      };
      this.sendResponse(response);
    });
  }

  /** The runtime counts Python frames only: a display index maps to the Python frame at or below it. */
  private pythonFrameIndex(frameId: number | undefined): number {
    if (frameId === undefined) return 0;
    const display = this.frameIds.get(frameId);
    const frames = this.view?.frames() ?? [];
    let n = 0;
    for (let i = 0; i < display && i < frames.length; i++) if (frames[i].role !== 'collector') n++;
    return n;
  }

  protected override scopesRequest(response: DebugProtocol.ScopesResponse, args: DebugProtocol.ScopesArguments): void {
    this.guard(response, () => {
      if (this.phase === 'scenario-error') {
        this.frameIds.get(args.frameId);
        response.body = { scopes: [] };
        this.sendResponse(response);
        return;
      }
      const { view, model } = this.requireStopped();
      const index = this.frameIds.get(args.frameId);
      const frame = view.frames()[index];
      if (!frame) throw new RequestError(`frame ${args.frameId} no longer exists`);
      response.body = { scopes: model.scopes(index, frame) };
      this.sendResponse(response);
    });
  }

  protected override variablesRequest(response: DebugProtocol.VariablesResponse, args: DebugProtocol.VariablesArguments): void {
    this.guard(response, () => {
      const { model } = this.requireStopped();
      const src = this.vars.get(args.variablesReference);
      const filter = args.filter === 'indexed' || args.filter === 'named' ? args.filter : undefined;
      const start = Math.max(0, Number(args.start) || 0);
      const count = Math.max(0, Number(args.count) || 0);
      response.body = { variables: model.variables(args.variablesReference, src, filter, start, count) };
      this.sendResponse(response);
    });
  }

  /** After a Debug Console statement changed the heap: fresh answers, and the client refreshes. */
  private heapChanged(rt: GcRuntime): void {
    this.view?.refresh();
    if (this.clientInvalidates) this.sendEvent(new InvalidatedEvent(['variables']));
    this.sendEvent(new DapEvent('pygc/stopped', { reason: 'evaluate', step: rt.currentStep, line: this.lastStop?.line ?? 0, lastStep: rt.frontier }));
  }

  protected override evaluateRequest(response: DebugProtocol.EvaluateResponse, args: DebugProtocol.EvaluateArguments): void {
    this.guard(response, () => {
      const { rt, view, model } = this.requireStopped();
      if (typeof args.expression !== 'string' || !args.expression.trim()) throw new RequestError('nothing to evaluate');
      const frame = this.pythonFrameIndex(args.frameId);
      const repl = args.context === 'repl';
      const r = rt.evaluate(args.expression, frame, repl ? 'repl' : args.context === 'hover' ? 'hover' : 'watch');
      if (r.error) throw new RequestError(r.result);
      if (repl) this.heapChanged(rt);
      const o = r.objectId !== undefined ? view.object(r.objectId) : null;
      if (o && r.objectId !== undefined) {
        const row = model.objectRow(args.expression, r.objectId, args.expression);
        response.body = { result: repl ? r.result : objectValue(o), type: r.type, variablesReference: row.variablesReference,
          indexedVariables: row.indexedVariables, namedVariables: row.namedVariables };
      } else {
        response.body = { result: r.result, type: r.type, variablesReference: 0 };
      }
      this.sendResponse(response);
    });
  }

  protected override setVariableRequest(response: DebugProtocol.SetVariableResponse, args: DebugProtocol.SetVariableArguments): void {
    this.guard(response, () => {
      const { rt, view, model } = this.requireStopped();
      const src = this.vars.get(args.variablesReference);
      const row = model.rowInfo(args.variablesReference, src, String(args.name));
      if (!row) throw new RequestError(`no variable '${args.name}' here: expand the scope again`);
      const target = row.evaluateName;
      if (!row.assignable || !target || !isAssignable(target)) throw new RequestError(`'${args.name}' cannot be assigned`);
      if (typeof args.value !== 'string' || !args.value.trim()) throw new RequestError('no value given');
      const frames = view.frames();
      let frame = 0;
      if (src.kind === 'locals') frame = frames.slice(0, src.frame).filter((f) => f.role !== 'collector').length;
      else if (src.kind === 'globals') frame = frames.filter((f) => f.role !== 'collector').length - 1;
      const r = rt.evaluate(`${target} = (${args.value})`, frame, 'repl');
      if (r.error) throw new RequestError(r.result);
      this.heapChanged(rt);
      const now = rt.evaluate(target, frame, 'watch');
      const o = now.objectId !== undefined ? view.object(now.objectId) : null;
      if (o && now.objectId !== undefined) {
        const nrow = model.objectRow(String(args.name), now.objectId, target, true);
        response.body = { value: nrow.value, type: nrow.type, variablesReference: nrow.variablesReference,
          indexedVariables: nrow.indexedVariables, namedVariables: nrow.namedVariables };
      } else {
        response.body = { value: now.result, type: now.type, variablesReference: 0 };
      }
      this.sendResponse(response);
    });
  }

  protected override completionsRequest(response: DebugProtocol.CompletionsResponse, args: DebugProtocol.CompletionsArguments): void {
    this.guard(response, () => {
      const { rt } = this.requireStopped();
      const text = typeof args.text === 'string' ? args.text : '';
      const column = this.convertClientColumnToDebugger(Number(args.column) || text.length + 1);
      const { items, start } = completeAtStop(rt, text, column, this.pythonFrameIndex(args.frameId));
      const length = Math.max(0, column - 1 - start);
      response.body = {
        targets: items.map((c) => ({ label: c.label, type: c.type, start: this.convertDebuggerColumnToClient(start + 1), length })),
      };
      this.sendResponse(response);
    });
  }

  protected override exceptionInfoRequest(response: DebugProtocol.ExceptionInfoResponse): void {
    this.guard(response, () => {
      if (this.phase === 'scenario-error' && this.scenarioError) {
        const e = this.scenarioError;
        response.body = { exceptionId: e.errorType, description: e.msg, breakMode: 'always',
          details: { message: e.msg, typeName: e.errorType, stackTrace: formatScenarioError(e) } };
        this.sendResponse(response);
        return;
      }
      this.requireStopped();
      const s = this.lastStop;
      if (!s || (s.reason !== 'exception' && s.reason !== 'gc')) throw new RequestError('this stop is not on an exception or a GC event');
      const text = s.description ?? s.text ?? s.reason;
      const id = s.reason === 'gc' ? 'gc' : (/^([A-Za-z_][\w.]*)/.exec(text)?.[1] ?? 'Exception');
      response.body = { exceptionId: id, description: text, breakMode: s.reason === 'gc' ? 'always' : 'unhandled' };
      this.sendResponse(response);
    });
  }

  // ---- custom requests for the GC panel ----------------------------------------------------

  protected override customRequest(command: string, response: DebugProtocol.Response, args: unknown): void {
    this.guard(response, () => {
      const a = (args ?? {}) as Record<string, unknown>;
      switch (command) {
        case 'pygc/snapshot': {
          const { rt } = this.requireStopped();
          response.body = { snapshot: rt.snapshot(), timeline: rt.getTimeline() };
          this.sendResponse(response);
          return;
        }
        case 'pygc/timeline': {
          const rt = this.requireRuntime();
          response.body = { timeline: rt.getTimeline() };
          this.sendResponse(response);
          return;
        }
        case 'pygc/gotoStep': {
          const step = a.step;
          if (typeof step !== 'number' || !Number.isInteger(step) || step < 1) throw new RequestError(`pygc/gotoStep: 'step' must be a positive integer (got ${JSON.stringify(step)})`);
          this.requireStopped();
          this.move(response, (rt) => rt.gotoStep(step));
          return;
        }
        default:
          throw new RequestError(`unrecognized request '${command}'`);
      }
    });
  }
}
