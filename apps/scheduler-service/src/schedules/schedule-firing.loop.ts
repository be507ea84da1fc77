import { setTimeout as delay } from 'node:timers/promises';
import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '@ains/platform';
import { ScheduleFiringService } from './schedule-firing.service';
import { SCHEDULER_SETTINGS, type SchedulerSettings } from './scheduler.settings';

const MIN_WAIT_MS = 10;

/**
 * Each replica runs this loop: a firing round, then again at once while rounds find full batches,
 * otherwise it sleeps until the earliest next_run_at, but never longer than the tick interval
 * (schedules created or changed meanwhile, by this replica or another, are seen within a tick).
 * Replicas need no coordination beyond the row locks.
 */
@Injectable()
export class ScheduleFiringLoop implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly stop = new AbortController();
  private running: Promise<void> | undefined;

  constructor(
    private readonly firing: ScheduleFiringService,
    @Inject(SCHEDULER_SETTINGS) private readonly settings: SchedulerSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.running = this.loop();
  }

  /** Lets the round in flight commit (or roll back) before the database pool closes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stop.abort();
    await this.running;
  }

  private async loop(): Promise<void> {
    while (!this.stop.signal.aborted) {
      let wait = this.settings.tickIntervalMs;
      try {
        if ((await this.firing.fireDue()) >= this.settings.batchSize) continue;
        // A schedule due but not claimed is another replica's right now: look again shortly, without spinning.
        wait = Math.min(wait, Math.max(MIN_WAIT_MS, (await this.firing.msUntilNextDue()) ?? wait));
      } catch (error) {
        this.logger.error({ err: error }, 'schedule firing round failed; retrying after the tick interval');
      }
      await delay(wait, undefined, { signal: this.stop.signal }).catch(() => undefined);
    }
  }
}
