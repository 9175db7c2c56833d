// `pygc`: run a scenario headless (`pygc run`) or compare it with real
// CPython (`pygc verify`). Output and exit codes follow DESIGN.md's contract:
// the scenario's stdout/stderr as CPython writes them, scenario errors exit 2.

import fs from 'node:fs';
import path from 'node:path';
import { runCommand } from './run';
import { verifyCommand } from './verify';

const USAGE = `usage: pygc run FILE [--python X.Y] [--trace OUT.json] [--max-steps N] [--hash wasm32]
       pygc verify FILE [--python X.Y|all|PATH] [--json]
`;

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === 'run') return runCommand(rest);
  if (cmd === 'verify') return verifyCommand(rest);
  if (cmd === '--version' || cmd === '-V') {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
    process.stdout.write(`pygc ${pkg.version}\n`);
    return 0;
  }
  process.stderr.write(USAGE);
  return cmd === '--help' || cmd === '-h' ? 0 : 2;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`pygc: internal error: ${err instanceof Error ? err.message : String(err)}\n`); process.exitCode = 70; },
);
