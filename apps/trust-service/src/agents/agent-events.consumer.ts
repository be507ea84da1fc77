import { Injectable } from '@nestjs/common';
import { EventHandlersConsumer, type EventHandlers } from '@ains/messaging';
import { TrustService } from '../trust/trust.service';
import { AgentProfilesRepository } from './agent-profiles.repository';

/** Registration starts an agent's score at 0.5; profile and status changes feed the leaderboard's filters. */
@Injectable()
export class AgentEventsConsumer extends EventHandlersConsumer {
  protected readonly handlers: EventHandlers = {
    'ains.agent.registered.v1': async (event, manager) => {
      const { agentId, displayName, tags, status, registeredAt } = event.data;
      await this.profiles.upsert(manager, { agentId, displayName, tags, status, at: new Date(registeredAt) });
      await this.trust.initialise(manager, agentId, { eventId: event.id, eventType: event.type, reason: 'agent registered: initial score' });
    },
    'ains.agent.updated.v1': (event, manager) => {
      const { agentId, displayName, tags, updatedAt } = event.data;
      return this.profiles.upsert(manager, { agentId, displayName, tags, at: new Date(updatedAt) });
    },
    'ains.agent.status_changed.v1': (event, manager) => this.profiles.setStatus(manager, event.data.agentId, event.data.status, new Date(event.data.changedAt)),
  };

  constructor(
    private readonly trust: TrustService,
    private readonly profiles: AgentProfilesRepository,
  ) {
    super();
  }
}
