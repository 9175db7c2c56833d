#!/usr/bin/env node
// A stand-in for dist/cli.js that runs real CPython instead of the simulator:
// `cpython-cli.mjs run FILE [--python X.Y]` runs $PYENV_ROOT/versions/X.Y.*/bin/python FILE
// in the current directory with run.py's clean environment, passing stdout, stderr and
// the exit code through (3.14 without a pyenv 3.14: pyodide, via run_pyodide.mjs --run).
// Use it to check the oracle test and the corpus themselves:
//   PYGC_CLI=scripts/oracle/cpython-cli.mjs PYGC_ORACLE_VERSIONS=3.12 npm test -- oracle
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const at = args.indexOf('--python');
const profile = at >= 0 ? args[at + 1] : '3.11';
const file = args[1];
if (args[0] !== 'run' || !file) {
  console.error('usage: cpython-cli.mjs run FILE [--python X.Y]');
  process.exit(2);
}
const versions = path.join(process.env.PYENV_ROOT || path.join(os.homedir(), '.pyenv'), 'versions');
const found = fs.existsSync(versions) ? fs.readdirSync(versions).filter((v) => v.startsWith(profile + '.')).sort() : [];
if (found.length === 0 && profile === '3.14') {
  // no native 3.14 here: the corpus's 3.14 oracle, pyodide (see run_pyodide.mjs)
  const here = path.dirname(fileURLToPath(import.meta.url));
  const r = spawnSync(process.execPath, [path.join(here, 'run_pyodide.mjs'), '--run', file], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
if (found.length === 0) {
  console.error(`no pyenv interpreter for ${profile} in ${versions}`);
  process.exit(2);
}
const env = {
  PATH: '/usr/local/bin:/usr/bin:/bin', HOME: process.env.HOME || '/', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8',
  PYTHONHASHSEED: '0', PYTHONIOENCODING: 'utf-8', PYTHONDONTWRITEBYTECODE: '1',
};
const r = spawnSync(path.join(versions, found[found.length - 1], 'bin', 'python'), [file], { env, maxBuffer: 64 << 20 });
process.stdout.write(r.stdout ?? '');
process.stderr.write(r.stderr ?? '');
process.exitCode = r.status ?? 1;
