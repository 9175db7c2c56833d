// sys.getsizeof as CPython computes it, per profile: the object's __sizeof__
// (tp_basicsize + tp_itemsize * size, or the type's own __sizeof__) plus the
// GC header (and from 3.11 the managed dict/weakref pre-header) of GC objects.
// Lists keep list_resize's `allocated` and dicts their keys table (size, used
// entries, 3.11+ str-only kind) here, updated by the helpers below at every
// site that changes them; what is not modelled exactly is refused
// (NotSupportedRuntime), never estimated. Sizes are those of 64-bit builds.

import type { Interp } from './interp';
import type { Profile } from './profile';
import {
  PyBool, PyBuiltin, PyBytes, PyDict, PyDictView, PyFloat, PyFunction, PyInstance, PyInt, PyIterator, PyList,
  PyMethod, PyNone, PyObject, PyRange, PySet, PyStr, PyTuple, PyEllipsis, PyNotImplemented, PyException,
} from './objects';
import { NotSupportedRuntime } from './errors';
import { Py2DictMap } from './py2/dictorder';
import { rangeLen } from './ops';

const minor = (p: Profile): number => (p.version[0] === 2 ? 0 : p.version[1]);
const py2 = (p: Profile): boolean => p.version[0] === 2;
const atLeast = (p: Profile, m: number): boolean => !py2(p) && p.version[1] >= m;

function refuse(it: Interp, what: string): never {
  throw new NotSupportedRuntime(`sys.getsizeof() of ${what}`, it.frame ? it.frame.lineno : 0);
}

/** sizeof(PyGC_Head): a union padded to long double (32 bytes) up to 3.7, two words from 3.8. */
function gcHead(p: Profile): number { return py2(p) || minor(p) <= 7 ? 32 : 16; }

// ---- lists: list_resize ------------------------------------------------------------

/** list_resize(l, newsize) while Py_SIZE(l) is `cur`. */
function listResize(p: Profile, l: PyList, newsize: number, cur: number): void {
  const allocated = l.allocated;
  if (allocated >= newsize && newsize >= (allocated >> 1)) return;
  let na: number;
  if (py2(p) || minor(p) <= 8) na = newsize + (newsize >> 3) + (newsize < 9 ? 3 : 6);
  else {
    na = (newsize + (newsize >> 3) + 6) & ~3;
    if (newsize - cur > na - newsize) na = (newsize + 3) & ~3;
  }
  if (newsize === 0) na = 0;
  l.allocated = na;
  l.itemsNull = false; // realloc(p, 0) keeps a block
}

/** A list made by PyList_New(n) (or list_new_prealloc(n)) with its n items: BUILD_LIST, slices,
 *  +, *, copy(). Lists made elsewhere stay unknown (-1) until cleared. */
export function listExact<T extends PyList>(l: T): T {
  l.allocated = l.items.length; l.sizeSeen = l.items.length; l.itemsNull = l.items.length === 0;
  return l;
}

/** PySequence_List(src) (sorted()): a new empty list extended by src, after its items were filled in. */
export function listFromSequence(it: Interp, l: PyList, src: PyObject): void {
  l.allocated = 0; l.itemsNull = true; l.sizeSeen = 0;
  listExtended(it, l, src, 0, l.items.length);
}

/** Whether the helpers saw every change of l's length (else its allocation is unknown). */
function listInSync(l: PyList): boolean { return l.allocated >= 0 && l.sizeSeen === l.items.length; }

/** list_preallocate_exact (3.8+): exactly n slots, rounded up to even from 3.10. */
function preallocExact(p: Profile, l: PyList, n: number): void {
  l.allocated = minor(p) >= 10 ? (n + 1) & ~1 : n;
  l.itemsNull = false;
}

/** l grew or shrank by one list_resize (append, insert, pop, del l[i], slice assignment …):
 *  call after the items changed. `emptyClears`: list_ass_slice empties through _list_clear. */
