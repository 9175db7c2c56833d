// The builtins of CPython 2.7 where they differ from 3.x in what a scenario
// can observe: range() returns a list, dict.keys()/values()/items() return
// lists, the gc module has no get_stats/callbacks/freeze/is_finalized, there
// is no ascii(), and most builtins are METH_VARARGS (an argument tuple per
// call). Installed by the engine after the 3.x builtins when the profile is 2.x.

import type { Interp } from '../interp';
import { NativeImpl, PyDict, PyFloat, PyInt, PyModule, PyObject } from '../objects';
import { exactArgs, kwOnly, noKw, splitArgs } from '../builtins/args';
import { py2Round } from './round';
import { filter2, map2, zip2 } from './listbuiltins';
import { typeName } from '../repr';
import { markVarargs, PY27_VARARGS } from './varargs';
import { py2IntRepr } from './reprs';

/** Replace or remove the 3.x builtins that 2.7 does not have in that form. */
export function installPy2Builtins(it: Interp): void {
  const b = it.builtins;
  const setBuiltin = (d: PyDict, name: string, impl: NativeImpl, qualname = name) => {
    const f = it.newBuiltin(name, impl, null, qualname);
    const old = d.map.get(name);
    if (old) { it.dec(old.value); old.value = f; } else d.map.set(name, { key: it.intern(name), value: f });
    return f;
  };
  const drop = (d: PyDict, name: string) => {
    const e = d.map.get(name);
    if (!e) return;
    d.map.delete(name);
    it.dec(e.key);
    it.dec(e.value);
  };
  setBuiltin(b, 'range', range2(it));
  setBuiltin(b, 'round', round2(it));
  // zip, map and filter build lists (py2/listbuiltins.ts).
  setBuiltin(b, 'zip', zip2(it));
  setBuiltin(b, 'map', map2(it));
  setBuiltin(b, 'filter', filter2(it));
  setBuiltin(b, 'oct', py2Radix(it, 'oct'));
  setBuiltin(b, 'hex', py2Radix(it, 'hex'));
  drop(b, 'ascii');
  const gc = it.modules.get('gc');
  if (gc instanceof PyModule) for (const n of ['get_stats', 'callbacks', 'is_finalized', 'freeze', 'unfreeze', 'get_freeze_count']) drop(gc.dict, n);
  // dict.keys()/values()/items() build lists (of 2-tuples for items).
  const dt = it.types.dict;
  for (const kind of ['keys', 'values', 'items'] as const) {
    const desc = dt.dict!.map.get(kind);
    if (!desc) continue;
    const f = it.newBuiltin(kind, (args, kwnames, self) => {
      exactArgs(it, `dict.${kind}`, args, kwnames, 0);
      const d = self as PyDict;
      const items: PyObject[] = [];
      for (const e of d.map.values()) {
        if (kind === 'keys') items.push(it.inc(e.key));
        else if (kind === 'values') items.push(it.inc(e.value));
        else items.push(it.newTuple([it.inc(e.key), it.inc(e.value)]));
      }
      return it.newList(items);
    }, null, `dict.${kind}`);
    f.methodOf = dt;
    f.type = (desc.value as PyObject).type;
    it.dec(desc.value);
    desc.value = f;
  }
  // Methods that came with Python 3 (list.clear/copy in 3.3, str.casefold … removesuffix).
  for (const n of ['clear', 'copy']) drop(it.types.list.dict!, n);
  for (const n of ['casefold', 'isascii', 'isdecimal', 'isidentifier', 'isnumeric', 'isprintable', 'removeprefix', 'removesuffix']) {
    drop(it.types.str.dict!, n);
  }
  it.types.mappingproxy.name = it.types.mappingproxy.qualname = 'dictproxy';
  markVarargs(it, [...PY27_VARARGS, 'range']);
}

/** oct()/hex() of 2.7: int_oct/int_hex ('010', '0xff'), with an 'L' for a long
 *  (here: a value beyond the machine word, as the repr decides). */
function py2Radix(it: Interp, kind: 'oct' | 'hex'): NativeImpl {
  return (args, kwnames) => {
    exactArgs(it, kind, args, kwnames, 1);
    const o = args[0];
    if (!(o instanceof PyInt)) {
      it.raise('TypeError', kind === 'oct' ? "oct() argument can't be converted to oct" : "hex() argument can't be converted to hex");
    }
    const v = BigInt(o.v);
    const a = v < 0n ? -v : v;
    const digits = kind === 'oct' ? (a === 0n ? '0' : '0' + a.toString(8)) : '0x' + a.toString(16);
    const long = py2IntRepr(o.v).endsWith('L') ? 'L' : '';
    return it.newStr((v < 0n ? '-' : '') + digits + long);
  };
}

/** round() of 2.7 (builtin_round, "d|i:round"): a float, halfway cases away from zero (py2/round.ts). */
function round2(it: Interp): NativeImpl {
  return (args, kwnames) => {
    const [pos, kw] = splitArgs(args, kwnames);
    kwOnly(it, 'round', kw, ['number', 'ndigits']);
    if (pos.length > 2) it.raise('TypeError', `round() takes at most 2 arguments (${pos.length} given)`);
    const x = pos[0] ?? kw.get('number');
    const nd = pos[1] ?? kw.get('ndigits') ?? null;
    if (!x) it.raise('TypeError', "Required argument 'number' (pos 1) not found");
    let v: number;
    if (x instanceof PyFloat) v = x.v;
    else if (x instanceof PyInt) {
      v = Number(x.v);
      if (!Number.isFinite(v)) it.raise('OverflowError', 'long int too large to convert to float');
    } else it.raise('TypeError', 'a float is required');
    let n = 0;
    if (nd !== null) {
      if (nd instanceof PyFloat) it.raise('TypeError', "'float' object cannot be interpreted as an index");
      if (!(nd instanceof PyInt)) it.raise('TypeError', 'an integer is required');
      const big = BigInt(nd.v);
      if (big > 2147483647n || big < -2147483648n) it.raise('OverflowError', `signed integer is ${big > 0n ? 'greater than maximum' : 'less than minimum'}`);
      n = Number(big);
    }
    const r = py2Round(v, n);
    if (r === null) it.raise('OverflowError', 'rounded value too large to represent');
    return it.newFloat(r);
  };
}

/** range() of 2.7 (builtin_range): a list of ints. */
function range2(it: Interp): NativeImpl {
  return (args, kwnames) => {
    noKw(it, 'range', kwnames);
    if (args.length < 1 || args.length > 3) it.raise('TypeError', `range expected ${args.length < 1 ? 'at least 1' : 'at most 3'} arguments, got ${args.length}`);
    const n = args.map((a) => {
      if (!(a instanceof PyInt)) it.raise('TypeError', `range() integer end argument expected, got ${typeName(a)}.`);
      return BigInt(a.v);
    });
    const [start, stop, step] = n.length === 1 ? [0n, n[0], 1n] : [n[0], n[1], n[2] ?? 1n];
    if (step === 0n) it.raise('ValueError', 'range() step argument must not be zero');
    const items: PyObject[] = [];
    for (let v = start; step > 0n ? v < stop : v > stop; v += step) {
      if (items.length > 10_000_000) it.raise('MemoryError', '');
      items.push(it.newInt(v));
    }
    return it.newList(items);
  };
}
