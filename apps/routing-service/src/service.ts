import { z } from 'zod';
import { ConfigFragments } from '@ains/platform';
import { BaseServiceConfig, type ServiceDefinition } from '@ains/runtime';
import { migrations } from './migrations';

export const RoutingServiceConfig = z.object({
  ...BaseServiceConfig,
  ...ConfigFragments.http(8084),
  ...ConfigFragments.kafka,
});

export type RoutingServiceSettings = z.infer<typeof RoutingServiceConfig>;

export const routingService: ServiceDefinition<RoutingServiceSettings> = {
  name: 'routing-service',
  schema: 'routing',
  config: RoutingServiceConfig,
  entities: [],
  migrations,
  kafka: true,
  consumes: false,
  redis: false,
  features: () => [],
};
