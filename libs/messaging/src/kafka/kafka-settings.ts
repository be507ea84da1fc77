import { Kafka, logLevel, type LogEntry, type logCreator } from 'kafkajs';
import type { Logger } from 'pino';

export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  topicPartitions: number;
  replicationFactor: number;
  /** Partitions the consumer handles at once (kafkajs `partitionsConsumedConcurrently`). */
  partitionsConsumedConcurrently: number;
  /**
   * A fetch returns once this many bytes are waiting, or after `fetchMaxWaitMs` (kafkajs `minBytes`
   * and `maxWaitTimeInMs`): more than 1 lets a busy broker gather batches at the cost of latency.
   */
  fetchMinBytes: number;
  fetchMaxWaitMs: number;
}

/** Short client-side retries: the outbox relay and the consumers do their own longer retrying. */
export const KAFKA_CLIENT_RETRY = { retries: 5, initialRetryTime: 200, maxRetryTime: 3_000 } as const;

export function createKafkaClient(settings: Pick<KafkaSettings, 'brokers' | 'clientId'>, logger: Logger): Kafka {
  return new Kafka({
    clientId: settings.clientId,
    brokers: settings.brokers,
    retry: KAFKA_CLIENT_RETRY,
    connectionTimeout: 3_000,
    logLevel: logLevel.WARN,
    logCreator: pinoLogCreator(logger),
  });
}

function pinoLogCreator(logger: Logger): logCreator {
  const child = logger.child({ component: 'kafkajs' });
  return () =>
    ({ level, log }: LogEntry) => {
      const { message, ...extra } = log;
      if (level <= logLevel.ERROR) child.error(extra, message);
      else if (level === logLevel.WARN) child.warn(extra, message);
      else child.debug(extra, message);
    };
}
