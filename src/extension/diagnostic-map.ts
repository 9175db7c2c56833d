// Turns the parser's ScenarioErrors into editor diagnostics (plain data):
// the exact range, clamped to the document and never empty, severity Error,
// code = the error type (SyntaxError, IndentationError, TabError,
// NotSupportedError), source `pygc`.
import type { ScenarioError } from '../lang';

export interface DiagnosticData {
  range: { line: number; character: number; endLine: number; endCharacter: number };
  message: string;
  code: string;
  severity: 'error';
  source: 'pygc';
}

/** Above this size diagnostics are not computed as you type (a message says so instead). */
export const MAX_DIAGNOSE_CHARS = 2_000_000;

export function toDiagnosticData(errors: readonly ScenarioError[], lines: readonly string[]): DiagnosticData[] {
  const lastLine = Math.max(0, lines.length - 1);
  return errors.map((e) => {
    const line = clamp(e.range.line, 0, lastLine);
    const character = clamp(e.range.character, 0, lines[line]?.length ?? 0);
    let endLine = clamp(e.range.endLine, line, lastLine);
    let endCharacter = clamp(e.range.endCharacter, 0, lines[endLine]?.length ?? 0);
    if (endLine === line && endCharacter <= character) {
      // An empty range (e.g. at the end of a line): widen it to one character, or the
      // last one of the line, so the squiggle is visible.
      endCharacter = character + 1;
      if (endCharacter > (lines[line]?.length ?? 0)) endLine = line;
    }
    return { range: { line, character, endLine, endCharacter }, message: e.msg, code: e.errorType, severity: 'error', source: 'pygc' };
  });
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, Number.isFinite(n) ? n : lo));
}
