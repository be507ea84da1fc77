import type { EventData, EventType } from './catalog';

export const CLOUD_EVENTS_SPEC_VERSION = '1.0';

/**
 * A CloudEvents 1.0 event. On Kafka it travels in binary mode: the attributes below become
 * `ce_*` headers and `data` is the message value (JSON).
 */
export interface CloudEvent<T extends EventType = EventType> {
  readonly specversion: typeof CLOUD_EVENTS_SPEC_VERSION;
  readonly id: string;
  readonly source: string;
  readonly type: T;
  readonly time: string;
  /** The aggregate id; also the Kafka message key. */
  readonly subject: string;
  readonly datacontenttype: 'application/json';
  /** W3C trace context of the operation that caused the event. */
  readonly traceparent?: string;
  readonly data: EventData<T>;
}
