import { z } from 'zod';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

const commaSeparated = z
  .string()
  .min(1)
  .transform((value) => value.split(',').map((part) => part.trim()).filter(Boolean));

/** Reusable groups of settings; each app composes the ones it needs into its own schema. */
export const ConfigFragments = {
  runtime: {
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(300_000).default(25_000),
  },
  http: (defaultPort: number) => ({
    HOST: z.string().default('0.0.0.0'),
    PORT: z.coerce.number().int().min(1).max(65_535).default(defaultPort),
    HTTP_BODY_LIMIT_BYTES: z.coerce.number().int().min(1_024).max(64 * 1024 * 1024).default(1024 * 1024),
    /** A client must send all its headers within this time, else 408. */
    HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
    /** A client must send the whole request (headers and body) within this time, else 408. */
    HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
    /** An idle keep-alive connection is closed after this time. */
    HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(72_000),
    /** Size limit of all request headers together, else 431. */
    HTTP_MAX_HEADER_BYTES: z.coerce.number().int().min(1_024).max(1024 * 1024).default(16 * 1024),
    /** Open connections a server accepts at once; further ones are closed straight away. */
    HTTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
  }),
  database: {
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    /** Run pending migrations at start-up; convenient in development, a separate job in production. */
    MIGRATIONS_RUN: booleanFromEnv.optional(),
  },
  kafka: {
    /** `kafka` (default) or `in-process`, the single-process mode's bus; Kafka needs KAFKA_BROKERS. */
    EVENT_TRANSPORT: z.enum(['kafka', 'in-process']).default('kafka'),
    KAFKA_BROKERS: commaSeparated.optional(),
    KAFKA_CLIENT_ID: z.string().min(1).optional(),
    /** Prepended to the consumer group (the service name), so several stacks can share one broker. */
    KAFKA_CONSUMER_GROUP_PREFIX: z.string().regex(/^[A-Za-z0-9._-]*$/).default(''),
    KAFKA_TOPIC_PARTITIONS: z.coerce.number().int().min(1).max(1_000).default(3),
    KAFKA_REPLICATION_FACTOR: z.coerce.number().int().min(1).max(7).default(1),
    /** Partitions a consumer handles at once; order within each partition is kept either way. */
    KAFKA_PARTITIONS_CONSUMED_CONCURRENTLY: z.coerce.number().int().min(1).max(64).default(3),
    KAFKA_FETCH_MIN_BYTES: z.coerce.number().int().min(1).max(10_485_760).default(1),
    KAFKA_FETCH_MAX_WAIT_MS: z.coerce.number().int().min(0).max(30_000).default(5_000),
    OUTBOX_POLL_INTERVAL_MS: z.coerce.number().int().min(10).max(600_000).default(5_000),
    CONSUMER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3),
    CONSUMER_MAX_BATCH_SIZE: z.coerce.number().int().min(1).max(5_000).default(500),
  },
  /** Shared by the gateway (signs) and the services (verify) to authenticate forwarded callers. */
  internalAuth: {
    INTERNAL_AUTH_SECRET: z.string().min(32, 'must be at least 32 characters of secret'),
  },
  redis: {
    /**
     * Where caches, counters and rate limits are shared by a service's instances. Unset (or
     * empty), they are kept in the process: right for one instance, not for several.
     */
    REDIS_URL: z.preprocess((value) => (value === '' ? undefined : value), z.url({ protocol: /^rediss?$/, error: 'must be a redis:// URL' }).optional()),
  },
} as const;

export { booleanFromEnv, commaSeparated };
