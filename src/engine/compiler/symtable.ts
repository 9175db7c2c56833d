// Scope analysis (CPython's symtable): for every function, class, lambda and
// comprehension scope, which names are local, global, free (from an
// enclosing function) or cells (captured by an inner function).

import type * as A from '../../lang/ast';

export type ScopeKind = 'module' | 'class' | 'function' | 'lambda' | 'comprehension';

export class Scope {
  bound = new Set<string>();
  used = new Set<string>();
  globals = new Set<string>();
  nonlocals = new Set<string>();
  params: string[] = [];
  children: Scope[] = [];
  /** Resolved: */
  locals: string[] = [];
  cells = new Set<string>();
  frees = new Set<string>();
  needsClassCell = false;
  usesSuperOrClass = false;
  constructor(public kind: ScopeKind, public name: string, public parent: Scope | null, public node: unknown) {}

  isFunctionLike(): boolean { return this.kind === 'function' || this.kind === 'lambda' || this.kind === 'comprehension'; }

  /** How a name is accessed in this scope. */
  access(name: string): 'fast' | 'deref' | 'global' | 'name' | 'classderef' {
    if (this.kind === 'module') return 'name';
    if (this.kind === 'class') {
      if (this.globals.has(name)) return 'global';
      if (this.frees.has(name) && !this.bound.has(name)) return 'classderef';
      return 'name';
    }
    if (this.globals.has(name)) return 'global';
    if (this.cells.has(name) || this.frees.has(name)) return 'deref';
    if (this.bound.has(name)) return 'fast';
    return 'global';
  }
}

/** Build and resolve the scope tree of a module. Scopes are keyed by their AST node. */
export function buildScopes(mod: A.Module, inlineListComps = false): Map<unknown, Scope> {
  const map = new Map<unknown, Scope>();
  const root = new Scope('module', '<module>', null, mod);
  map.set(mod, root);
  const b = new Builder(map, inlineListComps);
  b.stmts(mod.body, root);
  resolve(root);
  return map;
}

class Builder {
  /** 2.7: a list comprehension has no scope of its own; its names live in the enclosing scope. */
  constructor(private map: Map<unknown, Scope>, private inlineListComps: boolean) {}

  private newScope(kind: ScopeKind, name: string, parent: Scope, node: unknown): Scope {
    const s = new Scope(kind, name, parent, node);
    parent.children.push(s);
    this.map.set(node, s);
    return s;
  }

  stmts(body: A.Stmt[], s: Scope): void { for (const st of body) this.stmt(st, s); }

  private args(a: A.Arguments, outer: Scope, inner: Scope): void {
    for (const d of a.defaults) this.expr(d, outer);
    for (const d of a.kw_defaults) if (d) this.expr(d, outer);
    const names = [...a.posonlyargs, ...a.args].map((x) => x.arg);
    if (a.vararg) names.push(a.vararg.arg);
    names.push(...a.kwonlyargs.map((x) => x.arg));
    if (a.kwarg) names.push(a.kwarg.arg);
    // Order as CPython's co_varnames: positional, kw-only, *args, **kwargs.
    inner.params = [...a.posonlyargs, ...a.args, ...a.kwonlyargs].map((x) => x.arg);
    if (a.vararg) inner.params.push(a.vararg.arg);
    if (a.kwarg) inner.params.push(a.kwarg.arg);
    for (const n of names) inner.bound.add(n);
  }

