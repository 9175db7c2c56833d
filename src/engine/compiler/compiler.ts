// Compiles a checked syntax tree into Code objects (one per module, class
// body, function, lambda and comprehension), the way CPython's compiler does:
// same evaluation order, same constant folding, same stack discipline.

import type * as A from '../../lang/ast';
import { ScenarioError } from '../../lang/errors';
import { BinKind, CO_GENERATOR, CO_NESTED, CO_VARARGS, CO_VARKEYWORDS, Code, CmpKind, INPLACE_FLAG, Op } from './code';
import { buildScopes, Scope } from './symtable';
import { foldConstants } from './fold';
import { optimizeLoadFast } from './borrow';
import type { ConstFactory } from './constpool';

interface FBlock {
  kind: 'for' | 'while' | 'try-body' | 'finally-body' | 'handler' | 'finally-run';
  /** for loops: continue target; */
  continueTarget?: number;
  breakJumps?: number[];
  finalbody?: A.Stmt[];
  handlerName?: string | null;
}

/** Compile-time warnings (SyntaxWarning), reported as CPython's warnings module prints them. */
export type WarnFn = (lineno: number, category: string, message: string) => void;

function constTypeName(v: A.ConstValue): string {
  return v.type === 'None' ? 'NoneType' : v.type === 'Ellipsis' ? 'ellipsis' : v.type;
}

/** What the compiler does differently per CPython version (major, minor). */
function versionOptions(c: FnCompiler, [major, minor]: [number, number]): void {
  const atLeast = (m: number) => major > 3 || (major === 3 && minor >= m);
  c.syntaxWarnings = atLeast(8);
  c.constDisplays = atLeast(9);
  c.warnLiteralType = atLeast(12);
  c.whileTestOnce = atLeast(14);
  c.forIterAtIter = atLeast(13);
  c.borrowLoads = atLeast(14);
  c.inlineListComps = major === 2;
  c.py2Except = major === 2;
}

export function compileModule(mod: A.Module, filename: string, consts: ConstFactory, warn: WarnFn,
  version: [number, number]): Code {
  foldConstants(mod, version);
  const scopes = buildScopes(mod, version[0] === 2);
  const c = new FnCompiler(consts, scopes, scopes.get(mod)!, new Code('module', '<module>', '<module>', filename, 1), filename, '');
  c.warn = warn;
  versionOptions(c, version);
  c.body(mod.body);
  c.emitReturnNone();
  return c.finish();
}

/**
 * Compile debugger input evaluated in a frame's context: every name is looked
 * up (and stored) through the frame's locals, cells, globals and builtins.
 * 'eval': a single expression whose value is returned; 'exec': statements.
 */
export function compileInteractive(mod: A.Module, filename: string, consts: ConstFactory, mode: 'eval' | 'exec',
  version: [number, number]): Code {
  foldConstants(mod, version);
  const scopes = buildScopes(mod, version[0] === 2);
  const c = new FnCompiler(consts, scopes, scopes.get(mod)!, new Code('module', '<debug>', '<debug>', filename, 1), filename, '');
  versionOptions(c, version);
  c.syntaxWarnings = false;
  if (mode === 'eval') {
    const st = mod.body[0];
    if (mod.body.length !== 1 || st.kind !== 'Expr') throw new ScenarioError('SyntaxError', 'invalid syntax', filename, 1, 1, 1, 1, '');
    c.expr(st.value);
    c.emitReturn();
  } else {
    c.body(mod.body);
    c.emitReturnNone();
  }
  return c.finish();
}

const BINOPS: Record<A.BinOperator, BinKind> = {
  Add: BinKind.Add, Sub: BinKind.Sub, Mult: BinKind.Mult, MatMult: BinKind.MatMult, Div: BinKind.Div,
  Mod: BinKind.Mod, Pow: BinKind.Pow, LShift: BinKind.LShift, RShift: BinKind.RShift, BitOr: BinKind.BitOr,
  BitXor: BinKind.BitXor, BitAnd: BinKind.BitAnd, FloorDiv: BinKind.FloorDiv,
};

class FnCompiler {
  private ops: number[] = [];
  private pos: number[] = [];
  private nameIdx = new Map<string, number>();
  private fblocks: FBlock[] = [];
  private cur: A.Pos | null = null;
  private lines = new Set<number>();
  warn: WarnFn = () => {};
  /** 3.8+: SyntaxWarnings for `is` with a literal and for calling or subscripting a literal. */
  syntaxWarnings = false;
  /** 3.12+ names the literal's type in the `is` SyntaxWarning. */
  warnLiteralType = false;
  /** 3.9+: a list or set display of three or more constants is one constant (a tuple, or a
   *  frozenset) extended into an empty list or set (starunpack_helper). */
  constDisplays = false;
  /** 3.14: a while loop tests its condition only at the top (the body ends with a back-edge jump). */
  whileTestOnce = false;
  /** 3.13+: FOR_ITER is located at the iterable expression (a traceback's carets), before at the whole for statement. */
  forIterAtIter = false;
  /** 3.14: LOAD_FAST_BORROW (gh-130704), computed by optimizeLoadFast after compiling. */
  borrowLoads = false;
  /** 2.7: a list comprehension runs inline (BUILD_LIST, then the loop in the enclosing code);
   *  its loop variables are the enclosing scope's names and stay bound afterwards. */
  inlineListComps = false;
  /** 2.7: handlers set the thread's exc_info and leave `except … as name` bound. */
  py2Except = false;

