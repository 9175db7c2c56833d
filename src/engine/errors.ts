// JavaScript-level control flow for the engine: a raised Python exception
// (PyRaise), a request from the runtime to stop executing (StopExecution),
// and engine limits (step limit) that end a run with a clear message.

import type { PyObject } from './objects';

/** A Python exception propagating through native (JS) code. */
export class PyRaise extends Error {
  /** The last frame whose traceback entry was added. */
  tbFrame: unknown = null;
  constructor(public exc: PyObject) { super('Python exception'); }
}

/** Thrown by a runtime hook to abandon the current run (the debugger replays instead of suspending). */
export class StopExecution extends Error {
  constructor(public reason: string) { super(reason); }
}

/** The run was ended by a limit (steps) rather than by the scenario. */
export class LimitExceeded extends Error {
  constructor(message: string, public line: number) { super(message); }
}

/** A runtime construct the simulator does not model: never a wrong answer. */
export class NotSupportedRuntime extends Error {
  constructor(public construct: string, public line: number) { super(`${construct} is not supported by PyGC Lab`); }
}
