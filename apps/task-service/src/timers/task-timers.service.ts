import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import type { Counter } from 'prom-client';
import { TransactionRunner } from '@ains/messaging';
import { APP_CONFIG, LOGGER, MetricsService } from '@ains/platform';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { TaskLifecycle } from '../tasks/task-lifecycle.service';
import type { TaskSettings } from '../tasks/task-settings';
import { TasksRepository } from '../tasks/tasks.repository';
import { TimersRepository } from './timers.repository';

const PURGE_EVERY_MS = 10 * 60_000;

/**
 * Fires the timers that live in task.tasks: expired leases, execution timeouts and retries whose
 * backoff is over. Each round locks due rows with SKIP LOCKED and changes their status in the same
 * transaction, so replicas share the work without firing a timer twice, and a restart loses
 * nothing (the due time is a column, not a setTimeout).
 *
 * Policy: after the service starts, no lease expires before one full lease period has passed.
 * While the service was down, agents could neither renew leases nor report results; a lease that
 * lapsed then is the platform's fault, not the agent's, so it must not cost the agent a timeout.
 */
@Injectable()
export class TaskTimers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private lastPurge = 0;
  private readonly fired: Counter<'kind'>;

  constructor(
    private readonly tasks: TasksRepository,
    private readonly timers: TimersRepository,
    private readonly lifecycle: TaskLifecycle,
    private readonly idempotency: IdempotencyService,
    private readonly transactions: TransactionRunner,
    @Inject(APP_CONFIG) private readonly settings: TaskSettings,
    @Inject(LOGGER) private readonly logger: Logger,
    metrics: MetricsService,
  ) {
    this.fired = metrics.counter({ name: 'ains_task_timers_fired_total', help: 'Task timers fired by this replica, by kind.', labelNames: ['kind'] });
  }

  async onApplicationBootstrap(): Promise<void> {
    const extended = await this.transactions.run((manager) => this.timers.extendLeasesToAtLeast(manager, this.settings.TASK_LEASE_MS));
    if (extended > 0) this.logger.info({ extended, leaseMs: this.settings.TASK_LEASE_MS }, 'leases of held tasks extended by one lease period at start');
    this.schedule();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Handles everything due now, a batch per transaction. */
  private async fireDue(): Promise<void> {
    for (;;) {
      const fired = await this.transactions.run(async (manager) => {
        const due = await this.tasks.lockDue(manager, this.settings.TASK_TIMER_BATCH_SIZE);
        for (const { task, kind } of due) {
          if (kind === 'retry_due') await this.lifecycle.retryDue(manager, task);
          else await this.lifecycle.timeOut(manager, task, kind);
        }
        return due;
      });
      for (const { kind } of fired) this.fired.inc({ kind });
      if (fired.length < this.settings.TASK_TIMER_BATCH_SIZE || this.stopped) return;
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => {
        this.running = undefined;
        this.schedule();
      });
    }, this.settings.TASK_TIMER_INTERVAL_MS);
  }

  private async tick(): Promise<void> {
    try {
      await this.fireDue();
      if (Date.now() - this.lastPurge > PURGE_EVERY_MS) {
        await this.transactions.run((manager) => this.idempotency.purgeExpired(manager));
        this.lastPurge = Date.now();
      }
    } catch (error) {
      this.logger.error({ err: error }, 'task timers round failed; retrying next round');
    }
  }
}