  constructor(private cf: ConstFactory, private scopes: Map<unknown, Scope>, private scope: Scope, private code: Code,
    private filename: string, private qualPrefix: string) {
    if (scope.isFunctionLike()) {
      const cellsNotArgs = [...scope.cells].filter((n) => !scope.params.includes(n));
      code.varnames = scope.locals.filter((n) => !cellsNotArgs.includes(n));
      code.cellvars = [...scope.cells];
      code.cell2arg = code.cellvars.map((n) => scope.params.indexOf(n));
    } else if (scope.kind === 'class') {
      code.cellvars = scope.needsClassCell ? ['__class__'] : [];
      code.cell2arg = code.cellvars.map(() => -1);
    }
    code.freevars = [...scope.frees].filter((n) => !scope.cells.has(n));
  }

  finish(): Code {
    this.code.ops = Int32Array.from(this.ops);
    this.code.pos = Int32Array.from(this.pos);
    this.code.lineStarts = [...this.lines].sort((a, b) => a - b);
    if (this.borrowLoads && this.scope.isFunctionLike()) optimizeLoadFast(this.code);
    this.cf.finishCode?.(this.code);
    return this.code;
  }

  // ---- emission ------------------------------------------------------------------

  private emit(op: Op, arg = 0): number {
    const at = this.ops.length;
    this.ops.push(op, arg);
    const p = this.cur;
    if (p) this.pos.push(p.lineno, p.col_offset, p.end_lineno, p.end_col_offset);
    else this.pos.push(this.code.firstlineno, 0, this.code.firstlineno, 0);
    return at;
  }
  private here(): number { return this.ops.length; }
  private patch(at: number, target = this.here()): void { this.ops[at + 1] = target; }
  private at<T>(node: A.Pos, f: () => T): T {
    const saved = this.cur;
    this.cur = node;
    try { return f(); } finally { this.cur = saved; }
  }

  /** LOAD_CONST of a constant of the tree, or (made) one the compiler builds from the tree's. */
  private loadConst(v: A.ConstValue, made = false): void {
    this.emit(Op.LOAD_CONST, this.cf.constIndex(this.code, v, made));
  }
  private loadNone(): void { this.loadConst({ type: 'None' }); }
  emitReturnNone(): void { this.loadNone(); this.emit(Op.RETURN_VALUE); }
  emitReturn(): void { this.emit(Op.RETURN_VALUE); }

  private name(n: string): number {
    let i = this.nameIdx.get(n);
    if (i === undefined) { i = this.code.names.length; this.code.names.push(n); this.nameIdx.set(n, i); }
    return i;
  }

  private line(node: A.Pos): void {
    this.lines.add(node.lineno);
    this.at(node, () => this.emit(Op.LINE, node.lineno));
  }

  private error(node: A.Pos, msg: string): never {
    throw new ScenarioError('SyntaxError', msg, this.filename, node.lineno, node.col_offset + 1, node.end_lineno, node.end_col_offset + 1, '');
  }

  // ---- names ---------------------------------------------------------------------

  private derefIndex(n: string): number {
    const ci = this.code.cellvars.indexOf(n);
    if (ci >= 0) return ci;
    const fi = this.code.freevars.indexOf(n);
    if (fi >= 0) return this.code.cellvars.length + fi;
    throw new Error(`internal: no cell for ${n}`);
  }

  private loadName(n: string): void {
    if (this.code.name === '<debug>' && this.scope.kind === 'module') { this.emit(Op.LOAD_NAME, this.name(n)); return; }
    switch (this.scope.access(n)) {
      case 'fast': this.emit(Op.LOAD_FAST, this.code.varnames.indexOf(n)); return;
      case 'deref': this.emit(Op.LOAD_DEREF, this.derefIndex(n)); return;
      case 'classderef': this.emit(Op.LOAD_CLASSDEREF, this.derefIndex(n)); return;
      case 'global': this.emit(Op.LOAD_GLOBAL, this.name(n)); return;
      case 'name': this.emit(Op.LOAD_NAME, this.name(n)); return;
    }
  }
  private storeName(n: string): void {
    switch (this.scope.access(n)) {
      case 'fast': this.emit(Op.STORE_FAST, this.code.varnames.indexOf(n)); return;
      case 'deref': this.emit(Op.STORE_DEREF, this.derefIndex(n)); return;
      case 'classderef': this.emit(Op.STORE_NAME, this.name(n)); return;
      case 'global': this.emit(Op.STORE_GLOBAL, this.name(n)); return;
      case 'name': this.emit(Op.STORE_NAME, this.name(n)); return;
    }
  }
  private deleteName(n: string): void {
    switch (this.scope.access(n)) {
      case 'fast': this.emit(Op.DELETE_FAST, this.code.varnames.indexOf(n)); return;
      case 'deref': this.emit(Op.DELETE_DEREF, this.derefIndex(n)); return;
      case 'classderef': this.emit(Op.DELETE_NAME, this.name(n)); return;
      case 'global': this.emit(Op.DELETE_GLOBAL, this.name(n)); return;
      case 'name': this.emit(Op.DELETE_NAME, this.name(n)); return;
    }
  }

  // ---- statements ----------------------------------------------------------------

  body(stmts: A.Stmt[]): void { for (const s of stmts) this.stmt(s); }

  private stmt(s: A.Stmt): void {
    this.line(s);
    this.at(s, () => this.stmtInner(s));
  }

