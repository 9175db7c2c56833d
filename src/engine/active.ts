// The interpreter that native functions act on. Builtins are closures shared
// by every copy of an engine (the debugger clones engines to step back), so
// they reach the interpreter through this live binding instead of capturing
// one: exactly one engine executes at a time, and it is activated first.

import type { Interp } from './interp';
import { setSerialSource } from './objects';
import { useDictStorage } from './py2/dictorder';

export let it: Interp = undefined as unknown as Interp;

export function activate(interp: Interp): void {
  it = interp;
  setSerialSource(interp.serials);
  useDictStorage(interp.profile);
}
