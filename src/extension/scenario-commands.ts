// Commands on scenarios: Debug / Run Scenario (editor title, CodeLens,
// palette), Open .py as Scenario, Open Example Scenario.
import * as vscode from 'vscode';
import { registerCommand } from './guard';
import { isScenario, LANGUAGE_ID } from './settings';

/** The scenario a command applies to: its argument (a URI from a menu or CodeLens) or the active editor. */
async function targetScenario(arg: unknown): Promise<vscode.TextDocument | undefined> {
  if (arg instanceof vscode.Uri) return vscode.workspace.openTextDocument(arg);
  const doc = vscode.window.activeTextEditor?.document;
  if (isScenario(doc)) return doc;
  void vscode.window.showWarningMessage(vscode.l10n.t('Open a .pygc scenario first (or use "PyGC: Open .py as Scenario" on a .py file).'));
  return undefined;
}

async function startScenario(arg: unknown, noDebug: boolean): Promise<void> {
  const doc = await targetScenario(arg);
  if (!doc) return;
  if (doc.isDirty) await doc.save();
  const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
  const name = noDebug ? vscode.l10n.t('Run scenario') : vscode.l10n.t('Debug scenario');
  const ok = await vscode.debug.startDebugging(folder, {
    type: 'pygc', request: 'launch', name, program: doc.uri.fsPath, stopOnEntry: !noDebug,
  }, { noDebug });
  if (!ok) void vscode.window.showErrorMessage(vscode.l10n.t('PyGC Lab could not start a session for {0}.', doc.uri.fsPath));
}

async function openAsScenario(arg: unknown): Promise<void> {
  const doc = arg instanceof vscode.Uri ? await vscode.workspace.openTextDocument(arg) : vscode.window.activeTextEditor?.document;
  if (!doc) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a .py file first.'));
    return;
  }
  const scenario = await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
  await vscode.window.showTextDocument(scenario);
}

async function openExample(context: vscode.ExtensionContext): Promise<void> {
  const dir = vscode.Uri.joinPath(context.extensionUri, 'examples');
  const entries = await vscode.workspace.fs.readDirectory(dir);
  const files = entries.filter(([n, t]) => t === vscode.FileType.File && n.endsWith('.pygc')).map(([n]) => n).sort();
  const items = await Promise.all(files.map(async (n) => {
    const uri = vscode.Uri.joinPath(dir, n);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const first = /^#\s*(.*)$/m.exec(text)?.[1] ?? '';
    return { label: n, detail: first, uri };
  }));
  const pick = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Open an example scenario'), matchOnDetail: true,
  });
  if (pick) await vscode.window.showTextDocument(pick.uri);
}

export function registerScenarioCommands(context: vscode.ExtensionContext): void {
  registerCommand(context, 'pygc.debugScenario', (arg?: unknown) => startScenario(arg, false));
  registerCommand(context, 'pygc.runScenario', (arg?: unknown) => startScenario(arg, true));
  registerCommand(context, 'pygc.openAsScenario', (arg?: unknown) => openAsScenario(arg));
  registerCommand(context, 'pygc.openExample', () => openExample(context));
}
