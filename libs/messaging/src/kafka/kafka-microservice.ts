import { Transport, type KafkaContext, type MicroserviceOptions } from '@nestjs/microservices';
import type { Consumer } from 'kafkajs';
import { KAFKA_CLIENT_RETRY, type KafkaSettings } from './kafka-settings';
import type { ConsumedMessage } from '../inbox/inbox.processor';

/**
 * Options for the service's Kafka consumer (`@nestjs/microservices` Kafka transport). One consumer
 * group per service; a new group starts from the beginning, so no event published before its
 * first start is missed. Offsets are committed after a handler resolves (at least once).
 */
export function kafkaConsumerOptions(settings: KafkaSettings, groupId: string): MicroserviceOptions {
  return {
    transport: Transport.KAFKA,
    options: {
      postfixId: '',
      client: { clientId: `${settings.clientId}-consumer`, brokers: settings.brokers, retry: KAFKA_CLIENT_RETRY, connectionTimeout: 3_000 },
      consumer: { groupId, allowAutoTopicCreation: false, sessionTimeout: 30_000, heartbeatInterval: 3_000, retry: { retries: 10, initialRetryTime: 300, maxRetryTime: 5_000 } },
      subscribe: { fromBeginning: true },
      run: { autoCommit: true, autoCommitInterval: 1_000, partitionsConsumedConcurrently: settings.partitionsConsumedConcurrently },
      producerOnlyMode: false,
    },
  };
}

/** Adapts a Nest KafkaContext to what the inbox processor needs. */
export function consumedMessageOf(context: KafkaContext): ConsumedMessage {
  const message = context.getMessage();
  return {
    topic: context.getTopic(),
    partition: context.getPartition(),
    offset: message.offset,
    key: message.key === null || message.key === undefined ? null : String(message.key),
    headers: (message.headers ?? {}) as Record<string, unknown>,
    value: message.value,
    heartbeat: context.getHeartbeat(),
  };
}

/** Readiness of a Kafka consumer: its group has finished joining and owns its partitions. */
export async function assertConsumerGroupStable(consumer: Consumer): Promise<void> {
  const { state } = await consumer.describeGroup();
  if (state !== 'Stable') throw new Error(`consumer group is ${state}`);
}

