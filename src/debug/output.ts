// Runtime output → DAP output events: print() to 'stdout', gc debug lines and
// tracebacks to 'stderr', logpoints to 'console', each with the source line
// that wrote it. A collection's DEBUG_STATS report ("gc: collecting
// generation N..." up to "gc: done, …", with whatever finalizers print in
// between) goes into one collapsible group.

import { OutputEvent, Source } from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { OutputEvent as RuntimeOutput } from '../runtime';

const GROUP_START = /^gc: collecting generation \d+/;
const GROUP_END = /^gc: done/;

export class OutputTranslator {
  private inGroup = false;
  /** print() writes its pieces separately: they are joined into whole lines. */
  private pending: { text: string; line: number } | null = null;

  constructor(private send: (e: DebugProtocol.OutputEvent) => void, private source: () => Source | undefined,
    private line: (l: number) => number) {}

  private event(output: string, category: string, line: number, group?: 'start' | 'startCollapsed' | 'end'): void {
    const e = new OutputEvent(output, category) as DebugProtocol.OutputEvent;
    const src = this.source();
    if (src && line > 0) { e.body.source = src; e.body.line = this.line(line); }
    if (group) e.body.group = group;
    this.send(e);
  }

  write(o: RuntimeOutput): void {
    const category = o.stream === 'console' ? 'console' : o.stream;
    if (o.stream === 'stdout') {
      const p = (this.pending ??= { text: '', line: o.line });
      p.text += o.text;
      const cut = p.text.lastIndexOf('\n');
      if (cut >= 0) {
        this.event(p.text.slice(0, cut + 1), 'stdout', p.line);
        const rest = p.text.slice(cut + 1);
        this.pending = rest ? { text: rest, line: o.line } : null;
      }
      return;
    }
    this.flush();
    if (o.stream === 'stderr') {
      // Split into lines so a group boundary inside one write is honoured.
      for (const piece of o.text.split(/(?<=\n)/)) {
        if (!piece) continue;
        if (GROUP_START.test(piece)) {
          this.close(o.line);
          this.inGroup = true;
          this.event(piece, category, o.line, 'start');
          continue;
        }
        this.event(piece, category, o.line);
        if (this.inGroup && GROUP_END.test(piece)) this.close(o.line);
      }
      return;
    }
    this.event(o.text, category, o.line);
  }

  /** Send a partial stdout line (at a stop, or before other output). */
  flush(): void {
    const p = this.pending;
    this.pending = null;
    if (p && p.text) this.event(p.text, 'stdout', p.line);
  }

  /** End an open group (at the end of the run). */
  close(line = 0): void {
    this.flush();
    if (!this.inGroup) return;
    this.inGroup = false;
    this.event('', 'stderr', line, 'end');
  }
}
