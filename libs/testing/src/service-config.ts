import type { Caller } from '@ains/contracts';
import { signCaller } from '@ains/platform';
import { testEnv } from './test-env';

/** The internal secret services under test share with the tests that call them. */
export const TEST_INTERNAL_AUTH_SECRET = 'test-internal-auth-secret-0123456789abcdef';

/** Environment for a service under test: the test database, Redis and broker, quiet logs. */
export function serviceTestEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: testEnv.databaseUrl,
    REDIS_URL: testEnv.redisUrl,
    KAFKA_BROKERS: testEnv.kafkaBrokers.join(','),
    INTERNAL_AUTH_SECRET: TEST_INTERNAL_AUTH_SECRET,
    OUTBOX_POLL_INTERVAL_MS: '50',
    MIGRATIONS_RUN: 'true',
    ...overrides,
  };
}

/** A caller for tests; override what the test is about. */
export function testCaller(overrides: Partial<Caller> = {}): Caller {
  return { clientId: 'client-test', keyId: 'key-test', scopes: ['admin'], agentId: null, ...overrides };
}

/** Signed caller headers, as the gateway would add them, for `app.inject` calls to a service. */
export function callerHeaders(method: string, url: string, caller: Caller = testCaller()): Record<string, string> {
  return signCaller(caller, method, url, TEST_INTERNAL_AUTH_SECRET);
}
