// The GC panel in headless Chromium (Debian's /usr/bin/chromium through
// playwright-core), fed snapshot messages recorded from real runs of the
// article's examples (test/webview/fixtures, made by
// scripts/record-panel-fixtures.ts). Checks what the panel draws and what it
// sends back; prints its performance figures; saves screenshots in light and
// dark to test-artifacts/webview/.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { PanelToHost } from '../../src/protocol/panel-messages';
import type { ObjectInfo, Snapshot } from '../../src/protocol/snapshot';
import { ATOM_TYPES } from '../../src/webview/graph/model';
import type { InspectNode } from '../../src/webview/inspect-types';
import type { Recording } from '../../scripts/record-panel-fixtures';
import { PanelStateSender } from '../../src/extension/gc-panel-sender';
import { diffSnapshots } from '../../src/protocol/snapshot-diff';
import {
  CHROMIUM, ensureBuilt, launchBrowser, loadFixture, PanelPage, snapshotMessage, startServer, type Browser, type Server,
} from './harness';
import { rgb, THEMES } from './themes';

let server: Server;
let browser: Browser;

before(async () => {
  assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`);
  ensureBuilt();
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// ---- expectations computed from the snapshot itself ------------------------------------

const drawn = (s: Snapshot): ObjectInfo[] => s.objects.filter((o) => !o.immortal && !ATOM_TYPES.has(o.type));
const rootFrames = (s: Snapshot) => s.frames.filter((f) => f.role !== 'module' && f.role !== 'collector');

function expectedCounts(s: Snapshot): { nodes: number; edges: number } {
  const ids = new Set(drawn(s).map((o) => o.id));
  const roots = (s.globals.length ? 1 : 0) + rootFrames(s).length;
  const refs = s.edges.filter((e) => ids.has(e.from) && ids.has(e.to)).length;
  const rootRefs = s.globals.filter((g) => ids.has(g.value)).length
    + rootFrames(s).reduce((n, f) => n + f.locals.filter((v) => ids.has(v.value)).length, 0);
  return { nodes: ids.size + roots, edges: refs + rootRefs };
}

const live = (nodes: InspectNode[]) => nodes.filter((n) => !n.classes.includes('freed'));
const byObj = (nodes: InspectNode[], id: number) => nodes.find((n) => n.id === `o${id}`);
const find = (rec: Recording, pred: (s: Snapshot) => boolean): Snapshot => {
  const s = rec.snapshots.find(pred);
  assert.ok(s, 'no recorded step matches');
  return s;
};

async function openAt(rec: Recording, s: Snapshot, theme: 'dark' | 'light' = 'dark'): Promise<PanelPage> {
  const p = await PanelPage.open(browser, server, { theme });
  await p.send({ type: 'session', state: 'stopped', label: rec.scenario });
  await p.send(snapshotMessage(rec, s));
  return p;
}

function lastPosted<T extends PanelToHost['type']>(msgs: PanelToHost[], type: T): Extract<PanelToHost, { type: T }> | undefined {
  return msgs.filter((m): m is Extract<PanelToHost, { type: T }> => m.type === type).pop();
}

// ---- the graph -------------------------------------------------------------------------

test('panel: loads under its CSP, says ready, and draws every step of examples (c) and (e) with the right nodes, edges, labels and refcounts', async () => {
  for (const name of ['c_cycle_leak', 'e_get_count']) {
    const rec = loadFixture(name);
    const p = await PanelPage.open(browser, server);
    assert.deepEqual((await p.posted())[0], { type: 'ready' });
    for (const s of rec.snapshots) {
      await p.send(snapshotMessage(rec, s));
      const nodes = live(await p.nodes());
      const edges = await p.edges();
      const want = expectedCounts(s);
      assert.equal(nodes.length, want.nodes, `step ${s.step}: nodes`);
      assert.equal(edges.length, want.edges, `step ${s.step}: edges`);
      for (const o of drawn(s)) {
        const n = byObj(nodes, o.id);
        assert.ok(n, `step ${s.step}: object ${o.id} drawn`);
        const lines = n.label.split('\n');
        assert.equal(lines[0], o.type);
        assert.match(lines[2], new RegExp(`^rc ${o.refcount}\\b`), `step ${s.step}: refcount of ${o.type}`);
      }
      const labels = edges.map((e) => e.label).sort();
      const ids = new Set(drawn(s).map((o) => o.id));
      const wantLabels = [
        ...s.edges.filter((e) => ids.has(e.from) && ids.has(e.to)).map((e) => e.label),
        ...s.globals.filter((g) => ids.has(g.value)).map((g) => g.name),
        ...rootFrames(s).flatMap((f) => f.locals.filter((v) => ids.has(v.value)).map((v) => v.name)),
      ].sort();
      assert.deepEqual(labels, wantLabels, `step ${s.step}: edge labels`);
    }
    assert.deepEqual(await p.cspViolations(), []);
    assert.deepEqual(p.errors, []);
    await p.close();
  }
});

test('panel: diffs after the first snapshot draw what the whole snapshots draw, stepping forwards, back and far; a diff against another state is refused and the whole state asked for', async () => {
  const rec = loadFixture('d_collect_debug_stats');
  const ss = rec.snapshots;
  const n = ss.length;
  // Forwards, back one, a jump back to the start, a jump to the end (the debugger's step back and go to step).
  const order = [0, 1, 2, 3, 2, 1, Math.floor(n / 2), Math.floor(n / 2) + 1, 0, n - 1, n - 2, 5];
  // Both pages are sent the same steps in the same order: even the highlight of what changed must be the same.
  const look = (nodes: InspectNode[]) => live(nodes).map((x) => `${x.id}|${x.label}|${[...x.classes].sort().join(' ')}`).sort();
  const sender = new PanelStateSender();
  const p = await PanelPage.open(browser, server);
  const ref = await PanelPage.open(browser, server);
  for (const i of order) {
    const m = sender.message(ss[i], rec.timeline);
    await p.send(m);
    await ref.send(snapshotMessage(rec, ss[i]));
    await p.settle(); await ref.settle();
    assert.deepEqual(look(await p.nodes()), look(await ref.nodes()), `step ${ss[i].step}: nodes`);
    assert.deepEqual((await p.edges()).map((e) => `${e.id}|${e.label}`).sort(), (await ref.edges()).map((e) => `${e.id}|${e.label}`).sort(), `step ${ss[i].step}: edges`);
  }
  assert.equal((await p.posted()).filter((m) => m.type === 'requestSnapshot').length, 0);
  // A diff made against a state the panel does not hold: not drawn, and the whole state is asked for (once).
  const shown = await p.page.evaluate(() => (globalThis as unknown as { document: { body: { dataset: Record<string, string> } } }).document.body.dataset.renderedStep);
  const stray = { type: 'snapshotDiff' as const, base: 999, id: 1000, diff: diffSnapshots(ss[3], ss[4]) };
  await p.post(stray);
  await p.post({ ...stray, base: 1000, id: 1001 });
  await p.settle();
  assert.equal(await p.page.evaluate(() => (globalThis as unknown as { document: { body: { dataset: Record<string, string> } } }).document.body.dataset.renderedStep), shown);
  assert.equal((await p.posted()).filter((m) => m.type === 'requestSnapshot').length, 1);
  // The host answers with the whole state; diffs apply again after it.
  sender.reset();
  await p.send(sender.message(ss[6], rec.timeline));
  await p.send(sender.message(ss[7], rec.timeline));
  await ref.send(snapshotMessage(rec, ss[6]));
  await ref.send(snapshotMessage(rec, ss[7]));
  await p.settle(); await ref.settle();
  assert.deepEqual(look(await p.nodes()), look(await ref.nodes()), 'after the whole state');
  assert.deepEqual(p.errors, []);
  await p.close(); await ref.close();
});

test('panel: colours by generation (young, middle, old), and distinct looks for untracked, finalized and gc.garbage objects', async () => {
  const dark = THEMES.dark.vars;
  const genColour = [dark['charts-green'], dark['charts-yellow'], dark['charts-blue'], dark['charts-purple']].map(rgb);
  const seen = new Set<string>();
  for (const name of ['c_cycle_leak', 'thresholds', 'f_uncollectable_del', 'd_collect_debug_stats']) {
    const rec = loadFixture(name);
    const p = await PanelPage.open(browser, server);
    for (const s of rec.snapshots.slice(0, rec.lastScenarioStep)) {
      await p.send(snapshotMessage(rec, s));
      const nodes = await p.nodes();
      const fills = new Map<number, Set<string>>();
      for (const o of drawn(s)) {
        const n = byObj(nodes, o.id)!;
        const where = `${name} step ${s.step}: ${o.type} ${o.repr}`;
        if (o.inGarbage) {
          assert.equal(n.borderStyle, 'double', where);
          assert.equal(n.border, rgb(dark['charts-red']), where);
          assert.match(n.label, /gc\.garbage/, where);
          seen.add('garbage');
        } else if (!o.tracked) {
          assert.equal(n.borderStyle, 'dashed', where);
          seen.add('untracked');
        } else if (o.generation >= 0) {
          assert.equal(n.border, genColour[o.generation], where);
          if (!fills.has(o.generation)) fills.set(o.generation, new Set());
          fills.get(o.generation)!.add(n.background);
          seen.add(`gen${o.generation}`);
        } else {
          assert.equal(n.border, rgb(dark['charts-orange']), where);
          seen.add('collecting');
        }
        if (o.finalized) {
          if (!o.inGarbage) assert.equal(n.borderStyle, 'dotted', where);
          assert.match(n.label, /finalized/, where);
          seen.add('finalized');
        }
      }
      // One fill per generation, a different one for each.
      for (const f of fills.values()) assert.equal(f.size, 1);
      const all = [...fills.values()].map((f) => [...f][0]);
      assert.equal(new Set(all).size, all.length);
    }
    await p.close();
  }
  assert.deepEqual([...seen].sort(), ['collecting', 'finalized', 'garbage', 'gen0', 'gen1', 'gen2', 'untracked']);
});

test('panel: atoms and immortal objects are hidden until asked for', async () => {
  const c = loadFixture('c_cycle_leak');
  const s = c.snapshots[c.snapshots.length - 1 - (c.snapshots.length - c.lastScenarioStep)];
  const p = await openAt(c, s);
  const before = live(await p.nodes()).length;
  await p.page.check('#show-hidden');
  await p.page.waitForTimeout(50);
  const nodes = live(await p.nodes());
  const roots = (s.globals.length ? 1 : 0) + rootFrames(s).length;
  assert.equal(nodes.length, s.objects.length + roots);
  assert.ok(nodes.length > before);
  const atom = s.objects.find((o) => o.type === 'str' && !o.tracked)!;
  assert.equal(byObj(nodes, atom.id)!.borderStyle, 'dashed');
  await p.close();
});

test('panel: reference cycles are outlined, and changes since the previous step highlighted', async () => {
  const c = loadFixture('c_cycle_leak');
  const i = c.snapshots.findIndex((s) => {
    const a = s.objects.filter((o) => o.type === 'ClassA');
    return a.length === 2 && s.edges.filter((e) => a.some((o) => o.id === e.from) && a.some((o) => o.id === e.to)).length === 2;
  });
  assert.ok(i > 0);
  const p = await openAt(c, c.snapshots[i - 1]);
  await p.send(snapshotMessage(c, c.snapshots[i]));
  const s = c.snapshots[i];
  const nodes = await p.nodes();
  const pair = s.objects.filter((o) => o.type === 'ClassA');
  for (const o of pair) {
    const n = byObj(nodes, o.id)!;
    assert.ok(n.classes.includes('cycle'));
    assert.ok(n.outlineWidth > 0);
  }
  const cyc = (await p.edges()).filter((e) => e.classes.includes('cycle') && pair.some((o) => e.source === `o${o.id}`) && pair.some((o) => e.target === `o${o.id}`));
  assert.equal(cyc.length, 2);
  // The reference added by this step is highlighted as new; the other one shows the cycle's colour.
  for (const e of cyc) assert.equal(e.color, rgb(THEMES.dark.vars[e.classes.includes('new') ? 'editorWarning-foreground' : 'charts-red']));
  assert.equal(cyc.filter((e) => e.classes.includes('new')).length, 1);
  // Highlighted: the object whose refcount went up, and both objects now in a cycle; so is the new edge.
  const prev = new Map(c.snapshots[i - 1].objects.map((o) => [o.id, o]));
  for (const o of drawn(s)) {
    const before = prev.get(o.id);
    const n = byObj(nodes, o.id)!;
    if (!before) assert.ok(n.classes.includes('new'), `new ${o.type}`);
    else {
      const changed = before.refcount !== o.refcount || before.generation !== o.generation || pair.includes(o);
      assert.equal(n.classes.includes('changed'), changed, `${changed ? '' : 'un'}changed ${o.type}`);
    }
  }
  assert.ok((await p.edges()).some((e) => e.classes.includes('new')));
  await p.close();
});

test('panel: stepping through gc.collect() lights candidates, gc_refs and the unreachable set phase by phase; freed objects fade out', async () => {
  const d = loadFixture('d_collect_debug_stats');
  const phases = d.snapshots.filter((s) => s.collection && s.collection.generation === 2 && s.collection.unreachable.length + s.collection.candidates.length > 0);
  const first = phases[0];
  const p = await openAt(d, d.snapshots[d.snapshots.indexOf(first) - 1]);
  let sawUnreachable = false;
  for (const s of phases.filter((x) => x.step < first.step + 12)) {
    await p.send(snapshotMessage(d, s));
    const nodes = live(await p.nodes());
    const col = s.collection!;
    const ids = new Set(drawn(s).map((o) => o.id));
    const unreachable = nodes.filter((n) => n.classes.includes('unreachable')).map((n) => n.id).sort();
    assert.deepEqual(unreachable, col.unreachable.filter((id) => ids.has(id)).map((id) => `o${id}`).sort(), `${col.phase}: unreachable`);
    const cands = nodes.filter((n) => n.classes.includes('candidate')).map((n) => n.id).sort();
    assert.deepEqual(cands, col.candidates.filter((id) => ids.has(id) && !col.unreachable.includes(id)).map((id) => `o${id}`).sort(), `${col.phase}: candidates`);
    for (const o of drawn(s)) {
      if (o.gcRefs === undefined) continue;
      assert.match(byObj(nodes, o.id)!.label, new RegExp(`gc_refs ${o.gcRefs}\\b`));
      if (col.phase === 'subtract_refs' && o.gcRefs === 0) assert.ok(byObj(nodes, o.id)!.classes.includes('gcrefs0'));
    }
    for (const id of col.unreachable) if (ids.has(id)) { assert.equal(byObj(nodes, id)!.underlayOpacity, 0.75); sawUnreachable = true; }
    assert.equal(await p.page.textContent('#collection .phases li.now'), col.phase);
  }
  assert.ok(sawUnreachable, 'the cycle was seen unreachable');
  // The cycle is freed by delete_garbage: its nodes fade out, then go.
  const gone = phases.find((x) => x.collection!.unreachable.length)!.collection!.unreachable;
  const freedStep = d.snapshots.find((s) => s.step > first.step && gone.every((id) => s.freedSinceLast.includes(id)))!;
  await p.send(snapshotMessage(d, d.snapshots[d.snapshots.indexOf(freedStep) - 1]));
  await p.send(snapshotMessage(d, freedStep));
  let nodes = await p.nodes();
  for (const id of gone) assert.ok(byObj(nodes, id)?.classes.includes('freed'), 'fading');
  // Stepping back while they fade brings them back where they were, opaque and no longer freed.
  const fadingAt = new Map(gone.map((id) => [id, byObj(nodes, id)!]));
  await p.send(snapshotMessage(d, d.snapshots[d.snapshots.indexOf(freedStep) - 1]));
  await p.page.waitForTimeout(800);
  nodes = await p.nodes();
  for (const id of gone) {
    const n = byObj(nodes, id)!;
    assert.ok(n && !n.classes.includes('freed') && n.opacity === 1, `o${id} back`);
    assert.deepEqual([n.x, n.y], [fadingAt.get(id)!.x, fadingAt.get(id)!.y]);
  }
  await p.send(snapshotMessage(d, freedStep));
  await p.page.waitForTimeout(1000);
  nodes = await p.nodes();
  for (const id of gone) assert.equal(byObj(nodes, id), undefined, 'removed after fading');
  await p.screenshot('after-collection-dark.png');
  await p.close();
});

// ---- the chart -------------------------------------------------------------------------

test('chart: counts per generation, live objects, thresholds, collection markers and the current step', async () => {
  const t = loadFixture('thresholds');
  const s = t.snapshots[60];
  const p = await openAt(t, s);
  const ch = await p.chart();
  assert.deepEqual(ch.series.step, t.timeline.points.map((x) => x.step));
  for (const g of [0, 1, 2]) assert.deepEqual(ch.series[`count${g}`], t.timeline.points.map((x) => x.count[g]));
  assert.deepEqual(ch.series.live, t.timeline.points.map((x) => x.live));
  assert.equal(ch.markers.length, t.timeline.collections.length);
  assert.ok(t.timeline.collections.some((c) => c.automatic) && t.timeline.collections.some((c) => !c.automatic));
  for (const [i, m] of ch.markers.entries()) {
    const c = t.timeline.collections[i];
    assert.deepEqual({ ...m, x: 0 }, { ...c, x: 0 });
    assert.ok(m.x >= 0 && m.x <= ch.plot!.width, 'marker inside the plot');
  }
  assert.equal(ch.step, s.step);
  // gc.set_threshold(5, 10, 10) then (700, 10, 10): the threshold lines follow.
  assert.ok(t.timeline.points.some((x) => x.threshold?.[0] === 5));
  for (const g of [0, 1, 2]) assert.deepEqual(ch.thresholds[g], t.timeline.points.map((x) => (x.threshold ?? t.timeline.thresholds)[g]));
  await p.send(snapshotMessage(t, t.snapshots[61], false));
  assert.equal((await p.chart()).step, t.snapshots[61].step);
  await p.close();
});

test('chart: a click, a drag or the arrow keys ask the host to go to a step; the table lists every step', async () => {
  const t = loadFixture('thresholds');
  const s = t.snapshots[40];
  const p = await openAt(t, s);
  const ch = await p.chart();
  const box = (await p.page.locator('#chart').boundingBox())!;
  const m = ch.markers[2];
  await p.clearPosted();
  await p.page.mouse.click(box.x + ch.plot!.left + m.x, box.y + ch.plot!.top + ch.plot!.height / 2);
  assert.deepEqual(lastPosted(await p.posted(), 'gotoStep'), { type: 'gotoStep', step: m.step });
  await p.clearPosted();
  const y = box.y + ch.plot!.top + 40;
  await p.page.mouse.move(box.x + ch.plot!.left + 10, y);
  await p.page.mouse.down();
  for (let k = 1; k <= 5; k++) await p.page.mouse.move(box.x + ch.plot!.left + 10 + k * 60, y);
  await p.page.mouse.up();
  const steps = (await p.posted()).filter((x) => x.type === 'gotoStep').map((x) => (x as { step: number }).step);
  assert.ok(steps.length >= 4, `drag sent ${steps.length} steps`);
  assert.deepEqual(steps, [...steps].sort((a, b) => a - b));
  await p.clearPosted();
  await p.page.focus('#chart');
  await p.page.keyboard.press('ArrowRight');
  assert.deepEqual(lastPosted(await p.posted(), 'gotoStep'), { type: 'gotoStep', step: s.step + 1 });
  // The table: one row per step, the current one marked; a step's button goes there.
  await p.page.click('#table-box summary');
  await p.page.waitForSelector('#table tbody tr');
  const rows = await p.page.$$eval('#table tbody tr', (trs) => trs.length);
  assert.equal(rows, t.timeline.points.length);
  assert.equal(await p.page.textContent('#table tr[aria-current="step"] th'), String(s.step));
  const withCollection = t.timeline.collections[0];
  assert.match((await p.page.textContent(`#table tbody tr:nth-child(${withCollection.step}) td:last-child`)) ?? '', new RegExp(`gen ${withCollection.generation}`));
  await p.clearPosted();
  await p.page.click('#table tbody tr:nth-child(3) th button');
  assert.deepEqual(lastPosted(await p.posted(), 'gotoStep'), { type: 'gotoStep', step: t.timeline.points[2].step });
  await p.close();
});

