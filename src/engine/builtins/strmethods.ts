// str methods, adapting the text library's implementations to engine objects.

import type { Interp } from '../interp';
import { PyObject, PyStr, PyDict } from '../objects';
import { exactArgs, splitArgs } from './args';
import { iterateToArray } from '../ops';
import { reprOf, strOf, typeName } from '../repr';
import { strFormat, FormatValue } from '../text/formatspec';
import { formatBuiltin } from './format';
import { getAttr } from '../attrs';
import { getItem } from '../ops';
import { strAscii } from '../text/strrepr';

type M = Record<string, (self: PyObject, args: PyObject[], kwnames: string[] | null) => PyObject>;

export function formatValueOf(it: Interp, o: PyObject): FormatValue {
  return {
    format: (spec) => formatBuiltin(it, o, spec),
    str: () => strOf(it, o),
    repr: () => reprOf(it, o),
    ascii: () => strAscii(reprOf(it, o)),
    getAttr: (name) => { const v = getAttr(it, o, name); it.dec(v); return formatValueOf(it, v); },
    getItem: (key) => {
      const k = typeof key === 'string' ? it.newStr(key) : it.newInt(key);
      const v = getItem(it, o, k);
      it.dec(k); it.dec(v);
      return formatValueOf(it, v);
    },
  };
}

export function strMethods(it: Interp): M {
  const s = (o: PyObject) => (o as PyStr).v;
  return {
    join: (self, a, k) => {
      exactArgs(it, 'str.join', a, k, 1);
      const items = iterateToArray(it, a[0]);
      const parts: string[] = [];
      items.forEach((x, i) => {
        if (!(x instanceof PyStr)) {
          for (const y of items) it.dec(y);
          it.raise('TypeError', `sequence item ${i}: expected str instance, ${typeName(x)} found`);
        }
        parts.push(x.v);
      });
      for (const y of items) it.dec(y);
      return it.newStr(parts.join(s(self)));
    },
    format: (self, a, k) => {
      const [pos, kw] = splitArgs(a, k);
      const kwv = { get: (name: string) => { const v = kw.get(name); return v ? formatValueOf(it, v) : undefined; } };
      try {
        return it.newStr(strFormat(s(self), pos.map((x) => formatValueOf(it, x)), kwv));
      } catch (e) {
        const pe = e as { pyType?: string; message: string };
        if (pe.pyType) it.raise(pe.pyType, pe.message);
        throw e;
      }
    },
  };
}

export type { PyDict };
