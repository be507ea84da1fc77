import { z } from 'zod';
import type { ApiOperation } from './api-operation';
import { PageQuery, pageOf, uuidParam } from './common.schemas';
import { TrustTierSchema } from '../events/trust.events';

/** A score in [0, 1] with at most four decimals (the service stores basis points). */
const exactScore = (min: number) =>
  z
    .number()
    .min(min)
    .max(1)
    .refine((value) => Math.abs(value * 10_000 - Math.round(value * 10_000)) < 1e-6, { message: 'must have at most 4 decimal places' });

const isoTime = () => z.iso.datetime({ offset: true });

/** One entry of an agent's audit trail. */
export const TrustChangeSchema = z.object({
  id: z.string(),
  event_type: z.string(),
  task_id: z.uuid().nullable(),
  delta: z.number(),
  score_before: z.number().nullable(),
  score_after: z.number(),
  reason: z.string(),
  /** The API key that made a manual override; null for automatic changes. */
  actor_key_id: z.string().nullable(),
  created_at: isoTime(),
});
export type TrustChangeView = z.infer<typeof TrustChangeSchema>;

export const TrustDetailSchema = z.object({
  agent_id: z.uuid(),
  score: z.number().min(0).max(1),
  tier: TrustTierSchema,
  /** Over the performance-bonus window (the last 100 finished tasks); null before the first. */
  success_rate: z.number().min(0).max(1).nullable(),
  window_tasks: z.int().min(0),
  tasks: z.object({ completed: z.int(), failed: z.int(), timed_out: z.int() }),
  recent_changes: z.array(TrustChangeSchema),
  updated_at: isoTime(),
});
export type TrustDetailView = z.infer<typeof TrustDetailSchema>;

export const TrustHistoryQuery = PageQuery.extend({
  /** Records at or after this time. */
  from: isoTime().optional(),
  /** Records before this time. */
  to: isoTime().optional(),
}).refine((query) => !query.from || !query.to || Date.parse(query.from) < Date.parse(query.to), { message: 'must be after from', path: ['to'] });
export type TrustHistoryQuery = z.infer<typeof TrustHistoryQuery>;

/** Score change over the last 24 hours, 7 days and 30 days (current score minus the score then). */
export const TrustTrendSchema = z.object({ change_24h: z.number(), change_7d: z.number(), change_30d: z.number() });

export const TrustHistorySchema = pageOf(TrustChangeSchema).extend({ trend: TrustTrendSchema });
export type TrustHistoryView = z.infer<typeof TrustHistorySchema>;

export const TrustOverrideBody = z
  .strictObject({
    /** Set the score to this value. */
    score: exactScore(0).optional(),
    /** Or shift it by this much (the result is clamped to [0, 1]). */
    delta: exactScore(-1).optional(),
    reason: z.string().trim().min(1).max(500),
  })
  .refine((body) => (body.score === undefined) !== (body.delta === undefined), { message: 'exactly one of score and delta is required', path: ['score'] });
export type TrustOverrideBody = z.infer<typeof TrustOverrideBody>;

export const LeaderboardQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(10),
  tier: TrustTierSchema.optional(),
  tag: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9][a-z0-9._:-]*$/, 'must be lowercase letters, digits and . _ : -')
    .optional(),
});
export type LeaderboardQuery = z.infer<typeof LeaderboardQuery>;

export const LeaderboardEntrySchema = z.object({
  rank: z.int().min(1),
  agent_id: z.uuid(),
  /** Null when trust-service has not seen the agent's registration. */
  display_name: z.string().nullable(),
  tags: z.array(z.string()),
  score: z.number().min(0).max(1),
  tier: TrustTierSchema,
  success_rate: z.number().min(0).max(1).nullable(),
});

export const LeaderboardSchema = z.object({
  data: z.array(LeaderboardEntrySchema),
  /** When this ranking was computed; it is cached for up to a minute. */
  generated_at: isoTime(),
});
export type LeaderboardView = z.infer<typeof LeaderboardSchema>;

export const TrustOperations: ApiOperation[] = [
  {
    operationId: 'getAgentTrust',
    method: 'GET',
    path: '/v1/agents/{id}/trust',
    upstream: 'trust',
    scopes: ['trust:read'],
    tag: 'Trust',
    summary: "Get an agent's trust score",
    description: 'Score, tier, success rate over the performance-bonus window, task counts and the last changes.',
    params: uuidParam(),
    responses: { 200: { description: 'The trust score.', schema: TrustDetailSchema } },
  },
  {
    operationId: 'getAgentTrustHistory',
    method: 'GET',
    path: '/v1/agents/{id}/trust/history',
    upstream: 'trust',
    scopes: ['trust:read'],
    tag: 'Trust',
    summary: "Page through an agent's trust audit trail",
    description: 'Records newest first, optionally within a time range, with the score trend over 24 hours, 7 days and 30 days.',
    params: uuidParam(),
    query: TrustHistoryQuery,
    responses: { 200: { description: 'A page of trust records and the trend.', schema: TrustHistorySchema } },
  },
  {
    operationId: 'overrideAgentTrust',
    method: 'POST',
    path: '/v1/agents/{id}/trust/override',
    upstream: 'trust',
    scopes: ['trust:admin'],
    tag: 'Trust',
    summary: "Set or shift an agent's trust score by hand",
    description: 'Exactly one of `score` and `delta`, with a mandatory reason; recorded in the audit trail with the API key that made it.',
    params: uuidParam(),
    body: TrustOverrideBody,
    responses: { 200: { description: 'The trust score after the override.', schema: TrustDetailSchema } },
  },
  {
    operationId: 'getTrustLeaderboard',
    method: 'GET',
    path: '/v1/trust/leaderboard',
    upstream: 'trust',
    scopes: ['trust:read'],
    tag: 'Trust',
    summary: 'The most trusted agents',
    description: 'Top agents by score, optionally of one tier or carrying one tag; deregistered agents are left out. Cached for one minute.',
    query: LeaderboardQuery,
    responses: { 200: { description: 'The ranking.', schema: LeaderboardSchema } },
  },
];
