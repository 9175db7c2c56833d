// package.json contributions, their English and Chinese strings, the l10n
// bundle, the snippets and the language configuration agree with each other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { diagnose } from '../../../src/lang';
import { PYTHON_VERSIONS } from '../../../src/extension/versions';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const read = (f: string) => fs.readFileSync(path.join(ROOT, f), 'utf8');
const pkg = JSON.parse(read('package.json'));
const nlsEn = JSON.parse(read('package.nls.json'));
const nlsZh = JSON.parse(read('package.nls.zh-cn.json'));

test('every %key% of package.json is in package.nls.json and package.nls.zh-cn.json', () => {
  const keys = [...read('package.json').matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]);
  assert.ok(keys.length > 40);
  for (const k of keys) {
    assert.ok(k in nlsEn, `package.nls.json lacks ${k}`);
    assert.ok(k in nlsZh, `package.nls.zh-cn.json lacks ${k}`);
  }
  assert.deepEqual(Object.keys(nlsEn).sort(), Object.keys(nlsZh).sort());
  for (const k of Object.keys(nlsZh)) {
    if (!k.endsWith('.media') && nlsZh[k] !== 'PyGC Lab') assert.ok(/[\u4e00-\u9fff]/.test(nlsZh[k]), `${k} is not translated`);
  }
});

test('walkthrough media exist in both languages', () => {
  for (const k of Object.keys(nlsEn).filter((k) => k.endsWith('.media'))) {
    assert.ok(fs.existsSync(path.join(ROOT, nlsEn[k])), nlsEn[k]);
    assert.ok(fs.existsSync(path.join(ROOT, nlsZh[k])), nlsZh[k]);
  }
  assert.equal(pkg.contributes.walkthroughs[0].steps.length, 5);
});

test('the manifest declares what the extension needs', () => {
  assert.equal(pkg.main, './dist/extension.js');
  assert.equal(pkg.engines.vscode, '^1.90.0');
  assert.equal(pkg.devDependencies['@types/vscode'], '1.90.0', '@types/vscode is pinned to the engines minimum');
  assert.ok(pkg.activationEvents.includes('onLanguage:pygc'));
  assert.ok(pkg.activationEvents.includes('onDebugResolve:pygc'));
  assert.ok(!pkg.activationEvents.includes('*'));
  assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
  assert.deepEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, ['pygc.interpreterPath']);
  const dbg = pkg.contributes.debuggers[0];
  assert.equal(dbg.type, 'pygc');
  assert.deepEqual(Object.keys(dbg.configurationAttributes.launch.properties).sort(), ['maxSteps', 'program', 'python', 'stopOnEntry']);
  assert.deepEqual(dbg.configurationAttributes.launch.properties.python.enum, [...PYTHON_VERSIONS]);
  assert.deepEqual(pkg.contributes.configuration.properties['pygc.pythonVersion'].enum, [...PYTHON_VERSIONS]);
  assert.deepEqual(pkg.contributes.breakpoints, [{ language: 'pygc' }]);
  const compare = pkg.contributes.commands.find((c: { command: string }) => c.command === 'pygc.compareWithCPython');
  assert.equal(compare.enablement, 'isWorkspaceTrusted');
});

test('every new devDependency is pinned to an exact version', () => {
  for (const [name, v] of Object.entries(pkg.devDependencies as Record<string, string>)) {
    assert.match(v, /^\d+\.\d+\.\d+$/, `${name}@${v} is not pinned`);
  }
});

test('every vscode.l10n string of the extension has a Chinese translation', () => {
  const bundle = JSON.parse(read('l10n/bundle.l10n.zh-cn.json'));
  const dir = path.join(ROOT, 'src', 'extension');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts'));
  const strings = new Set<string>();
  for (const f of files) {
    const src = fs.readFileSync(path.join(dir, f), 'utf8');
    for (const m of src.matchAll(/(?:vscode\.l10n\.t|\bt)\(\s*'((?:[^'\\]|\\.)*)'/g)) strings.add(m[1].replace(/\\'/g, "'"));
  }
  assert.ok(strings.size > 30);
  const missing = [...strings].filter((s) => !(s in bundle));
  assert.deepEqual(missing, []);
  const unused = Object.keys(bundle).filter((k) => !strings.has(k));
  assert.deepEqual(unused, []);
  for (const [k, v] of Object.entries(bundle as Record<string, string>)) {
    const ph = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join();
    assert.equal(ph(v), ph(k), `placeholders of "${k}"`);
  }
});

/** A snippet body with its placeholders replaced by their defaults. */
function expand(body: string[]): string {
  let text = body.join('\n');
  for (let i = 0; i < 5; i++) text = text.replace(/\$\{\d+:([^{}]*)\}/g, '$1');
  return text.replace(/\$\d+/g, '');
}

test('every snippet expands to a valid scenario', () => {
  const snippets = JSON.parse(read('snippets/pygc.code-snippets')) as Record<string, { prefix: string[]; body: string[] }>;
  assert.ok(Object.keys(snippets).length >= 3);
  for (const [name, s] of Object.entries(snippets)) {
    const src = `import gc\nimport sys\nimport weakref\nclass ClassA:\n    pass\nobj = ClassA()\n${expand(s.body)}\n`;
    assert.deepEqual(diagnose(src, 'snippet.pygc'), [], name);
  }
  assert.ok(Object.values(snippets).some((s) => s.body.join('\n').includes('def __del__')));
  assert.ok(Object.values(snippets).some((s) => s.body.join('\n').includes('gc.collect(')));
});

test('language configuration: Python indentation, comments and brackets', () => {
  const cfg = JSON.parse(read('language-configuration.json'));
  assert.equal(cfg.comments.lineComment, '#');
  assert.equal(cfg.folding.offSide, true);
  const inc = new RegExp(cfg.indentationRules.increaseIndentPattern);
  const dec = new RegExp(cfg.indentationRules.decreaseIndentPattern);
  for (const l of ['def f():', 'class A(B):', '    if x:  # c', 'for i in range(3):', 'try:', 'else:']) assert.ok(inc.test(l), l);
  for (const l of ['x = 1', 'd = {1: 2}', 'print("a:")']) assert.ok(!inc.test(l), l);
  for (const l of ['else:', '    elif x:', 'except ValueError as e:', 'finally:']) assert.ok(dec.test(l), l);
  const outdent = cfg.onEnterRules.find((r: { action: { indent: string } }) => r.action.indent === 'outdent');
  assert.ok(new RegExp(outdent.beforeText).test('        return x'));
  assert.ok(!new RegExp(outdent.beforeText).test('        returned = 1'));
  assert.ok(cfg.autoClosingPairs.some((p: { open: string }) => p.open === "'"));
  assert.ok(cfg.autoClosingPairs.some((p: { open: string }) => p.open === '"""'));
});
