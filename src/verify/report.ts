// What "compare with real CPython" hands to a viewer: one result per interpreter,
// with both normalised runs, and the text of the two documents a side-by-side
// diff editor shows (same layout on both sides, masked lines masked alike, so the
// editor's diff shows exactly the differences the comparison counts).
// Pure TypeScript: used by `pygc verify --json` and the VS Code compare command.

import { maskLine, splitLines, type Stream } from './normalize';

export interface RunOutput { stdout: string; stderr: string; exitCode: number | null }

export interface VerifyResult {
  /** The real interpreter, e.g. "CPython 3.11.7", or the version asked for when none was found. */
  label: string;
  /** The engine profile it was compared with ("3.11"). */
  profile: string;
  /** Set when the comparison could not run (no interpreter, profile not modelled). */
  error?: string;
  equal?: boolean;
  differences?: number;
  /** Lines CPython printed differently when started with -S: start-up dependent, not compared. */
  startupDependent?: number;
  /** The real interpreter's normalised run. */
  real?: RunOutput;
  /** The simulation's normalised run. */
  sim?: RunOutput;
  /** The readable diff `pygc verify` prints (empty when equal). */
  diff?: string;
}

/** The text of one side of the diff editor: exit code, then stdout and stderr, masked. */
export function sideDocument(run: RunOutput): string {
  const out: string[] = [`exit code: ${run.exitCode === null ? 'none (killed)' : run.exitCode}`];
  for (const stream of ['stdout', 'stderr'] as Stream[]) {
    const lines = splitLines(run[stream]);
    out.push('', `──── ${stream} (${lines.length} line${lines.length === 1 ? '' : 's'}) ────`);
    for (const l of lines) out.push(maskLine(stream, l));
  }
  return out.join('\n') + '\n';
}

/** One line summing up a result, e.g. "CPython 3.11.7: same output". */
export function summary(r: VerifyResult): string {
  if (r.error) return `${r.label}: ${r.error}`;
  if (r.equal) return `${r.label}: same output as pygc --python ${r.profile}`;
  return `${r.label}: ${r.differences} difference(s) from pygc --python ${r.profile}`;
}
