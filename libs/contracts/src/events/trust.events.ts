import { z } from 'zod';

export const TrustScoreChangedV1 = z.object({
  agentId: z.uuid(),
  /** Score in basis points (0..10000): exact integers, never floating point drift. */
  scoreBp: z.int().min(0).max(10_000),
  previousScoreBp: z.int().min(0).max(10_000).nullable(),
  reason: z.string(),
  changedAt: z.iso.datetime({ offset: true }),
});
