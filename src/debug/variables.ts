// Turns the heap at a stop (a StopView) into DAP scopes and variables: frame
// locals, globals, the generations, gc.garbage, the unreachable set during a
// collection and the collector's state. An object's row shows its repr, its
// refcount and its generation; its children are its outgoing references plus
// the virtual rows [refcount] (who holds each reference), [gc] and [referrers].
// Pure translation: every number comes from the runtime.

import type { DebugProtocol } from '@vscode/debugprotocol';
import type { FrameInfo } from '../protocol/snapshot';
import type { MemberList, ObjectSummary, StopView } from '../runtime/inspect';
import type { HandleTable } from './handles';
import { byAddress, childExpression, childName, referrerExpression, rootName } from './expressions';

export type VarSource =
  | { kind: 'locals'; frame: number }
  | { kind: 'globals' }
  | { kind: 'members'; list: MemberList }
  | { kind: 'collector' }
  | { kind: 'stats' }
  | { kind: 'collection' }
  | { kind: 'object'; id: number; expr: string }
  | { kind: 'refcount'; id: number; expr: string }
  | { kind: 'gcinfo'; id: number; expr: string }
  | { kind: 'referrers'; id: number; expr: string };

/** What a row returned earlier stands for (setVariable, dataBreakpointInfo). */
export interface RowInfo { evaluateName?: string; objectId?: number; assignable: boolean }

/** Children beyond this many are paged (indexedVariables). */
export const PAGE = 100;

const DEBUG_FLAGS: [number, string][] = [[1, 'DEBUG_STATS'], [2, 'DEBUG_COLLECTABLE'], [4, 'DEBUG_UNCOLLECTABLE'], [32, 'DEBUG_SAVEALL']];

export function generationLabel(o: ObjectSummary): string {
  if (o.generation === 3) return 'permanent';
  if (o.generation >= 0) return `gen ${o.generation}`;
  return 'untracked';
}

/** The value column of an object: `<ClassA object at 0x7f…>  refcount 2 · gen 0`. */
export function objectValue(o: ObjectSummary): string {
  // The interpreter's own objects (small ints, None, builtins…) have start-up dependent refcounts: not shown.
  if (o.immortal) return `${o.repr}  · interpreter object`;
  const extra = o.gcRefs !== undefined ? ` · gc_refs ${o.gcRefs}` : '';
  return `${o.repr}  refcount ${o.refcount} · ${generationLabel(o)}${extra}`;
}

export class VariablesModel {
  private rows = new Map<number, Map<string, RowInfo>>();

  constructor(private view: StopView, private handles: HandleTable<VarSource>) {}

  scopes(frameIndex: number, frame: FrameInfo): DebugProtocol.Scope[] {
    const v = this.view;
    const scope = (name: string, src: VarSource, expensive: boolean, extra: Partial<DebugProtocol.Scope> = {}): DebugProtocol.Scope =>
      ({ name, variablesReference: this.handles.create(src), expensive, ...extra });
    const out: DebugProtocol.Scope[] = [];
    if (frame.role === 'collector') out.push(scope('Collection', { kind: 'collection' }, false, { presentationHint: 'locals' }));
    else out.push(scope('Locals', { kind: 'locals', frame: frameIndex }, false, { presentationHint: 'locals' }));
    out.push(scope('Globals', { kind: 'globals' }, false));
    const list = (name: string, l: MemberList) => {
      const n = v.memberCount(l);
      out.push(scope(name, { kind: 'members', list: l }, n > PAGE, { indexedVariables: n }));
    };
    list('Generation 0', 'gen0');
    list('Generation 1', 'gen1');
    list('Generation 2', 'gen2');
    list('Permanent (frozen)', 'permanent');
    list('gc.garbage', 'garbage');
    if (v.collection()) list('Unreachable', 'unreachable');
    out.push(scope('Collector', { kind: 'collector' }, false, { presentationHint: 'registers' }));
    return out;
  }

  /** A row of container `ref` by name (the container is expanded now if the client never asked for it). */
  rowInfo(ref: number, src: VarSource, name: string): RowInfo | undefined {
    if (!this.rows.has(ref)) this.variables(ref, src);
    return this.rows.get(ref)?.get(name);
  }

  variables(ref: number, src: VarSource, filter?: 'indexed' | 'named', start = 0, count = 0): DebugProtocol.Variable[] {
    const out = this.build(src, filter, start, count > 0 ? count : Infinity);
    let m = this.rows.get(ref);
    if (!m) this.rows.set(ref, (m = new Map()));
    for (const r of out) m.set(r.name, (r as { info?: RowInfo }).info ?? { evaluateName: r.evaluateName, assignable: false });
    return out.map(({ info: _info, ...r }: DebugProtocol.Variable & { info?: RowInfo }) => r);
  }

