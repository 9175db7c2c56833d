// The strip above the graph: which session the panel follows and whether it is
// live, the step and line shown, the collector's counters and thresholds, and —
// while stepping inside a collection — the phase strip, with the candidate and
// unreachable counts.

import type { SessionState } from '../protocol/panel-messages';
import type { Snapshot } from '../protocol/snapshot';
import { byId, el, replaceChildren } from './dom';

export const PHASES = [
  'update_refs', 'subtract_refs', 'move_unreachable', 'move_legacy_finalizers', 'handle_weakrefs', 'finalize_garbage',
  'handle_resurrected_objects', 'delete_garbage',
];

const DEBUG_FLAGS: [number, string][] = [[1, 'STATS'], [2, 'COLLECTABLE'], [4, 'UNCOLLECTABLE'], [32, 'SAVEALL']];

const SESSION_TEXT: Record<SessionState, string> = {
  running: 'Running…',
  stopped: 'Stopped',
  ended: 'Session ended: showing its last state',
  none: 'No PyGC debug session: showing the last state',
};

export function renderSession(state: SessionState, label: string | undefined, hasSnapshot: boolean): void {
  const box = byId('session');
  box.dataset.state = state;
  const text = state === 'none' && !hasSnapshot ? 'No PyGC debug session' : SESSION_TEXT[state];
  replaceChildren(box, text, label ? el('span', { class: 'label' }, ` — ${label}`) : null);
}

export function renderStep(s: Snapshot): void {
  replaceChildren(byId('step'), `Step ${s.step}`, s.line > 0 ? ` · line ${s.line}` : '');
  const g = s.gc;
  const flags = DEBUG_FLAGS.filter(([b]) => g.debug & b).map(([, n]) => n);
  replaceChildren(byId('gc-summary'),
    `count (${g.count.join(', ')}) / threshold (${g.threshold.join(', ')})`,
    g.enabled ? '' : ' · disabled',
    flags.length ? ` · debug ${flags.join('|')}` : '',
    g.garbage.length ? ` · gc.garbage ${g.garbage.length}` : '',
    g.freezeCount ? ` · frozen ${g.freezeCount}` : '');
  const box = byId('collection');
  const c = s.collection;
  if (!c) { box.hidden = true; replaceChildren(box); return; }
  box.hidden = false;
  const at = PHASES.indexOf(c.phase);
  replaceChildren(box,
    el('strong', {}, c.automatic ? `Automatic collection of generation ${c.generation}` : `gc.collect(${c.generation})`),
    ` · ${c.candidates.length} candidate${c.candidates.length === 1 ? '' : 's'} · ${c.unreachable.length} unreachable`,
    el('ol', { class: 'phases', 'aria-label': 'Collector phases' }, ...PHASES.map((p, i) =>
      el('li', { class: i === at ? 'now' : i < at ? 'done' : undefined, 'aria-current': i === at ? 'step' : undefined }, p))));
}
