import type { z } from 'zod';
import { Topics, type Topic } from '../topics';
import { AgentRegisteredV1 } from './agent.events';
import { TrustScoreChangedV1 } from './trust.events';

interface EventDefinition {
  readonly topic: Topic;
  readonly schema: z.ZodType;
}

/**
 * Every event AINS publishes: its type name, the topic it travels on and the schema of its data.
 * Publishing and consuming are typed against this map, and consumers validate payloads with it.
 */
export const EventCatalog = {
  'ains.agent.registered.v1': { topic: Topics.agent, schema: AgentRegisteredV1 },
  'ains.trust.score_changed.v1': { topic: Topics.trust, schema: TrustScoreChangedV1 },
} as const satisfies Record<string, EventDefinition>;

export type EventType = keyof typeof EventCatalog;

export type EventData<T extends EventType> = z.infer<(typeof EventCatalog)[T]['schema']>;

export function isEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(EventCatalog, type);
}
