// Builds the bundles with esbuild: dist/cli.js (the `pygc` command), the engine
// bundle, the GC panel's browser script (media/panel.js) and, as later layers
// arrive, the debug adapter and the extension. Each entry may set `platform`
// ('node' by default, CommonJS; 'browser' gives an IIFE for a webview).
// `external` lists modules left to the host (`vscode` for the extension).
import * as esbuild from 'esbuild';
import fs from 'node:fs';

const watch = process.argv.includes('--watch');
const entries = [
  { in: 'src/cli/main.ts', out: 'dist/cli.js', banner: '#!/usr/bin/env node' },
  { in: 'src/engine/index.ts', out: 'dist/engine.js' },
  { in: 'src/debug/debugAdapter.ts', out: 'dist/debugAdapter.js' },
  { in: 'src/extension/extension.ts', out: 'dist/extension.js', external: ['vscode'] },
  // The inline debug session (runtime + engine), required by the extension on the first debug session only.
  { in: 'src/debug/session.ts', out: 'dist/debugSession.js' },
  { in: 'src/webview/main.ts', out: 'media/panel.js', platform: 'browser' },
].filter((e) => fs.existsSync(e.in));

for (const e of entries) {
  const browser = e.platform === 'browser';
  const opts = {
    entryPoints: [e.in],
    outfile: e.out,
    bundle: true,
    platform: browser ? 'browser' : 'node',
    format: browser ? 'iife' : 'cjs',
    target: browser ? 'chrome120' : 'node20',
    minify: browser,
    sourcemap: true,
    tsconfig: browser ? 'src/webview/tsconfig.json' : 'tsconfig.json',
    banner: e.banner ? { js: e.banner } : undefined,
    logLevel: 'warning',
    external: e.external,
  };
  if (watch) await (await esbuild.context(opts)).watch();
  else await esbuild.build(opts);
}
if (fs.existsSync('dist/cli.js')) fs.chmodSync('dist/cli.js', 0o755);
console.log(`built ${entries.map((e) => e.out).join(', ')}`);
