import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { Logger } from 'pino';
import { ConfigValidationError, INTERNAL_AUTH_SECRET, InternalAuthGuard, PlatformModule, SharedStateModule } from '@ains/platform';
import { PersistenceModule } from '@ains/persistence';
import { MessagingModule, type KafkaSettings } from '@ains/messaging';
import type { BaseServiceSettings, ServiceDefinition } from './service-definition';

@Module({})
class ServiceRootModule {}

/** Composes a service's root module: platform, its schema, Kafka and shared state as it needs them, its features. */
export function createServiceModule<C extends BaseServiceSettings>(definition: ServiceDefinition<C>, config: C, logger: Logger): DynamicModule {
  const imports: DynamicModule[] = [
    PlatformModule.forRoot({ service: definition.name, logger, config }),
    PersistenceModule.forRoot({
      url: config.DATABASE_URL,
      schema: definition.schema,
      applicationName: definition.name,
      entities: definition.entities,
      migrations: definition.migrations,
      poolSize: config.DATABASE_POOL_SIZE,
      migrationsRun: config.MIGRATIONS_RUN ?? config.NODE_ENV !== 'production',
    }),
  ];
  if (definition.kafka) {
    imports.push(
      MessagingModule.forRoot({
        service: definition.name,
        schema: definition.schema,
        transport: config.EVENT_TRANSPORT === 'in-process' ? { kind: 'in-process' } : { kind: 'kafka', kafka: kafkaSettingsOf(definition.name, config), provisionTopics: true },
        databaseUrl: config.DATABASE_URL,
        outboxPollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS ?? 5_000,
        consumerMaxAttempts: config.CONSUMER_MAX_ATTEMPTS ?? 3,
        consumerMaxBatchSize: config.CONSUMER_MAX_BATCH_SIZE ?? 500,
        consumerGroup: definition.consumes ? consumerGroupOf(definition.name, config) : undefined,
      }),
    );
  }
  if (definition.redis) {
    if (!config.REDIS_URL) {
      const level = config.NODE_ENV === 'production' ? 'warn' : 'info';
      logger[level]('REDIS_URL is not set: caches, rate limits and lockouts are kept in this process, not shared with other instances');
    }
    imports.push(SharedStateModule.forRoot(config.REDIS_URL));
  }
  imports.push(...definition.features(config));
  const providers = definition.internalAuth
    ? [
        { provide: INTERNAL_AUTH_SECRET, useValue: config.INTERNAL_AUTH_SECRET },
        { provide: APP_GUARD, useClass: InternalAuthGuard },
      ]
    : [];
  return { module: ServiceRootModule, imports, providers };
}

export function kafkaSettingsOf(service: string, config: BaseServiceSettings): KafkaSettings {
  if (!config.KAFKA_BROKERS) throw new ConfigValidationError([`KAFKA_BROKERS: ${service} needs it when EVENT_TRANSPORT is kafka`]);
  return {
    brokers: config.KAFKA_BROKERS,
    clientId: config.KAFKA_CLIENT_ID ?? service,
    topicPartitions: config.KAFKA_TOPIC_PARTITIONS ?? 3,
    replicationFactor: config.KAFKA_REPLICATION_FACTOR ?? 1,
    partitionsConsumedConcurrently: config.KAFKA_PARTITIONS_CONSUMED_CONCURRENTLY ?? 3,
    fetchMinBytes: config.KAFKA_FETCH_MIN_BYTES ?? 1,
    fetchMaxWaitMs: config.KAFKA_FETCH_MAX_WAIT_MS ?? 5_000,
  };
}

/** The consumer group of a service's event handlers: its name, after the optional prefix. */
export function consumerGroupOf(service: string, config: BaseServiceSettings): string {
  return `${config.KAFKA_CONSUMER_GROUP_PREFIX ?? ''}${service}`;
}
