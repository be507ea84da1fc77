import type { KafkaHeaderValues } from './kafka/cloud-event-codec';

export interface OutgoingMessage {
  topic: string;
  key: string;
  headers: KafkaHeaderValues;
  value: string;
}

/**
 * Where the outbox relay and the dead-letter path send messages: Kafka in the distributed mode,
 * the in-process bus in the single-process mode. Also the DI token for the active transport.
 */
export abstract class EventPublisher {
  /** Resolves once every message is durably accepted by the transport. */
  abstract send(messages: readonly OutgoingMessage[]): Promise<void>;
  /** Readiness: rejects while the transport cannot take messages. */
  abstract ping(): Promise<void>;
  abstract disconnect(): Promise<void>;
}
