#!/usr/bin/env node
// The real-VS-Code tests (`npm run test:e2e`): the extension tests in the
// extension host, then the UI end-to-end test, both against code-server
// (installed on first use into ~/.cache/pygc-lab, see install.mjs).
// Ends with "N passed, N failed"; exits 1 on any failure.
import { runExtensionTests } from './run-extension-tests.mjs';
import { runUiTests } from './ui.mjs';

const t0 = Date.now();
let passed = 0;
let failed = 0;
for (const run of [runExtensionTests, runUiTests]) {
  try {
    const r = await run();
    passed += r.passed;
    failed += r.failed;
  } catch (e) {
    console.error(`e2e: ${e.stack ?? e}`);
    failed += 1;
  }
}
console.log(`e2e took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
