// The constants of one compilation (a module, or one debugger input), made as
// CPython's compiler makes them (scripts/probes/const_merging.py):
//  - every constant of the syntax tree is one object, referenced by the AST
//    arena until the module has run (a folded tuple or frozenset holds its
//    items, which keep their own arena reference);
//  - a code object's co_consts holds each distinct constant once (u_consts,
//    keyed by _PyCode_ConstantKey: value and type, -0.0 apart from 0.0);
//  - 3.8+ (merge_consts_recursive over c_const_cache) merges equal constants
//    across all the code objects of the compilation, the items of tuples and
//    frozensets included: the first one registered wins, a tuple's items are
//    replaced in place, a frozenset is rebuilt from the merged items in its
//    iteration order. 3.7 and earlier share nothing between code objects.

import type * as A from '../../lang/ast';
import type { Interp } from '../interp';
import { PyObject, PySet, PyTuple } from '../objects';
import { setAddKey, setItems } from '../settable';
import { NotSupportedRuntime } from '../errors';
import { PyCode } from '../codeobj';
import type { Code } from './code';
import { foldedOperands } from './fold';

const IDENT = /^[A-Za-z0-9_]*$/;

/** The compiler's view: the index in `code`'s co_consts of a constant. */
export interface ConstFactory {
  /** `v` from the syntax tree (made = false), or a value the compiler builds from the tree's
   *  constants (made = true: 3.9+ list and set displays). */
  constIndex(code: Code, v: A.ConstValue, made?: boolean): number;
  /** A tuple of interned names (keyword names, `from m import a, b`). */
  namesIndex(code: Code, names: string[]): number;
  codeIndex(code: Code, child: Code): number;
  /** makecode: the code unit is complete (its co_consts tuple is made now). */
  finishCode?(code: Code): void;
}

/** _PyCode_ConstantKey as a string: equal keys are the same constant. */
function keyOf(v: A.ConstValue): string {
  switch (v.type) {
    case 'int': return 'i' + v.value;
    case 'float': return 'f' + (Object.is(v.value, -0) ? '-0' : String(v.value));
    case 'str': return 's' + v.value;
    case 'bytes': return 'b' + Array.from(v.value).join(',');
    case 'bool': return 'B' + v.value;
    case 'tuple': return 't(' + v.items.map(keyOf).join('|') + ')';
    case 'frozenset': return 'F(' + [...new Set(v.items.map(keyOf))].sort().join('|') + ')';
    default: return v.type;
  }
}

export class ConstPool implements ConstFactory {
  /** The object of each constant of the tree (one arena reference each). */
  private arena = new Map<A.ConstValue, PyObject>();
  /** The key of each constant object made here. */
  private keys = new Map<PyObject, string>();
  /** c_const_cache (3.8+): key → the merged object. */
  private cache = new Map<string, PyObject>();

  /** `folded` (≤3.6): a tree constant the peephole optimiser made, held by co_consts only. */
  constructor(private it: Interp, private merge: boolean, private trackTuples = false,
    private folded?: (v: A.ConstValue) => boolean, private foldsNested = false) {}

  constIndex(code: Code, v: A.ConstValue, made = false): number {
    if (this.foldsNested && (made || this.folded?.(v))) return this.slot(code, this.cfgObject(code, v));
    // ≤3.6's peephole optimiser appends.
    if (!made && this.folded?.(v) && !(v.type === 'tuple' && !v.items.length)) return this.peepholeIndex(code, v);
    return this.add(code, made ? this.build(v, false) : this.arenaObject(v), made);
  }

