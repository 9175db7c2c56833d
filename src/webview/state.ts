// What the panel keeps across a reload of the webview (VS Code's
// getState/setState): the last step it showed (small heaps only), the search,
// the filters, the selection and focus, the expanded groups and the node
// positions, so the graph comes back as it was. Saved at most every 500 ms.

import { isHostToPanel, type SessionState } from '../protocol/panel-messages';
import type { Snapshot, Timeline } from '../protocol/snapshot';
import { loadState, saveState } from './vscode-api';

export interface UiState {
  search: string;
  hideNonMatching: boolean;
  showHidden: boolean;
  selected: string | null;
  focus: string | null;
  expandedTypes: string[];
  tableOpen: boolean;
  positions?: Record<string, [number, number]>;
}

export interface PanelState {
  v: 1;
  ui: UiState;
  snapshot?: Snapshot;
  timeline?: Timeline;
  session?: { state: SessionState; label?: string };
}

/** Snapshots with more objects than this are not saved (the host sends the current one on 'ready'). */
export const SAVE_SNAPSHOT_LIMIT = 1000;

export function defaultUi(): UiState {
  return { search: '', hideNonMatching: false, showHidden: false, selected: null, focus: null, expandedTypes: [], tableOpen: false };
}

const isStrOrNull = (x: unknown) => x === null || typeof x === 'string';

/** The saved state, checked: anything malformed falls back to the defaults. */
export function restoreState(): PanelState {
  const raw = loadState() as Partial<PanelState> | undefined;
  const out: PanelState = { v: 1, ui: defaultUi() };
  if (!raw || typeof raw !== 'object' || raw.v !== 1) return out;
  const u = raw.ui as Partial<UiState> | undefined;
  if (u && typeof u === 'object') {
    if (typeof u.search === 'string') out.ui.search = u.search;
    if (typeof u.hideNonMatching === 'boolean') out.ui.hideNonMatching = u.hideNonMatching;
    if (typeof u.showHidden === 'boolean') out.ui.showHidden = u.showHidden;
    if (isStrOrNull(u.selected)) out.ui.selected = u.selected ?? null;
    if (isStrOrNull(u.focus)) out.ui.focus = u.focus ?? null;
    if (Array.isArray(u.expandedTypes)) out.ui.expandedTypes = u.expandedTypes.filter((t): t is string => typeof t === 'string');
    if (typeof u.tableOpen === 'boolean') out.ui.tableOpen = u.tableOpen;
    if (u.positions && typeof u.positions === 'object') {
      const pos: Record<string, [number, number]> = {};
      for (const [k, v] of Object.entries(u.positions)) {
        if (Array.isArray(v) && v.length === 2 && v.every((n) => typeof n === 'number' && Number.isFinite(n))) pos[k] = [v[0], v[1]];
      }
      out.ui.positions = pos;
    }
  }
  if (isHostToPanel({ type: 'snapshot', snapshot: raw.snapshot, timeline: raw.timeline })) {
    out.snapshot = raw.snapshot;
    out.timeline = raw.timeline;
  }
  if (raw.session && isHostToPanel({ type: 'session', ...raw.session })) out.session = raw.session;
  return out;
}

export class StateSaver {
  private timer: number | undefined;
  constructor(private collect: () => PanelState) {}
  schedule(): void {
    if (this.timer !== undefined) return;
    this.timer = window.setTimeout(() => { this.timer = undefined; this.flush(); }, 500);
  }
  flush(): void { saveState(this.collect()); }
}
