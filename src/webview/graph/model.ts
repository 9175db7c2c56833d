// From a Snapshot to the graph the panel draws: one node per visible object
// (atoms and immortal objects hidden unless asked for), one per root (each
// call frame's names, the module's globals), labelled reference edges, the
// classes that give each node its look (generation, tracking, finalized,
// gc.garbage, cycle, collection phase), and — above a few thousand objects —
// one node per type with its count, expanded on demand. Pure data: no DOM.
// A ModelCache carried from step to step keeps what depends only on an object
// (its label, size and search text: objects a snapshot diff did not change are
// the same ObjectInfo) and the cycles while the references stay the same.

import type { EdgeInfo, FrameInfo, ObjectInfo, Snapshot } from '../../protocol/snapshot';
import { findCycles, type Cycles } from './scc';

/** Values that cannot refer to anything: hidden unless "atoms & immortal" is on. */
export const ATOM_TYPES: ReadonlySet<string> = new Set([
  'int', 'bool', 'float', 'complex', 'str', 'bytes', 'NoneType', 'NotImplementedType', 'ellipsis', 'range', 'slice',
]);

export const GENERATION_NAMES = ['young (generation 0)', 'middle (generation 1)', 'old (generation 2)', 'permanent (frozen)'];

export interface ModelOptions {
  showHidden: boolean;
  /** Above this many visible objects, group them by type. */
  groupAbove: number;
  /** Types whose members are drawn one by one while grouped. */
  expandedTypes: ReadonlySet<string>;
  /** At most this many members of an expanded type are drawn one by one. */
  expandLimit: number;
  /** Above this many drawn nodes, instance → class references (`__class__`) are left out unless showHidden. */
  classEdgesAbove: number;
  /** Label metrics. */
  fontSize: number;
}

export type NodeKind = 'object' | 'root' | 'group';

export interface GNode {
  id: string;
  kind: NodeKind;
  label: string;
  w: number;
  h: number;
  /** The classes that give the node its look (space separated). */
  cls: string;
  /** Lower-case text the search looks in. */
  search: string;
  objId?: number;
  frame?: FrameInfo;
  /** Group: the type and its members not drawn one by one. */
  type?: string;
  members?: number[];
}

export interface GEdge {
  id: string;
  source: string;
  target: string;
  label: string;
  cls: string;
}

export interface GraphModel {
  step: number;
  nodes: GNode[];
  edges: GEdge[];
  objects: Map<number, ObjectInfo>;
  /** Object id → the node that shows it (itself, or its type's group). */
  nodeOf: Map<number, string>;
  cycleOf: Map<number, number>;
  cycleSizes: number[];
  grouped: boolean;
  /** Objects not drawn because atoms/immortal objects are hidden. */
  hiddenCount: number;
  /** Variable names that refer to each object ("c1 in f2", "a"). */
  namesOf: Map<number, string[]>;
  /** `__class__` references were left out (big graph). */
  classEdgesOmitted: boolean;
}

export const objNodeId = (id: number): string => `o${id}`;
const GLOBALS_ID = 'r:globals';

export function isHiddenKind(o: ObjectInfo): boolean {
  return o.immortal || ATOM_TYPES.has(o.type);
}

const INSTANCE_REPR = /^<[^<>]* object at (0x[0-9a-f]+)>$/;

/** The repr as a node shows it: short, and "at 0x…" for the default instance repr. */
export function nodeRepr(o: ObjectInfo, max = 30): string {
  const m = INSTANCE_REPR.exec(o.repr);
  const r = m ? `at ${m[1]}` : o.repr;
  return r.length > max ? r.slice(0, max - 1) + '…' : r;
}

function size(label: string, fontSize: number): { w: number; h: number } {
  const lines = label.split('\n');
  const longest = lines.reduce((m, l) => Math.max(m, l.length), 0);
  return { w: Math.ceil(longest * fontSize * 0.62 + 18), h: Math.ceil(lines.length * fontSize * 1.3 + 12) };
}

function objectClasses(o: ObjectInfo, s: Snapshot, cycle: boolean, candidates: Set<number>, unreachable: Set<number>): string {
  const c = ['obj'];
  if (!o.tracked) c.push('untracked');
  else if (o.generation >= 0 && o.generation <= 3) c.push(['gen0', 'gen1', 'gen2', 'perm'][o.generation]);
  else c.push('collecting');
  if (o.finalized) c.push('finalized');
  if (o.inGarbage) c.push('garbage');
  if (isHiddenKind(o)) c.push('atom');
  if (cycle) c.push('cycle');
  if (s.collection) {
    if (unreachable.has(o.id)) c.push('unreachable');
    else if (candidates.has(o.id)) {
      c.push('candidate');
      if (o.gcRefs === 0 && s.collection.phase === 'subtract_refs') c.push('gcrefs0');
    }
  }
  return c.join(' ');
}

