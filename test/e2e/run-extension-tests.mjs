#!/usr/bin/env node
// Extension tests in a real VS Code: bundles test/e2e/extension/*.ts with
// esbuild, then runs them through @vscode/test-electron's runTests, unchanged,
// with `vscodeExecutablePath` pointed at code-server-wrapper.mjs (or at a
// desktop VS Code given in PYGC_VSCODE_EXECUTABLE). Prints the mocha output and
// "extension tests: N passed, N failed"; exits 1 on any failure.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import { runTests } from '@vscode/test-electron';
import { install } from './install.mjs';
import { artifactsDir, makeWorkspace, ROOT } from './workspace.mjs';

export async function runExtensionTests() {
  const t0 = Date.now();
  if (!process.env.PYGC_VSCODE_EXECUTABLE) install();
  const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
  const outDir = artifactsDir('e2e-extension-tests');
  const testsPath = path.join(outDir, 'index.js');
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'test', 'e2e', 'extension', 'index.ts')],
    outfile: testsPath, bundle: true, platform: 'node', format: 'cjs', target: 'node20',
    external: ['vscode', 'mocha'], sourcemap: 'inline', logLevel: 'warning',
    // mocha is resolved from the repository's node_modules.
    nodePaths: [path.join(ROOT, 'node_modules')],
  });
  const ws = makeWorkspace();
  // index.ts appends each failure's stack here (the host's own report of it can be cut off)
  const failuresFile = path.join(outDir, 'failures.txt');
  fs.rmSync(failuresFile, { force: true });
  let passed = 0;
  let failed = 0;
  try {
    const wrapper = process.env.PYGC_VSCODE_EXECUTABLE ?? path.join(ROOT, 'test', 'e2e', 'code-server-wrapper.mjs');
    // Capture the wrapper's output to count the results while showing it.
    const origWrite = process.stdout.write.bind(process.stdout);
    let captured = '';
    process.stdout.write = (chunk, ...rest) => { captured += String(chunk); return origWrite(chunk, ...rest); };
    let code = 0;
    try {
      code = await runTests({
        vscodeExecutablePath: wrapper,
        extensionDevelopmentPath: ROOT,
        extensionTestsPath: testsPath,
        launchArgs: [ws.dir],
        extensionTestsEnv: { PYGC_E2E: '1', PYGC_E2E_FAILURES: failuresFile },
      });
    } catch (e) {
      code = 1;
      console.error(`extension tests: ${e.message ?? e}`);
    } finally {
      process.stdout.write = origWrite;
    }
    const m = /PYGC_RESULT (\{.*\})/.exec(captured);
    if (m) ({ passed, failed } = JSON.parse(m[1]));
    if (code !== 0 && failed === 0) failed = 1;
    if (fs.existsSync(failuresFile)) console.error(fs.readFileSync(failuresFile, 'utf8'));
  } finally {
    ws.remove();
  }
  console.log(`extension tests: ${passed} passed, ${failed} failed (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  return { passed, failed };
}

if (path.resolve(process.argv[1] ?? '') === path.resolve(new URL(import.meta.url).pathname)) {
  const r = await runExtensionTests();
  process.exit(r.failed > 0 ? 1 : 0);
}
