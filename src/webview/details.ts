// The details pane: what the selected node is (an object: refcount and the
// referrers that make it up, generation, tracking, where it was allocated; a
// frame or the globals: their names), with the actions: reveal in the Variables
// view, go to the allocating line, break when the refcount changes, focus on
// the neighbourhood. With nothing selected, a summary of the step.

import type { ObjectInfo, Snapshot, VariableInfo } from '../protocol/snapshot';
import { el, fmt, replaceChildren } from './dom';
import { GENERATION_NAMES, nodeRepr, type GNode, type GraphModel } from './graph/model';

export interface DetailsActions {
  select(nodeId: string): void;
  reveal(objId: number): void;
  gotoLine(line: number): void;
  breakOnRefcount(objId: number): void;
  focus(nodeId: string | null): void;
  collapse(type: string): void;
}

function generationText(o: ObjectInfo): string {
  if (!o.tracked) return 'untracked (not in any generation)';
  if (o.generation >= 0 && o.generation <= 3) return GENERATION_NAMES[o.generation];
  return 'in the collection being run';
}

function row(name: string, value: string | Node): HTMLElement[] {
  return [el('dt', {}, name), el('dd', {}, value)];
}

function button(label: string, onClick: () => void, title?: string): HTMLButtonElement {
  const b = el('button', { type: 'button', title }, label);
  b.addEventListener('click', onClick);
  return b;
}

/** A reference to an object: a link that selects its node when it is drawn, else plain text. */
function objectRef(model: GraphModel, id: number, a: DetailsActions): Node {
  const o = model.objects.get(id);
  const text = o ? `${o.type} ${nodeRepr(o, 40)}` : `object #${id}`;
  const node = model.nodeOf.get(id);
  if (!node) return el('span', { class: 'ref' }, text);
  const b = el('button', { type: 'button', class: 'link' }, text);
  b.addEventListener('click', () => a.select(node));
  return b;
}

function variables(model: GraphModel, vars: VariableInfo[], a: DetailsActions): HTMLElement {
  if (!vars.length) return el('p', { class: 'muted' }, 'No names.');
  return el('ul', { class: 'vars' }, ...vars.map((v) => el('li', {}, el('code', {}, v.name), ' → ', objectRef(model, v.value, a))));
}

export function renderDetails(box: HTMLElement, node: GNode | undefined, model: GraphModel | null, s: Snapshot | null,
  focus: string | null, a: DetailsActions): void {
  if (!model || !s) { replaceChildren(box); return; }
  if (!node) { replaceChildren(box, ...summary(model, s)); return; }
  const focusBtn = focus === node.id
    ? button('Show all', () => a.focus(null))
    : button('Focus neighbourhood', () => a.focus(node.id), 'Show only this node and the nodes it is connected to');

  if (node.kind === 'group') {
    replaceChildren(box,
      el('h2', {}, node.type ?? ''),
      el('p', {}, `${fmt(node.members?.length ?? 0)} objects of this type, grouped because the heap is large. Click the group to draw them one by one.`),
      el('div', { class: 'actions' }, focusBtn, node.type && node.label.includes('more') ? button('Collapse', () => a.collapse(node.type!)) : null));
    return;
  }
  if (node.kind === 'root') {
    const f = node.frame;
    if (!f) {
      replaceChildren(box, el('h2', {}, 'globals'), el('p', { class: 'muted' }, 'The module __main__\'s names.'),
        variables(model, s.globals, a), el('div', { class: 'actions' }, focusBtn));
      return;
    }
    replaceChildren(box,
      el('h2', {}, `frame ${f.name}()`),
      el('dl', {}, ...row('line', String(f.line)), ...row('role', f.role), ...(f.reason ? row('why', f.reason) : [])),
      el('h3', {}, 'Locals'), variables(model, f.locals, a),
      el('div', { class: 'actions' }, f.line > 0 ? button(`Go to line ${f.line}`, () => a.gotoLine(f.line)) : null, focusBtn));
    return;
  }
  const o = node.objId !== undefined ? model.objects.get(node.objId) : undefined;
  if (!o) { replaceChildren(box); return; }
  const cycle = model.cycleOf.get(o.id);
  const names = model.namesOf.get(o.id) ?? [];
  const dl = el('dl', {},
    ...row('address', `${o.address} (#${o.id})`),
    ...row('refcount', String(o.refcount)),
    ...row('generation', generationText(o)),
    ...row('tracked', o.tracked ? 'yes' : 'no'),
    ...(o.gcRefs !== undefined ? row('gc_refs', String(o.gcRefs)) : []),
    ...(o.finalized ? row('finalized', 'yes: __del__ has run (PEP 442)') : []),
    ...(o.inGarbage ? row('gc.garbage', 'yes') : []),
    ...(o.immortal ? row('immortal', 'yes (interpreter object)') : []),
    ...(cycle !== undefined ? row('cycle', `in a reference cycle of ${model.cycleSizes[cycle]} object${model.cycleSizes[cycle] === 1 ? '' : 's'}`) : []),
    ...(names.length ? row('names', names.join(', ')) : []),
    ...row('allocated', o.allocLine > 0 ? `line ${o.allocLine}` : 'unknown'),
  );
  const refs = el('ul', { class: 'referrers' },
    ...o.referrers.map((r) => el('li', {}, el('span', { class: 'count' }, `${r.count} ×`), ' ', r.reason,
      r.from !== null ? el('span', { class: 'from' }, ' — ', objectRef(model, r.from, a)) : null)),
    o.hiddenRefs > 0 ? el('li', { class: 'muted' }, el('span', { class: 'count' }, `${o.hiddenRefs} ×`), ' held by the interpreter (not shown)') : null);
  const outgoing = s.edges.filter((e) => e.from === o.id);
  replaceChildren(box,
    el('h2', {}, o.type),
    el('p', { class: 'repr' }, el('code', {}, o.repr)),
    el('div', { class: 'actions' },
      button('Reveal in Variables', () => a.reveal(o.id)),
      o.allocLine > 0 ? button(`Go to line ${o.allocLine}`, () => a.gotoLine(o.allocLine), 'Where the object was allocated') : null,
      button('Break when refcount changes', () => a.breakOnRefcount(o.id)),
      focusBtn),
    dl,
    el('h3', {}, `Refcount ${o.refcount} is made of`),
    refs,
    outgoing.length ? el('h3', {}, 'Refers to') : null,
    outgoing.length ? el('ul', { class: 'vars' }, ...outgoing.slice(0, 200).map((e) => el('li', {}, el('code', {}, e.label), ' → ', objectRef(model, e.to, a)))) : null);
}

function summary(model: GraphModel, s: Snapshot): HTMLElement[] {
  const cycles = model.cycleSizes.length;
  const out: HTMLElement[] = [
    el('h2', {}, `Step ${s.step}`),
    el('p', {}, `${fmt(s.objects.length)} objects (${fmt(model.hiddenCount)} atoms or immortal hidden), ${fmt(s.edges.length)} references, `
      + `${cycles} reference cycle${cycles === 1 ? '' : 's'}.`),
  ];
  if (model.grouped) out.push(el('p', {}, 'The heap is large: objects are grouped by type. Click a group to draw its objects.'));
  if (s.gc.garbage.length) out.push(el('p', {}, `gc.garbage holds ${s.gc.garbage.length} object(s).`));
  out.push(el('p', { class: 'muted' }, 'Click a node for its details. Click or drag on the chart below to travel to a step.'));
  return out;
}
