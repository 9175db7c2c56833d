// The extension's entry point: registers the language features, commands,
// status bar and debugging support for `pygc` scenarios. Activation only
// registers providers; the parser and the debug session (runtime + engine)
// are loaded on first use, so activating stays fast.
import * as vscode from 'vscode';
import { ScenarioCodeLensProvider } from './codelens';
import { compareWithCPython } from './compare';
import { MemberCompletionProvider } from './completion';
import { registerDebugAdapter } from './debug';
import { registerDebugConfiguration } from './debug-config';
import { registerDiagnostics } from './diagnostics';
import { registerGcPanel } from './gc-panel';
import { registerCommand } from './guard';
import { ApiHoverProvider } from './hover';
import { ScenarioEvaluatableExpressionProvider, ScenarioInlineValuesProvider } from './inline-values';
import { registerScenarioCommands } from './scenario-commands';
import { LANGUAGE_ID } from './settings';
import { registerStatusBar } from './status-bar';
import { registerVariableCommands } from './variable-commands';
import { selectPythonVersion } from './version-picker';

export function activate(context: vscode.ExtensionContext): void {
  const selector: vscode.DocumentSelector = { language: LANGUAGE_ID };
  context.subscriptions.push(
    vscode.languages.registerHoverProvider(selector, new ApiHoverProvider()),
    vscode.languages.registerCompletionItemProvider(selector, new MemberCompletionProvider(), '.'),
    vscode.languages.registerCodeLensProvider(selector, new ScenarioCodeLensProvider(context)),
    vscode.languages.registerInlineValuesProvider(selector, new ScenarioInlineValuesProvider()),
    vscode.languages.registerEvaluatableExpressionProvider(selector, new ScenarioEvaluatableExpressionProvider()),
  );
  registerDiagnostics(context);
  registerStatusBar(context);
  registerCommand(context, 'pygc.selectPythonVersion', selectPythonVersion);
  registerCommand(context, 'pygc.compareWithCPython', (arg?: unknown) => compareWithCPython(context, arg));
  registerScenarioCommands(context);
  registerVariableCommands(context);
  registerDebugConfiguration(context);
  registerDebugAdapter(context);
  registerGcPanel(context);
}

export function deactivate(): void {
  // Everything registered above is disposed through context.subscriptions.
}
