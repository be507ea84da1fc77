import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { Topics } from '@ains/contracts';
import { InboxProcessor, consumedMessageOf } from '@ains/messaging';
import { RunOutcomesService } from './run-outcomes.service';

@Controller()
export class TaskEventsConsumer {
  constructor(
    private readonly inbox: InboxProcessor,
    private readonly outcomes: RunOutcomesService,
  ) {}

  @EventPattern(Topics.task)
  async onTaskEvent(@Ctx() context: KafkaContext): Promise<void> {
    await this.inbox.process(consumedMessageOf(context), {
      'ains.task.created.v1': (event, manager) => this.outcomes.onTaskCreated(event, manager),
      'ains.task.completed.v1': (event, manager) => this.outcomes.onTaskFinished(event, manager),
      'ains.task.failed.v1': (event, manager) => this.outcomes.onTaskFinished(event, manager),
      'ains.task.timed_out.v1': (event, manager) => this.outcomes.onTaskFinished(event, manager),
      'ains.task.cancelled.v1': (event, manager) => this.outcomes.onTaskFinished(event, manager),
      'ains.task.dead_lettered.v1': (event, manager) => this.outcomes.onTaskFinished(event, manager),
      'ains.task.creation_rejected.v1': (event, manager) => this.outcomes.onTaskNotCreated(event, manager),
    });
  }
}
