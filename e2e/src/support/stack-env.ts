import { createHash } from 'node:crypto';

/**
 * The stack the end-to-end suite starts: its own database, Redis database and ports, so it never
 * touches a development stack running on the same machine.
 */
export const E2E_PORT_BASE = Number(process.env.E2E_PORT_BASE ?? 18_080);

/** `distributed` (seven processes, Kafka) or `standalone` (`npm start`: one process, embedded PostgreSQL). */
export const E2E_MODE = process.env.E2E_MODE === 'standalone' ? 'standalone' : 'distributed';

/**
 * The admin API key the gateway installs at start (BOOTSTRAP_ADMIN_API_KEY): fixed per port base,
 * so the global setup, which starts the stack, and every spec file agree on it.
 */
const E2E_ADMIN_API_KEY = `ains_e2e0${E2E_PORT_BASE.toString(16).padStart(12, '0')}_${createHash('sha256').update(`ains-e2e-admin-${E2E_PORT_BASE}`).digest('base64url')}`;

/** One id per suite run (global setup and the tests share it through the environment). */
const RUN_ID = (process.env.E2E_RUN_ID ??= Date.now().toString(36));

export const e2eEnv = {
  AINS_PORT_BASE: String(E2E_PORT_BASE),
  AINS_STACK_DIR: `.data/stack-e2e-${E2E_PORT_BASE}`,
  // Consumer groups of their own, new on every run: another stack on the same broker never takes
  // this one's partitions. New groups read the topics from the beginning; `npm test` gives the
  // suite a freshly reset broker, so that is only this run's events.
  KAFKA_CONSUMER_GROUP_PREFIX: `e2e-${E2E_PORT_BASE}-${RUN_ID}-`,
  DATABASE_URL: process.env.E2E_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ains_e2e',
  REDIS_URL: process.env.E2E_REDIS_URL ?? 'redis://127.0.0.1:6379/14',
  LOG_LEVEL: 'info',
  OUTBOX_POLL_INTERVAL_MS: '100',
  // Traces go to the suite's own OTLP collector (support/otlp-collector.ts), exported quickly.
  OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${E2E_PORT_BASE + 9}`,
  OTEL_BSP_SCHEDULE_DELAY: '200',
  // Every trace the suite starts is kept (the default keeps a share of new ones).
  OTEL_TRACES_SAMPLER: 'parentbased_always_on',
  BOOTSTRAP_ADMIN_API_KEY: E2E_ADMIN_API_KEY,
  BOOTSTRAP_ADMIN_CLIENT_ID: 'e2e-admin',
  // The whole suite shares this key, polling included: never let the rate limit interfere.
  BOOTSTRAP_ADMIN_RATE_LIMIT_PER_MINUTE: '100000',
  // Webhook receivers in the specs listen on 127.0.0.1: open exactly that address, nothing else private.
  WEBHOOK_ALLOWED_CIDRS: '127.0.0.1/32',
  // Short enough for the slow-client spec to watch them fire; every honest request is sent at once.
  HTTP_HEADERS_TIMEOUT_MS: '3000',
  HTTP_REQUEST_TIMEOUT_MS: '5000',
};

export const otlpCollectorUrl = `http://127.0.0.1:${E2E_PORT_BASE + 9}`;

export const SERVICE_PORTS = {
  'api-gateway': E2E_PORT_BASE,
  'task-service': E2E_PORT_BASE + 1,
  'agent-service': E2E_PORT_BASE + 2,
  'trust-service': E2E_PORT_BASE + 3,
  'routing-service': E2E_PORT_BASE + 4,
  'scheduler-service': E2E_PORT_BASE + 5,
  'webhook-service': E2E_PORT_BASE + 6,
} as const;

export const gatewayUrl = `http://127.0.0.1:${E2E_PORT_BASE}`;
