// The engine's front door: set up an interpreter for a profile, compile a
// scenario, run it (one statement at a time when a line hook is set), and
// finalise it the way CPython's Py_FinalizeEx does, reporting the exit code.

import { Interp, OutputSink } from './interp';
import { activate } from './active';
import { getProfile, Profile } from './profile';
import { parseScenario } from '../lang';
import { bytesLiteralsAsStr, findPy2Unsupported } from '../lang/py2check';
import { ScenarioError, formatScenarioError } from '../lang/errors';
import { compileModule, compileInteractive } from './compiler/compiler';
import { ConstPool, type ConstFactory } from './compiler/constpool';
import type { Code } from './compiler/code';
import type * as A from '../lang/ast';
import { PyDict, PyModule, PyObject, PyStr, PyException, PyInt, PyStandIn } from './objects';
import { Frame } from './vm/frame';
import { runFrame } from './vm/eval';
import { Collector } from './gc/collector';
import { installAllMethods } from './builtins/methods';
import { installModules } from './builtins/modules';
import { installPy2Builtins } from './py2/builtins';
import { parkCompilerScratch } from './py2/compilefree';
import { builtinFunctions } from './builtins/functions';
import { dictSetStr } from './builtins/dictops';
import { LimitExceeded, NotSupportedRuntime, PyRaise, StopExecution } from './errors';
import { deepClone } from './clone';
import { formatException } from './exceptions';
import { isSubclass } from './ops';
import { reprOf, strOf } from './repr';
import { clearRefs } from './gc/traverse';

export interface EngineOptions {
  filename: string;
  /** Profile name, e.g. "3.11". */
  python?: string;
  maxSteps?: number;
  out: OutputSink;
  /** Replace parts of the profile (tests of one mechanism under another version's rule). */
  profileOverrides?: Partial<Profile>;
}

export interface RunResult {
  exitCode: number;
  /** Set when the run ended because of a limit or an unsupported construct. */
  abortReason?: string;
}


export class Engine {
  readonly it: Interp;
  readonly collector: Collector;
  readonly profile: Profile;
  readonly mainModule: PyModule;
  readonly globals: PyDict;
  code: Code | null = null;
  /** Objects with a smaller serial belong to the interpreter (types, builtins, modules, start-up objects). */
  firstScenarioSerial = 0;
  private moduleFrame: Frame | null = null;

  constructor(readonly source: string, readonly opts: EngineOptions) {
    this.profile = { ...getProfile(opts.python ?? '3.11'), ...opts.profileOverrides };
    const it = (this.it = new Interp(this.profile, opts.out));
    activate(it);
    if (opts.maxSteps) it.maxSteps = opts.maxSteps;
    it.mainFile = opts.filename;
    installAllMethods();
    this.collector = new Collector(it);
    installModules();
    this.installBuiltins();
    if (this.profile.version[0] === 2) installPy2Builtins(it);
    const g = (this.globals = it.rawDict());
    it.heap.gens[2].append(g);
    // 2.7: PyModule_New's __name__/__doc__/__package__, initmain's __builtins__, the runner's __file__.
    const names = this.profile.version[0] === 2 ? ['__name__', '__doc__', '__package__', '__builtins__', '__file__'] : null;
    for (const [k, v] of [['__name__', () => it.newStr('__main__')], ['__doc__', () => it.newNone()], ['__package__', () => it.newNone()],
      ['__loader__', () => it.newNone()], ['__spec__', () => it.newNone()], ['__annotations__', () => it.rawDict()],
      ['__builtins__', () => it.inc(it.modules.get('builtins')!)], ['__file__', () => it.newStr(opts.filename)],
      ['__cached__', () => it.newNone()]] as [string, () => PyObject][]) {
      if (!names || names.includes(k)) dictSetStr(it, g, k, v());
    }
    this.mainModule = new PyModule(it.types.module, '__main__', g);
    this.mainModule.addr = it.heap.rawAddress(72);
    it.modules.set('__main__', this.mainModule);
    it.sources.set(opts.filename, source.split(/\r?\n/));
    this.addStartupObjects();
    it.heap.count = [...this.profile.startup.count];
    this.firstScenarioSerial = it.serials.n + 1;
  }

