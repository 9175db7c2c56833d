// A throw-away workspace for the real-VS-Code tests: a copy of examples/
// (tests may add files and breakpoints there, never in the repository).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

export function makeWorkspace() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pygc-workspace-'));
  fs.cpSync(path.join(ROOT, 'examples'), dir, { recursive: true });
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export function artifactsDir(name) {
  const dir = path.join(ROOT, 'test-artifacts', name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
