// tp_subclasses bookkeeping (add_subclass / remove_subclass in typeobject.c): every base
// keeps a callback-less weak reference to each new subclass, in a container the base owns
// (3.x: a dict keyed by the subclass's address, made on the first subclass; 2.7: a list
// whose dead references stay until a new subclass reuses the slot). The container is not
// visited by type_traverse, so the references are never part of cyclic garbage.

import type { Interp } from '../interp';
import { PyType, PyWeakref } from '../objects';

/** The callback-less weak reference to t (PyWeakref_NewRef(t, NULL) reuses the existing one). */
function basicRef(it: Interp, t: PyType): PyWeakref {
  const l = t.weakrefs;
  if (l && l.length && !l[0].callback) return it.inc(l[0]);
  const w = it.gcNew(() => new PyWeakref(it.types.weakref, t, null), 80, false);
  if (!t.weakrefs) t.weakrefs = [];
  t.weakrefs.unshift(w);
  it.heap.track(w);
  return w;
}

function newContainer(it: Interp, base: PyType): void {
  base.subclasses = [];
  // A static type's container exists from start-up (its builtin subclasses are in it).
  if (base.isHeap) base.subclassesBlock = it.hidden.alloc(it.profile.version[0] === 2 ? 'list' : 'dict');
}

/** add_subclass(base, t): returns the reference the base now holds. */
export function addSubclass(it: Interp, base: PyType, t: PyType): PyWeakref | null {
  if (base.classic) return null; // 2.7: only types are told about their subclasses
  if (it.profile.version[0] === 2) {
    if (!base.subclasses) newContainer(it, base);
    const w = basicRef(it, t);
    const l = base.subclasses!;
    // A dead reference's slot is reused (the last one): PyList_SetItem drops the old reference.
    for (let i = l.length - 1; i >= 0; i--) {
      if (l[i].referent === null) { const old = l[i]; l[i] = w; it.dec(old); return w; }
    }
    l.push(w);
    return w;
  }
  // ≤3.11 the dict is made first; later the key and the weak reference come first.
  const dictFirst = it.profile.version[1] <= 11;
  if (dictFirst && !base.subclasses) newContainer(it, base);
  const w = basicRef(it, t);
  if (!base.subclasses) newContainer(it, base);
  base.subclasses!.push(w);
  return w;
}

/** remove_subclass(base, t) from type_dealloc (3.x; 2.7 leaves the dead reference in the list). */
export function removeSubclass(it: Interp, base: PyType, w: PyWeakref): void {
  const l = base.subclasses;
  if (!l) return;
  const i = l.indexOf(w);
  if (i < 0) return;
  l.splice(i, 1);
  it.dec(w);
  // 3.11+: an emptied dict is dropped (made again by the next subclass).
  if (!l.length && it.profile.version[1] >= 11 && base.isHeap) clearSubclasses(it, base);
}

/** Drop t's own tp_subclasses container and the references in it. */
export function clearSubclasses(it: Interp, t: PyType): void {
  const l = t.subclasses, b = t.subclassesBlock;
  t.subclasses = null;
  t.subclassesBlock = null;
  // list_dealloc / dict_dealloc: the items (a list's from the end), then the container.
  if (l) for (let i = l.length - 1; i >= 0; i--) it.dec(l[i]);
  if (b) it.hidden.free(b);
}
