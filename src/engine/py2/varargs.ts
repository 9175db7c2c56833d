// Builtins that CPython 2.7 calls with an argument tuple (METH_VARARGS in
// Python/bltinmodule.c, Modules/gcmodule.c, Objects/*object.c): each call
// with positional arguments builds a tuple (from the tuple free list or a GC
// allocation), and keyword arguments a dict. 3.x turned most of them into
// METH_FASTCALL/METH_O; the profile names the extra ones and this marks them.

import type { Interp } from '../interp';
import { PyBuiltin, PyModule } from '../objects';

/** Mark the builtins named "name", "module.name" or "type.method" as METH_VARARGS. */
export function markVarargs(it: Interp, names: readonly string[]): void {
  for (const full of names) {
    const dot = full.indexOf('.');
    const owner = dot < 0 ? null : full.slice(0, dot);
    const name = dot < 0 ? full : full.slice(dot + 1);
    let dict = it.builtins;
    if (owner !== null) {
      const m = it.modules.get(owner);
      if (m instanceof PyModule) dict = m.dict;
      else if (it.types.byName.has(owner)) dict = it.types.get(owner).dict!;
      else continue;
    }
    const e = dict?.map.get(name);
    if (e && e.value instanceof PyBuiltin) e.value.varargs = true;
  }
}

/** 2.7.18's METH_VARARGS functions and methods among those the engine provides. */
export const PY27_VARARGS: readonly string[] = [
  'getattr', 'setattr', 'delattr', 'hasattr', 'isinstance', 'issubclass', 'sorted', 'divmod', 'pow',
  'round', 'sum', 'iter', 'next', 'dir', 'vars', 'format', 'min', 'max', 'chr', 'zip', 'map', 'filter',
  'gc.set_debug', 'gc.set_threshold', 'gc.collect', 'gc.get_referrers', 'gc.get_referents',
  'list.pop', 'list.insert', 'list.index', 'list.sort',
  'dict.get', 'dict.pop', 'dict.setdefault', 'dict.update', 'dict.fromkeys',
  'str.format', 'str.split', 'str.rsplit', 'str.replace', 'str.startswith', 'str.endswith', 'str.find',
  'str.rfind', 'str.index', 'str.rindex', 'str.count', 'str.strip', 'str.lstrip', 'str.rstrip',
  'str.ljust', 'str.rjust', 'str.center', 'str.splitlines', 'str.encode', 'str.decode',
  'set.update', 'set.union', 'set.intersection', 'set.difference',
];
