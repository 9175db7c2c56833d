// What the GC panel's host sends for each stop: the whole state the first time
// (and after the panel was reloaded or asked for it), then a diff against the
// state the panel holds, named by the id the host gave it. No VS Code API here:
// the benchmark and the tests use it as the host does.
import type { SnapshotDiffMessage, SnapshotMessage } from '../protocol/panel-messages';
import type { Snapshot, Timeline } from '../protocol/snapshot';
import { diffSnapshots, diffTimelines } from '../protocol/snapshot-diff';

export class PanelStateSender {
  private held: { id: number; snapshot: Snapshot; timeline: Timeline } | null = null;
  private nextId = 1;

  /** Forget what the panel holds: the next message is whole. */
  reset(): void { this.held = null; }

  /** The message that brings the panel to this state (the panel is then taken to hold it). */
  message(snapshot: Snapshot, timeline: Timeline): SnapshotMessage | SnapshotDiffMessage {
    const id = this.nextId++;
    const held = this.held;
    this.held = { id, snapshot, timeline };
    if (!held) return { type: 'snapshot', snapshot, timeline, id };
    const m: SnapshotDiffMessage = { type: 'snapshotDiff', base: held.id, id, diff: diffSnapshots(held.snapshot, snapshot) };
    const t = diffTimelines(held.timeline, timeline);
    if (t) m.timeline = t;
    return m;
  }
}
