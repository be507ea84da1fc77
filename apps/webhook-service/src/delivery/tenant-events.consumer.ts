import { Injectable } from '@nestjs/common';
import { WEBHOOK_EVENT_TYPES, type CloudEvent, type EventType } from '@ains/contracts';
import { EventConsumer, type ConsumerTransaction } from '@ains/messaging';
import { SubscriptionIndex } from '../endpoints/subscription-index';
import { FanOutService } from './fan-out.service';

/**
 * Consumes the deliverable events of client-owned aggregates (tasks, chains, schedules, webhooks)
 * and fans them out to the matching endpoints of their client. An event no endpoint of its client
 * subscribes to is skipped from the in-memory subscription index, before any database work. Agent,
 * trust and routing events concern the shared fleet, not one client, and are not consumed.
 */
@Injectable()
export class TenantEventsConsumer extends EventConsumer {
  readonly eventTypes = WEBHOOK_EVENT_TYPES as readonly EventType[];

  constructor(
    private readonly subscriptions: SubscriptionIndex,
    private readonly fanOut: FanOutService,
  ) {
    super();
  }

  override concerns(type: EventType, data: unknown): boolean {
    const clientId = (data as { clientId?: unknown } | null)?.clientId;
    return typeof clientId === 'string' && this.subscriptions.mayWant(clientId, type);
  }

  handle(events: readonly CloudEvent[], tx: ConsumerTransaction): Promise<void> {
    return this.fanOut.fanOut(events, tx.manager);
  }
}
