import { z } from 'zod';
import { Topics } from '../topics';
import { isoTime, type EventDefinition } from './event-definition';

const ChainRef = { chainId: z.uuid(), clientId: z.string() };

export const ChainEvents = {
  'ains.chain.started.v1': {
    topic: Topics.chain,
    schema: z.object({ ...ChainRef, steps: z.int().min(1), startedAt: isoTime() }),
  },
  'ains.chain.step_completed.v1': {
    topic: Topics.chain,
    schema: z.object({ ...ChainRef, stepIndex: z.int().min(0), taskId: z.uuid(), completedAt: isoTime() }),
  },
  'ains.chain.completed.v1': {
    topic: Topics.chain,
    schema: z.object({ ...ChainRef, completedAt: isoTime() }),
  },
  'ains.chain.failed.v1': {
    topic: Topics.chain,
    schema: z.object({ ...ChainRef, stepIndex: z.int().min(0), taskId: z.uuid().nullable(), reason: z.string(), failedAt: isoTime() }),
  },
  /** Cancelled by the client; the step in progress was cancelled with it. */
  'ains.chain.cancelled.v1': {
    topic: Topics.chain,
    schema: z.object({ ...ChainRef, stepIndex: z.int().min(0), reason: z.string(), cancelledAt: isoTime() }),
  },
} as const satisfies Record<string, EventDefinition>;
