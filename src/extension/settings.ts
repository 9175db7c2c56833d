// Reads the pygc.* settings.
import * as vscode from 'vscode';
import { DEFAULT_VERSION } from './versions';

export const LANGUAGE_ID = 'pygc';

export function config(scope?: vscode.ConfigurationScope): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('pygc', scope);
}

/** The setting as typed (may be invalid: callers validate). */
export function pythonVersionSetting(scope?: vscode.ConfigurationScope): unknown {
  return config(scope).get<unknown>('pythonVersion', DEFAULT_VERSION);
}

/** The setting, or the default when it holds something PyGC Lab does not simulate. */
export function pythonVersion(scope?: vscode.ConfigurationScope): string {
  const v = pythonVersionSetting(scope);
  return typeof v === 'string' ? v : DEFAULT_VERSION;
}

export function isScenario(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  return doc?.languageId === LANGUAGE_ID;
}
