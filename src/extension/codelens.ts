// "Debug scenario", "Run scenario" and, in a trusted workspace for a file on
// disk, "Compare with real CPython X.Y" above the first line of each scenario
// (setting pygc.codeLens).
import * as vscode from 'vscode';
import { config, pythonVersion } from './settings';

export class ScenarioCodeLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(context: vscode.ExtensionContext) {
    context.subscriptions.push(this.changed, vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('pygc.codeLens') || e.affectsConfiguration('pygc.pythonVersion')) this.changed.fire();
    }), vscode.workspace.onDidGrantWorkspaceTrust(() => this.changed.fire()));
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    if (!config(doc.uri).get<boolean>('codeLens', true)) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    const lenses = [
      new vscode.CodeLens(top, { title: `$(debug-alt) ${vscode.l10n.t('Debug scenario')}`, command: 'pygc.debugScenario', arguments: [doc.uri] }),
      new vscode.CodeLens(top, { title: `$(play) ${vscode.l10n.t('Run scenario')}`, command: 'pygc.runScenario', arguments: [doc.uri] }),
    ];
    // It runs the scenario in a real interpreter: only where the workspace is trusted.
    if (vscode.workspace.isTrusted && doc.uri.scheme === 'file') {
      lenses.push(new vscode.CodeLens(top, {
        title: `$(diff) ${vscode.l10n.t('Compare with real CPython {0}', pythonVersion(doc.uri))}`,
        command: 'pygc.compareWithCPython', arguments: [doc.uri],
      }));
    }
    return lenses;
  }
}
