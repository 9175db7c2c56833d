// The builtin types (object, type, int, list, dict, function, the exception
// hierarchy …) and the rules that decide, for a type, whether its instances
// are GC containers, have a __dict__, or accept weak references.

import { PyDict, PyType } from './objects';

/** Builtin type table; names are the Python names (exceptions included by name). */
export class Types {
  readonly type: PyType;
  readonly object: PyType;
  readonly byName = new Map<string, PyType>();
  int!: PyType; bool!: PyType; float!: PyType; complex!: PyType; str!: PyType; bytes!: PyType;
  list!: PyType; tuple!: PyType; dict!: PyType; set!: PyType; frozenset!: PyType;
  NoneType!: PyType; NotImplementedType!: PyType; ellipsis!: PyType;
  function!: PyType; builtin_function_or_method!: PyType; method!: PyType; method_descriptor!: PyType; classmethod_descriptor!: PyType;
  dict_reversekeyiterator!: PyType; dict_reversevalueiterator!: PyType; dict_reverseitemiterator!: PyType;
  version_info!: PyType;
  cell!: PyType; module!: PyType; code!: PyType; weakref!: PyType; super!: PyType;
  range!: PyType; slice!: PyType; staticmethod!: PyType; classmethod!: PyType; property!: PyType;
  traceback!: PyType; frame!: PyType; mappingproxy!: PyType; getset_descriptor!: PyType; member_descriptor!: PyType;
  list_iterator!: PyType; tuple_iterator!: PyType; str_iterator!: PyType; range_iterator!: PyType;
  dict_keyiterator!: PyType; dict_valueiterator!: PyType; dict_itemiterator!: PyType; set_iterator!: PyType;
  iterator!: PyType; enumerate!: PyType; zip!: PyType; reversed!: PyType; map!: PyType; filter!: PyType; callable_iterator!: PyType;
  list_reverseiterator!: PyType; generator!: PyType;
  dict_keys!: PyType; dict_values!: PyType; dict_items!: PyType;
  BaseException!: PyType;

  constructor() {
    this.type = new PyType(null, 'type', 'type');
    this.type.type = this.type;
    this.object = new PyType(this.type, 'object', 'object');
    this.object.mro = [this.object];
    this.type.bases = [this.object];
    this.type.mro = [this.type, this.object];
    this.type.isGC = true;
    this.type.weakrefable = true;
    this.byName.set('type', this.type);
    this.byName.set('object', this.object);

    const mk = (name: string, gc: boolean, base: PyType = this.object, weak = false): PyType => {
      const t = new PyType(this.type, name, base === this.object ? name : base.builtinBase);
      t.bases = [base];
      t.mro = [t, ...base.mro];
      t.isGC = gc;
      t.weakrefable = weak;
      this.byName.set(name, t);
      return t;
    };
    this.int = mk('int', false);
    this.bool = mk('bool', false, this.int);
    this.float = mk('float', false);
    this.complex = mk('complex', false);
    this.str = mk('str', false);
    this.bytes = mk('bytes', false);
    this.list = mk('list', true);
    this.tuple = mk('tuple', true);
    this.dict = mk('dict', true);
    this.set = mk('set', true, this.object, true);
    this.frozenset = mk('frozenset', true, this.object, true);
    this.NoneType = mk('NoneType', false);
    this.NotImplementedType = mk('NotImplementedType', false);
    this.ellipsis = mk('ellipsis', false);
    this.function = mk('function', true, this.object, true);
    this.builtin_function_or_method = mk('builtin_function_or_method', true);
    this.method = mk('method', true, this.object, true);
    this.method_descriptor = mk('method_descriptor', true);
    this.cell = mk('cell', true);
    this.module = mk('module', true, this.object, true);
    this.code = mk('code', false, this.object, true);
    this.weakref = mk('weakref', true, this.object, false);
    this.super = mk('super', true);
    this.range = mk('range', false);
    this.slice = mk('slice', false);
    this.staticmethod = mk('staticmethod', true);
    this.classmethod = mk('classmethod', true);
    this.property = mk('property', true);
    this.traceback = mk('traceback', true);
    this.frame = mk('frame', true);
    this.generator = mk('generator', true, this.object, true);
    this.mappingproxy = mk('mappingproxy', true);
    this.getset_descriptor = mk('getset_descriptor', true);
    this.member_descriptor = mk('member_descriptor', true);
    this.list_iterator = mk('list_iterator', true);
    this.list_reverseiterator = mk('list_reverseiterator', true);
    this.tuple_iterator = mk('tuple_iterator', true);
    this.str_iterator = mk('str_ascii_iterator', true);
    this.range_iterator = mk('range_iterator', false);
    this.dict_keyiterator = mk('dict_keyiterator', true);
    this.dict_valueiterator = mk('dict_valueiterator', true);
    this.dict_itemiterator = mk('dict_itemiterator', true);
    this.set_iterator = mk('set_iterator', true);
    this.enumerate = mk('enumerate', true);
    this.zip = mk('zip', true);
    this.reversed = mk('reversed', true);
    this.map = mk('map', true);
    this.filter = mk('filter', true);
    this.callable_iterator = mk('callable_iterator', true);
    this.iterator = mk('iterator', true);
    this.dict_keys = mk('dict_keys', true);
    this.dict_values = mk('dict_values', true);
    this.dict_items = mk('dict_items', true);
    this.classmethod_descriptor = mk('classmethod_descriptor', true);
    this.dict_reversekeyiterator = mk('dict_reversekeyiterator', true);
    this.dict_reversevalueiterator = mk('dict_reversevalueiterator', true);
    this.dict_reverseitemiterator = mk('dict_reverseitemiterator', true);
    // sys.version_info's struct sequence type (untracked: gc.is_tracked(sys.version_info) is False in every version).
    this.version_info = mk('version_info', false, this.tuple);
    this.version_info.tpName = 'sys.version_info';
    this.version_info.structFields = ['major', 'minor', 'micro', 'releaselevel', 'serial'];

    // Exceptions: instances have a __dict__ and are GC containers.
    const exc = (name: string, base: PyType | null): PyType => {
      const t = mk(name, true, base ?? this.object, true);
      t.builtinBase = 'BaseException';
      t.hasInstDict = true;
      return t;
    };
    this.BaseException = exc('BaseException', null);
    const tree: [string, string][] = [
      ['SystemExit', 'BaseException'], ['KeyboardInterrupt', 'BaseException'], ['GeneratorExit', 'BaseException'],
      ['Exception', 'BaseException'], ['StopIteration', 'Exception'], ['ArithmeticError', 'Exception'],
      ['FloatingPointError', 'ArithmeticError'], ['OverflowError', 'ArithmeticError'], ['ZeroDivisionError', 'ArithmeticError'],
      ['AssertionError', 'Exception'], ['AttributeError', 'Exception'], ['BufferError', 'Exception'], ['EOFError', 'Exception'],
      ['ImportError', 'Exception'], ['ModuleNotFoundError', 'ImportError'], ['LookupError', 'Exception'],
      ['IndexError', 'LookupError'], ['KeyError', 'LookupError'], ['MemoryError', 'Exception'], ['NameError', 'Exception'],
      ['UnboundLocalError', 'NameError'], ['OSError', 'Exception'], ['ReferenceError', 'Exception'],
      ['RuntimeError', 'Exception'], ['NotImplementedError', 'RuntimeError'], ['RecursionError', 'RuntimeError'],
      ['SyntaxError', 'Exception'], ['IndentationError', 'SyntaxError'], ['TabError', 'IndentationError'],
      ['SystemError', 'Exception'], ['TypeError', 'Exception'], ['ValueError', 'Exception'], ['UnicodeError', 'ValueError'],
      ['Warning', 'Exception'], ['UserWarning', 'Warning'], ['DeprecationWarning', 'Warning'], ['RuntimeWarning', 'Warning'],
      ['ResourceWarning', 'Warning'],
    ];
    for (const [n, b] of tree) exc(n, this.byName.get(b)!);
    // Types without vectorcall in 3.11: calls build an argument tuple (_PyObject_MakeTpCall).
    for (const t of this.byName.values()) if (t.builtinBase === 'BaseException') t.tpCallTuple = true;
    for (const t of [this.str, this.property, this.staticmethod, this.classmethod, this.weakref]) t.tpCallTuple = true;
  }

