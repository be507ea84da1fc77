import ipaddr from 'ipaddr.js';
import { z } from 'zod';
import { UPSTREAMS, type Upstream } from '@ains/contracts';
import { ConfigFragments, booleanFromEnv } from '@ains/platform';
import { BaseServiceConfig } from '@ains/runtime';

/**
 * The gateway's configuration, validated at boot, and the settings type derived from it. Kept apart
 * from service.ts (the composition root) so the classes that read settings do not import the
 * module that wires them.
 */
const serviceUrl = (port: number) => z.url({ protocol: /^https?$/ }).default(`http://127.0.0.1:${port}`);
const int = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);
const timeout = z.coerce.number().int().min(100).max(600_000).optional();

export const GatewayConfig = z
  .object({
    ...BaseServiceConfig,
    ...ConfigFragments.http(8080),
    ...ConfigFragments.redis,
    TASK_SERVICE_URL: serviceUrl(8081),
    AGENT_SERVICE_URL: serviceUrl(8082),
    TRUST_SERVICE_URL: serviceUrl(8083),
    ROUTING_SERVICE_URL: serviceUrl(8084),
    SCHEDULER_SERVICE_URL: serviceUrl(8085),
    WEBHOOK_SERVICE_URL: serviceUrl(8086),
    UPSTREAM_TIMEOUT_MS: int(100, 600_000, 10_000),
    // The task service holds agents' claim requests open (long poll), so it gets longer by default.
    TASK_SERVICE_TIMEOUT_MS: int(100, 600_000, 35_000),
    AGENT_SERVICE_TIMEOUT_MS: timeout,
    TRUST_SERVICE_TIMEOUT_MS: timeout,
    ROUTING_SERVICE_TIMEOUT_MS: timeout,
    SCHEDULER_SERVICE_TIMEOUT_MS: timeout,
    WEBHOOK_SERVICE_TIMEOUT_MS: timeout,
    CIRCUIT_BREAKER_FAILURE_THRESHOLD: int(1, 1_000, 5),
    CIRCUIT_BREAKER_OPEN_SECONDS: int(1, 3_600, 10),

    /** Mixed into every key hash; keep it outside the database. Changing it invalidates every key. */
    API_KEY_PEPPER: z.string().min(32, 'must be at least 32 characters of secret').optional(),
    API_KEY_DEFAULT_RATE_LIMIT_PER_MINUTE: int(1, 100_000, 600),
    API_KEY_ROTATION_GRACE_SECONDS: int(0, 30 * 24 * 3_600, 3_600),
    API_KEY_CACHE_TTL_SECONDS: int(1, 86_400, 600),
    API_KEY_LOCAL_CACHE_TTL_MS: int(0, 1_000, 1_000),
    API_KEY_LOCAL_CACHE_MAX: int(1, 1_000_000, 10_000),
    BOOTSTRAP_ADMIN_API_KEY: z.string().regex(/^ains_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/, 'must be an API key in the ains_<16 hex>_<43 base64url> format').optional(),
    BOOTSTRAP_ADMIN_CLIENT_ID: z.string().min(1).max(128).default('ains-admin'),
    BOOTSTRAP_ADMIN_RATE_LIMIT_PER_MINUTE: int(1, 100_000, 6_000),

    /** Load balancers (addresses or CIDR ranges) whose X-Forwarded-For names the client address. */
    TRUSTED_PROXIES: z
      .string()
      .default('')
      .transform((value) => value.split(',').map((entry) => entry.trim()).filter(Boolean))
      .refine((entries) => entries.every((entry) => ipaddr.isValid(entry) || ipaddr.isValidCIDR(entry)), 'must be comma-separated IP addresses or CIDR ranges'),
    AUTH_FAILURE_WINDOW_SECONDS: int(1, 86_400, 300),
    AUTH_SLOWDOWN_AFTER_FAILURES: int(1, 10_000, 5),
    AUTH_SLOWDOWN_STEP_MS: int(0, 10_000, 250),
    AUTH_SLOWDOWN_MAX_MS: int(0, 30_000, 2_000),
    AUTH_LOCKOUT_AFTER_FAILURES: int(1, 100_000, 20),
    AUTH_LOCKOUT_SECONDS: int(1, 86_400, 900),

    /** Per-minute budget of an agent key's `agent:work` calls (at least the key's own limit); see docs/api-gateway.md. */
    AGENT_WORK_RATE_LIMIT_PER_MINUTE: int(1, 1_000_000, 6_000),
    RATE_LIMIT_REDIS_FAILURE_MODE: z.enum(['open', 'closed']).default('open'),
    REDIS_COMMAND_TIMEOUT_MS: int(10, 10_000, 250),
    /** Prefix of every Redis key and channel the gateway uses, so deployments can share a Redis. */
    REDIS_KEY_PREFIX: z.string().regex(/^[A-Za-z0-9:._-]{1,64}$/).default('ains:gw:'),

    MAX_JSON_DEPTH: int(1, 1_000, 32),
    MAX_JSON_STRING_LENGTH: int(1, 64 * 1024 * 1024, 65_536),
    CORS_ALLOWED_ORIGINS: z
      .string()
      .default('')
      .transform((value) => value.split(',').map((origin) => origin.trim()).filter(Boolean)),
    CORS_ALLOW_CREDENTIALS: booleanFromEnv.default(false),
  })
  .transform((config) => ({
    ...config,
    upstreams: Object.fromEntries(
      UPSTREAMS.map((upstream) => {
        const name = upstream.toUpperCase() as Uppercase<Upstream>;
        return [upstream, { url: config[`${name}_SERVICE_URL`], timeoutMs: config[`${name}_SERVICE_TIMEOUT_MS`] ?? config.UPSTREAM_TIMEOUT_MS }];
      }),
    ) as Record<Upstream, UpstreamSettings>,
  }));

export interface UpstreamSettings {
  url: string;
  timeoutMs: number;
}

export type GatewaySettings = z.infer<typeof GatewayConfig>;
