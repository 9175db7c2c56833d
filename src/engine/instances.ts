// Where an instance keeps its attributes, per profile: a separate __dict__
// object created at the first attribute store (≤3.10), or inline values with
// the class's shared keys (3.11+), materialised into a real dict when
// __dict__/vars() is asked for or the shared keys are full.

import type { Interp } from './interp';
import { PyDict, PyInstance, PyObject } from './objects';
import { dictSetStr } from './builtins/dictops';
import { takeSharedKeySlot } from './inlinevalues';

export function instanceGet(o: PyInstance, name: string): PyObject | undefined {
  if (o.values) {
    const i = o.type.sharedKeys!.get(name);
    if (i === undefined) return undefined;
    return o.values[i] ?? undefined;
  }
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
  const keys = t.sharedKeys ?? (t.sharedKeys = new Map());
  let i = keys.get(name);
  if (i === undefined) {
    if (!takeSharedKeySlot(it, t, keys.size)) {
      materializeDict(it, o, true);
      dictSetStr(it, o.dict!, name, v);
      return;
    }
    i = keys.size;
    keys.set(name, i);
  }
  const vals = o.values ?? (o.values = []);
  while (vals.length <= i) vals.push(null);
  const old = vals[i];
  vals[i] = v;
  if (old) it.dec(old);
}

export function instanceDel(it: Interp, o: PyInstance, name: string): boolean {
  if (o.values) {
    const i = o.type.sharedKeys!.get(name);
    const old = i === undefined ? null : o.values[i];
    if (!old) return false;
    o.values[i!] = null;
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

/** The instance's __dict__ object, creating it from inline values if needed (borrowed).
 *  `overflow`: the inline values are full, so a real (trackable) dict takes over. */
export function materializeDict(it: Interp, o: PyInstance, overflow = false): PyDict {
  if (o.dict) return o.dict;
  const d = it.newDict();
  const layout = it.profile.instanceLayout;
  if ((layout === 'inline-untracked' || layout === 'inline-view') && !overflow) d.untrackable = true;
  if (o.values) {
    let track = false;
    const vals = o.values;
    for (const [k, i] of o.type.sharedKeys!) {
      const v = vals[i];
      if (!v) continue;
      d.map.set(k, { key: it.intern(k), value: v });
      if (it.mayBeTracked(v)) track = true;
    }
    o.values = null;
    if (track && !d.untrackable) it.heap.track(d);
  }
  o.dict = d;
  return d;
}

