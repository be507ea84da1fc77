import { Client } from 'pg';
import type { Logger } from 'pino';

export type NotificationHandler = (payload: string) => void;

const RECONNECT_MS = 1_000;

/**
 * One dedicated connection that LISTENs on PostgreSQL channels. A NOTIFY sent inside a transaction
 * arrives only after it commits, on every process listening, which makes it the cross-replica
 * wake-up signal. Notifications sent while the connection is down are lost, so every user keeps a
 * slow poll as a safety net and is told (`onReconnect`) when it should catch up.
 */
export class PgNotificationListener {
  private readonly handlers = new Map<string, NotificationHandler[]>();
  private readonly reconnectHandlers: (() => void)[] = [];
  private client: Client | undefined;
  private reconnect: NodeJS.Timeout | undefined;
  private closing = false;
  private everConnected = false;

  constructor(
    private readonly url: string,
    private readonly applicationName: string,
    private readonly logger: Logger,
  ) {}

  /** Registers a handler (channel names are quoted, so any text is safe); `start` connects. */
  on(channel: string, handler: NotificationHandler): this {
    const known = this.handlers.has(channel);
    this.handlers.set(channel, [...(this.handlers.get(channel) ?? []), handler]);
    if (!known && this.client) {
      this.client.query(`LISTEN ${quoteChannel(channel)}`).catch((error: unknown) => this.logger.warn({ err: error, channel }, 'cannot listen on a channel; relying on polling'));
    }
    return this;
  }

  /** Called after a lost connection is back: notifications may have been missed meanwhile. */
  onReconnect(handler: () => void): this {
    this.reconnectHandlers.push(handler);
    return this;
  }

  /** Connects and listens; a failure is logged and retried in the background, never thrown. */
  async start(): Promise<void> {
    if (this.handlers.size === 0) return;
    await this.listen().catch((error: unknown) => {
      this.logger.warn({ err: error }, 'notification listener cannot connect; relying on polling until it can');
      this.listenAgainLater();
    });
  }

  async stop(): Promise<void> {
    this.closing = true;
    clearTimeout(this.reconnect);
    await this.client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.url, application_name: this.applicationName });
    client.on('notification', (message) => {
      for (const handler of this.handlers.get(message.channel) ?? []) handler(message.payload ?? '');
    });
    client.on('error', (error) => this.logger.warn({ err: error }, 'notification listener connection failed'));
    client.on('end', () => this.listenAgainLater());
    await client.connect();
    for (const channel of this.handlers.keys()) await client.query(`LISTEN ${quoteChannel(channel)}`);
    this.client = client;
    if (this.everConnected) for (const handler of this.reconnectHandlers) handler();
    this.everConnected = true;
  }

  private listenAgainLater(): void {
    if (this.closing || this.reconnect) return;
    this.client = undefined;
    this.reconnect = setTimeout(() => {
      this.reconnect = undefined;
      this.listen().catch(() => this.listenAgainLater());
    }, RECONNECT_MS);
  }
}

function quoteChannel(channel: string): string {
  return `"${channel.replaceAll('"', '""')}"`;
}
