// MAKE_FUNCTION: a function object from a code object, its globals, defaults
// and closure cells (a GC allocation, tracked like CPython's functions).

import type { Interp } from '../interp';
import { PyDict, PyFunction, PyObject, PyTuple } from '../objects';
import { PyCode } from '../codeobj';

export function makeFunction(it: Interp, codeObj: PyObject, globals: PyDict, defaults: PyTuple | null,
  kwdefaults: PyDict | null, closure: PyTuple | null): PyFunction {
  const code = (codeObj as PyCode).code;
  const f = it.gcNew(() => new PyFunction(it.types.function, code, it.inc(globals), code.name, code.qualname,
    defaults, kwdefaults, closure), 152);
  it.dec(codeObj);
  return f;
}
