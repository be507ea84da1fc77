import type { DynamicModule } from '@nestjs/common';
import type { MigrationInterface } from 'typeorm';
import type { z } from 'zod';
import { ConfigFragments } from '@ains/platform';

/** The settings every service has; a service's own schema extends these. */
export const BaseServiceConfig = {
  ...ConfigFragments.runtime,
  ...ConfigFragments.database,
  ...ConfigFragments.internalAuth,
};

export type BaseServiceSettings = z.infer<z.ZodObject<typeof BaseServiceConfig>> &
  z.infer<z.ZodObject<ReturnType<typeof ConfigFragments.http>>> &
  Partial<z.infer<z.ZodObject<typeof ConfigFragments.kafka>>> &
  Partial<z.infer<z.ZodObject<typeof ConfigFragments.redis>>>;

/** Everything the runtime needs to know to start, migrate and test one AINS service. */
export interface ServiceDefinition<C extends BaseServiceSettings> {
  /** Process and consumer-group name, e.g. `agent-service`. */
  name: string;
  /** The Postgres schema the service owns. */
  schema: string;
  config: z.ZodType;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  migrations: (new () => MigrationInterface)[];
  /** Uses Kafka: outbox relay, and a consumer group when it has `@EventPattern` handlers. */
  kafka: boolean;
  /** Has Kafka consumers to attach. */
  consumes: boolean;
  /**
   * Keeps caches, counters and rate limits beside its database: in Redis when REDIS_URL is set,
   * in the process otherwise (`SharedStateModule`).
   */
  redis: boolean;
  /**
   * Requires every non-public request to carry a caller signed by the gateway. True for the
   * services; the gateway authenticates API keys itself.
   */
  internalAuth: boolean;
  /** The service's own feature modules. */
  features: (config: C) => DynamicModule[];
}
