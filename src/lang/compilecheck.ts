// The SyntaxErrors CPython 3.11 raises after parsing, before a file runs, in
// its order: __future__ imports (future.c), then scopes (symtable.c: global,
// nonlocal, duplicate parameters, walrus in comprehensions), then code
// generation (compile.c: return/break/continue outside their statement,
// starred expressions out of place, repeated keywords, nested blocks).

import type { Arguments, Comprehension, Expr, Keyword, Module, Pos, Stmt } from './ast';
import { ScenarioError } from './errors';
import type { Marker } from './expressions';
import { Source } from './source';

const FUTURES = new Set(['nested_scopes', 'generators', 'division', 'absolute_import', 'with_statement',
  'print_function', 'unicode_literals', 'barry_as_FLUFL', 'generator_stop', 'annotations']);

/** CPython's CO_MAXBLOCKS. */
const MAX_BLOCKS = 20;

class Fail {
  constructor(readonly pos: Pos, readonly msg: string, readonly endNone = false) {}
}

export function checkCompile(module: Module, markers: Marker[], src: Source): void {
  const err = (f: Fail): ScenarioError => {
    const p = f.pos;
    const c16 = src.utf16Col(p.lineno, p.col_offset);
    const e16 = src.utf16Col(p.end_lineno, p.end_col_offset);
    return src.error('SyntaxError', f.msg, p.lineno, p.col_offset + 1,
      f.endNone ? p.lineno : p.end_lineno, f.endNone ? -1 : p.end_col_offset + 1,
      { line: p.lineno, col16: c16, endLine: p.end_lineno, endCol16: p.lineno === p.end_lineno ? Math.max(e16, c16 + 1) : e16 });
  };
  const futureLine = checkFutures(module);
  if (futureLine instanceof Fail) throw err(futureLine);
  const sym = new Symtable();
  sym.module(module);
  const symErr = sym.errors.sort(byPos)[0];
  if (symErr) throw err(symErr);
  const gen = new Codegen(futureLine, markers);
  gen.module(module);
  if (gen.error) throw err(gen.error);
}

function byPos(a: Fail, b: Fail): number {
  return a.pos.lineno - b.pos.lineno || a.pos.col_offset - b.pos.col_offset;
}

// ---- future.c -----------------------------------------------------------------

/** Checks the leading __future__ imports; returns the line of the last one. */
function checkFutures(m: Module): number | Fail {
  let i = 0;
  const body = m.body;
  let futureLine = 0;
  if (body.length && body[0].kind === 'Expr' && body[0].value.kind === 'Constant' && body[0].value.value.type === 'str') i++;
  let done = false;
  let prevLine = 0;
  for (; i < body.length; i++) {
    const s = body[i];
    if (done && s.lineno > prevLine) break;
    prevLine = s.lineno;
    if (s.kind === 'ImportFrom' && s.module === '__future__' && s.level === 0) {
      if (done) return new Fail(s, 'from __future__ imports must occur at the beginning of the file');
      for (const a of s.names) {
        if (a.name === 'braces') return new Fail(s, 'not a chance', true);
        if (!FUTURES.has(a.name)) return new Fail(s, `future feature ${a.name} is not defined`, true);
      }
      futureLine = s.lineno;
    } else {
      done = true;
    }
  }
  return futureLine;
}

// ---- symtable.c -----------------------------------------------------------------

const DEF_GLOBAL = 1, DEF_LOCAL = 2, DEF_PARAM = 4, DEF_NONLOCAL = 8, USE = 16, DEF_ANNOT = 32, DEF_COMP_ITER = 64;

interface Scope {
  kind: 'module' | 'function' | 'class' | 'comprehension';
  parent: Scope | null;
  names: Map<string, number>;
  directives: Map<string, Pos>;
  children: Scope[];
  compIterExpr: number;
}

class Symtable {
  readonly errors: Fail[] = [];
  private cur!: Scope;
  private top!: Scope;

