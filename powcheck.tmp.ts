import { readFileSync } from 'node:fs';
import { libmPow } from './src/engine/text/pow';
function fromHex(s: string): number {
  const m = /^(-?)0x([01])\.([0-9a-f]*)p([+-]\d+)$/.exec(s);
  if (!m) { if (s === 'inf') return Infinity; if (s === '0x0.0p+0') return 0; throw new Error(s); }
  const frac = m[3] === '' ? 0 : parseInt(m[3], 16) / 16 ** m[3].length;
  let v = (+m[2] + frac);
  let e = +m[4];
  // exact scaling
  while (e > 0) { const s2 = Math.min(e, 1000); v *= 2 ** s2; e -= s2; }
  while (e < 0) { const s2 = Math.max(e, -1000); v *= 2 ** s2; e -= s2; }
  return m[1] ? -v : v;
}
const cases = JSON.parse(readFileSync('/tmp/powcases.json', 'utf8')) as [string, string, string][];
let bad = 0, badMath = 0;
const t0 = Date.now();
for (const [xs, ys, rs] of cases) {
  const x = fromHex(xs), y = fromHex(ys);
  const want = rs === 'OVF' ? Infinity : fromHex(rs);
  const got = libmPow(x, y);
  if (!Object.is(got, want)) { if (bad < 10) console.log('mismatch', xs, ys, rs, got, want); bad++; }
  if (!Object.is(Math.pow(x, y), want)) badMath++;
}
console.log('cases', cases.length, 'bad', bad, 'Math.pow bad', badMath, 'ms', Date.now() - t0);
