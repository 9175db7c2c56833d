// "PyGC: Select CPython Version": a quick pick of the simulated versions with
// what sets each apart; writes pygc.pythonVersion (workspace when a folder is
// open, else user settings).
import * as vscode from 'vscode';
import { pythonVersion } from './settings';
import { PYTHON_VERSIONS, versionSummary } from './versions';

export async function selectPythonVersion(): Promise<string | undefined> {
  const current = pythonVersion(vscode.window.activeTextEditor?.document.uri);
  const items = PYTHON_VERSIONS.map((v) => ({
    label: `CPython ${v}`,
    version: v,
    description: v === current ? vscode.l10n.t('current') : undefined,
    detail: versionSummary(v, vscode.l10n.t),
    picked: v === current,
  }));
  const pick = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Select the CPython version to simulate'),
    placeHolder: vscode.l10n.t('Current: CPython {0}', current),
    matchOnDetail: true,
  });
  if (!pick) return undefined;
  const target = vscode.workspace.workspaceFolders?.length
    ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration('pygc').update('pythonVersion', pick.version, target);
  return pick.version;
}
