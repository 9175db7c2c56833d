// DAP: stack traces, scopes and variables. Refcounts in the Variables pane
// must equal what the scenario prints with sys.getrefcount(x) - 1 in real
// CPython (the oracle's recordings); [refcount] rows add up to the
// refcount; every row's evaluateName evaluates to the same object; stale
// references, evaluation (hover side-effect free, Debug Console for real),
// setVariable and completions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { DebugClient } from '@vscode/debugadapter-testsupport';
import * as h from './helpers';

const PRINT = /print\('(\w+) = %d' % sys\.getrefcount\(([A-Za-z_]\w*)\)\)/;

/** Stop at every `print('name = %d' % sys.getrefcount(v))` and compare v's refcount with CPython's output − 1. */
async function compareWithOracle(scenario: string, python: string, recorded: string) {
  const program = path.join(h.ORACLE, 'scenarios', `${scenario}.py`);
  const lines = fs.readFileSync(program, 'utf8').split('\n');
  const bpLines: number[] = [];
  const varAt = new Map<number, string>();
  lines.forEach((l, i) => { const m = PRINT.exec(l); if (m) { bpLines.push(i + 1); varAt.set(i + 1, m[2]); } });
  const rec = JSON.parse(fs.readFileSync(path.join(h.ORACLE, 'results', scenario, `${recorded}.json`), 'utf8'));
  const printed = new Map<string, number[]>();
  for (const l of rec.stdout.split('\n')) {
    const m = /^(\w+) = (\d+)$/.exec(l);
    if (m) printed.set(m[1], [...(printed.get(m[1]) ?? []), Number(m[2])]);
  }
  const dc = await h.startClient();
  const seen: string[] = [];
  try {
    const { breakpoints } = await h.launch(dc, program, { python }, { breakpoints: bpLines.map((line) => ({ line })) });
    assert.ok(breakpoints!.body.breakpoints.every((b) => b.verified));
    for (;;) {
      const frames = await h.stack(dc);
      const line = frames[0].line;
      const name = varAt.get(line)!;
      const label = PRINT.exec(lines[line - 1])![1];
      const sc = await dc.scopesRequest({ frameId: frames[0].id });
      const vars = async (s: string) => (await dc.variablesRequest({ variablesReference: sc.body.scopes.find((x) => x.name === s)!.variablesReference })).body.variables;
      const v = (await vars('Locals')).find((x) => x.name === name) ?? (await vars('Globals')).find((x) => x.name === name);
      assert.ok(v, `${name} at line ${line}`);
      const expected = printed.get(label)!.shift()! - 1;
      assert.equal(h.refcountOf(v), expected, `${scenario} ${python}: ${label} (line ${line})`);
      // The [refcount] rows explain it: their counts add up to the refcount.
      const kids = await h.children(dc, v);
      const explained = await h.children(dc, h.find(kids, '[refcount]'));
      const sum = explained.reduce((s, r) => s + Number(/^(\d+) reference/.exec(r.value)?.[1] ?? 0), 0);
      assert.equal(sum, expected, `${label}: ${explained.map((r) => `${r.name} = ${r.value}`).join('; ')}`);
      // And the engine agrees through evaluation.
      const ev = await dc.evaluateRequest({ expression: `sys.getrefcount(${name}) - 1`, frameId: frames[0].id, context: 'watch' });
      assert.equal(Number(ev.body.result), expected);
      seen.push(label);
      const next = new Promise<boolean>((resolve) => {
        dc.once('stopped', () => resolve(true));
        dc.once('exited', () => resolve(false));
      });
      await dc.continueRequest({ threadId: 1 });
      if (!(await next)) break;
    }
  } finally {
    await dc.stop();
  }
  return seen;
}

test('refcounts in Variables equal CPython 3.11\'s (03_refcount_causes)', async () => {
  const seen = await compareWithOracle('03_refcount_causes', '3.11', '3.11.7');
  assert.ok(seen.length >= 28, seen.join(', '));
});

test('refcounts in Variables equal CPython 3.11\'s (04_refcount_function_vs_module: locals, parameters, self)', async () => {
  const seen = await compareWithOracle('04_refcount_function_vs_module', '3.11', '3.11.7');
  assert.ok(seen.includes('param_temp') && seen.includes('method_self') && seen.includes('closure_cell'), seen.join(', '));
});

