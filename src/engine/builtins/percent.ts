// `str % args`: adapts engine objects to the text library's printf-style
// formatter (values are converted lazily, user __str__/__repr__ run as Python).

import type { Interp } from '../interp';
import { PyBool, PyDict, PyFloat, PyInt, PyObject, PyStr, PyTuple } from '../objects';
import { percentFormat, PercentArgs, PercentValue } from '../text/percent';
import { reprOf, strOf, typeName } from '../repr';
import { asciiEscape } from '../text/strrepr';
import { dictGet } from './dictops';
import { rethrow } from '../ops';

function value(it: Interp, o: PyObject): PercentValue {
  return {
    typeName: typeName(o),
    isIntegral: o instanceof PyInt,
    str: () => (o instanceof PyStr && o.type === it.types.str ? o.v : strOf(it, o)),
    repr: () => reprOf(it, o),
    ascii: () => asciiEscape(reprOf(it, o)),
    asInt: () => (o instanceof PyInt ? (o instanceof PyBool ? o.v : o.v) : null),
    asFloat: () => (o instanceof PyFloat ? o.v : o instanceof PyInt ? Number(o.v) : null),
    asStr: () => (o instanceof PyStr ? o.v : null),
  };
}

export function percentFormatObj(it: Interp, fmt: string, arg: PyObject): PyObject {
  let args: PercentArgs;
  if (arg instanceof PyTuple) args = { kind: 'tuple', items: arg.items.map((x) => value(it, x)) };
  else if (arg instanceof PyDict) {
    args = {
      kind: 'mapping', value: value(it, arg),
      get: (k: string) => { const v = dictGet(it, arg, it.newStr(k)); return v ? value(it, v) : undefined; },
    };
  } else args = { kind: 'single', value: value(it, arg) };
  try {
    return it.newStr(percentFormat(fmt, args, it.profile.percentNumberWord));
  } catch (e) { rethrow(it, e); }
}
