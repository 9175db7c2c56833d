// Methods of the builtin types (list.append, dict.get, set.add, …) installed
// as method descriptors in each type's dict, so attribute lookup, LOAD_METHOD
// and `list.append(l, x)` all work as in CPython.

import { dictCleared, dictCopied, dictDeleted, dictUnknown, listCleared, listExact, listExtended, listPopped, listResized } from '../sizes';
import type { Interp } from '../interp';
import { it } from '../active';
import {
  NativeImpl, PyBuiltin, PyDict, PyDictView, PyList, PyObject, PySet, PyStr, PyTuple, PyType, PyFloat, PyInt,
  PyDescriptorWrapper,
} from '../objects';
import { exactArgs, rangeArgs, splitArgs, kwOnly, noKw } from './args';
import { eq, iterateToArray, listExtendItems, isTrue, lengthOf } from '../ops';
import { reprOf, strOf, typeName } from '../repr';
import { dictDel, dictGet, dictSetItem, hashKey, setAdd, setAddBorrowedItem } from './dictops';
import { sortList } from './functions';
import { intBitLength } from '../text/int';
import { strMethods } from './strmethods';
import { notInList } from './messages';
import { generatorMethods } from './genmethods';
import { intMethods, floatMethods } from './numbers';
import * as S from './setops';
import { setClear, setDiscardKey, setPop } from '../settable';
import { callObject } from '../vm/call';

type Methods = Record<string, (self: PyObject, args: PyObject[], kwnames: string[] | null) => PyObject>;

/** Install `methods` as method descriptors in t's dict. */
export function installMethods(it: Interp, t: PyType, methods: Methods): void {
  if (!t.dict) t.dict = it.rawDict();
  for (const [name, fn] of Object.entries(methods)) {
    const impl: NativeImpl = (args, kwnames, self) => fn(self!, args, kwnames);
    const d = new PyBuiltin(it.types.method_descriptor, name, impl, null, `${t.name}.${name}`);
    d.methodOf = t;
    d.addr = it.heap.rawAddress(72);
    d.rc = 1000;
    t.dict.map.set(name, { key: it.intern(name), value: d });
    if (VARARGS_METHODS.has(`${t.name}.${name}`)) d.varargs = true;
  }
}

/** Install `methods` as class method descriptors (METH_CLASS) in t's dict: the
 * type is bound as the first argument on access. */
function installClassMethods(it: Interp, t: PyType, methods: Methods): void {
  if (!t.dict) t.dict = it.rawDict();
  for (const [name, fn] of Object.entries(methods)) {
    const impl: NativeImpl = (args, kwnames, self) => fn(self!, args, kwnames);
    const d = new PyBuiltin(it.types.classmethod_descriptor, name, impl, null, `${t.name}.${name}`);
    d.classMethodOf = t;
    d.addr = it.heap.rawAddress(72);
    d.rc = 1000;
    t.dict.map.set(name, { key: it.intern(name), value: d });
  }
}

/** Methods that are METH_VARARGS in CPython 3.11 (each call builds an argument tuple). */
const VARARGS_METHODS = new Set(['dict.update', 'str.format', 'str.startswith', 'str.endswith', 'str.find', 'str.rfind',
  'str.index', 'str.rindex', 'str.count']);

function idxArg(it: Interp, o: PyObject | undefined, def: number): number {
  if (o === undefined) return def;
  if (!(o instanceof PyInt)) it.raise('TypeError', `'${typeName(o)}' object cannot be interpreted as an integer`);
  return Number(o.v);
}

/** The start and stop of list.index / tuple.index (x, start, stop): slice
 * indices, negative ones counted from the end and clipped at 0. */
function indexRange(it: Interp, a: PyObject[], len: number): [number, number] {
  const adj = (o: PyObject | undefined, def: number): number => {
    if (o === undefined) return def;
    if (!(o instanceof PyInt)) {
      it.raise('TypeError', 'slice indices must be integers or have an __index__ method');
    }
    let i = Number(o.v);
    if (i < 0) { i += len; if (i < 0) i = 0; }
    return i;
  };
  return [adj(a[1], 0), adj(a[2], len)];
}

