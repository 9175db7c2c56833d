// str.format / str.format_map: replacement-field parsing, auto/manual field
// numbering, attribute and index lookup, conversions and nested specs, ported
// from CPython 3.11's Objects/stringlib/unicode_format.h.

import { codePointAtUnit } from './codepoints';
import { PyError, keyError, valueError } from './errors';
import { formatStr } from './formatcore';
import { PyIntValue } from './int';
import { decimalValue } from './unicode';

/** A value as str.format sees it; the caller implements Python semantics. */
export interface FormatValue {
  /** format(value, spec), i.e. type(value).__format__(value, spec). */
  format(spec: string): string;
  str(): string;
  repr(): string;
  ascii(): string;
  /** getattr(value, name); throws the caller's AttributeError. */
  getAttr(name: string): FormatValue;
  /** value[key]: an int for all-digit keys ("{0[1]}"), else the str ("{0[a]}"). */
  getItem(key: PyIntValue | string): FormatValue;
}

/** Keyword arguments or format_map's mapping: undefined means KeyError. */
export interface FormatKeywords {
  get(key: string): FormatValue | undefined;
}

const ANS_INIT = 0;
const ANS_AUTO = 1;
const ANS_MANUAL = 2;

interface State {
  args: readonly FormatValue[] | null;
  kwargs: FormatKeywords | null;
  anState: number;
  anField: number;
}

/** template.format(*positional, **keywords). */
export function strFormat(
  template: string,
  positional: readonly FormatValue[],
  keywords: FormatKeywords | null,
): string {
  return buildString(template, { args: positional, kwargs: keywords, anState: ANS_INIT, anField: 0 }, 2);
}

/** template.format_map(mapping). */
export function strFormatMap(template: string, mapping: FormatKeywords): string {
  return buildString(template, { args: null, kwargs: mapping, anState: ANS_INIT, anField: 0 }, 2);
}

function buildString(s: string, st: State, depth: number): string {
  if (depth <= 0) throw valueError('Max string recursion exceeded');
  let out = '';
  let pos = 0;
  const end = s.length;
  while (pos < end) {
    // literal text up to the first '{' or '}'
    const start = pos;
    let c = 0;
    let markup = false;
    while (pos < end) {
      c = s.charCodeAt(pos++);
      if (c === 123 || c === 125) {
        markup = true;
        break;
      }
    }
    const atEnd = pos >= end;
    let litEnd = pos;
    if (c === 125 && markup && (atEnd || s.charCodeAt(pos) !== 125)) {
      throw valueError("Single '}' encountered in format string");
    }
    if (atEnd && c === 123 && markup) throw valueError("Single '{' encountered in format string");
    if (!atEnd && markup) {
      if (s.charCodeAt(pos) === c) {
        pos++;
        markup = false;
      } else {
        litEnd--;
      }
    }
    out += s.slice(start, litEnd);
    if (!markup) continue;
    pos = parseAndRender(s, pos, st, depth, (text) => {
      out += text;
    });
  }
  return out;
}

/** parse_field + output_markup; returns the position after the field. */
function parseAndRender(s: string, pos: number, st: State, depth: number, emit: (t: string) => void): number {
  const end = s.length;
  const nameStart = pos;
  let c = 0;
  let terminated = false;
  while (pos < end) {
    c = s.charCodeAt(pos++);
    if (c === 123) throw valueError("unexpected '{' in field name");
    if (c === 91) {
      while (pos < end && s.charCodeAt(pos) !== 93) pos++;
      continue;
    }
    if (c === 125 || c === 58 || c === 33) {
      terminated = true;
      break;
    }
  }
  const nameEnd = terminated ? pos - 1 : pos;
  let conversion = -1;
  let specStart = 0;
  let specEnd = 0;
  let needsExpanding = false;
  if (terminated && (c === 33 || c === 58)) {
    let done = false;
    if (c === 33) {
      if (pos >= end) throw valueError('end of string while looking for conversion specifier');
      conversion = codePointAtUnit(s, pos);
      pos += conversion > 0xffff ? 2 : 1;
      if (pos < end) {
        const d = s.charCodeAt(pos++);
        if (d === 125) done = true;
        else if (d !== 58) throw valueError("expected ':' after conversion specifier");
      }
    }
    if (!done) {
      specStart = pos;
      let count = 1;
      let closed = false;
      while (pos < end) {
        const d = s.charCodeAt(pos++);
        if (d === 123) {
          needsExpanding = true;
          count++;
        } else if (d === 125) {
          count--;
          if (count === 0) {
            specEnd = pos - 1;
            closed = true;
            break;
          }
        }
      }
      if (!closed) throw valueError("unmatched '{' in format spec");
    }
  } else if (!terminated || c !== 125) {
    throw valueError("expected '}' before end of string");
  }
  let obj = getFieldObject(s, nameStart, nameEnd, st);
  let converted: string | null = null;
  if (conversion !== -1) {
    switch (conversion) {
      case 114: converted = obj.repr(); break;
      case 115: converted = obj.str(); break;
      case 97: converted = obj.ascii(); break;
      default:
        throw valueError(
          'Unknown conversion specifier ' +
            (conversion > 32 && conversion < 127 ? String.fromCharCode(conversion) : '\\x' + conversion.toString(16)),
        );
    }
  }
  let spec = s.slice(specStart, specEnd);
  if (needsExpanding) spec = buildString(spec, st, depth - 1);
  emit(converted !== null ? formatStr(converted, spec) : obj.format(spec));
  return pos;
}

