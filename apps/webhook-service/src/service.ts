import { z } from 'zod';
import { ConfigFragments } from '@ains/platform';
import { BaseServiceConfig, type ServiceDefinition } from '@ains/runtime';
import { migrations } from './migrations';

export const WebhookServiceConfig = z.object({
  ...BaseServiceConfig,
  ...ConfigFragments.http(8086),
  ...ConfigFragments.kafka,
});

export type WebhookServiceSettings = z.infer<typeof WebhookServiceConfig>;

export const webhookService: ServiceDefinition<WebhookServiceSettings> = {
  name: 'webhook-service',
  schema: 'webhook',
  config: WebhookServiceConfig,
  entities: [],
  migrations,
  kafka: true,
  consumes: false,
  redis: false,
  features: () => [],
};
