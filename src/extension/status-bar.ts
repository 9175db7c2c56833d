// A status bar item showing the simulated CPython profile while a scenario
// is in the active editor; clicking it opens the version picker.
import * as vscode from 'vscode';
import { isScenario, pythonVersion } from './settings';
import { isPythonVersion } from './versions';

export function registerStatusBar(context: vscode.ExtensionContext): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('pygc.profile', vscode.StatusBarAlignment.Right, 100);
  item.name = vscode.l10n.t('PyGC Lab: CPython profile');
  item.command = 'pygc.selectPythonVersion';
  const update = () => {
    const editor = vscode.window.activeTextEditor;
    if (!isScenario(editor?.document)) { item.hide(); return; }
    const v = pythonVersion(editor.document.uri);
    const valid = isPythonVersion(v);
    item.text = valid ? `$(versions) CPython ${v}` : `$(warning) CPython ${v}`;
    item.tooltip = valid
      ? vscode.l10n.t('Simulated CPython version (pygc.pythonVersion). Click to change.')
      : vscode.l10n.t('pygc.pythonVersion is "{0}", which PyGC Lab does not simulate. Click to choose a version.', v);
    item.backgroundColor = valid ? undefined : new vscode.ThemeColor('statusBarItem.warningBackground');
    item.show();
  };
  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidOpenTextDocument(update),
    vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('pygc.pythonVersion')) update(); }),
  );
  update();
  return item;
}
