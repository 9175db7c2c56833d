// The capabilities the adapter announces in its initialize response, each
// with a line saying what it enables in the editor.

import type { DebugProtocol } from '@vscode/debugprotocol';
import { FILTERS } from './filters';

export function capabilities(): DebugProtocol.Capabilities {
  const b: DebugProtocol.Capabilities = {};
  // The client sends configurationDone after breakpoints; the run starts then.
  b.supportsConfigurationDoneRequest = true;
  // Line breakpoints may carry a scenario expression as condition.
  b.supportsConditionalBreakpoints = true;
  // Line and function breakpoints may carry a hit count ("3", ">= 2", "% 5").
  b.supportsHitConditionalBreakpoints = true;
  // Logpoints: messages with {expression} interpolation, printed without stopping.
  b.supportsLogPoints = true;
  // Function breakpoints by name: f, ClassA.__del__.
  b.supportsFunctionBreakpoints = true;
  // Data breakpoints on an object: stop when its refcount changes or it is freed.
  b.supportsDataBreakpoints = true;
  // The GC event filters of the Breakpoints view (uncaught/raised exceptions, collections, garbage…).
  b.exceptionBreakpointFilters = FILTERS;
  // Filters take options: "A collection starts" takes a generation as its condition.
  b.supportsExceptionFilterOptions = true;
  // Details of the exception (or GC event) a stop is on.
  b.supportsExceptionInfoRequest = true;
  // Step back and reverse continue: the runtime restores any earlier step.
  b.supportsStepBack = true;
  // "Jump to cursor" travels to a step where that line ran.
  b.supportsGotoTargetsRequest = true;
  // Hovers are evaluated (side-effect free, on a copy of the heap).
  b.supportsEvaluateForHovers = true;
  // Variables can be rebound from the Variables pane (refcounts follow).
  b.supportsSetVariable = true;
  // Debug Console completions: names in scope and gc./sys./weakref. members.
  b.supportsCompletionsRequest = true;
  b.completionTriggerCharacters = ['.'];
  // The editor asks where breakpoints can bind (the executable lines).
  b.supportsBreakpointLocationsRequest = true;
  // The stop button ends the session with a terminate request.
  b.supportsTerminateRequest = true;
  // stackTrace honours startFrame/levels and reports totalFrames.
  b.supportsDelayedStackTraceLoading = true;
  // No restartFrame: frames cannot be re-entered (use step back or goto instead).
  b.supportsRestartFrame = false;
  // Value formatting options would change nothing (refcounts are shown in decimal).
  b.supportsValueFormattingOptions = false;
  return b;
}
