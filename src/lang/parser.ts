// The scenario parser: statements (after CPython 3.11's grammar), the two
// passes of pegen (plain, then with specialised error messages), and the way
// a parser error competes with a tokenizer error further on. `parse` also runs
// the compile-time checks CPython makes before running a file
// (compilecheck.ts), so a scenario that parses here would compile there.

import type {
  Alias, BinOperator, ClassDef, Constant, ExceptHandler, Expr, FunctionDef, Module, Stmt,
} from './ast';
import { checkCompile } from './compilecheck';
import { FAIL, FieldOrigin, TOO_COMPLEX, tokPos } from './cursor';
import { ScenarioError } from './errors';
import { ExprParser } from './expressions';
import { parseNumber } from './literals';
import { Source } from './source';
import { exprName, invalidTarget, setContext } from './targets';
import { Tokenized, tokenize } from './tokenizer';
import { KEYWORDS, T, Token } from './tokens';

const AUGASSIGN: Record<string, BinOperator> = {
  '+=': 'Add', '-=': 'Sub', '*=': 'Mult', '@=': 'MatMult', '/=': 'Div', '%=': 'Mod', '&=': 'BitAnd',
  '|=': 'BitOr', '^=': 'BitXor', '<<=': 'LShift', '>>=': 'RShift', '**=': 'Pow', '//=': 'FloorDiv',
};

type BlockKind = "'if' statement" | "'elif' statement" | "'else' statement" | "'while' statement" |
  "'for' statement" | "'try' statement" | "'except' statement" | "'finally' statement" |
  "'with' statement" | 'function definition' | 'class definition';

class Parser extends ExprParser {
  futures: string[] = [];

  furthest(): Token {
    return this.toks[Math.min(this.far, this.toks.length - 1)];
  }

  secondPass(): void {
    this.diag = true;
  }

  errorAt(t: Token, msg: string, type: 'SyntaxError' | 'IndentationError'): ScenarioError {
    return this.errTok(t, msg, type);
  }

  /** yield and await inside functions (outside, CPython's SyntaxError came first). */
  refuseMarkers(): ScenarioError[] {
    const before = this.notSupported.length;
    for (const m of this.markers) {
      if (m.kind === 'await') { if (m.inAsync) this.refuse(m.pos, "'await'", 'coroutines are not simulated'); }
      else if (m.kind === 'yield from') { if (m.inFunction) this.refuse(m.pos, "'yield from'", 'delegation to a subgenerator is not simulated'); }
    }
    return this.notSupported.splice(before);
  }

  protected number(t: Token): Constant {
    return { kind: 'Constant', value: parseNumber(t.value), ...tokPos(t) };
  }

  // ---- module and blocks ----------------------------------------------------

  file(): Module {
    const body: Stmt[] = [];
    while (!this.isType(T.ENDMARKER)) this.statement(body);
    return { kind: 'Module', body, futures: this.futures };
  }

  /** Parses one statement (a line of simple statements may give several). */
  private statement(out: Stmt[]): void {
    const t = this.tok();
    if (t.type === T.NAME) {
      switch (t.value) {
        case 'def': out.push(this.funcDef(this.i, [])); return;
        case 'class': out.push(this.classDef(this.i, [])); return;
        case 'if': out.push(this.ifStmt()); return;
        case 'while': out.push(this.whileStmt()); return;
        case 'for': out.push(this.forStmt()); return;
        case 'try': out.push(this.tryStmt()); return;
        case 'with': out.push(this.withStmt()); return;
        case 'async': out.push(this.asyncStmt()); return;
        case 'match': if (this.matchStmt()) return; break;
      }
    } else if (t.type === T.OP && t.value === '@') {
      out.push(this.decorated());
      return;
    }
    this.simpleStmts(out);
  }

  /** block: NEWLINE INDENT statements DEDENT | simple_stmts */
  private block(kind: BlockKind, kw: Token): Stmt[] {
    const body: Stmt[] = [];
    if (this.isType(T.NEWLINE)) {
      if (!this.isType(T.INDENT, 1)) {
        if (this.diag) {
          throw this.errLast(`expected an indented block after ${kind} on line ${kw.lineno}`, 'IndentationError');
        }
        throw FAIL;
      }
      this.i += 2;
      this.enter();
      try {
        do this.statement(body); while (!this.isType(T.DEDENT));
      } finally {
        this.leave();
      }
      this.next();
      return body;
    }
    this.simpleStmts(body);
    return body;
  }

