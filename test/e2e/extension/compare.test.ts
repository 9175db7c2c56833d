// "Compare with Real CPython" in a real VS Code: the command runs the scenario in
// the simulation and in a real CPython 3.11 (pyenv's, or python3.11/python3 on the
// PATH) and opens the two normalised runs in a diff editor. Skipped, with the
// reason, on a machine without CPython 3.11.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { openScenario, waitFor } from './util';

interface Result { label: string; profile: string; equal?: boolean; differences?: number; error?: string }

function hasCPython311(): boolean {
  const root = path.join(process.env.PYENV_ROOT || path.join(os.homedir(), '.pyenv'), 'versions');
  return fs.existsSync(root) && fs.readdirSync(root).some((v) => v.startsWith('3.11.'));
}

function diffTab(): vscode.TabInputTextDiff | undefined {
  for (const g of vscode.window.tabGroups.all) {
    for (const t of g.tabs) if (t.input instanceof vscode.TabInputTextDiff && t.input.original.scheme === 'pygc-compare') return t.input;
  }
  return undefined;
}

suite('pygc compare with real CPython', () => {
  test('an example is compared with CPython 3.11 and both runs open in a diff editor', async function () {
    if (!hasCPython311()) this.skip();
    await openScenario('d_collect_debug_stats.pygc');
    await vscode.workspace.getConfiguration('pygc').update('pythonVersion', '3.11', vscode.ConfigurationTarget.Workspace);
    const results = await vscode.commands.executeCommand<Result[]>('pygc.compareWithCPython');
    assert.ok(results && results.length === 1, JSON.stringify(results));
    assert.match(results[0].label, /^CPython 3\.11\./);
    assert.equal(results[0].error, undefined);
    assert.equal(results[0].equal, true, JSON.stringify(results[0]));
    const tab = await waitFor('the diff editor', () => diffTab());
    const real = (await vscode.workspace.openTextDocument(tab.original)).getText();
    const sim = (await vscode.workspace.openTextDocument(tab.modified)).getText();
    assert.match(real, /^exit code: 0$/m);
    assert.match(real, /gc: done, 2 unreachable, 0 uncollectable/);
    assert.equal(sim, real, 'the example prints what CPython 3.11 prints');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
