import type { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import type { Logger } from 'pino';
import type { ConsumedMessage, InboxProcessor } from '../inbox/inbox.processor';

export interface KafkaEventConsumerSettings {
  groupId: string;
  /** Partitions handled at once; order within each partition is kept. */
  partitionsConsumedConcurrently: number;
  /** The most messages one transaction takes; a larger fetched batch is applied in slices. */
  maxBatchSize: number;
  fetchMinBytes: number;
  fetchMaxWaitMs: number;
}

/**
 * The service's consumer group: kafkajs `eachBatch`, each partition batch handed to the inbox in
 * slices of at most `maxBatchSize`, the offset of a slice resolved and committed only after the inbox
 * applied it (at least once). A new group starts from the beginning, so no event published before
 * its first start is missed.
 */
export class KafkaEventConsumer {
  private readonly consumer: Consumer;

  constructor(
    kafka: Kafka,
    private readonly inbox: InboxProcessor,
    private readonly settings: KafkaEventConsumerSettings,
    private readonly logger: Logger,
  ) {
    this.consumer = kafka.consumer({
      groupId: settings.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      retry: { retries: 10, initialRetryTime: 300, maxRetryTime: 5_000 },
      minBytes: settings.fetchMinBytes,
      maxWaitTimeInMs: settings.fetchMaxWaitMs,
    });
  }

  async start(topics: readonly string[]): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [...topics], fromBeginning: true });
    await this.consumer.run({
      partitionsConsumedConcurrently: this.settings.partitionsConsumedConcurrently,
      eachBatchAutoResolve: false,
      autoCommit: true,
      autoCommitInterval: 1_000,
      eachBatch: async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }) => {
        for (let start = 0; start < batch.messages.length; start += this.settings.maxBatchSize) {
          if (!isRunning() || isStale()) return;
          const slice = batch.messages.slice(start, start + this.settings.maxBatchSize);
          await this.inbox.processBatch(
            slice.map((message) => consumedMessage(batch.topic, batch.partition, message)),
            heartbeat,
          );
          resolveOffset(slice[slice.length - 1].offset);
          await commitOffsetsIfNecessary();
          await heartbeat();
        }
      },
    });
    this.logger.info({ groupId: this.settings.groupId, topics }, 'consuming events');
  }

  /** Readiness: the group has finished joining and owns its partitions. */
  async assertStable(): Promise<void> {
    const { state } = await this.consumer.describeGroup();
    if (state !== 'Stable') throw new Error(`consumer group is ${state}`);
  }

  /** Waits for the batch in hand, commits its offsets and leaves the group. */
  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}

function consumedMessage(topic: string, partition: number, message: KafkaMessage): ConsumedMessage {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key === null || message.key === undefined ? null : message.key.toString('utf8'),
    headers: (message.headers ?? {}) as Record<string, unknown>,
    value: message.value,
  };
}
