#!/usr/bin/env node
// `npm run bench` part for the GC panel: prints its performance figures in
// headless Chromium (first render of a 1,000-node heap, update per step, a
// 10,000-object heap while stepping), each timed from the message to the frame
// painted after it is drawn (test/webview/perf.ts), then the main-thread CPU
// time of the same messages from a Chromium trace (test/webview/cpu-time.ts),
// which hardly moves when other processes share the machine. Needs
// /usr/bin/chromium (apt-get install -y chromium) or PYGC_CHROMIUM.
// Arguments (499: the 1,000-node heap, 4999: the 10,000-object one) select heaps; --whole sends every
// step as a whole snapshot instead of the diffs the extension host sends after the first.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let status = 0;
for (const script of ['perf.ts', 'cpu-time.ts']) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test', 'webview', script), ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit' });
  status ||= r.status ?? 1;
}
process.exit(status);