  private stmtInner(s: A.Stmt): void {
    switch (s.kind) {
      case 'Expr':
        this.expr(s.value);
        this.emit(Op.POP_TOP);
        return;
      case 'Assign':
        this.expr(s.value);
        s.targets.forEach((t, i) => {
          if (i < s.targets.length - 1) this.emit(Op.COPY, 1);
          this.assignTarget(t);
        });
        return;
      case 'AugAssign': return this.augAssign(s);
      case 'AnnAssign':
        if (s.value) { this.expr(s.value); this.assignTarget(s.target); }
        return;
      case 'Delete': for (const t of s.targets) this.delTarget(t); return;
      case 'Pass': this.emit(Op.NOP); return;
      case 'If': return this.ifStmt(s);
      case 'While': return this.whileStmt(s);
      case 'For': return this.forStmt(s);
      case 'Break': return this.breakStmt(s);
      case 'Continue': return this.continueStmt(s);
      case 'Return': return this.returnStmt(s);
      case 'FunctionDef': return this.funcDef(s);
      case 'ClassDef': return this.classDef(s);
      case 'Global': case 'Nonlocal': this.emit(Op.NOP); return;
      case 'Import':
        for (const a of s.names) {
          this.loadConst({ type: 'int', value: 0n });
          this.loadNone();
          this.emit(Op.IMPORT_NAME, this.name(a.name));
          this.storeName(a.asname ?? a.name.split('.')[0]);
        }
        return;
      case 'ImportFrom': {
        this.loadConst({ type: 'int', value: BigInt(s.level) });
        this.emit(Op.LOAD_CONST, this.constTupleOfStrs(s.names.map((a) => a.name)));
        this.emit(Op.IMPORT_NAME, this.name(s.module));
        for (const a of s.names) {
          this.emit(Op.IMPORT_FROM, this.name(a.name));
          this.storeName(a.asname ?? a.name);
        }
        this.emit(Op.POP_TOP);
        return;
      }
      case 'Raise':
        if (s.exc) this.expr(s.exc);
        if (s.cause) this.expr(s.cause);
        this.emit(Op.RAISE_VARARGS, s.exc ? (s.cause ? 2 : 1) : 0);
        return;
      case 'Assert': {
        this.expr(s.test);
        const j = this.emit(Op.POP_JUMP_IF_TRUE);
        this.emit(Op.LOAD_ASSERTION_ERROR);
        if (s.msg) { this.expr(s.msg); this.emit(Op.CALL, 1); }
        this.emit(Op.RAISE_VARARGS, 1);
        this.patch(j);
        return;
      }
      case 'Try': return this.tryStmt(s);
    }
  }

  private constTupleOfStrs(names: string[]): number {
    return this.cf.namesIndex(this.code, names);
  }

  private assignTarget(t: A.Expr): void {
    switch (t.kind) {
      case 'Name': this.storeName(t.id); return;
      case 'Attribute':
        this.expr(t.value);
        this.at(t, () => this.emit(Op.STORE_ATTR, this.name(t.attr)));
        return;
      case 'Subscript':
        this.expr(t.value);
        this.expr(t.slice);
        this.at(t, () => this.emit(Op.STORE_SUBSCR));
        return;
      case 'Tuple': case 'List': {
        const star = t.elts.findIndex((e) => e.kind === 'Starred');
        if (star >= 0) this.emit(Op.UNPACK_EX, star | ((t.elts.length - star - 1) << 8));
        else this.at(t, () => this.emit(Op.UNPACK_SEQUENCE, t.elts.length));
        for (const e of t.elts) this.assignTarget(e.kind === 'Starred' ? e.value : e);
        return;
      }
      default: this.error(t, 'cannot assign to expression');
    }
  }

  private delTarget(t: A.Expr): void {
    switch (t.kind) {
      case 'Name': this.at(t, () => this.deleteName(t.id)); return;
      case 'Attribute': this.expr(t.value); this.at(t, () => this.emit(Op.DELETE_ATTR, this.name(t.attr))); return;
      case 'Subscript': this.expr(t.value); this.expr(t.slice); this.at(t, () => this.emit(Op.DELETE_SUBSCR)); return;
      case 'Tuple': case 'List': for (const e of t.elts) this.delTarget(e); return;
      default: this.error(t, 'cannot delete expression');
    }
  }

  private augAssign(s: A.AugAssign): void {
    const t = s.target;
    const op = BINOPS[s.op] | INPLACE_FLAG;
    if (t.kind === 'Name') {
      this.loadName(t.id);
      this.expr(s.value);
      this.at(s, () => this.emit(Op.BINARY_OP, op));
      this.storeName(t.id);
    } else if (t.kind === 'Attribute') {
      this.expr(t.value);
      this.emit(Op.COPY, 1);
      this.at(t, () => this.emit(Op.LOAD_ATTR, this.name(t.attr)));
      this.expr(s.value);
      this.at(s, () => this.emit(Op.BINARY_OP, op));
      this.emit(Op.SWAP, 2);
      this.at(t, () => this.emit(Op.STORE_ATTR, this.name(t.attr)));
    } else if (t.kind === 'Subscript') {
      this.expr(t.value);
      this.expr(t.slice);
      this.emit(Op.COPY, 2);
      this.emit(Op.COPY, 2);
      this.at(t, () => this.emit(Op.BINARY_SUBSCR));
      this.expr(s.value);
      this.at(s, () => this.emit(Op.BINARY_OP, op));
      this.emit(Op.SWAP, 3);
      this.emit(Op.SWAP, 2);
      this.at(t, () => this.emit(Op.STORE_SUBSCR));
    } else this.error(t, "'expression' is an illegal expression for augmented assignment");
  }

  private ifStmt(s: A.If): void {
    this.expr(s.test);
    const jf = this.emit(Op.POP_JUMP_IF_FALSE);
    this.body(s.body);
    if (s.orelse.length) {
      const jend = this.emit(Op.JUMP);
      this.patch(jf);
      this.body(s.orelse);
      this.patch(jend);
    } else this.patch(jf);
  }

