import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { Topics } from '@ains/contracts';
import { InboxProcessor, consumedMessageOf } from '@ains/messaging';
import { DispatcherService } from '../dispatch/dispatcher.service';
import { FleetService } from './fleet.service';

/** Agent and trust events: a changed fleet may unblock queued tasks, so each wakes the dispatcher. */
@Controller()
export class FleetEventsConsumer {
  constructor(
    private readonly inbox: InboxProcessor,
    private readonly fleet: FleetService,
    private readonly dispatcher: DispatcherService,
  ) {}

  @EventPattern(Topics.agent)
  async onAgentEvent(@Ctx() context: KafkaContext): Promise<void> {
    const outcome = await this.inbox.process(consumedMessageOf(context), {
      'ains.agent.registered.v1': (event, manager) => this.fleet.onRegistered(event, manager),
      'ains.agent.updated.v1': (event, manager) => this.fleet.onUpdated(event, manager),
      'ains.agent.status_changed.v1': (event, manager) => this.fleet.onStatusChanged(event, manager),
    });
    if (outcome === 'processed') this.dispatcher.wake();
  }

  @EventPattern(Topics.trust)
  async onTrustEvent(@Ctx() context: KafkaContext): Promise<void> {
    const outcome = await this.inbox.process(consumedMessageOf(context), {
      'ains.trust.score_changed.v1': (event, manager) => this.fleet.onTrustChanged(event, manager),
    });
    if (outcome === 'processed') this.dispatcher.wake();
  }
}
