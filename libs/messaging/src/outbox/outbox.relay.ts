import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { quoteIdentifier } from '@ains/persistence';
import { startProducerSpan } from '@ains/platform';
import type { EventPublisher } from '../event-publisher';

export interface OutboxRelaySettings {
  schema: string;
  pollIntervalMs: number;
  batchSize: number;
  /** Published rows are kept this long for inspection, then deleted. */
  retentionMs: number;
}

interface OutboxRow {
  seq: string;
  topic: string;
  message_key: string;
  headers: Record<string, string>;
  payload: unknown;
}

const MAX_BACKOFF_MS = 5_000;
const CLEANUP_EVERY_MS = 60_000;

/**
 * Publishes committed outbox rows to Kafka in commit order. One relay at a time per schema holds
 * a transaction-scoped advisory lock, so several replicas never publish the same rows out of
 * order; the others wait for their turn. A row is marked published only after Kafka acknowledged
 * it, so a crash in between re-publishes it (at least once; consumers deduplicate by event id).
 */
export class OutboxRelay {
  private readonly table: string;
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private lastCleanup = 0;
  private failures = 0;
  private wakeRequested = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    private readonly settings: OutboxRelaySettings,
    private readonly logger: Logger,
  ) {
    this.table = `${quoteIdentifier(settings.schema)}.outbox`;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Finishes the batch in flight, then stops. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
  }

  /** Called after a transaction that may have written events commits: publish without waiting. */
  wake(): void {
    // While publishing fails the relay keeps its backoff; only a stop interrupts it.
    if (this.failures > 0 && this.running) return;
    this.wakeRequested = true;
    this.wakeUp?.();
  }

  /** Publishes one batch; returns how many rows were published. Exposed for tests and tools. */
  async publishBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = (await manager.query('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', [this.table])) as [{ locked: boolean }];
      if (!locked) return 0;
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
    while (this.running) {
      let published = 0;
      try {
        published = await this.publishBatch();
        if (this.failures > 0) this.logger.info({ failures: this.failures }, 'outbox relay recovered');
        this.failures = 0;
        await this.cleanupIfDue();
      } catch (error) {
        this.failures += 1;
        // One warning per streak of failures, then quiet debug lines: a down broker is not news every 250 ms.
        if (this.failures === 1) this.logger.warn({ err: error }, 'outbox relay cannot publish; events stay in the outbox and will be retried');
        else this.logger.debug({ err: error, failures: this.failures }, 'outbox relay still failing');
      }
      if (published === this.settings.batchSize) continue;
      const delay = this.failures > 0 ? Math.min(this.settings.pollIntervalMs * 2 ** this.failures, MAX_BACKOFF_MS) : this.settings.pollIntervalMs;
      await this.sleep(delay);
    }
  }

  private async cleanupIfDue(): Promise<void> {
    const now = Date.now();
    if (now - this.lastCleanup < CLEANUP_EVERY_MS) return;
    this.lastCleanup = now;
    await this.dataSource.query(`DELETE FROM ${this.table} WHERE published_at < now() - make_interval(secs => $1)`, [this.settings.retentionMs / 1000]);
  }

  private sleep(ms: number): Promise<void> {
    if (this.wakeRequested) {
      this.wakeRequested = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        this.wakeRequested = false;
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }
}
