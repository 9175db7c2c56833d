#!/usr/bin/env node
// `npm run bench` part for the GC panel: prints its performance figures in
// headless Chromium (first render of a 1,000-node heap, update per step, a
// 10,000-object heap while stepping). Needs /usr/bin/chromium (apt-get install
// -y chromium) or PYGC_CHROMIUM. The measuring code is test/webview/perf.ts.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test', 'webview', 'perf.ts')], { cwd: ROOT, stdio: 'inherit' });
process.exit(r.status ?? 1);
