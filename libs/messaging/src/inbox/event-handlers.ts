import type { EntityManager } from 'typeorm';
import type { CloudEvent, EventType } from '@ains/contracts';

/** A consumer's handler for one event type; it runs in the transaction that records the event. */
export type EventHandler<T extends EventType> = (event: CloudEvent<T>, manager: EntityManager) => Promise<void>;

/** The event types a consumer reacts to. Other types on the same topic are skipped. */
export type EventHandlers = { [T in EventType]?: EventHandler<T> };
