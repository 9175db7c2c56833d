// The inline debug adapter the extension hands to VS Code: the factory's
// descriptor wraps a GcDebugSession (dist/debugSession.js) that answers DAP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { createVscodeStub, withVscode, type Registrations } from './helpers/vscode-stub';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const BUNDLE = path.join(ROOT, 'dist', 'extension.js');

function activate(settings: Record<string, unknown> = {}): Registrations {
  const { vscode, reg } = createVscodeStub(settings);
  delete require.cache[BUNDLE];
  withVscode(vscode, () => (require(BUNDLE) as { activate(c: unknown): void }).activate({ subscriptions: [], extensionUri: { fsPath: ROOT } }));
  return reg;
}

interface Msg { type: string; command?: string; event?: string; success?: boolean; body?: any }

test('the descriptor factory returns an inline GcDebugSession that debugs a scenario', async () => {
  const reg = activate();
  const factory = reg.debug.find((d) => d.kind === 'descriptor')!;
  assert.equal(factory.type, 'pygc');
  const descriptor = factory.provider.createDebugAdapterDescriptor({});
  const adapter = descriptor.implementation as {
    handleMessage(m: unknown): void; onDidSendMessage(cb: (m: Msg) => void): unknown; dispose(): void;
  };
  assert.equal(adapter.constructor.name, 'GcDebugSession');
  let seq = 1;
  const send = (command: string, args: unknown) => adapter.handleMessage({ seq: seq++, type: 'request', command, arguments: args });
  const scopes = await new Promise<string[]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no scopes within 10 s')), 10_000);
    adapter.onDidSendMessage((m) => {
      if (m.type === 'response' && m.success === false) { clearTimeout(timer); reject(new Error(`${m.command} failed: ${JSON.stringify(m)}`)); }
      if (m.type === 'event' && m.event === 'initialized') send('configurationDone', {});
      if (m.type === 'event' && m.event === 'stopped') send('stackTrace', { threadId: 1 });
      if (m.type === 'response' && m.command === 'stackTrace') send('scopes', { frameId: m.body.stackFrames[0].id });
      if (m.type === 'response' && m.command === 'scopes') { clearTimeout(timer); resolve(m.body.scopes.map((s: { name: string }) => s.name)); }
    });
    send('initialize', { adapterID: 'pygc', linesStartAt1: true, columnsStartAt1: true, pathFormat: 'path' });
    send('launch', { program: path.join(ROOT, 'examples', 'b_getrefcount.pygc'), stopOnEntry: true, python: '3.11' });
  });
  send('disconnect', {});
  adapter.dispose();
  assert.ok(scopes.includes('Locals') && scopes.includes('Globals'), scopes.join(', '));
  assert.ok(scopes.some((s) => /^Generation 0/.test(s)), scopes.join(', '));
});

