import { z } from 'zod';
import { booleanFromEnv, isCidr } from '@ains/platform';
import { parseDuration, parseDurationList } from './delivery/retry-schedule';

const duration = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((text, context) => {
      const ms = parseDuration(text);
      if (ms === undefined) context.addIssue({ code: 'custom', message: 'must be a duration such as 250ms, 5s, 30m, 2h or 5d' });
      return ms ?? 0;
    });

const list = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((text) =>
      text
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    );

/** The webhook-service's own settings; docs/webhook-service.md explains each. */
export const WebhookConfig = {
  /** Base64 of 32 bytes; without it the key is derived from INTERNAL_AUTH_SECRET (see the docs). */
  WEBHOOK_SECRET_KEY: z
    .string()
    .refine((value) => Buffer.from(value, 'base64').length === 32, { message: 'must be 32 bytes in base64' })
    .optional(),
  WEBHOOK_ALLOW_PRIVATE_DESTINATIONS: booleanFromEnv.default(false),
  WEBHOOK_ALLOWED_CIDRS: list('').refine((cidrs) => cidrs.every(isCidr), { message: 'must be a comma-separated list of CIDR ranges' }),
  WEBHOOK_RETRY_SCHEDULE: z
    .string()
    .default('5s,5m,30m,2h,5h,10h,10h')
    .transform((text, context) => {
      const schedule = parseDurationList(text);
      if (!schedule || schedule.length > 50) context.addIssue({ code: 'custom', message: 'must be a comma-separated list of at most 50 durations' });
      return schedule ?? [];
    }),
  WEBHOOK_RETRY_JITTER: z.coerce.number().min(0).max(1).default(0.2),
  WEBHOOK_ATTEMPT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  WEBHOOK_ENDPOINT_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(4),
  WEBHOOK_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(1_000).default(64),
  WEBHOOK_POLL_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(5_000),
  WEBHOOK_DISABLE_AFTER: duration('5d'),
  WEBHOOK_RESPONSE_BODY_MAX_BYTES: z.coerce.number().int().min(0).max(65_536).default(4_096),
  WEBHOOK_DELIVERY_RETENTION: duration('30d'),
};

export type WebhookSettings = z.infer<z.ZodObject<typeof WebhookConfig>> & { INTERNAL_AUTH_SECRET: string; DATABASE_URL: string };

export const WEBHOOK_SETTINGS = Symbol('WEBHOOK_SETTINGS');
export const DESTINATION_POLICY = Symbol('DESTINATION_POLICY');