test('refcounts in Variables equal CPython 3.13\'s (03_refcount_causes)', async () => {
  const seen = await compareWithOracle('03_refcount_causes', '3.13', '3.13.0');
  assert.ok(seen.length >= 28);
});

test('the article\'s cycle: refcounts 2 after the cycle is made, children and evaluateNames', async () => {
  const dc = await h.startClient();
  try {
    const program = path.join(h.EXAMPLES, 'c_cycle_leak.pygc');
    await h.launch(dc, program, {}, { breakpoints: [{ line: 18 }] });
    const frames = await h.stack(dc);
    assert.deepEqual(frames.map((f) => f.name), ['f2', '<module>']);
    const sc = await h.scopes(dc);
    assert.deepEqual(sc.map((s) => s.name), ['Locals', 'Globals', 'Generation 0', 'Generation 1', 'Generation 2', 'Permanent (frozen)', 'gc.garbage', 'Collector']);
    const loc = await h.scopeVars(dc, 'Locals');
    const c1 = h.find(loc, 'c1');
    assert.match(c1.value, /^<__main__\.ClassA object at 0x[0-9a-f]+>  refcount 2 · gen 0$/);
    assert.equal(c1.evaluateName, 'c1');
    const kids = await h.children(dc, c1);
    const t = h.find(kids, 't');
    assert.equal(t.evaluateName, 'c1.t');
    assert.match(t.value, /refcount 2 · gen 0/);
    assert.deepEqual(kids.slice(-3).map((k) => k.name), ['[refcount]', '[gc]', '[referrers]']);
    const rc = await h.children(dc, h.find(kids, '[refcount]'));
    assert.deepEqual(rc.map((r) => r.name.replace(/0x[0-9a-f]+/, '@')).sort(), ["attribute 't' of <__main__.ClassA object at @>", "local 'c1' of f2"]);
    const gcRows = await h.children(dc, h.find(kids, '[gc]'));
    assert.equal(h.find(gcRows, 'tracked').value, 'True');
    assert.equal(h.find(gcRows, 'generation').value, 'gen 0');
    const referrers = await h.children(dc, h.find(kids, '[referrers]'));
    assert.equal(referrers.length, 1);
    // Each row's evaluateName evaluates to the same object.
    for (const row of [c1, t, referrers[0], h.find(await h.children(dc, t), 't')]) {
      const r = await dc.evaluateRequest({ expression: row.evaluateName!, frameId: frames[0].id, context: 'watch' });
      assert.equal(r.body.result.split('  ')[0], row.value.split('  ')[0], row.evaluateName);
    }
    // Generation 0 holds both instances.
    const gen0 = await h.scopeVars(dc, 'Generation 0');
    assert.equal(gen0.filter((v) => /ClassA object/.test(v.value)).length, 2);
    const collector = await h.scopeVars(dc, 'Collector');
    assert.match(h.find(collector, 'threshold').value, /^\(700, 10, 10\)$/);
    assert.equal(h.find(collector, 'enabled').value, 'True');
    assert.equal((await h.children(dc, h.find(collector, 'stats'))).length, 3);
  } finally {
    await dc.stop();
  }
});

test('containers: list items, dict keys and values, with evaluateNames', async () => {
  const dc = await h.startClient();
  try {
    const program = h.scenario(`
      class K:
          pass

      k = K()
      lst = [k, 'x']
      d = {'a': lst, k: 1}
      done = True
    `);
    await h.launch(dc, program, {}, { breakpoints: [{ line: 7 }] });
    const frameId = (await h.stack(dc))[0].id;
    const loc = await h.scopeVars(dc, 'Locals');
    const d = await h.children(dc, h.find(loc, 'd'));
    const rows = d.filter((r) => !r.name.startsWith('[refcount') && !['[gc]', '[referrers]'].includes(r.name));
    assert.deepEqual(rows.map((r) => r.evaluateName), ['list(d)[0]', "d['a']", 'list(d)[1]', 'd[list(d)[1]]']);
    for (const r of rows) {
      const ev = await dc.evaluateRequest({ expression: r.evaluateName!, frameId, context: 'watch' });
      assert.equal(ev.body.result.split('  ')[0], r.value.split('  ')[0], r.evaluateName);
    }
    const lst = await h.children(dc, h.find(loc, 'lst'));
    assert.deepEqual(lst.slice(0, 2).map((r) => [r.name, r.evaluateName]), [['[0]', 'lst[0]'], ['[1]', 'lst[1]']]);
  } finally {
    await dc.stop();
  }
});