  stmt(st: A.Stmt, s: Scope): void {
    switch (st.kind) {
      case 'FunctionDef': {
        for (const d of st.decorator_list) this.expr(d, s);
        s.bound.add(st.name);
        const f = this.newScope('function', st.name, s, st);
        this.args(st.args, s, f);
        this.stmts(st.body, f);
        return;
      }
      case 'ClassDef': {
        for (const d of st.decorator_list) this.expr(d, s);
        for (const e of st.bases) this.expr(e, s);
        for (const k of st.keywords) this.expr(k.value, s);
        s.bound.add(st.name);
        const c = this.newScope('class', st.name, s, st);
        this.stmts(st.body, c);
        return;
      }
      case 'Return': if (st.value) this.expr(st.value, s); return;
      case 'Delete': for (const t of st.targets) this.target(t, s); return;
      case 'Assign': this.expr(st.value, s); for (const t of st.targets) this.target(t, s); return;
      case 'AugAssign': this.expr(st.value, s); this.target(st.target, s); if (st.target.kind === 'Name') s.used.add(st.target.id); else this.expr(st.target, s); return;
      case 'AnnAssign': if (st.value) this.expr(st.value, s); this.target(st.target, s); return;
      case 'For': this.expr(st.iter, s); this.target(st.target, s); this.stmts(st.body, s); this.stmts(st.orelse, s); return;
      case 'While': this.expr(st.test, s); this.stmts(st.body, s); this.stmts(st.orelse, s); return;
      case 'If': this.expr(st.test, s); this.stmts(st.body, s); this.stmts(st.orelse, s); return;
      case 'Raise': if (st.exc) this.expr(st.exc, s); if (st.cause) this.expr(st.cause, s); return;
      case 'Try':
        this.stmts(st.body, s);
        for (const h of st.handlers) {
          if (h.type) this.expr(h.type, s);
          if (h.name) s.bound.add(h.name);
          this.stmts(h.body, s);
        }
        this.stmts(st.orelse, s); this.stmts(st.finalbody, s);
        return;
      case 'Assert': this.expr(st.test, s); if (st.msg) this.expr(st.msg, s); return;
      case 'Import': for (const a of st.names) s.bound.add(a.asname ?? a.name.split('.')[0]); return;
      case 'ImportFrom': for (const a of st.names) s.bound.add(a.asname ?? a.name); return;
      case 'Global': for (const n of st.names) s.globals.add(n); return;
      case 'Nonlocal': for (const n of st.names) s.nonlocals.add(n); return;
      case 'Expr': this.expr(st.value, s); return;
      case 'Pass': case 'Break': case 'Continue': return;
    }
  }

  private target(t: A.Expr, s: Scope): void {
    switch (t.kind) {
      case 'Name': s.bound.add(t.id); return;
      case 'Tuple': case 'List': for (const e of t.elts) this.target(e, s); return;
      case 'Starred': this.target(t.value, s); return;
      case 'Attribute': this.expr(t.value, s); return;
      case 'Subscript': this.expr(t.value, s); this.expr(t.slice, s); return;
      default: this.expr(t, s);
    }
  }

  private comp(node: A.Expr, gens: A.Comprehension[], elts: A.Expr[], s: Scope, name: string): void {
    this.expr(gens[0].iter, s);
    const c = this.newScope('comprehension', name, s, node);
    c.bound.add('.0');
    c.params = ['.0'];
    gens.forEach((g, i) => {
      if (i > 0) this.expr(g.iter, c);
      this.target(g.target, c);
      for (const cond of g.ifs) this.expr(cond, c);
    });
    for (const e of elts) this.expr(e, c);
  }

