// Checks the arguments of the breakpoint requests (setBreakpoints,
// setFunctionBreakpoints, setDataBreakpoints) and turns them into runtime
// specs; an entry that cannot be used becomes an error message, answered as
// an unverified breakpoint in the same position.

import type { DebugProtocol } from '@vscode/debugprotocol';
import type { DataBreakpointSpec, FunctionBreakpointSpec, LineBreakpointSpec } from '../runtime';

export type Checked<T> = T | { error: string };

const HIT = /^\s*(==|>=|<=|>|<|%)?\s*\d+\s*$/;

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);

function hitError(hit: string | undefined): string | null {
  return hit && !HIT.test(hit) ? `hit count '${hit}' is not understood (use 5, >= 5 or % 5)` : null;
}

export function lineSpecs(args: DebugProtocol.SetBreakpointsArguments, toDebuggerLine: (l: number) => number): Checked<LineBreakpointSpec>[] {
  const raw: Partial<DebugProtocol.SourceBreakpoint>[] = Array.isArray(args.breakpoints) ? args.breakpoints
    : Array.isArray(args.lines) ? args.lines.map((line) => ({ line })) : [];
  return raw.map((s) => {
    const line = Number(s?.line);
    if (!Number.isInteger(line) || line < 1) return { error: `line ${JSON.stringify(s?.line)} is not a line number` };
    const hitCondition = text(s?.hitCondition);
    const err = hitError(hitCondition);
    if (err) return { error: err };
    return { line: toDebuggerLine(line), condition: text(s?.condition), hitCondition,
      logMessage: typeof s?.logMessage === 'string' ? s.logMessage : undefined };
  });
}

export function functionSpecs(args: DebugProtocol.SetFunctionBreakpointsArguments): Checked<FunctionBreakpointSpec>[] {
  return (Array.isArray(args.breakpoints) ? args.breakpoints : []).map((b) => {
    const name = text(b?.name);
    if (!name) return { error: 'a function breakpoint needs a name (f, ClassA.__del__, gc.collect)' };
    const hitCondition = text(b?.hitCondition);
    const err = hitError(hitCondition);
    return err ? { error: err } : { name, condition: text(b?.condition), hitCondition };
  });
}

/** Data ids are "refcount:<object id>" (refcount changes, freeing included) or "free:<object id>" (freed only). */
export function dataSpecs(args: DebugProtocol.SetDataBreakpointsArguments): Checked<DataBreakpointSpec>[] {
  return (Array.isArray(args.breakpoints) ? args.breakpoints : []).map((b) => {
    const m = /^(refcount|free):(\d+)$/.exec(String(b?.dataId ?? ''));
    if (!m) return { error: `'${b?.dataId}' is not a PyGC Lab data id (refcount:N or free:N)` };
    return { objectId: Number(m[2]), accessType: m[1] as 'refcount' | 'free' };
  });
}

/** Set the usable specs with `set`, and answer every entry in its original order. */
export function answer<T extends object>(checked: Checked<T>[], set: (specs: T[]) => { id: number; verified: boolean; line?: number; message?: string }[],
  make: (v: { id: number; verified: boolean; line?: number; message?: string }) => DebugProtocol.Breakpoint): DebugProtocol.Breakpoint[] {
  const ok = checked.filter((c): c is T => !('error' in c));
  const results = set(ok);
  let k = 0;
  return checked.map((c) => ('error' in c ? { verified: false, message: c.error } : make(results[k++])));
}
