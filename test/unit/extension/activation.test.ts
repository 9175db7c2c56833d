// Activates the built extension (dist/extension.js) against a stand-in
// `vscode` module: it must load lazily, register every contributed command and
// the pygc providers, and its providers must answer on a scenario.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createVscodeStub, fakeDocument, withVscode, type Registrations } from './helpers/vscode-stub';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const BUNDLE = path.join(ROOT, 'dist', 'extension.js');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

function activate(settings: Record<string, unknown> = {}, documents: unknown[] = []): { reg: Registrations } {
  const { vscode, reg } = createVscodeStub(settings, documents);
  delete require.cache[BUNDLE];
  return withVscode(vscode, () => {
    const ext = require(BUNDLE) as { activate(c: unknown): void };
    ext.activate({ subscriptions: [], extensionUri: { fsPath: ROOT, path: ROOT } });
    return { reg };
  });
}

test('dist/extension.js exists (npm run build)', () => {
  assert.ok(fs.existsSync(BUNDLE));
});

test('activation loads neither the debug session nor the engine (kept fast; timed in npm run bench)', () => {
  const session = path.join(ROOT, 'dist', 'debugSession.js');
  delete require.cache[session];
  activate();
  assert.equal(require.cache[session], undefined, 'dist/debugSession.js is loaded on the first debug session only');
  const bundle = fs.readFileSync(BUNDLE, 'utf8');
  assert.ok(!bundle.includes('Collector = class'), 'the engine is not bundled into the extension');
});

test('every contributed command is registered, and nothing else', () => {
  const { reg } = activate();
  const contributed = pkg.contributes.commands.map((c: { command: string }) => c.command).sort();
  assert.deepEqual([...reg.commands.keys()].sort(), contributed);
});

test('pygc providers and the debug configuration providers are registered', () => {
  const { reg } = activate();
  assert.deepEqual(reg.providers.map((p) => p.kind).sort(), ['codelens', 'completion', 'evaluatable', 'hover', 'inlineValues']);
  for (const p of reg.providers) assert.deepEqual(p.selector, { language: 'pygc' });
  assert.deepEqual(reg.providers.find((p) => p.kind === 'completion')!.triggers, ['.']);
  assert.deepEqual(reg.debug.filter((d) => d.kind === 'configuration').map((d) => d.trigger).sort(), [1, 2]);
  assert.ok(reg.debug.every((d) => d.type === 'pygc'));
});

test('the hover provider explains gc.collect at the pointer', () => {
  const { reg } = activate();
  const hover = reg.providers.find((p) => p.kind === 'hover')!.provider;
  const doc = fakeDocument('import gc\nprint(gc.collect())\n');
  const h = hover.provideHover(doc, { line: 1, character: 11 });
  assert.match(h.contents.value, /gc\.collect\(generation=2\)/);
  assert.deepEqual([h.range.start.character, h.range.end.character], [9, 16]);
  assert.equal(hover.provideHover(doc, { line: 1, character: 2 }), undefined);
});

test('the completion provider lists gc members for the configured version', () => {
  const { reg } = activate({ pythonVersion: '3.6' });
  const completion = reg.providers.find((p) => p.kind === 'completion')!.provider;
  const items = completion.provideCompletionItems(fakeDocument('import gc\ngc.\n'), { line: 1, character: 3 });
  const labels = items.map((i: { label: string }) => i.label);
  assert.ok(labels.includes('collect') && labels.includes('get_count'));
  assert.ok(!labels.includes('freeze'), 'gc.freeze is 3.7+');
  assert.equal(completion.provideCompletionItems(fakeDocument('x.\n'), { line: 0, character: 2 }), undefined);
});

test('CodeLens offers Debug and Run scenario and, trusted, Compare with real CPython on the first line', () => {
  const { reg } = activate({ pythonVersion: '3.12' });
  const lenses = reg.providers.find((p) => p.kind === 'codelens')!.provider.provideCodeLenses(fakeDocument('x = 1\n'));
  assert.deepEqual(lenses.map((l: { command: { command: string } }) => l.command.command), ['pygc.debugScenario', 'pygc.runScenario', 'pygc.compareWithCPython']);
  assert.match(lenses[2].command.title, /Compare with real CPython 3\.12$/);
  assert.ok(lenses.every((l: { range: { start: { line: number } } }) => l.range.start.line === 0));
});

test('the debug configuration provider turns F5 into a launch of the active scenario', () => {
  const { reg } = activate({ pythonVersion: '3.12' });
  const initial = reg.debug.find((d) => d.kind === 'configuration' && d.trigger === 1)!.provider;
  // No active editor in the stub: a clear refusal, not a launch.
  assert.equal(initial.resolveDebugConfiguration(undefined, {}), undefined);
  const c = initial.resolveDebugConfiguration(undefined, { type: 'pygc', request: 'launch', name: 'x', program: '/w/a.pygc' });
  assert.equal(c.python, '3.12');
  assert.deepEqual(initial.provideDebugConfigurations().map((d: { program: string }) => d.program), ['${file}']);
});

test('open scenarios get diagnostics from the parser, with code and exact range', async () => {
  const doc = fakeDocument('import gc\nimport os\n');
  const other = fakeDocument('import os\n', 'python', '/w/x.py');
  const { reg } = activate({}, [doc, other]);
  await new Promise((r) => setTimeout(r, 20));
  const ds = reg.diagnostics.get('file:///w/scenario.pygc') as Array<{ code: string; range: { start: { line: number; character: number } }; severity: number }>;
  assert.equal(ds.length, 1);
  assert.equal(ds[0].code, 'NotSupportedError');
  assert.equal(ds[0].severity, 0);
  assert.deepEqual(ds[0].range.start, { line: 1, character: 7 });
  assert.equal(reg.diagnostics.has('file:///w/x.py'), false);
});