  private newScope(kind: Scope['kind']): Scope {
    const s: Scope = { kind, parent: this.cur ?? null, names: new Map(), directives: new Map(), children: [], compIterExpr: 0 };
    if (this.cur) this.cur.children.push(s);
    return s;
  }

  private add(name: string, flag: number, pos: Pos): void {
    const old = this.cur.names.get(name) ?? 0;
    if (flag & DEF_PARAM && old & DEF_PARAM) {
      this.errors.push(new Fail(pos, `duplicate argument '${name}' in function definition`));
    }
    this.cur.names.set(name, old | flag);
  }

  module(m: Module): void {
    this.cur = this.top = this.newScope('module');
    this.stmts(m.body);
    this.analyze(this.top, new Set());
  }

  private stmts(body: Stmt[]): void {
    for (const s of body) this.stmt(s);
  }

  private stmt(s: Stmt): void {
    switch (s.kind) {
      case 'FunctionDef': {
        this.defaults(s.args);
        this.exprs(s.decorator_list);
        this.add(s.name, DEF_LOCAL, s);
        this.inScope('function', () => {
          this.params(s.args);
          this.stmts(s.body);
        });
        return;
      }
      case 'ClassDef':
        this.exprs(s.bases);
        for (const k of s.keywords) this.expr(k.value);
        this.exprs(s.decorator_list);
        this.add(s.name, DEF_LOCAL, s);
        this.inScope('class', () => this.stmts(s.body));
        return;
      case 'Return': if (s.value) this.expr(s.value); return;
      case 'Delete': this.exprs(s.targets); return;
      case 'Assign': this.expr(s.value); this.exprs(s.targets); return;
      case 'AugAssign': this.expr(s.target); this.expr(s.value); return;
      case 'AnnAssign':
        if (s.target.kind === 'Name') {
          const cur = this.cur.names.get(s.target.id) ?? 0;
          if (cur & (DEF_GLOBAL | DEF_NONLOCAL) && this.cur !== this.top && s.simple) {
            this.errors.push(new Fail(s, `annotated name '${s.target.id}' can't be ${cur & DEF_GLOBAL ? 'global' : 'nonlocal'}`));
          }
          this.add(s.target.id, s.simple ? DEF_ANNOT | DEF_LOCAL : DEF_LOCAL, s.target);
        } else {
          this.expr(s.target);
        }
        this.expr(s.annotation);
        if (s.value) this.expr(s.value);
        return;
      case 'For': this.expr(s.target); this.expr(s.iter); this.stmts(s.body); this.stmts(s.orelse); return;
      case 'While': this.expr(s.test); this.stmts(s.body); this.stmts(s.orelse); return;
      case 'If': this.expr(s.test); this.stmts(s.body); this.stmts(s.orelse); return;
      case 'Raise': if (s.exc) this.expr(s.exc); if (s.cause) this.expr(s.cause); return;
      case 'Try':
        this.stmts(s.body);
        for (const h of s.handlers) {
          if (h.type) this.expr(h.type);
          if (h.name) this.add(h.name, DEF_LOCAL, h);
          this.stmts(h.body);
        }
        this.stmts(s.orelse);
        this.stmts(s.finalbody);
        return;
      case 'Assert': this.expr(s.test); if (s.msg) this.expr(s.msg); return;
      case 'Import':
        for (const a of s.names) this.add(a.asname ?? a.name.split('.')[0], DEF_LOCAL, a);
        return;
      case 'ImportFrom':
        for (const a of s.names) {
          if (a.name === '*') {
            if (this.cur.kind !== 'module') this.errors.push(new Fail(s, 'import * only allowed at module level'));
          } else {
            this.add(a.asname ?? a.name, DEF_LOCAL, a);
          }
        }
        return;
      case 'Global':
      case 'Nonlocal':
        this.directive(s);
        return;
      case 'Expr': this.expr(s.value); return;
      case 'Pass': case 'Break': case 'Continue': return;
    }
  }

