import { Injectable } from '@nestjs/common';
import type { CloudEvent } from '@ains/contracts';
import { consecutiveRuns, EventHandlersConsumer, type ConsumerTransaction, type EventHandlers } from '@ains/messaging';
import { AgentKeysRepository } from '../signatures/agent-keys.repository';
import { Backpressure } from './backpressure.service';
import { EventReactions } from './event-reactions.service';

const DECIDED = 'ains.routing.decided.v1';

/** Routing decisions assign tasks; agents going away give theirs back; agents' public keys verify their reports; schedules create tasks. */
@Injectable()
export class EventsConsumer extends EventHandlersConsumer {
  protected readonly handlers: EventHandlers = {
    'ains.routing.decided.v1': (event, manager) => this.reactions.onRoutingDecided(manager, [event]),
    'ains.routing.backpressure_changed.v1': (event, manager) => this.backpressure.record(manager, event.data),
    'ains.agent.status_changed.v1': (event, manager) => this.reactions.onAgentStatusChanged(manager, event.data),
    'ains.agent.registered.v1': (event, manager) => this.agentKeys.record(manager, event.data.agentId, event.data.publicKey ?? null, event.data.registeredAt),
    'ains.agent.updated.v1': (event, manager) => this.agentKeys.record(manager, event.data.agentId, event.data.publicKey ?? null, event.data.updatedAt),
    'ains.schedule.fired.v1': (event, manager) => this.reactions.onScheduleFired(manager, event.data),
  };

  constructor(
    private readonly reactions: EventReactions,
    private readonly backpressure: Backpressure,
    private readonly agentKeys: AgentKeysRepository,
  ) {
    super();
  }

  /** A dispatch round's decisions arrive together: each run of them is assigned with a few statements, the rest one by one, in order. */
  override async handle(events: readonly CloudEvent[], tx: ConsumerTransaction): Promise<void> {
    for (const run of consecutiveRuns(events, (event) => event.type === DECIDED)) {
      if (run.together) await this.reactions.onRoutingDecided(tx.manager, run.events as CloudEvent<typeof DECIDED>[]);
      else await super.handle(run.events, tx);
    }
  }

  /** Only an agent that goes away gives tasks back; other status changes are skipped unread. */
  override concerns(type: string, data: unknown): boolean {
    if (type !== 'ains.agent.status_changed.v1') return true;
    const status = (data as { status?: unknown } | null)?.status;
    return status === 'offline' || status === 'deregistered';
  }
}
