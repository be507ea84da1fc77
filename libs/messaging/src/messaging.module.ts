import { Global, Inject, Module, type BeforeApplicationShutdown, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { LOGGER, MetricsService, ReadinessRegistry } from '@ains/platform';
import { createKafkaClient, type KafkaSettings } from './kafka/kafka-settings';
import { KafkaPublisher } from './kafka/kafka-publisher';
import { provisionTopics } from './kafka/topic-provisioner';
import { OutboxWriter } from './outbox/outbox.writer';
import { OutboxRelay } from './outbox/outbox.relay';
import { InboxProcessor } from './inbox/inbox.processor';
import { TransactionRunner } from './transaction-runner';

export interface MessagingModuleOptions {
  service: string;
  schema: string;
  kafka: KafkaSettings;
  outboxPollIntervalMs: number;
  consumerMaxAttempts: number;
  /** Create missing topics at start-up. */
  provisionTopics: boolean;
}

export const KAFKA_CLIENT = Symbol('KAFKA_CLIENT');
const OPTIONS = Symbol('MESSAGING_OPTIONS');

class MessagingLifecycle implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    @Inject(OPTIONS) private readonly options: MessagingModuleOptions,
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly publisher: KafkaPublisher,
    private readonly relay: OutboxRelay,
    private readonly readiness: ReadinessRegistry,
    private readonly metrics: MetricsService,
  ) {}

  async onModuleInit(): Promise<void> {
    this.readiness.register('kafka', () => this.publisher.ping());
    const relay = this.relay;
    this.metrics.gauge({
      name: 'ains_outbox_backlog',
      help: 'Events committed to the outbox and not yet published to Kafka.',
      async collect() {
        this.set(await relay.countBacklog().catch(() => -1));
      },
    });
    if (this.options.provisionTopics) {
      const created = await provisionTopics(this.kafka, { partitions: this.options.kafka.topicPartitions, replicationFactor: this.options.kafka.replicationFactor });
      if (created.length > 0) this.logger.info({ topics: created }, 'created kafka topics');
    }
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.publisher.disconnect();
  }
}

/** Kafka producer, transactional outbox with its relay, and the idempotent inbox for consumers. */
@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        { provide: OPTIONS, useValue: options },
        { provide: KAFKA_CLIENT, useFactory: (logger: Logger) => createKafkaClient(options.kafka, logger), inject: [LOGGER] },
        { provide: KafkaPublisher, useFactory: (kafka: Kafka, logger: Logger) => new KafkaPublisher(kafka, logger), inject: [KAFKA_CLIENT, LOGGER] },
        { provide: OutboxWriter, useFactory: () => new OutboxWriter(options.schema, `/ains/${options.service}`) },
        {
          provide: OutboxRelay,
          useFactory: (dataSource: DataSource, publisher: KafkaPublisher, logger: Logger) =>
            new OutboxRelay(dataSource, publisher, { schema: options.schema, pollIntervalMs: options.outboxPollIntervalMs, batchSize: 200, retentionMs: 3_600_000 }, logger.child({ component: 'outbox-relay' })),
          inject: [getDataSourceToken(), KafkaPublisher, LOGGER],
        },
        {
          provide: InboxProcessor,
          useFactory: (dataSource: DataSource, publisher: KafkaPublisher, logger: Logger, metrics: MetricsService, relay: OutboxRelay) =>
            new InboxProcessor(
              dataSource,
              publisher,
              { schema: options.schema, consumerGroup: options.service, maxAttempts: options.consumerMaxAttempts },
              logger.child({ component: 'inbox' }),
              metrics.counter({ name: 'ains_events_consumed_total', help: 'Events consumed, by type and outcome.', labelNames: ['event_type', 'outcome'] }),
              () => relay.wake(),
            ),
          inject: [getDataSourceToken(), KafkaPublisher, LOGGER, MetricsService, OutboxRelay],
        },
        {
          provide: TransactionRunner,
          useFactory: (dataSource: DataSource, relay: OutboxRelay) => new TransactionRunner(dataSource, () => relay.wake()),
          inject: [getDataSourceToken(), OutboxRelay],
        },
        MessagingLifecycle,
      ],
      exports: [KAFKA_CLIENT, KafkaPublisher, OutboxWriter, OutboxRelay, InboxProcessor, TransactionRunner],
    };
  }
}
