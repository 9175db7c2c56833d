// Builds the bundles with esbuild: dist/cli.js (the `pygc` command) and, as
// later layers arrive, the debug adapter, the extension and the webview.
import * as esbuild from 'esbuild';
import fs from 'node:fs';

const watch = process.argv.includes('--watch');
const entries = [
  { in: 'src/cli/main.ts', out: 'dist/cli.js', banner: '#!/usr/bin/env node' },
  { in: 'src/engine/index.ts', out: 'dist/engine.js' },
].filter((e) => fs.existsSync(e.in));

for (const e of entries) {
  const opts = {
    entryPoints: [e.in],
    outfile: e.out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true,
    tsconfig: 'tsconfig.json',
    banner: e.banner ? { js: e.banner } : undefined,
    logLevel: 'warning',
  };
  if (watch) await (await esbuild.context(opts)).watch();
  else await esbuild.build(opts);
}
if (fs.existsSync('dist/cli.js')) fs.chmodSync('dist/cli.js', 0o755);
console.log(`built ${entries.map((e) => e.out).join(', ')}`);