  /** 'if' named_expression NEWLINE → "expected ':'" (second pass), else ':' */
  private colonAfterHeader(): void {
    if (this.diag && this.isType(T.NEWLINE)) throw this.errLast("expected ':'");
    this.expectOp(':');
  }

  // ---- compound statements ---------------------------------------------------

  private ifStmt(): Stmt {
    const s = this.i;
    const kw = this.next();
    const test = this.namedExpression();
    this.colonAfterHeader();
    const body = this.block(kw.value === 'if' ? "'if' statement" : "'elif' statement", kw);
    let orelse: Stmt[] = [];
    if (this.isKw('elif')) orelse = [this.ifStmt()];
    else if (this.isKw('else')) orelse = this.elseBlock();
    return { kind: 'If', test, body, orelse, ...this.extra(s) };
  }

  private elseBlock(): Stmt[] {
    const kw = this.next();
    this.forceOp(':');
    return this.block("'else' statement", kw);
  }

  private whileStmt(): Stmt {
    const s = this.i;
    const kw = this.next();
    const test = this.namedExpression();
    this.colonAfterHeader();
    const body = this.block("'while' statement", kw);
    const orelse = this.isKw('else') ? this.elseBlock() : [];
    return { kind: 'While', test, body, orelse, ...this.extra(s) };
  }

  private forStmt(start = this.i): Stmt {
    const kw = this.next();
    const targetStart = this.i;
    const target = this.attempt(() => this.starTargets());
    if (!target || !this.isKw('in')) {
      if (this.diag) this.invalidForTarget(targetStart);
      throw FAIL;
    }
    this.next();
    const iter = this.starExpressions();
    this.colonAfterHeader();
    const body = this.block("'for' statement", kw);
    const orelse = this.isKw('else') ? this.elseBlock() : [];
    return { kind: 'For', target, iter, body, orelse, ...this.extra(start) };
  }

  private tryStmt(): Stmt {
    const s = this.i;
    const kw = this.next();
    this.forceOp(':');
    const body = this.block("'try' statement", kw);
    const handlers: ExceptHandler[] = [];
    let orelse: Stmt[] = [];
    let finalbody: Stmt[] = [];
    while (this.isKw('except')) handlers.push(this.exceptBlock());
    if (handlers.length && this.isKw('else')) orelse = this.elseBlock();
    if (this.isKw('finally')) {
      const f = this.next();
      this.forceOp(':');
      finalbody = this.block("'finally' statement", f);
    }
    if (!handlers.length && !finalbody.length) {
      if (this.diag) throw this.errLast("expected 'except' or 'finally' block");
      throw FAIL;
    }
    return { kind: 'Try', body, handlers, orelse, finalbody, ...this.extra(s) };
  }

  private exceptBlock(): ExceptHandler {
    const s = this.i;
    const kw = this.next();
    if (this.isOp('*')) {
      const star = this.next();
      this.refuse(tokPos(star), "'except*'", 'exception groups are not simulated');
    }
    let type: Expr | null = null;
    let name: string | null = null;
    if (!this.isOp(':')) {
      if (this.diag && this.isType(T.NEWLINE)) throw this.errLast("expected ':'");
      type = this.expression();
      if (this.diag && this.isOp(',')) {
        const multi = this.lookahead(() => {
          this.next();
          this.starExpressions();
          if (this.eatKw('as')) this.expectName();
          return this.isOp(':') ? this.tok() : null;
        });
        if (multi) throw this.errFrom(type, 'multiple exception types must be parenthesized');
      }
      if (this.eatKw('as')) name = this.expectName().value;
      if (this.diag && this.isType(T.NEWLINE)) throw this.errLast("expected ':'");
    }
    this.expectOp(':');
    const body = this.block("'except' statement", kw);
    return { kind: 'ExceptHandler', type, name, body, ...this.extra(s) };
  }