// ---- interaction ------------------------------------------------------------------------

test('panel: clicking a node shows its details, and its actions send revealObject, gotoLine and breakOnRefcount', async () => {
  const c = loadFixture('c_cycle_leak');
  const s = find(c, (x) => x.objects.some((o) => o.type === 'ClassA' && o.referrers.length >= 2 && o.referrers.some((r) => r.from !== null)));
  const p = await openAt(c, s);
  const obj = s.objects.find((o) => o.type === 'ClassA' && o.referrers.length >= 2)!;
  await p.clickNode(`o${obj.id}`);
  await p.page.waitForSelector('#details h2');
  const text = (await p.page.textContent('#details')) ?? '';
  assert.match(text, new RegExp(`refcount${obj.refcount}`));
  for (const r of obj.referrers) assert.ok(text.includes(r.reason), `referrer ${r.reason}`);
  assert.ok(text.includes(`line ${obj.allocLine}`));
  assert.match(text, /young \(generation 0\)/);
  await p.clearPosted();
  await p.page.click('#details button:has-text("Reveal in Variables")');
  await p.page.click(`#details button:has-text("Go to line ${obj.allocLine}")`);
  await p.page.click('#details button:has-text("Break when refcount changes")');
  assert.deepEqual(await p.posted(), [
    { type: 'revealObject', id: obj.id }, { type: 'gotoLine', line: obj.allocLine }, { type: 'breakOnRefcount', id: obj.id },
  ]);
  // A referrer that is an object: its link selects it.
  const other = obj.referrers.find((r) => r.from !== null)!;
  await p.page.click('#details .referrers button.link');
  assert.ok((await p.nodes()).find((n) => n.id === `o${other.from}`)!.classes !== undefined);
  assert.match((await p.page.textContent('#details h2')) ?? '', /ClassA/);
  // Focus on the neighbourhood, then back.
  await p.page.click('#details button:has-text("Focus neighbourhood")');
  await p.settle();
  const visible = (await p.nodes()).filter((n) => n.visible).map((n) => n.id);
  const neighbours = new Set([`o${other.from}`]);
  for (const e of await p.edges()) {
    if (e.source === `o${other.from}`) neighbours.add(e.target);
    if (e.target === `o${other.from}`) neighbours.add(e.source);
  }
  assert.deepEqual(visible.sort(), [...neighbours].sort());
  await p.page.click('#unfocus');
  await p.settle();
  assert.deepEqual((await p.nodes()).filter((n) => !n.visible).map((n) => `${n.id} ${n.classes.join(' ')}`), []);
  await p.close();
});

