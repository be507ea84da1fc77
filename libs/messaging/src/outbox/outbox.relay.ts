import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { quoteIdentifier, type PgNotificationListener } from '@ains/persistence';
import { startProducerSpan } from '@ains/platform';
import type { EventPublisher } from '../event-publisher';
import { outboxChannel } from './outbox.writer';

export interface OutboxRelaySettings {
  schema: string;
  /**
   * The safety net: how often the relay looks for rows nobody woke it for (a notification lost
   * while the listener reconnected, rows left by a replica that crashed before publishing).
   */
  pollIntervalMs: number;
  batchSize: number;
  /** Published rows are kept this long for inspection, then deleted (during a safety-net round). */
  retentionMs: number;
  /** This process, as named in the outbox's notifications (see OutboxWriter). */
  replicaId: string;
}

/** What woke a publishing round. */
export type RelayTrigger = 'commit' | 'notification' | 'poll';

interface OutboxRow {
  seq: string;
  topic: string;
  message_key: string;
  headers: Record<string, string>;
  payload: unknown;
}

const RETRY_BASE_MS = 250;
const MAX_BACKOFF_MS = 5_000;
const CLEANUP_EVERY_MS = 60_000;

/**
 * Publishes committed outbox rows to Kafka in commit order. It runs a round only when there is
 * something to publish: right after a local transaction that appended events commits, when another
 * replica's commit is announced on the outbox's PostgreSQL channel, and on a slow safety-net poll.
 * One relay at a time per schema holds a transaction-scoped advisory lock, so several replicas
 * never publish the same rows out of order. A row is marked published only after Kafka
 * acknowledged it, so a crash in between re-publishes it (at least once; consumers deduplicate).
 */
export class OutboxRelay {
  /** Rounds run, by trigger; read by the metrics and by tests that count wasted rounds. */
  readonly rounds: Record<RelayTrigger, number> = { commit: 0, notification: 0, poll: 0 };
  private readonly table: string;
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private pending: RelayTrigger | undefined;
  private lastCleanup = 0;
  private failures = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    private readonly settings: OutboxRelaySettings,
    private readonly logger: Logger,
    listener?: PgNotificationListener,
  ) {
    this.table = `${quoteIdentifier(settings.schema)}.outbox`;
    listener
      ?.on(outboxChannel(settings.schema), (replica) => {
        // Our own commits woke us directly; the echo would only cost an empty round.
        if (replica !== settings.replicaId) this.wake('notification');
      })
      .onReconnect(() => this.wake('notification'));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Finishes the batch in flight, then stops. */
  async stop(): Promise<void> {
    this.running = false;
    this.wakeUp?.();
    await this.loop;
  }

  /** Rows were committed (here, or by another replica): publish them without waiting for the poll. */
  wake(trigger: RelayTrigger = 'commit'): void {
    // While publishing fails the relay keeps its backoff; only a stop interrupts it.
    if (this.failures > 0 && this.running) return;
    this.pending ??= trigger;
    this.wakeUp?.();
  }

  /** Publishes one batch; returns how many rows were published. Exposed for tests and tools. */
  async publishBatch(options: { cleanup?: boolean } = {}): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = (await manager.query('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', [this.table])) as [{ locked: boolean }];
      if (!locked) return 0;
      if (options.cleanup) {
        await manager.query(`DELETE FROM ${this.table} WHERE published_at < now() - make_interval(secs => $1)`, [this.settings.retentionMs / 1000]);
      }
      const rows = (await manager.query(
        `SELECT seq, topic, message_key, headers, payload FROM ${this.table} WHERE published_at IS NULL ORDER BY seq LIMIT $1`,
        [this.settings.batchSize],
      )) as OutboxRow[];
      if (rows.length === 0) return 0;
      const spans = rows.map((row) => startProducerSpan(`publish ${row.headers.ce_type ?? row.topic}`, row.headers.traceparent));
      const messages = rows.map((row, i) => {
        const traceparent = spans[i].traceparent;
        return { topic: row.topic, key: row.message_key, headers: traceparent ? { ...row.headers, traceparent } : row.headers, value: JSON.stringify(row.payload) };
      });
      try {
        await this.publisher.send(messages);
      } catch (error) {
        for (const span of spans) span.end(error);
        throw error;
      }
      for (const span of spans) span.end();
      await manager.query(`UPDATE ${this.table} SET published_at = now() WHERE seq = ANY($1::bigint[])`, [rows.map((row) => row.seq)]);
      return rows.length;
    });
  }

  async countBacklog(): Promise<number> {
    const [{ count }] = (await this.dataSource.query(`SELECT count(*)::int AS count FROM ${this.table} WHERE published_at IS NULL`)) as [{ count: number }];
    return count;
  }

  private async run(): Promise<void> {
    // A start may find rows a previous run (or a crashed replica) left behind.
    let trigger: RelayTrigger | undefined = 'poll';
    while (this.running) {
      if (trigger) {
        const published = await this.round(trigger);
        // A full batch means more may be waiting: go on without sleeping.
        if (published === this.settings.batchSize) continue;
      }
      trigger = await this.sleep(this.failures > 0 ? Math.min(RETRY_BASE_MS * 2 ** this.failures, MAX_BACKOFF_MS) : this.settings.pollIntervalMs);
    }
  }

  private async round(trigger: RelayTrigger): Promise<number> {
    this.rounds[trigger] += 1;
    const cleanup = trigger === 'poll' && Date.now() - this.lastCleanup >= CLEANUP_EVERY_MS;
    try {
      const published = await this.publishBatch({ cleanup });
      if (cleanup) this.lastCleanup = Date.now();
      if (this.failures > 0) this.logger.info({ failures: this.failures }, 'outbox relay recovered');
      this.failures = 0;
      return published;
    } catch (error) {
      this.failures += 1;
      // One warning per streak of failures, then quiet debug lines: a down broker is not news every round.
      if (this.failures === 1) this.logger.warn({ err: error }, 'outbox relay cannot publish; events stay in the outbox and will be retried');
      else this.logger.debug({ err: error, failures: this.failures }, 'outbox relay still failing');
      return 0;
    }
  }

  /** Waits for a wake-up or the timer; says what ended the wait. */
  private sleep(ms: number): Promise<RelayTrigger | undefined> {
    const take = (): RelayTrigger | undefined => {
      const trigger = this.pending;
      this.pending = undefined;
      return trigger;
    };
    if (this.pending) return Promise.resolve(take());
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wakeUp = undefined;
        // While failing, the timer is the retry; otherwise it is the safety-net poll.
        resolve(take() ?? (this.running ? 'poll' : undefined));
      }, ms);
      this.wakeUp = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve(take());
      };
    });
  }
}
