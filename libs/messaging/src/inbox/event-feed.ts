import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { EventCatalog, type EventData, type EventType } from '@ains/contracts';
import { toKafkaHeaders } from '../kafka/cloud-event-codec';
import { InboxProcessor, type ConsumedMessage } from './inbox.processor';

/**
 * An event as a consumer receives it (binary-mode headers, JSON value), for tests and tools that
 * drive a service's consumers exactly as the broker would, without one.
 */
export function consumedEvent<T extends EventType>(type: T, subject: string, data: EventData<T>, options: { id?: string; offset?: number } = {}): ConsumedMessage {
  const headers = toKafkaHeaders({ specversion: '1.0', id: options.id ?? randomUUID(), source: '/ains/replay', type, time: new Date().toISOString(), subject, datacontenttype: 'application/json' });
  return { topic: EventCatalog[type].topic, partition: 0, offset: String(options.offset ?? 0), key: subject, headers, value: Buffer.from(JSON.stringify(data)) };
}

/** Hands events, one batch each, to an app's consumers through its inbox (same decoding, filters and handlers). */
export class EventFeed {
  private offset = 0;

  constructor(private readonly app: INestApplicationContext) {}

  async deliver<T extends EventType>(type: T, subject: string, data: EventData<T>): Promise<void> {
    await this.app.get(InboxProcessor).processBatch([consumedEvent(type, subject, data, { offset: this.offset++ })]);
  }
}