/** get_integer on a field-name part: -1 when not all decimal digits. */
function fieldInteger(s: string, a: number, b: number): PyIntValue {
  if (a >= b) return -1;
  let acc = 0;
  let big: bigint | null = null;
  for (let i = a; i < b; i++) {
    const cp = codePointAtUnit(s, i);
    if (cp > 0xffff) i++;
    const d = decimalValue(cp);
    if (d < 0) return -1;
    if (big === null && acc < 1e14) {
      acc = acc * 10 + d;
    } else {
      if (big === null) big = BigInt(acc);
      big = big * 10n + BigInt(d);
      if (big > 9223372036854775807n) throw valueError('Too many decimal digits in format string');
    }
  }
  return big !== null ? big : acc;
}

function getFieldObject(s: string, start: number, end: number, st: State): FormatValue {
  // first part: up to '.' or '['
  let i = start;
  while (i < end) {
    const c = s.charCodeAt(i);
    if (c === 91 || c === 46) break;
    i++;
  }
  let index = fieldInteger(s, start, i);
  const empty = start >= i;
  const numeric = empty || index !== -1;
  if (numeric) {
    if (st.anState === ANS_INIT) st.anState = empty ? ANS_AUTO : ANS_MANUAL;
    if (st.anState === ANS_MANUAL) {
      if (empty) {
        throw valueError('cannot switch from manual field specification to automatic field numbering');
      }
    } else if (!empty) {
      throw valueError('cannot switch from automatic field numbering to manual field specification');
    }
    if (empty) index = st.anField++;
  }
  let obj: FormatValue;
  if (index === -1) {
    const key = s.slice(start, i);
    const v = st.kwargs === null ? undefined : st.kwargs.get(key);
    if (v === undefined) throw keyError(key);
    obj = v;
  } else {
    if (st.args === null) throw valueError('Format string contains positional fields');
    const v = typeof index === 'number' ? st.args[index] : undefined;
    if (v === undefined) {
      throw new PyError('IndexError', `Replacement index ${index} out of range for positional args tuple`);
    }
    obj = v;
  }
  // the rest: .attr and [key] parts
  while (i < end) {
    const c = s.charCodeAt(i++);
    let nameStart = i;
    let nameEnd: number;
    if (c === 46) {
      while (i < end) {
        const d = s.charCodeAt(i);
        if (d === 91 || d === 46) break;
        i++;
      }
      nameEnd = i;
      if (nameStart === nameEnd) throw valueError('Empty attribute in format string');
      obj = obj.getAttr(s.slice(nameStart, nameEnd));
    } else if (c === 91) {
      let seen = false;
      while (i < end) {
        if (s.charCodeAt(i++) === 93) {
          seen = true;
          break;
        }
      }
      if (!seen) throw valueError("Missing ']' in format string");
      nameEnd = i - 1;
      const idx = fieldInteger(s, nameStart, nameEnd);
      if (nameStart === nameEnd) throw valueError('Empty attribute in format string');
      obj = obj.getItem(idx === -1 ? s.slice(nameStart, nameEnd) : idx);
    } else {
      throw valueError("Only '.' or '[' may follow ']' in format field specifier");
    }
    nameStart = i;
  }
  return obj;
}
