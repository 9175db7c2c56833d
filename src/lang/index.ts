// The scenario language front end: text → checked syntax tree, or the
// ScenarioError CPython (or PyGC Lab's subset) reports.

import type { Module } from './ast';
import { findUnsupported } from './checker';
import { ScenarioError } from './errors';
import { byPosition, parseWithUnsupported } from './parser';

export { parse } from './parser';
export { check, findUnsupported, IMPORTABLE } from './checker';
export { ScenarioError, formatScenarioError } from './errors';
export type { EditorRange, ScenarioErrorType } from './errors';
export type { Module } from './ast';

/** Parses and checks a scenario; throws the first SyntaxError or NotSupportedError. */
export function parseScenario(source: string, filename: string): Module {
  const { module, unsupported } = parseWithUnsupported(source, filename);
  const all = unsupported.concat(findUnsupported(module, filename, source)).sort(byPosition);
  if (all.length) throw all[0];
  return module;
}

/**
 * Every problem an editor should show, never throwing: the syntax error if
 * there is one (CPython stops at the first), else each unsupported construct.
 */
export function diagnose(source: string, filename: string): ScenarioError[] {
  try {
    const { module, unsupported } = parseWithUnsupported(source, filename);
    return unsupported.concat(findUnsupported(module, filename, source)).sort(byPosition);
  } catch (e) {
    if (e instanceof ScenarioError) return [e];
    const msg = e instanceof Error ? e.message : String(e);
    return [new ScenarioError('SyntaxError', `internal error of the PyGC Lab parser: ${msg}`, filename, 1, 0, 1, -1, '')];
  }
}