test('panel: the keyboard moves between nodes (arrows), shows details, and Escape clears the selection', async () => {
  const c = loadFixture('c_cycle_leak');
  const s = find(c, (x) => x.objects.filter((o) => o.type === 'ClassA').length >= 2);
  const p = await openAt(c, s);
  await p.page.focus('#graph');
  const selected = async () => (await p.nodes()).filter((n) => n.selected);
  await p.page.keyboard.press('ArrowRight');
  const [first] = await selected();
  assert.ok(first, 'the first arrow selects a node');
  await p.page.waitForSelector('#details h2');
  const visible = (await p.nodes()).filter((n) => n.visible);
  // Moving right, then down, picks nodes strictly that way, until there are none.
  for (const [key, axis] of [['ArrowRight', 'x'], ['ArrowDown', 'y']] as const) {
    let cur = (await selected())[0];
    for (;;) {
      const further = visible.filter((n) => n.id !== cur.id && n[axis] > cur[axis]);
      await p.page.keyboard.press(key);
      const next = (await selected())[0];
      if (!further.length) { assert.equal(next.id, cur.id, `no node further ${key}`); break; }
      assert.ok(next[axis] > cur[axis], `${key} moved from ${cur.id} to ${next.id}`);
      cur = next;
    }
  }
  await p.page.keyboard.press('Escape');
  assert.deepEqual(await selected(), []);
  await p.close();
});

