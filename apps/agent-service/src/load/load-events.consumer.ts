import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { Topics } from '@ains/contracts';
import { InboxProcessor, consumedMessageOf } from '@ains/messaging';
import { AgentCache } from '../agents/agent-cache';
import { LoadService } from './load.service';

@Controller()
export class LoadEventsConsumer {
  constructor(
    private readonly inbox: InboxProcessor,
    private readonly load: LoadService,
    private readonly cache: AgentCache,
  ) {}

  @EventPattern(Topics.task)
  async onTaskEvent(@Ctx() context: KafkaContext): Promise<void> {
    const changed = new Set<string>();
    const track = async (work: Promise<string[]>) => {
      for (const id of await work) changed.add(id);
    };
    await this.inbox.process(consumedMessageOf(context), {
      'ains.task.assigned.v1': (event, manager) => track(this.load.onAssigned(event, manager)),
      'ains.task.completed.v1': (event, manager) => track(this.load.onCompleted(event, manager)),
      'ains.task.failed.v1': (event, manager) => track(this.load.onFailed(event, manager)),
      'ains.task.timed_out.v1': (event, manager) => track(this.load.onFailed(event, manager)),
      'ains.task.cancelled.v1': (event, manager) => track(this.load.onEnded(event, manager)),
      'ains.task.dead_lettered.v1': (event, manager) => track(this.load.onEnded(event, manager)),
    });
    // After the commit, so no reader can cache the state from before it.
    await this.cache.invalidate(...changed);
  }

  @EventPattern(Topics.trust)
  async onTrustEvent(@Ctx() context: KafkaContext): Promise<void> {
    await this.inbox.process(consumedMessageOf(context), {
      'ains.trust.score_changed.v1': (event, manager) => this.load.onTrustChanged(event, manager),
    });
  }
}
