import { Injectable } from '@nestjs/common';
import type { CloudEvent, EventType } from '@ains/contracts';
import { EventConsumer, applyInOrder, type ConsumerTransaction, type EventHandlers } from '@ains/messaging';
import { DispatcherService } from '../dispatch/dispatcher.service';
import { QueueRepository } from '../dispatch/queue.repository';
import { FleetService } from './fleet.service';

/**
 * Agent and trust events keep routing's view of the fleet current; a changed fleet may unblock
 * queued tasks, so a batch wakes the dispatcher. Of a batch's score changes only each agent's
 * newest matters to routing, so one write per agent applies them.
 */
@Injectable()
export class FleetEventsConsumer extends EventConsumer {
  readonly eventTypes: readonly EventType[] = ['ains.agent.registered.v1', 'ains.agent.updated.v1', 'ains.agent.status_changed.v1', 'ains.trust.score_changed.v1'];

  constructor(
    private readonly fleet: FleetService,
    private readonly dispatcher: DispatcherService,
    private readonly queue: QueueRepository,
  ) {
    super();
  }

  async handle(events: readonly CloudEvent[], tx: ConsumerTransaction): Promise<void> {
    const { manager } = tx;
    // Status changes lock agents' rows in event order; the dispatch lock keeps rounds out meanwhile.
    await this.queue.waitForDispatchLock(manager);
    const newestScores = new Map<string, CloudEvent<'ains.trust.score_changed.v1'>>();
    const handlers: EventHandlers = {
      'ains.agent.registered.v1': (event) => this.fleet.onRegistered(event, manager),
      'ains.agent.updated.v1': (event) => this.fleet.onUpdated(event, manager),
      'ains.agent.status_changed.v1': (event) => this.fleet.onStatusChanged(event, manager),
      'ains.trust.score_changed.v1': async (event) => {
        newestScores.set(event.data.agentId, event);
      },
    };
    await applyInOrder(events, handlers, manager);
    for (const change of newestScores.values()) await this.fleet.onTrustChanged(change, manager);
    tx.afterCommit(() => this.dispatcher.wake());
  }
}
