import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import type { Logger } from 'pino';
import { LOGGER } from '../platform.module';
import { REDIS } from '../redis/redis.module';
import { Broadcast, type BroadcastListener } from './broadcast';

/**
 * `Broadcast` over Redis pub/sub. Subscribing needs a connection of its own, opened on the first
 * subscription; it queues commands while Redis is away and ioredis resubscribes after reconnecting.
 */
@Injectable()
export class RedisBroadcast extends Broadcast implements OnApplicationShutdown {
  private readonly listeners = new Map<string, Set<BroadcastListener>>();
  private subscriber: Redis | undefined;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    super();
  }

  async publish(channel: string, message: string): Promise<void> {
    await this.redis.publish(channel, message);
  }

  async subscribe(channel: string, listener: BroadcastListener): Promise<void> {
    const listeners = this.listeners.get(channel) ?? new Set<BroadcastListener>();
    listeners.add(listener);
    this.listeners.set(channel, listeners);
    this.subscriber ??= this.openSubscriber();
    await this.subscriber.subscribe(channel);
  }

  onApplicationShutdown(): void {
    this.subscriber?.disconnect();
  }

  private openSubscriber(): Redis {
    const subscriber = this.redis.duplicate({ enableOfflineQueue: true });
    subscriber.on('error', (error: Error) => this.logger.warn({ err: error.message }, 'broadcast subscriber: redis error'));
    subscriber.on('message', (channel: string, message: string) => {
      for (const listener of this.listeners.get(channel) ?? []) listener(message);
    });
    return subscriber;
  }
}
