// The debug adapter runs inside the extension host: a factory returns
// DebugAdapterInlineImplementation(new GcDebugSession()) (src/debug/session.ts).
// The session module (runtime + engine) is loaded on the first debug session,
// not at activation.
import * as path from 'node:path';
import * as vscode from 'vscode';

type SessionClass = new () => vscode.DebugAdapter;
let sessionClass: SessionClass | undefined;

/**
 * The session lives in its own bundle (dist/debugSession.js, built from
 * src/debug/session.ts) beside dist/extension.js, so activating never parses
 * the runtime and the engine: it is required on the first debug session.
 */
function loadSession(): SessionClass {
  if (!sessionClass) {
    const file = path.join(__dirname, 'debugSession.js');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    sessionClass = (require(file) as { GcDebugSession: SessionClass }).GcDebugSession;
  }
  return sessionClass;
}

class InlineAdapterFactory implements vscode.DebugAdapterDescriptorFactory {
  createDebugAdapterDescriptor(): vscode.DebugAdapterDescriptor {
    const Session = loadSession();
    return new vscode.DebugAdapterInlineImplementation(new Session());
  }
}

export function registerDebugAdapter(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.debug.registerDebugAdapterDescriptorFactory('pygc', new InlineAdapterFactory()),
  );
}
