import { Injectable } from '@nestjs/common';
import type { DeliveryQuery } from '@ains/contracts';
import { TransactionRunner } from '@ains/messaging';
import { decodeCursor, encodeCursor } from '@ains/persistence';
import { ProblemException } from '@ains/platform';
import { EndpointsService } from '../endpoints/endpoints.service';
import { DeliveriesRepository } from './deliveries.repository';
import { announceDueDeliveries } from './due-notifications';
import type { DeliveryAttempt } from './delivery-attempt.entity';
import type { Delivery } from './delivery.entity';

export interface DeliveryPage {
  deliveries: Delivery[];
  nextCursor: string | null;
}

/** The delivery log of an endpoint, and resending from it. Every call is scoped by the caller's client. */
@Injectable()
export class DeliveriesService {
  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly endpoints: EndpointsService,
    private readonly transactions: TransactionRunner,
  ) {}

  async list(clientId: string, endpointId: string, query: DeliveryQuery): Promise<DeliveryPage> {
    await this.endpoints.get(clientId, endpointId);
    let after: { createdAt: string; id: string } | undefined;
    if (query.cursor) {
      const parts = decodeCursor(query.cursor, 2);
      if (!parts) throw ProblemException.badRequest('The cursor is not valid.', [{ field: 'cursor', message: 'is not a cursor from a previous page' }]);
      after = { createdAt: String(parts[0]), id: String(parts[1]) };
    }
    const filters = { status: query.status, eventType: query.event_type, since: query.since, until: query.until };
    const rows = await this.deliveries.listPage(clientId, endpointId, filters, query.limit + 1, after);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return { deliveries: page, nextCursor: rows.length > query.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null };
  }

  async get(clientId: string, endpointId: string, id: string): Promise<{ delivery: Delivery; attempts: DeliveryAttempt[] }> {
    const delivery = await this.deliveries.findForClient(clientId, endpointId, id);
    if (!delivery) throw ProblemException.notFound(`Delivery ${id}`);
    return { delivery, attempts: await this.deliveries.attemptsOf(id) };
  }

  /** Sends a finished delivery again with the same `webhook-id` and a fresh retry schedule. */
  async replay(clientId: string, endpointId: string, id: string): Promise<Delivery> {
    await this.assertEnabled(clientId, endpointId);
    return this.transactions.run(async (manager) => {
      const delivery = await this.deliveries.findForClient(clientId, endpointId, id, manager);
      if (!delivery) throw ProblemException.notFound(`Delivery ${id}`);
      if ((await this.deliveries.requeue(manager, endpointId, { id })) === 0) throw ProblemException.conflict('The delivery is still pending.');
      await announceDueDeliveries(manager);
      return (await this.deliveries.findForClient(clientId, endpointId, id, manager)) ?? delivery;
    });
  }

  /** Queues every dead-lettered delivery created since `since` again. */
  async recover(clientId: string, endpointId: string, since: string): Promise<number> {
    await this.assertEnabled(clientId, endpointId);
    return this.transactions.run(async (manager) => {
      const requeued = await this.deliveries.requeue(manager, endpointId, { deadLetteredSince: since });
      if (requeued > 0) await announceDueDeliveries(manager);
      return requeued;
    });
  }

  private async assertEnabled(clientId: string, endpointId: string): Promise<void> {
    const endpoint = await this.endpoints.get(clientId, endpointId);
    if (!endpoint.enabled) throw ProblemException.conflict('The webhook is disabled; enable it before resending.');
  }
}
