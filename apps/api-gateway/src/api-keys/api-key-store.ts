import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import { APP_CONFIG, Broadcast, cacheRequests, KeyValueStores, LOGGER, MetricsService, withTimeout, type CacheRequests, type KeyValueStore } from '@ains/platform';
import type { GatewaySettings } from '../gateway-settings';
import { ApiKeysRepository } from './api-keys.repository';
import type { ApiKey } from './api-key.entity';
import { toCachedKey, type CachedKey } from './cached-key';

const SUBSCRIBE_TIMEOUT_MS = 2_000;

/**
 * Key records for authentication, read through two caches: a small in-process LRU with a TTL of
 * at most one second, then the shared store (the seed's 10 minutes; Redis, or without REDIS_URL
 * this process), then Postgres.
 *
 * Revocation and rotation reach every instance within a second: the changed record overwrites
 * the shared entry, and an invalidation broadcast evicts it from every instance's LRU; should a
 * message be lost, the LRU's TTL bounds the staleness anyway. Cache fills only write an absent
 * entry, so a fill racing a revocation can never put the old record back over the new one.
 */
@Injectable()
export class ApiKeyStore implements OnModuleInit {
  private readonly local: LRUCache<string, CachedKey>;
  private readonly shared: KeyValueStore;
  private readonly requests: CacheRequests;
  private readonly channel: string;

  constructor(
    private readonly repository: ApiKeysRepository,
    stores: KeyValueStores,
    private readonly broadcast: Broadcast,
    @Inject(APP_CONFIG) private readonly config: GatewaySettings,
    @Inject(LOGGER) private readonly logger: Logger,
    metrics: MetricsService,
  ) {
    this.local = new LRUCache({ max: config.API_KEY_LOCAL_CACHE_MAX, ttl: Math.max(config.API_KEY_LOCAL_CACHE_TTL_MS, 1) });
    this.shared = stores.create({ maxEntries: config.API_KEY_LOCAL_CACHE_MAX });
    this.requests = cacheRequests(metrics, 'api-keys');
    this.channel = `${config.REDIS_KEY_PREFIX}api-key-invalidations`;
  }

  async onModuleInit(): Promise<void> {
    // Redis resubscribes by itself after reconnecting; until then the LRU TTL bounds staleness,
    // so a Redis outage at start-up delays nothing but this subscription.
    await withTimeout(
      this.broadcast.subscribe(this.channel, (keyId) => this.local.delete(keyId)),
      SUBSCRIBE_TIMEOUT_MS,
      'subscribe to api key invalidations',
    ).catch((error: Error) => this.logger.warn({ err: error.message }, 'api key invalidation subscription pending'));
  }

  /** The key if this instance's LRU holds it: no round trip. */
  findLocal(keyId: string): CachedKey | undefined {
    return this.local.get(keyId);
  }

  async find(keyId: string): Promise<CachedKey | undefined> {
    const local = this.local.get(keyId);
    if (local) {
      this.requests.hit();
      return local;
    }
    const shared = await this.readShared(keyId);
    if (shared) {
      this.requests.hit();
      this.remember(shared);
      return shared;
    }
    this.requests.miss();
    const row = await this.repository.findById(keyId);
    if (!row) return undefined;
    const fresh = toCachedKey(row);
    this.remember(fresh);
    await this.writeShared(fresh, 'if-absent');
    return fresh;
  }

  /** After a revocation or rotation: replace the shared entry and evict it everywhere. */
  async changed(key: ApiKey): Promise<void> {
    this.local.delete(key.id);
    await this.writeShared(toCachedKey(key), 'overwrite');
    await this.run(this.broadcast.publish(this.channel, key.id), 'publish api key invalidation');
  }

  private remember(key: CachedKey): void {
    if (this.config.API_KEY_LOCAL_CACHE_TTL_MS > 0) this.local.set(key.id, key);
  }

  private sharedKey(keyId: string): string {
    return `${this.config.REDIS_KEY_PREFIX}api-key:${keyId}`;
  }

  private async readShared(keyId: string): Promise<CachedKey | undefined> {
    const raw = await this.run(this.shared.get(this.sharedKey(keyId)), 'read api key cache');
    return raw ? (JSON.parse(raw) as CachedKey) : undefined;
  }

  private async writeShared(key: CachedKey, mode: 'if-absent' | 'overwrite'): Promise<void> {
    const ttlMs = this.config.API_KEY_CACHE_TTL_SECONDS * 1000;
    await this.run(this.shared.set(this.sharedKey(key.id), JSON.stringify(key), ttlMs, { ifAbsent: mode === 'if-absent' }), 'write api key cache');
  }

  /** The shared store is a cache here: when Redis fails, authentication carries on from Postgres. */
  private async run<T>(command: Promise<T>, what: string): Promise<T | undefined> {
    try {
      return await withTimeout(command, this.config.REDIS_COMMAND_TIMEOUT_MS, what);
    } catch (error) {
      this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, `${what} failed; continuing without the shared cache`);
      return undefined;
    }
  }
}
