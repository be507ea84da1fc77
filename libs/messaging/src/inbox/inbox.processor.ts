import { setTimeout as delay } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { Counter } from 'prom-client';
import { DEAD_LETTER_TOPIC, EventCatalog, isEventType, type CloudEvent, type EventType } from '@ains/contracts';
import { RequestContextStore, activeTraceparent, childTraceparent, withConsumerSpan } from '@ains/platform';
import { quoteIdentifier } from '@ains/persistence';
import { fromKafkaMessage, MalformedMessageError, type DecodedMessage } from '../kafka/cloud-event-codec';
import type { EventPublisher } from '../event-publisher';
import type { EventHandler, EventHandlers } from './event-handlers';

/** The parts of a consumed Kafka message the processor needs (a Nest KafkaContext provides them). */
export interface ConsumedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  headers: Record<string, unknown>;
  value: unknown;
  /** Keeps the consumer's group membership alive during long retries. */
  heartbeat: () => Promise<void>;
}

export type ProcessOutcome = 'processed' | 'duplicate' | 'skipped' | 'dead-lettered';

export interface InboxSettings {
  schema: string;
  consumerGroup: string;
  maxAttempts: number;
}

/** A failure of our own infrastructure (the database is unreachable): retrying later will help. */
export class TransientInfrastructureError extends Error {
  override readonly name = 'TransientInfrastructureError';
}

const CONNECTION_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P03', '08000', '08003', '08006']);

/**
 * Idempotent consumption. Each event is handled inside a transaction that first records its id
 * in the inbox: a redelivered event finds its id and is skipped, so its effects happen once.
 * A message that cannot be decoded, or whose handler keeps failing, goes to the dead-letter
 * topic and the partition moves on. Only infrastructure outages are left for Kafka to redeliver.
 */
export class InboxProcessor {
  private readonly table: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    private readonly settings: InboxSettings,
    private readonly logger: Logger,
    private readonly consumed: Counter<'event_type' | 'outcome'>,
    private readonly afterCommit: () => void,
  ) {
    this.table = `${quoteIdentifier(settings.schema)}.inbox`;
  }

  async process(message: ConsumedMessage, handlers: EventHandlers): Promise<ProcessOutcome> {
    let decoded: DecodedMessage;
    try {
      decoded = fromKafkaMessage(message.headers, message.value);
    } catch (error) {
      return this.deadLetter(message, error, 'unknown');
    }
    const { attributes } = decoded;
    if (!isEventType(attributes.type) || !handlers[attributes.type]) {
      this.consumed.inc({ event_type: attributes.type, outcome: 'skipped' });
      return 'skipped';
    }
    const parsed = EventCatalog[attributes.type].schema.safeParse(decoded.data);
    if (!parsed.success) {
      return this.deadLetter(message, new MalformedMessageError(`invalid ${attributes.type} payload: ${parsed.error.message}`), attributes.type);
    }
    const event = { specversion: '1.0', datacontenttype: 'application/json', ...attributes, data: parsed.data } as CloudEvent;
    const handler = handlers[attributes.type] as EventHandler<EventType>;
    return withConsumerSpan(`consume ${attributes.type}`, attributes.traceparent, () => {
      const traceparent = activeTraceparent() ?? (attributes.traceparent ? childTraceparent(attributes.traceparent) : undefined);
      return RequestContextStore.run({ requestId: attributes.id, traceparent }, () => this.handleWithRetries(message, event, handler));
    });
  }

  private async handleWithRetries(message: ConsumedMessage, event: CloudEvent, handler: EventHandler<EventType>): Promise<ProcessOutcome> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const outcome = await this.handleOnce(event, handler);
        this.consumed.inc({ event_type: event.type, outcome });
        if (outcome === 'processed') this.afterCommit();
        return outcome;
      } catch (error) {
        if (isConnectionError(error)) {
          throw new TransientInfrastructureError(`database unavailable while handling ${event.id}: ${String(error)}`);
        }
        if (attempt >= this.settings.maxAttempts) return this.deadLetter(message, error, event.type);
        this.logger.warn({ err: error, eventId: event.id, eventType: event.type, attempt }, 'event handler failed, retrying');
        await delay(100 * 4 ** (attempt - 1));
        await message.heartbeat();
      }
    }
  }

  private async handleOnce(event: CloudEvent, handler: EventHandler<EventType>): Promise<'processed' | 'duplicate'> {
    return this.dataSource.transaction(async (manager) => {
      const inserted = (await manager.query(
        `INSERT INTO ${this.table} (event_id, event_type) VALUES ($1, $2) ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
        [event.id, event.type],
      )) as unknown[];
      if (inserted.length === 0) return 'duplicate';
      await handler(event, manager);
      return 'processed';
    });
  }

  private async deadLetter(message: ConsumedMessage, error: unknown, eventType: string): Promise<ProcessOutcome> {
    const reason = error instanceof Error ? error.message : String(error);
    this.logger.error({ topic: message.topic, partition: message.partition, offset: message.offset, eventType, reason }, 'message dead-lettered');
    await this.publisher.send([
      {
        topic: DEAD_LETTER_TOPIC,
        key: message.key ?? `${message.topic}:${message.partition}:${message.offset}`,
        headers: {
          ...stringHeaders(message.headers),
          'x-dead-letter-reason': reason.slice(0, 1_000),
          'x-dead-letter-consumer': this.settings.consumerGroup,
          'x-dead-letter-topic': message.topic,
          'x-dead-letter-partition': String(message.partition),
          'x-dead-letter-offset': message.offset,
          'x-dead-letter-at': new Date().toISOString(),
        },
        value: rawValue(message.value),
      },
    ]);
    this.consumed.inc({ event_type: eventType, outcome: 'dead-lettered' });
    return 'dead-lettered';
  }
}

function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && CONNECTION_ERROR_CODES.has(code)) return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect/i.test(message);
}

function stringHeaders(headers: Record<string, unknown>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || value === null) continue;
    result[name] = Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
  }
  return result;
}

function rawValue(value: unknown): string {
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? '';
}
