// formatDiff: a readable unified-style diff of a CompareResult (see compare.ts).
// Lines are aligned by longest common subsequence (falling back to index alignment for
// huge outputs); a masked "gc: objects in …" line counts as equal, and a start-up
// dependent recorded line matches any line and is shown with "~" when its text differs.

import type { CompareResult } from './compare';
import { maskLine, type Stream } from './normalize';

export interface DiffOptions {
  /** Label of the recorded side, e.g. "CPython 3.11.7". */
  expected?: string;
  /** Label of the checked side, e.g. "pygc --python 3.11". */
  actual?: string;
  /** Unchanged lines shown around each change (default 3). */
  context?: number;
}

type Op = { kind: ' ' | '-' | '+' | '~'; e: number; a: number; text: string };

const MAX_CELLS = 4_000_000;

function align(exp: string[], act: string[], eq: (i: number, j: number) => boolean): Op[] {
  const n = exp.length;
  const m = act.length;
  const ops: Op[] = [];
  if ((n + 1) * (m + 1) > MAX_CELLS) {
    for (let i = 0; i < Math.max(n, m); i++) {
      if (i < n && i < m && eq(i, i)) ops.push({ kind: ' ', e: i, a: i, text: act[i] });
      else {
        if (i < n) ops.push({ kind: '-', e: i, a: -1, text: exp[i] });
        if (i < m) ops.push({ kind: '+', e: -1, a: i, text: act[i] });
      }
    }
    return ops;
  }
  // lcs[i][j] = LCS length of exp[i..] and act[j..]
  const w = m + 1;
  const lcs = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * w + j] = eq(i, j) ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
    }
  }
  let i = 0;
  let j = 0;
  let minus: Op[] = [];
  let plus: Op[] = [];
  const flush = () => {
    ops.push(...minus, ...plus);
    minus = [];
    plus = [];
  };
  while (i < n || j < m) {
    if (i < n && j < m && eq(i, j) && lcs[i * w + j] === lcs[(i + 1) * w + j + 1] + 1) {
      flush();
      ops.push({ kind: ' ', e: i, a: j, text: act[j] });
      i++;
      j++;
    } else if (i < n && (j >= m || lcs[(i + 1) * w + j] >= lcs[i * w + j + 1])) {
      minus.push({ kind: '-', e: i, a: -1, text: exp[i] });
      i++;
    } else {
      plus.push({ kind: '+', e: -1, a: j, text: act[j] });
      j++;
    }
  }
  flush();
  return ops;
}

function streamDiff(result: CompareResult, stream: Stream, opts: Required<DiffOptions>): string[] {
  const { expected: exp, actual: act } = result.lines[stream];
  const wild = new Set(result.excluded.filter((x) => x.stream === stream).map((x) => x.line - 1));
  const eq = (i: number, j: number) => wild.has(i) || maskLine(stream, exp[i]) === maskLine(stream, act[j]);
  const ops = align(exp, act, eq).map((op): Op => {
    if (op.kind === ' ' && wild.has(op.e) && exp[op.e] !== act[op.a]) return { ...op, kind: '~' };
    // an extra line where only the default run has fewer lines than the -S run
    if (op.kind === '+' && op.a >= exp.length && wild.has(op.a)) return { ...op, kind: '~', e: -1 };
    return op;
  });
  const changed = ops.map((op, k) => (op.kind === '-' || op.kind === '+' ? k : -1)).filter((k) => k >= 0);
  if (changed.length === 0) return [];
  const out = [`--- ${opts.expected} (${stream})`, `+++ ${opts.actual} (${stream})`];
  let k = 0;
  while (k < changed.length) {
    const start = Math.max(0, changed[k] - opts.context);
    let end = changed[k];
    while (k + 1 < changed.length && changed[k + 1] - end <= 2 * opts.context + 1) end = changed[++k];
    k++;
    end = Math.min(ops.length - 1, end + opts.context);
    const hunk = ops.slice(start, end + 1);
    const eLines = hunk.filter((op) => op.e >= 0);
    const aLines = hunk.filter((op) => op.a >= 0);
    const eStart = eLines.length ? eLines[0].e + 1 : firstIndex(ops, start, 'e');
    const aStart = aLines.length ? aLines[0].a + 1 : firstIndex(ops, start, 'a');
    out.push(`@@ -${eStart},${eLines.length} +${aStart},${aLines.length} @@`);
    for (const op of hunk) {
      if (op.kind === '~') {
        const cpython = op.e >= 0 ? `CPython: ${exp[op.e]}` : 'only CPython -S prints a line here';
        out.push(`~${op.text}    [start-up dependent, not compared; ${cpython}]`);
      }
      else out.push(op.kind + op.text);
    }
  }
  return out;
}

/** Line number (unified-diff convention) just before ops[start] on one side. */
function firstIndex(ops: Op[], start: number, side: 'e' | 'a'): number {
  for (let k = start - 1; k >= 0; k--) if (ops[k][side] >= 0) return ops[k][side] + 1;
  return 0;
}

/** A readable unified-style diff; "" when the result is equal. */
export function formatDiff(result: CompareResult, options: DiffOptions = {}): string {
  const opts: Required<DiffOptions> = { expected: 'expected', actual: 'actual', context: 3, ...options };
  const out: string[] = [];
  for (const stream of ['stdout', 'stderr'] as const) {
    if (result.differences.some((d) => d.stream === stream)) out.push(...streamDiff(result, stream, opts));
  }
  const { expected, actual } = result.exitCode;
  if (expected !== actual) out.push(`exit code: expected ${expected}, got ${actual}`);
  return out.length ? out.join('\n') + '\n' : '';
}
