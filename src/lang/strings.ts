// Adjacent string tokens to one node, as pegen's _PyPegen_concatenate_strings:
// a Constant (str or bytes), or a JoinedStr when any part is an f-string, with
// literal parts merged across tokens and FormattedValue nodes for the fields.
// Positions follow CPython 3.11: the parts take the whole group's span, a
// format spec takes its own token's, field expressions their real place.

import type { Expr, JoinedStr, Pos } from './ast';
import { utf8Length } from './errors';
import type { ExprParser } from './expressions';
import {
  FStringSink, LiteralError, N_ESCAPE, decodeBytes, decodeStr, isAscii, scanFString, splitStringToken,
} from './literals';
import { Token } from './tokens';

interface Level { values: Expr[]; last: string | null }

export class StringsParser {
  constructor(private readonly p: ExprParser) {}

  concatenate(toks: Token[]): Expr {
    const first = toks[0];
    const lastTok = toks[toks.length - 1];
    const whole: Pos = { lineno: first.lineno, col_offset: first.col, end_lineno: lastTok.endLineno, end_col_offset: lastTok.endCol };
    let bytesMode = false;
    let bytes: Uint8Array[] = [];
    let fmode = false;
    const top: Level = { values: [], last: null };
    const seen = { nEscape: false };
    try {
      for (let k = 0; k < toks.length; k++) {
        const t = toks[k];
        this.currentToken = t;
        const info = splitStringToken(t.value);
        if (k > 0 && bytesMode !== info.bytes) throw new LiteralError('cannot mix bytes and nonbytes literals');
        bytesMode = info.bytes;
        const body = t.value.slice(info.bodyStart, info.bodyEnd);
        if (info.bytes) {
          if (!isAscii(body)) throw new LiteralError('bytes can only contain ASCII literal characters', true);
          bytes.push(decodeBytes(body, info.raw));
        } else if (info.fstring) {
          fmode = true;
          this.fstring(t, body, info.bodyStart, info.raw, top, whole, seen);
        } else {
          addLiteral(top, info.raw ? body : decodeStr(body, seen));
        }
        if (seen.nEscape) {
          this.p.refuseToken(t, N_ESCAPE);
          seen.nEscape = false;
        }
      }
    } catch (e) {
      if (e instanceof LiteralError) {
        throw this.p.stringError(e.msg, e.atToken ? this.currentToken : null);
      }
      throw e;
    }
    if (bytesMode) {
      let n = 0;
      for (const b of bytes) n += b.length;
      const out = new Uint8Array(n);
      n = 0;
      for (const b of bytes) { out.set(b, n); n += b.length; }
      bytes = [];
      return { kind: 'Constant', value: { type: 'bytes', value: out }, ...whole };
    }
    if (!fmode) return { kind: 'Constant', value: { type: 'str', value: top.last ?? '' }, ...whole };
    flush(top, whole);
    return { kind: 'JoinedStr', values: top.values, ...whole };
  }

  private currentToken: Token | null = null;

  private fstring(t: Token, body: string, bodyStart: number, raw: boolean, top: Level, whole: Pos,
    seen: { nEscape: boolean }): void {
    this.currentToken = t;
    const stack: Level[] = [top];
    const own: Pos = { lineno: t.lineno, col_offset: t.col, end_lineno: t.endLineno, end_col_offset: t.endCol };
    const sink: FStringSink = {
      literal: (text) => addLiteral(stack[stack.length - 1], text),
      expr: (field) => {
        const brace = this.locate(t, bodyStart + field.start - 1);
        return this.p.fieldExpression(body.slice(field.start, field.end), brace.line, brace.col);
      },
      formatted: (value, conversion, spec, debugText) => {
        const lvl = stack[stack.length - 1];
        if (debugText !== null) addLiteral(lvl, debugText);
        flush(lvl, whole);
        lvl.values.push({
          kind: 'FormattedValue', value: value as Expr, conversion,
          format_spec: (spec as JoinedStr | null) ?? null, ...whole,
        });
      },
      beginSpec: () => { stack.push({ values: [], last: null }); },
      endSpec: () => {
        const lvl = stack.pop() as Level;
        flush(lvl, own); // CPython: a spec's trailing text takes its token's place
        const js: JoinedStr = { kind: 'JoinedStr', values: lvl.values, ...own };
        return js;
      },
    };
    scanFString(body, raw, sink, seen);
  }

  /** Line and byte column of offset `off` in the text of token t. */
  private locate(t: Token, off: number): { line: number; col: number } {
    const text = t.value;
    let line = t.lineno;
    let lineStart = 0;
    for (let i = text.indexOf('\n'); i >= 0 && i < off; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    const col = utf8Length(text, lineStart, off) + (lineStart === 0 ? t.col : 0);
    return { line, col };
  }
}

function addLiteral(lvl: Level, s: string): void {
  if (s.length === 0) return;
  lvl.last = lvl.last === null ? s : lvl.last + s;
}

function flush(lvl: Level, pos: Pos): void {
  if (lvl.last === null) return;
  lvl.values.push({ kind: 'Constant', value: { type: 'str', value: lvl.last }, ...pos });
  lvl.last = null;
}
