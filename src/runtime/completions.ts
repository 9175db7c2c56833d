// Completions for the Debug Console: the names visible in a frame (locals,
// globals, builtins, keywords) and, after a dot, the members of what the name
// before it is — a module (gc., sys., weakref., time., also when not imported),
// an instance (its attributes and its class's), a class or a builtin value.
// Reads the live engine only; nothing runs.

import type { Engine } from '../engine/engine';
import { PyDict, PyInstance, PyModule, PyObject, PyType } from '../engine/objects';
import type { Frame } from '../engine/vm/frame';
import { engineFrames, localsOf } from './snapshot';

export interface Completion { label: string; type: 'variable' | 'function' | 'module' | 'class' | 'keyword' | 'property' }

const KEYWORDS = ['False', 'None', 'True', 'and', 'as', 'assert', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else',
  'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass',
  'raise', 'return', 'try', 'while', 'with', 'yield'];

function dictNames(d: PyDict | null): string[] {
  if (!d) return [];
  const out: string[] = [];
  for (const k of d.map.keys()) if (typeof k === 'string') out.push(k);
  return out;
}

function dictGet(d: PyDict | null, name: string): PyObject | null {
  return d?.map.get(name)?.value ?? null;
}

function kindOf(o: PyObject | null): Completion['type'] {
  if (!o) return 'variable';
  if (o instanceof PyModule) return 'module';
  if (o instanceof PyType) return 'class';
  const t = o.type.name;
  return t === 'function' || t === 'builtin_function_or_method' || t === 'method_descriptor' || t === 'method' ? 'function' : 'variable';
}

/** Name → value in the scope of `frame` (locals first, then globals, builtins). */
export function lookupName(engine: Engine, frame: Frame | null, name: string): PyObject | null {
  if (frame) {
    const local = localsOf(frame).find((v) => v.name === name);
    if (local) {
      const i = frame.code.varnames.indexOf(name);
      if (i >= 0 && frame.locals[i]) return frame.locals[i];
      if (frame.localsDict) return dictGet(frame.localsDict, name);
    }
  }
  const g = dictGet(frame?.globals ?? engine.globals, name) ?? dictGet(engine.it.builtins, name);
  return g ?? engine.it.modules.get(name) ?? null;
}

/** Attribute names of an object: its own, then its class's (MRO order). */
function memberNames(o: PyObject): [string, PyObject | null][] {
  const out = new Map<string, PyObject | null>();
  if (o instanceof PyModule) for (const n of dictNames(o.dict)) out.set(n, dictGet(o.dict, n));
  if (o instanceof PyInstance) {
    if (o.values && o.type.sharedKeys) for (const [n, i] of o.type.sharedKeys) if (o.values[i]) out.set(n, o.values[i]);
    if (o.slots && o.type.slotNames) o.type.slotNames.forEach((n, i) => { if (o.slots![i]) out.set(n, o.slots![i]); });
    for (const n of dictNames(o.dict)) out.set(n, dictGet(o.dict, n));
  }
  const t = o instanceof PyType ? o : o.type;
  for (const c of t.mro.length ? t.mro : [t]) for (const n of dictNames(c.dict)) if (!out.has(n)) out.set(n, dictGet(c.dict, n));
  return [...out];
}

/**
 * Completions for `text` with the cursor at `column` (1-based, as DAP sends it),
 * in Python frame `frameIndex` (innermost first). `start` is where the completed word begins (0-based).
 */
export function completionsAt(engine: Engine, text: string, column: number, frameIndex: number): { items: Completion[]; start: number } {
  const before = text.slice(0, Math.max(0, column - 1));
  const m = /([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)?\.?([A-Za-z_][A-Za-z0-9_]*)?$/.exec(before);
  const whole = m ? m[0] : '';
  const dot = whole.lastIndexOf('.');
  const word = dot >= 0 ? whole.slice(dot + 1) : whole;
  const start = before.length - word.length;
  const frame = engineFrames(engine.it)[frameIndex] ?? engine.it.frame;
  let candidates: [string, PyObject | null][];
  if (dot >= 0) {
    const path = whole.slice(0, dot).split('.');
    let o = lookupName(engine, frame, path[0]);
    for (const p of path.slice(1)) {
      if (!o) break;
      o = memberNames(o).find(([n]) => n === p)?.[1] ?? null;
    }
    candidates = o ? memberNames(o) : [];
  } else {
    const names = new Map<string, PyObject | null>();
    if (frame) {
      for (const v of localsOf(frame)) names.set(v.name, lookupName(engine, frame, v.name));
      if (frame.localsDict) for (const n of dictNames(frame.localsDict)) names.set(n, dictGet(frame.localsDict, n));
    }
    const g = frame?.globals ?? engine.globals;
    for (const n of dictNames(g)) if (!names.has(n)) names.set(n, dictGet(g, n));
    for (const n of dictNames(engine.it.builtins)) if (!names.has(n) && !n.startsWith('_')) names.set(n, dictGet(engine.it.builtins, n));
    for (const [n, mod] of engine.it.modules) if (!names.has(n) && !n.startsWith('_') && n !== 'builtins') names.set(n, mod);
    candidates = [...names];
    for (const k of KEYWORDS) if (!names.has(k)) candidates.push([k, null]);
  }
  const items = candidates
    .filter(([n]) => n.startsWith(word) && (word.startsWith('_') || !n.startsWith('__')))
    .map(([n, o]): Completion => ({ label: n, type: o === null && KEYWORDS.includes(n) ? 'keyword' : kindOf(o) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return { items, start };
}

/** Completions at the runtime's current stop (a replayed copy when the stop is inside native code). */
export function completeAtStop(rt: import('./runtime').GcRuntime, text: string, column: number, frameIndex: number): { items: Completion[]; start: number } {
  const engine = rt.inspectable ? rt.engine : rt.forkAtStop();
  if (!engine) return { items: [], start: Math.max(0, column - 1) };
  return completionsAt(engine, text, column, frameIndex);
}
