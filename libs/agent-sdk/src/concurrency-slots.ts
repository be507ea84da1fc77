/**
 * The agent's capacity: how many tasks run at once. The claim loop asks for as many tasks as
 * there are free slots, so an agent never holds more work than it can run.
 */
export class ConcurrencySlots {
  private inUse = 0;
  private freeWaiters: (() => void)[] = [];
  private idleWaiters: (() => void)[] = [];

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`concurrency must be a positive integer, not ${capacity}`);
  }

  get used(): number {
    return this.inUse;
  }

  get free(): number {
    return this.capacity - this.inUse;
  }

  acquire(): void {
    if (this.free === 0) throw new Error('No free slot: claim no more tasks than there are free slots');
    this.inUse++;
  }

  release(): void {
    if (this.inUse === 0) throw new Error('No slot is in use');
    this.inUse--;
    this.wake('free');
    if (this.inUse === 0) this.wake('idle');
  }

  /** Resolves as soon as at least `count` slots are free (at most all of them). */
  async whenFree(count = 1): Promise<void> {
    const wanted = Math.min(count, this.capacity);
    while (this.free < wanted) await new Promise<void>((resolve) => this.freeWaiters.push(resolve));
  }

  /** Resolves once no slot is in use: every task has finished. */
  whenIdle(): Promise<void> {
    return this.inUse === 0 ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private wake(which: 'free' | 'idle'): void {
    const waiters = which === 'free' ? this.freeWaiters : this.idleWaiters;
    if (which === 'free') this.freeWaiters = [];
    else this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
