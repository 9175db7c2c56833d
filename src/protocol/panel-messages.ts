// The messages between the extension host and the GC panel (webview), in both
// directions, with the runtime validators each side runs on receipt
// (`isHostToPanel`, `isPanelToHost`). Plain data only: nothing here is imported
// at run time, so the webview bundle and the extension host can both use it.

import type {
  CollectionEvent, CollectionInfo, CounterPoint, EdgeInfo, FrameInfo, GcState, ObjectInfo, ReferrerEntry, Snapshot,
  Timeline, VariableInfo,
} from './snapshot';
import type { SnapshotDiff, TimelineDiff } from './snapshot-diff';

// ---- host → panel ------------------------------------------------------------------

/** The state of the stopped step. `timeline` may be omitted when it has not changed since the last message.
 *  `id` (given by the host, increasing) names this state: later diffs are made against it. */
export interface SnapshotMessage { type: 'snapshot'; snapshot: Snapshot; timeline?: Timeline; id?: number }
/** The state of the stopped step as a diff (snapshot-diff.ts) against the state named `base`, which the panel holds
 *  (the last one the host sent it); the result is named `id`. `timeline`: what changed in the timeline since `base`'s.
 *  A panel that does not hold `base` asks for the whole state ('requestSnapshot'). */
export interface SnapshotDiffMessage { type: 'snapshotDiff'; base: number; id: number; diff: SnapshotDiff; timeline?: TimelineDiff }
/** The counter progression grew or changed (e.g. while running, between stops). */
export interface TimelineMessage { type: 'timeline'; timeline: Timeline }
export type SessionState = 'running' | 'stopped' | 'ended' | 'none';
/** Where the followed debug session is; `label` names it (the scenario's file name). */
export interface SessionMessage { type: 'session'; state: SessionState; label?: string }

export type HostToPanel = SnapshotMessage | SnapshotDiffMessage | TimelineMessage | SessionMessage;

// ---- panel → host ------------------------------------------------------------------

/** The panel's script has loaded and listens: the host sends the current state. */
export interface ReadyMessage { type: 'ready' }
/** Travel to a step (the debugger's "go to step N"). */
export interface GotoStepMessage { type: 'gotoStep'; step: number }
/** Reveal the object in the Variables view. */
export interface RevealObjectMessage { type: 'revealObject'; id: number }
/** Show a line of the scenario in the editor (e.g. where an object was allocated). */
export interface GotoLineMessage { type: 'gotoLine'; line: number }
/** Stop when this object's refcount changes (a data breakpoint). */
export interface BreakOnRefcountMessage { type: 'breakOnRefcount'; id: number }
/** Save an export of the graph: `data` is a `data:image/png;base64,…` URL for png, the SVG text for svg. */
export interface ExportImageMessage { type: 'exportImage'; format: 'png' | 'svg'; data: string }
/** Send the whole current state: the panel cannot apply a diff (it does not hold its base). */
export interface RequestSnapshotMessage { type: 'requestSnapshot' }
/** Something went wrong in the panel (for the extension's output channel). */
export interface PanelErrorMessage { type: 'error'; message: string }

export type PanelToHost =
  | ReadyMessage | GotoStepMessage | RevealObjectMessage | GotoLineMessage | BreakOnRefcountMessage
  | ExportImageMessage | RequestSnapshotMessage | PanelErrorMessage;

// ---- validators --------------------------------------------------------------------

type Obj = Record<string, unknown>;

const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);
const isStr = (x: unknown): x is string => typeof x === 'string';
const isBool = (x: unknown): x is boolean => typeof x === 'boolean';
const isArrayOf = <T>(x: unknown, item: (v: unknown) => v is T): x is T[] =>
  Array.isArray(x) && x.every((v) => item(v));
const isTriple = (x: unknown): x is [number, number, number] => Array.isArray(x) && x.length === 3 && x.every(isInt);

function isReferrer(x: unknown): x is ReferrerEntry {
  return isObj(x) && (x.from === null || isInt(x.from)) && isStr(x.reason) && isInt(x.count);
}

function isObjectInfo(x: unknown): x is ObjectInfo {
  return isObj(x) && isInt(x.id) && isStr(x.address) && isStr(x.type) && isStr(x.repr) && isInt(x.refcount)
    && isArrayOf(x.referrers, isReferrer) && isInt(x.hiddenRefs) && isBool(x.tracked) && isInt(x.generation)
    && isBool(x.finalized) && isBool(x.immortal) && isBool(x.inGarbage) && isInt(x.allocLine)
    && (x.gcRefs === undefined || isInt(x.gcRefs));
}

function isEdge(x: unknown): x is EdgeInfo {
  return isObj(x) && isInt(x.from) && isInt(x.to) && isStr(x.label);
}

function isVariable(x: unknown): x is VariableInfo {
  return isObj(x) && isStr(x.name) && isInt(x.value);
}

function isFrame(x: unknown): x is FrameInfo {
  return isObj(x) && isInt(x.id) && isStr(x.name) && isInt(x.line) && isStr(x.role) && isStr(x.reason)
    && isArrayOf(x.locals, isVariable);
}

function isStats(x: unknown): boolean {
  return isObj(x) && isInt(x.collections) && isInt(x.collected) && isInt(x.uncollectable);
}

function isGcState(x: unknown): x is GcState {
  return isObj(x) && isTriple(x.count) && isTriple(x.threshold) && isBool(x.enabled) && isInt(x.debug)
    && Array.isArray(x.stats) && x.stats.every(isStats) && isArrayOf(x.garbage, isInt) && isInt(x.freezeCount)
    && isTriple(x.generationSizes);
}

