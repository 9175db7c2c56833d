// Wraps command handlers so a failure becomes an error message, never an
// unhandled promise rejection in the extension host. The handler's result is
// passed on (executeCommand returns it).
import * as vscode from 'vscode';

export function guarded<A extends unknown[]>(name: string, fn: (...args: A) => unknown): (...args: A) => Promise<unknown> {
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      console.error(`pygc: ${name} failed`, e);
      void vscode.window.showErrorMessage(vscode.l10n.t('PyGC Lab: {0} failed: {1}', name, msg));
      return undefined;
    }
  };
}

export function registerCommand<A extends unknown[]>(context: vscode.ExtensionContext, id: string, fn: (...args: A) => unknown): void {
  context.subscriptions.push(vscode.commands.registerCommand(id, guarded(id, fn)));
}
