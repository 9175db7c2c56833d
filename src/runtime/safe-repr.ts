// A repr for display that never runs Python code and never allocates on the
// simulated heap (the debugger must not change what it observes): builtin
// values are formatted directly, everything else as <type object at 0x…>.

import {
  PyBool, PyDict, PyFloat, PyFunction, PyInt, PyList, PyNone, PyObject, PySet, PyStr, PyTuple, PyType, PyInstance,
  PyException, PyBuiltin, PyMethod, PyModule, PyCell, PyWeakref,
} from '../engine/objects';
import { floatRepr } from '../engine/text/floatrepr';
import { strRepr } from '../engine/text/strrepr';
import { intToStr } from '../engine/text/radix';

const MAX_ITEMS = 8;

function addr(o: PyObject): string { return '0x' + o.addr.toString(16); }

function typeLabel(t: PyType): string { return t.isHeap && t.module !== 'builtins' ? `${t.module}.${t.qualname}` : t.qualname; }

export function safeRepr(o: PyObject, depth = 0): string {
  if (o instanceof PyStr) return strRepr(o.v.length > 200 ? o.v.slice(0, 200) : o.v);
  if (o instanceof PyBool) return o.v ? 'True' : 'False';
  if (o instanceof PyInt) { const s = intToStr(o.v); return s.length > 40 ? s.slice(0, 20) + '…' : s; }
  if (o instanceof PyFloat) return floatRepr(o.v);
  if (o instanceof PyNone) return 'None';
  if (o instanceof PyException) {
    const args = o.args ? o.args.items : [];
    return `${o.type.name}(${depth > 1 ? '…' : args.map((a) => safeRepr(a, depth + 1)).join(', ')})`;
  }
  if (o instanceof PyInstance) return `<${typeLabel(o.type)} object at ${addr(o)}>`;
  const items = (xs: PyObject[]) => {
    if (depth > 1) return xs.length ? '…' : '';
    const shown = xs.slice(0, MAX_ITEMS).map((x) => safeRepr(x, depth + 1));
    if (xs.length > MAX_ITEMS) shown.push('…');
    return shown.join(', ');
  };
  if (o instanceof PyList) return `[${items(o.items)}]`;
  if (o instanceof PyTuple) return o.items.length === 1 ? `(${items(o.items)},)` : `(${items(o.items)})`;
  if (o instanceof PyDict) {
    if (depth > 1) return o.map.size ? '{…}' : '{}';
    const parts: string[] = [];
    for (const e of o.map.values()) {
      if (parts.length >= MAX_ITEMS) { parts.push('…'); break; }
      parts.push(`${safeRepr(e.key, depth + 1)}: ${safeRepr(e.value, depth + 1)}`);
    }
    return `{${parts.join(', ')}}`;
  }
  if (o instanceof PySet) {
    const xs = [...o.map.values()];
    if (!xs.length) return `${o.type.name}()`;
    return o.type.name === 'set' ? `{${items(xs)}}` : `${o.type.name}({${items(xs)}})`;
  }
  if (o instanceof PyType) return `<class '${typeLabel(o)}'>`;
  if (o instanceof PyFunction) return `<function ${o.qualname} at ${addr(o)}>`;
  if (o instanceof PyMethod) return `<bound method ${o.func instanceof PyFunction ? o.func.qualname : '?'} of ${safeRepr(o.self, 2)}>`;
  if (o instanceof PyBuiltin) return o.methodOf ? `<method '${o.name}' of '${o.methodOf.name}' objects>` : `<built-in function ${o.name}>`;
  if (o instanceof PyModule) return `<module '${o.name}'>`;
  if (o instanceof PyCell) return o.ref ? `<cell: ${o.ref.type.name} object at ${addr(o.ref)}>` : '<cell: empty>';
  if (o instanceof PyWeakref) return o.referent ? `<weakref to '${o.referent.type.name}' at ${addr(o.referent)}>` : '<weakref; dead>';
  return `<${o.type.name} object at ${addr(o)}>`;
}
