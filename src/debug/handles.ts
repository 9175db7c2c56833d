// Handles for variablesReference and frameId values. Numbers are never reused
// within a session: each stop opens a new epoch and forgets the previous one's
// handles, so a reference from an earlier stop is recognised as stale and
// answered with a clear error instead of silently showing something else.

export class StaleHandleError extends Error {}

export class HandleTable<T> {
  private next = 1;
  private epochStart = 1;
  private items = new Map<number, T>();

  constructor(private readonly what: string) {}

  /** Forget every handle (a new stop). */
  newEpoch(): void {
    this.items.clear();
    this.epochStart = this.next;
  }

  create(value: T): number {
    const h = this.next++;
    this.items.set(h, value);
    return h;
  }

  get(handle: unknown): T {
    if (typeof handle !== 'number' || !Number.isInteger(handle) || handle <= 0) {
      throw new Error(`${this.what} must be a positive integer (got ${JSON.stringify(handle) ?? 'nothing'})`);
    }
    const v = this.items.get(handle);
    if (v !== undefined) return v;
    if (handle < this.epochStart) {
      throw new StaleHandleError(`stale reference: ${this.what} ${handle} belongs to an earlier stop; request it again from the current stack trace`);
    }
    throw new Error(`unknown ${this.what} ${handle}`);
  }
}
