import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '@ains/platform';
import { PgNotificationListener } from '@ains/persistence';
import { EndpointsRepository } from './endpoints.repository';
import { matchesEventFilters } from './event-filter';

/** The channel the endpoints table's trigger announces changes on (see its migration). */
export const ENDPOINTS_CHANGED_CHANNEL = 'webhook_endpoints_changed';

/**
 * Which event types each client's enabled endpoints subscribe to, in memory, so an event nobody
 * subscribes to is skipped before any database work. Every change to the endpoints table is
 * announced to every replica (a trigger's NOTIFY, delivered at commit), which reloads the index.
 * Between a notification and the end of the reload the index answers "maybe" for everything, so
 * the authoritative lookup in the fan-out decides; it never skips an event it should deliver
 * once the change that created the subscription has been announced.
 */
@Injectable()
export class SubscriptionIndex implements OnModuleInit {
  private filtersByClient = new Map<string, string[][]>();
  /** Bumped by every announced change; the index is current when it has loaded the latest. */
  private generation = 0;
  private loadedGeneration = -1;
  private reloading: Promise<void> = Promise.resolve();

  constructor(
    private readonly endpoints: EndpointsRepository,
    private readonly listener: PgNotificationListener,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onModuleInit(): Promise<void> {
    this.listener.on(ENDPOINTS_CHANGED_CHANNEL, () => this.invalidate()).onReconnect(() => this.invalidate());
    this.invalidate();
    await this.reloading;
  }


  /** Whether the index has loaded every announced change. */
  get current(): boolean {
    return this.loadedGeneration === this.generation;
  }

  /** False only when the client certainly has no enabled endpoint for the type. */
  mayWant(clientId: string, eventType: string): boolean {
    if (!this.current) return true;
    return this.filtersByClient.get(clientId)?.some((filters) => matchesEventFilters(eventType, filters)) ?? false;
  }

  /** Marks the index stale at once and queues a reload. */
  invalidate(): void {
    this.generation += 1;
    this.reloading = this.reloading
      .then(() => this.reload())
      .catch((error: unknown) => this.logger.warn({ err: error }, 'cannot reload the webhook subscription index; every event is looked up meanwhile'));
  }

  private async reload(): Promise<void> {
    const target = this.generation;
    // An earlier queued reload already read after this change was announced.
    if (this.loadedGeneration === target) return;
    const rows = await this.endpoints.enabledSubscriptions();
    const next = new Map<string, string[][]>();
    for (const row of rows) next.set(row.clientId, [...(next.get(row.clientId) ?? []), row.eventTypes]);
    this.filtersByClient = next;
    // A change announced while reading leaves the index stale until the reload queued for it.
    this.loadedGeneration = target;
  }
}