export function listResized(it: Interp, l: PyList, emptyClears = false): void {
  if (!followed(l)) return;
  const n = l.items.length;
  if (n === 0 && emptyClears) { listCleared(l); return; }
  listResize(it.profile, l, n, l.sizeSeen);
  l.sizeSeen = n;
}
/** Whether the list's allocation is followed at all. */
function followed(l: PyList): boolean { return l.allocated >= 0; }

/** list.pop(): the last item goes by list_resize(n - 1) (3.12+: the list emptied is cleared, measured);
 *  another one by list_ass_slice. */
export function listPopped(it: Interp, l: PyList, wasLast: boolean): void {
  if (l.items.length === 0 && atLeast(it.profile, 12)) { listCleared(l); return; }
  listResized(it, l, !wasLast);
}

/** _list_clear: no item array at all. */
export function listCleared(l: PyList): void {
  l.allocated = 0; l.itemsNull = true; l.sizeSeen = l.items.length;
}

/** A list whose allocation this module does not follow: getsizeof refuses it. */
export function listUnknown(l: PyList): void { l.allocated = -1; }

/** PyObject_LengthHint(o, 8), or null when the engine does not know it exactly. */
function lengthHint(it: Interp, o: PyObject): number | null {
  const n = knownLen(it, o);
  if (n !== null) return n;
  if (o instanceof PyIterator && (o.kind === 'map' || o.kind === 'filter' || o.kind === 'zip'
    || o.kind === 'enumerate' || o.kind === 'callable' || o.kind === 'calliter')) return 8;
  return null;
}

/** len(o) for the builtin sized types (PyObject_HasLen), else null. */
function knownLen(it: Interp, o: PyObject): number | null {
  if (o instanceof PyList || o instanceof PyTuple) return o.items.length;
  if (o instanceof PyStr && o.type === it.types.str) return o.v.length;
  if (o instanceof PyBytes) return o.v.length;
  if (o instanceof PyDict) return o.map.size;
  if (o instanceof PySet) return o.used;
  if (o instanceof PyRange) return rangeLen(o);
  if (o instanceof PyDictView) return o.dict.map.size;
  return null;
}

/** list_extend(l, src) after `added` items were appended to a list of length m. */
export function listExtended(it: Interp, l: PyList, src: PyObject, m: number, added: number): void {
  if (!followed(l) || l.sizeSeen !== m) { listUnknown(l); return; }
  const p = it.profile;
  if (src instanceof PyList || src instanceof PyTuple) {
    if (added > 0) {
      if (atLeast(p, 10) && l.itemsNull) preallocExact(p, l, added);
      else listResize(p, l, m + added, m);
    }
    l.sizeSeen = l.items.length;
    return;
  }
  // 3.13: sets, dicts and dict views have fast paths that resize once to m + n.
  if (atLeast(p, 13) && (src instanceof PySet || src instanceof PyDict || src instanceof PyDictView)) {
    listResize(p, l, m + added, m);
    l.sizeSeen = l.items.length;
    return;
  }
  const hint = lengthHint(it, src);
  if (hint === null) { listUnknown(l); return; }
  // Room for the guessed size: exactly, from 3.10, into a list without an item array.
  if (atLeast(p, 10) && l.itemsNull) { if (hint) preallocExact(p, l, hint); }
  else listResize(p, l, m + hint, m);
  let size = m;
  for (let i = 0; i < added; i++) {
    if (size >= l.allocated) listResize(p, l, size + 1, size);
    size++;
  }
  if (size < l.allocated) listResize(p, l, size, size);
  l.sizeSeen = l.items.length;
}

