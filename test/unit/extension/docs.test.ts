// Hover texts and completion lists built from src/extension/docs (no VS Code).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { API_DOCS, apiDoc, availableIn } from '../../../src/extension/docs/api-docs';
import { memberItems } from '../../../src/extension/completion-items';
import { docLang, hoverFor } from '../../../src/extension/hover-text';
import { english } from '../../../src/extension/l10n-types';

const ROOT = path.resolve(__dirname, '..', '..', '..');

test('every documented symbol has English and Chinese text with matching version notes', () => {
  const names = new Set<string>();
  for (const d of API_DOCS) {
    assert.ok(!names.has(d.name), `duplicate ${d.name}`);
    names.add(d.name);
    assert.ok(d.en.summary.length > 10, d.name);
    assert.ok(/[\u4e00-\u9fff]/.test(d['zh-cn'].summary), `${d.name}: Chinese summary`);
    assert.equal(d.en.versions?.length ?? 0, d['zh-cn'].versions?.length ?? 0, `${d.name}: version notes`);
  }
});

test('the gc hover explains the collection and the version differences', () => {
  const md = hoverFor('gc.collect', 'en', '3.11', english)!;
  assert.match(md, /```python\ngc\.collect\(generation=2\) -> int\n```/);
  assert.match(md, /\*\*CPython versions\*\*/);
  assert.match(md, /2\.7: a cycle with `__del__` is uncollectable/);
  assert.match(md, /≤3\.10: a 2-instance cycle returns 4/);
  assert.match(md, /Simulated profile: CPython 3\.11/);
  const zh = hoverFor('gc.collect', 'zh-cn', '3.11', english)!;
  assert.match(zh, /不可达对象/);
});

test('hovers on sys.getrefcount, weakref.ref and __del__ carry the version facts', () => {
  assert.match(hoverFor('sys.getrefcount', 'en', '3.12', english)!, /4294967295/);
  assert.match(hoverFor('weakref.ref', 'en', '3.11', english)!, /`__del__` runs first/);
  assert.match(hoverFor('__del__', 'en', '3.11', english)!, /PEP 442/);
  assert.equal(hoverFor('gc.nothing', 'en', '3.11', english), undefined);
});

test('a member missing from the selected version says so', () => {
  assert.match(hoverFor('gc.freeze', 'en', '3.6', english)!, /Not available in CPython 3\.6: added in 3\.7/);
  assert.doesNotMatch(hoverFor('gc.freeze', 'en', '3.7', english)!, /Not available/);
  assert.match(hoverFor('gc.DEBUG_OBJECTS', 'en', '3.11', english)!, /only up to 2\.7/);
  assert.match(hoverFor('weakref.proxy', 'en', '3.11', english)!, /Not simulated by PyGC Lab/);
  assert.equal(availableIn(apiDoc('gc.is_finalized')!, '3.8'), false);
  assert.equal(availableIn(apiDoc('gc.is_finalized')!, '3.10'), true);
});

test('docLang picks Chinese for zh locales', () => {
  assert.equal(docLang('zh-cn'), 'zh-cn');
  assert.equal(docLang('zh-CN'), 'zh-cn');
  assert.equal(docLang('en'), 'en');
  assert.equal(docLang('de'), 'en');
});

test('gc. completions follow the version', () => {
  const labels = (v: string) => memberItems('gc', v, 'en').map((m) => m.label);
  assert.ok(labels('3.11').includes('collect'));
  assert.ok(labels('3.11').includes('freeze'));
  assert.ok(!labels('3.6').includes('freeze'));
  assert.ok(labels('2.7').includes('DEBUG_OBJECTS'));
  assert.ok(!labels('3.11').includes('DEBUG_OBJECTS'));
  const c = memberItems('gc', '3.11', 'en').find((m) => m.label === 'get_count')!;
  assert.equal(c.kind, 'function');
  assert.equal(c.detail, 'gc.get_count() -> (count0, count1, count2)');
});

test('weakref. completions list the unsupported members last', () => {
  const items = memberItems('weakref', '3.11', 'en').sort((a, b) => a.sortText.localeCompare(b.sortText));
  assert.equal(items[0].label, 'ref');
  const firstUnsupported = items.findIndex((m) => m.unsupported);
  assert.ok(firstUnsupported > 0);
  assert.ok(items.slice(firstUnsupported).every((m) => m.unsupported));
  assert.ok(items.some((m) => m.label === 'proxy' && m.unsupported));
});

test('every function the engine gives gc, sys and weakref is documented', () => {
  const names = (file: string) => [...fs.readFileSync(path.join(ROOT, file), 'utf8').matchAll(/^ {4}([a-z_]+): \(/gm)].map((m) => m[1]);
  for (const n of names('src/engine/builtins/gcmodule.ts')) assert.ok(apiDoc(`gc.${n}`), `gc.${n}`);
  for (const n of names('src/engine/builtins/weakrefmodule.ts').filter((n) => n !== 'void')) assert.ok(apiDoc(`weakref.${n}`), `weakref.${n}`);
  const sys = fs.readFileSync(path.join(ROOT, 'src/engine/builtins/modules.ts'), 'utf8');
  const sysBlock = sys.slice(sys.indexOf("makeModule(it, 'sys'"), sys.indexOf('// time'));
  for (const m of sysBlock.matchAll(/^ {4}([a-z_]+): /gm)) assert.ok(apiDoc(`sys.${m[1]}`), `sys.${m[1]}`);
});

test('the grammar scopes every documented gc, sys and weakref member', () => {
  const grammar = fs.readFileSync(path.join(ROOT, 'syntaxes', 'pygc.tmLanguage.json'), 'utf8');
  for (const d of API_DOCS) {
    const m = /^(gc|sys|weakref)\.(\w+)$/.exec(d.name);
    if (m) assert.ok(new RegExp(`[|(]${m[2]}[|)]`).test(grammar), `${d.name} is not in the grammar`);
  }
});
