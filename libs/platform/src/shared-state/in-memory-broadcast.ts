import { Broadcast, type BroadcastListener } from './broadcast';

/** `Broadcast` within this process: listeners are called before `publish` resolves. */
export class InMemoryBroadcast extends Broadcast {
  private readonly listeners = new Map<string, Set<BroadcastListener>>();

  async publish(channel: string, message: string): Promise<void> {
    for (const listener of this.listeners.get(channel) ?? []) listener(message);
  }

  async subscribe(channel: string, listener: BroadcastListener): Promise<void> {
    const listeners = this.listeners.get(channel) ?? new Set<BroadcastListener>();
    listeners.add(listener);
    this.listeners.set(channel, listeners);
  }
}
