// Attribute access (PyObject_GenericGetAttr / SetAttr and type_getattro):
// data descriptors, instance storage (inline values or a __dict__ object,
// per profile), methods bound on access, class attributes, modules, and the
// special attributes scenarios use (__dict__, __class__, __closure__ …).

import type { Interp } from './interp';
import {
  PyGenerator, PyBuiltin, PyCell, PyDescriptorWrapper, PyDict, PyDictView, PyFrameObj, PyException, PyFunction, PyInstance, PyMethod, PyModule, PyObject,
  PyStr, PyType, PyWeakref, PyTuple, PyTraceback, PySuper,
} from './objects';
import { mroLookup, invalidateTypeCaches } from './types';
import { callObject } from './vm/call';
import { frameObjectOf } from './vm/frameobj';
import { NotSupportedRuntime } from './errors';
import { GEN_REFUSED } from './vm/generator';
import { typeName } from './repr';
import { dictSetStr } from './builtins/dictops';
import { materializeDict, instanceGet, instanceSet, instanceDel } from './instances';
import { propertyNoAccessor } from './builtins/messages';
import { numberAttr, numberAttrReadOnly } from './builtins/numbers';
import { shortTypeName, staticTypeModule } from './typenames';

function isDataDescriptor(it: Interp, d: PyObject): boolean {
  return d instanceof PyDescriptorWrapper && d.type === it.types.property;
}

/** Bind a class attribute found on the MRO to an instance (descriptor __get__). */
function bind(it: Interp, descr: PyObject, o: PyObject, owner: PyType): PyObject {
  if (descr instanceof PyFunction) return it.gcNew(() => new PyMethod(it.types.method, it.inc(descr), it.inc(o)), 64, true, 'method');
  if (descr instanceof PyBuiltin && descr.methodOf) {
    const b = it.newBuiltin(descr.name, descr.impl, o, descr.qualname);
    b.varargs = descr.varargs;
    return b;
  }
  if (descr instanceof PyBuiltin && descr.classMethodOf) return it.newBuiltin(descr.name, descr.impl, owner, descr.qualname);
  if (descr instanceof PyDescriptorWrapper) {
    if (descr.type === it.types.staticmethod) return it.inc(descr.func);
    if (descr.type === it.types.classmethod) return it.gcNew(() => new PyMethod(it.types.method, it.inc(descr.func), it.inc(owner)), 64, true, 'method');
  }
  return it.inc(descr);
}

function attrError(it: Interp, o: PyObject, name: string): never {
  if (it.profile.version[0] === 2) {
    // 2.7's wordings: classic instances and classes, and modules without their name.
    if (o instanceof PyType && o.classic) it.raise('AttributeError', `class ${o.name} has no attribute '${name}'`);
    if (o.type.classic) it.raise('AttributeError', `${o.type.name} instance has no attribute '${name}'`);
    if (o instanceof PyModule) it.raise('AttributeError', `'module' object has no attribute '${name}'`);
  }
  if (o instanceof PyType) it.raise('AttributeError', `type object '${o.name}' has no attribute '${name}'`);
  if (o instanceof PyModule) it.raise('AttributeError', `module '${o.name}' has no attribute '${name}'`);
  it.raise('AttributeError', `'${typeName(o)}' object has no attribute '${name}'`);
}

/** getattr(o, name) as a new reference. */
export function getAttr(it: Interp, o: PyObject, name: string): PyObject {
  const r = getAttrOrNull(it, o, name);
  if (r !== null) return r;
  if (o instanceof PyInstance) {
    const ga = mroLookup(o.type, '__getattr__');
    if (ga) {
      const n = it.newStr(name);
      try { return callObject(it, ga, [o, n], null); } finally { it.dec(n); }
    }
  }
  attrError(it, o, name);
}