  private withStmt(start = this.i): Stmt {
    const kw = this.next();
    const items: Expr[] = [];
    const withItem = (): void => {
      const e = this.expression();
      items.push(e);
      if (this.eatKw('as')) {
        const at = this.i;
        const t = this.attempt(() => this.starTarget());
        if (!t || !(this.isOp(',') || this.isOp(')') || this.isOp(':'))) {
          if (this.diag) {
            // invalid_with_item: expression 'as' a=expression &(',' | ')' | ':')
            const bad = this.lookahead(() => {
              this.i = at;
              const x = this.expression();
              return this.isOp(',') || this.isOp(')') || this.isOp(':') ? invalidTarget(x, 'star') : null;
            });
            if (bad) throw this.errNode(bad, `cannot assign to ${exprName(bad)}`);
          }
          throw FAIL;
        }
        items.push(t);
      }
    };
    const parenthesized = this.attempt(() => {
      this.expectOp('(');
      do { if (this.isOp(')')) break; withItem(); } while (this.eatOp(','));
      this.expectOp(')');
      if (!this.isOp(':')) throw FAIL;
      return true;
    });
    if (!parenthesized) {
      do withItem(); while (this.eatOp(','));
    }
    const header = this.extra(start);
    this.colonAfterHeader();
    const body = this.block("'with' statement", kw);
    this.refuse(header, "the 'with' statement", 'context managers are not simulated');
    // Placeholder keeping the body for the compile-time checks.
    return { kind: 'If', test: { kind: 'Constant', value: { type: 'bool', value: true }, ...header }, body, orelse: [], ...this.extra(start) };
  }

  private asyncStmt(): Stmt {
    const s = this.i;
    const a = this.tok();
    const next = this.tok(1);
    if (next.type !== T.NAME || !(next.value === 'def' || next.value === 'for' || next.value === 'with')) throw FAIL;
    this.next();
    let stmt: Stmt;
    if (next.value === 'def') {
      stmt = this.funcDef(s, [], true);
    } else {
      stmt = next.value === 'for' ? this.forStmt(s) : this.withStmt(s);
      // outside an async def, CPython's compiler has a SyntaxError for it
      this.markers.push({ kind: next.value === 'for' ? 'async for' : 'async with', pos: this.extra(s),
        inFunction: this.funcDepth > 0, inAsync: this.asyncFunc });
    }
    this.refuse(tokPos(a), `'async ${next.value}'`, 'coroutines are not simulated');
    return stmt;
  }

  private decorated(): Stmt {
    const decorators: Expr[] = [];
    while (this.isOp('@')) {
      this.next();
      decorators.push(this.namedExpression());
      if (!this.isType(T.NEWLINE)) throw FAIL;
      this.next();
    }
    const s = this.i;
    if (this.isKw('def')) return this.funcDef(s, decorators);
    if (this.isKw('class')) return this.classDef(s, decorators);
    if (this.isKw('async') && this.isKw('def', 1)) {
      const a = this.next();
      const f = this.funcDef(s, decorators, true);
      this.refuse(tokPos(a), "'async def'", 'coroutines are not simulated');
      return f;
    }
    throw FAIL;
  }

  private funcDef(s: number, decorators: Expr[], isAsync = false): FunctionDef {
    const kw = this.next(); // 'def'
    const name = this.expectName();
    if (this.isOp('[')) this.typeParams('(');
    this.forceOp('(');
    const args = this.isOp(')') ? emptyArguments() : this.parameters(false);
    this.expectOp(')');
    if (this.eatOp('->')) this.expression();
    this.forceOp(':');
    this.funcDepth++;
    const wasAsync = this.asyncFunc;
    this.asyncFunc = isAsync;
    let body: Stmt[];
    try {
      body = this.block('function definition', kw);
    } finally {
      this.funcDepth--;
      this.asyncFunc = wasAsync;
    }
    return { kind: 'FunctionDef', name: name.value, args, body, decorator_list: decorators, ...this.extra(s) };
  }

  /**
   * `def f[T]()` / `class C[T]:` (Python 3.12 type parameters): refused and
   * skipped when well formed; otherwise left to fail as in CPython 3.11.
   */
  private typeParams(after: string): void {
    const s = this.i;
    const ok = this.attempt(() => {
      this.next();
      do {
        if (this.isOp(']')) break;
        if (!this.eatOp('*')) this.eatOp('**');
        this.expectName();
        if (this.eatOp(':')) this.expression();
      } while (this.eatOp(','));
      this.expectOp(']');
      if (!this.isOp(after) && !this.isOp('(')) throw FAIL;
      return true;
    });
    if (ok) this.refuse(this.extra(s), 'type parameter syntax', 'generics are Python 3.12 syntax and are not simulated');
  }

