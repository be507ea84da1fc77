import { z } from 'zod';
import { ConfigFragments } from '@ains/platform';
import { BaseServiceConfig, type ServiceDefinition } from '@ains/runtime';
import { AgentsModule } from './agents/agents.module';
import { migrations } from './migrations';
import type { UpstreamUrls } from './upstream/upstreams';

const serviceUrl = (port: number) => z.url({ protocol: /^https?$/ }).default(`http://127.0.0.1:${port}`);

export const GatewayConfig = z
  .object({
    ...BaseServiceConfig,
    ...ConfigFragments.http(8080),
    ...ConfigFragments.redis,
    TASK_SERVICE_URL: serviceUrl(8081),
    AGENT_SERVICE_URL: serviceUrl(8082),
    TRUST_SERVICE_URL: serviceUrl(8083),
    ROUTING_SERVICE_URL: serviceUrl(8084),
    SCHEDULER_SERVICE_URL: serviceUrl(8085),
    WEBHOOK_SERVICE_URL: serviceUrl(8086),
    UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  })
  .transform((config) => ({
    ...config,
    upstreams: {
      task: config.TASK_SERVICE_URL,
      agent: config.AGENT_SERVICE_URL,
      trust: config.TRUST_SERVICE_URL,
      routing: config.ROUTING_SERVICE_URL,
      scheduler: config.SCHEDULER_SERVICE_URL,
      webhook: config.WEBHOOK_SERVICE_URL,
    } satisfies UpstreamUrls,
  }));

export type GatewaySettings = z.infer<typeof GatewayConfig>;

export const apiGateway: ServiceDefinition<GatewaySettings> = {
  name: 'api-gateway',
  schema: 'gateway',
  config: GatewayConfig,
  entities: [],
  migrations,
  kafka: false,
  consumes: false,
  redis: true,
  features: () => [{ module: AgentsModule }],
};
