// A type slot calling a Python method from C (slot_tp_hash, slot_tp_richcompare).
// 3.7+: lookup_maybe_method finds the function unbound and calls it with self
// prepended on a C stack (no allocation, no extra reference). ≤3.6 (bindsMethods):
// lookup_method binds it (a PyMethod holding self); 3.6's _PyObject_FastCallDict
// then packs the arguments in a tuple for method_call (_PyStack_AsTuple); 2.7
// packs them (PyTuple_Pack) and instancemethod_call builds (self, *args).

import type { Interp } from './interp';
import { PyFunction, PyMethod, PyObject } from './objects';
import { callObject } from './vm/call';

export function slotCall(it: Interp, fn: PyObject, self: PyObject, args: PyObject[]): PyObject {
  if (!it.profile.bindsMethods || !(fn instanceof PyFunction)) return callObject(it, fn, [self, ...args], null);
  const m = it.gcNew(() => new PyMethod(it.types.method, it.inc(fn), it.inc(self)), 64, true, 'method');
  const blocks = [];
  const held: PyObject[] = [];
  if (args.length > 0) { blocks.push(it.hidden.argsTuple(args.length)); held.push(...args); }
  if (it.profile.hidden.methodCallTuple) { blocks.push(it.hidden.argsTuple(args.length + 1)); held.push(self, ...args); }
  for (const h of held) it.inc(h);
  try {
    return callObject(it, m, args, null);
  } finally {
    for (const b of blocks.reverse()) it.hidden.release(b);
    for (const h of held) it.dec(h);
    it.dec(m);
  }
}
