import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import type { Logger } from 'pino';
import { APP_CONFIG, LOGGER, REDIS } from '@ains/platform';
import type { GatewaySettings } from '../service';
import { withTimeout } from '../shared/with-timeout';

/**
 * Failed authentications per client address, shared by every gateway instance through Redis:
 * a counter that expires with the window, and a lockout flag that expires with the lockout.
 * Tracking is best effort: while Redis is unreachable it is skipped (and logged), never a reason
 * to fail a request.
 */
@Injectable()
export class FailureTracker {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: GatewaySettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Seconds left of the address's lockout, or 0 when it is not locked out. */
  async lockoutRemaining(ip: string): Promise<number> {
    const ms = await this.run(this.redis.pttl(this.lockoutKey(ip)), 'read lockout');
    return ms !== undefined && ms > 0 ? Math.ceil(ms / 1000) : 0;
  }

  /** Counts one failure and returns the address's failures within the window. */
  async recordFailure(ip: string): Promise<number> {
    const key = `${this.config.REDIS_KEY_PREFIX}auth-failures:${ip}`;
    const result = await this.run(this.redis.multi().incr(key).expire(key, this.config.AUTH_FAILURE_WINDOW_SECONDS, 'NX').exec(), 'count failure');
    const count = result?.[0]?.[1];
    return typeof count === 'number' ? count : 0;
  }

  async lockOut(ip: string): Promise<void> {
    await this.run(this.redis.set(this.lockoutKey(ip), '1', 'EX', this.config.AUTH_LOCKOUT_SECONDS), 'set lockout');
  }

  private lockoutKey(ip: string): string {
    return `${this.config.REDIS_KEY_PREFIX}auth-lockout:${ip}`;
  }

  private async run<T>(command: Promise<T>, what: string): Promise<T | undefined> {
    try {
      return await withTimeout(command, this.config.REDIS_COMMAND_TIMEOUT_MS, what);
    } catch (error) {
      this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, `auth failure tracking: ${what} failed`);
      return undefined;
    }
  }
}
