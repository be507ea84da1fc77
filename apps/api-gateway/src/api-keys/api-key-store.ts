import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type Redis from 'ioredis';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import { APP_CONFIG, LOGGER, REDIS } from '@ains/platform';
import type { GatewaySettings } from '../service';
import { withTimeout } from '../shared/with-timeout';
import { ApiKeysRepository } from './api-keys.repository';
import type { ApiKey } from './api-key.entity';
import { toCachedKey, type CachedKey } from './cached-key';

const SUBSCRIBE_TIMEOUT_MS = 2_000;

/**
 * Key records for authentication, read through two caches: a small in-process LRU with a TTL of
 * at most one second, then Redis (the seed's 10 minutes), then Postgres.
 *
 * Revocation and rotation reach every instance within a second: the changed record overwrites
 * the Redis entry, and an invalidation on a pub/sub channel evicts it from every instance's LRU;
 * should a message be lost, the LRU's TTL bounds the staleness anyway. Cache fills use SET NX, so
 * a fill racing a revocation can never put the old record back over the new one.
 */
@Injectable()
export class ApiKeyStore implements OnModuleInit, OnApplicationShutdown {
  private readonly local: LRUCache<string, CachedKey>;
  private readonly channel: string;
  private subscriber: Redis | undefined;

  constructor(
    private readonly repository: ApiKeysRepository,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: GatewaySettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.local = new LRUCache({ max: config.API_KEY_LOCAL_CACHE_MAX, ttl: Math.max(config.API_KEY_LOCAL_CACHE_TTL_MS, 1) });
    this.channel = `${config.REDIS_KEY_PREFIX}api-key-invalidations`;
  }

  async onModuleInit(): Promise<void> {
    this.subscriber = this.redis.duplicate({ enableOfflineQueue: true });
    this.subscriber.on('error', (error: Error) => this.logger.warn({ err: error.message }, 'api key invalidation subscriber: redis error'));
    this.subscriber.on('message', (_channel: string, keyId: string) => this.local.delete(keyId));
    // ioredis resubscribes by itself after reconnecting; until then the LRU TTL bounds staleness,
    // so a Redis outage at start-up delays nothing but this subscription.
    await withTimeout(this.subscriber.subscribe(this.channel), SUBSCRIBE_TIMEOUT_MS, 'subscribe to api key invalidations').catch((error: Error) =>
      this.logger.warn({ err: error.message }, 'api key invalidation subscription pending'),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.subscriber?.disconnect();
  }

  async find(keyId: string): Promise<CachedKey | undefined> {
    const local = this.local.get(keyId);
    if (local) return local;
    const shared = await this.readShared(keyId);
    if (shared) {
      this.remember(shared);
      return shared;
    }
    const row = await this.repository.findById(keyId);
    if (!row) return undefined;
    const fresh = toCachedKey(row);
    this.remember(fresh);
    await this.writeShared(fresh, 'NX');
    return fresh;
  }

  /** After a revocation or rotation: replace the shared entry and evict it everywhere. */
  async changed(key: ApiKey): Promise<void> {
    this.local.delete(key.id);
    await this.writeShared(toCachedKey(key), 'overwrite');
    await this.run(this.redis.publish(this.channel, key.id), 'publish api key invalidation');
  }

  private remember(key: CachedKey): void {
    if (this.config.API_KEY_LOCAL_CACHE_TTL_MS > 0) this.local.set(key.id, key);
  }

  private redisKey(keyId: string): string {
    return `${this.config.REDIS_KEY_PREFIX}api-key:${keyId}`;
  }

  private async readShared(keyId: string): Promise<CachedKey | undefined> {
    const raw = await this.run(this.redis.get(this.redisKey(keyId)), 'read api key cache');
    return raw ? (JSON.parse(raw) as CachedKey) : undefined;
  }

  private async writeShared(key: CachedKey, mode: 'NX' | 'overwrite'): Promise<void> {
    const value = JSON.stringify(key);
    const ttl = this.config.API_KEY_CACHE_TTL_SECONDS;
    const command = mode === 'NX' ? this.redis.set(this.redisKey(key.id), value, 'EX', ttl, 'NX') : this.redis.set(this.redisKey(key.id), value, 'EX', ttl);
    await this.run(command, 'write api key cache');
  }

  /** Redis is a cache here: when it fails, authentication carries on from Postgres. */
  private async run<T>(command: Promise<T>, what: string): Promise<T | undefined> {
    try {
      return await withTimeout(command, this.config.REDIS_COMMAND_TIMEOUT_MS, what);
    } catch (error) {
      this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, `${what} failed; continuing without the Redis cache`);
      return undefined;
    }
  }
}
