import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxWriter } from '@ains/messaging';
import { ROUTING_SETTINGS, type RoutingSettings } from '../routing-settings';
import { QueueRepository } from './queue.repository';

/** Subject (and Kafka key) of backpressure events: there is one dispatch queue. */
export const DISPATCH_QUEUE_SUBJECT = 'dispatch-queue';

/**
 * Engages when the queued depth passes the limit and releases when it is back at the release
 * depth (a lower mark, so a queue hovering at the limit does not flap). Each transition is
 * claimed by a conditional update of one row, so replicas publish it exactly once.
 */
@Injectable()
export class BackpressureService {
  constructor(
    private readonly queue: QueueRepository,
    private readonly outbox: OutboxWriter,
    @Inject(ROUTING_SETTINGS) private readonly settings: RoutingSettings,
  ) {}

  async evaluate(manager: EntityManager): Promise<void> {
    const depth = await this.queue.depth(manager);
    const { backpressureLimit: limit, backpressureReleaseDepth: releaseDepth } = this.settings;
    let engaged: boolean;
    if (depth > limit) engaged = true;
    else if (depth <= releaseDepth) engaged = false;
    else return;
    if (!(await this.queue.switchBackpressure(manager, engaged))) return;
    await this.outbox.append(manager, {
      type: 'ains.routing.backpressure_changed.v1',
      subject: DISPATCH_QUEUE_SUBJECT,
      data: { engaged, queuedDepth: depth, limit, retryAfterSeconds: this.settings.backpressureRetryAfterSeconds, changedAt: new Date().toISOString() },
    });
  }
}
