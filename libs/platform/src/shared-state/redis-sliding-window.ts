import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { randomHex } from '../ids/random-hex';
import { REDIS } from '../redis/redis.module';
import { SlidingWindowLimiter, type WindowLimits, type WindowVerdict } from './sliding-window';
import { SLIDING_WINDOW_LUA } from './sliding-window.lua';

const COMMAND = 'ainsSlidingWindow';

type ScriptedRedis = Redis & Record<typeof COMMAND, (minuteKey: string, secondKey: string, perMinute: number, perSecond: number, member: string) => Promise<unknown>>;

/** The limiter in Redis: one Lua script call per request, against the Redis server's clock. */
@Injectable()
export class RedisSlidingWindowLimiter extends SlidingWindowLimiter {
  private readonly redis: ScriptedRedis;

  constructor(@Inject(REDIS) redis: Redis) {
    super();
    if (!(COMMAND in redis)) redis.defineCommand(COMMAND, { numberOfKeys: 2, lua: SLIDING_WINDOW_LUA });
    this.redis = redis as ScriptedRedis;
  }

  async consume(key: string, limits: WindowLimits): Promise<WindowVerdict> {
    // The hash tag keeps both logs of a key in one Redis Cluster slot, as the script needs.
    const reply = await this.redis[COMMAND](`{${key}}:m`, `{${key}}:s`, limits.perMinute, limits.perSecond ?? 0, randomHex(6));
    return verdictFromScript(reply);
  }
}

/** Reads the script's reply: `[admitted (1|0), remaining, resetMs, retryAfterMs]`. */
export function verdictFromScript(reply: unknown): WindowVerdict {
  if (!Array.isArray(reply) || reply.length !== 4 || !reply.every((value) => typeof value === 'number')) {
    throw new Error(`unexpected rate limit script reply: ${JSON.stringify(reply)}`);
  }
  const [admitted, remaining, resetMs, retryAfterMs] = reply as number[];
  return { admitted: admitted === 1, remaining: Math.max(0, remaining), resetMs: Math.max(0, resetMs), retryAfterMs: Math.max(0, retryAfterMs) };
}
