#!/usr/bin/env node
// `npm run sandbox`: try PyGC Lab without installing VS Code. Builds the
// extension, starts the real VS Code workbench (code-server, installed on
// first use into ~/.cache/pygc-lab or PYGC_CACHE) with the extension under
// development loaded and examples/ open, and prints the URL to open in a
// browser. Ctrl+C stops it. PORT=8080 npm run sandbox picks the port.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { install } from '../test/e2e/install.mjs';
import { startCodeServer, workbenchUrl } from '../test/e2e/code-server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
install();
const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(1);
const server = await startCodeServer({ port: process.env.PORT ? Number(process.env.PORT) : undefined });
const url = workbenchUrl(server, { folder: path.join(ROOT, 'examples'), extensionPath: ROOT });
console.log(`\nPyGC Lab sandbox (code-server, VS Code workbench) is running. Open:\n\n  ${url}\n`);
console.log('It listens on 127.0.0.1 only (forward the port to reach it from another machine). Ctrl+C stops it.');
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
setInterval(() => {}, 1 << 30);