export function installAllMethods(): void {
  const none = () => it.newNone();

  const list: Methods = {
    append: (s, a, k) => { exactArgs(it, 'list.append', a, k, 1); (s as PyList).items.push(it.inc(a[0])); listResized(it, s as PyList); return none(); },
    extend: (s, a, k) => {
      exactArgs(it, 'list.extend', a, k, 1);
      const items = listExtendItems(it, a[0]);
      const m = (s as PyList).items.length;
      (s as PyList).items.push(...items);
      listExtended(it, s as PyList, a[0], m, items.length);
      return none();
    },
    insert: (s, a, k) => {
      exactArgs(it, 'insert', a, k, 2);
      const l = (s as PyList).items;
      let i = idxArg(it, a[0], 0);
      if (i < 0) i = Math.max(0, i + l.length); else i = Math.min(i, l.length);
      l.splice(i, 0, it.inc(a[1]));
      listResized(it, s as PyList);
      return none();
    },
    pop: (s, a, k) => {
      rangeArgs(it, 'pop', a, k, 0, 1);
      const l = (s as PyList).items;
      if (!l.length) it.raise('IndexError', 'pop from empty list');
      let i = idxArg(it, a[0], -1);
      if (i < 0) i += l.length;
      if (i < 0 || i >= l.length) it.raise('IndexError', 'pop index out of range');
      const wasLast = i === l.length - 1;
      const [x] = l.splice(i, 1);
      listPopped(it, s as PyList, wasLast);
      return x;
    },
    remove: (s, a, k) => {
      exactArgs(it, 'list.remove', a, k, 1);
      const l = (s as PyList).items;
      for (let i = 0; i < l.length; i++) {
        if (l[i] === a[0] || eq(it, l[i], a[0])) { const [x] = l.splice(i, 1); listResized(it, s as PyList, true); it.dec(x); return none(); }
      }
      it.raise('ValueError', 'list.remove(x): x not in list');
    },
    index: (s, a, k) => {
      rangeArgs(it, 'index', a, k, 1, 3);
      const l = (s as PyList).items;
      const [start, stop] = indexRange(it, a, l.length);
      for (let i = start; i < Math.min(l.length, stop); i++) {
        if (l[i] === a[0] || eq(it, l[i], a[0])) return it.newInt(i);
      }
      it.raise('ValueError', notInList(it.profile, () => reprOf(it, a[0])));
    },
    count: (s, a, k) => {
      exactArgs(it, 'list.count', a, k, 1);
      let n = 0;
      for (const x of (s as PyList).items) if (x === a[0] || eq(it, x, a[0])) n++;
      return it.newInt(n);
    },
    clear: (s, a, k) => {
      exactArgs(it, 'list.clear', a, k, 0);
      const l = s as PyList;
      const old = l.items;
      l.items = [];
      listCleared(l);
      for (let i = old.length - 1; i >= 0; i--) it.dec(old[i]);
      return none();
    },
    copy: (s, a, k) => { exactArgs(it, 'list.copy', a, k, 0); return listExact(it.newList((s as PyList).items.map((x) => it.inc(x)))); },
    reverse: (s, a, k) => { exactArgs(it, 'list.reverse', a, k, 0); (s as PyList).items.reverse(); return none(); },
    sort: (s, a, k) => {
      const [pos, kw] = splitArgs(a, k);
      if (pos.length) it.raise('TypeError', 'sort() takes no positional arguments');
      kwOnly(it, 'sort', kw, ['key', 'reverse']);
      if (kw.size) it.hidden.clinicKwtuple('list.sort', 2);
      sortList(it, s as PyList, kw.get('key') ?? null, kw.get('reverse') ? isTrue(it, kw.get('reverse')!) : false);
      return none();
    },
  };

  const keyErr = (k: PyObject): never => it.raiseKeyError(k);
  const dict: Methods = {
    get: (s, a, k) => {
      rangeArgs(it, 'get', a, k, 1, 2);
      const v = dictGet(it, s as PyDict, a[0]);
      return it.inc(v ?? a[1] ?? it.None);
    },
    keys: (s, a, k) => { exactArgs(it, 'dict.keys', a, k, 0); return it.gcNew(() => new PyDictView(it.types.dict_keys, it.inc(s as PyDict), 'keys'), 32); },
    values: (s, a, k) => { exactArgs(it, 'dict.values', a, k, 0); return it.gcNew(() => new PyDictView(it.types.dict_values, it.inc(s as PyDict), 'values'), 32); },
    items: (s, a, k) => { exactArgs(it, 'dict.items', a, k, 0); return it.gcNew(() => new PyDictView(it.types.dict_items, it.inc(s as PyDict), 'items'), 32); },
    pop: (s, a, k) => {
      rangeArgs(it, 'pop', a, k, 1, 2);
      const d = s as PyDict;
      // _PyDict_Pop: an empty dict returns the default (or raises KeyError) without hashing the key.
      if (d.map.size === 0) { if (a.length === 2) return it.inc(a[1]); return keyErr(a[0]); }
      const hk = hashKey(it, a[0]);
      const e = d.map.get(hk);
      if (!e) { if (a.length === 2) return it.inc(a[1]); return keyErr(a[0]); }
      d.map.delete(hk);
      dictDeleted(d);
      it.dec(e.key);
      return e.value;
    },
    popitem: (s, a, k) => {
      exactArgs(it, 'dict.popitem', a, k, 0);
      const d = s as PyDict;
      const keys = [...d.map.keys()];
      if (!keys.length) it.raise('KeyError', 'popitem(): dictionary is empty');
      const hk = keys[keys.length - 1];
      const e = d.map.get(hk)!;
      d.map.delete(hk);
      dictDeleted(d);
      return it.newTuple([e.key, e.value]);
    },
    setdefault: (s, a, k) => {
      rangeArgs(it, 'setdefault', a, k, 1, 2);
      const v = dictGet(it, s as PyDict, a[0]);
      if (v) return it.inc(v);
      const def = a[1] ?? it.None;
      dictSetItem(it, s as PyDict, it.inc(a[0]), it.inc(def));
      return it.inc(def);
    },
    update: (s, a, k) => {
      const [pos, kw] = splitArgs(a, k);
      const d = s as PyDict;
      dictUnknown(d); // dict_merge presizes the table
      if (pos.length) {
        const src = pos[0];
        if (src instanceof PyDict) {
          // ≤3.8 dict_update_common looks up src.keys first (a bound method, freed at once).
          if (it.profile.version[0] === 3 && it.profile.version[1] <= 8) it.hidden.free(it.hidden.boundBuiltin());
          for (const e of src.map.values()) dictSetItem(it, d, it.inc(e.key), it.inc(e.value));
        } else for (const pair of iterateToArray(it, src)) {
          const kv = iterateToArray(it, pair);
          it.dec(pair);
          dictSetItem(it, d, kv[0], kv[1]);
        }
      }
      for (const [name, v] of kw) dictSetItem(it, d, it.newStr(name), it.inc(v));
      return none();
    },
    clear: (s, a, k) => {
      exactArgs(it, 'dict.clear', a, k, 0);
      const d = s as PyDict;
      const entries = [...d.map.values()];
      d.map.clear();
      dictCleared(it, d);
      for (const e of entries) { it.dec(e.key); it.dec(e.value); }
      return none();
    },
    copy: (s, a, k) => {
      exactArgs(it, 'dict.copy', a, k, 0);
      const d = it.newDict();
      for (const e of (s as PyDict).map.values()) dictSetItem(it, d, it.inc(e.key), it.inc(e.value));
      dictCopied(it, s as PyDict, d);
      return d;
    },
  };

  const setM: Methods = {
    add: (s, a, k) => { exactArgs(it, 'set.add', a, k, 1); setAddBorrowedItem(it, s as PySet, a[0]); return none(); },
    discard: (s, a, k) => {
      exactArgs(it, 'set.discard', a, k, 1);
      setDiscardKey(it, s as PySet, a[0]);
      return none();
    },
    remove: (s, a, k) => {
      exactArgs(it, 'set.remove', a, k, 1);
      if (!setDiscardKey(it, s as PySet, a[0])) return keyErr(a[0]);
      return none();
    },
    pop: (s, a, k) => {
      exactArgs(it, 'set.pop', a, k, 0);
      const v = setPop(s as PySet);
      if (v === null) it.raise('KeyError', 'pop from an empty set');
      return v!;
    },
    clear: (s, a, k) => { exactArgs(it, 'set.clear', a, k, 0); setClear(it, s as PySet); return none(); },
    update: (s, a, k) => { noKw(it, 'set.update', k); for (const src of a) S.setUpdateInternal(it, s as PySet, src); return none(); },
    copy: (s, a, k) => { exactArgs(it, 'set.copy', a, k, 0); return S.setCopy(it, s as PySet); },
    union: (s, a, k) => { noKw(it, 'set.union', k); return S.setUnion(it, s as PySet, a); },
    intersection: (s, a, k) => { noKw(it, 'set.intersection', k); return S.setIntersectionMulti(it, s as PySet, a); },
    intersection_update: (s, a, k) => { noKw(it, 'set.intersection_update', k); S.setIntersectionUpdate(it, s as PySet, a); return none(); },
    difference: (s, a, k) => { noKw(it, 'set.difference', k); return S.setDifferenceMulti(it, s as PySet, a); },
    difference_update: (s, a, k) => {
      noKw(it, 'set.difference_update', k);
      for (const o of a) S.setDifferenceUpdateInternal(it, s as PySet, o);
      return none();
    },
    symmetric_difference: (s, a, k) => {
      exactArgs(it, 'set.symmetric_difference', a, k, 1);
      return S.setSymmetricDifference(it, s as PySet, a[0]);
    },
    symmetric_difference_update: (s, a, k) => {
      exactArgs(it, 'set.symmetric_difference_update', a, k, 1);
      S.setSymmetricDifferenceUpdate(it, s as PySet, a[0]);
      return none();
    },
    isdisjoint: (s, a, k) => { exactArgs(it, 'set.isdisjoint', a, k, 1); return it.newBool(S.setIsDisjoint(it, s as PySet, a[0])); },
    issubset: (s, a, k) => { exactArgs(it, 'set.issubset', a, k, 1); return it.newBool(S.setIsSubset(it, s as PySet, a[0])); },
    issuperset: (s, a, k) => { exactArgs(it, 'set.issuperset', a, k, 1); return it.newBool(S.setIsSuperset(it, s as PySet, a[0])); },
  };
  const frozensetM: Methods = {
    copy: (s, a, k) => {
      exactArgs(it, 'frozenset.copy', a, k, 0);
      return s.type === it.types.frozenset ? it.inc(s) : S.setCopy(it, s as PySet);
    },
  };
  for (const name of ['union', 'intersection', 'difference', 'symmetric_difference', 'isdisjoint', 'issubset', 'issuperset']) {
    frozensetM[name] = setM[name];
  }

  const tuple: Methods = {
    index: (s, a, k) => {
      rangeArgs(it, 'index', a, k, 1, 3);
      const l = (s as PyTuple).items;
      const [start, stop] = indexRange(it, a, l.length);
      for (let i = start; i < Math.min(l.length, stop); i++) if (l[i] === a[0] || eq(it, l[i], a[0])) return it.newInt(i);
      it.raise('ValueError', 'tuple.index(x): x not in tuple');
    },
    count: (s, a, k) => {
      exactArgs(it, 'tuple.count', a, k, 1);
      let n = 0;
      for (const x of (s as PyTuple).items) if (x === a[0] || eq(it, x, a[0])) n++;
      return it.newInt(n);
    },
  };

  const int: Methods = {
    bit_length: (s, a, k) => { exactArgs(it, 'int.bit_length', a, k, 0); return it.newInt(intBitLength((s as PyInt).v)); },
    ...intMethods(it),
  };
  const float: Methods = {
    is_integer: (s, a, k) => { exactArgs(it, 'float.is_integer', a, k, 0); return it.newBool(Number.isInteger((s as PyFloat).v)); },
    ...floatMethods(it),
  };

  const object: Methods = {
    __init__: () => none(),
    __repr__: (s) => it.newStr(reprOfObject(it, s)),
    __str__: (s) => it.newStr(strOf(it, s)),
    __eq__: (s, a) => (s === a[0] ? it.newBool(true) : it.inc(it.NotImplemented)),
    __ne__: (s, a) => (s === a[0] ? it.newBool(false) : it.inc(it.NotImplemented)),
    __hash__: (s) => it.newInt(s.addr >> 4),
    __format__: (s, a) => {
      const spec = a[0] as PyStr;
      if (spec.v !== '') it.raise('TypeError', `unsupported format string passed to ${typeName(s)}.__format__`);
      return it.newStr(strOf(it, s));
    },
    __dir__: (s) => it.newList([...new Set(s.type.mro.flatMap((t) => (t.dict ? [...t.dict.map.keys()] : [])))].filter((x) => typeof x === 'string').sort().map((x) => it.newStr(x as string))),
  };
  const baseException: Methods = {
    __init__: (s, a, k) => {
      noKw(it, 'BaseException', k);
      const e = s as import('../objects').PyException;
      const old = e.args;
      e.args = it.newTuple(a.map((x) => it.inc(x)));
      it.xdec(old);
      return none();
    },
    with_traceback: (s, a) => it.inc(s),
  };
  const type: Methods = {
    mro: (s) => it.newList((s as PyType).mro.map((t) => it.inc(t))),
  };
  const property: Methods = {
    setter: (s, a) => { const p = s as PyDescriptorWrapper; return it.gcNew(() => new PyDescriptorWrapper(it.types.property, it.inc(p.func), it.inc(a[0]), p.fdel ? it.inc(p.fdel) : null), 80); },
    deleter: (s, a) => { const p = s as PyDescriptorWrapper; return it.gcNew(() => new PyDescriptorWrapper(it.types.property, it.inc(p.func), p.fset ? it.inc(p.fset) : null, it.inc(a[0])), 80); },
    getter: (s, a) => { const p = s as PyDescriptorWrapper; return it.gcNew(() => new PyDescriptorWrapper(it.types.property, it.inc(a[0]), p.fset ? it.inc(p.fset) : null, p.fdel ? it.inc(p.fdel) : null), 80); },
  };

  installMethods(it, it.types.list, list);
  installMethods(it, it.types.dict, dict);
  // mappingproxy methods call the mapping's own (mappingproxy_get/keys/values/items/copy).
  const proxied = (name: string) => (s: PyObject, a: PyObject[], k: string[] | null) =>
    callObject(it, it.types.dict.dict!.map.get(name)!.value, [(s as PyDictView).dict, ...a], k);
  installMethods(it, it.types.mappingproxy, {
    get: proxied('get'), keys: proxied('keys'), values: proxied('values'), items: proxied('items'), copy: proxied('copy'),
  });
  installClassMethods(it, it.types.dict, {
    fromkeys: (cls, a, k) => {
      // dict_fromkeys: d = cls(); then d[key] = value for each key.
      rangeArgs(it, 'fromkeys', a, k, 1, 2);
      if (cls !== it.types.dict) it.raise('TypeError', 'fromkeys() of a dict subclass is not supported by PyGC Lab');
      const keys = iterateToArray(it, a[0]);
      const value = a[1] ?? it.None;
      const d = it.newDict();
      for (const key of keys) dictSetItem(it, d, key, it.inc(value));
      return d;
    },
  });
  installMethods(it, it.types.set, setM);
  installMethods(it, it.types.frozenset, frozensetM);
  installMethods(it, it.types.generator, generatorMethods(it));
  installMethods(it, it.types.tuple, tuple);
  installMethods(it, it.types.int, int);
  installMethods(it, it.types.float, float);
  installMethods(it, it.types.object, object);
  installMethods(it, it.types.BaseException, baseException);
  installMethods(it, it.types.type, type);
  installMethods(it, it.types.property, property);
  installMethods(it, it.types.str, strMethods());
  const od = it.types.object.dict!;
  it.objectInit = od.map.get('__init__')!.value;
  it.objectRepr = od.map.get('__repr__')!.value;
  it.objectStr = od.map.get('__str__')!.value;
  it.objectEq = od.map.get('__eq__')!.value;
  it.objectNe = od.map.get('__ne__')!.value;
  it.objectHash = od.map.get('__hash__')!.value;
  it.objectFormat = od.map.get('__format__')!.value;
  it.baseExceptionInit = it.types.BaseException.dict!.map.get('__init__')!.value;
  it.listAppend = it.types.list.dict!.map.get('append')!.value;
  void lengthOf;
}

function reprOfObject(it: Interp, s: PyObject): string {
  const t = s.type;
  const mod = t.isHeap ? `${t.module}.` : '';
  return `<${mod}${t.qualname} object at 0x${s.addr.toString(16)}>`;
}
