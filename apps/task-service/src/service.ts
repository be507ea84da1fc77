import { z } from 'zod';
import { ConfigFragments } from '@ains/platform';
import { BaseServiceConfig, type ServiceDefinition } from '@ains/runtime';
import { migrations } from './migrations';

export const TaskServiceConfig = z.object({
  ...BaseServiceConfig,
  ...ConfigFragments.http(8081),
  ...ConfigFragments.kafka,
});

export type TaskServiceSettings = z.infer<typeof TaskServiceConfig>;

export const taskService: ServiceDefinition<TaskServiceSettings> = {
  name: 'task-service',
  schema: 'task',
  config: TaskServiceConfig,
  entities: [],
  migrations,
  kafka: true,
  consumes: false,
  redis: false,
  features: () => [],
};
