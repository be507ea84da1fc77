import { z } from 'zod';
import { ConfigFragments } from '@ains/platform';
import { BaseServiceConfig, type ServiceDefinition } from '@ains/runtime';
import { migrations } from './migrations';
import { TaskSettingsConfig } from './tasks/task-settings';
import { TasksModule } from './tasks/tasks.module';

export const TaskServiceConfig = z.object({
  ...BaseServiceConfig,
  ...ConfigFragments.http(8081),
  ...ConfigFragments.kafka,
  ...TaskSettingsConfig,
});

export type TaskServiceSettings = z.infer<typeof TaskServiceConfig>;

export const taskService: ServiceDefinition<TaskServiceSettings> = {
  name: 'task-service',
  schema: 'task',
  config: TaskServiceConfig,
  entities: [],
  migrations,
  kafka: true,
  consumes: true,
  redis: false,
  internalAuth: true,
  features: () => [{ module: TasksModule }],
};
