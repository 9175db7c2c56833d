// "Jump to cursor" in a time-travel debugger: the steps at which a line ran —
// the last time before the current step, the next time after it (if already
// executed once), the first time and the last time so far.

export interface LineLog { lineAt(step: number): number }

export function gotoTargets(log: LineLog, lastStep: number, current: number, line: number): { step: number; label: string }[] {
  let first = 0, prev = 0, next = 0, final = 0;
  for (let s = 1; s <= lastStep; s++) {
    if (log.lineAt(s) !== line) continue;
    if (!first) first = s;
    if (s < current) prev = s;
    if (s > current && !next) next = s;
    final = s;
  }
  const out: { step: number; label: string }[] = [];
  const add = (s: number, what: string) => {
    if (s && !out.some((t) => t.step === s)) out.push({ step: s, label: `step ${s}: ${what}` });
  };
  add(prev, `the last time line ${line} ran before this step`);
  add(next, `the next time line ${line} runs`);
  add(first, `the first time line ${line} ran`);
  add(final, `the last time line ${line} ran so far`);
  return out;
}
