import { z } from 'zod';
import { Topics } from '../topics';
import { isoTime, type EventDefinition } from './event-definition';

export const ScheduleEvents = {
  /**
   * A schedule fired for one intended fire time. Exactly one such event exists per
   * (scheduleId, fireTime); task-service creates the task idempotently on that pair.
   */
  'ains.schedule.fired.v1': {
    topic: Topics.schedule,
    schema: z.object({
      scheduleId: z.uuid(),
      clientId: z.string(),
      runId: z.uuid(),
      fireTime: isoTime(),
      /** Either an inline task definition (the body of POST /v1/tasks) or a template with overrides. */
      task: z.record(z.string(), z.unknown()).nullable(),
      templateId: z.uuid().nullable(),
      overrides: z.record(z.string(), z.unknown()).nullable(),
      firedAt: isoTime(),
      /** Why it fired: its cron time came (`schedule`) or POST /v1/schedules/{id}/trigger (`manual`). Always set by scheduler-service. */
      trigger: z.enum(['schedule', 'manual']).optional(),
      /**
       * Set when this one event stands for several fire times missed while no scheduler ran
       * (misfire policy fire_once): the earliest of them. `fireTime` is the latest.
       */
      missedSince: isoTime().nullable().optional(),
    }),
  },
  /**
   * A run ended without a task: task-service could not create it (the reason says why). The run
   * is `failed` with outcome `task_not_created` and counts among the schedule's failures.
   */
  'ains.schedule.run_failed.v1': {
    topic: Topics.schedule,
    schema: z.object({
      scheduleId: z.uuid(),
      clientId: z.string(),
      runId: z.uuid(),
      fireTime: isoTime(),
      outcome: z.literal('task_not_created'),
      reason: z.string(),
      failedAt: isoTime(),
    }),
  },
} as const satisfies Record<string, EventDefinition>;
