// Launch arguments of a PyGC Lab debug session (the schema lives in
// package.json under contributes.debuggers): validated here, with messages a
// person can act on, and the scenario read from disk.

import fs from 'node:fs';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { availableProfiles, PROFILE_NAMES } from '../runtime';

export interface LaunchArguments extends DebugProtocol.LaunchRequestArguments {
  /** Path of the scenario (.pygc or .py). */
  program: string;
  /** CPython version to simulate ("3.11" by default). */
  python?: string;
  /** Stop at the first line. */
  stopOnEntry?: boolean;
  /** Stop the run after this many steps. */
  maxSteps?: number;
}

export interface ValidLaunch { program: string; python: string; stopOnEntry: boolean; maxSteps?: number; source: string }

/** Check the arguments and read the program; a string is the error to show. */
export function validateLaunch(raw: unknown): ValidLaunch | string {
  const args = (raw && typeof raw === 'object' ? raw : {}) as Partial<LaunchArguments>;
  const program = args.program;
  if (typeof program !== 'string' || !program.trim()) {
    return "launch: 'program' is missing: give the path of the scenario to debug (e.g. \"${file}\")";
  }
  const python = args.python === undefined ? '3.11' : args.python;
  if (typeof python !== 'string' || !availableProfiles().includes(python as never)) {
    const known = typeof python === 'string' && (PROFILE_NAMES as string[]).includes(python);
    return known
      ? `launch: CPython ${python} is not modelled yet (available: ${availableProfiles().join(', ')})`
      : `launch: unknown 'python' value ${JSON.stringify(python)} (expected one of ${availableProfiles().join(', ')})`;
  }
  if (args.stopOnEntry !== undefined && typeof args.stopOnEntry !== 'boolean') {
    return `launch: 'stopOnEntry' must be true or false (got ${JSON.stringify(args.stopOnEntry)})`;
  }
  const maxSteps = args.maxSteps;
  if (maxSteps !== undefined && (typeof maxSteps !== 'number' || !Number.isInteger(maxSteps) || maxSteps < 1)) {
    return `launch: 'maxSteps' must be a positive integer (got ${JSON.stringify(maxSteps)})`;
  }
  const source = readProgram(program);
  if (typeof source !== 'string') return source.error;
  return { program, python, stopOnEntry: args.stopOnEntry ?? false, maxSteps, source };
}

function readProgram(file: string): string | { error: string } {
  try {
    if (fs.statSync(file).isDirectory()) return { error: `launch: cannot read program '${file}': it is a directory` };
    const buf = fs.readFileSync(file);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(buf));
    } catch {
      return { error: `launch: cannot read program '${file}': it is not UTF-8 text` };
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { error: `launch: cannot read program '${file}': no such file` };
    if (code === 'EACCES') return { error: `launch: cannot read program '${file}': permission denied` };
    return { error: `launch: cannot read program '${file}': ${(e as Error).message}` };
  }
}
