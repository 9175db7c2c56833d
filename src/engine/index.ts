// Public API of the engine for the runtime, the CLI and tools: create an
// Engine for a scenario and a profile, compile, run or step it.
export { Engine, runScenario } from './engine';
export type { EngineOptions, RunResult } from './engine';
export { availableProfiles, getProfile, PROFILE_NAMES, UnknownProfileError } from './profile';
export type { Profile, ProfileName } from './profile';
export type { HeapEvent, HeapListener } from './heap';
export type { OutputSink } from './interp';
