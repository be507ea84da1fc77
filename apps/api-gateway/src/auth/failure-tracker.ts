import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_CONFIG, KeyValueStores, LOGGER, withTimeout, type KeyValueStore } from '@ains/platform';
import type { GatewaySettings } from '../gateway-settings';

/** Addresses tracked at most by an in-process store; each entry is a few dozen bytes. */
const MAX_TRACKED_ADDRESSES = 100_000;

/**
 * Failed authentications, counted twice: per client address (the slowdown of every failure from
 * it) and per address and presented key id (the lockout). Locking out what was presented from
 * where, rather than the whole address, keeps a valid key on the same host working while a
 * guesser is refused. Each count expires with the window, each lockout flag with the lockout. In
 * Redis they are shared by every gateway instance; without REDIS_URL they are this process's.
 * Counters and lockouts are kept apart, so a flood of addresses with one failure each cannot push
 * a lockout out of an in-process store. Tracking is best effort: while Redis is unreachable it is
 * skipped (and logged), never a reason to fail a request.
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

  /** Seconds left of the lockout of `presented` from the address, or 0 when there is none. */
  async lockoutRemaining(ip: string, presented: string): Promise<number> {
    const ms = await this.run(this.lockouts.remainingTtlMs(this.lockoutKey(ip, presented)), 'read lockout');
    return ms !== undefined && ms > 0 ? Math.ceil(ms / 1000) : 0;
  }

  /** Counts one failure; returns the failures within the window from the address, and of `presented` from it. */
  async recordFailure(ip: string, presented: string): Promise<{ fromAddress: number; ofPresented: number }> {
    const windowMs = this.config.AUTH_FAILURE_WINDOW_SECONDS * 1000;
    const [fromAddress, ofPresented] = await Promise.all([
      this.run(this.failures.increment(`${this.config.REDIS_KEY_PREFIX}auth-failures:${ip}`, windowMs), 'count failure'),
      this.run(this.failures.increment(`${this.config.REDIS_KEY_PREFIX}auth-failures:${ip}:${presented}`, windowMs), 'count failure'),
    ]);
    return { fromAddress: fromAddress ?? 0, ofPresented: ofPresented ?? 0 };
  }

  async lockOut(ip: string, presented: string): Promise<void> {
    await this.run(this.lockouts.set(this.lockoutKey(ip, presented), '1', this.config.AUTH_LOCKOUT_SECONDS * 1000), 'set lockout');
  }

  private lockoutKey(ip: string, presented: string): string {
    return `${this.config.REDIS_KEY_PREFIX}auth-lockout:${ip}:${presented}`;
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
