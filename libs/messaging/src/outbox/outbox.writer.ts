import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { CLOUD_EVENTS_SPEC_VERSION, EventCatalog, type CloudEvent, type EventData, type EventType } from '@ains/contracts';
import { RequestContextStore, activeTraceparent, childTraceparent } from '@ains/platform';
import { quoteIdentifier } from '@ains/persistence';
import { toKafkaHeaders } from '../kafka/cloud-event-codec';

/** Keeps each INSERT well under Postgres' 65,535 bind parameters (6 per event). */
const OUTBOX_ROWS_PER_INSERT = 1_000;

/** An event to publish; `data` must match the schema its `type` has in the catalog. */
export type NewEvent = {
  [T in EventType]: { type: T; subject: string; data: EventData<T> };
}[EventType];

/**
 * Writes events into the service's outbox table inside the caller's transaction, so an event is
 * published if and only if the state change that caused it commits.
 */
export class OutboxWriter {
  private readonly table: string;

  constructor(
    schema: string,
    private readonly source: string,
  ) {
    this.table = `${quoteIdentifier(schema)}.outbox`;
  }

  async append(manager: EntityManager, ...events: NewEvent[]): Promise<CloudEvent[]> {
    if (!manager.queryRunner?.isTransactionActive) {
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
        traceparent,
        data,
      };
      rows.push([cloudEvent.id, definition.topic, event.subject, event.type, JSON.stringify(toKafkaHeaders(cloudEvent)), JSON.stringify(data)]);
      written.push(cloudEvent);
    }
    // One multi-row INSERT per chunk (a batch of tasks appends thousands of events); the rows get
    // their seq in list order, so publication order is still the order of `events`.
    for (let start = 0; start < rows.length; start += OUTBOX_ROWS_PER_INSERT) {
      const chunk = rows.slice(start, start + OUTBOX_ROWS_PER_INSERT);
      const values = chunk.map((_, row) => `(${[1, 2, 3, 4, 5, 6].map((column) => `$${row * 6 + column}`).join(', ')})`);
      await manager.query(`INSERT INTO ${this.table} (event_id, topic, message_key, event_type, headers, payload) VALUES ${values.join(', ')}`, chunk.flat());
    }
    return written;
  }
}