  /** 3.14 (foldsNested: constant folding in the CFG, gh-126835): the object a LOAD_CONST of `v`
   *  loads. Codegen emits a LOAD_CONST for every constant of the tree (_PyCompile_AddConst:
   *  merge_consts_recursive, a slot in u_consts); the CFG then folds them (fold_tuple_of_constants,
   *  optimize_lists_and_sets, folded operations) into a new object made of those co_consts entries,
   *  merged WITHOUT recursion (_PyCompile_ConstCacheMergeOne: an equal cached constant replaces it,
   *  a frozenset keeps the order PyFrozenSet_New gave it, it is not rebuilt); remove_unused_consts
   *  drops the operands' slots, except co_consts[0] ("may be docstring"), which 3.14's functions no
   *  longer reserve for None: the first operand stays if nothing came before it. */
  private cfgObject(code: Code, v: A.ConstValue): PyObject {
    const it = this.it;
    if (!this.folded?.(v) && v.type !== 'tuple' && v.type !== 'frozenset') {
      // A constant of the tree, as codegen added it.
      const own = this.arenaObject(v);
      if (code.consts.length === 0) return code.consts[this.add(code, own, false)];
      return this.merge ? this.merged(own) : own;
    }
    let o: PyObject;
    if (v.type === 'tuple') {
      o = it.constTuple(v.items.map((x) => it.inc(this.cfgObject(code, x))));
      o.rc--;
      this.keys.set(o, keyOf(v));
    } else if (v.type === 'frozenset') {
      o = this.frozenset(v.items.map((x) => it.inc(this.cfgObject(code, x))));
      o.rc--;
    } else {
      for (const x of foldedOperands.get(v) ?? []) this.cfgObject(code, x);
      o = this.build(v, false);
    }
    const key = this.keys.get(o)!;
    const got = this.cache.get(key);
    if (got) { this.release(o); return got; }
    this.cache.set(key, o);
    this.track(o);
    return o;
  }

  /** A co_consts slot for the constant object `c` (one per key). */
  private slot(code: Code, c: PyObject): number {
    const key = this.keys.get(c)!;
    let i = code.constKeys.get(key);
    if (i === undefined) {
      i = code.consts.length;
      code.consts.push(c);
      code.constKeys.set(key, i);
      c.rc++;
      this.track(c);
    }
    return i;
  }

  /** ≤3.6 peephole folding (fold_tuple_on_constants): each item was compiled as a LOAD_CONST first (its co_consts
   *  entry), and the peephole optimiser builds the tuple (or, for `in`/`for`, the frozenset)
   *  from those co_consts objects and appends it to co_consts without looking for an equal one
   *  (scenario lang_const_merging at 3.6). */
  private peepholeIndex(code: Code, v: A.ConstValue): number {
    const it = this.it;
    let o: PyObject;
    if (v.type === 'tuple' || v.type === 'frozenset') {
      const items = v.items.map((x) => it.inc(code.consts[this.constIndex(code, x)]));
      o = v.type === 'tuple' ? it.constTuple(items) : this.frozenset(items);
      this.keys.set(o, keyOf(v));
    } else {
      // fold_unaryops/binops_on_constants: a new object each time, appended as well.
      o = this.build(v, false);
      o.rc++;
    }
    const i = code.consts.length;
    code.consts.push(o);
    this.track(o);
    return i;
  }

  /** ≤3.6 (peephole folding): co_consts is a tuple the collector tracks (PyList_AsTuple in
   *  makecode, after the peephole optimiser made the folded constants), kept alive by the code
   *  object, which the collector does not track. So a folded constant that only co_consts and
   *  other tracked containers hold has no reference from outside a collection: move_unreachable
   *  reaches it through them, in list order, which decides what _PyTuple_MaybeUntrack sees
   *  (`((1, 2), 3)` stays tracked after the first collection in 3.6: the outer tuple is examined
   *  while the inner one is still tracked). 3.7+ keeps the parser's arena list as well, which
   *  the simulator, like the co_consts of those versions, counts as an outside reference. */
  finishCode(code: Code): void {
    if (!this.folded || this.foldsNested || !this.trackTuples || code.consts.length === 0) return;
    const t = this.it.constTuple(code.consts); // shares the array LOAD_CONST reads; rc 1: the code's
    this.it.heap.track(t);
  }

  namesIndex(code: Code, names: string[]): number {
    const items = names.map((n) => this.it.intern(n));
    for (const s of items) this.keys.set(s, keyOf({ type: 'str', value: s.v }));
    const t = this.it.constTuple(items);
    t.rc = 0;
    this.keys.set(t, keyOf({ type: 'tuple', items: names.map((n) => ({ type: 'str', value: n })) }));
    return this.add(code, t, true);
  }