  expr(e: A.Expr, s: Scope): void {
    switch (e.kind) {
      case 'Name':
        if (e.ctx === 'Load') s.used.add(e.id); else s.bound.add(e.id);
        if (e.id === 'super' || e.id === '__class__') s.usesSuperOrClass = true;
        return;
      case 'BoolOp': for (const v of e.values) this.expr(v, s); return;
      case 'NamedExpr': {
        this.expr(e.value, s);
        let t: Scope = s;
        while (t.kind === 'comprehension' && t.parent) t = t.parent;
        t.bound.add(e.target.id);
        if (t !== s) { s.nonlocals.add(e.target.id); }
        return;
      }
      case 'BinOp': this.expr(e.left, s); this.expr(e.right, s); return;
      case 'UnaryOp': this.expr(e.operand, s); return;
      case 'Lambda': {
        const f = this.newScope('lambda', '<lambda>', s, e);
        this.args(e.args, s, f);
        this.expr(e.body, f);
        return;
      }
      case 'IfExp': this.expr(e.test, s); this.expr(e.body, s); this.expr(e.orelse, s); return;
      case 'Dict': for (const k of e.keys) if (k) this.expr(k, s); for (const v of e.values) this.expr(v, s); return;
      case 'Set': case 'List': case 'Tuple':
        for (const x of e.elts) { if (e.kind !== 'Set' && e.ctx !== 'Load') this.target(x, s); else this.expr(x, s); }
        return;
      case 'ListComp':
        if (this.inlineListComps) {
          for (const g of e.generators) { this.expr(g.iter, s); this.target(g.target, s); for (const c of g.ifs) this.expr(c, s); }
          this.expr(e.elt, s);
          return;
        }
        this.comp(e, e.generators, [e.elt], s, '<listcomp>'); return;
      case 'SetComp': this.comp(e, e.generators, [e.elt], s, '<setcomp>'); return;
      case 'GeneratorExp': this.comp(e, e.generators, [e.elt], s, '<genexpr>'); return;
      case 'DictComp': this.comp(e, e.generators, [e.key, e.value], s, '<dictcomp>'); return;
      case 'Compare': this.expr(e.left, s); for (const c of e.comparators) this.expr(c, s); return;
      case 'Call': this.expr(e.func, s); for (const a of e.args) this.expr(a, s); for (const k of e.keywords) this.expr(k.value, s); return;
      case 'JoinedStr': for (const v of e.values) this.expr(v, s); return;
      case 'FormattedValue': this.expr(e.value, s); if (e.format_spec) this.expr(e.format_spec, s); return;
      case 'Constant': return;
      case 'Yield': if (e.value) this.expr(e.value, s); return;
      case 'Attribute': this.expr(e.value, s); return;
      case 'Subscript': this.expr(e.value, s); this.expr(e.slice, s); return;
      case 'Starred': if (e.ctx === 'Load') this.expr(e.value, s); else this.target(e.value, s); return;
      case 'Slice': if (e.lower) this.expr(e.lower, s); if (e.upper) this.expr(e.upper, s); if (e.step) this.expr(e.step, s); return;
    }
  }
}

function resolve(root: Scope): void {
  // Pass 1: locals of function scopes.
  const visit = (s: Scope) => {
    if (s.isFunctionLike()) {
      for (const n of s.globals) s.bound.delete(n);
      for (const n of s.nonlocals) { s.bound.delete(n); s.frees.add(n); }
    }
    for (const c of s.children) visit(c);
  };
  visit(root);
  // Pass 2: free variables, resolved from the innermost scope outwards.
  const resolveFree = (s: Scope) => {
    for (const c of s.children) resolveFree(c);
    if (s.kind === 'module') return;
    const wanted = new Set<string>();
    if (s.kind === 'class') {
      for (const n of s.used) if (!s.bound.has(n) && !s.globals.has(n)) wanted.add(n);
    } else {
      for (const n of s.used) if (!s.bound.has(n) && !s.globals.has(n)) wanted.add(n);
      for (const n of s.frees) wanted.add(n);
    }
    for (const n of wanted) {
      if (n === '__class__' && s.isFunctionLike()) { bindClassCell(s); continue; }
      let p = s.parent;
      const chain: Scope[] = [];
      while (p && p.kind !== 'module') {
        if (p.isFunctionLike() && (p.bound.has(n) || p.cells.has(n)) && !p.globals.has(n) && !p.nonlocals.has(n)) {
          p.cells.add(n);
          s.frees.add(n);
          for (const mid of chain) mid.frees.add(n);
          break;
        }
        if (p.isFunctionLike() && p.nonlocals.has(n)) { p.frees.add(n); chain.push(p); p = p.parent; continue; }
        if (p.isFunctionLike()) chain.push(p);
        p = p.parent;
      }
    }
    // Zero-argument super() needs the __class__ cell of the enclosing class.
    if (s.isFunctionLike() && s.usesSuperOrClass && s.used.has('super')) bindClassCell(s);
  };
  resolveFree(root);
  // Pass 3: final locals lists (parameters first, in order).
  const finish = (s: Scope) => {
    if (s.isFunctionLike()) {
      const seen = new Set<string>(s.params);
      s.locals = [...s.params];
      for (const n of s.bound) if (!seen.has(n) && !s.frees.has(n)) { s.locals.push(n); seen.add(n); }
    }
    for (const c of s.children) finish(c);
  };
  finish(root);
}

function bindClassCell(s: Scope): void {
  let p = s.parent;
  const chain: Scope[] = [s];
  while (p && p.kind !== 'class' && p.kind !== 'module') { chain.push(p); p = p.parent; }
  if (p && p.kind === 'class') {
    p.needsClassCell = true;
    for (const c of chain) c.frees.add('__class__');
  }
}
