// Packages the extension with @vscode/vsce (as `npm run package` does, minus
// the build) into a temporary file: it must succeed offline, stay under 2 MB,
// and hold what the extension needs and nothing of the sources or tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

test('vsce packages a .vsix under 2 MB with the right files', { timeout: 120_000 }, () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pygc-vsix-'));
  try {
    const out = path.join(tmp, 'pygc-lab.vsix');
    const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
    const pack = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository',
      '--no-rewrite-relative-links', '--out', out], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(pack.status, 0, `${pack.stdout}\n${pack.stderr}`);
    const size = fs.statSync(out).size;
    assert.ok(size < 2 * 1024 * 1024, `the .vsix is ${size} bytes`);
    const ls = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
    const files = ls.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
    for (const f of ['dist/extension.js', 'dist/debugSession.js', 'dist/cli.js', 'package.nls.json', 'package.nls.zh-cn.json',
      'l10n/bundle.l10n.zh-cn.json', 'language-configuration.json', 'syntaxes/pygc.tmLanguage.json',
      'snippets/pygc.code-snippets', 'media/walkthrough/debug.md', 'examples/d_collect_debug_stats.pygc']) {
      assert.ok(files.includes(f), `${f} is missing from the .vsix`);
    }
    const unwanted = files.filter((f) => /^(src|test|scripts|node_modules|bench|\.ci)\//.test(f) || f.endsWith('.map') || f.endsWith('.ts'));
    assert.deepEqual(unwanted, []);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
