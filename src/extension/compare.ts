// "PyGC: Compare with Real CPython": runs `pygc verify --json` on the scenario
// (the simulation beside a real interpreter, outside the extension host) and
// shows both normalised runs in a diff editor, with a one-line verdict. It
// executes the scenario in a real interpreter, so it is refused in untrusted
// workspaces (and hidden there by its `enablement`).
import * as vscode from 'vscode';
import { execFile } from 'node:child_process';
import { config, isScenario, pythonVersion } from './settings';
import { sideDocument, summary, type VerifyResult } from '../verify/report';

export const COMPARE_SCHEME = 'pygc-compare';

/** Read-only documents holding each side of a comparison, by URI. */
class CompareDocuments implements vscode.TextDocumentContentProvider {
  private readonly docs = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  set(uri: vscode.Uri, text: string): void {
    this.docs.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.docs.get(uri.toString()) ?? '';
  }
}

let documents: CompareDocuments | undefined;
let channel: vscode.OutputChannel | undefined;

function provider(context: vscode.ExtensionContext): CompareDocuments {
  if (!documents) {
    documents = new CompareDocuments();
    context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(COMPARE_SCHEME, documents));
  }
  return documents;
}

function output(context: vscode.ExtensionContext): vscode.OutputChannel {
  if (!channel) {
    channel = vscode.window.createOutputChannel('PyGC Compare');
    context.subscriptions.push(channel);
  }
  return channel;
}

/** Run `node dist/cli.js verify FILE --python SPEC --json`; resolves with its results. */
function runVerify(cli: string, file: string, spec: string, token: vscode.CancellationToken): Promise<VerifyResult[]> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [cli, 'verify', file, '--python', spec, '--json'],
      { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, maxBuffer: 1 << 26, timeout: 180_000 },
      (err, stdout, stderr) => {
        if (token.isCancellationRequested) return reject(new vscode.CancellationError());
        try {
          resolve(JSON.parse(stdout) as VerifyResult[]);
        } catch {
          reject(new Error((stderr || (err ? err.message : '')).trim() || 'pygc verify printed no result'));
        }
      });
    token.onCancellationRequested(() => child.kill());
  });
}

/** Show one result: the two runs side by side and the verdict. */
async function show(context: vscode.ExtensionContext, doc: vscode.TextDocument, r: VerifyResult): Promise<void> {
  const name = doc.fileName.split(/[\\/]/).pop() ?? '';
  const log = output(context);
  log.appendLine(`${name}: ${summary(r)}`);
  if (r.diff) log.append(r.diff);
  if (r.error || !r.real || !r.sim) {
    void vscode.window.showErrorMessage(summary(r));
    return;
  }
  const docs = provider(context);
  const stamp = Date.now().toString(36);
  const left = vscode.Uri.from({ scheme: COMPARE_SCHEME, path: `/${r.label}/${name}`, query: stamp });
  const right = vscode.Uri.from({ scheme: COMPARE_SCHEME, path: `/PyGC Lab ${r.profile}/${name}`, query: stamp });
  docs.set(left, sideDocument(r.real));
  docs.set(right, sideDocument(r.sim));
  await vscode.commands.executeCommand('vscode.diff', left, right,
    vscode.l10n.t('{0}: {1} ↔ PyGC Lab {2}', name, r.label, r.profile), { preview: true });
  if (r.equal) void vscode.window.showInformationMessage(vscode.l10n.t('{0}: same output as {1}.', name, r.label));
  else {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0}: {1} line(s) differ from {2} (see the diff editor).', name, String(r.differences), r.label));
  }
}

export async function compareWithCPython(context: vscode.ExtensionContext, arg?: unknown): Promise<VerifyResult[] | undefined> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Comparing with real CPython runs the scenario in a real interpreter: trust this workspace first.'));
    return undefined;
  }
  const doc = arg instanceof vscode.Uri ? await vscode.workspace.openTextDocument(arg) : vscode.window.activeTextEditor?.document;
  if (!isScenario(doc)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a .pygc scenario first (or use "PyGC: Open .py as Scenario" on a .py file).'));
    return undefined;
  }
  if (doc.uri.scheme !== 'file') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Comparing with real CPython needs the scenario on disk.'));
    return undefined;
  }
  if (doc.isDirty) await doc.save();
  const interpreter = config(doc.uri).get<string>('interpreterPath', '').trim();
  const spec = interpreter || pythonVersion(doc.uri);
  const cli = vscode.Uri.joinPath(context.extensionUri, 'dist', 'cli.js').fsPath;
  try {
    const results = await vscode.window.withProgress({
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('PyGC: running {0} in CPython {1} and in the simulation…', doc.fileName.split(/[\\/]/).pop() ?? '', spec),
      cancellable: true,
    }, (_progress, token) => runVerify(cli, doc.uri.fsPath, spec, token));
    for (const r of results) await show(context, doc, r);
    return results;
  } catch (err) {
    if (!(err instanceof vscode.CancellationError)) {
      void vscode.window.showErrorMessage(vscode.l10n.t('PyGC: the comparison failed: {0}', err instanceof Error ? err.message : String(err)));
    }
    return undefined;
  }
}
