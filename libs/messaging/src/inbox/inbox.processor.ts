import { setTimeout as delay } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { Counter } from 'prom-client';
import { DEAD_LETTER_TOPIC, EventCatalog, isEventType, type CloudEvent, type EventType } from '@ains/contracts';
import { quoteIdentifier } from '@ains/persistence';
import { CE_HEADERS, fromKafkaMessage, MalformedMessageError } from '../kafka/cloud-event-codec';
import type { EventPublisher, OutgoingMessage } from '../event-publisher';
import { wroteOutboxRows } from '../outbox/outbox.writer';
import type { ConsumerTransaction, EventConsumer } from './event-consumer';

/** One consumed Kafka message (or its in-process equivalent). */
export interface ConsumedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  headers: Record<string, unknown>;
  value: unknown;
}

export type ProcessOutcome = 'processed' | 'duplicate' | 'skipped' | 'dead-lettered';

export type BatchOutcome = Record<ProcessOutcome, number>;

export interface InboxSettings {
  schema: string;
  consumerGroup: string;
  maxAttempts: number;
}

/** A failure of our own infrastructure (the database is unreachable): retrying later will help. */
export class TransientInfrastructureError extends Error {
  override readonly name = 'TransientInfrastructureError';
}

/** A decoded, validated event and the consumers it concerns. */
interface Candidate {
  message: ConsumedMessage;
  event: CloudEvent;
  consumers: EventConsumer[];
}

const CONNECTION_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P03', '08000', '08003', '08006']);

/**
 * Idempotent batch consumption. A batch (one partition's messages, in order) is filtered before
 * any database work — types nobody handles by their `ce_type` header, events a consumer does not
 * concern itself with by a cheap look at the payload — then recorded in the inbox with one
 * multi-row insert and applied in one transaction: a redelivered event finds its id there and is
 * skipped, so its effects happen once. If the batch fails, it is retried event by event so a poison
 * event is dead-lettered alone while the rest are applied in order. Only infrastructure outages are
 * left for Kafka to redeliver.
 */