  private classDef(s: number, decorators: Expr[]): ClassDef {
    const kw = this.next(); // 'class'
    const name = this.expectName();
    if (this.isOp('[')) this.typeParams(':');
    let bases: Expr[] = [];
    let keywords: ClassDef['keywords'] = [];
    if (this.eatOp('(')) {
      if (!this.isOp(')')) ({ args: bases, keywords } = this.arguments());
      this.expectOp(')');
    }
    this.colonAfterHeader();
    const saved = this.funcDepth;
    const wasAsync = this.asyncFunc;
    this.funcDepth = 0;
    this.asyncFunc = false;
    let body: Stmt[];
    try {
      body = this.block('class definition', kw);
    } finally {
      this.funcDepth = saved;
      this.asyncFunc = wasAsync;
    }
    return { kind: 'ClassDef', name: name.value, bases, keywords, body, decorator_list: decorators, ...this.extra(s) };
  }

  /** The soft keyword `match`: a match statement is refused and skipped. */
  private matchStmt(): boolean {
    const s = this.i;
    const header = this.attempt(() => {
      this.next();
      const subj = this.namedExpressionOrTuple();
      if (this.diag && this.isType(T.NEWLINE)) throw this.errLast("expected ':'");
      this.expectOp(':');
      if (!this.isType(T.NEWLINE) || !this.isType(T.INDENT, 1) || !this.isKw('case', 2)) throw FAIL;
      return subj;
    });
    if (!header) { this.i = s; return false; }
    const pos = this.extra(s);
    this.i += 2;
    let depth = 1;
    while (depth > 0) {
      const t = this.next();
      if (t.type === T.INDENT) depth++;
      else if (t.type === T.DEDENT) depth--;
      else if (t.type === T.ENDMARKER) throw FAIL;
    }
    this.refuse(pos, "the 'match' statement", 'pattern matching is not simulated');
    return true;
  }

  private namedExpressionOrTuple(): Expr {
    const s = this.i;
    const first = this.starNamedExpression();
    if (!this.isOp(',')) return first;
    const elts = [first];
    while (this.eatOp(',')) {
      if (!this.startsStarExpression()) break;
      elts.push(this.starNamedExpression());
    }
    return { kind: 'Tuple', elts, ctx: 'Load', ...this.extra(s) };
  }

  // ---- simple statements -----------------------------------------------------

  /** simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE */
  private simpleStmts(out: Stmt[]): void {
    out.push(this.simpleStmt());
    while (this.eatOp(';')) {
      if (this.isType(T.NEWLINE)) break;
      out.push(this.simpleStmt());
    }
    if (!this.isType(T.NEWLINE)) throw FAIL;
    this.next();
  }

  private simpleStmt(): Stmt {
    const t = this.tok();
    const s = this.i;
    if (t.type === T.NAME && KEYWORDS.has(t.value)) {
      switch (t.value) {
        case 'pass': this.next(); return { kind: 'Pass', ...tokPos(t) };
        case 'break': this.next(); return { kind: 'Break', ...tokPos(t) };
        case 'continue': this.next(); return { kind: 'Continue', ...tokPos(t) };
        case 'return': {
          this.next();
          const value = this.startsStarExpression() ? this.starExpressions() : null;
          return { kind: 'Return', value, ...this.extra(s) };
        }
        case 'raise': return this.raiseStmt();
        case 'global': case 'nonlocal': return this.globalStmt(t.value);
        case 'del': return this.delStmt();
        case 'assert': {
          this.next();
          const test = this.expression();
          const msg = this.eatOp(',') ? this.expression() : null;
          return { kind: 'Assert', test, msg, ...this.extra(s) };
        }
        case 'import': return this.importName();
        case 'from': return this.importFrom();
      }
    }
    if (t.type === T.NAME && t.value === 'type' && this.isName(1) && (this.isOp('=', 2) || this.isOp('[', 2))) {
      return this.typeAlias();
    }
    return this.assignmentOrExpr();
  }