function isCollectionInfo(x: unknown): x is CollectionInfo {
  return isObj(x) && isInt(x.generation) && isBool(x.automatic) && isStr(x.phase)
    && isArrayOf(x.candidates, isInt) && isArrayOf(x.unreachable, isInt);
}

export function isSnapshot(x: unknown): x is Snapshot {
  return isObj(x) && isInt(x.step) && isInt(x.line) && isArrayOf(x.objects, isObjectInfo) && isArrayOf(x.edges, isEdge)
    && isArrayOf(x.frames, isFrame) && isArrayOf(x.globals, isVariable) && isGcState(x.gc)
    && (x.collection === null || isCollectionInfo(x.collection)) && isArrayOf(x.freedSinceLast, isInt);
}

function isSnapshotDiff(x: unknown): x is SnapshotDiff {
  return isObj(x) && isInt(x.step) && isInt(x.line) && isArrayOf(x.objects, isObjectInfo) && isArrayOf(x.removed, isInt)
    && isArrayOf(x.edgesAdded, isEdge) && isArrayOf(x.edgesRemoved, isEdge) && (x.order === undefined || isArrayOf(x.order, isInt))
    && isArrayOf(x.frames, isFrame) && isArrayOf(x.globals, isVariable) && isGcState(x.gc)
    && (x.collection === null || isCollectionInfo(x.collection)) && isArrayOf(x.freedSinceLast, isInt);
}

function isTimelineDiff(x: unknown): x is TimelineDiff {
  return isObj(x) && isInt(x.keepPoints) && x.keepPoints >= 0 && isArrayOf(x.points, isCounterPoint)
    && isInt(x.keepCollections) && x.keepCollections >= 0 && isArrayOf(x.collections, isCollectionEvent)
    && isTriple(x.thresholds) && isInt(x.lastStep);
}

function isCounterPoint(x: unknown): x is CounterPoint {
  return isObj(x) && isInt(x.step) && isTriple(x.count) && isInt(x.live) && (x.threshold === undefined || isTriple(x.threshold));
}

function isCollectionEvent(x: unknown): x is CollectionEvent {
  return isObj(x) && isInt(x.step) && isInt(x.generation) && isBool(x.automatic) && isInt(x.collected)
    && isInt(x.uncollectable);
}

export function isTimeline(x: unknown): x is Timeline {
  return isObj(x) && isArrayOf(x.points, isCounterPoint) && isArrayOf(x.collections, isCollectionEvent)
    && isTriple(x.thresholds) && isInt(x.lastStep);
}

const SESSION_STATES: readonly string[] = ['running', 'stopped', 'ended', 'none'];

/** Validate a message received by the panel. */
export function isHostToPanel(x: unknown): x is HostToPanel {
  if (!isObj(x)) return false;
  switch (x.type) {
    case 'snapshot': return isSnapshot(x.snapshot) && (x.timeline === undefined || isTimeline(x.timeline)) && (x.id === undefined || isInt(x.id));
    case 'snapshotDiff':
      return isInt(x.base) && isInt(x.id) && isSnapshotDiff(x.diff) && (x.timeline === undefined || isTimelineDiff(x.timeline));
    case 'timeline': return isTimeline(x.timeline);
    case 'session': return isStr(x.state) && SESSION_STATES.includes(x.state) && (x.label === undefined || isStr(x.label));
    default: return false;
  }
}

/** Validate a message received by the extension host from the panel. */
export function isPanelToHost(x: unknown): x is PanelToHost {
  if (!isObj(x)) return false;
  switch (x.type) {
    case 'ready': case 'requestSnapshot': return true;
    case 'gotoStep': return isInt(x.step) && x.step >= 0;
    case 'revealObject': case 'breakOnRefcount': return isInt(x.id);
    case 'gotoLine': return isInt(x.line) && x.line > 0;
    case 'exportImage':
      return (x.format === 'png' && isStr(x.data) && x.data.startsWith('data:image/png;base64,'))
        || (x.format === 'svg' && isStr(x.data) && x.data.startsWith('<svg'));
    case 'error': return isStr(x.message);
    default: return false;
  }
}

/** Why a message failed validation, for a log line (cheap: names the first bad top-level part). */
export function describeInvalid(x: unknown): string {
  if (!isObj(x)) return 'not an object';
  if (!isStr(x.type)) return 'no type';
  if (x.type === 'snapshot') {
    if (!isObj(x.snapshot)) return 'snapshot: missing';
    const s = x.snapshot;
    for (const [k, ok] of [
      ['step', isInt(s.step)], ['line', isInt(s.line)], ['objects', isArrayOf(s.objects, isObjectInfo)],
      ['edges', isArrayOf(s.edges, isEdge)], ['frames', isArrayOf(s.frames, isFrame)],
      ['globals', isArrayOf(s.globals, isVariable)], ['gc', isGcState(s.gc)],
      ['collection', s.collection === null || isCollectionInfo(s.collection)],
      ['freedSinceLast', isArrayOf(s.freedSinceLast, isInt)],
      ['timeline', x.timeline === undefined || isTimeline(x.timeline)], ['id', x.id === undefined || isInt(x.id)],
    ] as const) if (!ok) return `snapshot: bad ${k}`;
  }
  if (x.type === 'snapshotDiff') {
    if (!isInt(x.base) || !isInt(x.id)) return 'snapshotDiff: bad base or id';
    if (!isSnapshotDiff(x.diff)) return 'snapshotDiff: bad diff';
    if (x.timeline !== undefined && !isTimelineDiff(x.timeline)) return 'snapshotDiff: bad timeline';
  }
  return `bad message of type '${x.type}'`;
}