  /** As CPython compiles it: the test at the top, and again at the bottom where only a
   *  true result jumps back (so leaving the loop crosses no back-edge). */
  private whileStmt(s: A.While): void {
    const top = this.here();
    const fb: FBlock = { kind: 'while', continueTarget: top, breakJumps: [] };
    this.expr(s.test);
    const exits = [this.emit(Op.POP_JUMP_IF_FALSE)];
    const body = this.here();
    this.fblocks.push(fb);
    this.body(s.body);
    this.fblocks.pop();
    if (this.whileTestOnce) this.emit(Op.JUMP, top);
    else {
      this.line(s);
      this.expr(s.test);
      exits.push(this.emit(Op.POP_JUMP_IF_FALSE));
      this.at(s, () => this.emit(Op.JUMP, body));
    }
    for (const j of exits) this.patch(j);
    this.body(s.orelse);
    for (const j of fb.breakJumps!) this.patch(j);
  }

  private forStmt(s: A.For): void {
    this.expr(s.iter);
    this.at(s.iter, () => this.emit(Op.GET_ITER));
    const top = this.here();
    const fb: FBlock = { kind: 'for', continueTarget: top, breakJumps: [] };
    const fi = this.at(this.forIterAtIter ? s.iter : s, () => this.emit(Op.FOR_ITER));
    this.assignTarget(s.target);
    this.fblocks.push(fb);
    this.body(s.body);
    this.fblocks.pop();
    this.line(s);
    this.at(s, () => this.emit(Op.JUMP, top));
    this.patch(fi);
    this.body(s.orelse);
    for (const j of fb.breakJumps!) this.patch(j);
  }

  /** Emit the unwinding for leaving fblocks[from..] (break/continue/return). */
  private unwind(downTo: number, preserveTop: boolean): void {
    for (let i = this.fblocks.length - 1; i >= downTo; i--) {
      const fb = this.fblocks[i];
      switch (fb.kind) {
        case 'for':
          if (preserveTop) this.emit(Op.SWAP, 2);
          this.emit(Op.POP_TOP);
          break;
        case 'while': break;
        case 'try-body': this.emit(Op.POP_BLOCK); break;
        case 'handler':
          this.emit(Op.POP_EXCEPT);
          if (fb.handlerName && !this.py2Except) { this.loadNone(); this.storeName(fb.handlerName); this.deleteName(fb.handlerName); }
          break;
        case 'finally-body': {
          this.emit(Op.POP_BLOCK);
          const saved = this.fblocks.splice(i);
          this.fblocks.push({ kind: 'finally-run' });
          this.body(fb.finalbody!);
          this.fblocks.pop();
          this.fblocks.push(...saved);
          break;
        }
        case 'finally-run': break;
      }
    }
  }

  private loopIndex(): number {
    for (let i = this.fblocks.length - 1; i >= 0; i--) {
      const k = this.fblocks[i].kind;
      if (k === 'for' || k === 'while') return i;
    }
    return -1;
  }

  private breakStmt(s: A.Break): void {
    const li = this.loopIndex();
    if (li < 0) this.error(s, "'break' outside loop");
    this.unwind(li + 1, false);
    const fb = this.fblocks[li];
    if (fb.kind === 'for') this.emit(Op.POP_TOP);
    fb.breakJumps!.push(this.emit(Op.JUMP));
  }

  private continueStmt(s: A.Continue): void {
    const li = this.loopIndex();
    if (li < 0) this.error(s, "'continue' not properly in loop");
    this.unwind(li + 1, false);
    this.emit(Op.JUMP, this.fblocks[li].continueTarget!);
  }

  private returnStmt(s: A.Return): void {
    if (!this.scope.isFunctionLike()) this.error(s, "'return' outside function");
    if (s.value) this.expr(s.value); else this.loadNone();
    this.unwind(0, true);
    this.emit(Op.RETURN_VALUE);
  }

  private tryStmt(s: A.Try): void {
    if (s.finalbody.length) {
      const setup = this.emit(Op.SETUP_FINALLY);
      this.fblocks.push({ kind: 'finally-body', finalbody: s.finalbody });
      if (s.handlers.length) this.tryExcept(s); else this.body(s.body);
      this.fblocks.pop();
      this.emit(Op.POP_BLOCK);
      this.fblocks.push({ kind: 'finally-run' });
      this.body(s.finalbody);
      this.fblocks.pop();
      const jend = this.emit(Op.JUMP);
      this.patch(setup);
      // Exception path: exception on the stack, exc_info saved by the VM.
      this.fblocks.push({ kind: 'finally-run' });
      this.body(s.finalbody);
      this.fblocks.pop();
      this.emit(Op.RERAISE);
      this.patch(jend);
    } else this.tryExcept(s);
  }

  private tryExcept(s: A.Try): void {
    const setup = this.emit(Op.SETUP_FINALLY);
    this.fblocks.push({ kind: 'try-body' });
    this.body(s.body);
    this.fblocks.pop();
    this.emit(Op.POP_BLOCK);
    this.body(s.orelse);
    const ends: number[] = [this.emit(Op.JUMP)];
    this.patch(setup);
    // Handler entry: the exception is on the stack and the VM has pushed an
    // except-handler block that restores exc_info when popped or unwound
    // (2.7: set_exc_info here, and nothing is restored).
    if (this.py2Except) this.emit(Op.PY2_EXC, 0);
    for (const h of s.handlers) {
      this.line(h);
      let next = -1;
      this.at(h, () => {
        if (h.type) {
          this.expr(h.type);
          this.emit(Op.CHECK_EXC_MATCH);
          next = this.emit(Op.POP_JUMP_IF_FALSE);
        }
        if (h.name) this.storeName(h.name); else this.emit(Op.POP_TOP);
        if (this.py2Except) this.emit(Op.PY2_EXC, 1);
      });
      this.fblocks.push({ kind: 'handler', handlerName: h.name });
      this.body(h.body);
      this.fblocks.pop();
      this.emit(Op.POP_EXCEPT);
      if (h.name && !this.py2Except) { this.loadNone(); this.storeName(h.name); this.deleteName(h.name); }
      ends.push(this.emit(Op.JUMP));
      if (next >= 0) this.patch(next);
    }
    // No handler matched: re-raise the exception still on the stack.
    this.emit(Op.RERAISE);
    for (const j of ends) this.patch(j);
  }