  private typeAlias(): Stmt {
    const s = this.i;
    while (!this.isType(T.NEWLINE) && !this.isOp(';')) this.next();
    const pos = this.extra(s);
    this.refuse(pos, "the 'type' statement", 'type aliases are Python 3.12 syntax and are not simulated');
    return { kind: 'Pass', ...pos };
  }

  private raiseStmt(): Stmt {
    const s = this.i;
    this.next();
    let exc: Expr | null = null;
    let cause: Expr | null = null;
    if (this.startsExpression()) {
      exc = this.expression();
      if (this.eatKw('from')) cause = this.expression();
    }
    return { kind: 'Raise', exc, cause, ...this.extra(s) };
  }

  private globalStmt(kw: string): Stmt {
    const s = this.i;
    this.next();
    const names = [this.expectName().value];
    while (this.eatOp(',')) names.push(this.expectName().value);
    return kw === 'global' ? { kind: 'Global', names, ...this.extra(s) } : { kind: 'Nonlocal', names, ...this.extra(s) };
  }

  private delStmt(): Stmt {
    const s = this.i;
    this.next();
    const targets: Expr[] = [];
    const ok = this.attempt(() => {
      do {
        if (this.isType(T.NEWLINE) || this.isOp(';')) break;
        const e = this.primary();
        if (!this.delTarget(e)) throw FAIL;
        targets.push(e);
      } while (this.eatOp(','));
      if (!targets.length || !(this.isType(T.NEWLINE) || this.isOp(';'))) throw FAIL;
      return true;
    });
    if (!ok) {
      if (this.diag) {
        const e = this.lookahead(() => { this.i = s + 1; return this.starExpressions(); });
        const bad = e && invalidTarget(e, 'del');
        if (bad) throw this.errNode(bad, `cannot delete ${exprName(bad)}`);
      }
      throw FAIL;
    }
    for (const e of targets) setContext(e, 'Del');
    return { kind: 'Delete', targets, ...this.extra(s) };
  }

  private delTarget(e: Expr): boolean {
    if (e.kind === 'Name' || e.kind === 'Attribute' || e.kind === 'Subscript') return true;
    if (e.kind === 'Tuple' || e.kind === 'List') return e.elts.every((x) => this.delTarget(x));
    return false;
  }

  // ---- imports ---------------------------------------------------------------

  private dottedName(): string {
    let name = this.expectName().value;
    while (this.isOp('.')) {
      this.next();
      name += '.' + this.expectName().value;
    }
    return name;
  }

  private importName(): Stmt {
    const s = this.i;
    this.next();
    const names: Alias[] = [];
    do {
      const a = this.i;
      const name = this.dottedName();
      const asname = this.eatKw('as') ? this.expectName().value : null;
      names.push({ kind: 'alias', name, asname, ...this.extra(a) });
    } while (this.eatOp(','));
    return { kind: 'Import', names, ...this.extra(s) };
  }

  private importFrom(): Stmt {
    const s = this.i;
    this.next();
    let level = 0;
    for (;;) {
      if (this.eatOp('.')) level += 1;
      else if (this.eatOp('...')) level += 3;
      else break;
    }
    let module = '';
    if (level === 0 || !this.isKw('import')) module = this.dottedName();
    this.expectKw('import');
    const names: Alias[] = [];
    if (this.isOp('*')) {
      const t = this.next();
      names.push({ kind: 'alias', name: '*', asname: null, ...tokPos(t) });
    } else {
      const paren = this.eatOp('(');
      do {
        if (paren && this.isOp(')')) break;
        if (!paren && names.length && this.isType(T.NEWLINE)) {
          if (this.diag) throw this.errLast('trailing comma not allowed without surrounding parentheses');
          throw FAIL;
        }
        const a = this.i;
        const name = this.expectName().value;
        const asname = this.eatKw('as') ? this.expectName().value : null;
        names.push({ kind: 'alias', name, asname, ...this.extra(a) });
      } while (this.eatOp(','));
      if (paren) this.expectOp(')');
      if (!names.length) throw FAIL;
    }
    const stmt: Stmt = { kind: 'ImportFrom', module, names, level, ...this.extra(s) };
    if (module === '__future__' && level === 0) for (const a of names) this.futures.push(a.name);
    return stmt;
  }