/** getattr returning null instead of raising AttributeError (for hasattr/getattr default). */
export function getAttrOrNull(it: Interp, o: PyObject, name: string): PyObject | null {
  if (o instanceof PyType) return typeGetAttr(it, o, name);
  if (o instanceof PySuper) {
    const start = o.obj instanceof PyType ? o.obj : o.obj.type;
    const mro = start.mro;
    for (let i = mro.indexOf(o.thisType) + 1; i < mro.length; i++) {
      const d = mro[i].dict;
      const e = d ? d.map.get(name) : undefined;
      if (e) {
        const v = e.value;
        if (o.obj instanceof PyType) {
          if (v instanceof PyDescriptorWrapper && v.type === it.types.classmethod) return it.gcNew(() => new PyMethod(it.types.method, it.inc(v.func), it.inc(o.obj)), 64, true, 'method');
          return it.inc(v);
        }
        return bind(it, v, o.obj, start);
      }
    }
    if (name === '__class__') return it.inc(o.type);
    return null;
  }
  if (o instanceof PyModule) {
    const e = o.dict.map.get(name);
    if (e) return it.inc(e.value);
    if (name === '__dict__') return it.inc(o.dict);
    if (name === '__name__') return it.newStr(o.name);
    return null;
  }
  const type = o.type;
  // A struct sequence's fields (member descriptors in CPython).
  if (type.structFields && o instanceof PyTuple) {
    const i = type.structFields.indexOf(name);
    if (i >= 0) return it.inc(o.items[i]);
  }
  const descr = mroLookup(type, name);
  if (descr && isDataDescriptor(it, descr)) {
    const g = (descr as PyDescriptorWrapper).func;
    if (g === it.None) it.raise('AttributeError', `property '${name}' of '${type.name}' object has no getter`);
    return callObject(it, g, [o], null);
  }
  if (o instanceof PyInstance) {
    if (name === '__dict__' && type.hasInstDict) return it.inc(materializeDict(it, o));
    if (name === '__class__') return it.inc(type);
    if (type.slotNames) {
      const si = slotIndex(o, name);
      if (si >= 0) {
        const v = o.slots![si];
        if (v === null) return null;
        return it.inc(v);
      }
    }
    const v = instanceGet(o, name);
    if (v !== undefined) return it.inc(v);
    if (o instanceof PyException) {
      if (name === 'args') return it.inc(o.args ?? it.emptyTuple);
      // 2.7 exceptions have no __traceback__ (the traceback is in sys.exc_info()).
      if (name === '__traceback__' && it.profile.version[0] !== 2) return it.inc(o.traceback ?? it.None);
      if (name === '__context__') return it.inc(o.context ?? it.None);
      if (name === '__cause__') return it.inc(o.cause ?? it.None);
      if (name === '__suppress_context__') return it.newBool(o.suppressContext);
    }
    if (name === '__weakref__' && type.weakrefable) {
      return it.inc(o.weakrefs && o.weakrefs.length ? o.weakrefs[0] : it.None);
    }
  }
  if (descr) return bind(it, descr, o, type);
  return specialAttr(it, o, name);
}

function slotIndex(o: PyInstance, name: string): number {
  const names = o.type.slotNames!;
  return names.indexOf(name);
}

