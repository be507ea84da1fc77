import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_CONFIG, KeyValueStores, LOGGER, withTimeout, type KeyValueStore } from '@ains/platform';
import type { GatewaySettings } from '../service';

/** Addresses tracked at most by an in-process store; each entry is a few dozen bytes. */
const MAX_TRACKED_ADDRESSES = 100_000;

/**
 * Failed authentications per client address: a counter that expires with the window, and a
 * lockout flag that expires with the lockout. In Redis they are shared by every gateway instance;
 * without REDIS_URL they are this process's. Counters and lockouts are kept apart, so a flood of
 * addresses with one failure each cannot push a lockout out of an in-process store. Tracking is
 * best effort: while Redis is unreachable it is skipped (and logged), never a reason to fail a
 * request.
 */
@Injectable()
export class FailureTracker {
  private readonly failures: KeyValueStore;
  private readonly lockouts: KeyValueStore;

  constructor(
    stores: KeyValueStores,
    @Inject(APP_CONFIG) private readonly config: GatewaySettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.failures = stores.create({ maxEntries: MAX_TRACKED_ADDRESSES });
    this.lockouts = stores.create({ maxEntries: MAX_TRACKED_ADDRESSES });
  }

  /** Seconds left of the address's lockout, or 0 when it is not locked out. */
  async lockoutRemaining(ip: string): Promise<number> {
    const ms = await this.run(this.lockouts.remainingTtlMs(this.lockoutKey(ip)), 'read lockout');
    return ms !== undefined && ms > 0 ? Math.ceil(ms / 1000) : 0;
  }

  /** Counts one failure and returns the address's failures within the window. */
  async recordFailure(ip: string): Promise<number> {
    const key = `${this.config.REDIS_KEY_PREFIX}auth-failures:${ip}`;
    return (await this.run(this.failures.increment(key, this.config.AUTH_FAILURE_WINDOW_SECONDS * 1000), 'count failure')) ?? 0;
  }

  async lockOut(ip: string): Promise<void> {
    await this.run(this.lockouts.set(this.lockoutKey(ip), '1', this.config.AUTH_LOCKOUT_SECONDS * 1000), 'set lockout');
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
