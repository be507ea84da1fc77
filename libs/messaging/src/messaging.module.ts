import { Global, Inject, Module, type BeforeApplicationShutdown, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit, type Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { LOGGER, MetricsService, ReadinessRegistry } from '@ains/platform';
import { createKafkaClient, type KafkaSettings } from './kafka/kafka-settings';
import { KafkaPublisher } from './kafka/kafka-publisher';
import { provisionTopics } from './kafka/topic-provisioner';
import { ConsumerLagProbe, exportConsumerLag } from './kafka/consumer-lag';
import { EventPublisher } from './event-publisher';
import { InProcessPublisher } from './in-process/in-process-publisher';
import { inProcessEventBus } from './in-process/in-process-event-bus';
import { OutboxWriter } from './outbox/outbox.writer';
import { OutboxRelay } from './outbox/outbox.relay';
import { InboxProcessor } from './inbox/inbox.processor';
import { TransactionRunner } from './transaction-runner';

export type EventTransport = { kind: 'kafka'; kafka: KafkaSettings; provisionTopics: boolean } | { kind: 'in-process' };

export interface MessagingModuleOptions {
  service: string;
  schema: string;
  transport: EventTransport;
  outboxPollIntervalMs: number;
  consumerMaxAttempts: number;
  /** The consumer group of the service's event handlers, when it has any: its lag is exported. */
  consumerGroup?: string;
}

const OPTIONS = Symbol('MESSAGING_OPTIONS');

/** How long a scrape waits for the brokers to tell the consumer lag. */
const CONSUMER_LAG_TIMEOUT_MS = 2_000;

class MessagingLifecycle implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private lagProbe: ConsumerLagProbe | undefined;

  constructor(
    @Inject(OPTIONS) private readonly options: MessagingModuleOptions,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly publisher: EventPublisher,
    private readonly relay: OutboxRelay,
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

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.publisher.disconnect(), this.lagProbe?.close()]);
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
    return {
      module: MessagingModule,
      providers: [
        { provide: OPTIONS, useValue: options },
        publisherProvider(options.transport),
        { provide: OutboxWriter, useFactory: () => new OutboxWriter(options.schema, `/ains/${options.service}`) },
        {
          provide: OutboxRelay,
          useFactory: (dataSource: DataSource, publisher: EventPublisher, logger: Logger) =>
            new OutboxRelay(dataSource, publisher, { schema: options.schema, pollIntervalMs: options.outboxPollIntervalMs, batchSize: 200, retentionMs: 3_600_000 }, logger.child({ component: 'outbox-relay' })),
          inject: [getDataSourceToken(), EventPublisher, LOGGER],
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
      exports: [EventPublisher, OutboxWriter, OutboxRelay, InboxProcessor, TransactionRunner],
    };
  }
}
