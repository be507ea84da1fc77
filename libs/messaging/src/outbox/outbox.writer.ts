import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { CLOUD_EVENTS_SPEC_VERSION, EventCatalog, type CloudEvent, type EventData, type EventType } from '@ains/contracts';
import { RequestContextStore, activeTraceparent, childTraceparent } from '@ains/platform';
import { quoteIdentifier } from '@ains/persistence';
import { toKafkaHeaders } from '../kafka/cloud-event-codec';

/** Keeps each INSERT well under Postgres' 65,535 bind parameters (6 per event). */
const OUTBOX_ROWS_PER_INSERT = 1_000;

/** Where a transaction's query runner remembers that it wrote outbox rows (TypeORM's `data` bag). */
const OUTBOX_WRITTEN = 'ains.outboxWritten';

/** The PostgreSQL channel on which a schema's outbox announces committed rows to every relay. */
export function outboxChannel(schema: string): string {
  return `ains_outbox_${schema}`;
}

/** Whether the transaction of `manager` appended events: only then is the relay worth waking. */
export function wroteOutboxRows(manager: EntityManager): boolean {
  return (manager.queryRunner?.data as Record<string, unknown> | undefined)?.[OUTBOX_WRITTEN] === true;
}

/**
 * An event to publish; `data` must match the schema its `type` has in the catalog. `traceparent`
 * names the trace it continues when that is not the current context's: events written for a
 * batch of consumed events each continue the trace of the event that caused them.
 */
export type NewEvent = {
  [T in EventType]: { type: T; subject: string; data: EventData<T>; traceparent?: string };
}[EventType];

/**
 * Writes events into the service's outbox table inside the caller's transaction, so an event is
 * published if and only if the state change that caused it commits.
 */
export class OutboxWriter {
  private readonly table: string;
  private readonly channel: string;

  /**
   * @param replicaId names this process in the outbox's NOTIFY, so its own relay, which it wakes
   *   directly after the commit, can ignore the echo while other replicas' relays act on it.
   */
  constructor(
    schema: string,
    private readonly source: string,
    private readonly replicaId: string,
  ) {
    this.table = `${quoteIdentifier(schema)}.outbox`;
    this.channel = outboxChannel(schema);
  }

  async append(manager: EntityManager, ...events: NewEvent[]): Promise<CloudEvent[]> {
    const transaction = manager.queryRunner;
    if (!transaction?.isTransactionActive) {
      throw new Error('OutboxWriter.append must run inside a transaction');
    }
    const requestTrace = RequestContextStore.current()?.traceparent;
    const traceparent = activeTraceparent() ?? (requestTrace ? childTraceparent(requestTrace) : undefined);
    const written: CloudEvent[] = [];
    const rows: unknown[][] = [];
    for (const event of events) {
      const definition = EventCatalog[event.type];
      const data = definition.schema.parse(event.data) as EventData<EventType>;
      const cloudEvent: CloudEvent = {
        specversion: CLOUD_EVENTS_SPEC_VERSION,
        id: randomUUID(),
        source: this.source,
        type: event.type,
        time: new Date().toISOString(),
        subject: event.subject,
        datacontenttype: 'application/json',
        traceparent: event.traceparent ?? traceparent,
        data,
      };
      rows.push([cloudEvent.id, definition.topic, event.subject, event.type, JSON.stringify(toKafkaHeaders(cloudEvent)), JSON.stringify(data)]);
      written.push(cloudEvent);
    }
    // One multi-row INSERT per chunk (a batch of tasks appends thousands of events); the rows get
    // their seq in list order, so publication order is still the order of `events`. The same
    // statement queues a NOTIFY, delivered at commit (PostgreSQL folds repeats into one).
    for (let start = 0; start < rows.length; start += OUTBOX_ROWS_PER_INSERT) {
      const chunk = rows.slice(start, start + OUTBOX_ROWS_PER_INSERT);
      const values = chunk.map((_, row) => `(${[1, 2, 3, 4, 5, 6].map((column) => `$${row * 6 + column}`).join(', ')})`);
      const notify = chunk.length * 6;
      await manager.query(
        `WITH written AS (INSERT INTO ${this.table} (event_id, topic, message_key, event_type, headers, payload) VALUES ${values.join(', ')} RETURNING 1)
         SELECT pg_notify($${notify + 1}, $${notify + 2}) FROM (SELECT 1 FROM written LIMIT 1) AS any_row`,
        [...chunk.flat(), this.channel, this.replicaId],
      );
    }
    if (rows.length > 0) (transaction.data as Record<string, unknown>)[OUTBOX_WRITTEN] = true;
    return written;
  }
}