  private directive(s: Stmt & { kind: 'Global' | 'Nonlocal' }): void {
    const global = s.kind === 'Global';
    if (!global && this.cur.kind === 'module') {
      this.errors.push(new Fail(s, 'nonlocal declaration not allowed at module level'));
      return;
    }
    for (const name of s.names) {
      const cur = this.cur.names.get(name) ?? 0;
      if (cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) {
        const what = global ? 'global' : 'nonlocal';
        let msg: string;
        if (cur & DEF_PARAM) msg = `name '${name}' is parameter and ${what}`;
        else if (cur & USE) msg = `name '${name}' is used prior to ${what} declaration`;
        else if (cur & DEF_ANNOT) msg = `annotated name '${name}' can't be ${what}`;
        else msg = `name '${name}' is assigned to before ${what} declaration`;
        this.errors.push(new Fail(s, msg));
        return;
      }
      this.cur.names.set(name, cur | (global ? DEF_GLOBAL : DEF_NONLOCAL));
      if (!this.cur.directives.has(name)) this.cur.directives.set(name, s);
    }
  }

  private inScope(kind: Scope['kind'], fn: () => void): Scope {
    const saved = this.cur;
    const s = this.newScope(kind);
    this.cur = s;
    try {
      fn();
    } finally {
      this.cur = saved;
    }
    return s;
  }

  private defaults(a: Arguments): void {
    this.exprs(a.defaults);
    for (const d of a.kw_defaults) if (d) this.expr(d);
  }

  private params(a: Arguments): void {
    for (const p of [...a.posonlyargs, ...a.args]) this.add(p.arg, DEF_PARAM, p);
    if (a.vararg) this.add(a.vararg.arg, DEF_PARAM, a.vararg);
    for (const p of a.kwonlyargs) this.add(p.arg, DEF_PARAM, p);
    if (a.kwarg) this.add(a.kwarg.arg, DEF_PARAM, a.kwarg);
  }

  private exprs(es: Expr[]): void {
    for (const e of es) this.expr(e);
  }

  private expr(e: Expr): void {
    switch (e.kind) {
      case 'Name':
        this.add(e.id, e.ctx === 'Load' ? USE : DEF_LOCAL, e);
        return;
      case 'NamedExpr':
        this.namedExpr(e);
        return;
      case 'Lambda':
        this.defaults(e.args);
        this.inScope('function', () => {
          this.params(e.args);
          this.expr(e.body);
        });
        return;
      case 'ListComp': case 'SetComp': case 'GeneratorExp':
        this.comprehension(e.generators, [e.elt]);
        return;
      case 'DictComp':
        this.comprehension(e.generators, [e.key, e.value]);
        return;
      case 'BoolOp': this.exprs(e.values); return;
      case 'BinOp': this.expr(e.left); this.expr(e.right); return;
      case 'UnaryOp': this.expr(e.operand); return;
      case 'IfExp': this.expr(e.test); this.expr(e.body); this.expr(e.orelse); return;
      case 'Dict': for (const k of e.keys) if (k) this.expr(k); this.exprs(e.values); return;
      case 'Set': this.exprs(e.elts); return;
      case 'Compare': this.expr(e.left); this.exprs(e.comparators); return;
      case 'Call': this.expr(e.func); this.exprs(e.args); for (const k of e.keywords) this.expr(k.value); return;
      case 'JoinedStr': this.exprs(e.values); return;
      case 'FormattedValue': this.expr(e.value); if (e.format_spec) this.expr(e.format_spec); return;
      case 'Attribute': this.expr(e.value); return;
      case 'Subscript': this.expr(e.value); this.expr(e.slice); return;
      case 'Starred': this.expr(e.value); return;
      case 'List': case 'Tuple': this.exprs(e.elts); return;
      case 'Slice': if (e.lower) this.expr(e.lower); if (e.upper) this.expr(e.upper); if (e.step) this.expr(e.step); return;
      case 'Constant': return;
      case 'Yield': if (e.value) this.expr(e.value); return;
    }
  }