/** list(src) (list___init__ of a new list), after its items were filled in. */
export function listInitialised(it: Interp, l: PyList, src: PyObject): void {
  const n = l.items.length;
  l.allocated = 0; l.itemsNull = true; l.sizeSeen = 0;
  // 3.8–3.12 list___init__ preallocates len(src); 3.13 leaves it to list_extend.
  if (atLeast(it.profile, 8) && minor(it.profile) <= 12) {
    const len = knownLen(it, src);
    if (len !== null && len > 0) preallocExact(it.profile, l, len);
  }
  listExtended(it, l, src, 0, n);
}

/** l *= n on a list of length m (list_inplace_repeat). */
export function listRepeated(it: Interp, l: PyList, m: number, n: number): void {
  if (!followed(l) || l.sizeSeen !== m) { listUnknown(l); return; }
  if (n < 1) { listCleared(l); return; }
  if (m === 0 || n === 1) return;
  listResize(it.profile, l, m * n, m);
  l.sizeSeen = l.items.length;
}

// ---- dicts: the keys table -----------------------------------------------------------

const USABLE = (n: number): number => Math.floor((n << 1) / 3);
const ESTIMATE = (n: number): number => (n * 3 + 1) >> 1;

/** 3.11+ calculate_log2_keysize, as a size. */
function keysizeFrom(minsize: number): number {
  const m = (minsize | 8) - 1;
  return 2 ** Math.max(1, (m | 7).toString(2).length);
}

function dictResize(p: Profile, d: PyDict, minsize: number, used: number): void {
  if (atLeast(p, 11)) d.dk = keysizeFrom(minsize);
  else { let n = 8; while (n < minsize) n <<= 1; d.dk = n; }
  d.dkEntries = used;
}

/** A dict as PyDict_New (or a display of n items, _PyDict_NewPresized) makes it; `strKeys`: every key
 *  of the display is an exact str (3.11+ _PyDict_FromItems picks a str-only table). `viaType`: dict(). */
export function dictCreated(it: Interp, d: PyDict, n = 0, strKeys = false, viaType = false): void {
  const p = it.profile;
  d.dkLen = 0; d.dkEntries = 0; d.dkUnicode = false;
  if (py2(p)) {
    d.dk = 8;
    if (n > 5 && d.map instanceof Py2DictMap) d.map.presize(n);
    return;
  }
  const m = minor(p);
  if (n > 5) {
    if (m >= 11) { d.dk = keysizeFrom(ESTIMATE(n)); d.dkUnicode = strKeys; }
    else { let s = 16; while (s < ESTIMATE(n)) s <<= 1; d.dk = s; }
    return;
  }
  // PyDict_New: its own 8-slot table up to 3.7 (and dict() in 3.8/3.9), the shared empty keys after.
  d.dk = m <= 7 || (viaType && m <= 9) ? 8 : 0;
}

/** A dict whose keys table this module does not follow: getsizeof refuses it. */
export function dictUnknown(d: PyDict): void { d.dk = -1; }

/** insertdict of a new key (after the engine stored it). */
export function dictInserted(it: Interp, d: PyDict, key: PyObject): void {
  if (d.dk < 0) return;
  const p = it.profile;
  const used = d.map.size - 1;
  if (d.dkLen !== used) { d.dk = -1; return; }
  d.dkLen = d.map.size;
  if (py2(p)) return;
  const isStr = key instanceof PyStr && key.type === it.types.str;
  if (d.dk === 0) { d.dk = 8; d.dkEntries = 0; d.dkUnicode = atLeast(p, 11) && isStr; }
  else if (d.dkUnicode && !isStr) { dictResize(p, d, used * 3, used); d.dkUnicode = false; }
  if (USABLE(d.dk) - d.dkEntries <= 0) {
    dictResize(p, d, minor(p) === 6 ? used * 2 + (d.dk >> 1) : used * 3, used);
  }
  d.dkEntries++;
}

/** A key was deleted (entries are not reclaimed: the table never shrinks here). */
export function dictDeleted(d: PyDict): void {
  if (d.dk < 0) return;
  if (d.dkLen !== d.map.size + 1) { d.dk = -1; return; }
  d.dkLen = d.map.size;
}