  codeIndex(code: Code, child: Code): number {
    const o = new PyCode(this.it.types.code, child);
    o.addr = this.it.heap.rawAddress(160);
    o.rc = 0;
    const i = code.consts.length;
    code.consts.push(o);
    o.rc++;
    return i;
  }

  /** compiler_add_const: merge (3.8+), then one co_consts slot per key. `o` holds no reference
   *  of its own if `made` (dropped when an equal constant is used instead). */
  private add(code: Code, o: PyObject, made: boolean): number {
    const c = this.merge ? this.merged(o) : o;
    const i = this.slot(code, c);
    if (made && o.rc === 0) this.release(o);
    return i;
  }

  /** An object with no owner left (a made constant not stored): drop what it holds. */
  private release(o: PyObject): void {
    if (o.rc > 0) return;
    if (o instanceof PyTuple) for (const x of o.items) this.it.dec(x);
    else if (o instanceof PySet) for (const x of setItems(o)) this.it.dec(x);
  }

  /** merge_consts_recursive: the object equal constants are replaced by. */
  private merged(o: PyObject): PyObject {
    const key = this.keys.get(o)!;
    const got = this.cache.get(key);
    if (got) return got;
    this.cache.set(key, o);
    if (o instanceof PyTuple) {
      o.items.forEach((x, i) => {
        const u = this.merged(x);
        if (u !== x) { this.it.inc(u); o.items[i] = u; this.it.dec(x); }
      });
    } else if (o instanceof PySet) {
      const items = setItems(o);
      if (items.length === 0) return o;
      const fs = this.frozenset(items.map((x) => this.it.inc(this.merged(x))));
      fs.rc = 0;
      this.keys.set(fs, key);
      this.cache.set(key, fs);
      return fs;
    }
    return o;
  }

  /** The object of a tree constant, made once (an arena reference). */
  private arenaObject(v: A.ConstValue): PyObject {
    let o = this.arena.get(v);
    if (!o) { o = this.build(v, true); this.arena.set(v, o); this.track(o); }
    return o;
  }

  /** A constant tuple kept alive by co_consts or the arena is tracked by the collector where
   *  the version creates it tracked (until a collection untracks it). */
  private track(o: PyObject): void {
    if (this.trackTuples && o instanceof PyTuple && o.items.length && o.gcGen < 0) this.it.heap.track(o);
  }

  /** A new constant object: with the arena's reference, or none (made by the compiler). */
  private build(v: A.ConstValue, inArena: boolean): PyObject {
    const it = this.it;
    let o: PyObject;
    switch (v.type) {
      case 'int': o = it.newInt(v.value); break;
      case 'float': o = it.newFloat(v.value); break;
      case 'str': o = IDENT.test(v.value) || v.value.length <= 1 ? it.intern(v.value) : it.newStr(v.value); break;
      case 'bytes': o = it.newBytes(v.value); break;
      case 'bool': o = it.newBool(v.value); break;
      case 'None': o = it.newNone(); break;
      case 'Ellipsis': o = it.inc(it.Ellipsis); break;
      case 'complex': throw new NotSupportedRuntime('complex numbers', 0);
      case 'tuple': o = it.constTuple(v.items.map((x) => it.inc(this.arenaObject(x)))); break;
      case 'frozenset': {
        // PyFrozenSet_New of the items (the 3.9+ display's folded tuple is freed at once).
        o = this.frozenset(v.items.map((x) => it.inc(this.arenaObject(x))));
        if (!inArena) o.rc--;
        return o;
      }
    }
    if (!inArena) o.rc--;
    this.keys.set(o, keyOf(v));
    return o;
  }

  /** An untracked frozenset of `items` (stolen references), made before the scenario runs; its
   *  key is the set of its members' keys. */
  private frozenset(items: PyObject[]): PySet {
    const it = this.it;
    const fs = new PySet(it.types.frozenset);
    fs.bsize = 216; fs.addr = it.heap.rawAddress(fs.bsize);
    for (const x of items) setAddKey(it, fs, x);
    this.keys.set(fs, 'F(' + [...new Set(setItems(fs).map((x) => this.keys.get(x)!))].sort().join('|') + ')');
    return fs;
  }
}
