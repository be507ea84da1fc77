/**
 * Short-lived values a service keeps beside its database: cache entries, counters, flags. With
 * REDIS_URL they live in Redis, shared by every instance; without it, in this process.
 */
export interface KeyValueStore {
  get(key: string): Promise<string | undefined>;
  /** Stores `value` for `ttlMs`; with `ifAbsent`, only when the key holds nothing. Resolves whether it stored. */
  set(key: string, value: string, ttlMs: number, options?: { ifAbsent?: boolean }): Promise<boolean>;
  delete(...keys: string[]): Promise<void>;
  /**
   * Adds one to the counter at `key` and resolves the new count. A new counter expires `ttlMs`
   * after its first increment; later increments do not extend it (a fixed window).
   */
  increment(key: string, ttlMs: number): Promise<number>;
  /** Milliseconds until `key` expires; 0 when it holds nothing. */
  remainingTtlMs(key: string): Promise<number>;
}

export interface KeyValueStoreOptions {
  /**
   * Most entries an in-process store keeps; beyond it the least recently used go first. A Redis
   * store is bounded by Redis's own `maxmemory` instead.
   */
  maxEntries: number;
}

/** Makes a feature's store. The implementation is chosen once, by `SharedStateModule`. */
export abstract class KeyValueStores {
  abstract create(options: KeyValueStoreOptions): KeyValueStore;
}
