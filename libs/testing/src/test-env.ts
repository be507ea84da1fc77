/**
 * Where the real test dependencies are. Defaults match the local development services and the
 * broker started by tools/kafka; CI and other machines override them with the same variables.
 */
export const testEnv = {
  databaseUrl: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ains_test',
  redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/15',
  kafkaBrokers: (process.env.TEST_KAFKA_BROKERS ?? process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
};
