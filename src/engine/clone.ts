// Deep copy of a whole engine — heap, frames, collector, modules — for the
// debugger's checkpoints (step back restores a copy and replays forward).
// The copy shares only what never changes: functions (natives reach their
// interpreter through active.ts), instruction arrays, the profile, source
// texts and interned dict-key objects. Code objects are copied because their
// constants are heap objects (None, ints, strings) of each engine. Iterative, so arbitrarily deep
// object graphs (a million-node linked list) copy without recursion.

import { TupleKey } from './builtins/dictops';
import { Py2DictMap } from './py2/dictorder';
import type { MapKey } from './objects';

function isShared(v: object): boolean {
  return v instanceof TupleKey || typeof v === 'function' || ArrayBuffer.isView(v);
}

/**
 * Copy `root` and everything reachable from it. `share` may name further
 * objects to keep by reference (e.g. the output sink of the original).
 */
export function deepClone<T extends object>(root: T, share: Set<object> = new Set()): T {
  const map = new Map<object, object>();
  const work: object[] = [];
  const ref = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    const o = v as object;
    if (share.has(o) || isShared(o)) return o;
    let c = map.get(o);
    if (c !== undefined) return c;
    if (Array.isArray(o)) c = new Array(o.length);
    else if (o instanceof Map) c = new (o.constructor as MapConstructor)();
    else if (o instanceof Set) c = new Set();
    else c = Object.create(Object.getPrototypeOf(o));
    map.set(o, c!);
    work.push(o);
    return c;
  };
  const top = ref(root) as T;
  while (work.length) {
    const src = work.pop()!;
    const dst = map.get(src)!;
    if (Array.isArray(src)) {
      const d = dst as unknown[];
      for (let i = 0; i < src.length; i++) d[i] = ref(src[i]);
    } else if (src instanceof Map) {
      const d = dst as Map<unknown, unknown>;
      if (src instanceof Py2DictMap) {
        // A 2.7 dict: the same entries and hash table (values are filled in later, so no re-hashing).
        for (const [k, v] of src) Map.prototype.set.call(d, ref(k), ref(v));
        (d as Py2DictMap).copyTableFrom(src, (k) => ref(k) as MapKey);
      } else for (const [k, v] of src) d.set(ref(k), ref(v));
    } else if (src instanceof Set) {
      const d = dst as Set<unknown>;
      for (const v of src) d.add(ref(v));
    } else {
      const s = src as Record<string, unknown>;
      const d = dst as Record<string, unknown>;
      for (const k of Object.keys(s)) d[k] = ref(s[k]);
    }
  }
  return top;
}
