import { testEnv } from './test-env';

/** Environment for a service under test: the test database, Redis and broker, quiet logs. */
export function serviceTestEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: testEnv.databaseUrl,
    REDIS_URL: testEnv.redisUrl,
    KAFKA_BROKERS: testEnv.kafkaBrokers.join(','),
    OUTBOX_POLL_INTERVAL_MS: '50',
    MIGRATIONS_RUN: 'true',
    ...overrides,
  };
}
