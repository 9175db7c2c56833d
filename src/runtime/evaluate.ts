// Evaluating expressions for the debugger. Hovers, watches, breakpoint
// conditions and logpoints run on a copy of the engine, so they change
// nothing — not even gc.get_count(). Debug Console statements run for real
// and are recorded at their step, so replays repeat them.

import type { Engine } from '../engine/engine';
import { activate } from '../engine/active';
import { PyRaise } from '../engine/errors';
import { ScenarioError } from '../lang/errors';
import { PyObject } from '../engine/objects';
import { reprOf, strOf } from '../engine/repr';
import { exceptionLine } from '../engine/exceptions';
import { isTrue } from '../engine/ops';
import type { Frame } from '../engine/vm/frame';
import type { GcRuntime } from './runtime';
import { engineFrames } from './snapshot';
import { dictSetStr } from '../engine/builtins/dictops';
import { PyBool, PyFloat, PyFunction, PyInstance, PyInt, PyNone, PyStr } from '../engine/objects';
import { mroLookup } from '../engine/types';
import { lookupName } from './completions';
import { safeRepr } from './safe-repr';

export interface EvalResult {
  result: string;
  type?: string;
  /** Serial of the resulting object (the same object in the live engine when it existed before). */
  objectId?: number;
  error?: boolean;
}

/** The frame of `copy` at the same position as `frame` in `original`. */
function sameFrame(original: Engine, copy: Engine, frame: Frame | null): Frame | null {
  if (!frame) return copy.it.frame;
  const a = engineFrames(original.it);
  const i = a.indexOf(frame);
  return i < 0 ? copy.it.frame : engineFrames(copy.it)[i] ?? null;
}

/**
 * On a copy of the engine (hover, watch, conditions), gc, sys and weakref are
 * usable even when the scenario did not import them: `gc.get_count()` in a
 * watch works everywhere, and the live engine is not touched.
 */
function addDebuggerModules(copy: Engine): void {
  for (const name of ['gc', 'sys', 'weakref']) {
    const m = copy.it.modules.get(name);
    if (m && !copy.globals.map.has(name)) dictSetStr(copy.it, copy.globals, name, copy.it.inc(m));
  }
}

function describeError(e: unknown, engine: Engine): string {
  if (e instanceof PyRaise) return exceptionLine(engine.it, e.exc);
  if (e instanceof ScenarioError) return `${e.errorType}: ${e.msg}`;
  return (e as Error).message;
}

export class Evaluator {
  /** Evaluate in a copy of the engine at `frame` (null: module level). */
  private onCopy<T>(live: Engine, frame: Frame | null, f: (copy: Engine, frame: Frame | null) => T): T {
    const copy = live.clone();
    copy.it.out = { stdout: () => {}, stderr: () => {} };
    addDebuggerModules(copy);
    const saved = live.it.hook;
    try {
      return f(copy, sameFrame(live, copy, frame));
    } finally {
      live.it.hook = saved;
      activate(live.it);
    }
  }

  private value(engine: Engine, source: string, frame: Frame | null): PyObject {
    return engine.evaluateIn(frame, source, 'eval');
  }

  /** Hover and watch: side-effect free. `frameIndex` counts Python frames, innermost first. */
  evaluate(rt: GcRuntime, expression: string, frameIndex: number): EvalResult {
    const quick = this.readName(rt, expression.trim(), frameIndex);
    if (quick) return quick;
    const fork = rt.forkAtStop();
    if (!fork) return { result: 'not available at this step', error: true };
    const frame = engineFrames(fork.it)[frameIndex] ?? fork.it.frame;
    try {
      activate(fork.it);
      addDebuggerModules(fork);
      const v = this.value(fork, expression, frame);
      const r: EvalResult = { result: reprOf(fork.it, v), type: v.type.name };
      if (v.serial < rt.engine.it.serials.n + 1) r.objectId = v.serial;
      return r;
    } catch (e) {
      return { result: describeError(e, fork), error: true };
    } finally {
      activate(rt.engine.it);
    }
  }

  /**
   * A bare name whose repr runs no Python code is read straight from the live
   * engine: no copy of a large heap for the common hover. Anything else (calls,
   * operators, user __repr__, containers) goes through a copy.
   */
  private readName(rt: GcRuntime, expression: string, frameIndex: number): EvalResult | null {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(expression) || !rt.inspectable) return null;
    const live = rt.engine;
    const frame = engineFrames(live.it)[frameIndex] ?? live.it.frame;
    // An unbound local or a cell variable: leave the exact semantics to the slow path.
    if (frame && (frame.code.varnames.includes(expression) || frame.code.cellvars?.includes(expression) || frame.code.freevars?.includes(expression))) {
      const i = frame.code.varnames.indexOf(expression);
      if (i < 0 || !frame.locals[i]) return null;
    }
    const v = lookupName(live, frame, expression);
    if (!v || !plainRepr(v)) return null;
    return { result: safeRepr(v), type: v.type.name, objectId: v.serial };
  }

  /** A breakpoint condition, during execution (on a copy). A failing condition stops (as debuggers do). */
  condition(live: Engine, expr: string, frame: Frame): boolean {
    return this.onCopy(live, frame, (copy, f) => {
      try {
        return isTrue(copy.it, this.value(copy, expr, f));
      } catch {
        return true;
      }
    });
  }

  /** A logpoint message: each {expression} replaced by str() of its value (on a copy). */
  interpolate(live: Engine, msg: string, frame: Frame): string {
    return this.onCopy(live, frame, (copy, f) => msg.replace(/\{([^{}]+)\}/g, (_, expr: string) => {
      try {
        return strOf(copy.it, this.value(copy, expr, f));
      } catch (e) {
        return `<${describeError(e, copy)}>`;
      }
    }));
  }

  /** Run Debug Console input for real in the live engine (used when replaying injections too). */
  execInEngine(engine: Engine, source: string, frame: Frame | null): EvalResult {
    const saved = engine.it.hook;
    engine.it.hook = null;
    try {
      let v: PyObject;
      try {
        v = engine.evaluateIn(frame, source, 'eval');
      } catch (e) {
        if (!(e instanceof ScenarioError)) throw e;
        v = engine.evaluateIn(frame, source, 'exec');
        engine.it.dec(v);
        return { result: '' };
      }
      const r = v === engine.it.None ? '' : reprOf(engine.it, v);
      const out = { result: r, type: v.type.name, objectId: v.serial };
      engine.it.dec(v);
      return out;
    } catch (e) {
      return { result: describeError(e, engine), error: true };
    } finally {
      engine.it.hook = saved;
    }
  }

  /** Debug Console: run at the current stop and record it in the timeline. */
  runStatement(rt: GcRuntime, source: string, frameIndex: number): EvalResult {
    return rt.inject(source, frameIndex, (engine, frame) => this.execInEngine(engine, source, frame));
  }
}

/** Values whose repr the engine would produce without running Python code, and safeRepr reproduces exactly. */
function plainRepr(v: PyObject): boolean {
  if (v instanceof PyStr) return v.v.length <= 200;
  if (v instanceof PyInt) return v.v > -(10n ** 38n) && v.v < 10n ** 38n;
  if (v instanceof PyBool || v instanceof PyFloat || v instanceof PyNone || v instanceof PyFunction) return true;
  if (v instanceof PyInstance) {
    const r = mroLookup(v.type, '__repr__');
    return !!r && r === mroLookup(v.type.mro[v.type.mro.length - 1], '__repr__') && v.type.mro.every((t) => t.isHeap || t.mro.length === 1);
  }
  return false;
}