  private comprehension(gens: Comprehension[], elts: Expr[]): void {
    // the first iterable is evaluated in the enclosing scope
    this.cur.compIterExpr++;
    this.expr(gens[0].iter);
    this.cur.compIterExpr--;
    this.inScope('comprehension', () => {
      gens.forEach((g, k) => {
        if (k > 0) {
          this.cur.compIterExpr++;
          this.expr(g.iter);
          this.cur.compIterExpr--;
        }
        this.compTarget(g.target);
        this.exprs(g.ifs);
      });
      this.exprs(elts);
    });
  }

  private compTarget(t: Expr): void {
    if (t.kind === 'Name') this.add(t.id, DEF_LOCAL | DEF_COMP_ITER, t);
    else if (t.kind === 'Tuple' || t.kind === 'List') for (const x of t.elts) this.compTarget(x);
    else if (t.kind === 'Starred') this.compTarget(t.value);
    else this.expr(t);
  }

  private namedExpr(e: Expr & { kind: 'NamedExpr' }): void {
    if (this.cur.compIterExpr > 0) {
      this.errors.push(new Fail(e, 'assignment expression cannot be used in a comprehension iterable expression'));
      return;
    }
    const name = e.target.id;
    if (this.cur.kind === 'comprehension') {
      // the target binds in the nearest enclosing function or module scope
      for (let s: Scope | null = this.cur; s; s = s.parent) {
        if (s.kind === 'comprehension') {
          if ((s.names.get(name) ?? 0) & DEF_COMP_ITER) {
            this.errors.push(new Fail(e.target, `assignment expression cannot rebind comprehension iteration variable '${name}'`));
            return;
          }
          continue;
        }
        if (s.kind === 'class') {
          this.errors.push(new Fail(e.target, 'assignment expression within a comprehension cannot be used in a class body'));
          return;
        }
        s.names.set(name, (s.names.get(name) ?? 0) | DEF_LOCAL);
        break;
      }
    } else {
      this.add(name, DEF_LOCAL, e.target);
    }
    this.expr(e.value);
  }

  /** analyze_block: nonlocal names need a binding in an enclosing function. */
  private analyze(s: Scope, bound: Set<string>): void {
    for (const [name, flags] of s.names) {
      const pos = s.directives.get(name);
      if (flags & DEF_GLOBAL && flags & DEF_NONLOCAL && pos) {
        this.errors.push(new Fail(pos, `name '${name}' is nonlocal and global`));
      } else if (flags & DEF_NONLOCAL && pos && !bound.has(name)) {
        this.errors.push(new Fail(pos, `no binding for nonlocal '${name}' found`));
      }
    }
    let inner = bound;
    if (s.kind === 'function') {
      inner = new Set(bound);
      for (const [name, flags] of s.names) {
        if (flags & (DEF_LOCAL | DEF_PARAM | DEF_NONLOCAL) && !(flags & DEF_GLOBAL)) inner.add(name);
      }
    } else if (s.kind === 'module') {
      inner = new Set();
    }
    for (const c of s.children) this.analyze(c, inner);
  }
}

// ---- compile.c ------------------------------------------------------------------

class Codegen {
  error: Fail | null = null;
  private loops = 0;
  private blocks = 0;
  private inFunction = false;
  private readonly markerAt = new Map<string, Marker>();

  constructor(private readonly futureLine: number, markers: Marker[]) {
    for (const m of markers) {
      const stmt = m.kind === 'async for' || m.kind === 'async with';
      this.markerAt.set(`${m.pos.lineno}:${m.pos.col_offset}${stmt ? ':stmt' : ''}`, m);
    }
  }

