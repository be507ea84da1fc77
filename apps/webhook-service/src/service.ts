import { z } from 'zod';
import { ConfigFragments } from '@ains/platform';
import { BaseServiceConfig, type ServiceDefinition } from '@ains/runtime';
import { DeliveryAttempt } from './delivery/delivery-attempt.entity';
import { Delivery } from './delivery/delivery.entity';
import { Endpoint } from './endpoints/endpoint.entity';
import { migrations } from './migrations';
import { WebhookConfig } from './webhook-settings';
import { WebhooksModule } from './webhooks.module';

export const WebhookServiceConfig = z.object({
  ...BaseServiceConfig,
  ...ConfigFragments.http(8086),
  ...ConfigFragments.kafka,
  ...WebhookConfig,
});

export type WebhookServiceSettings = z.infer<typeof WebhookServiceConfig>;

export const webhookService: ServiceDefinition<WebhookServiceSettings> = {
  name: 'webhook-service',
  schema: 'webhook',
  config: WebhookServiceConfig,
  entities: [Endpoint, Delivery, DeliveryAttempt],
  migrations,
  kafka: true,
  consumes: true,
  redis: false,
  internalAuth: true,
  features: (config) => [WebhooksModule.forRoot(config)],
};