function objectLabel(o: ObjectInfo): string {
  let third = `rc ${o.refcount}`;
  if (o.gcRefs !== undefined) third += ` · gc_refs ${o.gcRefs}`;
  if (o.finalized) third += ' · finalized';
  if (o.inGarbage) third += ' · gc.garbage';
  return `${o.type}\n${nodeRepr(o)}\n${third}`;
}

function frameRootId(f: FrameInfo, depth: number): string { return `r:${depth}:${f.name}`; }

/** The frames drawn as roots: call frames (the module's names are the globals node). */
function rootFrames(s: Snapshot): { frame: FrameInfo; id: string }[] {
  const out: { frame: FrameInfo; id: string }[] = [];
  const n = s.frames.length;
  s.frames.forEach((f, i) => {
    if (f.role === 'module' || f.role === 'collector') return;
    out.push({ frame: f, id: frameRootId(f, n - 1 - i) });
  });
  return out;
}

interface ObjectLook {
  label: string; w: number; h: number; search: string;
  /** The node's classes outside a collection, out of a cycle and in one (computed when first needed). */
  cls: [string | undefined, string | undefined];
}

/** What a model keeps for the next one (see the file's comment). */
export class ModelCache {
  private fontSize = NaN;
  private perObject = new WeakMap<ObjectInfo, ObjectLook>();
  private cycles: { ids: number[]; edges: { from: number; to: number }[]; result: Cycles } | null = null;

  /** Label, size and (lower-case) type and repr of an object's node. */
  object(o: ObjectInfo, fontSize: number): ObjectLook {
    if (fontSize !== this.fontSize) { this.fontSize = fontSize; this.perObject = new WeakMap(); }
    let c = this.perObject.get(o);
    if (!c) {
      const label = objectLabel(o);
      c = { label, ...size(label, fontSize), search: `${o.type} ${o.repr}`.toLowerCase(), cls: [undefined, undefined] };
      this.perObject.set(o, c);
    }
    return c;
  }

  /** The cycles of these objects and references: those of the previous call when both are the same. */
  findCycles(objects: readonly ObjectInfo[], edges: readonly EdgeInfo[]): Cycles {
    const c = this.cycles;
    if (c && c.ids.length === objects.length && c.edges.length === edges.length
      && objects.every((o, i) => o.id === c.ids[i]) && edges.every((e, i) => e.from === c.edges[i].from && e.to === c.edges[i].to)) return c.result;
    const ids = objects.map((o) => o.id);
    const result = findCycles(ids, edges);
    this.cycles = { ids, edges: edges.map((e) => ({ from: e.from, to: e.to })), result };
    return result;
  }
}