test('panel: search by type or name dims or hides the rest; Enter selects the first match', async () => {
  const c = loadFixture('c_cycle_leak');
  const s = find(c, (x) => x.objects.filter((o) => o.type === 'ClassA').length === 2 && x.frames.some((f) => f.locals.some((v) => v.name === 'c1')));
  const p = await openAt(c, s);
  await p.page.fill('#search', 'ClassA');
  await p.settle();
  let nodes = await p.nodes();
  // Type, repr or a name: an object's variable names, a frame's or the globals' names.
  const names = (id: number) => [...s.globals.filter((g) => g.value === id).map((g) => g.name), ...s.frames.flatMap((f) => f.locals.filter((v) => v.value === id).map((v) => v.name))];
  const isMatch = (n: InspectNode) => {
    const o = s.objects.find((x) => `o${x.id}` === n.id);
    const text = o ? [o.type, o.repr, ...names(o.id)] : n.id === 'r:globals' ? s.globals.map((g) => g.name) : [n.label, ...s.frames.filter((f) => n.label.includes(f.name)).flatMap((f) => f.locals.map((v) => v.name))];
    return text.join(' ').toLowerCase().includes('classa');
  };
  for (const n of nodes) assert.equal(n.classes.includes('match'), isMatch(n), n.label);
  assert.ok(nodes.filter((n) => !isMatch(n)).every((n) => n.opacity < 0.5));
  await p.page.check('#hide-nonmatching');
  await p.settle();
  nodes = await p.nodes();
  assert.ok(nodes.every((n) => n.visible === isMatch(n)));
  // A variable name finds the object it names.
  await p.page.fill('#search', 'c1');
  await p.page.press('#search', 'Enter');
  const c1 = s.frames.flatMap((f) => f.locals).find((v) => v.name === 'c1')!;
  assert.ok((await p.nodes()).find((n) => n.id === `o${c1.value}`)!.visible);
  assert.match((await p.page.textContent('#details')) ?? '', /c1 in f2/);
  await p.close();
});

