import { z } from 'zod';
import { Topics } from '../topics';
import { isoTime, type EventDefinition } from './event-definition';

/** Most candidates a decision records. */
export const MAX_ROUTING_CANDIDATES = 5;

/**
 * One candidate of a decision as the strategy rated it: `score` from 0 to 1 (higher preferred,
 * each strategy says how it computes it) and the figures it comes from, e.g. `{ trust: 0.8 }`.
 */
export const RoutingCandidateSchema = z.object({
  agentId: z.uuid(),
  score: z.number().min(0).max(1),
  factors: z.record(z.string().max(40), z.number()).refine((factors) => Object.keys(factors).length <= 8, 'at most 8 factors'),
});
export type RoutingCandidate = z.infer<typeof RoutingCandidateSchema>;

export const RoutingEvents = {
  /** routing-service chose an agent; task-service assigns with compare-and-set on (task, attempt). */
  'ains.routing.decided.v1': {
    topic: Topics.routing,
    schema: z.object({
      taskId: z.uuid(),
      clientId: z.string(),
      agentId: z.uuid(),
      attempt: z.int().min(1),
      strategy: z.string(),
      candidateCount: z.int().min(1),
      /** The best-ranked candidates, best first, the chosen agent always among them. Added later in v1: absent from older producers. */
      candidates: z.array(RoutingCandidateSchema).max(MAX_ROUTING_CANDIDATES).optional(),
      decidedAt: isoTime(),
    }),
  },
  /** The queued depth crossed the configured limit (engaged) or fell back under it (released). */
  'ains.routing.backpressure_changed.v1': {
    topic: Topics.routing,
    schema: z.object({ engaged: z.boolean(), queuedDepth: z.int().min(0), limit: z.int().min(1), retryAfterSeconds: z.int().min(1), changedAt: isoTime() }),
  },
} as const satisfies Record<string, EventDefinition>;
