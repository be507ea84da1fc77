import { Injectable } from '@nestjs/common';
import { EventHandlersConsumer, type EventHandlers } from '@ains/messaging';
import { AgentKeysRepository } from '../signatures/agent-keys.repository';
import { Backpressure } from './backpressure.service';
import { EventReactions } from './event-reactions.service';

/** Routing decisions assign tasks; agents going away give theirs back; agents' public keys verify their reports; schedules create tasks. */
@Injectable()
export class EventsConsumer extends EventHandlersConsumer {
  protected readonly handlers: EventHandlers = {
    'ains.routing.decided.v1': (event, manager) => this.reactions.onRoutingDecided(manager, event.data),
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

  /** Only an agent that goes away gives tasks back; other status changes are skipped unread. */
  override concerns(type: string, data: unknown): boolean {
    if (type !== 'ains.agent.status_changed.v1') return true;
    const status = (data as { status?: unknown } | null)?.status;
    return status === 'offline' || status === 'deregistered';
  }
}
