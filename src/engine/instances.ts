// Where an instance keeps its attributes, per profile: a separate __dict__
// object created at the first attribute store (≤3.10), or inline values with
// the class's shared keys (3.11+), materialised into a real dict when
// __dict__/vars() is asked for or the shared keys are full.

import type { Interp } from './interp';
import { PyDict, PyInstance, PyObject } from './objects';
import { dictSetStr } from './builtins/dictops';

declare module './objects' {
  interface PyType {
    /** Shared keys of instances' inline values (3.11+), in first-insertion order. */
    sharedKeys?: Set<string>;
  }
}

export function instanceGet(o: PyInstance, name: string): PyObject | undefined {
  if (o.values) return o.values.get(name);
  if (o.dict) { const e = o.dict.map.get(name); return e ? e.value : undefined; }
  return undefined;
}

/** Store an attribute, stealing v. */
export function instanceSet(it: Interp, o: PyInstance, name: string, v: PyObject): void {
  const layout = it.profile.instanceLayout;
  if (o.dict) { dictSetStr(it, o.dict, name, v); return; }
  if (layout === 'dict') {
    o.dict = it.newDict();
    dictSetStr(it, o.dict, name, v);
    return;
  }
  const t = o.type;
  const keys = t.sharedKeys ?? (t.sharedKeys = new Set());
  if (!keys.has(name)) {
    if (keys.size >= it.profile.inlineAttrLimit) {
      materializeDict(it, o);
      dictSetStr(it, o.dict!, name, v);
      return;
    }
    keys.add(name);
  }
  if (!o.values) o.values = new Map();
  const old = o.values.get(name);
  o.values.set(name, v);
  if (old) it.dec(old);
}

export function instanceDel(it: Interp, o: PyInstance, name: string): boolean {
  if (o.values) {
    const old = o.values.get(name);
    if (!old) return false;
    o.values.delete(name);
    it.dec(old);
    return true;
  }
  if (o.dict) {
    const e = o.dict.map.get(name);
    if (!e) return false;
    o.dict.map.delete(name);
    it.dec(e.key);
    it.dec(e.value);
    return true;
  }
  return false;
}

/** The instance's __dict__ object, creating it from inline values if needed (borrowed). */
export function materializeDict(it: Interp, o: PyInstance): PyDict {
  if (o.dict) return o.dict;
  const d = it.newDict();
  if (it.profile.instanceLayout === 'inline-untracked') d.untrackable = true;
  if (o.values) {
    let track = false;
    for (const [k, v] of o.values) {
      d.map.set(k, { key: it.intern(k), value: v });
      if (it.mayBeTracked(v)) track = true;
    }
    o.values = null;
    if (track && !d.untrackable) it.heap.track(d);
  }
  o.dict = d;
  return d;
}

/** The objects an instance's attributes refer to, in traversal order. */
export function instanceAttrValues(o: PyInstance): PyObject[] {
  if (o.values) return [...o.values.values()];
  return [];
}