  /** A row for an object (also used for evaluate results). */
  objectRow(name: string, id: number, expr: string | undefined, assignable = false): DebugProtocol.Variable & { info: RowInfo } {
    const o = this.view.object(id);
    if (!o) return { name, value: '<freed>', variablesReference: 0, evaluateName: expr, info: { evaluateName: expr, assignable } };
    const e = expr ?? byAddress(o.address);
    const row: DebugProtocol.Variable & { info: RowInfo } = {
      name,
      value: objectValue(o),
      type: o.type,
      evaluateName: e,
      variablesReference: this.handles.create({ kind: 'object', id, expr: e }),
      info: { evaluateName: e, objectId: id, assignable },
    };
    const n = this.view.childCount(id);
    if (n > PAGE) { row.indexedVariables = n; row.namedVariables = 3; }
    if (o.type === 'function' || o.type === 'method') row.presentationHint = { kind: 'method' };
    else if (o.type === 'type') row.presentationHint = { kind: 'class' };
    return row;
  }

  private plain(name: string, value: string, evaluateName?: string): DebugProtocol.Variable {
    return { name, value, variablesReference: 0, evaluateName, presentationHint: { attributes: ['readOnly'] } };
  }

  private build(src: VarSource, filter: 'indexed' | 'named' | undefined, start: number, count: number): DebugProtocol.Variable[] {
    const v = this.view;
    switch (src.kind) {
      case 'locals': {
        const frame = v.frames()[src.frame];
        if (!frame) throw new Error(`frame ${src.frame} no longer exists`);
        const vars = frame.role === 'module' ? v.globals() : frame.locals;
        const out: DebugProtocol.Variable[] = vars.map((x) => this.objectRow(x.name, x.value, x.name, true));
        if (frame.reason) out.unshift(this.plain('[why this frame runs]', frame.reason));
        return out;
      }
      case 'globals':
        return v.globals().map((x) => this.objectRow(x.name, x.value, x.name, true));
      case 'members': {
        if (filter === 'named') return [];
        const ids = v.members(src.list);
        const out: DebugProtocol.Variable[] = [];
        const end = Math.min(ids.length, start + count);
        for (let i = start; i < end; i++) {
          const expr = src.list === 'garbage' ? `gc.garbage[${i}]` : undefined;
          out.push(this.objectRow(`[${i}]`, ids[i], expr));
        }
        return out;
      }
      case 'collector': return this.collectorRows();
      case 'stats':
        return v.gc().stats.map((s, g) => this.plain(`[${g}]`,
          `{'collections': ${s.collections}, 'collected': ${s.collected}, 'uncollectable': ${s.uncollectable}}`, `gc.get_stats()[${g}]`));
      case 'collection': {
        const c = v.collection();
        if (!c) return [this.plain('collection', 'no collection is running')];
        return [
          this.plain('generation', String(c.generation)),
          this.plain('automatic', c.automatic ? 'True' : 'False'),
          this.plain('phase', c.phase),
          { name: 'candidates', value: `${c.candidates.length} objects of the generations being collected (with gc_refs)`,
            variablesReference: this.handles.create({ kind: 'members', list: 'candidates' }), indexedVariables: c.candidates.length },
          { name: 'unreachable', value: `${c.unreachable.length} objects found unreachable so far`,
            variablesReference: this.handles.create({ kind: 'members', list: 'unreachable' }), indexedVariables: c.unreachable.length },
        ];
      }
      case 'object': return this.objectChildren(src.id, src.expr, filter, start, count);
      case 'refcount': return this.refcountRows(src.id, src.expr);
      case 'gcinfo': {
        const o = v.object(src.id);
        if (!o) return [];
        const rows = [
          this.plain('tracked', o.tracked ? 'True' : 'False', `gc.is_tracked(${src.expr})`),
          this.plain('generation', generationLabel(o)),
          this.plain('finalized', o.finalized ? 'True' : 'False', `gc.is_finalized(${src.expr})`),
          this.plain('in gc.garbage', o.inGarbage ? 'True' : 'False', `any(x is ${src.expr} for x in gc.garbage)`),
        ];
        if (o.gcRefs !== undefined) rows.splice(2, 0, this.plain('gc_refs', String(o.gcRefs)));
        if (o.allocLine) rows.push(this.plain('allocated at line', String(o.allocLine)));
        return rows;
      }
      case 'referrers': {
        const r = v.referrers(src.id);
        if (!r) return [];
        const seen = new Set<number>();
        const out: DebugProtocol.Variable[] = [];
        for (const e of r.referrers) {
          if (e.from === null || seen.has(e.from)) continue;
          seen.add(e.from);
          const o = v.object(e.from);
          out.push(this.objectRow(`[${out.length}]`, e.from, o ? referrerExpression(src.expr, o.address) : undefined));
        }
        return out;
      }
    }
  }

