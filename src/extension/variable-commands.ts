// Context menu items of the Variables view while a pygc session runs:
// "Break When Refcount Changes" (a data breakpoint through VS Code's own
// mechanism, so it appears in the Breakpoints view) and "Show in GC Panel".
import * as vscode from 'vscode';
import { registerCommand } from './guard';

/** What VS Code passes to debug/variables/context commands. */
export interface VariableContext {
  sessionId?: string;
  container?: { variablesReference?: number; name?: string };
  variable?: { name: string; value?: string; evaluateName?: string; variablesReference?: number };
}

async function breakOnRefcountChange(arg?: VariableContext): Promise<void> {
  const session = vscode.debug.activeDebugSession;
  if (!session || session.type !== 'pygc' || !arg?.variable || arg.container?.variablesReference === undefined) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Right-click a variable of a paused PyGC Lab session.'));
    return;
  }
  const info = await session.customRequest('dataBreakpointInfo', {
    variablesReference: arg.container.variablesReference, name: arg.variable.name,
  }) as { dataId?: string | null; description?: string };
  if (!info?.dataId) {
    void vscode.window.showWarningMessage(vscode.l10n.t('"{0}" cannot be watched: {1}', arg.variable.name, info?.description ?? ''));
    return;
  }
  // VS Code's own "Break on Value Change" adds the data breakpoint for the variable
  // whose context menu is open (the one this command was invoked on).
  await vscode.commands.executeCommand('debug.breakWhenValueChanges', arg);
}

async function showInPanel(arg?: VariableContext): Promise<void> {
  await vscode.commands.executeCommand('pygc.openPanel', {
    reveal: arg?.variable ? {
      name: arg.variable.name,
      evaluateName: arg.variable.evaluateName,
      variablesReference: arg.variable.variablesReference,
    } : undefined,
  });
}

export function registerVariableCommands(context: vscode.ExtensionContext): void {
  registerCommand(context, 'pygc.breakOnRefcountChange', (arg?: VariableContext) => breakOnRefcountChange(arg));
  registerCommand(context, 'pygc.showInPanel', (arg?: VariableContext) => showInPanel(arg));
}
