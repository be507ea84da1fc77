import { z } from 'zod';
import { ConfigFragments } from './fragments';
import { ConfigValidationError, loadConfig } from './load-config';

const schema = z.object({ ...ConfigFragments.runtime, ...ConfigFragments.http(8080), ...ConfigFragments.database, ...ConfigFragments.kafka, ...ConfigFragments.internalAuth });

describe('loadConfig', () => {
  it('applies defaults and converts types', () => {
    const config = loadConfig(schema, { DATABASE_URL: 'postgres://u@h:5432/db', KAFKA_BROKERS: 'a:9092, b:9092', MIGRATIONS_RUN: 'false', INTERNAL_AUTH_SECRET: 's'.repeat(32) });
    expect(config).toMatchObject({ PORT: 8080, NODE_ENV: 'development', EVENT_TRANSPORT: 'kafka', KAFKA_BROKERS: ['a:9092', 'b:9092'], MIGRATIONS_RUN: false, HTTP_BODY_LIMIT_BYTES: 1_048_576 });
  });

  it('names every invalid or missing variable in one error', () => {
    let error: unknown;
    try {
      loadConfig(schema, { PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(message).toMatch(/LOG_LEVEL/);
    expect(message).toMatch(/INTERNAL_AUTH_SECRET/);
  });

  it('takes REDIS_URL as optional, an empty one meaning unset, and checks it when given', () => {
    const withRedis = z.object(ConfigFragments.redis);
    expect(loadConfig(withRedis, {}).REDIS_URL).toBeUndefined();
    expect(loadConfig(withRedis, { REDIS_URL: '' }).REDIS_URL).toBeUndefined();
    expect(loadConfig(withRedis, { REDIS_URL: 'rediss://cache:6380/2' }).REDIS_URL).toBe('rediss://cache:6380/2');
    expect(() => loadConfig(withRedis, { REDIS_URL: 'http://cache' })).toThrow(/REDIS_URL: must be a redis:\/\/ URL/);
  });
});