  // ---- functions and classes -------------------------------------------------------

  private makeFunction(node: A.FunctionDef | A.Lambda | A.Expr, name: string, args: A.Arguments | null,
    compileBody: (c: FnCompiler) => void, kind: 'function' | 'lambda' | 'comprehension'): void {
    const scope = this.scopes.get(node)!;
    let flags = 0;
    if (args) {
      if (args.defaults.length) {
        for (const d of args.defaults) this.expr(d);
        this.emit(Op.BUILD_TUPLE, args.defaults.length);
        flags |= 1;
      }
      const kwd = args.kwonlyargs.map((a, i) => [a, args.kw_defaults[i]] as const).filter(([, d]) => d);
      if (kwd.length) {
        for (const [a, d] of kwd) { this.loadConst({ type: 'str', value: a.arg }); this.expr(d!); }
        this.emit(Op.BUILD_MAP, kwd.length);
        flags |= 2;
      }
    }
    const qual = this.childQualname(name);
    const code = new Code(kind, name, qual, this.filename, (node as A.Pos).lineno);
    if (args) {
      code.posonlyargcount = args.posonlyargs.length;
      code.argcount = args.posonlyargs.length + args.args.length;
      code.kwonlyargcount = args.kwonlyargs.length;
      if (args.vararg) code.flags |= CO_VARARGS;
      if (args.kwarg) code.flags |= CO_VARKEYWORDS;
    } else if (kind === 'comprehension') code.argcount = 1;
    const c = new FnCompiler(this.cf, this.scopes, scope, code, this.filename, qual + '.<locals>.');
    c.warn = this.warn;
    c.syntaxWarnings = this.syntaxWarnings;
    c.warnLiteralType = this.warnLiteralType;
    c.constDisplays = this.constDisplays;
    c.whileTestOnce = this.whileTestOnce;
    c.forIterAtIter = this.forIterAtIter;
    c.borrowLoads = this.borrowLoads;
    c.inlineListComps = this.inlineListComps;
    c.py2Except = this.py2Except;
    c.cur = node as A.Pos;
    compileBody(c);
    const fcode = c.finish();
    if (this.scope.isFunctionLike()) fcode.flags |= CO_NESTED;
    if (fcode.freevars.length) {
      for (const fv of fcode.freevars) this.emit(Op.LOAD_CLOSURE, this.derefIndex(fv));
      this.emit(Op.BUILD_TUPLE, fcode.freevars.length);
      flags |= 8;
    }
    this.emit(Op.LOAD_CONST, this.cf.codeIndex(this.code, fcode));
    this.emit(Op.MAKE_FUNCTION, flags);
  }

  private childQualname(name: string): string {
    return this.qualPrefix + name;
  }

  private funcDef(s: A.FunctionDef): void {
    for (const d of s.decorator_list) this.expr(d);
    this.makeFunction(s, s.name, s.args, (c) => {
      if (s.body.length === 0) c.emitReturnNone();
      c.body(s.body);
      c.cur = null;
      c.emitReturnNone();
    }, 'function');
    for (let i = 0; i < s.decorator_list.length; i++) this.emit(Op.CALL, 1);
    this.storeName(s.name);
  }

  private classDef(s: A.ClassDef): void {
    for (const d of s.decorator_list) this.expr(d);
    const scope = this.scopes.get(s)!;
    const qual = this.childQualname(s.name);
    const code = new Code('class', s.name, qual, this.filename, s.lineno);
    const c = new FnCompiler(this.cf, this.scopes, scope, code, this.filename, qual + '.');
    c.warn = this.warn;
    c.syntaxWarnings = this.syntaxWarnings;
    c.warnLiteralType = this.warnLiteralType;
    c.constDisplays = this.constDisplays;
    c.whileTestOnce = this.whileTestOnce;
    c.forIterAtIter = this.forIterAtIter;
    c.borrowLoads = this.borrowLoads;
    c.inlineListComps = this.inlineListComps;
    c.py2Except = this.py2Except;
    c.cur = s;
    c.loadName('__name__');
    c.storeName('__module__');
    c.loadConst({ type: 'str', value: qual });
    c.storeName('__qualname__');
    c.body(s.body);
    c.cur = null;
    if (scope.needsClassCell) {
      c.emit(Op.LOAD_CLOSURE, 0);
      c.emit(Op.COPY, 1);
      c.storeName('__classcell__');
      c.emit(Op.RETURN_VALUE);
    } else c.emitReturnNone();
    const fcode = c.finish();
    let flags = 0;
    if (fcode.freevars.length) {
      for (const fv of fcode.freevars) this.emit(Op.LOAD_CLOSURE, this.derefIndex(fv));
      this.emit(Op.BUILD_TUPLE, fcode.freevars.length);
      flags |= 8;
    }
    this.emit(Op.LOAD_CONST, this.cf.codeIndex(this.code, fcode));
    this.emit(Op.MAKE_FUNCTION, flags);
    this.loadConst({ type: 'str', value: s.name });
    for (const b of s.bases) this.expr(b);
    this.emit(Op.BUILD_TUPLE, s.bases.length);
    if (s.keywords.length) {
      for (const k of s.keywords) { this.loadConst({ type: 'str', value: k.arg ?? '' }); this.expr(k.value); }
      this.emit(Op.BUILD_MAP, s.keywords.length);
    } else this.loadNone();
    this.emit(Op.BUILD_CLASS);
    for (let i = 0; i < s.decorator_list.length; i++) this.emit(Op.CALL, 1);
    this.storeName(s.name);
  }