  // ---- assignments and expression statements ----------------------------------

  private assignmentOrExpr(): Stmt {
    const s = this.i;
    const first = this.isKw('yield') ? this.yieldExpr() : this.starExpressions();
    const t = this.tok();
    if (t.type === T.OP) {
      if (t.value === '=') return this.assignment(s, first);
      if (t.value === ':') return this.annAssign(s, first);
      const op = AUGASSIGN[t.value];
      if (op) {
        if (!this.singleTarget(first)) {
          if (this.diag) {
            const ok = this.lookahead(() => { this.next(); this.annotatedRhs(); return true; });
            if (ok) throw this.errNode(first, `'${exprName(first)}' is an illegal expression for augmented assignment`);
          }
          throw FAIL;
        }
        this.next();
        setContext(first, 'Store');
        const value = this.annotatedRhs();
        return { kind: 'AugAssign', target: first, op, value, ...this.extra(s) };
      }
    }
    if (this.diag) this.invalidStatementStart(s);
    return { kind: 'Expr', value: first, ...this.extra(s) };
  }

  /**
   * The second pass tries invalid_assignment before an expression statement;
   * its `star_named_expression ',' ...` alternative runs the
   * invalid_named_expression checks (`x.y := 1`, `f() = 1` ...) at the start.
   */
  private invalidStatementStart(s: number): void {
    this.lookahead(() => {
      this.i = s;
      this.starNamedExpression();
      while (this.eatOp(',')) {
        if (!this.startsStarExpression()) break;
        this.starNamedExpression();
      }
      return null;
    });
  }

  /** single_target: NAME, attribute or subscript, possibly in parentheses. */
  private singleTarget(e: Expr): boolean {
    return e.kind === 'Name' || e.kind === 'Attribute' || e.kind === 'Subscript';
  }

  private annotatedRhs(): Expr {
    return this.isKw('yield') ? this.yieldExpr() : this.starExpressions();
  }

  private assignment(s: number, first: Expr): Stmt {
    const targets: Expr[] = [first];
    let value: Expr = first;
    while (this.isOp('=')) {
      this.next();
      const v = this.attempt(() => this.annotatedRhs());
      if (!v) {
        // `target =` with nothing valid after it: CPython still names a bad target
        if (this.diag) {
          const k = targets.findIndex((e) => invalidTarget(e, 'star') || ((e.kind === 'Constant' || e.kind === 'Yield') && this.isYield(e)));
          if (k >= 0) this.invalidAssignment(targets, k);
        }
        throw FAIL;
      }
      value = v;
      if (this.isOp('=')) targets.push(value);
    }
    for (let k = 0; k < targets.length; k++) {
      const e = targets[k];
      const bad = (e.kind === 'Constant' || e.kind === 'Yield') && this.isYield(e) ? e : invalidTarget(e, 'star');
      if (bad || e.kind === 'Starred' && e.value.kind === 'Starred') {
        if (this.diag) this.invalidAssignment(targets, k);
        throw FAIL;
      }
    }
    for (const e of targets) setContext(e, 'Store');
    return { kind: 'Assign', targets, value, ...this.extra(s) };
  }

  private isYield(e: Expr): boolean {
    return this.markers.some((m) => m.pos.lineno === e.lineno && m.pos.col_offset === e.col_offset &&
      m.pos.end_col_offset === e.end_col_offset && (m.kind === 'yield' || m.kind === 'yield from'));
  }

