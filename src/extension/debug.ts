// The debug adapter runs inside the extension host: a factory returns
// DebugAdapterInlineImplementation(new GcDebugSession()). The session module
// (runtime + engine) is loaded on the first debug session, not at activation.
// A tracker opens the GC panel at the first stop (setting pygc.openPanelOnStop).
import * as vscode from 'vscode';
import { config } from './settings';

type SessionClass = new () => vscode.DebugAdapter;
let sessionClass: SessionClass | undefined;

function loadSession(): SessionClass {
  // Lazy: esbuild wraps the required module so it is evaluated only here.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  sessionClass ??= (require('../debug/session') as { GcDebugSession: SessionClass }).GcDebugSession;
  return sessionClass;
}

class InlineAdapterFactory implements vscode.DebugAdapterDescriptorFactory {
  createDebugAdapterDescriptor(): vscode.DebugAdapterDescriptor {
    const Session = loadSession();
    return new vscode.DebugAdapterInlineImplementation(new Session());
  }
}

class OpenPanelOnStop implements vscode.DebugAdapterTrackerFactory {
  createDebugAdapterTracker(session: vscode.DebugSession): vscode.DebugAdapterTracker {
    let opened = false;
    return {
      onDidSendMessage: (m: { type?: string; event?: string }) => {
        if (opened || m?.type !== 'event' || m.event !== 'stopped') return;
        opened = true;
        if (session.configuration.noDebug || !config(session.workspaceFolder?.uri).get<boolean>('openPanelOnStop', true)) return;
        vscode.commands.executeCommand('pygc.openPanel', { preserveFocus: true }).then(undefined, (e) => {
          console.error('pygc: opening the GC panel failed', e);
        });
      },
    };
  }
}

export function registerDebugAdapter(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.debug.registerDebugAdapterDescriptorFactory('pygc', new InlineAdapterFactory()),
    vscode.debug.registerDebugAdapterTrackerFactory('pygc', new OpenPanelOnStop()),
  );
}
