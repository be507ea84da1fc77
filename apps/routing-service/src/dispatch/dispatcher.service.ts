import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '@ains/platform';
import { ROUTING_SETTINGS, type RoutingSettings } from '../routing-settings';
import { DispatchService, type RoundOutcome } from './dispatch.service';

/** When another replica (or a batch of events) holds the dispatch lock, look again soon: its round may have missed new work. */
const BUSY_RETRY_MS = 25;
/** A failed round (a deadlock, a lost connection) is retried soon, not after the safety interval. */
const FAILED_RETRY_MS = 250;
const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * Runs dispatch rounds for as long as the service lives: at once when woken (a task was queued, a
 * slot freed, the fleet changed), otherwise every DISPATCH_INTERVAL_MS, which also covers events
 * consumed by other replicas and tasks whose age boost has grown.
 */
@Injectable()
export class DispatcherService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private loop: Promise<void> | undefined;
  private stopped = false;
  private woken = false;
  private interruptSleep: (() => void) | undefined;
  private prunedAt = Date.now();
  private expiredAt = Date.now();

  constructor(
    private readonly dispatch: DispatchService,
    @Inject(ROUTING_SETTINGS) private readonly settings: RoutingSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.interruptSleep?.();
    await this.loop;
  }

  wake(): void {
    this.woken = true;
    this.interruptSleep?.();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      this.woken = false;
      let outcome: RoundOutcome | 'failed';
      try {
        outcome = await this.dispatch.runRound();
      } catch (error) {
        this.logger.error({ err: error }, 'dispatch round failed');
        outcome = 'failed';
      }
      if (this.stopped) break;
      if (Date.now() - this.prunedAt > PRUNE_EVERY_MS) await this.prune();
      if (Date.now() - this.expiredAt > this.expiryCheckIntervalMs()) await this.expire();
      if (outcome === 'more' || (outcome === 'idle' && this.woken)) continue;
      await this.sleep(outcome === 'busy' ? BUSY_RETRY_MS : outcome === 'failed' ? FAILED_RETRY_MS : this.settings.dispatchIntervalMs);
    }
  }

  /** A quarter of the confirmation timeout, between 50 ms and 5 s. */
  private expiryCheckIntervalMs(): number {
    return Math.min(5_000, Math.max(50, this.settings.decisionConfirmTimeoutMs / 4));
  }

  private async expire(): Promise<void> {
    this.expiredAt = Date.now();
    try {
      const expired = await this.dispatch.expireUnconfirmed();
      if (expired > 0) {
        this.logger.warn({ expired }, 'freed the slots of decisions task-service did not apply in time');
        this.woken = true;
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'expiring unconfirmed decisions failed');
    }
  }

  private async prune(): Promise<void> {
    this.prunedAt = Date.now();
    await this.dispatch.pruneHistory().catch((error: unknown) => this.logger.warn({ err: error }, 'pruning routing decisions failed'));
  }

  /** Waits `ms`, or less if woken meanwhile. */
  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.interruptSleep = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => {
      this.interruptSleep = undefined;
    });
  }
}
