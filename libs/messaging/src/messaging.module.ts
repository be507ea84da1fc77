import { randomUUID } from 'node:crypto';
import { Global, Inject, Module, type BeforeApplicationShutdown, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit, type Provider } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { LOGGER, MetricsService, ReadinessRegistry } from '@ains/platform';
import { PgNotificationListener } from '@ains/persistence';
import { createKafkaClient, type KafkaSettings } from './kafka/kafka-settings';
import { KafkaPublisher } from './kafka/kafka-publisher';
import { provisionTopics } from './kafka/topic-provisioner';
import { ConsumerLagProbe, exportConsumerLag } from './kafka/consumer-lag';
import { EventPublisher } from './event-publisher';
import { InProcessPublisher } from './in-process/in-process-publisher';
import { inProcessEventBus, topicRuns } from './in-process/in-process-event-bus';
import { OutboxWriter } from './outbox/outbox.writer';
import { OutboxRelay } from './outbox/outbox.relay';
import { InboxProcessor, type ConsumedMessage } from './inbox/inbox.processor';
import { EventConsumer } from './inbox/event-consumer';
import { KafkaEventConsumer } from './kafka/kafka-event-consumer';
import { TransactionRunner } from './transaction-runner';

export type EventTransport = { kind: 'kafka'; kafka: KafkaSettings; provisionTopics: boolean } | { kind: 'in-process' };

export interface MessagingModuleOptions {
  service: string;
  schema: string;
  transport: EventTransport;
  /** Where the outbox relay listens for other replicas' commits. */
  databaseUrl: string;
  /** The relay's safety-net poll. */
  outboxPollIntervalMs: number;
  consumerMaxAttempts: number;
  /** The most events one consumer transaction applies. */
  consumerMaxBatchSize: number;
  /**
   * The consumer group that feeds the service's EventConsumer providers, when it consumes; without
   * it the consumers are registered with the inbox but nothing is subscribed (tests feed them).
   */
  consumerGroup?: string;
}

const OPTIONS = Symbol('MESSAGING_OPTIONS');

/** How long a scrape waits for the brokers to tell the consumer lag. */
const CONSUMER_LAG_TIMEOUT_MS = 2_000;

class MessagingLifecycle implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private lagProbe: ConsumerLagProbe | undefined;
  private kafkaConsumer: KafkaEventConsumer | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(
    @Inject(OPTIONS) private readonly options: MessagingModuleOptions,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly publisher: EventPublisher,
    private readonly relay: OutboxRelay,
    private readonly listener: PgNotificationListener,
    private readonly inbox: InboxProcessor,
    private readonly discovery: DiscoveryService,
    private readonly readiness: ReadinessRegistry,
    private readonly metrics: MetricsService,
  ) {}

  async onModuleInit(): Promise<void> {
    const { transport } = this.options;
    this.readiness.register(transport.kind === 'kafka' ? 'kafka' : 'events', () => this.publisher.ping());
    const relay = this.relay;
    this.metrics.gauge({
      name: 'ains_outbox_backlog',
      help: 'Events committed to the outbox and not yet published.',
      async collect() {
        this.set(await relay.countBacklog().catch(() => -1));
      },
    });
    this.metrics.counter({
      name: 'ains_outbox_relay_rounds_total',
      help: 'Publishing rounds of the outbox relay, by what woke it.',
      labelNames: ['trigger'],
      collect() {
        // The relay keeps the running totals; the counter mirrors them at each scrape.
        this.reset();
        for (const [trigger, rounds] of Object.entries(relay.rounds)) this.inc({ trigger }, rounds);
      },
    });
    // In process there is no lag to report: the bus hands each event to every group before the
    // relay marks it published, so whatever is not consumed yet is in ains_outbox_backlog.
    if (transport.kind === 'kafka' && this.options.consumerGroup) {
      this.lagProbe = new ConsumerLagProbe(createKafkaClient(transport.kafka, this.logger), this.options.consumerGroup, CONSUMER_LAG_TIMEOUT_MS);
      exportConsumerLag(this.metrics, this.lagProbe, this.logger);
    }
    if (transport.kind === 'kafka' && transport.provisionTopics) {
      const created = await provisionTopics(createKafkaClient(transport.kafka, this.logger), {
        partitions: transport.kafka.topicPartitions,
        replicationFactor: transport.kafka.replicationFactor,
      });
      if (created.length > 0) this.logger.info({ topics: created }, 'created kafka topics');
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    const consumers = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is EventConsumer => instance instanceof EventConsumer);
    this.inbox.use(consumers);
    await this.listener.start();
    this.relay.start();
    if (this.options.consumerGroup && consumers.length > 0) await this.consume(this.options.consumerGroup);
  }

  /** Consumers stop first (finishing the batch in hand), then the relay publishes what they wrote. */
  async beforeApplicationShutdown(): Promise<void> {
    this.unsubscribe?.();
    await this.kafkaConsumer?.stop();
    await this.relay.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.publisher.disconnect(), this.lagProbe?.close(), this.listener.stop()]);
  }

  private async consume(group: string): Promise<void> {
    const { transport } = this.options;
    if (transport.kind === 'in-process') {
      let offset = 0;
      this.unsubscribe = inProcessEventBus().subscribe(group, this.inbox.topics(), async (messages) => {
        for (const run of topicRuns(messages)) {
          const batch = run.map((message): ConsumedMessage => ({ topic: message.topic, partition: 0, offset: String(offset++), key: message.key, headers: message.headers, value: message.value }));
          await this.inbox.processBatch(batch);
        }
      });
      return;
    }
    const consumer = new KafkaEventConsumer(
      createKafkaClient({ ...transport.kafka, clientId: `${transport.kafka.clientId}-consumer` }, this.logger),
      this.inbox,
      {
        groupId: group,
        partitionsConsumedConcurrently: transport.kafka.partitionsConsumedConcurrently,
        maxBatchSize: this.options.consumerMaxBatchSize,
        fetchMinBytes: transport.kafka.fetchMinBytes,
        fetchMaxWaitMs: transport.kafka.fetchMaxWaitMs,
      },
      this.logger.child({ component: 'consumer' }),
    );
    await consumer.start(this.inbox.topics());
    this.kafkaConsumer = consumer;
    this.readiness.register('kafka-consumer', () => consumer.assertStable());
  }
}

