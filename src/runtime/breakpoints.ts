// Breakpoints of every kind: line (bound to the next executable line),
// conditional, hit-count and logpoints; function breakpoints by name
// ("f", "ClassA.__del__"); data breakpoints on an object (refcount changes,
// object freed). Conditions and log messages are evaluated by the caller.

import type { Frame } from '../engine/vm/frame';

export interface LineBreakpointSpec { line: number; condition?: string; hitCondition?: string; logMessage?: string }
export interface FunctionBreakpointSpec { name: string; condition?: string; hitCondition?: string }
export interface DataBreakpointSpec { objectId: number; accessType: 'refcount' | 'free' }
export interface VerifiedBreakpoint { id: number; line?: number; verified: boolean; message?: string }

interface LineBp { id: number; line: number; condition?: string; hitCondition?: string; logMessage?: string; hits: Set<number> }
interface FnBp { id: number; name: string; condition?: string; hitCondition?: string; hits: Set<number> }

/** Hits are counted per step, so replaying a step (after stepping back) does not count it twice. */
function countHit(hits: Set<number>, step: number): number {
  hits.add(step);
  let n = 0;
  for (const s of hits) if (s <= step) n++;
  return n;
}
export interface DataBp { id: number; objectId: number; accessType: 'refcount' | 'free' }

let nextId = 1;

/** "5", "== 5", ">= 3", "> 2", "% 3": does the n-th hit stop? */
export function hitConditionMet(cond: string | undefined, hits: number): boolean {
  if (!cond || !cond.trim()) return true;
  const m = /^\s*(==|>=|<=|>|<|%)?\s*(\d+)\s*$/.exec(cond);
  if (!m) return true;
  const n = Number(m[2]);
  switch (m[1]) {
    case '>=': return hits >= n;
    case '>': return hits > n;
    case '<=': return hits <= n;
    case '<': return hits < n;
    case '%': return n > 0 && hits % n === 0;
    default: return hits === n;
  }
}

export class Breakpoints {
  private lines = new Map<number, LineBp[]>();
  private fns: FnBp[] = [];
  private data: DataBp[] = [];

  setLines(specs: LineBreakpointSpec[], executable: number[]): VerifiedBreakpoint[] {
    this.lines.clear();
    return specs.map((s) => {
      const line = executable.find((l) => l >= s.line);
      const id = nextId++;
      if (line === undefined) return { id, line: s.line, verified: false, message: 'no statement at or after this line' };
      const bp: LineBp = { id, line, condition: s.condition, hitCondition: s.hitCondition, logMessage: s.logMessage, hits: new Set() };
      const l = this.lines.get(line) ?? [];
      l.push(bp);
      this.lines.set(line, l);
      return { id, line, verified: true };
    });
  }

  hasLine(line: number): boolean { return this.lines.has(line); }

  /** The breakpoint that stops at this line, if any (logpoints log and never stop). */
  lineHit(line: number, step: number, condition: (expr: string) => boolean, log: (msg: string) => void): LineBp | null {
    const bps = this.lines.get(line);
    if (!bps) return null;
    let stop: LineBp | null = null;
    for (const bp of bps) {
      if (bp.condition && !condition(bp.condition)) continue;
      if (!hitConditionMet(bp.hitCondition, countHit(bp.hits, step))) continue;
      if (bp.logMessage !== undefined) { log(bp.logMessage); continue; }
      stop = stop ?? bp;
    }
    return stop;
  }

  setFunctions(specs: FunctionBreakpointSpec[]): VerifiedBreakpoint[] {
    this.fns = specs.map((s) => ({ id: nextId++, name: s.name.trim(), condition: s.condition, hitCondition: s.hitCondition, hits: new Set<number>() }));
    return this.fns.map((f) => ({ id: f.id, verified: true }));
  }

  /** Called at the first statement of a frame. */
  functionHit(frame: Frame, step: number, condition: (expr: string) => boolean): FnBp | null {
    const code = frame.code;
    for (const bp of this.fns) {
      if (bp.name !== code.qualname && bp.name !== code.name) continue;
      if (bp.condition && !condition(bp.condition)) continue;
      if (hitConditionMet(bp.hitCondition, countHit(bp.hits, step))) return bp;
    }
    return null;
  }

  hasFunctionBreakpoints(): boolean { return this.fns.length > 0; }

  /** Function breakpoints on natives ("gc.collect"). */
  hasFunction(name: string): boolean { return this.fns.some((f) => f.name === name); }

  setData(specs: DataBreakpointSpec[]): VerifiedBreakpoint[] {
    this.data = specs.map((s) => ({ id: nextId++, objectId: s.objectId, accessType: s.accessType }));
    return this.data.map((d) => ({ id: d.id, verified: true }));
  }

  dataWatches(): DataBp[] { return this.data; }
  watchesFree(id: number): boolean { return this.data.some((d) => d.objectId === id); }

}
