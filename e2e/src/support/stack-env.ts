/**
 * The stack the end-to-end suite starts: its own database, Redis database and ports, so it never
 * touches a development stack running on the same machine.
 */
export const E2E_PORT_BASE = Number(process.env.E2E_PORT_BASE ?? 18_080);

export const e2eEnv = {
  AINS_PORT_BASE: String(E2E_PORT_BASE),
  AINS_STACK_DIR: '.data/stack-e2e',
  DATABASE_URL: process.env.E2E_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ains_e2e',
  REDIS_URL: process.env.E2E_REDIS_URL ?? 'redis://127.0.0.1:6379/14',
  LOG_LEVEL: 'info',
  OUTBOX_POLL_INTERVAL_MS: '100',
};

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
