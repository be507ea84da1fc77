import { z } from 'zod';
import { Topics } from '../topics';
import { isoTime, type EventDefinition } from './event-definition';

/** Basis points (0..10000): exact integers, never floating point drift. */
const scoreBp = () => z.int().min(0).max(10_000);
export const TrustTierSchema = z.enum(['excellent', 'good', 'average', 'below_average', 'poor']);

export const TrustEvents = {
  'ains.trust.score_changed.v1': {
    topic: Topics.trust,
    schema: z.object({
      agentId: z.uuid(),
      scoreBp: scoreBp(),
      previousScoreBp: scoreBp().nullable(),
      tier: TrustTierSchema,
      reason: z.string(),
      taskId: z.uuid().nullable(),
      changedAt: isoTime(),
    }),
  },
  'ains.trust.tier_changed.v1': {
    topic: Topics.trust,
    schema: z.object({ agentId: z.uuid(), tier: TrustTierSchema, previousTier: TrustTierSchema, scoreBp: scoreBp(), changedAt: isoTime() }),
  },
} as const satisfies Record<string, EventDefinition>;
