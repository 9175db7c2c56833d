// The runtime layer's public API (for the debug adapter, the CLI and tests).
export { GcRuntime } from './runtime';
export type { StopInfo, StopReason, OutputEvent, LaunchOptions, EventFilters } from './runtime';
export type { LineBreakpointSpec, FunctionBreakpointSpec, DataBreakpointSpec, VerifiedBreakpoint } from './breakpoints';
export type { EvalResult } from './evaluate';
export { buildSnapshot, displayFrames } from './snapshot';
// The CPython versions the engine models (for launch validation in the adapter).
export { availableProfiles, PROFILE_NAMES } from '../engine/profile';
