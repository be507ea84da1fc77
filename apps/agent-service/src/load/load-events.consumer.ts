import { Injectable } from '@nestjs/common';
import type { CloudEvent, EventType } from '@ains/contracts';
import { EventConsumer, inEventContext, type ConsumerTransaction, type EventHandler, type EventHandlers } from '@ains/messaging';
import { AgentCache } from '../agents/agent-cache';
import { LoadService } from './load.service';

/**
 * Task events move agents' load and performance figures; score changes feed the `min_trust`
 * filter (only each agent's newest of a batch is written). The cached views of the agents a batch
 * changed are dropped once it has committed, so no reader caches the state from before it.
 */
@Injectable()
export class LoadEventsConsumer extends EventConsumer {
  readonly eventTypes: readonly EventType[] = [
    'ains.task.assigned.v1',
    'ains.task.completed.v1',
    'ains.task.failed.v1',
    'ains.task.timed_out.v1',
    'ains.task.cancelled.v1',
    'ains.task.dead_lettered.v1',
    'ains.trust.score_changed.v1',
  ];

  constructor(
    private readonly load: LoadService,
    private readonly cache: AgentCache,
  ) {
    super();
  }

  async handle(events: readonly CloudEvent[], tx: ConsumerTransaction): Promise<void> {
    const { manager } = tx;
    const changed = new Set<string>();
    const newestScores = new Map<string, CloudEvent<'ains.trust.score_changed.v1'>>();
    const track = async (work: Promise<string[]>) => {
      for (const id of await work) changed.add(id);
    };
    const handlers: EventHandlers = {
      'ains.task.assigned.v1': (event) => track(this.load.onAssigned(event, manager)),
      'ains.task.completed.v1': (event) => track(this.load.onCompleted(event, manager)),
      'ains.task.failed.v1': (event) => track(this.load.onFailed(event, manager)),
      'ains.task.timed_out.v1': (event) => track(this.load.onFailed(event, manager)),
      'ains.task.cancelled.v1': (event) => track(this.load.onEnded(event, manager)),
      'ains.task.dead_lettered.v1': (event) => track(this.load.onEnded(event, manager)),
      'ains.trust.score_changed.v1': async (event) => {
        newestScores.set(event.data.agentId, event);
      },
    };
    for (const event of events) {
      const handler = handlers[event.type] as EventHandler<EventType> | undefined;
      if (handler) await inEventContext(event, () => handler(event, manager));
    }
    for (const change of newestScores.values()) await this.load.onTrustChanged(change, manager);
    if (changed.size > 0) tx.afterCommit(() => this.cache.invalidate(...changed));
  }
}
