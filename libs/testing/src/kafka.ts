import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer, type KafkaMessage } from 'kafkajs';
import { testEnv } from './test-env';

export function testKafka(): Kafka {
  return new Kafka({ clientId: `ains-test-${process.pid}`, brokers: testEnv.kafkaBrokers, logLevel: logLevel.NOTHING });
}

export interface ReceivedMessage {
  topic: string;
  partition: number;
  key: string | null;
  headers: Record<string, string>;
  value: string | null;
}

/**
 * Records every message on the given topics from the beginning, with a consumer group of its own,
 * so a test can wait for the messages it caused without racing the producer.
 */
export class TopicRecorder {
  readonly messages: ReceivedMessage[] = [];
  private consumer: Consumer | undefined;

  constructor(private readonly topics: string[]) {}

  async start(): Promise<this> {
    this.consumer = testKafka().consumer({ groupId: `ains-test-recorder-${randomUUID()}` });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.topics, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        this.messages.push(toReceived(topic, partition, message));
      },
    });
    return this;
  }

  find(predicate: (message: ReceivedMessage) => boolean): ReceivedMessage[] {
    return this.messages.filter(predicate);
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

function toReceived(topic: string, partition: number, message: KafkaMessage): ReceivedMessage {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.map(String).join(',') : String(value);
  }
  return { topic, partition, key: message.key?.toString() ?? null, headers, value: message.value?.toString() ?? null };
}