async function stoppedAt(dc: DebugClient, source: string, line: number) {
  const program = h.scenario(source);
  await h.launch(dc, program, {}, { breakpoints: [{ line }] });
  return program;
}

test('references from an earlier stop are stale; unknown ones are refused', async () => {
  const dc = await h.startClient();
  try {
    await stoppedAt(dc, `
      a = [1]
      b = 2
      c = 3
    `, 2);
    const sc = await h.scopes(dc);
    const frames = await h.stack(dc);
    await h.next(dc, 'next');
    const r = await h.raw(dc, 'variables', { variablesReference: sc[0].variablesReference });
    assert.equal(r.success, false);
    assert.match(r.message ?? '', /stale reference/);
    const f = await h.raw(dc, 'scopes', { frameId: frames[0].id });
    assert.match(f.message ?? '', /stale reference/);
    const u = await h.raw(dc, 'variables', { variablesReference: 999999 });
    assert.match(u.message ?? '', /unknown variablesReference/);
    const n = await h.raw(dc, 'variables', { variablesReference: 'x' });
    assert.match(n.message ?? '', /must be a positive integer/);
    assert.ok((await h.scopeVars(dc, 'Locals')).length > 0);
  } finally {
    await dc.stop();
  }
});

test('hover and watch are side-effect free; the Debug Console runs for real', async () => {
  const dc = await h.startClient();
  try {
    await stoppedAt(dc, `
      import gc, sys

      class A:
          pass

      a = A()
      x = a
      y = 1
      z = 2
    `, 8);
    const frameId = (await h.stack(dc))[0].id;
    const ev = (expression: string, context = 'watch') => dc.evaluateRequest({ expression, frameId, context });
    const c1 = (await ev('gc.get_count()', 'hover')).body.result;
    const c2 = (await ev('gc.get_count()', 'watch')).body.result;
    assert.equal(c1, c2);
    await ev('[A() for i in range(5)]', 'watch');
    assert.equal((await ev('gc.get_count()')).body.result, c1);
    assert.equal((await ev('sys.getrefcount(a) - 1')).body.result, '2');
    assert.equal((await ev('a is x', 'hover')).body.result, 'True');
    const hov = await ev('a', 'hover');
    assert.match(hov.body.result, /refcount 2 · gen 0/);
    assert.ok(hov.body.variablesReference > 0);
    // Unparsable and failing expressions: errors, session fine.
    const bad = await h.raw(dc, 'evaluate', { expression: 'a +', frameId, context: 'watch' });
    assert.equal(bad.success, false);
    assert.match(bad.message ?? '', /SyntaxError/);
    const name = await h.raw(dc, 'evaluate', { expression: 'nope', frameId, context: 'watch' });
    assert.match(name.message ?? '', /NameError: name 'nope' is not defined/);
    // The Debug Console changes state: x = None drops a refcount.
    await ev('x = None', 'repl');
    assert.equal((await ev('sys.getrefcount(a) - 1')).body.result, '1');
    assert.equal(h.refcountOf(h.find(await h.scopeVars(dc, 'Locals'), 'a')), 1);
    assert.equal((await ev('len([1, 2])', 'repl')).body.result, '2');
    // The change is part of the timeline: stepping on keeps it.
    await h.next(dc, 'next');
    assert.equal(h.find(await h.scopeVars(dc, 'Locals'), 'x').value, 'None  · interpreter object');
  } finally {
    await dc.stop();
  }
});

test('setVariable rebinds a name and refcounts follow', async () => {
  const dc = await h.startClient();
  try {
    await stoppedAt(dc, `
      class A:
          pass

      a = A()
      b = a
      c = 1
    `, 6);
    const sc = (await h.scopes(dc)).find((s) => s.name === 'Locals')!;
    const r = await dc.setVariableRequest({ variablesReference: sc.variablesReference, name: 'b', value: '[1, 2]' });
    assert.match(r.body.value, /^\[1, 2\]  refcount 1 · gen 0$/);
    assert.equal(h.refcountOf(h.find(await h.scopeVars(dc, 'Locals'), 'a')), 1);
    const loc = await dc.variablesRequest({ variablesReference: sc.variablesReference });
    const aRow = loc.body.variables.find((v) => v.name === 'a')!;
    const kids = await h.children(dc, aRow);
    const no = await h.raw(dc, 'setVariable', { variablesReference: aRow.variablesReference, name: '[refcount]', value: '5' });
    assert.equal(no.success, false);
    assert.match(no.message ?? '', /cannot be assigned/);
    const bad = await h.raw(dc, 'setVariable', { variablesReference: sc.variablesReference, name: 'b', value: '1 +' });
    assert.match(bad.message ?? '', /SyntaxError/);
    assert.ok(kids.length >= 3);
  } finally {
    await dc.stop();
  }
});