  /** The interpreter's own tracked objects and collector state at start-up (stand-ins: never garbage). */
  private addStartupObjects(): void {
    const it = this.it;
    const st = this.profile.startup;
    // One weighted stand-in per generation: never untracked, never garbage.
    const standIn = (n: number) => it.rawNew(new PyStandIn(it.types.list, n), 72);
    st.generationSizes.forEach((n, g) => { if (n) it.heap.gens[g].append(standIn(n)); });
    if (this.profile.permanentAtStart) it.heap.permanent.append(standIn(this.profile.permanentAtStart));
    it.heap.longLivedPending = st.longLivedPending;
    it.heap.longLivedTotal = st.longLivedTotal;
    st.stats.forEach(([c, m, n], g) => { Object.assign(this.collector.stats[g], { collections: c, collected: m, uncollectable: n }); });
  }

  private installBuiltins(): void {
    const it = this.it;
    const b = it.builtins;
    const VARARGS = new Set([...(this.profile.hidden.varargsBuiltins ?? ['min', 'max']), ...(this.profile.hidden.varsArgsTuple ? ['vars'] : [])]);
    for (const [name, impl] of Object.entries(builtinFunctions())) {
      const f = it.newBuiltin(name, impl);
      f.varargs = VARARGS.has(name);
      dictSetStr(it, b, name, f);
    }
    const typeNames = ['int', 'float', 'str', 'bool', 'list', 'tuple', 'dict', 'set', 'frozenset', 'object', 'type', 'range',
      'enumerate', 'zip', 'reversed', 'map', 'filter', 'super', 'property', 'staticmethod', 'classmethod', 'bytes', 'slice'];
    for (const n of typeNames) dictSetStr(it, b, n, it.inc(it.types.get(n)));
    for (const t of it.types.byName.values()) if (t.builtinBase === 'BaseException') dictSetStr(it, b, t.name, it.inc(t));
    dictSetStr(it, b, 'None', it.newNone());
    dictSetStr(it, b, 'True', it.newBool(true));
    dictSetStr(it, b, 'False', it.newBool(false));
    dictSetStr(it, b, 'Ellipsis', it.inc(it.Ellipsis));
    dictSetStr(it, b, 'NotImplemented', it.inc(it.NotImplemented));
    dictSetStr(it, b, '__name__', it.newStr('builtins'));
    const bm = new PyModule(it.types.module, 'builtins', b);
    bm.addr = it.heap.rawAddress(72);
    bm.rc = 100;
    it.modules.set('builtins', bm);
  }

  /** Make this engine the one native functions act on (before running or evaluating). */
  activate(): void { activate(this.it); }

  /** Parse, check and compile; throws ScenarioError. */
  compile(): Code {
    const mod = parseScenario(this.source, this.opts.filename);
    if (this.profile.version[0] === 2) bytesLiteralsAsStr(mod);
    if (this.profile.foldedConsts) this.parserConsts = collectParserConsts(mod, this.profile.version[0] === 2);
    if (this.profile.version[0] === 2) {
      const py2 = findPy2Unsupported(mod, this.opts.filename, this.source);
      if (py2.length) throw py2[0];
      parkCompilerScratch(this.it, mod);
    }
    this.code = compileModule(mod, this.opts.filename, this.constFactory(), (lineno, category, message) => {
      const line = this.it.sourceLine(this.opts.filename, lineno);
      this.it.out.stderr(`${this.opts.filename}:${lineno}: ${category}: ${message}\n` + (line !== null ? `  ${line.trim()}\n` : ''));
    }, [this.profile.version[0], this.profile.version[1]]);
    return this.code;
  }


  /** The constant values the parser produced (before folding), for foldedConsts. */
  private parserConsts: { consts: WeakSet<object>; negated: Set<string> } | null = null;

  /** The constants of one compilation (merged across code objects: 3.8+). ≤3.6 (foldedConsts):
   *  constants the peephole optimiser makes (folded expressions, constant tuples) exist only in
   *  co_consts, as the parser's arena never held them. */
  private constFactory(): ConstFactory {
    const fromParser = this.profile.foldedConsts ? this.parserConsts : null;
    const folded = fromParser
      ? (v: A.ConstValue) => !fromParser.consts.has(v) && v.type !== 'str'
        && !((v.type === 'int' || v.type === 'float') && fromParser.negated.has(String(v.value)))
      : undefined;
    return new ConstPool(this.it, this.profile.mergeConsts, this.profile.constTuplesTracked, folded,
      this.profile.foldsInCfg === true);
  }

