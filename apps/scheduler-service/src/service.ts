import { z } from 'zod';
import { ConfigFragments } from '@ains/platform';
import { BaseServiceConfig, type ServiceDefinition } from '@ains/runtime';
import { migrations } from './migrations';

export const SchedulerServiceConfig = z.object({
  ...BaseServiceConfig,
  ...ConfigFragments.http(8085),
  ...ConfigFragments.kafka,
});

export type SchedulerServiceSettings = z.infer<typeof SchedulerServiceConfig>;

export const schedulerService: ServiceDefinition<SchedulerServiceSettings> = {
  name: 'scheduler-service',
  schema: 'scheduler',
  config: SchedulerServiceConfig,
  entities: [],
  migrations,
  kafka: true,
  consumes: false,
  redis: false,
  features: () => [],
};
