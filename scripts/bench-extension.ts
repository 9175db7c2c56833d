// `npm run bench` part for the extension: time to load dist/extension.js and
// run activate() against the stand-in `vscode` module of the unit tests
// (target < 50 ms). Run with `node --import tsx scripts/bench-extension.ts`.
import * as path from 'node:path';
import { createVscodeStub, withVscode } from '../test/unit/extension/helpers/vscode-stub';

const ROOT = path.resolve(__dirname, '..');
const BUNDLE = path.join(ROOT, 'dist', 'extension.js');

function once(): number {
  const { vscode } = createVscodeStub({}, []);
  delete require.cache[BUNDLE];
  return withVscode(vscode, () => {
    const t0 = performance.now();
    const ext = require(BUNDLE) as { activate(c: unknown): void };
    ext.activate({ subscriptions: [], extensionUri: { fsPath: ROOT, path: ROOT } });
    return performance.now() - t0;
  });
}

once(); // warm the file cache
const runs = Array.from({ length: 7 }, once).sort((a, b) => a - b);
console.log('extension activation (load dist/extension.js + activate(), stand-in vscode module)');
console.log(`  median ${runs[3].toFixed(1)} ms   best ${runs[0].toFixed(1)} ms   (target < 50 ms)`);