  /** Apply version differences to the builtin types. */
  configure(strArgsTuple: boolean, immortal: number | null): void {
    this.str.tpCallTuple = strArgsTuple;
    if (immortal !== null) for (const t of this.byName.values()) t.rc = immortal;
  }

  get(name: string): PyType {
    const t = this.byName.get(name);
    if (!t) throw new Error(`internal: no builtin type ${name}`);
    return t;
  }
}

/** C3 linearisation of a new class's bases. Returns null when no consistent order exists. */
export function computeMro(t: PyType, bases: PyType[]): PyType[] | null {
  const seqs = bases.map((b) => [...b.mro]).concat([[...bases]]);
  const out: PyType[] = [t];
  for (;;) {
    const nonEmpty = seqs.filter((s) => s.length);
    if (!nonEmpty.length) return out;
    let cand: PyType | null = null;
    for (const s of nonEmpty) {
      const head = s[0];
      if (!nonEmpty.some((o) => o.indexOf(head) > 0)) { cand = head; break; }
    }
    if (!cand) return null;
    out.push(cand);
    for (const s of nonEmpty) if (s[0] === cand) s.shift();
  }
}

/** Find an attribute along the MRO (types' own dicts). */
export function mroLookup(t: PyType, name: string): import('./objects').PyObject | null {
  let cache = t.methodCache;
  if (cache === null || t.cacheEpoch !== typeEpoch) {
    cache = t.methodCache = new Map();
    t.cacheEpoch = typeEpoch;
  }
  const hit = cache.get(name);
  if (hit !== undefined) return hit;
  let found: import('./objects').PyObject | null = null;
  const mro = t.mro;
  for (let i = 0; i < mro.length; i++) {
    const d: PyDict | null = mro[i].dict;
    if (d) {
      const e = d.map.get(name);
      if (e) { found = e.value; break; }
    }
  }
  cache.set(name, found);
  return found;
}

/** __init__ and __del__ of a type, cached like mroLookup's results (hot: every instance). */
export function typeInit(t: PyType): import('./objects').PyObject | null {
  if (t.slotEpoch !== typeEpoch) fillSlots(t);
  return t.slotInit;
}
export function typeDel(t: PyType): import('./objects').PyObject | null {
  if (t.slotEpoch !== typeEpoch) fillSlots(t);
  return t.slotDel;
}
function fillSlots(t: PyType): void {
  t.slotInit = mroLookup(t, '__init__');
  t.slotDel = mroLookup(t, '__del__');
  t.slotEpoch = typeEpoch;
}

/** Bumped whenever a class namespace changes: every type's lookup cache is then stale
 *  (CPython's type attribute cache with its version tags). */
let typeEpoch = 0;
export function invalidateTypeCaches(): void { typeEpoch++; }
