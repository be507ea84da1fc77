import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { Topics } from '@ains/contracts';
import { InboxProcessor, consumedMessageOf, type ConsumedMessage, type EventHandlers, type ProcessOutcome } from '@ains/messaging';
import { TrustService } from '../trust/trust.service';
import { AgentProfilesRepository } from './agent-profiles.repository';

/** Registration starts an agent's score at 0.5; profile and status changes feed the leaderboard's filters. */
@Controller()
export class AgentEventsConsumer {
  private readonly handlers: EventHandlers = {
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
    private readonly inbox: InboxProcessor,
    private readonly trust: TrustService,
    private readonly profiles: AgentProfilesRepository,
  ) {}

  @EventPattern(Topics.agent)
  async onAgentEvent(@Ctx() context: KafkaContext): Promise<void> {
    await this.handle(consumedMessageOf(context));
  }

  /** One consumed message through the inbox; public so tests can deliver events without a broker. */
  handle(message: ConsumedMessage): Promise<ProcessOutcome> {
    return this.inbox.process(message, this.handlers);
  }
}
