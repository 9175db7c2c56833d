// Runs the grammar tests (test/grammar/*.test.pygc, in vscode-tmgrammar-test's
// format) against syntaxes/pygc.tmLanguage.json, checks the JSON is what
// scripts/gen-grammar.mjs generates, and that every scope the grammar can
// produce is asserted by at least one test line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const GRAMMAR = path.join(ROOT, 'syntaxes', 'pygc.tmLanguage.json');
const DIR = path.join(ROOT, 'test', 'grammar');
const cases = fs.readdirSync(DIR).filter((f) => f.endsWith('.test.pygc')).sort();

test('the grammar JSON is up to date with scripts/gen-grammar.mjs', () => {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'gen-grammar.mjs'), '--check'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});

test('vscode-tmgrammar-test passes on every test file', () => {
  assert.ok(cases.length >= 5, 'grammar test files are missing');
  const bin = path.join(ROOT, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js');
  const r = spawnSync(process.execPath, [bin, '-c', '-g', GRAMMAR, ...cases.map((c) => path.join('test', 'grammar', c))], {
    cwd: ROOT, encoding: 'utf8',
  });
  assert.equal(r.status, 0, `vscode-tmgrammar-test failed:\n${r.stdout}\n${r.stderr}`);
});

/** Every scope name the grammar assigns (names split at spaces). */
function grammarScopes(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => grammarScopes(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if ((k === 'name' || k === 'contentName') && typeof v === 'string') v.split(/\s+/).forEach((s) => out.add(s));
      else grammarScopes(v, out);
    }
  }
  return out;
}

test('every scope of the grammar is asserted by a grammar test', () => {
  const grammar = JSON.parse(fs.readFileSync(GRAMMAR, 'utf8'));
  const scopes = grammarScopes(grammar.repository);
  grammarScopes(grammar.patterns, scopes);
  const asserted = new Set<string>();
  for (const c of cases) {
    for (const line of fs.readFileSync(path.join(DIR, c), 'utf8').split('\n')) {
      const m = /^#\s*(?:\^+|<-+)\s+(.*)$/.exec(line);
      if (!m) continue;
      // Scopes after " - " are prohibited ones: an assertion of absence does not cover a scope.
      m[1].split(/\s+-\s+/)[0].split(/\s+/).filter(Boolean).forEach((s) => asserted.add(s));
    }
  }
  // The end-of-line token of an unterminated string cannot be addressed by a caret.
  const exempt = new Set(['invalid.illegal.newline.pygc']);
  const missing = [...scopes].filter((s) => !asserted.has(s) && !exempt.has(s)).sort();
  assert.deepEqual(missing, [], `scopes without a grammar test: ${missing.join(', ')}`);
  assert.ok(scopes.has('invalid.illegal.unsupported.pygc'));
  assert.ok(scopes.has('support.function.gc.pygc'));
});

test('package.json contributes the grammar and language', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const g = pkg.contributes.grammars.find((x: { language: string }) => x.language === 'pygc');
  assert.equal(g.scopeName, 'source.pygc');
  assert.equal(path.resolve(ROOT, g.path), GRAMMAR);
  const lang = pkg.contributes.languages.find((x: { id: string }) => x.id === 'pygc');
  assert.deepEqual(lang.extensions, ['.pygc']);
  assert.ok(fs.existsSync(path.resolve(ROOT, lang.configuration)));
});
