// The pygc language in a real VS Code: registration, diagnostics, hovers,
// completions and CodeLens.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openScenario, waitFor, workspaceUri } from './util';

suite('pygc language', () => {
  test('the language is registered and .pygc files use it', async () => {
    assert.ok((await vscode.languages.getLanguages()).includes('pygc'));
    const editor = await openScenario('d_collect_debug_stats.pygc');
    assert.equal(editor.document.languageId, 'pygc');
    const ext = vscode.extensions.all.find((e) => e.packageJSON?.name === 'pygc-lab');
    assert.ok(ext, 'the extension under development is loaded');
    await waitFor('activation', () => ext.isActive);
  });

  test('diagnostics appear for a bad scenario, with code and exact range', async () => {
    const uri = workspaceUri('bad-scenario.pygc');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('import gc\nimport os\nx = (1,\n'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const ds = await waitFor('diagnostics', () => {
      const d = vscode.languages.getDiagnostics(uri);
      return d.length ? d : undefined;
    });
    assert.equal(ds.length, 1, 'a syntax error wins over the unsupported import');
    assert.equal(ds[0].code, 'SyntaxError');
    assert.equal(ds[0].severity, vscode.DiagnosticSeverity.Error);
    assert.equal(ds[0].range.start.line, 2);
    assert.equal(ds[0].range.start.character, 4);
    // Fix the syntax error by editing: the unsupported import is reported instead.
    const editor = vscode.window.activeTextEditor!;
    await editor.edit((e) => e.replace(new vscode.Range(2, 0, 2, 7), 'x = (1,)'));
    const ds2 = await waitFor('updated diagnostics', () => {
      const d = vscode.languages.getDiagnostics(uri);
      return d.length && d[0].code === 'NotSupportedError' ? d : undefined;
    });
    assert.deepEqual([ds2[0].range.start.line, ds2[0].range.start.character, ds2[0].range.end.character], [1, 7, 9]);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('hover on gc.collect explains it and the version differences', async () => {
    const editor = await openScenario('d_collect_debug_stats.pygc');
    const line = editor.document.getText().split('\n').findIndex((l) => l.includes('gc.collect()'));
    const col = editor.document.lineAt(line).text.indexOf('collect') + 2;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(line, col));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
    assert.match(text, /gc\.collect\(generation=2\)/);
    assert.match(text, /2-instance cycle returns 4/);
  });

  test('completions after gc. list the gc module', async () => {
    const editor = await openScenario('d_collect_debug_stats.pygc');
    const end = editor.document.lineCount - 1;
    await editor.edit((e) => e.insert(new vscode.Position(end, editor.document.lineAt(end).text.length), '\ngc.'));
    const pos = new vscode.Position(editor.document.lineCount - 1, 3);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, pos, '.');
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const l of ['collect', 'get_count', 'get_threshold', 'freeze', 'DEBUG_STATS']) assert.ok(labels.includes(l), l);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('PyGC: Open .py as Scenario switches a .py file to pygc', async () => {
    const uri = workspaceUri('plain.py');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('import gc\nprint(gc.collect())\n'));
    await vscode.commands.executeCommand('pygc.openAsScenario', uri);
    const editor = await waitFor('the scenario editor', () => vscode.window.activeTextEditor?.document.uri.path.endsWith('plain.py') ? vscode.window.activeTextEditor : undefined);
    assert.equal(editor.document.languageId, 'pygc');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('CodeLens offers Debug and Run scenario, and Compare with real CPython in a trusted workspace', async () => {
    const editor = await openScenario('b_getrefcount.pygc');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
    const expected = ['pygc.debugScenario', 'pygc.runScenario', ...(vscode.workspace.isTrusted ? ['pygc.compareWithCPython'] : [])];
    assert.deepEqual(lenses.map((l) => l.command?.command).sort(), expected.sort());
  });
});
