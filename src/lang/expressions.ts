// Recursive-descent parsing of Python 3.11 expressions, rule by rule after
// CPython's Grammar/python.gram (star_expressions down to atom), producing the
// nodes of ast.ts with CPython's positions. In the second pass (`diag`) the
// failure points raise CPython's specialised messages (its invalid_* rules).

import type {
  BinOperator, CmpOperator, Comprehension, Constant, Expr, Keyword, Name, Pos,
} from './ast';
import { FAIL, MAX_NESTING, TOO_COMPLEX, tokPos } from './cursor';
import { ParamsParser } from './params';
import { ScenarioError } from './errors';
import { StringsParser } from './strings';
import { exprName, invalidTarget, setContext } from './targets';
import { KEYWORDS, T, Token } from './tokens';

const SOFT_KEYWORDS = new Set(['match', 'case', '_']);

const COMPARE_OPS: Record<string, CmpOperator> = {
  '==': 'Eq', '!=': 'NotEq', '<': 'Lt', '<=': 'LtE', '>': 'Gt', '>=': 'GtE',
};
const SHIFT_OPS: Record<string, BinOperator> = { '<<': 'LShift', '>>': 'RShift' };
const SUM_OPS: Record<string, BinOperator> = { '+': 'Add', '-': 'Sub' };
const TERM_OPS: Record<string, BinOperator> = { '*': 'Mult', '/': 'Div', '//': 'FloorDiv', '%': 'Mod', '@': 'MatMult' };

/** A yield or await found while parsing: refused later, or an error where CPython has one. */
export interface Marker {
  kind: 'yield' | 'yield from' | 'await' | 'async for' | 'async with';
  pos: Pos;
  inFunction: boolean;
  /** Inside an `async def`. */
  inAsync: boolean;
}

export abstract class ExprParser extends ParamsParser {
  /** Expressions written inside their own parentheses. */
  protected readonly parenthesized = new WeakSet<Expr>();
  /** Depth of function scopes (def and lambda) around the current point. */
  protected funcDepth = 0;
  /** Whether the innermost function is an `async def`. */
  protected asyncFunc = false;
  readonly markers: Marker[] = [];
  readonly notSupported: ScenarioError[] = [];
  private strings: StringsParser | null = null;

  // ---- helpers --------------------------------------------------------------

  protected startsExpression(k = 0): boolean {
    const t = this.tok(k);
    if (t.type === T.NAME) {
      if (!KEYWORDS.has(t.value)) return true;
      return t.value === 'None' || t.value === 'True' || t.value === 'False' || t.value === 'not' ||
        t.value === 'lambda' || t.value === 'await';
    }
    if (t.type === T.NUMBER || t.type === T.STRING) return true;
    if (t.type === T.OP) {
      const v = t.value;
      return v === '(' || v === '[' || v === '{' || v === '-' || v === '+' || v === '~' || v === '...';
    }
    return false;
  }

  protected lastTok(): Token {
    return this.toks[this.i - 1];
  }

  protected refuse(pos: Pos, construct: string, why: string): void {
    const msg = `${construct} is not supported by PyGC Lab (${why})`;
    this.notSupported.push(this.errAt('NotSupportedError', msg, pos.lineno, pos.col_offset + 1,
      pos.end_lineno, pos.end_col_offset + 1, pos.col_offset, pos.end_col_offset));
  }

  // ---- star_expressions and friends -----------------------------------------

  /** star_expressions: a Tuple when there is a comma. */
  starExpressions(): Expr {
    const s = this.i;
    const first = this.starExpression();
    if (!this.isOp(',')) return first;
    const elts = [first];
    while (this.isOp(',')) {
      this.next();
      if (!this.startsStarExpression()) break;
      elts.push(this.starExpression());
    }
    return { kind: 'Tuple', elts, ctx: 'Load', ...this.extra(s) };
  }

  protected startsStarExpression(k = 0): boolean {
    return this.isOp('*', k) || this.startsExpression(k);
  }

  private readonly legacyDone = new Set<number>();

  /** star_expression: '*' bitwise_or | expression */
  starExpression(): Expr {
    if (this.isOp('*')) {
      const s = this.i;
      this.next();
      const v = this.bitwiseOr();
      return { kind: 'Starred', value: v, ctx: 'Load', ...this.extra(s) };
    }
    return this.expression();
  }

  /** star_named_expression: '*' bitwise_or | named_expression */
  starNamedExpression(): Expr {
    if (this.isOp('*')) {
      const s = this.i;
      this.next();
      const v = this.bitwiseOr();
      return { kind: 'Starred', value: v, ctx: 'Load', ...this.extra(s) };
    }
    return this.namedExpression();
  }

