import { Global, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { RedisModule } from '../redis/redis.module';
import { Broadcast } from './broadcast';
import { InMemoryBroadcast } from './in-memory-broadcast';
import { InMemoryKeyValueStores } from './in-memory-key-value-store';
import { InMemorySlidingWindowLimiter } from './in-memory-sliding-window';
import { KeyValueStores } from './key-value-store';
import { RedisBroadcast } from './redis-broadcast';
import { RedisKeyValueStores } from './redis-key-value-store';
import { RedisSlidingWindowLimiter } from './redis-sliding-window';
import { SlidingWindowLimiter } from './sliding-window';

/** Request times the in-process rate limiter keeps at most: about 8 MB. */
const IN_PROCESS_RATE_LIMIT_REQUESTS = 1_000_000;

const SEAMS = [KeyValueStores, Broadcast, SlidingWindowLimiter];

/**
 * The state a service keeps outside its database — caches, counters, rate-limit logs and
 * broadcasts — chosen here and only here: in Redis, shared by every instance, when REDIS_URL is
 * set (with a `redis` readiness check); otherwise in this process, which suits one instance
 * (the single-process mode). Features depend on the abstract classes only.
 */
@Global()
@Module({})
export class SharedStateModule {
  static forRoot(redisUrl: string | undefined): DynamicModule {
    if (redisUrl) {
      const providers: Provider[] = [
        { provide: KeyValueStores, useClass: RedisKeyValueStores },
        { provide: Broadcast, useClass: RedisBroadcast },
        { provide: SlidingWindowLimiter, useClass: RedisSlidingWindowLimiter },
      ];
      return { module: SharedStateModule, imports: [RedisModule.forRoot(redisUrl)], providers, exports: SEAMS };
    }
    const providers: Provider[] = [
      { provide: KeyValueStores, useFactory: () => new InMemoryKeyValueStores() },
      { provide: Broadcast, useFactory: () => new InMemoryBroadcast() },
      { provide: SlidingWindowLimiter, useFactory: () => new InMemorySlidingWindowLimiter({ maxRequestsRemembered: IN_PROCESS_RATE_LIMIT_REQUESTS }) },
    ];
    return { module: SharedStateModule, providers, exports: SEAMS };
  }
}
