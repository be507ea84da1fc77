import { LRUCache } from 'lru-cache';
import { systemClock, type Clock } from './clock';
import { KeyValueStores, type KeyValueStore, type KeyValueStoreOptions } from './key-value-store';

/** A `KeyValueStore` in this process: an LRU bounded by `maxEntries`, each entry with its TTL. */
export class InMemoryKeyValueStore implements KeyValueStore {
  private readonly entries: LRUCache<string, string>;

  constructor(options: KeyValueStoreOptions, clock: Clock = systemClock) {
    // ttlResolution 0: read the clock on every check instead of caching it for a millisecond.
    this.entries = new LRUCache({ max: options.maxEntries, perf: clock, ttlResolution: 0 });
  }

  async get(key: string): Promise<string | undefined> {
    return this.entries.get(key);
  }

  async set(key: string, value: string, ttlMs: number, options: { ifAbsent?: boolean } = {}): Promise<boolean> {
    if (options.ifAbsent && this.entries.has(key)) return false;
    this.entries.set(key, value, { ttl: ttlMs });
    return true;
  }

  async delete(...keys: string[]): Promise<void> {
    for (const key of keys) this.entries.delete(key);
  }

  async increment(key: string, ttlMs: number): Promise<number> {
    const current = this.entries.get(key);
    if (current === undefined) {
      this.entries.set(key, '1', { ttl: ttlMs });
      return 1;
    }
    const count = Number(current) + 1;
    if (!Number.isSafeInteger(count)) throw new Error(`${key} does not hold a counter`);
    this.entries.set(key, String(count), { noUpdateTTL: true });
    return count;
  }

  async remainingTtlMs(key: string): Promise<number> {
    if (!this.entries.has(key)) return 0;
    return Math.max(0, this.entries.getRemainingTTL(key));
  }
}

export class InMemoryKeyValueStores extends KeyValueStores {
  constructor(private readonly clock: Clock = systemClock) {
    super();
  }

  create(options: KeyValueStoreOptions): KeyValueStore {
    return new InMemoryKeyValueStore(options, this.clock);
  }
}