  /** named_expression: NAME ':=' expression | invalid_named_expression | expression !':=' */
  namedExpression(): Expr {
    if (this.isName() && this.isOp(':=', 1)) return this.assignmentExpression();
    if (this.diag) this.invalidNamedExpression();
    const e = this.expression();
    if (this.isOp(':=')) throw FAIL;
    return e;
  }

  protected assignmentExpression(): Expr {
    const s = this.i;
    const n = this.next();
    this.next(); // ':='
    const value = this.expression();
    const target: Name = { kind: 'Name', id: n.value, ctx: 'Store', ...tokPos(n) };
    return { kind: 'NamedExpr', target, value, ...this.extra(s) };
  }

  private invalidNamedExpression(): void {
    const start = this.i;
    // a=expression ':=' expression
    const a = this.lookahead(() => {
      const e = this.expression();
      if (!this.isOp(':=')) throw FAIL;
      this.next();
      this.expression();
      return e;
    });
    if (a) throw this.errNode(a, `cannot use assignment expressions with ${exprName(a)}`);
    // a=NAME '=' b=bitwise_or !('='|':=')
    if (this.isName() && this.isOp('=', 1)) {
      const name = this.tok();
      const b = this.lookahead(() => {
        this.i += 2;
        const v = this.bitwiseOr();
        if (this.isOp('=') || this.isOp(':=')) throw FAIL;
        return v;
      });
      if (b) throw this.errRange(tokPos(name), b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    }
    // !(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or b='=' bitwise_or !('='|':=')
    const bad = this.lookahead(() => {
      const e = this.bitwiseOr();
      if (!this.isOp('=')) throw FAIL;
      this.next();
      this.bitwiseOr();
      if (this.isOp('=') || this.isOp(':=')) throw FAIL;
      return e;
    });
    if (bad && !this.startsWithDisplay(start, bad)) {
      throw this.errNode(bad, `cannot assign to ${exprName(bad)} here. Maybe you meant '==' instead of '='?`);
    }
  }

  /** Whether the tokens at `start` begin a list, tuple or genexp display, or True/None/False. */
  protected startsWithDisplay(start: number, e: Expr): boolean {
    const t = this.toks[start];
    if (t.type === T.NAME) return t.value === 'True' || t.value === 'None' || t.value === 'False';
    if (t.type !== T.OP || (t.value !== '(' && t.value !== '[')) return false;
    let a: Expr = e;
    for (;;) {
      if (a.lineno === t.lineno && a.col_offset === t.col) break;
      if (a.kind === 'BinOp') a = a.left;
      else if (a.kind === 'Attribute' || a.kind === 'Subscript') a = a.value;
      else if (a.kind === 'Call') a = a.func;
      else return false;
    }
    if (t.value === '[') return a.kind === 'List';
    return a.kind === 'Tuple' || a.kind === 'GeneratorExp';
  }

  // ---- expression -----------------------------------------------------------

  /** expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef */
  expression(): Expr {
    if (this.diag) return this.memo(this.exprMemo, () => this.expressionRule());
    return this.expressionRule();
  }

  private readonly exprMemo = new Map<number, { node: Expr | null; end: number }>();
  private readonly disjMemo = new Map<number, { node: Expr | null; end: number }>();

  /** pegen's (memo): in the second pass a rule is parsed once per position. */
  private memo(table: Map<number, { node: Expr | null; end: number }>, rule: () => Expr): Expr {
    const start = this.i;
    const hit = table.get(start);
    if (hit) {
      if (!hit.node) throw FAIL;
      this.i = hit.end;
      return hit.node;
    }
    try {
      const node = rule();
      table.set(start, { node, end: this.i });
      return node;
    } catch (e) {
      if (e === FAIL) table.set(start, { node: null, end: start });
      throw e;
    }
  }

  private expressionRule(): Expr {
    this.enter();
    try {
      if (this.isKw('lambda')) return this.lambdef();
      const start = this.i;
      if (this.diag) this.invalidExpression(start);
      const a = this.disjunction();
      if (this.isKw('if')) {
        const save = this.i;
        this.next();
        const test = this.attempt(() => this.disjunction());
        if (test && this.eatKw('else')) {
          const orelse = this.expression();
          return { kind: 'IfExp', test, body: a, orelse, ...this.extra(start) };
        }
        this.i = save;
      }
      return a;
    } finally {
      this.leave();
    }
  }

  /** invalid_expression and invalid_legacy_expression, tried before expression. */
  private invalidExpression(start: number): void {
    const t0 = this.tok();
    const name = t0.type === T.NAME && !KEYWORDS.has(t0.value);
    const nameString = name && this.tok(1).type === T.STRING;
    const soft = name && SOFT_KEYWORDS.has(t0.value);
    const a = this.lookahead(() => this.disjunction());
    if (a) {
      const after = this.lookahead(() => {
        this.disjunction();
        const atB = this.i;
        if (!nameString && !soft && this.startsExpression()) {
          const b = this.withoutDiag(() => this.attempt(() => this.expression()));
          if (b) return { b, lastLevel: this.toks[this.i - 1].level, atB };
        }
        return null;
      });
      if (after && !isLegacy(a) && after.lastLevel !== 0) {
        throw this.errRange(a, after.b, 'invalid syntax. Perhaps you forgot a comma?');
      }
      const ifErr = this.lookahead(() => {
        this.disjunction();
        if (!this.eatKw('if')) return null;
        const b = this.disjunction();
        if (this.isKw('else') || this.isOp(':')) return null;
        return b;
      });
      if (ifErr) throw this.errRange(a, ifErr, "expected 'else' after 'if' expression");
    }
    // invalid_legacy_expression: a=NAME !'(' b=star_expressions — b is parsed
    // with the second-pass rules too, which is how `f(x 's' 1)` gets its message
    if (name && !this.isOp('(', 1) && this.startsStarExpression(1) && !this.legacyDone.has(start)) {
      this.legacyDone.add(start);
      const b = this.lookahead(() => { this.i = start + 1; return this.starExpressions(); });
      if (b && (t0.value === 'print' || t0.value === 'exec')) {
        throw this.errRange(tokPos(t0), b, `Missing parentheses in call to '${t0.value}'. Did you mean ${t0.value}(...)?`);
      }
    }
  }

  disjunction(): Expr {
    if (this.diag) return this.memo(this.disjMemo, () => this.disjunctionRule());
    return this.disjunctionRule();
  }

  private disjunctionRule(): Expr {
    const s = this.i;
    const first = this.conjunction();
    if (!this.isKw('or')) return first;
    const values = [first];
    while (this.eatKw('or')) values.push(this.conjunction());
    return { kind: 'BoolOp', op: 'Or', values, ...this.extra(s) };
  }

  conjunction(): Expr {
    const s = this.i;
    const first = this.inversion();
    if (!this.isKw('and')) return first;
    const values = [first];
    while (this.eatKw('and')) values.push(this.inversion());
    return { kind: 'BoolOp', op: 'And', values, ...this.extra(s) };
  }

  inversion(): Expr {
    if (this.isKw('not')) {
      const s = this.i;
      this.next();
      this.enter();
      try {
        const operand = this.inversion();
        return { kind: 'UnaryOp', op: 'Not', operand, ...this.extra(s) };
      } finally {
        this.leave();
      }
    }
    return this.comparison();
  }

  comparison(): Expr {
    const s = this.i;
    const left = this.bitwiseOr();
    let ops: CmpOperator[] | null = null;
    let comparators: Expr[] | null = null;
    for (;;) {
      const t = this.tok();
      let op: CmpOperator | undefined;
      if (t.type === T.OP) {
        op = COMPARE_OPS[t.value];
        if (!op) break;
        this.next();
      } else if (t.type === T.NAME) {
        if (t.value === 'in') { op = 'In'; this.next(); }
        else if (t.value === 'not' && this.isKw('in', 1)) { op = 'NotIn'; this.i += 2; }
        else if (t.value === 'is') {
          this.next();
          if (this.eatKw('not')) op = 'IsNot'; else op = 'Is';
        } else break;
      } else break;
      if (!ops) { ops = []; comparators = []; }
      ops.push(op);
      (comparators as Expr[]).push(this.bitwiseOr());
    }
    if (!ops) return left;
    const cs = comparators as Expr[];
    return { kind: 'Compare', left, ops, comparators: cs, ...this.extra(s) };
  }

  // Binary operators, left-associative, one level each as in the grammar.

  bitwiseOr(): Expr {
    const s = this.i;
    let left = this.bitwiseXor();
    let n = 0;
    while (this.isOp('|')) {
      this.next();
      const right = this.bitwiseXor();
      left = { kind: 'BinOp', left, op: 'BitOr', right, ...this.extra(s) };
      this.chain(++n);
    }
    return left;
  }

  private bitwiseXor(): Expr {
    const s = this.i;
    let left = this.bitwiseAnd();
    let n = 0;
    while (this.isOp('^')) {
      this.next();
      const right = this.bitwiseAnd();
      left = { kind: 'BinOp', left, op: 'BitXor', right, ...this.extra(s) };
      this.chain(++n);
    }
    return left;
  }

  private bitwiseAnd(): Expr {
    const s = this.i;
    let left = this.shiftExpr();
    let n = 0;
    while (this.isOp('&')) {
      this.next();
      const right = this.shiftExpr();
      left = { kind: 'BinOp', left, op: 'BitAnd', right, ...this.extra(s) };
      this.chain(++n);
    }
    return left;
  }

  private shiftExpr(): Expr {
    const s = this.i;
    let left = this.sum();
    let n = 0;
    for (;;) {
      const t = this.tok();
      const op = t.type === T.OP ? SHIFT_OPS[t.value] : undefined;
      if (!op) return left;
      this.next();
      const right = this.sum();
      left = { kind: 'BinOp', left, op, right, ...this.extra(s) };
      this.chain(++n);
    }
  }

  private sum(): Expr {
    const s = this.i;
    let left = this.term();
    let n = 0;
    for (;;) {
      const t = this.tok();
      const op = t.type === T.OP ? SUM_OPS[t.value] : undefined;
      if (!op) return left;
      this.next();
      const right = this.term();
      left = { kind: 'BinOp', left, op, right, ...this.extra(s) };
      this.chain(++n);
    }
  }

  private term(): Expr {
    const s = this.i;
    let left = this.factor();
    let n = 0;
    for (;;) {
      const t = this.tok();
      const op = t.type === T.OP ? TERM_OPS[t.value] : undefined;
      if (!op) return left;
      this.next();
      const right = this.factor();
      left = { kind: 'BinOp', left, op, right, ...this.extra(s) };
      this.chain(++n);
    }
  }

  /** A long left-associative chain nests as deeply as recursion would. */
  protected chain(n: number): void {
    if (n + this.depth > MAX_NESTING) throw this.errTok(this.tok(), TOO_COMPLEX);
  }

  private factor(): Expr {
    const t = this.tok();
    if (t.type === T.OP && (t.value === '+' || t.value === '-' || t.value === '~')) {
      const s = this.i;
      this.next();
      this.enter();
      try {
        const operand = this.factor();
        const op = t.value === '+' ? 'UAdd' : t.value === '-' ? 'USub' : 'Invert';
        return { kind: 'UnaryOp', op, operand, ...this.extra(s) };
      } finally {
        this.leave();
      }
    }
    return this.power();
  }

  private power(): Expr {
    const s = this.i;
    const left = this.awaitPrimary();
    if (!this.isOp('**')) return left;
    this.next();
    this.enter();
    try {
      const right = this.factor();
      return { kind: 'BinOp', left, op: 'Pow', right, ...this.extra(s) };
    } finally {
      this.leave();
    }
  }

  private awaitPrimary(): Expr {
    if (this.isKw('await')) {
      const s = this.i;
      this.next();
      this.enter();
      try {
        this.primary();
        const pos = this.extra(s);
        this.markers.push({ kind: 'await', pos, inFunction: this.funcDepth > 0, inAsync: this.asyncFunc });
        // Placeholder: the scenario is refused before anything runs it.
        return { kind: 'Constant', value: { type: 'None' }, ...pos };
      } finally {
        this.leave();
      }
    }
    return this.primary();
  }

  // ---- primary --------------------------------------------------------------

  primary(): Expr {
    const s = this.i;
    let e = this.atom();
    let n = 0;
    for (;;) {
      const t = this.tok();
      if (t.type !== T.OP) return e;
      // a trailer that does not parse leaves the primary as it is (PEG)
      const value = e;
      let next: Expr | null;
      if (t.value === '.') {
        next = this.attempt(() => {
          this.next();
          const name = this.expectName();
          return { kind: 'Attribute', value, attr: name.value, ctx: 'Load', ...this.extra(s) };
        });
      } else if (t.value === '(') {
        next = this.attempt(() => this.call(value, s));
      } else if (t.value === '[') {
        next = this.attempt(() => {
          this.next();
          const slice = this.slices();
          this.expectOp(']');
          return { kind: 'Subscript', value, slice, ctx: 'Load', ...this.extra(s) };
        });
      } else {
        return e;
      }
      if (!next) return e;
      e = next;
      this.chain(++n);
    }
  }

  /** slices: slice !',' | ','.(slice | starred_expression)+ [','] */
  private slices(): Expr {
    const s = this.i;
    const first = this.sliceItem();
    if (!this.isOp(',') && first.kind !== 'Starred') return first;
    const elts = [first];
    while (this.isOp(',')) {
      this.next();
      if (this.isOp(']')) break;
      elts.push(this.sliceItem());
    }
    return { kind: 'Tuple', elts, ctx: 'Load', ...this.extra(s) };
  }

  /** slice: [expression] ':' [expression] [':' [expression]] | named_expression */
  private sliceItem(): Expr {
    const startI = this.i;
    if (this.isOp('*')) {
      this.next();
      const v = this.expression();
      return { kind: 'Starred', value: v, ctx: 'Load', ...this.extra(startI) };
    }
    let lower: Expr | null = null;
    if (!this.isOp(':')) {
      lower = this.attempt(() => this.expression());
      if (!lower || !this.isOp(':')) {
        this.i = startI;
        return this.namedExpression();
      }
    }
    this.next(); // ':'
    let upper: Expr | null = null;
    let step: Expr | null = null;
    if (this.startsExpression()) upper = this.expression();
    if (this.isOp(':')) {
      this.next();
      if (this.startsExpression()) step = this.expression();
    }
    return { kind: 'Slice', lower, upper, step, ...this.extra(startI) };
  }

  // ---- calls ----------------------------------------------------------------

  private call(func: Expr, s: number): Expr {
    const openI = this.i;
    this.next();
    // primary genexp: f(x for x in y)
    const gen = this.attempt(() => {
      const elt = this.genexpElement();
      if (!this.isKw('for') && !(this.isKw('async') && this.isKw('for', 1))) throw FAIL;
      const generators = this.forIfClauses();
      this.expectOp(')');
      return { elt, generators };
    });
    if (gen) {
      const g: Expr = { kind: 'GeneratorExp', elt: gen.elt, generators: gen.generators, ...this.extra(openI) };
      return { kind: 'Call', func, args: [g], keywords: [], ...this.extra(s) };
    }
    const { args, keywords } = this.isOp(')') ? { args: [], keywords: [] } : this.arguments();
    this.expectOp(')');
    return { kind: 'Call', func, args, keywords, ...this.extra(s) };
  }

  /** (assignment_expression | expression !':=') */
  private genexpElement(): Expr {
    if (this.isName() && this.isOp(':=', 1)) return this.assignmentExpression();
    const e = this.expression();
    if (this.isOp(':=')) throw FAIL;
    return e;
  }

  /** arguments: args [','] &')' — the caller consumes ')'. */
  protected arguments(): { args: Expr[]; keywords: Keyword[] } {
    const args: Expr[] = [];
    const keywords: Keyword[] = [];
    let sawKeyword = false;
    let sawDoubleStar = false;
    const startI = this.i;
    for (;;) {
      const t = this.tok();
      if (t.type === T.OP && t.value === '*') {
        if (sawDoubleStar && this.diag) throw this.errTok(t, 'iterable argument unpacking follows keyword argument unpacking');
        if (sawDoubleStar) throw FAIL;
        const s = this.i;
        this.next();
        const v = this.expression();
        if (this.diag && this.isOp('=')) this.invalidKwarg(s);
        args.push({ kind: 'Starred', value: v, ctx: 'Load', ...this.extra(s) });
      } else if (t.type === T.OP && t.value === '**') {
        const s = this.i;
        this.next();
        const v = this.expression();
        keywords.push({ kind: 'keyword', arg: null, value: v, ...this.extra(s) });
        sawDoubleStar = true;
      } else if (this.isName() && this.isOp('=', 1)) {
        const s = this.i;
        const name = this.next();
        this.next();
        if (this.diag) this.invalidKwargFor(name);
        const v = this.expression();
        keywords.push({ kind: 'keyword', arg: name.value, value: v, ...this.extra(s) });
        sawKeyword = true;
      } else {
        const itemStart = this.i;
        if (this.diag) this.invalidKwarg(itemStart);
        const e = this.genexpElement();
        if (this.isOp('=')) throw FAIL;
        if (this.isKw('for') || (this.isKw('async') && this.isKw('for', 1))) {
          if (this.diag) this.unparenthesizedGenexp(e, args.length + keywords.length > 0);
          throw FAIL;
        }
        if (sawKeyword || sawDoubleStar) {
          if (this.diag) {
            this.tok(); // pegen looked at the token after the argument
            throw this.errLast(sawDoubleStar
              ? 'positional argument follows keyword argument unpacking'
              : 'positional argument follows keyword argument');
          }
          throw FAIL;
        }
        args.push(e);
      }
      if (!this.isOp(',')) break;
      this.next();
      if (this.isOp(')')) break;
    }
    if (!this.isOp(')')) {
      if (this.diag && this.i > startI) this.tok();
      throw FAIL;
    }
    return { args, keywords };
  }

  /** invalid_kwarg at an argument that is not NAME '='. */
  private invalidKwarg(start: number): void {
    const t = this.tok();
    if (t.type === T.NAME && (t.value === 'True' || t.value === 'False' || t.value === 'None') && this.isOp('=', 1)) {
      throw this.errRange(tokPos(t), tokPos(this.tok(1)), `cannot assign to ${t.value}`);
    }
    const save = this.i;
    this.i = start;
    const r = this.lookahead(() => {
      if (this.isName() && this.isOp('=', 1)) return null;
      const a = this.expression();
      if (!this.isOp('=')) return null;
      return { a, eq: this.tok() };
    });
    this.i = save;
    if (r) throw this.errRange(r.a, tokPos(r.eq), 'expression cannot contain assignment, perhaps you meant "=="?');
  }

  /** invalid_kwarg: a=NAME b='=' expression for_if_clauses */
  private invalidKwargFor(name: Token): void {
    const eq = this.lastTok();
    const gen = this.lookahead(() => {
      this.expression();
      if (!this.isKw('for') && !(this.isKw('async') && this.isKw('for', 1))) return null;
      this.forIfClauses();
      return true;
    });
    if (gen) throw this.errRange(tokPos(name), tokPos(eq), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
  }

  private unparenthesizedGenexp(elt: Expr, afterOthers: boolean): void {
    const gens = this.lookahead(() => this.forIfClauses());
    if (!gens) return;
    const last = gens[gens.length - 1];
    const end = last.ifs.length ? last.ifs[last.ifs.length - 1] : last.iter;
    if (afterOthers || this.lookahead(() => { this.forIfClauses(); return this.isOp(',') ? true : null; })) {
      throw this.errRange(elt, end, 'Generator expression must be parenthesized');
    }
  }

  // ---- comprehensions -------------------------------------------------------

  /** for_if_clauses */
  protected forIfClauses(): Comprehension[] {
    const gens: Comprehension[] = [];
    while (this.isKw('for') || (this.isKw('async') && this.isKw('for', 1))) {
      const forTok = this.tok();
      if (forTok.value === 'async') {
        const a = this.next();
        this.refuse(tokPos(a), 'async comprehension', 'coroutines are not simulated');
      }
      this.next();
      const targetStart = this.i;
      const target = this.attempt(() => this.starTargets());
      if (!target || !this.isKw('in')) {
        if (this.diag) this.invalidForTarget(targetStart);
        throw FAIL;
      }
      this.next();
      const iter = this.disjunction();
      const ifs: Expr[] = [];
      while (this.eatKw('if')) ifs.push(this.disjunction());
      gens.push({ kind: 'comprehension', target, iter, ifs, is_async: false });
    }
    if (!gens.length) throw FAIL;
    return gens;
  }

  /** invalid_for_target: 'for' a=star_expressions → "cannot assign to ..." */
  protected invalidForTarget(targetStart: number): void {
    const e = this.lookahead(() => { this.i = targetStart; return this.starExpressions(); });
    if (!e) return;
    const bad = invalidTarget(e, 'for');
    if (bad) throw this.errNode(bad, `cannot assign to ${exprName(bad)}`);
  }

  /**
   * star_targets, parsed as expressions at bitwise_or level and checked;
   * ctx is set to Store. Fails (plainly) on anything that is not a target.
   */
  protected starTargets(): Expr {
    const s = this.i;
    const first = this.starTarget();
    if (!this.isOp(',')) return first;
    const elts = [first];
    while (this.isOp(',')) {
      this.next();
      if (!this.startsTarget()) break;
      elts.push(this.starTarget());
    }
    return { kind: 'Tuple', elts, ctx: 'Store', ...this.extra(s) };
  }

  private startsTarget(): boolean {
    const t = this.tok();
    if (t.type === T.NAME) return !KEYWORDS.has(t.value);
    return t.type === T.OP && (t.value === '(' || t.value === '[' || t.value === '*');
  }

  protected starTarget(): Expr {
    let e: Expr;
    if (this.isOp('*')) {
      const s = this.i;
      this.next();
      if (this.isOp('*')) throw FAIL;
      const v = this.starTarget();
      e = { kind: 'Starred', value: v, ctx: 'Store', ...this.extra(s) };
    } else {
      e = this.primary();
    }
    if (invalidTarget(e, 'star') || (e.kind === 'Starred' && e.value.kind === 'Starred')) throw FAIL;
    setContext(e, 'Store');
    return e;
  }

  // ---- atoms ----------------------------------------------------------------

  atom(): Expr {
    const t = this.tok();
    switch (t.type) {
      case T.NAME: {
        const v = t.value;
        if (!KEYWORDS.has(v)) {
          this.next();
          return { kind: 'Name', id: v, ctx: 'Load', ...tokPos(t) };
        }
        if (v === 'True' || v === 'False') {
          this.next();
          return { kind: 'Constant', value: { type: 'bool', value: v === 'True' }, ...tokPos(t) };
        }
        if (v === 'None') {
          this.next();
          return { kind: 'Constant', value: { type: 'None' }, ...tokPos(t) };
        }
        throw FAIL;
      }
      case T.NUMBER:
        this.next();
        return this.number(t);
      case T.STRING:
        return this.stringsAtom();
      case T.OP:
        switch (t.value) {
          case '(': return this.parenAtom();
          case '[': return this.listAtom();
          case '{': return this.braceAtom();
          case '...':
            this.next();
            return { kind: 'Constant', value: { type: 'Ellipsis' }, ...tokPos(t) };
        }
        throw FAIL;
      default:
        throw FAIL;
    }
  }

  protected abstract number(t: Token): Constant;

  private stringsAtom(): Expr {
    const toks: Token[] = [];
    while (this.tok().type === T.STRING) toks.push(this.next());
    this.tok(); // pegen's STRING+ looked at the next token
    if (!this.strings) this.strings = new StringsParser(this);
    return this.strings.concatenate(toks);
  }

  /** Hooks used by StringsParser. */
  stringError(msg: string, atToken: Token | null): ScenarioError {
    return atToken ? this.errTok(atToken, msg) : this.errLast(msg);
  }

  refuseToken(t: Token, msg: string): void {
    const p = tokPos(t);
    this.notSupported.push(this.errAt('NotSupportedError', msg, p.lineno, p.col_offset + 1, p.end_lineno,
      p.end_col_offset + 1, p.col_offset, p.end_col_offset));
  }

  abstract fieldExpression(exprText: string, braceLine: number, braceCol: number): Expr;

  private parenAtom(): Expr {
    const o = this.i;
    this.next();
    if (this.isOp(')')) {
      this.next();
      return { kind: 'Tuple', elts: [], ctx: 'Load', ...this.extra(o) };
    }
    if (this.isKw('yield')) {
      const y = this.yieldExpr();
      this.expectOp(')');
      this.parenthesized.add(y);
      return y;
    }
    if (this.isOp('**')) {
      if (this.diag) {
        const star = this.tok();
        const ok = this.lookahead(() => { this.next(); this.expression(); return this.isOp(')') ? true : null; });
        if (ok) throw this.errTok(star, 'cannot use double starred expression here');
      }
      throw FAIL;
    }
    const first = this.starNamedExpression();
    if (this.isOp(',')) {
      const elts = [first];
      while (this.eatOp(',')) {
        if (this.isOp(')')) break;
        elts.push(this.starNamedExpression());
      }
      this.expectOp(')');
      const tup: Expr = { kind: 'Tuple', elts, ctx: 'Load', ...this.extra(o) };
      return tup;
    }
    if (this.isKw('for') || (this.isKw('async') && this.isKw('for', 1))) {
      if (first.kind === 'Starred') {
        if (this.diag) throw this.errNode(first, 'iterable unpacking cannot be used in comprehension');
        throw FAIL;
      }
      const generators = this.forIfClauses();
      this.expectOp(')');
      return { kind: 'GeneratorExp', elt: first, generators, ...this.extra(o) };
    }
    if (this.isOp(')')) {
      if (first.kind === 'Starred') {
        if (this.diag) throw this.errNode(first, 'cannot use starred expression here');
        throw FAIL;
      }
      this.next();
      this.parenthesized.add(first);
      return first;
    }
    throw FAIL;
  }

  private listAtom(): Expr {
    const o = this.i;
    this.next();
    if (this.isOp(']')) {
      this.next();
      return { kind: 'List', elts: [], ctx: 'Load', ...this.extra(o) };
    }
    const first = this.starNamedExpression();
    if (this.isKw('for') || (this.isKw('async') && this.isKw('for', 1))) {
      if (first.kind === 'Starred') {
        if (this.diag) throw this.errNode(first, 'iterable unpacking cannot be used in comprehension');
        throw FAIL;
      }
      const generators = this.forIfClauses();
      this.expectOp(']');
      return { kind: 'ListComp', elt: first, generators, ...this.extra(o) };
    }
    const elts = [first];
    while (this.eatOp(',')) {
      if (this.isOp(']')) break;
      elts.push(this.starNamedExpression());
    }
    if (!this.isOp(']')) {
      if (this.diag) this.comprehensionTargetError(first, elts);
      throw FAIL;
    }
    this.next();
    return { kind: 'List', elts, ctx: 'Load', ...this.extra(o) };
  }

  /** invalid_comprehension: [a, b for ...] */
  private comprehensionTargetError(first: Expr, elts: Expr[]): void {
    if (!(this.isKw('for') || (this.isKw('async') && this.isKw('for', 1)))) {
      // a trailing comma then 'for': [a, for x in y]
      return;
    }
    const ok = this.lookahead(() => { this.forIfClauses(); return true; });
    if (!ok) return;
    if (elts.length > 1) throw this.errRange(first, elts[elts.length - 1], 'did you forget parentheses around the comprehension target?');
  }

  private braceAtom(): Expr {
    const o = this.i;
    this.next();
    if (this.isOp('}')) {
      this.next();
      return { kind: 'Dict', keys: [], values: [], ...this.extra(o) };
    }
    if (this.isOp('**')) {
      const star = this.tok();
      // {**a for a in b}
      if (this.diag) {
        const comp = this.lookahead(() => { this.next(); this.bitwiseOr(); return this.isKw('for') ? true : null; });
        if (comp) throw this.errTok(star, 'dict unpacking cannot be used in dict comprehension');
      }
      return this.dictRest(o, null, null);
    }
    const first = this.starNamedExpression();
    if (this.isOp(':') && first.kind !== 'Starred' && !(first.kind === 'NamedExpr' && !this.parenthesized.has(first))) {
      this.next();
      if (this.diag) this.invalidDictValue(this.lastTok());
      const value = this.expression();
      if (this.isKw('for') || (this.isKw('async') && this.isKw('for', 1))) {
        const generators = this.forIfClauses();
        this.expectOp('}');
        return { kind: 'DictComp', key: first, value, generators, ...this.extra(o) };
      }
      return this.dictRest(o, first, value);
    }
    if (this.isKw('for') || (this.isKw('async') && this.isKw('for', 1))) {
      if (first.kind === 'Starred') {
        if (this.diag) throw this.errNode(first, 'iterable unpacking cannot be used in comprehension');
        throw FAIL;
      }
      const generators = this.forIfClauses();
      this.expectOp('}');
      return { kind: 'SetComp', elt: first, generators, ...this.extra(o) };
    }
    const elts = [first];
    while (this.eatOp(',')) {
      if (this.isOp('}')) break;
      elts.push(this.starNamedExpression());
    }
    if (!this.isOp('}')) {
      if (this.diag) this.comprehensionTargetError(first, elts);
      throw FAIL;
    }
    this.next();
    return { kind: 'Set', elts, ...this.extra(o) };
  }

  /** After `key:` in a dict display (second pass). */
  private invalidDictValue(colon: Token): void {
    if (this.isOp('}') || this.isOp(',')) throw this.errTok(colon, "expression expected after dictionary key and ':'");
    if (this.isOp('*')) {
      const star = this.tok();
      const ok = this.lookahead(() => { this.next(); this.bitwiseOr(); return true; });
      if (ok) throw this.errFrom(tokPos(star), 'cannot use a starred expression in a dictionary value');
    }
  }

  /** The rest of a dict display after its first item (key null: `**value`). */
  private dictRest(o: number, key: Expr | null, value: Expr | null): Expr {
    const keys: (Expr | null)[] = [];
    const values: Expr[] = [];
    if (value) { keys.push(key); values.push(value); }
    let first = value === null;
    for (;;) {
      if (!first) {
        if (!this.eatOp(',')) break;
        if (this.isOp('}')) break;
      }
      first = false;
      if (this.isOp('**')) {
        this.next();
        keys.push(null);
        values.push(this.bitwiseOr());
        continue;
      }
      const k = this.attempt(() => this.expression());
      if (!k) throw FAIL;
      if (!this.isOp(':')) {
        if (this.diag) {
          throw this.errAt('SyntaxError', "':' expected after dictionary key", k.lineno, k.end_col_offset,
            k.end_lineno, 0, k.end_col_offset - 1, k.end_col_offset);
        }
        throw FAIL;
      }
      const colon = this.next();
      if (this.diag) this.invalidDictValue(colon);
      keys.push(k);
      values.push(this.expression());
    }
    this.expectOp('}');
    return { kind: 'Dict', keys, values, ...this.extra(o) };
  }

  // ---- yield and lambda -----------------------------------------------------

  /** yield_expr: 'yield' 'from' expression | 'yield' [star_expressions] */
  protected yieldExpr(): Expr {
    const s = this.i;
    this.next();
    let kind: Marker['kind'] = 'yield';
    let value: Expr | null = null;
    if (this.eatKw('from')) {
      kind = 'yield from';
      this.expression();
    } else if (this.startsStarExpression()) {
      value = this.starExpressions();
    }
    const pos = this.extra(s);
    this.markers.push({ kind, pos, inFunction: this.funcDepth > 0, inAsync: this.asyncFunc });
    // `yield from` is refused before anything runs it (its node is a placeholder).
    if (kind === 'yield from') return { kind: 'Constant', value: { type: 'None' }, ...pos };
    return { kind: 'Yield', value, ...pos };
  }

  /** lambdef: 'lambda' [lambda_params] ':' expression */
  private lambdef(): Expr {
    const s = this.i;
    this.next();
    const args = this.parameters(true);
    this.expectOp(':');
    this.funcDepth++;
    const wasAsync = this.asyncFunc;
    this.asyncFunc = false;
    try {
      const body = this.expression();
      return { kind: 'Lambda', args, body, ...this.extra(s) };
    } finally {
      this.funcDepth--;
      this.asyncFunc = wasAsync;
    }
  }

}

function isLegacy(e: Expr): boolean {
  return e.kind === 'Name' && (e.id === 'print' || e.id === 'exec');
}