  /**
   * Evaluate debugger input in the context of `frame` (its locals, cells, globals).
   * 'eval' returns the value (a new reference); 'exec' runs statements and returns None.
   * Throws ScenarioError for bad input and PyRaise for a Python exception.
   */
  evaluateIn(frame: Frame | null, source: string, mode: 'eval' | 'exec'): PyObject {
    const it = this.it;
    activate(it);
    const mod = parseScenario(source, '<debug>');
    const code = compileInteractive(mod, '<debug>', this.constFactory(), mode, [this.profile.version[0], this.profile.version[1]]);
    const f = new Frame(code, null, frame ? frame.globals : this.globals, null, null);
    f.evalTarget = frame;
    f.role = 'call';
    return runFrame(it, f);
  }

  /** The module frame (created on first use), for runtimes that step. */
  moduleFrameFor(): Frame {
    if (!this.moduleFrame) {
      if (!this.code) this.compile();
      const f = new Frame(this.code!, null, this.globals, null, null);
      f.localsDict = null;
      f.role = 'module';
      this.moduleFrame = f;
    }
    return this.moduleFrame;
  }

  /** Where the run is: not started, in __main__, finalising, or done. */
  stage: 'new' | 'main' | 'finalize' | 'done' = 'new';
  /** Set when the stage is 'done'. */
  result: RunResult | null = null;
  private exitCode = 0;

  /** Run the scenario to completion, then finalise. */
  run(): RunResult {
    const r = this.advance();
    if (r === 'stopped') throw new Error('internal: a hook stopped a plain run');
    return r;
  }

  /**
   * Run (or continue) until the scenario and the interpreter's finalisation are
   * done, or until a hook throws StopExecution ('stopped'). A stop at a clean
   * point (it.runDepth was 1, in __main__) can be continued by calling advance()
   * again; any other stop leaves the engine unusable (the runtime replays a copy).
   */
  advance(): RunResult | 'stopped' {
    const it = this.it;
    activate(it);
    if (this.stage === 'new' || this.stage === 'main') {
      try {
        const resume = this.stage === 'main';
        this.stage = 'main';
        const f = this.moduleFrameFor();
        const r = resume ? runFrame(it, f, it.frame) : runFrame(it, f);
        it.dec(r);
      } catch (e) {
        if (e instanceof StopExecution) return 'stopped';
        const r = this.handleTopLevel(e);
        this.exitCode = r.exitCode;
        if (r.abortReason) return this.done(r);
      }
      this.stage = 'finalize';
    }
    if (this.stage === 'finalize') {
      try {
        this.finalize();
      } catch (e) {
        if (e instanceof StopExecution) return 'stopped';
        const r = this.handleTopLevel(e);
        if (r.abortReason) return this.done(r);
      }
    }
    return this.done(this.result ?? { exitCode: this.exitCode });
  }

  private done(r: RunResult): RunResult {
    this.stage = 'done';
    this.result = r;
    return r;
  }

  /** A complete, independent copy (the debugger's checkpoints). Hooks and listeners are not copied. */
  clone(): Engine {
    const it = this.it;
    const saved = { hook: it.hook, listener: it.heap.listener };
    it.hook = null;
    it.heap.listener = null;
    try {
      return deepClone(this as Engine, new Set<object>([it.out as object, it.sources, this.profile]));
    } finally {
      it.hook = saved.hook;
      it.heap.listener = saved.listener;
    }
  }

  private handleTopLevel(e: unknown): RunResult {
    const it = this.it;
    if (e instanceof PyRaise) {
      const exc = e.exc;
      if (isSubclass(exc.type, it.types.get('SystemExit'))) {
        // handle_system_exit: the exit code is read, then the exception is released
        // (with its traceback and the frames it holds) before finalisation.
        const args = (exc as PyException).args?.items ?? [];
        let code = 1;
        if (!args.length || args[0] === it.None) code = 0;
        else if (args[0] instanceof PyInt) code = Number(args[0].v) & 0xff;
        else it.out.stderr(strOf(it, args[0]) + '\n');
        it.dec(exc);
        return { exitCode: code };
      }
      it.out.stderr(formatException(it, exc));
      // PyErr_Print keeps it as sys.last_value (with its traceback, hence its frames and
      // their locals) until the interpreter's finalisation clears sys.last_*.
      it.lastExc = exc;
      return { exitCode: 1 };
    }
    if (e instanceof LimitExceeded) {
      it.out.stderr(`PyGC Lab: ${e.message} at line ${e.line}; the scenario was stopped (raise the limit with --max-steps)\n`);
      return { exitCode: 3, abortReason: e.message };
    }
    if (e instanceof NotSupportedRuntime) {
      // Shown like a compile-time refusal: file, line, the statement underlined.
      const line = e.line || it.frame?.lineno || 0;
      const text = it.sourceLine(this.opts.filename, line) ?? '';
      const indent = text.length - text.trimStart().length;
      const bytes = (t: string) => new TextEncoder().encode(t).length;
      const err = new ScenarioError('NotSupportedError', `${e.construct} is not supported by PyGC Lab`, this.opts.filename,
        line, bytes(text.slice(0, indent)) + 1, line, bytes(text.trimEnd()) + 1, text);
      it.out.stderr(formatScenarioError(err));
      return { exitCode: 2, abortReason: err.msg };
    }
    if (e instanceof RangeError && /call stack/.test(e.message)) {
      it.out.stderr('PyGC Lab: the simulation ran out of JavaScript stack (nesting too deep)\n');
      return { exitCode: 3, abortReason: 'stack overflow' };
    }
    throw e;
  }

