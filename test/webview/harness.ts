// The GC panel's test harness: serves the real page (panelHtml with its CSP,
// media/panel.js, media/panel.css) from a local server on 127.0.0.1, opens it
// in headless Debian Chromium through playwright-core with acquireVsCodeApi
// stubbed (test/webview/vscode-stub.js), feeds it host messages and reads what
// it draws through window.__pygcPanel.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { HostToPanel, PanelToHost } from '../../src/protocol/panel-messages';
import type { Snapshot } from '../../src/protocol/snapshot';
import { panelHtml } from '../../src/webview/html';
import type { InspectChart, InspectEdge, InspectNode, InspectTiming } from '../../src/webview/inspect-types';
import type { Recording } from '../../scripts/record-panel-fixtures';
import { THEMES, type ThemeName } from './themes';

export const ROOT = path.resolve(__dirname, '..', '..');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'webview');
export const CHROMIUM = process.env.PYGC_CHROMIUM || '/usr/bin/chromium';
const STUB = path.join(__dirname, 'vscode-stub.js');

function newestMtime(dir: string): number {
  let m = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    m = Math.max(m, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return m;
}

/** Build media/panel.js when it is missing or older than the webview's sources. */
export function ensureBuilt(): void {
  const out = path.join(ROOT, 'media', 'panel.js');
  const src = Math.max(newestMtime(path.join(ROOT, 'src', 'webview')), newestMtime(path.join(ROOT, 'src', 'protocol')));
  if (fs.existsSync(out) && fs.statSync(out).mtimeMs >= src) return;
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build failed');
}

export interface Server { origin: string; close(): Promise<void> }

/** Serve the panel page (a fresh nonce per load) and media/ on 127.0.0.1. */
export async function startServer(): Promise<Server> {
  const media = path.join(ROOT, 'media');
  const types: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };
  let origin = '';
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === '/panel.html') {
      const html = panelHtml({
        cspSource: origin, nonce: crypto.randomBytes(16).toString('base64'),
        scriptUri: `${origin}/media/panel.js`, styleUri: `${origin}/media/panel.css`,
      });
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
      return;
    }
    if (url.pathname === '/favicon.ico') { res.writeHead(204); res.end(); return; }
    const file = path.join(media, path.normalize(url.pathname.replace(/^\/media\//, '')));
    if (!url.pathname.startsWith('/media/') || !file.startsWith(media + path.sep) || !fs.existsSync(file)) {
      res.writeHead(404); res.end(); return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('no address');
  origin = `http://127.0.0.1:${addr.port}`;
  return { origin, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface Browser { context: BrowserContext; close(): Promise<void> }

/** Headless Chromium with a fresh profile. */
export async function launchBrowser(): Promise<Browser> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pygc-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 860 },
  });
  return {
    context,
    close: async () => { await context.close(); fs.rmSync(dir, { recursive: true, force: true }); },
  };
}

/** A drawn step as the page saw it (performance.now() times; see vscode-stub.js). */
export interface FrameTiming { step: number; posted?: number; drawn: number; presented?: number }

interface PageWindow {
  postMessage(m: unknown, target: string): void;
  __posted: PanelToHost[];
  __state: unknown;
  __cspViolations: string[];
  __longTasks: { start: number; duration: number }[];
  __frames: FrameTiming[];
  __postAt?: number;
  __pwned?: unknown;
  __applyTheme(t: unknown): void;
  __pygcPanel: {
    nodes(): InspectNode[]; edges(): InspectEdge[]; chart(): InspectChart; timings(): InspectTiming[];
  };
  document: { body: { dataset: Record<string, string | undefined> } };
}
// Callbacks below run in the page (serialised): they name the page's globals through this cast.

export class PanelPage {
  readonly errors: string[] = [];
  readonly dialogs: string[] = [];
  private constructor(readonly page: Page) {}

  static async open(b: Browser, server: Server, opts: { theme?: ThemeName; state?: unknown } = {}): Promise<PanelPage> {
    const page = await b.context.newPage();
    const p = new PanelPage(page);
    page.on('pageerror', (e) => p.errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') p.errors.push(m.text()); });
    page.on('dialog', (d) => { p.dialogs.push(d.message()); void d.dismiss(); });
    await page.addInitScript({ content: `window.__stubConfig = ${JSON.stringify({ theme: THEMES[opts.theme ?? 'dark'], state: opts.state })};` });
    await page.addInitScript({ path: STUB });
    await page.goto(`${server.origin}/panel.html`);
    await page.waitForFunction(() => (globalThis as unknown as PageWindow).__posted.some((m) => m.type === 'ready'));
    return p;
  }

  /** Send a host message; for a snapshot, wait until the panel has drawn it. (Sent as JSON text: fast for big heaps.) */
  async send(m: HostToPanel): Promise<void> {
    await this.page.evaluate((json) => (globalThis as unknown as PageWindow).postMessage(JSON.parse(json), '*'), JSON.stringify(m));
    const step = stateStep(m);
    if (step !== null) await this.waitStep(step);
  }

  /** Post a host message without waiting for anything. */
  async post(m: HostToPanel): Promise<void> {
    await this.page.evaluate((json) => (globalThis as unknown as PageWindow).postMessage(JSON.parse(json), '*'), JSON.stringify(m));
  }

  /**
   * Send a big message in two tasks: parse its JSON into the page (the harness's own cost), then post it
   * (what VS Code's webview host does). Returns the page time span of the first task, to leave out of timings.
   */
  async sendStaged(m: HostToPanel): Promise<[number, number]> {
    const a = await this.now();
    await this.page.evaluate((json) => { (globalThis as unknown as { __staged: unknown }).__staged = JSON.parse(json); }, JSON.stringify(m));
    const b = await this.now();
    await this.page.evaluate(() => {
      const g = globalThis as unknown as PageWindow & { __staged: unknown };
      g.__postAt = performance.now();
      g.postMessage(g.__staged, '*');
    });
    const step = stateStep(m);
    if (step !== null) await this.waitStep(step);
    return [a, b];
  }

  /** Wait until the frame after the drawing of `step` has been painted (see vscode-stub.js). */
  async waitPresented(step: number): Promise<void> {
    await this.page.waitForFunction((s) => (globalThis as unknown as PageWindow).__frames.some((f) => f.step === s && f.presented !== undefined), step);
  }

  async waitStep(step: number): Promise<void> {
    await this.page.waitForFunction((s) => (globalThis as unknown as PageWindow).document.body.dataset.renderedStep === String(s), step);
  }

  /** Wait for two animation frames: cytoscape applies some style changes at its next render. */
  async settle(): Promise<void> {
    await this.page.evaluate(() => new Promise<void>((resolve) => {
      const raf = (globalThis as unknown as { requestAnimationFrame(f: () => void): void }).requestAnimationFrame;
      raf(() => raf(() => resolve()));
    }));
  }

  posted(): Promise<PanelToHost[]> { return this.page.evaluate(() => (globalThis as unknown as PageWindow).__posted); }
  async clearPosted(): Promise<void> { await this.page.evaluate(() => { (globalThis as unknown as PageWindow).__posted.length = 0; }); }
  state(): Promise<unknown> { return this.page.evaluate(() => (globalThis as unknown as PageWindow).__state); }
  cspViolations(): Promise<string[]> { return this.page.evaluate(() => (globalThis as unknown as PageWindow).__cspViolations); }
  longTasks(): Promise<{ start: number; duration: number }[]> { return this.page.evaluate(() => (globalThis as unknown as PageWindow).__longTasks); }
  frames(): Promise<FrameTiming[]> { return this.page.evaluate(() => (globalThis as unknown as PageWindow).__frames); }
  now(): Promise<number> { return this.page.evaluate(() => performance.now()); }
  pwned(): Promise<unknown> { return this.page.evaluate(() => (globalThis as unknown as PageWindow).__pwned ?? null); }
  nodes(): Promise<InspectNode[]> { return this.page.evaluate(() => (globalThis as unknown as PageWindow).__pygcPanel.nodes()); }
  edges(): Promise<InspectEdge[]> { return this.page.evaluate(() => (globalThis as unknown as PageWindow).__pygcPanel.edges()); }
  chart(): Promise<InspectChart> { return this.page.evaluate(() => (globalThis as unknown as PageWindow).__pygcPanel.chart()); }
  timings(): Promise<InspectTiming[]> { return this.page.evaluate(() => (globalThis as unknown as PageWindow).__pygcPanel.timings()); }
  async setTheme(name: ThemeName): Promise<void> { await this.page.evaluate((t) => (globalThis as unknown as PageWindow).__applyTheme(t), THEMES[name]); }

  /** Click the node with this id where it is drawn. */
  async clickNode(id: string): Promise<void> {
    const n = (await this.nodes()).find((x) => x.id === id);
    if (!n) throw new Error(`no node ${id}`);
    const box = await this.page.locator('#graph').boundingBox();
    if (!box) throw new Error('no graph box');
    await this.page.mouse.click(box.x + n.screenX, box.y + n.screenY);
  }

  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, name);
    await this.page.screenshot({ path: file });
    return file;
  }

  close(): Promise<void> { return this.page.close(); }
}

export function loadFixture(name: string): Recording {
  return JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', `${name}.json`), 'utf8')) as Recording;
}

/** The step a state message (whole or diff) brings the panel to; null for other messages. */
export function stateStep(m: HostToPanel): number | null {
  return m.type === 'snapshot' ? m.snapshot.step : m.type === 'snapshotDiff' ? m.diff.step : null;
}

/** The host message for one recorded step (the whole run's timeline, as after running to the end). */
export function snapshotMessage(rec: Recording, s: Snapshot, withTimeline = true): HostToPanel {
  return withTimeline ? { type: 'snapshot', snapshot: s, timeline: rec.timeline } : { type: 'snapshot', snapshot: s };
}
