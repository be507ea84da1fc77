import { z } from 'zod';
import { ConfigFragments } from '@ains/platform';
import { BaseServiceConfig, type ServiceDefinition } from '@ains/runtime';
import { migrations } from './migrations';
import { RoutingModule } from './routing.module';
import type { RoutingSettings } from './routing-settings';
import { builtInStrategies } from './strategies/strategy-registry';

const strategyNames = builtInStrategies()
  .list()
  .map((strategy) => strategy.name);

export const RoutingServiceConfig = z
  .object({
    ...BaseServiceConfig,
    ...ConfigFragments.http(8084),
    ...ConfigFragments.kafka,
    ROUTING_DEFAULT_STRATEGY: z.string().refine((name) => strategyNames.includes(name), { message: `must be one of ${strategyNames.join(', ')}` }).default('least_loaded'),
    ROUTING_DISPATCH_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(5_000),
    ROUTING_DISPATCH_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(200),
    ROUTING_DISPATCH_WINDOW: z.coerce.number().int().min(1).max(10_000).default(200),
    ROUTING_DISPATCH_SCAN_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(5_000),
    ROUTING_AGE_BOOST_INTERVAL_MS: z.coerce.number().int().min(1).max(86_400_000).default(30_000),
    ROUTING_AGE_BOOST_MAX: z.coerce.number().int().min(0).max(10).default(10),
    ROUTING_BACKPRESSURE_LIMIT: z.coerce.number().int().min(1).max(10_000_000).default(5_000),
    /** Defaults to 80 % of the limit. */
    ROUTING_BACKPRESSURE_RELEASE_DEPTH: z.coerce.number().int().min(0).max(10_000_000).optional(),
    ROUTING_BACKPRESSURE_RETRY_AFTER_SECONDS: z.coerce.number().int().min(1).max(3_600).default(5),
    ROUTING_DECISION_CONFIRM_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
    ROUTING_COMPLETION_AVERAGE_ALPHA: z.coerce.number().gt(0).max(1).default(0.2),
  })
  .refine((config) => (config.ROUTING_BACKPRESSURE_RELEASE_DEPTH ?? 0) < config.ROUTING_BACKPRESSURE_LIMIT, {
    message: 'must be below ROUTING_BACKPRESSURE_LIMIT',
    path: ['ROUTING_BACKPRESSURE_RELEASE_DEPTH'],
  });

export type RoutingServiceSettings = z.infer<typeof RoutingServiceConfig>;

export function routingSettingsOf(config: RoutingServiceSettings): RoutingSettings {
  return {
    defaultStrategy: config.ROUTING_DEFAULT_STRATEGY,
    dispatchIntervalMs: config.ROUTING_DISPATCH_INTERVAL_MS,
    dispatchBatchSize: config.ROUTING_DISPATCH_BATCH_SIZE,
    dispatchWindowPerPriority: config.ROUTING_DISPATCH_WINDOW,
    dispatchScanLimit: config.ROUTING_DISPATCH_SCAN_LIMIT,
    ageBoost: { boostIntervalMs: config.ROUTING_AGE_BOOST_INTERVAL_MS, maxBoost: config.ROUTING_AGE_BOOST_MAX },
    backpressureLimit: config.ROUTING_BACKPRESSURE_LIMIT,
    backpressureReleaseDepth: config.ROUTING_BACKPRESSURE_RELEASE_DEPTH ?? Math.floor(config.ROUTING_BACKPRESSURE_LIMIT * 0.8),
    backpressureRetryAfterSeconds: config.ROUTING_BACKPRESSURE_RETRY_AFTER_SECONDS,
    decisionConfirmTimeoutMs: config.ROUTING_DECISION_CONFIRM_TIMEOUT_MS,
    completionAverageAlpha: config.ROUTING_COMPLETION_AVERAGE_ALPHA,
  };
}

export const routingService: ServiceDefinition<RoutingServiceSettings> = {
  name: 'routing-service',
  schema: 'routing',
  config: RoutingServiceConfig,
  entities: [],
  migrations,
  kafka: true,
  consumes: true,
  redis: false,
  internalAuth: true,
  features: (config) => [RoutingModule.forRoot(routingSettingsOf(config))],
};