function specialAttr(it: Interp, o: PyObject, name: string): PyObject | null {
  if (name === '__class__') return it.inc(o.type);
  if (o instanceof PyFunction) {
    switch (name) {
      case '__name__': return it.newStr(o.name);
      case '__qualname__': return it.newStr(o.qualname);
      case '__closure__': return it.inc(o.closure ?? it.None);
      case '__defaults__': return it.inc(o.defaults ?? it.None);
      case '__kwdefaults__': return it.inc(o.kwdefaults ?? it.None);
      case '__globals__': return it.inc(o.globals);
      case '__module__': { const e = o.globals.map.get('__name__'); return it.inc(e ? e.value : it.None); }
      case '__doc__': return it.newNone();
      case '__dict__': if (!o.dict) o.dict = it.newDict(); return it.inc(o.dict);
    }
    if (o.dict) { const e = o.dict.map.get(name); if (e) return it.inc(e.value); }
    return null;
  }
  if (o instanceof PyCell && name === 'cell_contents') {
    if (o.ref === null) it.raise('ValueError', 'Cell is empty');
    return it.inc(o.ref);
  }
  if (o instanceof PyMethod) {
    if (name === '__self__') return it.inc(o.self);
    if (name === '__func__') return it.inc(o.func);
    return getAttrOrNull(it, o.func, name);
  }
  if (o instanceof PyBuiltin) {
    if (name === '__name__') return it.newStr(o.name);
    if (name === '__qualname__') return it.newStr(o.qualname);
    if (name === '__self__') return it.inc(o.self ?? it.None);
  }
  if (o instanceof PyWeakref && name === '__callback__') return it.inc(o.callback ?? it.None);
  if (o instanceof PyTraceback) {
    if (name === 'tb_lineno') return it.newInt(o.lineno);
    if (name === 'tb_next') return it.inc(o.next ?? it.None);
    if (name === 'tb_frame') return it.inc(o.frameObj ?? it.None);
  }
  if (o instanceof PyFrameObj) {
    const f = o.frame;
    if (name === 'f_lineno') return it.newInt(f.lineno);
    if (name === 'f_globals') return it.inc(f.globals);
    if (name === 'f_back') {
      if (o.owned || !f.back) return it.inc(o.back ?? it.None);
      const b = frameObjectOf(it, f.back);
      return it.inc(b);
    }
    if (name === 'f_locals' || name === 'f_code' || name === 'f_builtins' || name === 'f_trace' || name === 'clear') {
      throw new NotSupportedRuntime(`frame.${name}`, it.frame ? it.frame.lineno : 0);
    }
  }
  if (o instanceof PyGenerator && GEN_REFUSED.has(name)) {
    throw new NotSupportedRuntime(`generator.${name}`, it.frame ? it.frame.lineno : 0);
  }
  if (o instanceof PyDict && name === '__class__') return it.inc(o.type);
  return numberAttr(it, o, name);
}

function typeGetAttr(it: Interp, t: PyType, name: string): PyObject | null {
  switch (name) {
    case '__name__': return it.newStr(shortTypeName(t));
    case '__qualname__': return it.newStr(t.isHeap ? t.qualname : shortTypeName(t));
    case '__mro__': return it.newTuple(t.mro.map((x) => it.inc(x)));
    case '__bases__': return it.newTuple(t.bases.map((x) => it.inc(x)));
    case '__base__': return it.inc(t.bases[0] ?? it.None);
    // A new read-only mappingproxy over the class namespace at each access (type_dict).
    case '__dict__': { const d = t.dict ? it.inc(t.dict) : it.rawDict(); return it.gcNew(() => new PyDictView(it.types.mappingproxy, d, 'proxy'), 32); }
    case '__class__': return it.inc(t.type);
    case '__module__': if (!t.isHeap) return it.newStr(staticTypeModule(t, it.profile)); break;
    case '__doc__': if (!t.dict || !t.dict.map.has('__doc__')) return it.newNone(); break;
  }
  const v = mroLookup(t, name);
  if (v !== null) {
    if (v instanceof PyDescriptorWrapper) {
      if (v.type === it.types.staticmethod) return it.inc(v.func);
      if (v.type === it.types.classmethod) return it.gcNew(() => new PyMethod(it.types.method, it.inc(v.func), it.inc(t)), 64, true, 'method');
    }
    if (v instanceof PyBuiltin && v.classMethodOf) return it.newBuiltin(v.name, v.impl, t, v.qualname);
    // 2.7: a function read from a class is an unbound method (func_descr_get with obj NULL).
    if (v instanceof PyFunction && it.profile.version[0] === 2) {
      return it.gcNew(() => { const m = new PyMethod(it.types.method, it.inc(v), it.inc(t)); m.unbound = true; return m; }, 64, true, 'method');
    }
    return it.inc(v);
  }
  // Attributes of the metatype (type.mro …).
  const m = mroLookup(t.type, name);
  if (m) return bind(it, m, t, t.type);
  return null;
}

