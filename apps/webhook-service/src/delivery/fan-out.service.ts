import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CloudEvent } from '@ains/contracts';
import { EndpointsRepository } from '../endpoints/endpoints.repository';
import { matchesEventFilters } from '../endpoints/event-filter';
import { DeliveriesRepository, type NewDelivery } from './deliveries.repository';
import { announceDueDeliveries } from './due-notifications';
import { deliveryIdFor, messageIdFor } from './message-identity';

/**
 * Turns consumed events into one queued delivery per matching endpoint of each event's client,
 * inside the inbox transaction: the events are marked consumed if and only if their deliveries
 * exist. A batch looks its clients' endpoints up once and queues all its deliveries together.
 */
@Injectable()
export class FanOutService {
  constructor(
    private readonly endpoints: EndpointsRepository,
    private readonly deliveries: DeliveriesRepository,
  ) {}

  async fanOut(events: readonly CloudEvent[], manager: EntityManager): Promise<void> {
    const clientOf = (event: CloudEvent) => (event.data as { clientId: string }).clientId;
    const clients = [...new Set(events.map(clientOf))];
    const endpoints = await this.endpoints.findEnabledForClients(manager, clients);
    const deliveries: NewDelivery[] = [];
    for (const event of events) {
      const clientId = clientOf(event);
      const matching = endpoints.filter((endpoint) => endpoint.clientId === clientId && matchesEventFilters(event.type, endpoint.eventTypes));
      if (matching.length === 0) continue;
      const body = structuredBody(event);
      for (const endpoint of matching) {
        deliveries.push({
          id: deliveryIdFor(event.id, endpoint.id),
          endpointId: endpoint.id,
          clientId,
          messageId: messageIdFor(event.id, endpoint.id),
          eventId: event.id,
          eventType: event.type,
          body,
        });
      }
    }
    if (deliveries.length === 0) return;
    await this.deliveries.insertMany(manager, deliveries);
    await announceDueDeliveries(manager);
  }
}

/** The CloudEvent in structured JSON mode: what the receiver gets as the request body. */
export function structuredBody(event: CloudEvent): string {
  const { specversion, id, source, type, time, subject, datacontenttype, data } = event;
  return JSON.stringify({ specversion, id, source, type, time, subject, datacontenttype, data });
}