  // ---- expressions -----------------------------------------------------------------

  expr(e: A.Expr): void { this.at(e, () => this.exprInner(e)); }

  private exprInner(e: A.Expr): void {
    switch (e.kind) {
      case 'Constant': return this.loadConst(e.value);
      case 'Yield':
        // The function is a generator (CO_GENERATOR): calling it makes a generator object.
        this.code.flags |= CO_GENERATOR;
        if (e.value) this.expr(e.value); else this.loadNone();
        this.emit(Op.YIELD_VALUE);
        return;
      case 'Name': return this.loadName(e.id);
      case 'Attribute':
        this.expr(e.value);
        this.emit(Op.LOAD_ATTR, this.name(e.attr));
        return;
      case 'Subscript':
        this.checkSubscript(e);
        this.expr(e.value);
        this.expr(e.slice);
        this.emit(Op.BINARY_SUBSCR);
        return;
      case 'Slice':
        if (e.lower) this.expr(e.lower); else this.loadNone();
        if (e.upper) this.expr(e.upper); else this.loadNone();
        if (e.step) { this.expr(e.step); this.emit(Op.BUILD_SLICE, 3); } else this.emit(Op.BUILD_SLICE, 2);
        return;
      case 'BinOp':
        this.expr(e.left);
        this.expr(e.right);
        this.emit(Op.BINARY_OP, BINOPS[e.op]);
        return;
      case 'UnaryOp':
        this.expr(e.operand);
        this.emit(e.op === 'USub' ? Op.UNARY_NEGATIVE : e.op === 'UAdd' ? Op.UNARY_POSITIVE : e.op === 'Not' ? Op.UNARY_NOT : Op.UNARY_INVERT);
        return;
      case 'BoolOp': {
        const jumps: number[] = [];
        e.values.forEach((v, i) => {
          this.expr(v);
          if (i < e.values.length - 1) jumps.push(this.emit(e.op === 'And' ? Op.JUMP_IF_FALSE_OR_POP : Op.JUMP_IF_TRUE_OR_POP));
        });
        for (const j of jumps) this.patch(j);
        return;
      }
      case 'Compare': return this.compare(e);
      case 'IfExp': {
        this.expr(e.test);
        const jf = this.emit(Op.POP_JUMP_IF_FALSE);
        this.expr(e.body);
        const je = this.emit(Op.JUMP);
        this.patch(jf);
        this.expr(e.orelse);
        this.patch(je);
        return;
      }
      case 'Tuple': return this.sequence(e.elts, Op.BUILD_TUPLE);
      case 'List': return this.sequence(e.elts, Op.BUILD_LIST);
      case 'Set': return this.sequence(e.elts, Op.BUILD_SET);
      case 'Dict': return this.dict(e);
      case 'Call': return this.call(e);
      case 'Lambda':
        this.makeFunction(e, '<lambda>', e.args, (c) => { c.expr(e.body); c.emit(Op.RETURN_VALUE); }, 'lambda');
        return;
      case 'NamedExpr':
        this.expr(e.value);
        this.emit(Op.COPY, 1);
        this.storeName(e.target.id);
        return;
      case 'JoinedStr': {
        if (e.values.length === 1 && e.values[0].kind === 'Constant') return this.expr(e.values[0]);
        for (const v of e.values) this.expr(v);
        if (e.values.length !== 1) this.emit(Op.BUILD_STRING, e.values.length);
        return;
      }
      case 'FormattedValue': {
        this.expr(e.value);
        let arg = e.conversion === 115 ? 1 : e.conversion === 114 ? 2 : e.conversion === 97 ? 3 : 0;
        if (e.format_spec) { this.expr(e.format_spec); arg |= 4; }
        this.emit(Op.FORMAT_VALUE, arg);
        return;
      }
      case 'ListComp': case 'SetComp': case 'DictComp': case 'GeneratorExp': return this.comprehension(e);
      case 'Starred': this.error(e, "can't use starred expression here");
    }
  }

  private sequence(elts: A.Expr[], build: Op.BUILD_TUPLE | Op.BUILD_LIST | Op.BUILD_SET): void {
    // starunpack_helper (3.9+): `n > 2 && are_all_items_const` — after the AST optimiser's
    // folding, so `-4` and `(2, 3)` count; `BUILD_LIST 0; LOAD_CONST (tuple); LIST_EXTEND 1`,
    // and for a set PyFrozenSet_New of that tuple with SET_UPDATE.
    if (this.constDisplays && build !== Op.BUILD_TUPLE && elts.length > 2 && elts.every((x) => x.kind === 'Constant')) {
      const items = elts.map((x) => (x as A.Constant).value);
      this.emit(build, 0);
      this.loadConst(build === Op.BUILD_SET ? { type: 'frozenset', items } : { type: 'tuple', items }, true);
      this.emit(build === Op.BUILD_SET ? Op.SET_UPDATE : Op.LIST_EXTEND, 1);
      return;
    }
    if (!elts.some((x) => x.kind === 'Starred')) {
      for (const x of elts) this.expr(x);
      this.emit(build, elts.length);
      return;
    }
    // With unpacking: build a list incrementally, then convert.
    let pending = 0;
    let started = false;
    const flush = () => {
      if (!started) { this.emit(build === Op.BUILD_SET ? Op.BUILD_SET : Op.BUILD_LIST, pending); started = true; }
      else if (pending) {
        this.emit(build === Op.BUILD_SET ? Op.BUILD_SET : Op.BUILD_LIST, pending);
        this.emit(build === Op.BUILD_SET ? Op.SET_UPDATE : Op.LIST_EXTEND, 1);
      }
      pending = 0;
    };
    for (const x of elts) {
      if (x.kind === 'Starred') {
        flush();
        this.expr(x.value);
        this.emit(build === Op.BUILD_SET ? Op.SET_UPDATE : Op.LIST_EXTEND, 1);
      } else { this.expr(x); pending++; }
    }
    flush();
    if (build === Op.BUILD_TUPLE) this.emit(Op.LIST_TO_TUPLE);
  }

