// 3.13+ inline values live inside the instance's memory block (Py_TPFLAGS_INLINE_VALUES), so an
// instance's size depends on its class's shared keys: _PyType_AllocNoTrack adds
// _PyInlineValuesSize(tp) = round8(n) + 8 * (n + 1) bytes, n = dk_nentries + dk_usable, and then
// _PyObject_InitInlineValues shrinks dk_usable by one (while > 1) for every new instance. Fresh
// shared keys have 30 usable entries (SHARED_KEYS_MAX_SIZE), so successive instances of a class
// are 328, 320, 312, 304 … bytes: they change pymalloc size class every other instance or so and
// a freed instance's block is not the next instance's (scripts/probes/addr_inline_values.py).

import type { Interp } from './interp';
import type { PyType } from './objects';

/** Does the class get inline values (type_ready_managed_dict: a managed dict and
 *  tp_basicsize == sizeof(PyObject), i.e. no __slots__ storage and no builtin base but object)? */
export function hasInlineValues(it: Interp, t: PyType): boolean {
  return !!it.profile.inlineValuesInObject && t.isHeap && !t.classic && t.hasInstDict
    && t.builtinBase === 'object' && !(t.slotNames && t.slotNames.length);
}

/** The shared keys' dk_usable, created on first use (_PyDict_NewKeysForClass). */
function usable(it: Interp, t: PyType): number {
  if (t.keysUsable < 0) t.keysUsable = it.profile.inlineAttrLimit;
  return t.keysUsable;
}

/** Bytes of a new instance of t (GC header, pre-header, PyObject, inline values), shrinking
 *  the class's shared keys for the next one as _PyObject_InitInlineValues does. */
export function newInstanceBytes(it: Interp, t: PyType, plain: number): number {
  if (!hasInlineValues(it, t)) return plain;
  const u = usable(it, t);
  const n = (t.sharedKeys ? t.sharedKeys.size : 0) + u;
  if (u > 1) t.keysUsable = u - 1;
  return plain + (((n + 7) >> 3) << 3) + 8 * (n + 1);
}

/** May a new attribute name join the class's shared keys (insert_split_key: dk_usable > 0)?
 *  On success the entry takes one usable slot. Other profiles: at most inlineAttrLimit names. */
export function takeSharedKeySlot(it: Interp, t: PyType, size: number): boolean {
  if (!hasInlineValues(it, t)) return size < it.profile.inlineAttrLimit;
  const u = usable(it, t);
  if (u <= 0) return false;
  t.keysUsable = u - 1;
  return true;
}
