import type { EntityManager } from 'typeorm';
import type { CloudEvent, EventType } from '@ains/contracts';
import { inEventContext } from './event-context';

/** The transaction one batch of events is applied in. */
export interface ConsumerTransaction {
  readonly manager: EntityManager;
  /** Runs `hook` once the transaction has committed (cache invalidation, waking a loop). */
  afterCommit(hook: () => unknown): void;
}

/** A handler for one event type; it runs in the transaction that records the batch in the inbox. */
export type EventHandler<T extends EventType> = (event: CloudEvent<T>, manager: EntityManager) => Promise<void>;

export type EventHandlers = { [T in EventType]?: EventHandler<T> };

/** Runs each event's handler (if it has one) in order, each in its event's trace context. */
export async function applyInOrder(events: readonly CloudEvent[], handlers: EventHandlers, manager: EntityManager): Promise<void> {
  for (const event of events) {
    const handler = handlers[event.type] as EventHandler<EventType> | undefined;
    if (handler) await inEventContext(event, () => handler(event, manager));
  }
}

/**
 * Splits events into runs of consecutive events that `together` accepts (to be applied as one
 * set) and runs of the others, keeping their order: a consumer can apply a run of one type with a
 * few set-based statements and still apply everything in partition order.
 */
export function consecutiveRuns(events: readonly CloudEvent[], together: (event: CloudEvent) => boolean): { together: boolean; events: CloudEvent[] }[] {
  const runs: { together: boolean; events: CloudEvent[] }[] = [];
  for (const event of events) {
    const kind = together(event);
    const last = runs.at(-1);
    if (last?.together === kind) last.events.push(event);
    else runs.push({ together: kind, events: [event] });
  }
  return runs;
}

/**
 * What a service consumes. Any provider that extends this class is found by the messaging module
 * at start-up and fed every event of `eventTypes` from the service's consumer group, in batches:
 * one inbox insert and one transaction per partition batch, events in partition order.
 */
export abstract class EventConsumer {
  /** Other types on the same topics are skipped from the `ce_type` header alone. */
  abstract readonly eventTypes: readonly EventType[];

  /**
   * A cheap in-memory look at an event's (not yet validated) payload, before any database work:
   * `false` skips it without a transaction. The default takes every event of `eventTypes`.
   */
  concerns(_type: EventType, _data: unknown): boolean {
    return true;
  }

  /** Applies new (never before processed) events, in order, inside `tx`. */
  abstract handle(events: readonly CloudEvent[], tx: ConsumerTransaction): Promise<void>;
}

/** A consumer that handles its events one at a time with a handler per type. */
export abstract class EventHandlersConsumer extends EventConsumer {
  protected abstract readonly handlers: EventHandlers;

  get eventTypes(): readonly EventType[] {
    return Object.keys(this.handlers) as EventType[];
  }

  handle(events: readonly CloudEvent[], tx: ConsumerTransaction): Promise<void> {
    return applyInOrder(events, this.handlers, tx.manager);
  }
}
