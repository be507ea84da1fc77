import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CloudEvent } from '@ains/contracts';
import { EndpointsRepository } from '../endpoints/endpoints.repository';
import { matchesEventFilters } from '../endpoints/event-filter';
import { DeliveriesRepository } from './deliveries.repository';
import { announceDueDeliveries } from './due-notifications';
import { deliveryIdFor, messageIdFor } from './message-identity';

/**
 * Turns one consumed event into one queued delivery per matching endpoint of the event's client,
 * inside the inbox transaction: the event is marked consumed if and only if its deliveries exist.
 */
@Injectable()
export class FanOutService {
  constructor(
    private readonly endpoints: EndpointsRepository,
    private readonly deliveries: DeliveriesRepository,
  ) {}

  async fanOut(event: CloudEvent, manager: EntityManager): Promise<void> {
    const clientId = (event.data as { clientId: string }).clientId;
    const endpoints = await this.endpoints.findEnabledForClient(manager, clientId);
    const matching = endpoints.filter((endpoint) => matchesEventFilters(event.type, endpoint.eventTypes));
    if (matching.length === 0) return;
    const body = structuredBody(event);
    await this.deliveries.insertMany(
      manager,
      matching.map((endpoint) => ({
        id: deliveryIdFor(event.id, endpoint.id),
        endpointId: endpoint.id,
        clientId,
        messageId: messageIdFor(event.id, endpoint.id),
        eventId: event.id,
        eventType: event.type,
        body,
      })),
    );
    await announceDueDeliveries(manager);
  }
}

/** The CloudEvent in structured JSON mode: what the receiver gets as the request body. */
export function structuredBody(event: CloudEvent): string {
  const { specversion, id, source, type, time, subject, datacontenttype, data } = event;
  return JSON.stringify({ specversion, id, source, type, time, subject, datacontenttype, data });
}
