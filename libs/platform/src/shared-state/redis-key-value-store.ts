import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { REDIS } from '../redis/redis.module';
import { KeyValueStores, type KeyValueStore } from './key-value-store';

/** A `KeyValueStore` in Redis, shared by every instance; Redis's `maxmemory` bounds it. */
export class RedisKeyValueStore implements KeyValueStore {
  constructor(private readonly redis: Redis) {}

  async get(key: string): Promise<string | undefined> {
    return (await this.redis.get(key)) ?? undefined;
  }

  async set(key: string, value: string, ttlMs: number, options: { ifAbsent?: boolean } = {}): Promise<boolean> {
    const reply = options.ifAbsent ? await this.redis.set(key, value, 'PX', ttlMs, 'NX') : await this.redis.set(key, value, 'PX', ttlMs);
    return reply === 'OK';
  }

  async delete(...keys: string[]): Promise<void> {
    if (keys.length > 0) await this.redis.del(...keys);
  }

  async increment(key: string, ttlMs: number): Promise<number> {
    const replies = await this.redis.multi().incr(key).pexpire(key, ttlMs, 'NX').exec();
    const [error, count] = replies?.[0] ?? [new Error('transaction discarded'), undefined];
    if (error) throw error;
    return count as number;
  }

  async remainingTtlMs(key: string): Promise<number> {
    // PTTL: -2 when the key does not exist, -1 when it has no expiry (never set by this store).
    return Math.max(0, await this.redis.pttl(key));
  }
}

@Injectable()
export class RedisKeyValueStores extends KeyValueStores {
  constructor(@Inject(REDIS) private readonly redis: Redis) {
    super();
  }

  create(): KeyValueStore {
    return new RedisKeyValueStore(this.redis);
  }
}
