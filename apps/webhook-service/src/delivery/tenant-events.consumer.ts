import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { Topics, WEBHOOK_EVENT_TYPES, type EventType } from '@ains/contracts';
import { InboxProcessor, consumedMessageOf, type EventHandler, type EventHandlers } from '@ains/messaging';
import { FanOutService } from './fan-out.service';

/**
 * Consumes the topics of client-owned aggregates and fans every deliverable event out to the
 * matching endpoints of its client. Agent, trust and routing topics are not consumed: their events
 * concern the shared fleet, not one client.
 */
@Controller()
export class TenantEventsConsumer {
  private readonly handlers: EventHandlers;

  constructor(
    private readonly inbox: InboxProcessor,
    fanOut: FanOutService,
  ) {
    const handler: EventHandler<EventType> = (event, manager) => fanOut.fanOut(event, manager);
    this.handlers = Object.fromEntries(WEBHOOK_EVENT_TYPES.map((type) => [type, handler])) as EventHandlers;
  }

  @EventPattern(Topics.task)
  async onTaskEvent(@Ctx() context: KafkaContext): Promise<void> {
    await this.inbox.process(consumedMessageOf(context), this.handlers);
  }

  @EventPattern(Topics.chain)
  async onChainEvent(@Ctx() context: KafkaContext): Promise<void> {
    await this.inbox.process(consumedMessageOf(context), this.handlers);
  }

  @EventPattern(Topics.schedule)
  async onScheduleEvent(@Ctx() context: KafkaContext): Promise<void> {
    await this.inbox.process(consumedMessageOf(context), this.handlers);
  }

  @EventPattern(Topics.webhook)
  async onWebhookEvent(@Ctx() context: KafkaContext): Promise<void> {
    await this.inbox.process(consumedMessageOf(context), this.handlers);
  }
}