test('completions: names in scope and gc./sys./weakref. members', async () => {
  const dc = await h.startClient();
  try {
    await stoppedAt(dc, `
      import gc
      alpha = 1
      alps = 2
      done = 3
    `, 4);
    const frameId = (await h.stack(dc))[0].id;
    const labels = async (text: string) => (await dc.completionsRequest({ text, column: text.length + 1, frameId })).body.targets.map((t) => t.label);
    assert.deepEqual(await labels('al'), ['all', 'alpha', 'alps']);
    assert.ok((await labels('gc.')).includes('collect'));
    assert.ok((await labels('gc.get_')).includes('get_count'));
    assert.ok((await labels('sys.get')).includes('getrefcount'));
    assert.ok((await labels('weakref.')).includes('ref'));
    const t = (await dc.completionsRequest({ text: 'x = gc.col', column: 11, frameId })).body.targets[0];
    assert.equal(t.label, 'collect');
    assert.equal(t.start, 8);
    assert.equal(t.length, 3);
  } finally {
    await dc.stop();
  }
});

test('large scopes are expensive and paged', async () => {
  const dc = await h.startClient();
  try {
    await stoppedAt(dc, `
      class N:
          pass

      nodes = [N() for i in range(300)]
      done = 1
    `, 5);
    const sc = await h.scopes(dc);
    const gen = sc.filter((s) => s.name.startsWith('Generation') && (s.indexedVariables ?? 0) > 100);
    assert.equal(gen.length, 1);
    assert.ok(gen[0].expensive);
    const page = await dc.variablesRequest({ variablesReference: gen[0].variablesReference, filter: 'indexed', start: 100, count: 50 });
    assert.equal(page.body.variables.length, 50);
    assert.equal(page.body.variables[0].name, '[100]');
    const nodes = h.find(await h.scopeVars(dc, 'Locals'), 'nodes');
    assert.equal(nodes.indexedVariables, 300);
    const items = await dc.variablesRequest({ variablesReference: nodes.variablesReference, filter: 'indexed', start: 290, count: 20 });
    assert.deepEqual(items.body.variables.map((v) => v.evaluateName).slice(0, 2), ['nodes[290]', 'nodes[291]']);
    assert.equal(items.body.variables.length, 10);
    const named = await dc.variablesRequest({ variablesReference: nodes.variablesReference, filter: 'named' });
    assert.deepEqual(named.body.variables.map((v) => v.name), ['[refcount]', '[gc]', '[referrers]']);
  } finally {
    await dc.stop();
  }
});

test('output: print to stdout with its line; DEBUG_STATS lines grouped on stderr', async () => {
  const dc = await h.startClient();
  try {
    const program = path.join(h.EXAMPLES, 'd_collect_debug_stats.pygc');
    const events: DebugProtocol.OutputEvent[] = [];
    dc.on('output', (e: DebugProtocol.OutputEvent) => events.push(e));
    const exited = dc.waitForEvent('exited');
    const config = dc.waitForEvent('initialized').then(() => dc.configurationDoneRequest());
    await Promise.all([config, dc.launch({ program }), exited]);
    const born = events.find((e) => e.body.category === 'stdout' && e.body.output.startsWith('object born'))!;
    assert.match(born.body.output, /^object born,id:0x[0-9a-f]+\n$/);
    assert.equal(born.body.line, 11);
    assert.equal(born.body.source?.path, program);
    const start = events.findIndex((e) => e.body.group === 'start');
    const end = events.findIndex((e) => e.body.group === 'end');
    assert.ok(start >= 0 && end > start);
    assert.match(events[start].body.output, /^gc: collecting generation 2\.\.\.\n$/);
    assert.equal(events[start].body.category, 'stderr');
    assert.match(events[end - 1].body.output, /^gc: done, 2 unreachable, 0 uncollectable/);
  } finally {
    await dc.stop();
  }
});