  /** CPython's invalid_assignment and invalid_named_expression for `targets = value`. */
  private invalidAssignment(targets: Expr[], k: number): void {
    const first = targets[0];
    // a single invalid target followed by a bitwise_or value:
    // "cannot assign to X here. Maybe you meant '==' instead of '='?"
    const elems = first.kind === 'Tuple' && !this.parenthesizedTuple(first) ? first.elts : [first];
    for (const el of elems) {
      if (el.kind === 'Starred' || ((el.kind === 'Constant' || el.kind === 'Yield') && this.isYield(el))) continue;
      const rest = this.lookahead(() => {
        this.i = this.indexAfter(el);
        if (!this.isOp('=')) return null;
        this.next();
        const v = this.attempt(() => this.bitwiseOr());
        if (!v || this.isOp('=') || this.isOp(':=')) return null;
        return v;
      });
      const elStart = this.indexOf(el);
      if (rest && el.kind === 'Name') {
        throw this.errRange(el, rest, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
      }
      if (rest && isBitwiseOrLevel(el) && !this.startsWithDisplay(elStart, el)) {
        throw this.errNode(el, `cannot assign to ${exprName(el)} here. Maybe you meant '==' instead of '='?`);
      }
    }
    const target = targets[k];
    if ((target.kind === 'Constant' || target.kind === 'Yield') && this.isYield(target)) {
      throw this.errNode(target, 'assignment to yield expression not possible');
    }
    const bad = invalidTarget(target, 'star');
    if (bad) throw this.errNode(bad, `cannot assign to ${exprName(bad)}`);
  }

  private parenthesizedTuple(e: Expr): boolean {
    const t = this.toks[this.indexOf(e)];
    return t.type === T.OP && t.value === '(';
  }

  /** Token index where node e starts. */
  private indexOf(e: Expr): number {
    let j = this.i;
    while (j > 0) {
      const t = this.toks[j];
      if (t.lineno < e.lineno || (t.lineno === e.lineno && t.col < e.col_offset)) break;
      j--;
    }
    while (j < this.toks.length - 1) {
      const t = this.toks[j];
      if (t.lineno === e.lineno && t.col === e.col_offset && !t.noPos) return j;
      j++;
    }
    return j;
  }

  /** Token index just after node e. */
  private indexAfter(e: Expr): number {
    let j = this.indexOf(e);
    while (j < this.toks.length - 1) {
      const t = this.toks[j];
      if (t.endLineno === e.end_lineno && t.endCol === e.end_col_offset) return j + 1;
      j++;
    }
    return j;
  }

  private annAssign(s: number, target: Expr): Stmt {
    const startTok = this.toks[s];
    const parenthesized = startTok.type === T.OP && startTok.value === '(';
    const ok = (target.kind === 'Name' && (!parenthesized || this.parenthesized.has(target))) ||
      target.kind === 'Attribute' || target.kind === 'Subscript';
    if (!ok) {
      if (this.diag) {
        const ann = this.lookahead(() => { this.next(); return this.expression(); });
        if (ann) {
          if (target.kind === 'Tuple' && !parenthesized) {
            throw this.errNode(target.elts[0], 'only single target (not tuple) can be annotated');
          }
          if (target.kind === 'Tuple' || target.kind === 'List') {
            throw this.errNode(target, `only single target (not ${target.kind === 'Tuple' ? 'tuple' : 'list'}) can be annotated`);
          }
          throw this.errNode(target, 'illegal target for annotation');
        }
      }
      throw FAIL;
    }
    this.next();
    const annotation = this.expression();
    const value = this.eatOp('=') ? this.annotatedRhs() : null;
    setContext(target, 'Store');
    const simple = target.kind === 'Name' && !parenthesized ? 1 : 0;
    return { kind: 'AnnAssign', target, annotation, value, simple, ...this.extra(s) };
  }

  // ---- f-string fields ---------------------------------------------------------

  /**
   * An f-string field, parsed as CPython 3.11 does: as the separate source
   * "(" + text + ")" whose first line starts at the column of the '{'.
   */
  fieldExpression(exprText: string, braceLine: number, braceCol: number): Expr {
    const text = '(' + exprText + ')';
    const sub = new Source(text, this.src.filename);
    const tz = tokenize(sub);
    for (const t of tz.tokens) {
      if (t.lineno === 1) t.col += braceCol;
      if (t.endLineno === 1) t.endCol += braceCol;
      t.lineno += braceLine - 1;
      t.endLineno += braceLine - 1;
    }
    if (tz.error) tz.error = { ...tz.error, error: fieldTokenizerError(tz.error.error, braceLine, this.src.filename) };
    const origin: FieldOrigin = { line: braceLine, col: braceCol, text };
    const make = (): Parser => new Parser(this.src, tz.tokens, tz.error, origin);
    const { result, parser } = runPasses(make, (p) => p.starExpressions(), tz);
    this.markers.push(...parser.markers);
    this.notSupported.push(...parser.notSupported);
    return result;
  }
}

function emptyArguments(): FunctionDef['args'] {
  return { posonlyargs: [], args: [], vararg: null, kwonlyargs: [], kw_defaults: [], kwarg: null, defaults: [] };
}

function isBitwiseOrLevel(e: Expr): boolean {
  return !(e.kind === 'Compare' || e.kind === 'BoolOp' || e.kind === 'IfExp' || e.kind === 'Lambda' ||
    (e.kind === 'UnaryOp' && e.op === 'Not') || e.kind === 'NamedExpr' || e.kind === 'Starred');
}

function fieldTokenizerError(e: ScenarioError, braceLine: number, filename: string): ScenarioError {
  return new ScenarioError(e.errorType, e.msg, filename, e.lineno + braceLine - 1, e.col, e.endLineno + braceLine - 1,
    e.endCol, e.sourceLine, { ...e.range, line: e.range.line + braceLine - 1, endLine: e.range.endLine + braceLine - 1 });
}

/**
 * pegen's _PyPegen_run_parser: a plain pass, then (on failure) a pass with
 * the specialised errors, then CPython's choice between the parser's error
 * and a tokenizer error further on (_PyPegen_set_syntax_error).
 */
function runPasses<R>(make: () => Parser, run: (p: Parser) => R, tz: Tokenized): { result: R; parser: Parser } {
  const p1 = make();
  let err: unknown;
  try {
    return { result: run(p1), parser: p1 };
  } catch (e) {
    err = e;
  }
  const lastTok = p1.furthest();
  let p = p1;
  if (err === FAIL) {
    p = make();
    p.secondPass();
    try {
      run(p);
      err = FAIL;
    } catch (e) {
      err = e;
    }
    if (err === FAIL) {
      if (lastTok.type === T.INDENT || lastTok.type === T.DEDENT) {
        throw p.errorAt(lastTok, lastTok.type === T.INDENT ? 'unexpected indent' : 'unexpected unindent', 'IndentationError');
      }
      err = p.errorAt(lastTok, 'invalid syntax', 'SyntaxError');
    }
  }
  if (err instanceof RangeError) err = p.errorAt(p.furthest(), TOO_COMPLEX, 'SyntaxError');
  if (!(err instanceof ScenarioError)) throw err;
  const te = tz.error;
  if (!te || err === te.error) throw err;
  // the tokenizer reads on to the end: a bracket never closed before the
  // error's line, or an error of its own, takes precedence
  const line = Math.max(p.furthest().lineno, p1.furthest().lineno);
  if (te.openBracket && te.openBracket.lineno < line && te.unclosed) throw te.unclosed;
  if (te.kind === 'set') throw te.error;
  throw err;
}

/**
 * Parses a scenario into its syntax tree, or throws the ScenarioError CPython
 * 3.11 would report (SyntaxError, IndentationError, TabError), or a
 * NotSupportedError for a construct with no node in the tree (with, async,
 * yield, match, type parameters).
 */
export function parse(source: string, filename: string): Module {
  const { module, unsupported } = parseWithUnsupported(source, filename);
  if (unsupported.length) throw unsupported[0];
  return module;
}

/** Parses; SyntaxErrors are thrown, constructs refused by the parser are returned in source order. */
export function parseWithUnsupported(source: string, filename: string): { module: Module; unsupported: ScenarioError[] } {
  const src = new Source(source, filename);
  const tz = tokenize(src);
  const make = (): Parser => new Parser(src, tz.tokens, tz.error);
  const { result: module, parser } = runPasses(make, (p) => p.file(), tz);
  try {
    checkCompile(module, parser.markers, src);
  } catch (e) {
    // a tree too deep to walk (CPython: RecursionError during compilation)
    if (e instanceof RangeError) throw src.error('SyntaxError', TOO_COMPLEX, 1, 0, 1, -1, { line: 1, col16: 0, endLine: 1, endCol16: 1 });
    throw e;
  }
  const unsupported = parser.notSupported.concat(parser.refuseMarkers()).sort(byPosition);
  return { module, unsupported };
}

export function byPosition(a: ScenarioError, b: ScenarioError): number {
  return a.lineno - b.lineno || a.col - b.col;
}
