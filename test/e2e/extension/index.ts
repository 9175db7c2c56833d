// Mocha entry run inside the extension host of a real VS Code workbench
// (extensionTestsPath). The tests are bundled into this file by
// test/e2e/run-extension-tests.mjs; mocha is loaded from node_modules.
// Prints "PYGC_RESULT {passed, failed}" for the runner's summary.
import * as fs from 'node:fs';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'extension-tests', mocha);
  /* eslint-disable @typescript-eslint/no-require-imports */
  require('./language.test');
  require('./debugging.test');
  require('./compare.test');
  /* eslint-enable @typescript-eslint/no-require-imports */
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      console.log(`PYGC_RESULT ${JSON.stringify({ passed: runner.stats?.passes ?? 0, failed: failures })}`);
      if (failures > 0) reject(new Error(`${failures} extension test(s) failed`));
      else resolve();
    });
    // the spec reporter's failure details can be cut off when the host exits: the runner prints this file
    runner.on('fail', (t, err: Error) => {
      const file = process.env.PYGC_E2E_FAILURES;
      if (file) fs.appendFileSync(file, `FAILED: ${t.fullTitle()}\n${err.stack ?? err}\n\n`);
    });
  });
}
