// Parameter lists of `def` and `lambda` (CPython's params / lambda_params),
// with the second-pass messages of its invalid_parameters rules. Annotations
// are parsed and dropped; an arg's position covers its annotation, as in CPython.

import type { Arg, Arguments, Expr } from './ast';
import { Cursor, FAIL, tokPos } from './cursor';
import { T, Token } from './tokens';

export abstract class ParamsParser extends Cursor {
  abstract expression(): Expr;
  abstract starExpression(): Expr;

  /**
   * params / lambda_params, up to (not including) ')' or ':'. Annotations are
   * parsed and dropped; the arg's position covers its annotation as in CPython.
   */
  protected parameters(lambda: boolean): Arguments {
    const a: Arguments = { posonlyargs: [], args: [], vararg: null, kwonlyargs: [], kw_defaults: [], kwarg: null, defaults: [] };
    const close = lambda ? ':' : ')';
    let star = false; // after * or *args
    let sawDefault = false;
    let slash = false;
    const atEnd = (): boolean => this.isOp(close);
    while (!atEnd()) {
      const t = this.tok();
      if (t.type === T.OP && t.value === '/') {
        if (this.diag) this.slashError(t, a, star, slash);
        if (star || slash || (a.args.length === 0)) throw FAIL;
        this.next();
        slash = true;
        a.posonlyargs = a.args;
        a.args = [];
      } else if (t.type === T.OP && t.value === '*') {
        if (star) {
          if (this.diag) throw this.errTok(t, '* argument may appear only once');
          throw FAIL;
        }
        this.next();
        star = true;
        if (this.isOp(',')) {
          // bare *: keyword-only parameters must follow
          if (this.isOp(close, 1) || this.isOp('**', 1)) {
            if (this.diag) {
              if (lambda) throw this.errLast('named arguments must follow bare *');
              throw this.errTok(t, 'named arguments must follow bare *');
            }
            throw FAIL;
          }
        } else if (atEnd()) {
          if (this.diag) {
            if (lambda) throw this.errLast('named arguments must follow bare *');
            throw this.errTok(t, 'named arguments must follow bare *');
          }
          throw FAIL;
        } else {
          const p = this.param(lambda, true);
          if (this.isOp('=')) {
            if (this.diag) throw this.errTok(this.tok(), 'var-positional argument cannot have default value');
            throw FAIL;
          }
          a.vararg = p;
        }
      } else if (t.type === T.OP && t.value === '**') {
        this.next();
        const p = this.param(lambda, false);
        if (this.isOp('=')) {
          if (this.diag) throw this.errTok(this.tok(), 'var-keyword argument cannot have default value');
          throw FAIL;
        }
        a.kwarg = p;
        if (this.isOp(',') && !this.isOp(close, 1)) {
          if (this.diag) {
            const n = this.tok(1);
            if (n.type === T.NAME || (n.type === T.OP && (n.value === '*' || n.value === '**' || n.value === '/'))) {
              throw this.errTok(n, 'arguments cannot follow var-keyword argument');
            }
          }
          throw FAIL;
        }
      } else if (t.type === T.OP && t.value === '(' && this.diag) {
        const r = this.lookahead(() => {
          this.next();
          let n = 0;
          while (this.isName()) { this.next(); n++; if (!this.eatOp(',')) break; }
          return n > 0 && this.isOp(')') ? this.tok() : null;
        });
        if (r) {
          throw this.errRange(tokPos(t), tokPos(r), lambda
            ? 'Lambda expression parameters cannot be parenthesized'
            : 'Function parameters cannot be parenthesized');
        }
        throw FAIL;
      } else {
        const p = this.param(lambda, false);
        let def: Expr | null = null;
        if (this.isOp('=')) {
          const eq = this.next();
          if (this.diag && (this.isOp(')') || this.isOp(','))) throw this.errTok(eq, 'expected default value expression');
          def = this.expression();
        }
        if (star) {
          a.kwonlyargs.push(p);
          a.kw_defaults.push(def);
        } else {
          if (def) { a.defaults.push(def); sawDefault = true; }
          else if (sawDefault) {
            if (this.diag) throw this.errNode(p, 'non-default argument follows default argument');
            throw FAIL;
          }
          a.args.push(p);
        }
      }
      if (!this.eatOp(',')) break;
    }
    if (!atEnd()) throw FAIL;
    return a;
  }

  private slashError(t: Token, a: Arguments, star: boolean, slash: boolean): void {
    if (!slash && !star && a.args.length === 0) throw this.errTok(t, 'at least one argument must precede /');
    if (slash && !star) throw this.errTok(t, '/ may appear only once');
    if (star) throw this.errTok(t, '/ must be ahead of *');
  }

  private param(lambda: boolean, starred: boolean): Arg {
    const s = this.i;
    const n = this.expectName();
    if (!lambda && this.eatOp(':')) {
      if (starred) this.starExpression(); else this.expression();
    }
    return { kind: 'arg', arg: n.value, ...this.extra(s) };
  }
}