test('panel: export as PNG and SVG sends the image to the host', async () => {
  const d = loadFixture('d_collect_debug_stats');
  const p = await openAt(d, d.snapshots[21]);
  await p.clearPosted();
  await p.page.click('#export-png');
  await p.page.click('#export-svg');
  const [png, svg] = (await p.posted()) as { type: string; format: string; data: string }[];
  assert.equal(png.format, 'png');
  assert.ok(png.data.startsWith('data:image/png;base64,') && png.data.length > 5000);
  assert.equal(svg.format, 'svg');
  interface Doc { getElementsByTagName(t: string): { length: number }; querySelectorAll(s: string): { length: number } }
  type Parser = new () => { parseFromString(text: string, type: string): Doc };
  const parsed = await p.page.evaluate((text) => {
    const doc = new (globalThis as unknown as { DOMParser: Parser }).DOMParser().parseFromString(text, 'image/svg+xml');
    return { error: doc.getElementsByTagName('parsererror').length, texts: doc.getElementsByTagName('text').length, shapes: doc.querySelectorAll('rect, polygon, ellipse').length };
  }, svg.data);
  assert.equal(parsed.error, 0);
  assert.ok(parsed.texts >= (await p.nodes()).length);
  await p.close();
});

test('panel: state is restored after a reload (step, selection, positions, search)', async () => {
  const c = loadFixture('c_cycle_leak');
  const s = find(c, (x) => x.objects.filter((o) => o.type === 'ClassA').length === 2);
  const p = await openAt(c, s);
  const obj = s.objects.find((o) => o.type === 'ClassA')!;
  await p.clickNode(`o${obj.id}`);
  await p.page.fill('#search', 'ClassA');
  await p.page.waitForTimeout(700);
  const state = await p.state();
  const before = await p.nodes();
  await p.close();
  const q = await PanelPage.open(browser, server, { state });
  await q.waitStep(s.step);
  const after = await q.nodes();
  assert.deepEqual(after.map((n) => [n.id, Math.round(n.x), Math.round(n.y)]).sort(), before.map((n) => [n.id, Math.round(n.x), Math.round(n.y)]).sort());
  assert.equal(await q.page.inputValue('#search'), 'ClassA');
  assert.match((await q.page.textContent('#details h2')) ?? '', /ClassA/);
  assert.equal((await q.chart()).step, s.step);
  await q.close();
});

