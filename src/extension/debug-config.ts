// F5 without a launch.json: the DebugConfigurationProvider fills in the
// active scenario and the profile from pygc.pythonVersion, validates what a
// launch.json says, and offers one configuration per open scenario in the
// "Run and Debug" drop-down (dynamic configurations).
import * as vscode from 'vscode';
import { defaultLaunch, resolveLaunch, type LaunchConfig } from './launch-config';
import { isScenario, LANGUAGE_ID, pythonVersionSetting } from './settings';

function activeScenario(): string | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  return isScenario(doc) && doc.uri.scheme === 'file' ? doc.uri.fsPath : undefined;
}

class InitialConfigurations implements vscode.DebugConfigurationProvider {
  provideDebugConfigurations(): vscode.DebugConfiguration[] {
    return [{ type: 'pygc', request: 'launch', name: vscode.l10n.t('Debug scenario'), program: '${file}', stopOnEntry: true }];
  }

  resolveDebugConfiguration(folder: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration): vscode.DebugConfiguration | undefined {
    const r = resolveLaunch(config as Partial<LaunchConfig>, {
      activeScenario: activeScenario(), settingVersion: pythonVersionSetting(folder?.uri),
    }, vscode.l10n.t);
    if ('error' in r) {
      void vscode.window.showErrorMessage(r.error);
      return undefined; // abort the launch
    }
    return r.config as vscode.DebugConfiguration;
  }

  async resolveDebugConfigurationWithSubstitutedVariables(
    _folder: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration,
  ): Promise<vscode.DebugConfiguration | undefined> {
    const program = String(config.program);
    try {
      await vscode.workspace.fs.stat(vscode.Uri.file(program));
    } catch {
      void vscode.window.showErrorMessage(vscode.l10n.t('PyGC Lab cannot find the scenario "{0}" (the "program" of "{1}").', program, String(config.name)));
      return undefined;
    }
    return config;
  }
}

class OpenScenarios implements vscode.DebugConfigurationProvider {
  provideDebugConfigurations(): vscode.DebugConfiguration[] {
    const docs = vscode.workspace.textDocuments.filter((d) => d.languageId === LANGUAGE_ID && d.uri.scheme === 'file');
    return docs.map((d) => {
      const c = defaultLaunch({ activeScenario: d.uri.fsPath, settingVersion: undefined }, vscode.l10n.t)!;
      return { ...c, name: vscode.l10n.t('Debug {0}', vscode.workspace.asRelativePath(d.uri)) };
    });
  }
}

export function registerDebugConfiguration(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.debug.registerDebugConfigurationProvider('pygc', new InitialConfigurations(), vscode.DebugConfigurationProviderTriggerKind.Initial),
    vscode.debug.registerDebugConfigurationProvider('pygc', new OpenScenarios(), vscode.DebugConfigurationProviderTriggerKind.Dynamic),
  );
}
