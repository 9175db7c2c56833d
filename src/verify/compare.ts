// Comparison of a (normalised) run against a recorded CPython run, by the rules of
// DESIGN.md § Fidelity:
//  - stdout line for line;
//  - stderr line for line, numbers masked in "gc: objects in each generation: …" and
//    "gc: objects in permanent generation: …" (they count the interpreter's own objects);
//  - a line whose recorded value differs between the default run and the `-S` run
//    (same stream, same line index) is start-up dependent and not compared (it must still
//    be present when both CPython runs printed a line there);
//  - the exit code.
// Lines are split like Python's str.splitlines(), as the oracle does.
// Pure TypeScript: used by the oracle test, `pygc verify` and the VS Code compare command.

import { maskLine, splitLines, type Stream } from './normalize';

export { maskLine, type Stream };

/** The fields of a recorded oracle JSON (scripts/oracle/run.py) that comparison uses. */
export interface RecordedRun {
  version?: string;
  skipped?: string;
  exit_code?: number | null;
  timed_out?: boolean;
  stdout?: string;
  stderr?: string;
}

/** An already normalised run to check (see normalizeRun). */
export interface ActualRun {
  stdout: string;
  stderr: string;
  exitCode: number | null;
}

export interface LineDifference {
  /** 'exit' for the exit code (line 0). */
  stream: Stream | 'exit';
  /** 1-based line number. */
  line: number;
  /** null: the line is missing on that side. */
  expected: string | null;
  actual: string | null;
}

export interface ExcludedLine {
  stream: Stream;
  line: number;
  /** null: the default run has fewer lines than the `-S` run. */
  recorded: string | null;
  /** The `-S` run's line at the same index (null: it has fewer lines). */
  nosite: string | null;
  actual: string | null;
}

export interface CompareResult {
  equal: boolean;
  differences: LineDifference[];
  excluded: ExcludedLine[];
  exitCode: { expected: number | null; actual: number | null };
  /** The lines compared, for formatDiff. */
  lines: Record<Stream, { expected: string[]; actual: string[] }>;
}

export interface CompareOptions {
  /** The same scenario and version recorded with `python -S` (results-nosite). */
  nosite?: RecordedRun | null;
}

/** 0-based indices of the lines of one stream that differ between the default and the `-S` run. */
export function startupDependentLines(recorded: RecordedRun, nosite: RecordedRun, stream: Stream): Set<number> {
  const a = splitLines(recorded[stream] ?? '').map((l) => maskLine(stream, l));
  const b = splitLines(nosite[stream] ?? '').map((l) => maskLine(stream, l));
  const out = new Set<number>();
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) out.add(i);
  return out;
}

export function compareRun(expected: RecordedRun, actual: ActualRun, options: CompareOptions = {}): CompareResult {
  if (expected.skipped !== undefined) throw new Error(`recorded run was skipped: ${expected.skipped}`);
  const nosite = options.nosite && options.nosite.skipped === undefined ? options.nosite : null;
  const differences: LineDifference[] = [];
  const excluded: ExcludedLine[] = [];
  const lines = {} as CompareResult['lines'];
  for (const stream of ['stdout', 'stderr'] as const) {
    const exp = splitLines(expected[stream] ?? '');
    const act = splitLines(actual[stream]);
    lines[stream] = { expected: exp, actual: act };
    const skip = nosite ? startupDependentLines(expected, nosite, stream) : new Set<number>();
    const noLines = nosite ? splitLines(nosite[stream] ?? '') : [];
    for (let i = 0; i < Math.max(exp.length, act.length); i++) {
      const e = i < exp.length ? exp[i] : null;
      const a = i < act.length ? act[i] : null;
      const n = i < noLines.length ? noLines[i] : null;
      // Start-up dependent: not compared, but a line both CPython runs printed must be there.
      if (skip.has(i) && !(a === null && e !== null && n !== null)) {
        if (e !== null || a !== null) excluded.push({ stream, line: i + 1, recorded: e, nosite: n, actual: a });
        continue;
      }
      if (e === null || a === null || maskLine(stream, e) !== maskLine(stream, a)) {
        differences.push({ stream, line: i + 1, expected: e, actual: a });
      }
    }
  }
  const exitCode = { expected: expected.exit_code ?? null, actual: actual.exitCode };
  if (exitCode.expected !== exitCode.actual) {
    differences.push({ stream: 'exit', line: 0, expected: String(exitCode.expected), actual: String(exitCode.actual) });
  }
  return { equal: differences.length === 0, differences, excluded, exitCode, lines };
}

export { formatDiff } from './diff';