test('panel: invalid messages are refused and reported; a session message updates the status', async () => {
  const c = loadFixture('c_cycle_leak');
  const p = await openAt(c, c.snapshots[3]);
  await p.clearPosted();
  const bad = { type: 'snapshot', snapshot: { ...c.snapshots[4], objects: [{ id: 'x' }] } };
  await p.page.evaluate((m) => (globalThis as unknown as { postMessage(m: unknown, o: string): void }).postMessage(m, '*'), bad);
  await p.page.evaluate(() => (globalThis as unknown as { postMessage(m: unknown, o: string): void }).postMessage({ type: 'nonsense' }, '*'));
  await p.page.waitForTimeout(100);
  const errs = (await p.posted()).filter((m) => m.type === 'error');
  assert.equal(errs.length, 2);
  assert.match((errs[0] as { message: string }).message, /bad objects/);
  assert.equal((await p.chart()).step, c.snapshots[3].step);
  await p.send({ type: 'session', state: 'ended', label: 'c_cycle_leak.pygc' });
  assert.match((await p.page.textContent('#session')) ?? '', /ended.*c_cycle_leak\.pygc/);
  await p.close();
});

// ---- hostile strings ---------------------------------------------------------------------

test('panel: hostile names and reprs from a scenario are shown as text and never run', async () => {
  const h = loadFixture('hostile_names');
  const p = await PanelPage.open(browser, server);
  await p.page.check('#show-hidden');
  for (const s of h.snapshots) await p.send(snapshotMessage(h, s));
  // A crafted snapshot: markup in every string field.
  const evil = '<img src=x onerror="window.__pwned=9">';
  const base = h.snapshots[h.lastScenarioStep - 1];
  const crafted: Snapshot = {
    ...base, step: 999,
    objects: base.objects.map((o) => ({ ...o, type: evil, repr: `<script>window.__pwned=8</script>${evil}`, address: evil,
      referrers: o.referrers.map((r) => ({ ...r, reason: evil })) })),
    edges: base.edges.map((e) => ({ ...e, label: evil })),
    frames: base.frames.map((f) => ({ ...f, name: evil, reason: evil, locals: f.locals.map((v) => ({ ...v, name: evil })) })),
    globals: base.globals.map((g) => ({ ...g, name: evil })),
  };
  await p.send({ type: 'snapshot', snapshot: crafted, timeline: h.timeline });
  await p.send({ type: 'session', state: 'stopped', label: evil });
  const target = crafted.objects.find((o) => !o.immortal && o.referrers.length > 0)!;
  await p.clickNode(`o${target.id}`);
  await p.page.fill('#search', '<img');
  await p.page.click('#export-svg');
  await p.page.waitForTimeout(200);
  assert.equal(await p.pwned(), null);
  assert.deepEqual(p.dialogs, []);
  assert.equal(await p.page.$$eval('img, iframe, object, embed', (x) => x.length), 0);
  assert.equal(await p.page.$$eval('script', (x) => x.length), 1, 'only the panel script');
  assert.ok(((await p.page.textContent('#details')) ?? '').includes(evil), 'the text shows literally');
  assert.ok(((await p.page.textContent('#session')) ?? '').includes(evil));
  const svg = lastPosted(await p.posted(), 'exportImage')!;
  assert.ok(!svg.data.includes('<img') && !svg.data.includes('<script') && svg.data.includes('&lt;img src=x'));
  assert.deepEqual(await p.cspViolations(), []);
  await p.screenshot('hostile-dark.png');
  await p.close();
});

