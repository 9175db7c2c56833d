// The `weakref` module: weakref.ref (reusing the callback-less reference as
// CPython does, and keeping CPython's weak-reference list order), and the
// weak-reference counting helpers.

import type { Interp } from '../interp';
import { it } from '../active';
import { NativeImpl, PyObject, PyWeakref } from '../objects';
import { exactArgs, splitArgs, kwOnly } from './args';
import { typeName } from '../repr';
import { NotSupportedRuntime } from '../errors';

export function newWeakref(it: Interp, args: PyObject[], kwnames: string[] | null): PyObject {
  const [pos, kw] = splitArgs(args, kwnames);
  if (kw.size) it.raise('TypeError', 'ref() takes no keyword arguments');
  if (pos.length < 1 || pos.length > 2) it.raise('TypeError', `__new__ expected at most 2 arguments, got ${pos.length}`);
  const ob = pos[0];
  let cb: PyObject | null = pos[1] ?? null;
  if (cb === it.None) cb = null;
  if (!ob.type.weakrefable) it.raise('TypeError', `cannot create weak reference to '${typeName(ob)}' object`);
  const list = ob.weakrefs;
  if (!cb && list && list.length && !list[0].callback) return it.inc(list[0]);
  const w = it.gcNew(() => new PyWeakref(it.types.weakref, ob, cb ? it.inc(cb) : null), 80, false);
  if (!ob.weakrefs) ob.weakrefs = [];
  const l = ob.weakrefs;
  if (!cb) l.unshift(w);
  else if (l.length && !l[0].callback) l.splice(1, 0, w);
  else l.unshift(w);
  it.heap.track(w);
  return w;
}

export function weakrefModule(): Record<string, NativeImpl> {
  return {
    getweakrefcount: (a, k) => { exactArgs(it, 'getweakrefcount', a, k, 1); return it.newInt(a[0].weakrefs ? a[0].weakrefs.length : 0); },
    getweakrefs: (a, k) => {
      exactArgs(it, 'getweakrefs', a, k, 1);
      return it.newList((a[0].weakrefs ?? []).map((w) => it.inc(w)));
    },
    finalize: () => { throw new NotSupportedRuntime('weakref.finalize', it.frame?.lineno ?? 0); },
    proxy: () => { throw new NotSupportedRuntime('weakref.proxy', it.frame?.lineno ?? 0); },
    WeakValueDictionary: () => { throw new NotSupportedRuntime('weakref.WeakValueDictionary', it.frame?.lineno ?? 0); },
    WeakKeyDictionary: () => { throw new NotSupportedRuntime('weakref.WeakKeyDictionary', it.frame?.lineno ?? 0); },
    WeakSet: () => { throw new NotSupportedRuntime('weakref.WeakSet', it.frame?.lineno ?? 0); },
    void: () => it.newNone(),
  };
}

export type { kwOnly };
