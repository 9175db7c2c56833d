// The GC panel's host: opens the webview (strict CSP, resources only from
// media/), follows the active pygc debug session through its custom events,
// forwards each stop's snapshot to the panel — whole the first time, then as a
// diff against the state the panel holds (gc-panel-sender.ts) — carries the panel's requests
// (go to step, go to line, break on refcount, export) back to the session,
// and restores the panel after a reload (webview serializer).
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import { panelHtml } from '../webview/html';
import { isPanelToHost, HostToPanel, PanelToHost } from '../protocol/panel-messages';
import type { Snapshot, Timeline } from '../protocol/snapshot';
import { registerCommand } from './guard';
import { PanelStateSender } from './gc-panel-sender';

const VIEW_TYPE = 'pygc.gcPanel';

export class GcPanelHost implements vscode.Disposable {
  private panel: vscode.WebviewPanel | null = null;
  private session: vscode.DebugSession | null = null;
  private last: { snapshot: Snapshot; timeline: Timeline } | null = null;
  /** What the panel holds, for the diffs; forgotten when the panel is new, reloaded or asks for the whole state. */
  private readonly sender = new PanelStateSender();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly context: vscode.ExtensionContext) {}

  /** Open (or reveal) the panel. */
  show(preserveFocus = false): void {
    if (this.panel) {
      this.panel.reveal(undefined, preserveFocus);
      return;
    }
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, vscode.l10n.t('GC Panel'),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus }, this.options());
    this.adopt(panel);
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'media')],
    };
  }

  /** Take over a panel (a new one, or one restored after a reload). */
  adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    panel.webview.options = this.options();
    panel.webview.html = this.html(panel.webview);
    panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m), null, this.disposables);
    panel.onDidDispose(() => { this.panel = null; this.sender.reset(); }, null, this.disposables);
    this.sender.reset();
  }

  private html(webview: vscode.Webview): string {
    const media = (f: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'media', f)).toString();
    return panelHtml({ cspSource: webview.cspSource, nonce: randomBytes(16).toString('base64'), scriptUri: media('panel.js'), styleUri: media('panel.css') });
  }

  private post(m: HostToPanel): void {
    const panel = this.panel;
    if (!panel) return;
    // A state message the panel did not get: the next one is sent whole.
    const state = m.type === 'snapshot' || m.type === 'snapshotDiff';
    panel.webview.postMessage(m).then((ok) => { if (!ok && state) this.sender.reset(); }, () => { if (state) this.sender.reset(); });
  }

  /** Send the state of the stop: whole, or as a diff against what the panel holds. */
  private postState(snapshot: Snapshot, timeline: Timeline): void {
    if (!this.panel) { this.sender.reset(); return; }
    this.post(this.sender.message(snapshot, timeline));
  }

  // ---- the debug session -------------------------------------------------------

  sessionStarted(s: vscode.DebugSession): void {
    if (s.type !== 'pygc') return;
    this.session = s;
    this.post({ type: 'session', state: 'running', label: s.name });
  }

  sessionEnded(s: vscode.DebugSession): void {
    if (this.session?.id !== s.id) return;
    this.session = null;
    this.post({ type: 'session', state: 'ended', label: s.name });
  }

  async stopped(s: vscode.DebugSession): Promise<void> {
    if (s.type !== 'pygc') return;
    this.session = s;
    const open = vscode.workspace.getConfiguration('pygc').get<boolean>('openPanelOnStop', true);
    if (!this.panel && open) this.show(true);
    try {
      const r = (await s.customRequest('pygc/snapshot')) as { snapshot: Snapshot; timeline: Timeline };
      this.last = r;
      this.postState(r.snapshot, r.timeline);
      this.post({ type: 'session', state: 'stopped', label: s.name });
    } catch {
      // The session ended meanwhile: the panel keeps showing the last state.
    }
  }

  // ---- the panel's requests ---------------------------------------------------------

  private async onMessage(m: unknown): Promise<void> {
    if (!isPanelToHost(m)) return;
    const msg = m as PanelToHost;
    switch (msg.type) {
      case 'ready':
        this.sender.reset();
        if (this.last) this.postState(this.last.snapshot, this.last.timeline);
        this.post({ type: 'session', state: this.session ? 'stopped' : this.last ? 'ended' : 'none', label: this.session?.name });
        return;
      case 'requestSnapshot':
        this.sender.reset();
        if (this.last) this.postState(this.last.snapshot, this.last.timeline);
        return;
      case 'gotoStep':
        await this.session?.customRequest('pygc/gotoStep', { step: msg.step }).then(undefined, () => undefined);
        return;
      case 'gotoLine': {
        const program = this.session?.configuration.program as string | undefined;
        if (!program) return;
        const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(program));
        const line = Math.max(0, msg.line - 1);
        await vscode.window.showTextDocument(doc, { selection: new vscode.Range(line, 0, line, 0), viewColumn: vscode.ViewColumn.One });
        return;
      }
      case 'revealObject':
        await vscode.commands.executeCommand('workbench.debug.action.focusVariablesView').then(undefined, () => undefined);
        return;
      case 'breakOnRefcount':
        await this.session?.customRequest('pygc/breakOnRefcount', { id: msg.id }).then(undefined, () => undefined);
        return;
      case 'exportImage': {
        const uri = await vscode.window.showSaveDialog({ filters: msg.format === 'png' ? { PNG: ['png'] } : { SVG: ['svg'] } });
        if (!uri) return;
        const bytes = msg.format === 'png'
          ? Buffer.from(msg.data.replace(/^data:image\/png;base64,/, ''), 'base64')
          : Buffer.from(msg.data, 'utf8');
        await vscode.workspace.fs.writeFile(uri, new Uint8Array(bytes));
        return;
      }
      case 'error':
        console.error(`PyGC panel: ${msg.message}`);
        return;
    }
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

export function registerGcPanel(context: vscode.ExtensionContext): GcPanelHost {
  const host = new GcPanelHost(context);
  context.subscriptions.push(
    host,
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel) => host.adopt(panel),
    }),
    vscode.debug.onDidStartDebugSession((s) => host.sessionStarted(s)),
    vscode.debug.onDidTerminateDebugSession((s) => host.sessionEnded(s)),
    vscode.debug.onDidReceiveDebugSessionCustomEvent((e) => {
      if (e.event === 'pygc/stopped') void host.stopped(e.session);
    }),
  );
  registerCommand(context, 'pygc.openPanel', () => host.show());
  return host;
}