  private dict(e: A.DictExpr): void {
    if (!e.keys.some((k) => k === null)) {
      e.keys.forEach((k, i) => { this.expr(k!); this.expr(e.values[i]); });
      this.emit(Op.BUILD_MAP, e.keys.length);
      return;
    }
    this.emit(Op.BUILD_MAP, 0);
    let pending = 0;
    e.keys.forEach((k, i) => {
      if (k === null) {
        if (pending) { this.emit(Op.BUILD_MAP, pending); this.emit(Op.DICT_UPDATE, 1); pending = 0; }
        this.expr(e.values[i]);
        this.emit(Op.DICT_UPDATE, 1);
      } else { this.expr(k); this.expr(e.values[i]); pending++; }
    });
    if (pending) { this.emit(Op.BUILD_MAP, pending); this.emit(Op.DICT_UPDATE, 1); }
  }

  /** SyntaxWarning for `is` / `is not` with a literal (compiler_check_compare). */
  private checkCompare(e: A.Compare): void {
    if (!this.syntaxWarnings) return;
    const literal = (x: A.Expr) => x.kind === 'Constant' && !['None', 'bool', 'Ellipsis'].includes(x.value.type);
    let left = e.left;
    e.ops.forEach((op, i) => {
      const right = e.comparators[i];
      if ((op === 'Is' || op === 'IsNot') && (literal(left) || literal(right))) {
        const lit = literal(left) ? left : right;
        const what = this.warnLiteralType && lit.kind === 'Constant' ? `'${constTypeName(lit.value)}' literal` : 'a literal';
        this.warn(e.lineno, 'SyntaxWarning', op === 'Is' ? `"is" with ${what}. Did you mean "=="?` : `"is not" with ${what}. Did you mean "!="?`);
      }
      left = right;
    });
  }

  private compare(e: A.Compare): void {
    this.checkCompare(e);
    const emitOp = (op: A.CmpOperator) => {
      switch (op) {
        case 'Is': this.emit(Op.IS_OP, 0); return;
        case 'IsNot': this.emit(Op.IS_OP, 1); return;
        case 'In': this.emit(Op.CONTAINS_OP, 0); return;
        case 'NotIn': this.emit(Op.CONTAINS_OP, 1); return;
        default: this.emit(Op.COMPARE_OP, { Lt: CmpKind.Lt, LtE: CmpKind.LtE, Eq: CmpKind.Eq, NotEq: CmpKind.NotEq, Gt: CmpKind.Gt, GtE: CmpKind.GtE }[op]);
      }
    };
    this.expr(e.left);
    if (e.ops.length === 1) { this.expr(e.comparators[0]); emitOp(e.ops[0]); return; }
    const cleanups: number[] = [];
    for (let i = 0; i < e.ops.length - 1; i++) {
      this.expr(e.comparators[i]);
      this.emit(Op.SWAP, 2);
      this.emit(Op.COPY, 2);
      emitOp(e.ops[i]);
      cleanups.push(this.emit(Op.JUMP_IF_FALSE_OR_POP));
    }
    this.expr(e.comparators[e.ops.length - 1]);
    emitOp(e.ops[e.ops.length - 1]);
    const end = this.emit(Op.JUMP);
    for (const c of cleanups) this.patch(c);
    this.emit(Op.SWAP, 2);
    this.emit(Op.POP_TOP);
    this.patch(end);
  }

  /** infer_type: the type a literal expression will have, or null. */
  private inferType(e: A.Expr): string | null {
    switch (e.kind) {
      case 'Constant': return constTypeName(e.value);
      case 'Tuple': return 'tuple';
      case 'List': case 'ListComp': return 'list';
      case 'Dict': case 'DictComp': return 'dict';
      case 'Set': case 'SetComp': return 'set';
      case 'GeneratorExp': return 'generator';
      case 'Lambda': return 'function';
      case 'JoinedStr': case 'FormattedValue': return 'str';
      default: return null;
    }
  }

  /** check_caller (3.8+): calling a literal. */
  private checkCaller(e: A.Call): void {
    if (!this.syntaxWarnings) return;
    const f = e.func;
    if (['Constant', 'Tuple', 'List', 'ListComp', 'Dict', 'DictComp', 'Set', 'SetComp', 'GeneratorExp', 'JoinedStr', 'FormattedValue'].includes(f.kind)) {
      this.warn(e.lineno, 'SyntaxWarning', `'${this.inferType(f)}' object is not callable; perhaps you missed a comma?`);
    }
  }