  private fail(pos: Pos, msg: string): void {
    if (!this.error) this.error = new Fail(pos, msg);
  }

  module(m: Module): void {
    this.body(m.body);
  }

  private body(stmts: Stmt[]): void {
    for (const s of stmts) {
      if (this.error) return;
      this.stmt(s);
    }
  }

  private push(s: Stmt, n = 1): boolean {
    this.blocks += n;
    if (this.blocks > MAX_BLOCKS) {
      this.fail(s, 'too many statically nested blocks');
      return false;
    }
    return true;
  }

  private scope(fn: () => void, isFunction: boolean): void {
    const saved = [this.loops, this.blocks, this.inFunction] as const;
    this.loops = 0;
    this.blocks = 0;
    this.inFunction = isFunction;
    fn();
    [this.loops, this.blocks, this.inFunction] = saved;
  }

  private stmt(s: Stmt): void {
    const m = this.markerAt.get(`${s.lineno}:${s.col_offset}:stmt`);
    if (m && !m.inAsync) return this.fail(m.pos, `'${m.kind}' outside async function`);
    switch (s.kind) {
      case 'FunctionDef':
        this.exprs(s.decorator_list);
        this.exprs(s.args.defaults);
        for (const d of s.args.kw_defaults) if (d) this.expr(d);
        this.scope(() => this.body(s.body), true);
        return;
      case 'ClassDef':
        this.exprs(s.decorator_list);
        this.exprs(s.bases);
        this.keywords(s.keywords);
        this.scope(() => this.body(s.body), false);
        return;
      case 'Return':
        if (!this.inFunction) return this.fail(s, "'return' outside function");
        if (s.value) this.expr(s.value);
        return;
      case 'Break':
        if (!this.loops) this.fail(s, "'break' outside loop");
        return;
      case 'Continue':
        if (!this.loops) this.fail(s, "'continue' not properly in loop");
        return;
      case 'For':
      case 'While': {
        if (s.kind === 'For') { this.target(s.target); this.expr(s.iter); } else this.expr(s.test);
        if (!this.push(s)) return;
        this.loops++;
        this.body(s.body);
        this.loops--;
        this.blocks--;
        this.body(s.orelse);
        return;
      }
      case 'Try': {
        const extra = s.handlers.length && s.finalbody.length ? 1 : 0;
        if (!this.push(s, 1 + extra)) return;
        this.body(s.body);
        this.blocks -= 1 + extra;
        for (const h of s.handlers) {
          if (this.error) return;
          if (h.type) this.expr(h.type);
          if (!this.push(s, 2 + extra)) return;
          this.body(h.body);
          this.blocks -= 2 + extra;
        }
        this.body(s.orelse);
        if (s.finalbody.length) {
          if (!this.push(s)) return;
          this.body(s.finalbody);
          this.blocks--;
        }
        return;
      }
      case 'If': this.expr(s.test); this.body(s.body); this.body(s.orelse); return;
      case 'Assign':
        this.expr(s.value);
        for (const t of s.targets) this.target(t);
        return;
      case 'AugAssign': this.expr(s.target); this.expr(s.value); return;
      case 'AnnAssign': this.target(s.target); if (s.value) this.expr(s.value); return;
      case 'Expr': this.expr(s.value); return;
      case 'Delete': this.exprs(s.targets); return;
      case 'Raise': if (s.exc) this.expr(s.exc); if (s.cause) this.expr(s.cause); return;
      case 'Assert': this.expr(s.test); if (s.msg) this.expr(s.msg); return;
      case 'ImportFrom':
        if (s.lineno > this.futureLine && s.module === '__future__') {
          this.fail(s, 'from __future__ imports must occur at the beginning of the file');
        }
        return;
      case 'Import': case 'Global': case 'Nonlocal': case 'Pass':
        return;
    }
  }

