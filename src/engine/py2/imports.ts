// What importing a Python-source module does to the free lists in 2.7. The
// simulator provides gc, sys, weakref and time ready-made, but in CPython 2.7
// `weakref` is weakref.py (with UserDict.py and _weakrefset.py): executing it
// leaves the list free list one entry shorter after the scenario's first
// collection (measured, site and -S alike: `import gc, sys; gc.collect()`
// leaves 4 parked lists, `import gc, sys, weakref; gc.collect()` 3) and two
// sets parked (0 without it, with -S). The first import of such a module
// consumes or leaves those parked objects. Every import
// statement also packs __import__'s arguments in a 4-tuple.

import type { Interp } from '../interp';

/** Parked objects each module's first import uses up (negative: leaves), per free list;
 *  listPeak: lists the import needs at once (made up on the free list first, so with fewer
 *  parked the import ends with more than `parked - list`). Measured with
 *  scripts/probes/py27_compile_freelists.py: `from __future__ import ...` executes
 *  __future__.pyc (its _Feature instances keep their __dict__s); `import gc` runs initgc, which
 *  imports time (module dicts and the copies _PyImport_FixupExtension keeps). */
const PY27_IMPORT_EFFECTS: Record<string, { list?: number; dict?: number; set?: number; listPeak?: number }> = {
  __future__: { dict: 9, list: 2, listPeak: 6 },
  gc: { dict: 5 },
  // _weakrefset.py's sets are freed onto the set free list (2 parked after, -S and site).
  // The dicts: with site (UserDict and _weakrefset already imported); -S uses up all.
  weakref: { list: 1, set: -2, dict: 4 },
};

export function firstImport(it: Interp, name: string): void {
  if (it.profile.version[0] !== 2) return;
  // IMPORT_NAME calls __import__ with PyTuple_Pack(4, name, globals, locals, fromlist)
  // (level -1, 2.7's default), a tuple from the 4-tuple free list.
  it.hidden.release(it.hidden.argsTuple(4));
  if (it.importedModules.has(name)) return;
  it.importedModules.add(name);
  const e = PY27_IMPORT_EFFECTS[name];
  if (!e) return;
  if (e.listPeak) it.heap.parkUpTo('list', e.listPeak);
  if (e.list) it.heap.dropParked('list', e.list);
  if (e.dict) it.heap.dropParked('dict', e.dict);
  if (e.set) it.heap.dropParked('set', e.set);
}
