// Stand-in for "PyGC: Open GC Panel" until the GC panel's host (the webview
// panel following the debug session) is wired into the extension: it says so
// instead of failing with "command not found".
import * as vscode from 'vscode';
import { registerCommand } from './guard';

export function registerPanelFallback(context: vscode.ExtensionContext): void {
  registerCommand(context, 'pygc.openPanel', () => {
    void vscode.window.showInformationMessage(vscode.l10n.t('The GC panel is not part of this build of PyGC Lab yet.'));
  });
}