  /** Py_FinalizeEx: final collection, module teardown, collection of what remains. */
  finalize(): void {
    const it = this.it;
    it.finalizing = true;
    it.frame = null;
    const heap = it.heap;
    if (this.profile.version[0] === 2) {
      // 2.7 Py_Finalize: PyGC_Collect (gc enabled or not), then PyImport_Cleanup sets the
      // names of __main__ to None in dict (hash-table) order; no collection afterwards.
      this.collector.collectExplicit(2);
      this.clearLastException();
      clearModuleDict(it, this.globals);
      return;
    }
    if (heap.enabled || this.profile.shutdownCollectsWhenDisabled) this.collector.collectExplicit(2);
    // finalize_modules_delete_special: sys.last_type/last_value/last_traceback = None.
    this.clearLastException();
    // sys.modules['__main__'] = None: the module object goes away.
    it.modules.delete('__main__');
    const g = this.globals;
    this.mainModule.dict = it.emptyGlobals;
    it.dec(g);
    // _PyGC_CollectNoFail
    if (!heap.collecting) {
      heap.collecting = true;
      try { this.collector.collectMain(2, false); } finally { heap.collecting = false; }
    }
    this.dumpShutdownStats();
    // Modules still alive get their dicts cleared.
    if (g.rc > 0 && g.map.size) clearModuleDict(it, g);
  }

  /** sys.last_value goes (an uncaught exception, its traceback, the frames it holds). */
  private clearLastException(): void {
    const e = this.it.lastExc;
    this.it.lastExc = null;
    if (e) this.it.dec(e);
  }

  private dumpShutdownStats(): void {
    const it = this.it;
    const heap = it.heap;
    if (!(heap.debug & 32) && it.garbage.items.length > 0 && heap.debug & 4) {
      it.out.stderr(`      ${reprOf(it, it.garbage)}\n`);
    }
  }
}

/** _PyModule_ClearDict: names starting with one underscore first, then the rest, set to None. */
function clearModuleDict(it: Interp, d: PyDict): void {
  const names = [...d.map.keys()].filter((k): k is string => typeof k === 'string');
  const pass = (pred: (n: string) => boolean) => {
    for (const n of names) {
      if (!pred(n)) continue;
      const e = d.map.get(n);
      if (!e || e.value === it.None) continue;
      const old = e.value;
      e.value = it.newNone();
      it.dec(old);
    }
  };
  pass((n) => n.startsWith('_') && !n.startsWith('__'));
  pass((n) => n !== '__builtins__');
  void clearRefs;
  void PyStr;
}

export function runScenario(source: string, opts: EngineOptions): RunResult {
  const e = new Engine(source, opts);
  e.compile();
  return e.run();
}

/** Every Constant node's value object in the module (folding later creates new ones), and, when
 *  the parser negates number literals itself (2.7's ast_for_factor), the values of `-literal`. */
function collectParserConsts(mod: A.Module, negates: boolean): { consts: WeakSet<object>; negated: Set<string> } {
  const consts = new WeakSet<object>();
  const negated = new Set<string>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) { for (const x of node) visit(x); return; }
    const n = node as { kind?: string; value?: unknown; op?: string; operand?: { kind?: string; value?: A.ConstValue } };
    if (n.kind === 'Constant' && n.value && typeof n.value === 'object') consts.add(n.value);
    if (negates && n.kind === 'UnaryOp' && n.op === 'USub' && n.operand?.kind === 'Constant') {
      const c = n.operand.value!;
      if (c.type === 'int') negated.add(String(-c.value));
      else if (c.type === 'float') negated.add(String(-c.value));
    }
    for (const v of Object.values(node)) if (v && typeof v === 'object') visit(v);
  };
  visit(mod.body);
  return { consts, negated };
}
