import { z } from 'zod';
import { ConfigFragments } from '@ains/platform';
import { BaseServiceConfig, type ServiceDefinition } from '@ains/runtime';
import { migrations } from './migrations';
import { Schedule } from './schedules/schedule.entity';
import { ScheduleRun } from './schedules/schedule-run.entity';
import { SchedulesModule } from './schedules/schedules.module';
import type { SchedulerSettings } from './schedules/scheduler.settings';

export const SchedulerServiceConfig = z.object({
  ...BaseServiceConfig,
  ...ConfigFragments.http(8085),
  ...ConfigFragments.kafka,
  /** Longest wait between two looks for due schedules (shorter when one is due sooner). */
  SCHEDULER_TICK_INTERVAL_MS: z.coerce.number().int().min(10).max(300_000).default(30_000),
  /** Due schedules claimed per transaction. */
  SCHEDULER_BATCH_SIZE: z.coerce.number().int().min(1).max(5_000).default(500),
  /** Schedules firing more often than this are refused with 422. */
  SCHEDULER_MIN_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /** A fire time later than this is a misfire, handled by the schedule's misfire policy. */
  SCHEDULER_MISFIRE_THRESHOLD_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
});

export type SchedulerServiceSettings = z.infer<typeof SchedulerServiceConfig>;

export function schedulerSettingsOf(config: SchedulerServiceSettings): SchedulerSettings {
  return {
    tickIntervalMs: config.SCHEDULER_TICK_INTERVAL_MS,
    batchSize: config.SCHEDULER_BATCH_SIZE,
    minIntervalSeconds: config.SCHEDULER_MIN_INTERVAL_SECONDS,
    misfireThresholdMs: config.SCHEDULER_MISFIRE_THRESHOLD_SECONDS * 1_000,
  };
}

export const schedulerService: ServiceDefinition<SchedulerServiceSettings> = {
  name: 'scheduler-service',
  schema: 'scheduler',
  config: SchedulerServiceConfig,
  entities: [Schedule, ScheduleRun],
  migrations,
  kafka: true,
  consumes: true,
  redis: false,
  internalAuth: true,
  features: (config) => [SchedulesModule.register(schedulerSettingsOf(config))],
};