export class InboxProcessor {
  private readonly table: string;
  private consumers: EventConsumer[] = [];
  private readonly consumersByType = new Map<string, EventConsumer[]>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    private readonly settings: InboxSettings,
    private readonly logger: Logger,
    private readonly consumed: Counter<'event_type' | 'outcome'>,
    private readonly onOutboxWritten: () => void,
  ) {
    this.table = `${quoteIdentifier(settings.schema)}.inbox`;
  }

  /** The service's consumers; set once at start-up. */
  use(consumers: readonly EventConsumer[]): void {
    this.consumers = [...consumers];
    this.consumersByType.clear();
    for (const consumer of consumers) {
      for (const type of consumer.eventTypes) this.consumersByType.set(type, [...(this.consumersByType.get(type) ?? []), consumer]);
    }
  }

  /** The topics that carry the handled event types. */
  topics(): string[] {
    return [...new Set([...this.consumersByType.keys()].map((type) => EventCatalog[type as EventType].topic))];
  }

  /**
   * Processes one batch of messages of one partition (in order). Resolves once every message is
   * applied, skipped or dead-lettered; throws TransientInfrastructureError when the database is
   * unreachable, so the offsets are not committed.
   */
  async processBatch(messages: readonly ConsumedMessage[], heartbeat: () => Promise<void> = async () => undefined): Promise<BatchOutcome> {
    const outcome: BatchOutcome = { processed: 0, duplicate: 0, skipped: 0, 'dead-lettered': 0 };
    const counts = new Map<string, number>();
    const count = (type: string, result: ProcessOutcome, n = 1) => {
      outcome[result] += n;
      const key = `${type}\u0000${result}`;
      counts.set(key, (counts.get(key) ?? 0) + n);
    };
    const deadLetters: OutgoingMessage[] = [];
    const candidates = this.select(messages, count, deadLetters);
    if (candidates.length > 0) {
      try {
        const applied = await this.applyBatch(candidates);
        for (const candidate of candidates) count(candidate.event.type, applied.has(candidate.event.id) ? 'processed' : 'duplicate');
      } catch (error) {
        if (isConnectionError(error)) throw new TransientInfrastructureError(`database unavailable while handling a batch: ${String(error)}`);
        this.logger.warn({ err: error, events: candidates.length }, 'event batch failed; applying its events one by one');
        for (const candidate of candidates) {
          const result = await this.applyWithRetries(candidate, heartbeat, deadLetters);
          count(candidate.event.type, result);
        }
      }
    }
    if (deadLetters.length > 0) await this.publisher.send(deadLetters);
    for (const [key, n] of counts) {
      const [eventType, result] = key.split('\u0000');
      this.consumed.inc({ event_type: eventType, outcome: result }, n);
    }
    return outcome;
  }

  /** Decodes, filters and validates, without touching the database. */
  private select(messages: readonly ConsumedMessage[], count: (type: string, result: ProcessOutcome) => void, deadLetters: OutgoingMessage[]): Candidate[] {
    const candidates: Candidate[] = [];
    const seen = new Set<string>();
    for (const message of messages) {
      const type = headerText(message.headers[CE_HEADERS.type]);
      if (type !== undefined && !this.consumersByType.has(type)) {
        count(type, 'skipped');
        continue;
      }
      let decoded;
      try {
        decoded = fromKafkaMessage(message.headers, message.value);
      } catch (error) {
        deadLetters.push(this.deadLetter(message, error, type ?? 'unknown'));
        count(type ?? 'unknown', 'dead-lettered');
        continue;
      }
      const { attributes } = decoded;
      if (!isEventType(attributes.type)) {
        count(attributes.type, 'skipped');
        continue;
      }
      const eventType = attributes.type;
      const consumers = (this.consumersByType.get(eventType) ?? []).filter((consumer) => consumer.concerns(eventType, decoded.data));
      if (consumers.length === 0 || seen.has(attributes.id)) {
        // Not this service's business, or the same event twice in one batch (a re-published outbox row).
        count(eventType, consumers.length === 0 ? 'skipped' : 'duplicate');
        continue;
      }
      const parsed = EventCatalog[eventType].schema.safeParse(decoded.data);
      if (!parsed.success) {
        deadLetters.push(this.deadLetter(message, new MalformedMessageError(`invalid ${eventType} payload: ${parsed.error.message}`), eventType));
        count(eventType, 'dead-lettered');
        continue;
      }
      seen.add(attributes.id);
      const event = { specversion: '1.0', datacontenttype: 'application/json', ...attributes, data: parsed.data } as CloudEvent;
      candidates.push({ message, event, consumers });
    }
    return candidates;
  }

  /** One transaction: inbox insert of the whole batch, then each consumer's new events in order. Returns the ids applied. */
  private async applyBatch(candidates: readonly Candidate[]): Promise<Set<string>> {
    const hooks: (() => unknown)[] = [];
    let wroteOutbox = false;
    const fresh = await this.dataSource.transaction(async (manager) => {
      const recorded = await this.record(manager, candidates);
      const tx: ConsumerTransaction = { manager, afterCommit: (hook) => hooks.push(hook) };
      for (const consumer of this.consumers) {
        const events = candidates.filter((c) => recorded.has(c.event.id) && c.consumers.includes(consumer)).map((c) => c.event);
        if (events.length > 0) await consumer.handle(events, tx);
      }
      wroteOutbox = wroteOutboxRows(manager);
      return recorded;
    });
    await this.afterCommit(hooks, wroteOutbox);
    return fresh;
  }

  private async applyWithRetries(candidate: Candidate, heartbeat: () => Promise<void>, deadLetters: OutgoingMessage[]): Promise<ProcessOutcome> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const applied = await this.applyBatch([candidate]);
        return applied.size > 0 ? 'processed' : 'duplicate';
      } catch (error) {
        if (isConnectionError(error)) throw new TransientInfrastructureError(`database unavailable while handling ${candidate.event.id}: ${String(error)}`);
        if (attempt >= this.settings.maxAttempts) {
          deadLetters.push(this.deadLetter(candidate.message, error, candidate.event.type));
          return 'dead-lettered';
        }
        this.logger.warn({ err: error, eventId: candidate.event.id, eventType: candidate.event.type, attempt }, 'event handler failed, retrying');
        await delay(100 * 4 ** (attempt - 1));
        await heartbeat();
      }
    }
  }

  /** Inserts the batch's ids (sorted, so concurrent batches lock in one order); returns those that were new. */
  private async record(manager: ConsumerTransaction['manager'], candidates: readonly Candidate[]): Promise<Set<string>> {
    const sorted = [...candidates].sort((a, b) => (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0));
    const rows = (await manager.query(
      `INSERT INTO ${this.table} (event_id, event_type) SELECT * FROM unnest($1::uuid[], $2::text[]) ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
      [sorted.map((c) => c.event.id), sorted.map((c) => c.event.type)],
    )) as { event_id: string }[];
    const inserted = new Set(rows.map((row) => row.event_id.toLowerCase()));
    return new Set(candidates.filter((c) => inserted.has(c.event.id.toLowerCase())).map((c) => c.event.id));
  }

  private async afterCommit(hooks: readonly (() => unknown)[], wroteOutbox: boolean): Promise<void> {
    if (wroteOutbox) this.onOutboxWritten();
    for (const hook of hooks) {
      try {
        await hook();
      } catch (error) {
        this.logger.warn({ err: error }, 'after-commit step of an event batch failed');
      }
    }
  }

  private deadLetter(message: ConsumedMessage, error: unknown, eventType: string): OutgoingMessage {
    const reason = error instanceof Error ? error.message : String(error);
    this.logger.error({ topic: message.topic, partition: message.partition, offset: message.offset, eventType, reason }, 'message dead-lettered');
    return {
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
    };
  }
}

function headerText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
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

