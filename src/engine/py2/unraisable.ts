// CPython 2.7's PyErr_WriteUnraisable: one line, no traceback —
//   Exception ValueError: ValueError('boom',) in <bound method Bad.__del__ of …> ignored
// The value part is the repr of the exception *value* as it was raised: an
// instance for `raise ValueError('boom')`, but the bare message (or key) for an
// exception set from C (PyErr_SetString / PyErr_SetObject), which nothing has
// normalised yet. Builtin exception classes print without their module.

import type { Interp } from '../interp';
import { PyException, PyObject } from '../objects';
import { reprOf } from '../repr';

/** Exceptions the interpreter raised from C (not normalised when reported). */
const fromC = new WeakMap<PyObject, 'message' | 'args'>();

/** `argsTuple`: the value was the argument tuple itself (dict KeyError: `('k',)`). */
export function noteRaisedFromC(exc: PyObject, argsTuple = false): void { fromC.set(exc, argsTuple ? 'args' : 'message'); }

/** 3.6 PyErr_WriteUnraisable's last line for a value set from C as an argument tuple: the
 *  str() of that tuple (`KeyError: ('k',)`); null when the value was normalised. */
export function rawArgsValue(it: Interp, exc: PyObject): string | null {
  return exc instanceof PyException && exc.args && fromC.get(exc) === 'args' ? reprOf(it, exc.args) : null;
}

export function py2UnraisableText(it: Interp, exc: PyObject, objRepr: string): string {
  const t = exc.type;
  const cls = t.isHeap && t.module !== 'builtins' ? `${t.module}.${t.name}` : t.name;
  let value = '';
  if (exc instanceof PyException && fromC.has(exc)) {
    const args = exc.args ? exc.args.items : [];
    if (fromC.get(exc) === 'args' && exc.args) value = reprOf(it, exc.args);
    else if (args.length === 1) value = reprOf(it, args[0]);
    else if (args.length > 1) value = reprOf(it, exc.args!);
  } else value = reprOf(it, exc);
  return `Exception ${cls}${value ? `: ${value}` : ''} in ${objRepr} ignored\n`;
}

/** BaseException_repr of 2.7: the class name and the repr of the args tuple (`E('x',)`). */
export function py2ExceptionRepr(name: string, argsRepr: string): string {
  return `${name}${argsRepr}`;
}
