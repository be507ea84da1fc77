import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { Topics } from '@ains/contracts';
import { InboxProcessor, consumedMessageOf } from '@ains/messaging';
import { Backpressure } from './backpressure.service';
import { EventReactions } from './event-reactions.service';

@Controller()
export class EventsConsumer {
  constructor(
    private readonly inbox: InboxProcessor,
    private readonly reactions: EventReactions,
    private readonly backpressure: Backpressure,
  ) {}

  @EventPattern(Topics.routing)
  async onRoutingEvent(@Ctx() context: KafkaContext): Promise<void> {
    await this.inbox.process(consumedMessageOf(context), {
      'ains.routing.decided.v1': (event, manager) => this.reactions.onRoutingDecided(manager, event.data),
      'ains.routing.backpressure_changed.v1': (event, manager) => this.backpressure.record(manager, event.data),
    });
  }

  @EventPattern(Topics.agent)
  async onAgentEvent(@Ctx() context: KafkaContext): Promise<void> {
    await this.inbox.process(consumedMessageOf(context), {
      'ains.agent.status_changed.v1': (event, manager) => this.reactions.onAgentStatusChanged(manager, event.data),
    });
  }

  @EventPattern(Topics.schedule)
  async onScheduleEvent(@Ctx() context: KafkaContext): Promise<void> {
    await this.inbox.process(consumedMessageOf(context), {
      'ains.schedule.fired.v1': (event, manager) => this.reactions.onScheduleFired(manager, event.data),
    });
  }
}
