import type { z } from 'zod';
import { AgentEvents } from './agent.events';
import { ChainEvents } from './chain.events';
import { RoutingEvents } from './routing.events';
import { ScheduleEvents } from './schedule.events';
import { TaskEvents } from './task.events';
import { TrustEvents } from './trust.events';
import { WebhookEvents } from './webhook.events';

/**
 * Every event AINS publishes: its type name, the topic it travels on and the schema of its data.
 * Publishing and consuming are typed against this map, and consumers validate payloads with it.
 * Each aggregate's events are defined in its own file.
 */
export const EventCatalog = {
  ...TaskEvents,
  ...ChainEvents,
  ...AgentEvents,
  ...TrustEvents,
  ...RoutingEvents,
  ...ScheduleEvents,
  ...WebhookEvents,
} as const;

export type EventType = keyof typeof EventCatalog;

export type EventData<T extends EventType> = z.infer<(typeof EventCatalog)[T]['schema']>;

export function isEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(EventCatalog, type);
}
