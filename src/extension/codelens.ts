// "Run scenario" and "Debug scenario" above the first line of each scenario
// (setting pygc.codeLens).
import * as vscode from 'vscode';
import { config } from './settings';

export class ScenarioCodeLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(context: vscode.ExtensionContext) {
    context.subscriptions.push(this.changed, vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('pygc.codeLens')) this.changed.fire();
    }));
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    if (!config(doc.uri).get<boolean>('codeLens', true)) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    return [
      new vscode.CodeLens(top, { title: `$(debug-alt) ${vscode.l10n.t('Debug scenario')}`, command: 'pygc.debugScenario', arguments: [doc.uri] }),
      new vscode.CodeLens(top, { title: `$(play) ${vscode.l10n.t('Run scenario')}`, command: 'pygc.runScenario', arguments: [doc.uri] }),
    ];
  }
}
