// format(value, spec): the __format__ protocol for builtin types (through the
// text library's format-spec mini-language) and for instances.

import type { Interp } from '../interp';
import { PyBool, PyFloat, PyInstance, PyInt, PyObject, PyStr } from '../objects';
import { formatFloat, formatInt, formatStr } from '../text/formatspec';
import { mroLookup } from '../types';
import { callObject } from '../vm/call';
import { strOf, typeName } from '../repr';
import { rethrow } from '../ops';

/** PyObject_Format: str and int with an empty spec take a fast path; anything else looks up
 *  __format__ (_PyObject_LookupSpecial), binding a method for the call. */
export function formatBuiltin(it: Interp, v: PyObject, spec: string): string {
  if (spec === '' && (v instanceof PyStr || (v instanceof PyInt && !(v instanceof PyBool)))) return formatNow(it, v, spec);
  const user = v instanceof PyInstance && mroLookup(v.type, '__format__') !== it.objectFormat;
  const meth = user ? it.hidden.alloc(null, 0, 64) : it.hidden.boundBuiltin();
  const args = !user && it.profile.hidden.formatMethodTuple ? it.hidden.argsTuple(1) : null;
  try { return formatNow(it, v, spec); } finally { it.hidden.release(args); it.hidden.free(meth); }
}

function formatNow(it: Interp, v: PyObject, spec: string): string {
  try {
    if (v instanceof PyBool) return spec === '' ? (v.v ? 'True' : 'False') : formatInt(v.v, spec, 'bool');
    if (v instanceof PyInt) return formatInt(v.v, spec);
    if (v instanceof PyFloat) return formatFloat(v.v, spec, 'float', it.profile.version[0] === 2);
    if (v instanceof PyStr) return formatStr(v.v, spec);
  } catch (e) { rethrow(it, e); }
  if (v instanceof PyInstance) {
    const m = mroLookup(v.type, '__format__');
    if (m && m !== it.objectFormat) {
      const s = it.newStr(spec);
      try {
        const r = callObject(it, m, [v, s], null);
        if (!(r instanceof PyStr)) { it.dec(r); it.raise('TypeError', '__format__ must return a str'); }
        const out = r.v;
        it.dec(r);
        return out;
      } finally { it.dec(s); }
    }
  }
  if (spec !== '') it.raise('TypeError', `unsupported format string passed to ${typeName(v)}.__format__`);
  return strOf(it, v);
}