/** d = src.copy() (PyDict_Copy), after the engine filled d: an empty source gives PyDict_New();
 *  from 3.7 a dense combined table is cloned (same size and entries); else not followed. */
export function dictCopied(it: Interp, src: PyDict, d: PyDict): void {
  const p = it.profile;
  if (src.dk < 0 || src.dkLen !== src.map.size || py2(p)) { d.dk = -1; return; }
  if (src.map.size === 0) { dictCreated(it, d); return; }
  if (minor(p) >= 7 && src.dk > 0 && src.map.size >= Math.floor((src.dkEntries * 2) / 3)) {
    d.dk = src.dk; d.dkEntries = src.dkEntries; d.dkUnicode = src.dkUnicode; d.dkLen = d.map.size;
    return;
  }
  d.dk = -1;
}

/** dict.clear(): the shared empty keys (2.7: a fresh 8-slot table). */
export function dictCleared(it: Interp, d: PyDict): void {
  if (d.dk < 0) return;
  d.dk = py2(it.profile) ? 8 : 0; d.dkEntries = 0; d.dkLen = 0;
}

function dictSize(it: Interp, d: PyDict): number {
  const p = it.profile;
  if (d.dk < 0 || d.dkLen !== d.map.size || d.type !== it.types.dict) {
    refuse(it, 'a dict whose keys table PyGC Lab does not follow (made by copy(), dict(x), update(), an instance or namespace dict …)');
  }
  if (py2(p)) {
    if (!(d.map instanceof Py2DictMap)) refuse(it, 'a dict');
    const slots = d.map.tableState().mask + 1;
    return 248 + gcHead(p) + (slots > 8 ? slots * 24 : 0);
  }
  let res = 48 + gcHead(p);
  if (d.dk > 0) {
    const ix = d.dk <= 0xff ? 1 : d.dk <= 0xffff ? 2 : 4;
    if (atLeast(p, 11)) res += 32 + ix * d.dk + (d.dkUnicode ? 16 : 24) * USABLE(d.dk);
    else res += 40 + ix * d.dk + 24 * USABLE(d.dk);
  }
  return res;
}

// ---- getsizeof -----------------------------------------------------------------------

/** Number of 30-bit digits of |v|. */
function digits(v: number | bigint): number {
  let x = typeof v === 'bigint' ? (v < 0n ? -v : v) : BigInt(Math.abs(v));
  let n = 0;
  while (x > 0n) { x >>= 30n; n++; }
  return n;
}

function intSize(p: Profile, o: PyInt): number {
  const n = digits(o.v);
  if (py2(p)) {
    const v = typeof o.v === 'bigint' ? o.v : BigInt(o.v);
    if (o instanceof PyBool || (v >= -(2n ** 63n) && v < 2n ** 63n)) return 24; // PyIntObject
    return 24 + 4 * n; // long
  }
  // int___sizeof__: offsetof(ob_digit) + digits * 4; zero counts one digit from 3.11.
  return 24 + 4 * (minor(p) >= 11 ? Math.max(n, 1) : n);
}

/** The instance layout of a class without a builtin base (object subclasses). */
function instanceSize(it: Interp, o: PyInstance): number {
  const p = it.profile;
  const t = o.type;
  if (o instanceof PyException || t.builtinBase !== 'object' || t.classic || !t.isHeap) refuse(it, `an instance of '${t.name}'`);
  for (const c of t.mro) {
    if (c.isHeap && c.bases.length > 1) refuse(it, `an instance of '${t.name}' (a class with several bases)`);
    const decl = c.dict?.map.get('__slots__')?.value;
    const names = decl instanceof PyStr ? [decl] : decl instanceof PyTuple || decl instanceof PyList ? decl.items : [];
    for (const n of names) {
      if (n instanceof PyStr && (n.v === '__dict__' || n.v === '__weakref__')) refuse(it, `an instance of a class with '${n.v}' in __slots__`);
    }
  }
  // slotNames holds the inherited slots too.
  let basic = 16 + 8 * (t.slotNames ? t.slotNames.length : 0);
  let pre = gcHead(p);
  const m = minor(p);
  if (t.hasInstDict) { if (m >= 11) pre += 16; else basic += 8; }
  if (t.weakrefable) { if (m >= 12) { if (!t.hasInstDict) pre += 16; } else basic += 8; }
  // Heap types are always GC from 3.8; before, only those with something to traverse.
  if (!t.isGC && (py2(p) || m <= 7)) pre = 0;
  return basic + pre;
}

