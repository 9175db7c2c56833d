// Output normalisation, exactly as the oracle harness does it (scripts/oracle/run.py,
// class Normaliser), so engine output and real CPython output can be compared:
//  - the absolute scenario directory + "/" becomes "<scenarios>/" (3.9+ tracebacks);
//  - every 0x<hex> token becomes @1, @2, ... in order of first appearance (case-insensitive
//    key), one mapping per run, stdout first then stderr;
//  - "N.NNNNs elapsed" becomes "<T>s elapsed".
// Also the line splitting and masking the comparison (compare.ts) applies to both sides.
// Pure TypeScript: no vscode, no I/O.

// Python's `\b0x[0-9a-fA-F]+\b` on str: `\b` uses Unicode word characters (letters, numbers, "_").
const HEX_RE = /(?<![\p{L}\p{N}_])0x[0-9a-fA-F]+(?![\p{L}\p{N}_])/gu;
// Python's `\d+\.\d+s elapsed` (`\d` is any Unicode decimal digit).
const ELAPSED_RE = /\p{Nd}+\.\p{Nd}+s elapsed/gu;

export const SCENARIOS_PLACEHOLDER = '<scenarios>/';

/** One mapping of addresses for one process run (use one instance for stdout, then stderr). */
export class Normalizer {
  private readonly map = new Map<string, string>();
  private readonly dirPrefix: string | undefined;

  constructor(scenarioDir?: string) {
    // run.py: scenario_dir.rstrip("/") + "/"
    this.dirPrefix = scenarioDir ? scenarioDir.replace(/\/+$/, '') + '/' : undefined;
  }

  /** Number of distinct addresses replaced so far (the JSON's `addresses`). */
  get addresses(): number {
    return this.map.size;
  }

  sub(text: string): string {
    if (this.dirPrefix) text = text.split(this.dirPrefix).join(SCENARIOS_PLACEHOLDER);
    text = text.replace(HEX_RE, (hex) => {
      const key = hex.toLowerCase();
      let alias = this.map.get(key);
      if (alias === undefined) {
        alias = '@' + (this.map.size + 1);
        this.map.set(key, alias);
      }
      return alias;
    });
    return text.replace(ELAPSED_RE, '<T>s elapsed');
  }
}

export interface NormalizedRun {
  stdout: string;
  stderr: string;
  addresses: number;
}

/** Normalise one run's two streams with a single mapping, stdout first. */
export function normalizeRun(stdout: string, stderr: string, scenarioDir?: string): NormalizedRun {
  const n = new Normalizer(scenarioDir);
  const out = n.sub(stdout);
  const err = n.sub(stderr);
  return { stdout: out, stderr: err, addresses: n.addresses };
}

// Python's str.splitlines() boundaries.
const LINE_BREAK_RE = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/;

/** Split like Python's str.splitlines(): no trailing empty line, "" gives []. */
export function splitLines(text: string): string[] {
  const lines = text.split(LINE_BREAK_RE);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export type Stream = 'stdout' | 'stderr';

const GC_COUNTS_RE = /^(gc: objects in (?:each|permanent) generation:)(.*)$/;

/** Mask the interpreter-dependent numbers of a stderr line ("gc: objects in each generation: 1 2 3" -> "# # #"). */
export function maskLine(stream: Stream, line: string): string {
  if (stream !== 'stderr') return line;
  const m = GC_COUNTS_RE.exec(line);
  return m ? m[1] + m[2].replace(/\d+/g, '#') : line;
}
