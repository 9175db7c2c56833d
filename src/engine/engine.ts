// The engine's front door: set up an interpreter for a profile, compile a
// scenario, run it (one statement at a time when a line hook is set), and
// finalise it the way CPython's Py_FinalizeEx does, reporting the exit code.

import { Interp, OutputSink } from './interp';
import { activate } from './active';
import { getProfile, Profile } from './profile';
import { parseScenario } from '../lang';
import { findPy2Unsupported } from '../lang/py2check';
import { ScenarioError, formatScenarioError } from '../lang/errors';
import { compileModule, compileInteractive } from './compiler/compiler';
import type { ConstFactory } from './compiler/fold';
import type * as A from '../lang/ast';
import type { Code } from './compiler/code';
import { PyCode } from './codeobj';
import { PyDict, PyModule, PyObject, PyStr, PyException, PyInt, PySet, PyStandIn } from './objects';
import { setAddKey, setItems } from './settable';
import { Frame } from './vm/frame';
import { runFrame } from './vm/eval';
import { Collector } from './gc/collector';
import { installAllMethods } from './builtins/methods';
import { installModules } from './builtins/modules';
import { installPy2Builtins } from './py2/builtins';
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

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

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
    const VARARGS = new Set(['min', 'max', ...(this.profile.hidden.varsArgsTuple ? ['vars'] : [])]);
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
    if (this.profile.foldedConstRefs !== undefined) this.parserConsts = collectParserConsts(mod, this.profile.version[0] === 2);
    if (this.profile.version[0] === 2) {
      const py2 = findPy2Unsupported(mod, this.opts.filename, this.source);
      if (py2.length) throw py2[0];
    }
    this.code = compileModule(mod, this.opts.filename, this.constFactory(), (lineno, category, message) => {
      const line = this.it.sourceLine(this.opts.filename, lineno);
      this.it.out.stderr(`${this.opts.filename}:${lineno}: ${category}: ${message}\n` + (line !== null ? `  ${line.trim()}\n` : ''));
    }, this.profile.version[0] === 3 && this.profile.version[1] >= 12, this.constDisplays());
    return this.code;
  }

  /** 3.9+ compiles list and set displays of three or more constants to one constant. */
  private constDisplays(): boolean {
    const [major, minor] = this.profile.version;
    return major > 3 || (major === 3 && minor >= 9);
  }

  /** The constant values the parser produced (before folding), for foldedConstRefs. */
  private parserConsts: { consts: WeakSet<object>; negated: Set<string> } | null = null;

  private constFactory(): ConstFactory {
    const it = this.it;
    const refs = this.profile.constRefs;
    const mk = (v: A.ConstValue): PyObject => {
      switch (v.type) {
        case 'int': {
          const o = it.newInt(v.value);
          if (!it.isSmallInt(o)) o.rc = refs;
          else o.rc += refs - 1;
          return o;
        }
        case 'float': { const o = it.newFloat(v.value); o.rc = refs; return o; }
        case 'str': {
          if (IDENT.test(v.value) || v.value.length <= 1) return it.intern(v.value);
          const o = it.newStr(v.value);
          o.rc = refs;
          return o;
        }
        case 'bytes': { const o = it.newBytes(v.value); o.rc = refs; return o; }
        case 'bool': return it.newBool(v.value);
        case 'None': return it.newNone();
        case 'Ellipsis': return it.inc(it.Ellipsis);
        case 'complex': throw new NotSupportedRuntime('complex numbers', 0);
        case 'tuple': {
          const t = it.constTuple(v.items.map(mk));
          if (t.rc < 1000) t.rc = refs;
          return t;
        }
        case 'frozenset': {
          // PyFrozenSet_New(tuple) in starunpack_helper, then merge_consts_recursive rebuilds it
          // from the first one's iteration order (PyFrozenSet_New of a tuple of its items).
          // Tracked in CPython, but reachable only through co_consts: left untracked and
          // uncounted here, as it is made before the scenario runs.
          const build = (items: PyObject[]): PySet => {
            const fs = new PySet(it.types.frozenset);
            fs.bsize = 216; fs.addr = it.heap.rawAddress(fs.bsize);
            for (const x of items) setAddKey(it, fs, x);
            return fs;
          };
          const first = build(v.items.map(mk));
          const firstItems = setItems(first);
          const fs = build(firstItems.map((x) => it.inc(x)));
          for (const x of firstItems) it.dec(x);
          fs.rc = refs;
          return fs;
        }
      }
    };
    const key = (v: A.ConstValue): string => {
      switch (v.type) {
        case 'int': return 'i' + v.value;
        case 'float': return 'f' + (Object.is(v.value, -0) ? '-0' : String(v.value));
        case 'str': return 's' + v.value;
        case 'bytes': return 'b' + Array.from(v.value).join(',');
        case 'bool': return 'B' + v.value;
        case 'tuple': return 't(' + v.items.map(key).join('|') + ')';
        case 'frozenset': return 'F(' + [...new Set(v.items.map(key))].sort().join('|') + ')';
        default: return v.type;
      }
    };
    // ≤3.6 (foldedConstRefs): constants the peephole optimiser makes (folded expressions,
    // constant tuples) exist only in co_consts; the parser's arena holds the others.
    const folded = this.profile.foldedConstRefs;
    const fromParser = this.parserConsts;
    return {
      constant: (v) => {
        const o = mk(v);
        if (folded !== undefined && fromParser && !fromParser.consts.has(v) && o.rc === refs && v.type !== 'str'
          && !((v.type === 'int' || v.type === 'float') && fromParser.negated.has(String(v.value)))) o.rc = folded;
        return [o, key(v)];
      },
      // Each occurrence of a small int in the source holds a reference (the parser's arena
      // keeps the AST's constants until the module has run); co_consts holds one per code
      // object (probe: docs/calibration/shared-refcounts.md).
      duplicate: (o) => { if (o instanceof PyInt && it.isSmallInt(o)) o.rc--; },
      strTuple: (names) => [it.constTuple(names.map((n) => it.intern(n))), 'T' + names.join(',')],
      code: (c) => { const o = new PyCode(it.types.code, c); o.addr = it.heap.rawAddress(160); return [o, c]; },
    };
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
    const code = compileInteractive(mod, '<debug>', this.constFactory(), mode, this.constDisplays());
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
        const args = (exc as PyException).args?.items ?? [];
        if (!args.length || args[0] === it.None) return { exitCode: 0 };
        if (args[0] instanceof PyInt) return { exitCode: Number(args[0].v) & 0xff };
        it.out.stderr(strOf(it, args[0]) + '\n');
        return { exitCode: 1 };
      }
      it.out.stderr(formatException(it, exc));
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
      clearModuleDict(it, this.globals);
      return;
    }
    if (heap.enabled) this.collector.collectExplicit(2);
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
