// The modules a scenario can import — gc, sys, weakref, time, __future__ —
// built at start-up as real module objects, and the import statements.
// Nothing here reaches the host: time is a virtual clock.

import type { Interp } from '../interp';
import { it } from '../active';
import { NativeImpl, PyModule, PyObject, PyStr, PyType, PyInstance } from '../objects';
import { PyException } from '../objects';
import { exactArgs, rangeArgs } from './args';
import { dictSetStr } from './dictops';
import { gcModule } from './gcmodule';
import { weakrefModule } from './weakrefmodule';
import { getAttrOrNull } from '../attrs';
import { installMethods } from './methods';
import { typeName } from '../repr';
import { PyFloat, PyInt, PyTuple } from '../objects';
import { tupleSize } from '../heap';
import { py2ExcClear, py2ExcInfo } from '../py2/excinfo';

function makeModule(it: Interp, name: string, fns: Record<string, NativeImpl>, consts: Record<string, PyObject> = {}): PyModule {
  const d = it.rawDict();
  const m = new PyModule(it.types.module, name, d);
  m.addr = it.heap.rawAddress(72);
  m.rc = 100;
  dictSetStr(it, d, '__name__', it.newStr(name));
  for (const [k, f] of Object.entries(fns)) {
    const b = it.newBuiltin(k, f, null, k);
    b.varargs = VARARGS_FUNCTIONS.has(`${name}.${k}`) || !!it.profile.hidden.varargsNames?.includes(`${name}.${k}`);
    dictSetStr(it, d, k, b);
  }
  for (const [k, v] of Object.entries(consts)) dictSetStr(it, d, k, v);
  it.modules.set(name, m);
  return m;
}

/** Module functions that are METH_VARARGS in CPython 3.11. */
const VARARGS_FUNCTIONS = new Set(['gc.set_threshold', 'gc.get_referrers', 'gc.get_referents']);

export function installModules(): void {
  const [gcFns, gcConsts] = gcModule();
  makeModule(it, 'gc', gcFns, gcConsts);
  const wr = makeModule(it, 'weakref', weakrefModule());
  dictSetStr(it, wr.dict, 'ref', it.inc(it.types.weakref));
  dictSetStr(it, wr.dict, 'ReferenceType', it.inc(it.types.weakref));
  // sys
  const streamType = new PyType(it.types.type, 'TextIOWrapper', 'object');
  streamType.mro = [streamType, it.types.object];
  streamType.bases = [it.types.object];
  streamType.module = '_io';
  streamType.rc = 100;
  installMethods(it, streamType, {
    write: (self, a, k) => {
      exactArgs(it, 'write', a, k, 1);
      if (!(a[0] instanceof PyStr)) it.raise('TypeError', `write() argument must be str, not ${typeName(a[0])}`);
      const stream = self === it.sysAttr('stderr') ? 'stderr' : 'stdout';
      it.hidden.directWrite(stream, a[0].v);
      it.emit(stream, a[0].v);
      return it.newInt([...a[0].v].length);
    },
    flush: () => it.newNone(),
  });
  const stream = () => { const s = new PyInstance(streamType); s.addr = it.heap.rawAddress(200); s.rc = 100; return s; };
  const p = it.profile;
  // Made before the scenario: not from the tuple free list, whose start-up state is measured after it.
  const versionInfo = it.gcNew(() => new PyTuple(it.types.version_info,
    [...p.version.map((v) => it.newInt(v)), it.newStr('final'), it.newInt(0)]), tupleSize(5), false);
  makeModule(it, 'sys', {
    getrefcount: (a, k) => { exactArgs(it, 'getrefcount', a, k, 1); return it.newInt(it.refcountOf(a[0])); },
    getrecursionlimit: (a, k) => { exactArgs(it, 'getrecursionlimit', a, k, 0); return it.newInt(it.recursionLimit); },
    setrecursionlimit: (a, k) => {
      exactArgs(it, 'setrecursionlimit', a, k, 1);
      const n = Number((a[0] as PyInt).v);
      if (n < 1) it.raise('ValueError', 'recursion limit must be greater or equal than 1');
      it.recursionLimit = n;
      return it.newNone();
    },
    exit: (a, k) => {
      rangeArgs(it, 'exit', a, k, 0, 1);
      throw it.raiseObject(it.makeExcOf(it.types.get('SystemExit'), a.map((x) => it.inc(x))));
    },
    getsizeof: (a) => it.newInt(it.sizeOf(a[0])),
    intern: (a) => it.inc(a[0]),
    is_finalizing: () => it.newBool(it.finalizing),
    exc_info: () => {
      if (p.version[0] === 2) return py2ExcInfo(it);
      const e = it.handledExc;
      if (!e) return it.newTuple([it.newNone(), it.newNone(), it.newNone()]);
      const tb = e instanceof PyException ? e.traceback : null;
      return it.newTuple([it.inc(e.type), it.inc(e), it.inc(tb ?? it.None)]);
    },
    // 2.7 only: empties the thread's handled-exception state (src/engine/py2/excinfo.ts).
    ...(p.version[0] === 2 ? { exc_clear: ((a, k) => {
      exactArgs(it, 'exc_clear', a, k, 0); py2ExcClear(it); return it.newNone();
    }) as NativeImpl } : {}),
  }, {
    stdout: stream(),
    stderr: stream(),
    version_info: versionInfo,
    version: it.newStr(`${p.version.join('.')} (PyGC Lab simulation)`),
    maxsize: it.newInt(9223372036854775807n),
    platform: it.newStr('linux'),
    argv: it.newList([it.newStr(it.mainFile)]),
  });
  // time: a virtual clock.
  const num = (o: PyObject): number => {
    if (o instanceof PyInt) return Number(o.v);
    if (o instanceof PyFloat) return o.v;
    it.raise('TypeError', `'${typeName(o)}' object cannot be interpreted as an integer`);
  };
  makeModule(it, 'time', {
    time: () => it.newFloat(it.clock),
    sleep: (a, k) => {
      exactArgs(it, 'sleep', a, k, 1);
      const s = num(a[0]);
      if (s < 0) it.raise('ValueError', 'sleep length must be non-negative');
      it.clock += s;
      it.perfClock += s;
      return it.newNone();
    },
    perf_counter: () => it.newFloat(it.perfClock),
    monotonic: () => it.newFloat(it.perfClock),
    process_time: () => it.newFloat(it.perfClock),
  });
  makeModule(it, '__future__', {}, {
    print_function: it.newNone(), division: it.newNone(), absolute_import: it.newNone(),
    unicode_literals: it.newNone(), annotations: it.newNone(), generators: it.newNone(), with_statement: it.newNone(),
  });
}

export function importName(it: Interp, name: string): PyObject {
  const m = it.modules.get(name);
  if (!m) it.raise('ModuleNotFoundError', `No module named '${name}'`);
  return it.inc(m);
}

export function importFrom(it: Interp, mod: PyObject, name: string): PyObject {
  const r = getAttrOrNull(it, mod, name);
  if (r) return r;
  const mname = mod instanceof PyModule ? mod.name : '?';
  it.raise('ImportError', `cannot import name '${name}' from '${mname}' (unknown location)`);
}
