// Argument checking for native functions, with CPython's error wording.

import type { Interp } from '../interp';
import type { PyObject } from '../objects';

/** Split vectorcall args into positional and a keyword map. */
export function splitArgs(args: PyObject[], kwnames: string[] | null): [PyObject[], Map<string, PyObject>] {
  const kw = new Map<string, PyObject>();
  if (!kwnames || !kwnames.length) return [args, kw];
  const n = args.length - kwnames.length;
  kwnames.forEach((k, i) => kw.set(k, args[n + i]));
  return [args.slice(0, n), kw];
}

export function exactArgs(it: Interp, name: string, args: PyObject[], kwnames: string[] | null, n: number): void {
  if (kwnames && kwnames.length) it.raise('TypeError', `${name}() takes no keyword arguments`);
  if (args.length !== n) {
    if (n === 1) it.raise('TypeError', `${name}() takes exactly one argument (${args.length} given)`);
    if (n === 0) it.raise('TypeError', `${name}() takes no arguments (${args.length} given)`);
    it.raise('TypeError', `${name} expected ${n} arguments, got ${args.length}`);
  }
}

export function rangeArgs(it: Interp, name: string, args: PyObject[], kwnames: string[] | null, min: number, max: number): void {
  if (kwnames && kwnames.length) it.raise('TypeError', `${name}() takes no keyword arguments`);
  if (args.length < min) {
    it.raise('TypeError', min === 1 && max === 1 ? `${name}() takes exactly one argument (0 given)`
      : `${name} expected at least ${min} argument${min > 1 ? 's' : ''}, got ${args.length}`);
  }
  if (args.length > max) {
    it.raise('TypeError', max === 0 ? `${name}() takes no arguments (${args.length} given)`
      : `${name} expected at most ${max} argument${max > 1 ? 's' : ''}, got ${args.length}`);
  }
}

export function noKw(it: Interp, name: string, kwnames: string[] | null): void {
  if (kwnames && kwnames.length) it.raise('TypeError', `${name}() takes no keyword arguments`);
}

export function kwOnly(it: Interp, name: string, kw: Map<string, PyObject>, allowed: string[]): void {
  for (const k of kw.keys()) {
    if (!allowed.includes(k)) it.raise('TypeError', `'${k}' is an invalid keyword argument for ${name}()`);
  }
}
