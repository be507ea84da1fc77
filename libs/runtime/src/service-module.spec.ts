import { ConfigValidationError } from '@ains/platform';
import { kafkaSettingsOf } from './service-module';
import type { BaseServiceSettings } from './service-definition';

const base = { NODE_ENV: 'test', LOG_LEVEL: 'silent', SHUTDOWN_TIMEOUT_MS: 1_000, DATABASE_URL: 'postgres://x@y/z', DATABASE_POOL_SIZE: 1, INTERNAL_AUTH_SECRET: 's'.repeat(32), HOST: '127.0.0.1', PORT: 1, HTTP_BODY_LIMIT_BYTES: 1_024, HTTP_HEADERS_TIMEOUT_MS: 10_000, HTTP_REQUEST_TIMEOUT_MS: 30_000, HTTP_KEEP_ALIVE_TIMEOUT_MS: 72_000, HTTP_MAX_HEADER_BYTES: 16_384, HTTP_MAX_CONNECTIONS: 100 } as BaseServiceSettings;

describe('kafkaSettingsOf', () => {
  it('names the missing broker list as a configuration error', () => {
    expect(() => kafkaSettingsOf('trust-service', base)).toThrow(ConfigValidationError);
    expect(() => kafkaSettingsOf('trust-service', base)).toThrow(/KAFKA_BROKERS: trust-service needs it/);
  });

  it('defaults the client id to the service name and keeps the topic layout', () => {
    const settings = kafkaSettingsOf('trust-service', { ...base, KAFKA_BROKERS: ['k:9092'], KAFKA_TOPIC_PARTITIONS: 6, KAFKA_REPLICATION_FACTOR: 3 });
    expect(settings).toEqual({ brokers: ['k:9092'], clientId: 'trust-service', topicPartitions: 6, replicationFactor: 3, partitionsConsumedConcurrently: 3, fetchMinBytes: 1, fetchMaxWaitMs: 5_000 });
  });
});
