import { Inject, Injectable, Optional, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '@ains/platform';
import { PgNotificationListener } from '@ains/persistence';
import { ScheduleFiringService } from './schedule-firing.service';
import { SCHEDULER_SETTINGS, type SchedulerSettings } from './scheduler.settings';

const MIN_WAIT_MS = 10;

/** Announced by a trigger on the schedules table (see its migration). */
export const SCHEDULES_CHANGED_CHANNEL = 'scheduler_schedules_changed';

/**
 * Each replica runs this loop: a firing round, then again at once while rounds find full batches,
 * otherwise it sleeps until the earliest next_run_at, but never longer than the tick interval, a
 * safety net: a schedule created or changed meanwhile, by this replica or another, is announced on
 * a PostgreSQL channel at commit and wakes every replica's loop. Replicas need no coordination
 * beyond the row locks. An idle scheduler makes one round per tick interval.
 */
@Injectable()
export class ScheduleFiringLoop implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private stopped = false;
  private running: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private woken = false;

  constructor(
    private readonly firing: ScheduleFiringService,
    @Inject(SCHEDULER_SETTINGS) private readonly settings: SchedulerSettings,
    @Inject(LOGGER) private readonly logger: Logger,
    @Optional() listener?: PgNotificationListener,
  ) {
    listener?.on(SCHEDULES_CHANGED_CHANNEL, () => this.wake()).onReconnect(() => this.wake());
  }

  onApplicationBootstrap(): void {
    this.running = this.loop();
  }

  /** Lets the round in flight commit (or roll back) before the database pool closes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.running;
  }

  /** Schedules changed: look for the earliest next run again now. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      this.woken = false;
      let wait = this.settings.tickIntervalMs;
      try {
        if ((await this.firing.fireDue()) >= this.settings.batchSize) continue;
        // A schedule due but not claimed is another replica's right now: look again shortly, without spinning.
        wait = Math.min(wait, Math.max(MIN_WAIT_MS, (await this.firing.msUntilNextDue()) ?? wait));
      } catch (error) {
        this.logger.error({ err: error }, 'schedule firing round failed; retrying after the tick interval');
      }
      await this.sleep(wait);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.woken || this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wakeUp = undefined;
        resolve();
      }, ms);
      this.wakeUp = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
    });
  }
}
