// The runtime layer's public API (for the debug adapter, the CLI and tests).
export { GcRuntime } from './runtime';
export type { StopInfo, StopReason, OutputEvent, LaunchOptions, EventFilters } from './runtime';
export type { LineBreakpointSpec, FunctionBreakpointSpec, DataBreakpointSpec, VerifiedBreakpoint } from './breakpoints';
export type { EvalResult } from './evaluate';
export { buildSnapshot, displayFrames } from './snapshot';