  /** An assignment target: starred only inside a list or tuple, at most one there. */
  private target(t: Expr): void {
    if (t.kind === 'Starred') {
      this.fail(t, 'starred assignment target must be in a list or tuple');
      return;
    }
    if (t.kind === 'Tuple' || t.kind === 'List') {
      let starred = 0;
      for (const e of t.elts) if (e.kind === 'Starred') starred++;
      if (starred > 1) {
        this.fail(t, 'multiple starred expressions in assignment');
        return;
      }
      for (const e of t.elts) this.target(e.kind === 'Starred' ? e.value : e);
      return;
    }
    this.expr(t);
  }

  private keywords(ks: Keyword[]): void {
    const seen = new Set<string>();
    for (const k of ks) {
      if (k.arg !== null) {
        if (seen.has(k.arg)) this.fail(k, `keyword argument repeated: ${k.arg}`);
        seen.add(k.arg);
      }
      this.expr(k.value);
    }
  }

  private exprs(es: Expr[]): void {
    for (const e of es) this.expr(e);
  }

  /** Elements where a starred expression is allowed (displays, call arguments). */
  private elts(es: Expr[]): void {
    for (const e of es) this.expr(e.kind === 'Starred' ? e.value : e);
  }

  private expr(e: Expr): void {
    if (this.error) return;
    switch (e.kind) {
      case 'Starred': this.fail(e, "can't use starred expression here"); return;
      case 'List': case 'Tuple': case 'Set': this.elts(e.elts); return;
      case 'Call': this.expr(e.func); this.elts(e.args); this.keywords(e.keywords); return;
      case 'Constant': case 'Yield': {
        if (e.kind === 'Yield' && e.value) this.expr(e.value);
        const m = this.markerAt.get(`${e.lineno}:${e.col_offset}`);
        if (!m) return;
        const what = m.kind === 'await' ? 'await' : 'yield';
        if (!m.inFunction) this.fail(m.pos, `'${what}' outside function`);
        else if (what === 'await' && !m.inAsync) this.fail(m.pos, "'await' outside async function");
        return;
      }
      case 'BoolOp': this.exprs(e.values); return;
      case 'NamedExpr': this.expr(e.value); return;
      case 'BinOp': this.expr(e.left); this.expr(e.right); return;
      case 'UnaryOp': this.expr(e.operand); return;
      case 'Lambda':
        this.exprs(e.args.defaults);
        for (const d of e.args.kw_defaults) if (d) this.expr(d);
        this.scope(() => this.expr(e.body), true);
        return;
      case 'IfExp': this.expr(e.test); this.expr(e.body); this.expr(e.orelse); return;
      case 'Dict': for (const k of e.keys) if (k) this.expr(k); this.exprs(e.values); return;
      case 'ListComp': case 'SetComp': case 'GeneratorExp':
        this.comp(e.generators, [e.elt]);
        return;
      case 'DictComp': this.comp(e.generators, [e.key, e.value]); return;
      case 'Compare': this.expr(e.left); this.exprs(e.comparators); return;
      case 'JoinedStr': this.exprs(e.values); return;
      case 'FormattedValue': this.expr(e.value); if (e.format_spec) this.expr(e.format_spec); return;
      case 'Attribute': this.expr(e.value); return;
      case 'Subscript':
        this.expr(e.value);
        if (e.slice.kind === 'Tuple') this.elts(e.slice.elts); else this.expr(e.slice);
        return;
      case 'Slice': if (e.lower) this.expr(e.lower); if (e.upper) this.expr(e.upper); if (e.step) this.expr(e.step); return;
      case 'Name': return;
    }
  }

  private comp(gens: Comprehension[], elts: Expr[]): void {
    this.expr(gens[0].iter);
    this.scope(() => {
      gens.forEach((g, k) => {
        if (k > 0) this.expr(g.iter);
        this.target(g.target);
        this.exprs(g.ifs);
      });
      this.exprs(elts);
    }, true);
    // a comprehension is a function: return/break/continue cannot occur in it anyway
  }
}