  private objectChildren(id: number, expr: string, filter: 'indexed' | 'named' | undefined, start: number, count: number): DebugProtocol.Variable[] {
    const v = this.view;
    const o = v.object(id);
    if (!o) return [];
    const out: DebugProtocol.Variable[] = [];
    if (filter !== 'named') {
      const names = new Map<string, number>();
      v.children(id, start, count).forEach((c, k) => {
        const index = start + k;
        const target = v.object(c.id);
        let name = childName(c.label, index);
        const seen = names.get(name) ?? 0;
        names.set(name, seen + 1);
        if (seen) name = `${name} (${seen + 1})`;
        const e = childExpression(expr, c.label, index, target?.address ?? '0');
        out.push(this.objectRow(name, c.id, e, /^(attribute|\[)/.test(c.label)));
      });
    }
    if (filter !== 'indexed') {
      out.push({ name: '[refcount]', value: String(o.refcount), evaluateName: `sys.getrefcount(${expr}) - 1`,
        variablesReference: this.handles.create({ kind: 'refcount', id, expr }), presentationHint: { kind: 'virtual' } });
      out.push({ name: '[gc]', value: o.tracked ? `tracked · ${generationLabel(o)}` : 'untracked', evaluateName: `gc.is_tracked(${expr})`,
        variablesReference: this.handles.create({ kind: 'gcinfo', id, expr }), presentationHint: { kind: 'virtual' } });
      out.push({ name: '[referrers]', value: 'objects holding a reference to it', evaluateName: `gc.get_referrers(${expr})`,
        variablesReference: this.handles.create({ kind: 'referrers', id, expr }), presentationHint: { kind: 'virtual' } });
    }
    return out;
  }

  /** One row per referrer with its reason; the counts add up to the refcount. */
  private refcountRows(id: number, expr: string): DebugProtocol.Variable[] {
    const v = this.view;
    const r = v.referrers(id);
    if (!r) return [this.plain('referrers', 'not known at this stop')];
    const out: DebugProtocol.Variable[] = [];
    const names = new Map<string, number>();
    for (const e of r.referrers) {
      const from = e.from === null ? null : v.object(e.from);
      let name = from ? `${e.reason} of ${from.repr}` : e.reason;
      const seen = names.get(name) ?? 0;
      names.set(name, seen + 1);
      if (seen) name = `${name} (${seen + 1})`;
      const value = `${e.count} reference${e.count === 1 ? '' : 's'}`;
      if (from && e.from !== null) {
        const row = this.objectRow(name, e.from, referrerExpression(expr, from.address));
        row.value = `${value} · held by ${objectValue(from)}`;
        out.push(row);
      } else {
        out.push(this.plain(name, value, rootName(e.reason) ?? expr));
      }
    }
    if (r.hiddenRefs > 0) out.push(this.plain('interpreter (internal)', `${r.hiddenRefs} reference${r.hiddenRefs === 1 ? '' : 's'}`));
    return out;
  }

  private collectorRows(): DebugProtocol.Variable[] {
    const g = this.view.gc();
    const flags = DEBUG_FLAGS.filter(([bit]) => g.debug & bit).map(([, n]) => n);
    const tuple = (xs: number[]) => `(${xs.join(', ')})`;
    return [
      this.plain('count', tuple(g.count), 'gc.get_count()'),
      this.plain('threshold', tuple(g.threshold), 'gc.get_threshold()'),
      this.plain('enabled', g.enabled ? 'True' : 'False', 'gc.isenabled()'),
      this.plain('debug', flags.length ? `${g.debug} (${flags.join(' | ')})` : String(g.debug), 'gc.get_debug()'),
      { name: 'stats', value: `get_stats(): ${g.stats.map((s) => s.collections).join(' / ')} collections`, evaluateName: 'gc.get_stats()',
        variablesReference: this.handles.create({ kind: 'stats' }) },
      this.plain('garbage', `${g.garbage.length} object${g.garbage.length === 1 ? '' : 's'}`, 'len(gc.garbage)'),
      this.plain('freeze count', String(g.freezeCount), 'gc.get_freeze_count()'),
      this.plain('generation sizes', tuple(g.generationSizes), '[len(gc.get_objects(generation=g)) for g in range(3)]'),
    ];
  }
}