/** o.name = v; steals v. */
export function setAttr(it: Interp, o: PyObject, name: string, v: PyObject): void {
  if (o instanceof PyInstance) {
    const type = o.type;
    const descr = mroLookup(type, name);
    if (descr && isDataDescriptor(it, descr)) {
      const s = (descr as PyDescriptorWrapper).fset;
      if (!s || s === it.None) { it.dec(v); it.raise('AttributeError', propertyNoAccessor(it.profile, name, type.name, false)); }
      const r = callObject(it, s, [o, v], null);
      it.dec(r); it.dec(v);
      return;
    }
    if (type.slotNames) {
      const si = slotIndex(o, name);
      if (si >= 0) { const old = o.slots![si]; o.slots![si] = v; it.xdec(old); return; }
    }
    if (name === '__class__') { it.dec(v); it.raise('TypeError', 'assigning __class__ is not supported by PyGC Lab'); }
    if (!type.hasInstDict) {
      it.dec(v);
      if (it.profile.slotsAttrErrorSuffix) it.raise('AttributeError', `'${typeName(o)}' object has no attribute '${name}' and no __dict__ for setting new attributes`);
      attrError(it, o, name);
    }
    instanceSet(it, o, name, v);
    return;
  }
  if (o instanceof PyType) {
    if (!o.isHeap) { it.dec(v); it.raise('TypeError', `cannot set '${name}' attribute of immutable type '${o.name}'`); }
    invalidateTypeCaches();
    dictSetStr(it, o.dict!, name, v);
    return;
  }
  if (o instanceof PyFunction) {
    if (!o.dict) o.dict = it.newDict();
    dictSetStr(it, o.dict, name, v);
    return;
  }
  if (o instanceof PyModule) { dictSetStr(it, o.dict, name, v); return; }
  it.dec(v);
  const ro = numberAttrReadOnly(o, name);
  if (ro) it.raise('AttributeError', ro);
  const has = mroLookup(o.type, name) !== null;
  if (has) it.raise('AttributeError', `'${typeName(o)}' object attribute '${name}' is read-only`);
  const suffix = it.profile.slotsAttrErrorSuffix ? ' and no __dict__ for setting new attributes' : '';
  it.raise('AttributeError', `'${typeName(o)}' object has no attribute '${name}'${suffix}`);
}

export function delAttr(it: Interp, o: PyObject, name: string): void {
  if (o instanceof PyInstance) {
    const descr = mroLookup(o.type, name);
    if (descr && isDataDescriptor(it, descr)) {
      const d = (descr as PyDescriptorWrapper).fdel;
      if (!d || d === it.None) it.raise('AttributeError', propertyNoAccessor(it.profile, name, o.type.name, true));
      const r = callObject(it, d, [o], null);
      it.dec(r);
      return;
    }
    if (o.type.slotNames) {
      const si = slotIndex(o, name);
      if (si >= 0) {
        const old = o.slots![si];
        if (old === null) attrError(it, o, name);
        o.slots![si] = null;
        it.dec(old);
        return;
      }
    }
    if (!instanceDel(it, o, name)) attrError(it, o, name);
    return;
  }
  if (o instanceof PyType || o instanceof PyModule || o instanceof PyFunction) {
    const d = o instanceof PyFunction ? o.dict : o.dict;
    const e = d ? d.map.get(name) : undefined;
    if (!d || !e) attrError(it, o, name);
    if (o instanceof PyType) invalidateTypeCaches();
    d.map.delete(name);
    it.dec(e.key);
    it.dec(e.value);
    return;
  }
  attrError(it, o, name);
}

/**
 * LOAD_METHOD: push (function, self) when the attribute is a plain method
 * found on the type (no bound-method object is allocated), else (attr, null).
 * Consumes the reference to `o`.
 */
export function loadMethod(it: Interp, o: PyObject, name: string, stack: (PyObject | null)[]): void {
  if (!it.profile.bindsMethods && !(o instanceof PyType) && !(o instanceof PyModule) && !(o instanceof PySuper)) {
    const descr = mroLookup(o.type, name);
    if (descr && (descr instanceof PyFunction || (descr instanceof PyBuiltin && descr.methodOf))) {
      const shadow = o instanceof PyInstance ? instanceGet(o, name) : undefined;
      if (shadow === undefined) {
        stack.push(it.inc(descr), o);
        return;
      }
    }
  }
  try {
    stack.push(getAttr(it, o, name), null);
  } finally { it.dec(o); }
}

export type { PyDict, PyStr, PyTuple };