function publisherProvider(transport: EventTransport): Provider {
  return {
    provide: EventPublisher,
    useFactory: (logger: Logger) =>
      transport.kind === 'kafka' ? new KafkaPublisher(createKafkaClient(transport.kafka, logger), logger) : new InProcessPublisher(inProcessEventBus()),
    inject: [LOGGER],
  };
}

/** The event publisher, transactional outbox with its relay, and the idempotent inbox for consumers. */
@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    // Names this process in the outbox's notifications, so its relay ignores its own echoes.
    const replicaId = randomUUID();
    return {
      module: MessagingModule,
      imports: [DiscoveryModule],
      providers: [
        { provide: OPTIONS, useValue: options },
        publisherProvider(options.transport),
        {
          provide: PgNotificationListener,
          useFactory: (logger: Logger) => new PgNotificationListener(options.databaseUrl, `${options.service}-listener`, logger.child({ component: 'pg-listener' })),
          inject: [LOGGER],
        },
        { provide: OutboxWriter, useFactory: () => new OutboxWriter(options.schema, `/ains/${options.service}`, replicaId) },
        {
          provide: OutboxRelay,
          useFactory: (dataSource: DataSource, publisher: EventPublisher, logger: Logger, listener: PgNotificationListener) =>
            new OutboxRelay(
              dataSource,
              publisher,
              { schema: options.schema, pollIntervalMs: options.outboxPollIntervalMs, batchSize: 500, retentionMs: 3_600_000, replicaId },
              logger.child({ component: 'outbox-relay' }),
              listener,
            ),
          inject: [getDataSourceToken(), EventPublisher, LOGGER, PgNotificationListener],
        },
        {
          provide: InboxProcessor,
          useFactory: (dataSource: DataSource, publisher: EventPublisher, logger: Logger, metrics: MetricsService, relay: OutboxRelay) =>
            new InboxProcessor(
              dataSource,
              publisher,
              { schema: options.schema, consumerGroup: options.service, maxAttempts: options.consumerMaxAttempts },
              logger.child({ component: 'inbox' }),
              metrics.counter({ name: 'ains_events_consumed_total', help: 'Events consumed, by type and outcome.', labelNames: ['event_type', 'outcome'] }),
              () => relay.wake(),
            ),
          inject: [getDataSourceToken(), EventPublisher, LOGGER, MetricsService, OutboxRelay],
        },
        {
          provide: TransactionRunner,
          useFactory: (dataSource: DataSource, relay: OutboxRelay) => new TransactionRunner(dataSource, () => relay.wake()),
          inject: [getDataSourceToken(), OutboxRelay],
        },
        MessagingLifecycle,
      ],
      exports: [EventPublisher, OutboxWriter, OutboxRelay, InboxProcessor, TransactionRunner, PgNotificationListener],
    };
  }
}