  /** check_subscripter and check_index (3.8+): subscripting a literal that cannot be, or with the wrong index type. */
  private checkSubscript(e: A.Subscript): void {
    if (!this.syntaxWarnings) return;
    const v = e.value;
    const notSubscriptable = v.kind === 'Constant'
      ? ['None', 'Ellipsis', 'int', 'bool', 'float', 'complex', 'frozenset'].includes(v.value.type)
      : ['Set', 'SetComp', 'GeneratorExp', 'Lambda'].includes(v.kind);
    if (notSubscriptable) {
      this.warn(e.lineno, 'SyntaxWarning', `'${this.inferType(v)}' object is not subscriptable; perhaps you missed a comma?`);
      return;
    }
    const index = this.inferType(e.slice);
    if (index === null || index === 'int' || index === 'bool' || e.slice.kind === 'Slice') return;
    const sequence = v.kind === 'Constant' ? ['str', 'bytes', 'tuple'].includes(v.value.type)
      : ['Tuple', 'List', 'ListComp', 'JoinedStr', 'FormattedValue'].includes(v.kind);
    if (sequence) {
      this.warn(e.lineno, 'SyntaxWarning', `${this.inferType(v)} indices must be integers or slices, not ${index}; perhaps you missed a comma?`);
    }
  }

  private call(e: A.Call): void {
    this.checkCaller(e);
    const simpleArgs = !e.args.some((a) => a.kind === 'Starred') && !e.keywords.some((k) => k.arg === null);
    if (e.func.kind === 'Attribute' && simpleArgs && !e.keywords.length) {
      this.expr(e.func.value);
      this.at(e.func, () => this.emit(Op.LOAD_METHOD, this.name((e.func as A.Attribute).attr)));
      for (const a of e.args) this.expr(a);
      this.emit(Op.CALL_METHOD, e.args.length);
      return;
    }
    this.expr(e.func);
    if (simpleArgs) {
      for (const a of e.args) this.expr(a);
      for (const k of e.keywords) this.expr(k.value);
      if (e.keywords.length) this.emit(Op.KW_NAMES, this.constTupleOfStrs(e.keywords.map((k) => k.arg!)));
      this.emit(Op.CALL, e.args.length + e.keywords.length);
      return;
    }
    this.sequence(e.args, Op.BUILD_TUPLE);
    if (e.keywords.length) {
      this.emit(Op.BUILD_MAP, 0);
      for (const k of e.keywords) {
        if (k.arg === null) { this.expr(k.value); this.emit(Op.DICT_MERGE, 1); }
        else { this.loadConst({ type: 'str', value: k.arg }); this.expr(k.value); this.emit(Op.BUILD_MAP, 1); this.emit(Op.DICT_UPDATE, 1); }
      }
      this.emit(Op.CALL_FUNCTION_EX, 1);
    } else this.emit(Op.CALL_FUNCTION_EX, 0);
  }

  private comprehension(e: A.ListComp | A.SetComp | A.DictComp | A.GeneratorExp): void {
    if (e.kind === 'GeneratorExp') {
      // A generator function of one argument (.0, the first iterator, made in the enclosing scope).
      this.makeFunction(e, '<genexpr>', null, (c) => {
        c.code.flags |= CO_GENERATOR;
        c.compGenerator(e, 0, 1);
        c.emitReturnNone();
      }, 'comprehension');
      this.expr(e.generators[0].iter);
      this.emit(Op.GET_ITER);
      this.emit(Op.CALL, 1);
      return;
    }
    if (e.kind === 'ListComp' && this.inlineListComps) {
      this.emit(Op.BUILD_LIST, 0);
      this.expr(e.generators[0].iter);
      this.emit(Op.GET_ITER);
      this.compGenerator(e, 0, 1, true);
      return;
    }
    const name = e.kind === 'ListComp' ? '<listcomp>' : e.kind === 'SetComp' ? '<setcomp>' : '<dictcomp>';
    this.makeFunction(e, name, null, (c) => {
      c.emit(e.kind === 'ListComp' ? Op.BUILD_LIST : e.kind === 'SetComp' ? Op.BUILD_SET : Op.BUILD_MAP, 0);
      c.compGenerator(e, 0, 1);
      c.emit(Op.RETURN_VALUE);
    }, 'comprehension');
    this.expr(e.generators[0].iter);
    this.emit(Op.GET_ITER);
    this.emit(Op.CALL, 1);
  }

  /** The loops of a comprehension; `inline`: the first iterator is already on the stack. */
  private compGenerator(e: A.ListComp | A.SetComp | A.DictComp | A.GeneratorExp, i: number, depth: number, inline = false): void {
    const g = e.generators[i];
    if (i === 0) { if (!inline) this.emit(Op.LOAD_FAST, 0); }
    else { this.expr(g.iter); this.emit(Op.GET_ITER); }
    const top = this.here();
    const fi = this.emit(Op.FOR_ITER);
    this.assignTarget(g.target);
    const skips: number[] = [];
    for (const cond of g.ifs) { this.expr(cond); skips.push(this.emit(Op.POP_JUMP_IF_FALSE, top)); }
    if (i + 1 < e.generators.length) this.compGenerator(e, i + 1, depth + 1, inline);
    else if (e.kind === 'DictComp') { this.expr(e.key); this.expr(e.value); this.emit(Op.MAP_ADD, depth + 1); }
    else if (e.kind === 'GeneratorExp') { this.expr(e.elt); this.emit(Op.YIELD_VALUE); this.emit(Op.POP_TOP); }
    else { this.expr(e.elt); this.emit(e.kind === 'ListComp' ? Op.LIST_APPEND : Op.SET_ADD, depth + 1); }
    this.emit(Op.JUMP, top);
    this.patch(fi);
  }
}
