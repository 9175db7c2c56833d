// The `gc` module: collect, thresholds, counts, debug flags, garbage,
// callbacks, statistics, tracking queries, referrers/referents and freeze,
// with CPython's argument handling and error messages per profile.

import type { Interp } from '../interp';
import { it } from '../active';
import { NativeImpl, PyInt, PyObject, PyStr, PyStandIn } from '../objects';
import { exactArgs, rangeArgs, splitArgs, kwOnly } from './args';
import { Collector, DEBUG_COLLECTABLE, DEBUG_INSTANCES, DEBUG_OBJECTS, DEBUG_SAVEALL, DEBUG_STATS, DEBUG_UNCOLLECTABLE } from '../gc/collector';
import { traverse } from '../gc/traverse';
import { typeName } from '../repr';
import { dictSetItem } from './dictops';
import { GcList } from '../gc/gclist';

export function gcModule(): [Record<string, NativeImpl>, Record<string, PyObject>] {
  const p = it.profile;
  const intArg = (o: PyObject): number => {
    if (!(o instanceof PyInt)) it.raise('TypeError', `'${typeName(o)}' object cannot be interpreted as an integer`);
    return Number(o.v);
  };

  const collect: NativeImpl = (args, kwnames) => {
    const [pos, kw] = splitArgs(args, kwnames);
    kwOnly(it, 'collect', kw, ['generation']);
    if (pos.length > 1) it.raise('TypeError', `collect() takes at most 1 argument (${pos.length} given)`);
    const g = pos[0] ?? kw.get('generation');
    const gen = g ? intArg(g) : 2;
    if (gen < 0 || gen > 2) it.raise('ValueError', 'invalid generation');
    return it.newInt(it.collector.collectExplicit(gen));
  };

  const fns: Record<string, NativeImpl> = {
    collect,
    enable: (a, k) => { exactArgs(it, 'enable', a, k, 0); it.heap.enabled = true; return it.newNone(); },
    disable: (a, k) => { exactArgs(it, 'disable', a, k, 0); it.heap.enabled = false; return it.newNone(); },
    isenabled: (a, k) => { exactArgs(it, 'isenabled', a, k, 0); return it.newBool(it.heap.enabled); },
    get_count: (a, k) => {
      exactArgs(it, 'get_count', a, k, 0);
      const c = it.heap.count;
      const vals = [c[0], c[1], c[2]];
      return it.newTuple(vals.map((v) => it.newInt(v)));
    },
    get_threshold: (a, k) => {
      exactArgs(it, 'get_threshold', a, k, 0);
      // 3.14 (incremental): the third value is always 0.
      return it.newTuple(it.heap.threshold.map((v, i) => it.newInt(i === 2 && p.incrementalGc ? 0 : v)));
    },
    set_threshold: (a, k) => {
      if (k && k.length) it.raise('TypeError', 'set_threshold() takes no keyword arguments');
      if (a.length < 1 || a.length > 3) {
        if (p.setThresholdErrors === '3.13') it.raise('TypeError', 'gc.set_threshold requires 1 to 3 arguments');
        it.raise('TypeError', a.length < 1 ? 'set_threshold() takes at least 1 argument (0 given)' : `set_threshold() takes at most 3 arguments (${a.length} given)`);
      }
      a.forEach((x, i) => { it.heap.threshold[i] = intArg(x); });
      return it.newNone();
    },
    get_debug: (a, k) => { exactArgs(it, 'get_debug', a, k, 0); return it.newInt(it.heap.debug); },
    set_debug: (a, k) => { exactArgs(it, 'set_debug', a, k, 1); it.heap.debug = intArg(a[0]); return it.newNone(); },
    get_stats: (a, k) => {
      exactArgs(it, 'get_stats', a, k, 0);
      const out = it.newList([]);
      for (const s of it.collector.stats) {
        const d = it.newDict();
        dictSetItem(it, d, it.newStr('collections'), it.newInt(s.collections));
        dictSetItem(it, d, it.newStr('collected'), it.newInt(s.collected));
        dictSetItem(it, d, it.newStr('uncollectable'), it.newInt(s.uncollectable));
        out.items.push(d);
      }
      return out;
    },
    is_tracked: (a, k) => { exactArgs(it, 'is_tracked', a, k, 1); return it.newBool(a[0].gcGen !== -1); },
    is_finalized: (a, k) => { exactArgs(it, 'is_finalized', a, k, 1); return it.newBool(a[0].finalized); },
    get_objects: (a, k) => {
      if (!p.getObjectsGeneration) exactArgs(it, 'get_objects', a, k, 0);
      const [pos, kw] = splitArgs(a, k);
      const g = pos[0] ?? kw.get('generation');
      let lists: GcList[] = [...it.heap.gens];
      if (g && g !== it.None) {
        const gen = intArg(g);
        if (gen >= 3) it.raise('ValueError', `generation parameter must be less than the number of available generations (3)`);
        if (gen < 0) it.raise('ValueError', 'generation parameter cannot be negative');
        lists = [it.heap.gens[gen]];
        // 3.14 (incremental): generation 1 holds nothing; 2 is both old spaces.
        if (p.incrementalGc) lists = gen === 0 ? [it.heap.gens[0]] : gen === 1 ? [] : [it.heap.gens[1], it.heap.gens[2]];
      }
      const items: PyObject[] = [];
      for (const l of lists) for (const o of l.toArray()) if (!(o instanceof PyStandIn)) items.push(it.inc(o));
      return it.newList(items);
    },
    get_referents: (a) => {
      const out: PyObject[] = [];
      for (const o of a) if (o.type.isGC || o.gcGen !== -1) traverse(o, (r) => { out.push(it.inc(r)); });
      return it.newList(out);
    },
    get_referrers: (a) => {
      const targets = new Set(a);
      const out: PyObject[] = [];
      for (const l of [...it.heap.gens]) {
        for (const o of l.toArray()) {
          let hit = false;
          traverse(o, (r) => { if (targets.has(r)) hit = true; });
          if (hit) out.push(it.inc(o));
        }
      }
      return it.newList(out);
    },
    freeze: (a, k) => {
      exactArgs(it, 'freeze', a, k, 0);
      for (const g of it.heap.gens) g.mergeInto(it.heap.permanent);
      it.heap.count[0] = 0;
      if (p.incrementalGc) it.heap.count[1] = it.heap.count[2] = 0; // _PyGC_Freeze zeroes the old counts too
      return it.newNone();
    },
    unfreeze: (a, k) => {
      exactArgs(it, 'unfreeze', a, k, 0);
      // 3.14 (incremental): into old[visited_space] (GEN_HEAD(1)).
      it.heap.permanent.mergeInto(it.collector.incremental ? it.collector.incremental.genHead(1) : it.heap.gens[2]);
      return it.newNone();
    },
    get_freeze_count: (a, k) => { exactArgs(it, 'get_freeze_count', a, k, 0); return it.newInt(it.heap.permanent.size()); },
  };
  if (p.version[0] === 2 || (p.version[0] === 3 && p.version[1] < 7)) {
    delete fns.freeze; delete fns.unfreeze; delete fns.get_freeze_count;
  }
  const consts: Record<string, PyObject> = {
    DEBUG_STATS: it.newInt(DEBUG_STATS),
    DEBUG_COLLECTABLE: it.newInt(DEBUG_COLLECTABLE),
    DEBUG_UNCOLLECTABLE: it.newInt(DEBUG_UNCOLLECTABLE),
    DEBUG_SAVEALL: it.newInt(DEBUG_SAVEALL),
    DEBUG_LEAK: it.newInt(p.name === '2.7' ? DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_INSTANCES | DEBUG_OBJECTS | DEBUG_SAVEALL
      : DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL),
    garbage: it.inc(it.garbage),
    callbacks: it.inc(it.callbacks),
  };
  if (p.name === '2.7') {
    consts.DEBUG_INSTANCES = it.newInt(DEBUG_INSTANCES);
    consts.DEBUG_OBJECTS = it.newInt(DEBUG_OBJECTS);
  }
  return [fns, consts];
}

export type { PyStr };
