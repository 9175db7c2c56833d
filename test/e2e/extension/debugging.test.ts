// Debugging in a real VS Code: a session on an example stops at a
// breakpoint; customRequest gives variables with refcounts and the
// generation scopes; the GC panel command runs.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openScenario, waitFor, workspaceUri } from './util';

interface Scope { name: string; variablesReference: number }
interface Variable { name: string; value: string; variablesReference: number }

suite('pygc debugging', () => {
  teardown(async () => {
    if (vscode.debug.activeDebugSession) await vscode.debug.stopDebugging();
    vscode.debug.removeBreakpoints(vscode.debug.breakpoints);
  });

  test('a session on an example stops at a breakpoint and shows refcounts and generations', async () => {
    const file = 'd_collect_debug_stats.pygc';
    const editor = await openScenario(file);
    const line = editor.document.getText().split('\n').findIndex((l) => l.trim() === 'del c1');
    assert.ok(line > 0);
    vscode.debug.addBreakpoints([new vscode.SourceBreakpoint(new vscode.Location(editor.document.uri, new vscode.Position(line, 0)))]);
    let stopped = 0;
    const tracker = vscode.debug.registerDebugAdapterTrackerFactory('pygc', {
      createDebugAdapterTracker: () => ({
        onDidSendMessage: (m: { type?: string; event?: string }) => { if (m.type === 'event' && m.event === 'stopped') stopped++; },
      }),
    });
    try {
      const ok = await vscode.debug.startDebugging(vscode.workspace.workspaceFolders![0], {
        type: 'pygc', request: 'launch', name: 'e2e', program: workspaceUri(file).fsPath, stopOnEntry: false,
      });
      assert.ok(ok, 'the session starts');
      await waitFor('a stop at the breakpoint', () => stopped > 0);
      const session = vscode.debug.activeDebugSession!;
      assert.equal(session.type, 'pygc');
      const st = await session.customRequest('stackTrace', { threadId: 1 });
      assert.equal(st.stackFrames[0].line, line + 1);
      assert.equal(st.stackFrames[0].name, 'f3');
      const { scopes } = await session.customRequest('scopes', { frameId: st.stackFrames[0].id }) as { scopes: Scope[] };
      const names = scopes.map((s) => s.name);
      for (const n of ['Locals', 'Globals', 'Generation 0', 'Generation 1', 'Generation 2']) assert.ok(names.includes(n), `${n} in ${names.join(', ')}`);
      const locals = scopes.find((s) => s.name === 'Locals')!;
      const { variables } = await session.customRequest('variables', { variablesReference: locals.variablesReference }) as { variables: Variable[] };
      const c1 = variables.find((v) => v.name === 'c1');
      assert.ok(c1, `c1 in Locals: ${JSON.stringify(variables)}`);
      assert.match(c1.value, /refcount 2/);
      assert.match(c1.value, /gen 0/);
    } finally {
      tracker.dispose();
    }
  });

  test('F5 without launch.json debugs the active scenario', async () => {
    await openScenario('b_getrefcount.pygc');
    let stopped = false;
    const tracker = vscode.debug.registerDebugAdapterTrackerFactory('pygc', {
      createDebugAdapterTracker: () => ({
        onDidSendMessage: (m: { type?: string; event?: string }) => { if (m.type === 'event' && m.event === 'stopped') stopped = true; },
      }),
    });
    try {
      await vscode.commands.executeCommand('workbench.action.debug.start');
      await waitFor('a stop on entry', () => stopped);
      assert.equal(vscode.debug.activeDebugSession?.configuration.python, '3.11');
    } finally {
      tracker.dispose();
    }
  });

  test('the GC panel command opens the panel', async () => {
    await vscode.commands.executeCommand('pygc.openPanel');
    await waitFor('a GC panel tab', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
      .some((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('pygc.gcPanel')));
  });
});
