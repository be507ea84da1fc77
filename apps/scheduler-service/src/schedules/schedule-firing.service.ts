import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { Histogram } from 'prom-client';
import { OutboxWriter, TransactionRunner, type NewEvent } from '@ains/messaging';
import { LOGGER, MetricsService } from '@ains/platform';
import { planFiring, type FiringPlan } from './firing.policy';
import { firedEvent } from './schedule.mapper';
import type { Schedule } from './schedule.entity';
import { ScheduleRun } from './schedule-run.entity';
import { CLOCK, SCHEDULER_SETTINGS, type Clock, type SchedulerSettings } from './scheduler.settings';
import { SchedulesRepository, type ScheduleAdvance } from './schedules.repository';

/** Runs of one schedule per round at most; a schedule with more due stays due for the next round. */
const MAX_RUNS_PER_ROUND = 100;

/**
 * One round of firing: claim due schedules (rows other replicas hold are skipped), and in the same
 * transaction record each run, append its fired event to the outbox and advance next_run_at. A
 * crash before commit leaves nothing behind and the schedule still due; after commit, the run,
 * the event and the new next_run_at all exist. The unique (schedule_id, fire_time) key backs this
 * up: no fire time can produce a second run or a second event.
 */
@Injectable()
export class ScheduleFiringService {
  private readonly lag: Histogram;

  constructor(
    private readonly schedules: SchedulesRepository,
    private readonly transactions: TransactionRunner,
    private readonly outbox: OutboxWriter,
    @Inject(SCHEDULER_SETTINGS) private readonly settings: SchedulerSettings,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
    metrics: MetricsService,
  ) {
    this.lag = metrics.histogram({
      name: 'ains_schedule_firing_lag_seconds',
      help: 'Time from a fire time to the commit of its run and event (actual minus intended fire time)',
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    });
  }

  /** Fires what is due now; returns the number of schedules claimed (a full batch means more may be due). */
  async fireDue(): Promise<number> {
    const now = this.clock.now();
    const { claimed, fired } = await this.transactions.run(async (manager) => {
      const due = await this.schedules.claimDue(manager, now, this.settings.batchSize);
      const open = await this.schedules.withOpenRuns(
        manager,
        due.filter((schedule) => schedule.overlapPolicy === 'skip').map((schedule) => schedule.id),
      );
      const planned = due.flatMap((schedule) => {
        const plan = this.plan(schedule, open.has(schedule.id), now);
        return plan ? [{ schedule, plan, runs: plan.runs.map((run) => toRun(schedule, run, now)) }] : [];
      });
      const inserted = await this.schedules.insertRuns(manager, planned.flatMap((entry) => entry.runs));
      const advances: ScheduleAdvance[] = [];
      const events: NewEvent[] = [];
      const firedRuns: ScheduleRun[] = [];
      for (const { schedule, plan, runs } of planned) {
        const firedNow = runs.filter((run) => run.status === 'fired' && inserted.has(run.id));
        const skipped = runs.filter((run) => run.status === 'skipped' && inserted.has(run.id)).length;
        events.push(...firedNow.map((run) => firedEvent(schedule, run)));
        firedRuns.push(...firedNow);
        advances.push({ scheduleId: schedule.id, nextRunAt: plan.nextRunAt, fired: firedNow.length, skipped, lastRunAt: firedNow.at(-1)?.fireTime ?? null });
      }
      // Three statements for the whole batch: runs, events (one multi-row insert), schedules.
      if (events.length > 0) await this.outbox.append(manager, ...events);
      await this.schedules.advance(manager, advances);
      return { claimed: due.length, fired: firedRuns };
    });
    const committedAt = Date.now();
    for (const run of fired) this.lag.observe((committedAt - run.fireTime.getTime()) / 1_000);
    return claimed;
  }

  /** How long until the earliest active schedule is due (0 if it is), or undefined when none is. */
  async msUntilNextDue(): Promise<number | undefined> {
    const next = await this.schedules.earliestNextRun();
    return next ? Math.max(0, next.getTime() - this.clock.now().getTime()) : undefined;
  }

  /** A schedule whose expression cannot be evaluated (validated on write, so a library fault) stays due and is logged, without failing the batch. */
  private plan(schedule: Schedule, hasOpenRun: boolean, now: Date): FiringPlan | undefined {
    try {
      return planFiring(
        {
          cron: { expression: schedule.cronExpression, timeZone: schedule.timeZone },
          // claimDue only returns schedules with a next_run_at at or before now.
          nextRunAt: schedule.nextRunAt ?? now,
          endAt: schedule.endAt,
          maxRuns: schedule.maxRuns,
          runCount: schedule.runCount,
          overlapPolicy: schedule.overlapPolicy,
          misfirePolicy: schedule.misfirePolicy,
          hasOpenRun,
        },
        now,
        { misfireThresholdMs: this.settings.misfireThresholdMs, maxRunsPerRound: MAX_RUNS_PER_ROUND },
      );
    } catch (error) {
      this.logger.error({ err: error, scheduleId: schedule.id }, 'cannot compute the fire times of a schedule');
      return undefined;
    }
  }
}

function toRun(schedule: Schedule, planned: FiringPlan['runs'][number], now: Date): ScheduleRun {
  return Object.assign(new ScheduleRun(), {
    id: randomUUID(),
    scheduleId: schedule.id,
    clientId: schedule.clientId,
    fireTime: planned.fireTime,
    trigger: 'schedule',
    status: planned.action === 'fire' ? 'fired' : 'skipped',
    outcome: null,
    missedSince: planned.missedSince,
    taskId: null,
    failureReason: null,
    durationMs: null,
    firedAt: now,
    finishedAt: null,
  } satisfies ScheduleRun);
}
