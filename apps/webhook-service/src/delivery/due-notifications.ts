import { Client } from 'pg';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';

/** The Postgres channel on which commits that make deliveries due are announced. */
const CHANNEL = 'webhook_deliveries_due';
const RECONNECT_DELAY_MS = 1_000;

/**
 * Announces, inside the transaction that queues deliveries, that work is due. Postgres sends the
 * notification only if and when that transaction commits, to every replica's listener.
 */
export async function announceDueDeliveries(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT pg_notify('${CHANNEL}', '')`);
}

/**
 * Listens for those announcements on a dedicated connection so the worker claims new deliveries
 * right after they commit instead of at its next poll. Polling stays the safety net: a lost
 * connection only costs latency, and the listener reconnects.
 */
export class DueNotificationListener {
  private client: Client | undefined;
  private stopped = true;

  constructor(
    private readonly databaseUrl: string,
    private readonly logger: Logger,
  ) {}

  /** Resolves once the first connection attempt is over; failures are retried in the background. */
  async start(onDue: () => void): Promise<void> {
    this.stopped = false;
    await this.connect(onDue).catch((error: unknown) => this.retryLater(onDue, error));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const client = this.client;
    this.client = undefined;
    await client?.end();
  }

  private async connect(onDue: () => void): Promise<void> {
    const client = new Client({ connectionString: this.databaseUrl, application_name: 'webhook-service-listener' });
    client.on('notification', onDue);
    client.on('error', (error) => this.logger.warn({ err: error }, 'delivery notification listener failed'));
    client.on('end', () => {
      if (this.client !== client) return;
      this.client = undefined;
      this.retryLater(onDue, new Error('connection ended'));
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.stopped) await client.end();
    else this.client = client;
  }

  private retryLater(onDue: () => void, cause: unknown): void {
    if (this.stopped) return;
    this.logger.warn({ err: cause }, 'delivery notification listener reconnecting; polling meanwhile');
    setTimeout(() => {
      if (!this.stopped) void this.connect(onDue).catch((error: unknown) => this.retryLater(onDue, error));
    }, RECONNECT_DELAY_MS).unref();
  }
}
