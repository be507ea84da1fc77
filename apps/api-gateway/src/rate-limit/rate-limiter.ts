import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import type { Counter } from 'prom-client';
import type { Logger } from 'pino';
import { APP_CONFIG, LOGGER, MetricsService, ProblemException, REDIS } from '@ains/platform';
import type { Principal } from '../auth/authenticator';
import type { GatewaySettings } from '../service';
import { withTimeout } from '../shared/with-timeout';
import { decisionFromScript, unmeteredDecision, type RateLimitDecision } from './rate-limit-decision';
import { SLIDING_WINDOW_LUA } from './sliding-window.lua';

const COMMAND = 'ainsSlidingWindow';

type ScriptedRedis = Redis & Record<typeof COMMAND, (minuteKey: string, secondKey: string, perMinute: number, perSecond: number, member: string) => Promise<unknown>>;

/**
 * Per-key sliding-window limits shared by every gateway instance. When Redis cannot answer within
 * REDIS_COMMAND_TIMEOUT_MS the request is admitted unmetered (fail-open) or refused with 503
 * (fail-closed), as RATE_LIMIT_REDIS_FAILURE_MODE says; either way it is counted and logged.
 */
@Injectable()
export class RateLimiter {
  private readonly redis: ScriptedRedis;
  private readonly unavailable: Counter<'mode'>;

  constructor(
    @Inject(REDIS) redis: Redis,
    @Inject(APP_CONFIG) private readonly config: GatewaySettings,
    @Inject(LOGGER) private readonly logger: Logger,
    metrics: MetricsService,
  ) {
    if (!(COMMAND in redis)) redis.defineCommand(COMMAND, { numberOfKeys: 2, lua: SLIDING_WINDOW_LUA });
    this.redis = redis as ScriptedRedis;
    this.unavailable = metrics.counter({
      name: 'ains_gateway_rate_limiter_unavailable_total',
      help: 'Requests whose rate limit could not be checked because Redis failed, by the failure mode applied.',
      labelNames: ['mode'],
    });
  }

  async consume(principal: Principal): Promise<RateLimitDecision> {
    const keyId = principal.caller.keyId;
    // The hash tag keeps both logs of a key in one Redis Cluster slot, as the script needs.
    const base = `${this.config.REDIS_KEY_PREFIX}rate:{${keyId}}`;
    try {
      const reply = await withTimeout(
        this.redis[COMMAND](`${base}:m`, `${base}:s`, principal.rateLimitPerMinute, principal.burstPerSecond ?? 0, randomBytes(6).toString('base64url')),
        this.config.REDIS_COMMAND_TIMEOUT_MS,
        'rate limit check',
      );
      return decisionFromScript(reply, principal.rateLimitPerMinute);
    } catch (error) {
      const mode = this.config.RATE_LIMIT_REDIS_FAILURE_MODE;
      this.unavailable.inc({ mode });
      this.logger.error({ err: error instanceof Error ? error.message : String(error), keyId, mode }, 'rate limiter unavailable');
      if (mode === 'open') return unmeteredDecision(principal.rateLimitPerMinute);
      throw ProblemException.serviceUnavailable('Rate limits cannot be checked right now. Try again shortly.', 1);
    }
  }
}
