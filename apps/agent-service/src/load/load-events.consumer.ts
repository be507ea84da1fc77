import { Injectable } from '@nestjs/common';
import type { CloudEvent, EventType } from '@ains/contracts';
import { EventConsumer, inEventContext, type ConsumerTransaction } from '@ains/messaging';
import { AgentCache } from '../agents/agent-cache';
import { LOAD_EVENT_TYPES, LoadService, type LoadEvent } from './load.service';

/**
 * Task events move agents' load and performance figures, a batch at a time; score changes feed the
 * `min_trust` filter (only each agent's newest of a batch is written). The cached views of the
 * agents a batch changed are dropped once it has committed, so no reader caches the state from
 * before it.
 */
@Injectable()
export class LoadEventsConsumer extends EventConsumer {
  readonly eventTypes: readonly EventType[] = [...LOAD_EVENT_TYPES, 'ains.trust.score_changed.v1'];

  constructor(
    private readonly load: LoadService,
    private readonly cache: AgentCache,
  ) {
    super();
  }

  async handle(events: readonly CloudEvent[], tx: ConsumerTransaction): Promise<void> {
    const { manager } = tx;
    const newestScores = new Map<string, CloudEvent<'ains.trust.score_changed.v1'>>();
    const taskEvents: LoadEvent[] = [];
    for (const event of events) {
      if (event.type === 'ains.trust.score_changed.v1') {
        const change = event as CloudEvent<'ains.trust.score_changed.v1'>;
        newestScores.set(change.data.agentId, change);
      } else {
        taskEvents.push(event as LoadEvent);
      }
    }
    // One span for the batch, in the trace of its first event.
    const changed = taskEvents.length > 0 ? await inEventContext(taskEvents[0], () => this.load.apply(manager, taskEvents)) : [];
    for (const change of newestScores.values()) await this.load.onTrustChanged(change, manager);
    // Scores are not in the agent view but filter the list (`min_trust`).
    const affected = [...new Set([...changed, ...newestScores.keys()])];
    if (affected.length > 0) tx.afterCommit(() => this.cache.invalidate(...affected));
  }
}