export function buildModel(s: Snapshot, opt: ModelOptions, cache: ModelCache = new ModelCache()): GraphModel {
  const objects = new Map<number, ObjectInfo>();
  for (const o of s.objects) objects.set(o.id, o);
  const cycles = cache.findCycles(s.objects, s.edges);
  const candidates = new Set(s.collection?.candidates ?? []);
  const unreachable = new Set(s.collection?.unreachable ?? []);

  // Names that refer to objects (for search and details).
  const namesOf = new Map<number, string[]>();
  const addName = (id: number, name: string) => {
    const l = namesOf.get(id);
    if (l) l.push(name); else namesOf.set(id, [name]);
  };
  for (const g of s.globals) addName(g.value, g.name);
  for (const f of s.frames) for (const v of f.locals) addName(v.value, `${v.name} in ${f.name}`);

  // Which objects are drawn, and which are grouped by type.
  const visible = s.objects.filter((o) => opt.showHidden || !isHiddenKind(o));
  const hiddenCount = s.objects.length - visible.length;
  const grouped = visible.length > opt.groupAbove;
  const nodeOf = new Map<number, string>();
  const nodes: GNode[] = [];
  const groups = new Map<string, number[]>();
  /** The objects drawn one by one. */
  let single: ObjectInfo[] = visible;
  if (grouped) {
    const byType = new Map<string, ObjectInfo[]>();
    for (const o of visible) {
      const l = byType.get(o.type);
      if (l) l.push(o); else byType.set(o.type, [o]);
    }
    single = [];
    for (const [type, list] of byType) {
      let rest = list;
      if (opt.expandedTypes.has(type)) {
        const shown = list.slice(0, opt.expandLimit);
        rest = list.slice(opt.expandLimit);
        for (const o of shown) { nodeOf.set(o.id, objNodeId(o.id)); single.push(o); }
      }
      if (rest.length) {
        const gid = `g:${type}`;
        groups.set(gid, rest.map((o) => o.id));
        for (const o of rest) nodeOf.set(o.id, gid);
      }
    }
  } else {
    for (const o of visible) nodeOf.set(o.id, objNodeId(o.id));
  }

  for (const o of single) {
    const c = cache.object(o, opt.fontSize);
    const names = namesOf.get(o.id);
    const inCycle = cycles.cycleOf.has(o.id);
    let cls: string;
    if (s.collection) cls = objectClasses(o, s, inCycle, candidates, unreachable);
    else cls = c.cls[+inCycle] ??= objectClasses(o, s, inCycle, candidates, unreachable);
    nodes.push({
      id: objNodeId(o.id), kind: 'object', label: c.label, w: c.w, h: c.h, cls,
      search: names ? `${c.search} ${names.join(' ').toLowerCase()}` : `${c.search} `,
      objId: o.id,
    });
  }
  for (const [gid, members] of groups) {
    const type = gid.slice(2);
    const label = `${type}\n× ${members.length.toLocaleString('en-US')}${opt.expandedTypes.has(type) ? ' more' : ''}\n(click to expand)`;
    nodes.push({
      id: gid, kind: 'group', label, ...size(label, opt.fontSize), cls: 'group',
      search: type.toLowerCase(), type, members,
    });
  }

  // Roots.
  const edges: GEdge[] = [];
  const edgeIds = new Set<string>();
  const agg = new Map<string, { edge: GEdge; n: number }>();
  const addEdge = (source: string, target: string, label: string, cls: string) => {
    if (source.startsWith('g:') || target.startsWith('g:')) {
      const key = `${source}>${target}`;
      const a = agg.get(key);
      if (a) { a.n++; a.edge.label = `${a.n} refs`; return; }
      const edge = { id: `e:${key}`, source, target, label, cls: `${cls} agg` };
      agg.set(key, { edge, n: 1 });
      edges.push(edge);
      return;
    }
    let id = `e:${source}>${target}:${label}`;
    for (let k = 2; edgeIds.has(id); k++) id = `e:${source}>${target}:${label}#${k}`;
    edgeIds.add(id);
    edges.push({ id, source, target, label, cls });
  };
  const rootNode = (id: string, label: string, search: string, frame?: FrameInfo) => {
    nodes.push({ id, kind: 'root', label, ...size(label, opt.fontSize), cls: 'root', search, frame });
  };
  if (s.globals.length) {
    rootNode(GLOBALS_ID, 'globals\n(module __main__)', `globals ${s.globals.map((g) => g.name).join(' ')}`.toLowerCase());
    for (const g of s.globals) {
      const t = nodeOf.get(g.value);
      if (t) addEdge(GLOBALS_ID, t, g.name, 'rootref');
    }
  }
  for (const { frame, id } of rootFrames(s)) {
    const role = frame.role === 'call' ? '' : ` (${frame.role})`;
    rootNode(id, `frame ${frame.name}()${role}\nline ${frame.line}`,
      `frame ${frame.name} ${frame.locals.map((v) => v.name).join(' ')}`.toLowerCase(), frame);
    for (const v of frame.locals) {
      const t = nodeOf.get(v.value);
      if (t) addEdge(id, t, v.name, 'rootref');
    }
  }

  // References between drawn objects.
  const omitClass = !opt.showHidden && nodes.length > opt.classEdgesAbove;
  for (const e of s.edges) {
    if (omitClass && e.label === '__class__') continue;
    const a = nodeOf.get(e.from), b = nodeOf.get(e.to);
    if (!a || !b) continue;
    const ca = cycles.cycleOf.get(e.from);
    let cls = 'ref';
    if (ca !== undefined && ca === cycles.cycleOf.get(e.to)) cls += ' cycle';
    if (e.label === '__class__') cls += ' faint';
    addEdge(a, b, e.label, cls);
  }

  return {
    step: s.step, nodes, edges, objects, nodeOf, cycleOf: cycles.cycleOf,
    cycleSizes: cycles.members.map((m) => m.length), grouped, hiddenCount, namesOf, classEdgesOmitted: omitClass,
  };
}
