// The Python-visible code object wrapping a compiled Code (a constant of the
// enclosing code, like CPython's code objects; not a GC container).

import { PyObject, PyType } from './objects';
import type { Code } from './compiler/code';

export class PyCode extends PyObject {
  constructor(type: PyType, public code: Code) { super(type); }
}