/** sys.getsizeof(o) for the profile, or NotSupportedRuntime. */
export function getSizeOf(it: Interp, o: PyObject): number {
  const p = it.profile;
  // The only CPython 3.14 here is pyodide's 32-bit build: 64-bit 3.14 sizes cannot be checked.
  if (p.version[0] === 3 && p.version[1] >= 14) refuse(it, 'anything under the 3.14 profile (no 64-bit CPython 3.14 to check its sizes against)');
  const m = minor(p);
  const gc = gcHead(p);
  if (o instanceof PyNone || o instanceof PyEllipsis || o instanceof PyNotImplemented) return 16;
  if (o instanceof PyInt) {
    if (o.type !== it.types.int && !(o instanceof PyBool)) refuse(it, `an instance of '${o.type.name}'`);
    return intSize(p, o);
  }
  if (o instanceof PyFloat && o.type === it.types.float) return 24;
  if (o instanceof PyStr) {
    if (o.type !== it.types.str) refuse(it, `an instance of '${o.type.name}'`);
    // eslint-disable-next-line no-control-regex
    if (!/^[\x00-\x7f]*$/.test(o.v)) refuse(it, 'a non-ASCII str');
    // 2.7: a byte string (PyStringObject, 37 bytes and one per character; unicode literals are refused: py2check.ts).
    if (py2(p)) return 37 + o.v.length;
    return (m >= 12 ? 40 : 48) + o.v.length + 1;
  }
  if (o instanceof PyBytes) return py2(p) ? 37 + o.v.length : 33 + o.v.length;
  if (o instanceof PyTuple) {
    if (o.type !== it.types.tuple) refuse(it, `an instance of '${o.type.name}'`);
    return 24 + 8 * o.items.length + gc;
  }
  if (o instanceof PyList) {
    if (o.type !== it.types.list) refuse(it, `an instance of '${o.type.name}'`);
    if (!listInSync(o)) refuse(it, 'a list whose allocation PyGC Lab does not follow');
    return 40 + 8 * o.allocated + gc;
  }
  if (o instanceof PyDict) return dictSize(it, o);
  if (o instanceof PySet) {
    if (o.type !== it.types.set && o.type !== it.types.frozenset) refuse(it, `an instance of '${o.type.name}'`);
    return 200 + gc + (o.table.length > 8 ? 16 * o.table.length : 0);
  }
  if (o instanceof PyRange && !py2(p)) return 48;
  if (o instanceof PyFunction) {
    const basic = py2(p) ? 88 : m <= 7 ? 112 : m <= 9 ? 120 : m === 10 ? 128 : m === 11 ? 136 : 144;
    if (py2(p) || m <= 13) return basic + gc;
    refuse(it, 'a function');
  }
  if (o instanceof PyMethod && o.func instanceof PyFunction) {
    if (py2(p)) return 48 + gc;
    return (m <= 7 ? 40 : 48) + gc;
  }
  if (o instanceof PyBuiltin && o.self === null && o.methodOf === null && o.classMethodOf === null
    && o.type.name === 'builtin_function_or_method') {
    if (py2(p)) return 40 + gc;
    return (m <= 7 ? 48 : 56) + gc;
  }
  if (o instanceof PyInstance) return instanceSize(it, o);
  refuse(it, `an object of type '${o.type.name}'`);
}
