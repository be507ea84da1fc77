import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { Topics } from '@ains/contracts';
import { InboxProcessor, consumedMessageOf } from '@ains/messaging';
import { TrustService } from './trust.service';

@Controller()
export class AgentEventsConsumer {
  constructor(
    private readonly inbox: InboxProcessor,
    private readonly trust: TrustService,
  ) {}

  @EventPattern(Topics.agent)
  async onAgentEvent(@Ctx() context: KafkaContext): Promise<void> {
    await this.inbox.process(consumedMessageOf(context), {
      'ains.agent.registered.v1': (event, manager) => this.trust.initialise(event.data.agentId, manager),
    });
  }
}
