import type { Kafka, Producer, Admin, Message } from 'kafkajs';
import type { Logger } from 'pino';
import { EventPublisher, type OutgoingMessage } from '../event-publisher';

/**
 * The service's one Kafka producer: idempotent, acks from all in-sync replicas, no topic
 * auto-creation. Connects lazily, so a service starts (and keeps its outbox) while Kafka is down.
 */
export class KafkaPublisher extends EventPublisher {
  private readonly producer: Producer;
  private readonly admin: Admin;
  private connecting: Promise<void> | undefined;

  constructor(
    kafka: Kafka,
    private readonly logger: Logger,
  ) {
    super();
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    this.admin = kafka.admin();
    this.producer.on(this.producer.events.DISCONNECT, () => {
      this.connecting = undefined;
    });
  }

  async send(messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.connect();
    const byTopic = new Map<string, Message[]>();
    for (const message of messages) {
      const list = byTopic.get(message.topic) ?? [];
      list.push({ key: message.key, value: message.value, headers: message.headers });
      byTopic.set(message.topic, list);
    }
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic.entries()].map(([topic, topicMessages]) => ({ topic, messages: topicMessages })),
    });
  }

  /** Readiness: the cluster answers a metadata request. */
  async ping(): Promise<void> {
    await this.admin.connect();
    await this.admin.describeCluster();
  }

  async disconnect(): Promise<void> {
    await Promise.allSettled([this.producer.disconnect(), this.admin.disconnect()]);
  }

  private connect(): Promise<void> {
    this.connecting ??= this.producer.connect().catch((error: unknown) => {
      this.connecting = undefined;
      this.logger.warn({ err: error }, 'kafka producer could not connect');
      throw error;
    });
    return this.connecting;
  }
}
