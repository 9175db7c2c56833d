// "PyGC: Compare with Real CPython": runs `pygc verify` on the scenario in a
// terminal. It executes the scenario in a real interpreter, so it is refused
// in untrusted workspaces (and hidden there by its `enablement`).
import * as vscode from 'vscode';
import { config, isScenario, pythonVersion } from './settings';

export async function compareWithCPython(context: vscode.ExtensionContext, arg?: unknown): Promise<void> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Comparing with real CPython runs the scenario in a real interpreter: trust this workspace first.'));
    return;
  }
  const doc = arg instanceof vscode.Uri ? await vscode.workspace.openTextDocument(arg) : vscode.window.activeTextEditor?.document;
  if (!isScenario(doc)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a .pygc scenario first (or use "PyGC: Open .py as Scenario" on a .py file).'));
    return;
  }
  if (doc.uri.scheme !== 'file') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Comparing with real CPython needs the scenario on disk.'));
    return;
  }
  if (doc.isDirty) await doc.save();
  const interpreter = config(doc.uri).get<string>('interpreterPath', '').trim();
  const cli = vscode.Uri.joinPath(context.extensionUri, 'dist', 'cli.js').fsPath;
  const terminal = vscode.window.createTerminal({
    name: vscode.l10n.t('PyGC: compare {0}', doc.fileName.split(/[\\/]/).pop() ?? ''),
    shellPath: process.execPath,
    shellArgs: [cli, 'verify', doc.uri.fsPath, '--python', interpreter || pythonVersion(doc.uri)],
    env: { ELECTRON_RUN_AS_NODE: '1' },
  });
  terminal.show();
}