// ---- themes and screenshots -------------------------------------------------------------------

test('panel: follows the theme (dark → light) and looks right in dark, light and high contrast (screenshots)', async () => {
  const d = loadFixture('d_collect_debug_stats');
  const s = find(d, (x) => x.collection?.phase === 'move_unreachable' && x.collection.unreachable.length > 0);
  for (const theme of ['dark', 'light', 'high-contrast'] as const) {
    const p = await PanelPage.open(browser, server, { theme });
    await p.send({ type: 'session', state: 'stopped', label: 'd_collect_debug_stats.pygc' });
    for (const x of d.snapshots) { if (x.step > s.step) break; await p.send(snapshotMessage(d, x)); }
    const young = drawn(s).find((o) => o.generation === 2)!;
    assert.equal(byObj(await p.nodes(), young.id)!.border, rgb(THEMES[theme].vars['charts-blue']));
    await p.page.waitForTimeout(300);
    await p.screenshot(`collection-${theme}.png`);
    await p.clickNode(`o${s.collection!.unreachable[0]}`);
    await p.page.waitForTimeout(200);
    if (theme !== 'high-contrast') await p.screenshot(`details-${theme}.png`);
    if (theme === 'dark') {
      await p.setTheme('light');
      await p.page.waitForTimeout(100);
      assert.equal(byObj(await p.nodes(), young.id)!.border, rgb(THEMES.light.vars['charts-blue']));
    }
    await p.close();
  }
  const c = loadFixture('thresholds');
  const p = await openAt(c, c.snapshots[70], 'light');
  await p.page.click('#table-box summary');
  await p.page.waitForTimeout(300);
  await p.screenshot('thresholds-light.png');
  await p.close();
});
