import { z } from 'zod';
import { Topics } from '../topics';
import { isoTime, type EventDefinition } from './event-definition';

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
      decidedAt: isoTime(),
    }),
  },
  /** The queued depth crossed the configured limit (engaged) or fell back under it (released). */
  'ains.routing.backpressure_changed.v1': {
    topic: Topics.routing,
    schema: z.object({ engaged: z.boolean(), queuedDepth: z.int().min(0), limit: z.int().min(1), retryAfterSeconds: z.int().min(1), changedAt: isoTime() }),
  },
} as const satisfies Record<string, EventDefinition>;
