#!/usr/bin/env node
// UI end-to-end test in the real VS Code workbench (code-server + Chromium):
// open an example, check token scopes with "Inspect Editor Tokens and
// Scopes", set a breakpoint, start debugging, read the Variables pane (a
// refcount and the generation scopes), step, step back. Screenshots go to
// test-artifacts/e2e-ui/. Prints "ui tests: N passed, N failed".
import * as fs from 'node:fs';
import * as path from 'node:path';
import { launchBrowser } from './browser.mjs';
import { startCodeServer, workbenchUrl } from './code-server.mjs';
import { install } from './install.mjs';
import { artifactsDir, makeWorkspace, ROOT } from './workspace.mjs';

const FILE = 'd_collect_debug_stats.pygc';

/** Runs a command from the palette by its label. */
/** Gives the keyboard back to the workbench when a webview (the GC panel) has it. */
async function focusWorkbench(page) {
  const inWebview = await page.evaluate(() => document.activeElement?.tagName === 'IFRAME');
  if (inWebview) await page.locator('.editor-group-container .tab', { hasText: FILE }).first().click();
}

async function runCommand(page, label) {
  await focusWorkbench(page);
  // Keep the pointer off the editor: the token inspector follows the mouse.
  await page.mouse.move(700, 890);
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${label}`);
  // Enter runs the focused row: wait until the focused row is the command.
  await page.locator(`.quick-input-list .monaco-list-row.focused[aria-label^="${label}"]`).waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

/** Moves the cursor to a 1-based line and column with Ctrl+G. */
async function goTo(page, line, column) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await page.waitForFunction(() => (document.querySelector('.quick-input-widget input'))?.value === ':');
  await input.fill(`:${line}:${column}`);
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
  await page.locator('.statusbar-item', { hasText: `Ln ${line},` }).first().waitFor({ timeout: 5_000 });
}

async function rows(page, selector) {
  return page.locator(`${selector} .monaco-list-row`).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
}

async function waitForRow(page, selector, re, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const all = await rows(page, selector);
    const hit = all.find((r) => re.test(r));
    if (hit) return hit;
    if (Date.now() > deadline) throw new Error(`no row matching ${re} in ${selector}: ${JSON.stringify(all)}`);
    await page.waitForTimeout(200);
  }
}

export async function runUiTests() {
  const t0 = Date.now();
  install();
  const shots = artifactsDir('e2e-ui');
  const ws = makeWorkspace();
  const source = fs.readFileSync(path.join(ws.dir, FILE), 'utf8').split('\n');
  const server = await startCodeServer();
  const { context, close } = await launchBrowser();
  const results = [];
  const page = context.pages()[0] ?? await context.newPage();
  const step = async (name, fn) => {
    const s0 = Date.now();
    try {
      await fn();
      results.push({ name, ok: true });
      console.log(`  ✔ ${name} (${Date.now() - s0} ms)`);
    } catch (e) {
      results.push({ name, ok: false });
      console.log(`  ✖ ${name}: ${String(e.message ?? e).split('\n').slice(0, 6).join('\n    ')}`);
      await page.screenshot({ path: path.join(shots, `failed-${results.length}.png`) }).catch(() => {});
    }
  };
  try {
    console.log('ui tests:');
    await step('the workbench opens with the extension under development', async () => {
      await page.goto(workbenchUrl(server, { folder: ws.dir, extensionPath: ROOT }));
      await page.locator('.monaco-workbench').waitFor({ timeout: 30_000 });
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: FILE }).waitFor({ timeout: 30_000 });
    });
    await step('an example opens as a pygc scenario', async () => {
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: FILE }).click();
      await page.locator('.monaco-editor .view-lines', { hasText: 'ClassA' }).waitFor({ timeout: 15_000 });
      await page.locator('.statusbar-item', { hasText: 'PyGC Scenario' }).first().waitFor({ timeout: 15_000 });
      await page.locator('.statusbar-item', { hasText: 'CPython 3.11' }).first().waitFor({ timeout: 15_000 });
      await page.screenshot({ path: path.join(shots, '1-scenario.png') });
    });
    await step('token scopes: gc.set_debug is support.function.gc.pygc, __del__ a finalizer', async () => {
      // (A line without wide characters: Go to Line counts their columns twice.)
      const line = source.findIndex((l) => /^\s+gc\.set_debug\(1\)/.test(l)) + 1;
      await page.locator('.monaco-editor .view-lines').first().click();
      await goTo(page, line, source[line - 1].indexOf('set_debug') + 3);
      await runCommand(page, 'Developer: Inspect Editor Tokens and Scopes');
      const widget = page.locator('.token-inspect-widget');
      await widget.waitFor({ timeout: 10_000 });
      const text = await widget.innerText();
      if (!text.includes('support.function.gc.pygc')) throw new Error(`scopes: ${text}`);
      await page.screenshot({ path: path.join(shots, '2-token-scopes.png') });
      await page.keyboard.press('Escape');
      const del = source.findIndex((l) => l.includes('def __del__')) + 1;
      await goTo(page, del, source[del - 1].indexOf('__del__') + 3);
      await runCommand(page, 'Developer: Inspect Editor Tokens and Scopes');
      await widget.waitFor({ timeout: 10_000 });
      const text2 = await widget.innerText();
      if (!text2.includes('support.function.magic.finalizer.pygc')) throw new Error(`scopes: ${text2}`);
      await page.keyboard.press('Escape');
    });
    const bpLine = source.findIndex((l) => l.trim() === 'del c1') + 1;
    await step('F5 without a launch.json stops on entry, and continuing stops at a breakpoint', async () => {
      await goTo(page, bpLine, 5);
      await page.keyboard.press('F9');
      await page.locator('.codicon-debug-breakpoint').first().waitFor({ timeout: 10_000 });
      await page.keyboard.press('F5');
      await page.locator('.debug-toolbar').waitFor({ timeout: 30_000 });
      await page.waitForTimeout(1000); // the GC panel opens beside the editor at the first stop
      await runCommand(page, 'View: Show Run and Debug');
      const entry = source.findIndex((l) => /^\S/.test(l) && !l.startsWith('#')) + 1;
      await waitForRow(page, '.debug-call-stack', new RegExp(`<module>.*\\b${entry}\\b`), 30_000);
      await focusWorkbench(page);
      await page.keyboard.press('F5');
      await waitForRow(page, '.debug-call-stack', new RegExp(`f3.*\\b${bpLine}\\b`), 30_000);
    });
    await step('the Variables view shows a refcount and the generation scopes', async () => {
      const c1 = await waitForRow(page, '.debug-variables', /^c1, value .*refcount 2/);
      const all = await rows(page, '.debug-variables');
      for (const scope of ['Generation 0', 'Generation 1', 'Generation 2']) {
        if (!all.some((r) => r === `Scope ${scope}`)) throw new Error(`no ${scope} scope in ${JSON.stringify(all)}`);
      }
      console.log(`    ${c1}`);
      await page.screenshot({ path: path.join(shots, '3-variables.png') });
    });
    await step('Variables context menu: Break When Refcount Changes adds a data breakpoint', async () => {
      await focusWorkbench(page);
      await page.locator('.debug-variables .monaco-list-row[aria-label^="c2, value"]').first().click({ button: 'right' });
      const item = page.locator('.monaco-menu .action-item', { hasText: 'Break When Refcount Changes' }).first();
      await item.waitFor({ timeout: 10_000 });
      await page.screenshot({ path: path.join(shots, '3a-variables-menu.png') });
      await item.click();
      await waitForRow(page, '.debug-breakpoints', /c2/i, 10_000);
    });
    await step('the GC panel opened at the first stop and shows the stopped step', async () => {
      const deadline = Date.now() + 20_000;
      let text = '';
      for (;;) {
        for (const f of page.frames()) {
          const el = await f.$('#status-bar').catch(() => null);
          if (el) text = (await el.innerText().catch(() => '')) || text;
        }
        if (/step/i.test(text)) break;
        if (Date.now() > deadline) throw new Error(`no GC panel frame with a step in its status bar (last: ${JSON.stringify(text)})`);
        await page.waitForTimeout(300);
      }
      console.log(`    panel: ${text.replace(/\s+/g, ' ').trim()}`);
      await page.screenshot({ path: path.join(shots, '3b-gc-panel.png') });
    });
    await step('step over, then step back to the breakpoint line', async () => {
      await focusWorkbench(page);
      await page.keyboard.press('F10');
      await waitForRow(page, '.debug-call-stack', new RegExp(`f3.*\\b${bpLine + 1}\\b`));
      await waitForRow(page, '.debug-variables', /^c2, value/);
      await page.screenshot({ path: path.join(shots, '4-stepped.png') });
      await page.locator('.debug-toolbar .codicon-debug-step-back').click();
      await waitForRow(page, '.debug-call-stack', new RegExp(`f3.*\\b${bpLine}\\b`));
      await waitForRow(page, '.debug-variables', /^c1, value .*refcount 2/);
      await page.screenshot({ path: path.join(shots, '5-stepped-back.png') });
    });
    await step('continuing stops on the data breakpoint, then the session ends', async () => {
      await focusWorkbench(page);
      await page.keyboard.press('F5');
      // `del c2` drops c2's refcount: the data breakpoint stops there.
      const delC2 = source.findIndex((l) => l.trim() === 'del c2') + 1;
      await waitForRow(page, '.debug-call-stack', new RegExp(`f3.*\\b${delC2 + 1}\\b`), 15_000);
      await page.screenshot({ path: path.join(shots, '5b-data-breakpoint.png') });
      for (let i = 0; i < 20 && await page.locator('.debug-toolbar').isVisible(); i++) {
        await focusWorkbench(page);
        await page.keyboard.press('F5');
        await page.waitForTimeout(500);
      }
      await page.locator('.debug-toolbar').waitFor({ state: 'hidden', timeout: 30_000 });
      await page.screenshot({ path: path.join(shots, '6-ended.png') });
    });
  } finally {
    await close();
    await server.stop();
    ws.remove();
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`ui tests: ${passed} passed, ${failed} failed (${((Date.now() - t0) / 1000).toFixed(1)} s; screenshots in ${path.relative(ROOT, shots)}/)`);
  return { passed, failed };
}

if (path.resolve(process.argv[1] ?? '') === path.resolve(new URL(import.meta.url).pathname)) {
  const r = await runUiTests();
  process.exit(r.failed > 0 ? 1 : 0);
}
