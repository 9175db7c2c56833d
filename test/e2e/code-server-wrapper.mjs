#!/usr/bin/env node
// Stands in for a VS Code executable for @vscode/test-electron's runTests
// (`vscodeExecutablePath`): takes the arguments VS Code would get
// (--extensionDevelopmentPath=…, --extensionTestsPath=…, a folder), runs the
// extension tests in the real workbench of code-server driven by Chromium,
// relays the extension host's log, and exits with the tests' exit code.
import { format } from 'node:util';
import { launchBrowser } from './browser.mjs';
import { startCodeServer, workbenchUrl } from './code-server.mjs';

const args = process.argv.slice(2);
const opt = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const folder = args.find((a) => !a.startsWith('-'));
const extensionPath = opt('extensionDevelopmentPath');
const testsPath = opt('extensionTestsPath');
if (!extensionPath || !testsPath) {
  console.error('code-server-wrapper: --extensionDevelopmentPath= and --extensionTestsPath= are required');
  process.exit(2);
}
/** Workbench log lines that are expected offline and say nothing about the tests. */
const NOISE = [/\[AgentHost\]/, /ENOTFOUND/, /\[ChatModelSelection\]/, /\[AccountPolicyGate\]/, /authentication provider/,
  /vsda/, /^\s+at /m];
const isNoise = (text) => NOISE.some((r) => r.test(text));
const TIMEOUT_MS = Number(process.env.PYGC_E2E_TIMEOUT_MS ?? 180_000);
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('PYGC_')));

const server = await startCodeServer({ settings: JSON.parse(process.env.PYGC_E2E_SETTINGS ?? '{}') });
const { context, close } = await launchBrowser();
let code = 1;
try {
  const page = context.pages()[0] ?? await context.newPage();
  const exited = new Promise((resolve) => {
    page.exposeFunction('codeAutomationExit', (c) => { resolve(Number(c)); });
  });
  await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
    const text = format(...(Array.isArray(logArgs) ? logArgs : [logArgs]));
    if (!isNoise(text)) (type === 'error' ? process.stderr : process.stdout).write(`${text}\n`);
  });
  await page.goto(workbenchUrl(server, { folder, extensionPath, testsPath, env }));
  code = await Promise.race([
    exited,
    new Promise((resolve) => setTimeout(() => { console.error(`code-server-wrapper: no result within ${TIMEOUT_MS / 1000} s`); resolve(1); }, TIMEOUT_MS)),
  ]);
} catch (e) {
  console.error(`code-server-wrapper: ${e.stack ?? e}`);
  code = 1;
} finally {
  await close();
  await server.stop();
}
process.exit(code);
