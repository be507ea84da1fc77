import type { ScheduleRunView, ScheduleView } from '@ains/contracts';
import type { NewEvent } from '@ains/messaging';
import type { Schedule } from './schedule.entity';
import type { ScheduleRun } from './schedule-run.entity';

export function toScheduleView(schedule: Schedule): ScheduleView {
  const totalDurationMs = Number(schedule.totalDurationMs);
  return {
    id: schedule.id,
    name: schedule.name,
    description: schedule.description,
    cron_expression: schedule.cronExpression,
    time_zone: schedule.timeZone,
    task: schedule.task,
    template_id: schedule.templateId,
    overrides: schedule.overrides,
    active: schedule.active,
    start_at: schedule.startAt?.toISOString() ?? null,
    end_at: schedule.endAt?.toISOString() ?? null,
    max_runs: schedule.maxRuns,
    overlap_policy: schedule.overlapPolicy,
    misfire_policy: schedule.misfirePolicy,
    next_run_at: schedule.nextRunAt?.toISOString() ?? null,
    stats: {
      runs: schedule.runCount,
      successes: schedule.successCount,
      failures: schedule.failureCount,
      skipped: schedule.skippedCount,
      last_run_at: schedule.lastRunAt?.toISOString() ?? null,
      last_outcome: schedule.lastOutcome,
      average_duration_ms: schedule.successCount > 0 ? Math.round(totalDurationMs / schedule.successCount) : null,
    },
    created_at: schedule.createdAt.toISOString(),
    updated_at: schedule.updatedAt.toISOString(),
  };
}

export function toRunView(run: ScheduleRun): ScheduleRunView {
  return {
    id: run.id,
    schedule_id: run.scheduleId,
    fire_time: run.fireTime.toISOString(),
    trigger: run.trigger,
    status: run.status,
    outcome: run.outcome,
    missed_since: run.missedSince?.toISOString() ?? null,
    task_id: run.taskId,
    failure_reason: run.failureReason,
    duration_ms: run.durationMs,
    fired_at: run.firedAt.toISOString(),
    finished_at: run.finishedAt?.toISOString() ?? null,
  };
}

/** The event that asks task-service to create the run's task (idempotently on schedule id + fire time). */
export function firedEvent(schedule: Schedule, run: ScheduleRun): NewEvent {
  return {
    type: 'ains.schedule.fired.v1',
    subject: schedule.id,
    data: {
      scheduleId: schedule.id,
      clientId: schedule.clientId,
      runId: run.id,
      fireTime: run.fireTime.toISOString(),
      task: schedule.task,
      templateId: schedule.templateId,
      overrides: schedule.overrides,
      firedAt: run.firedAt.toISOString(),
      trigger: run.trigger,
      missedSince: run.missedSince?.toISOString() ?? null,
    },
  };
}
