import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { Topics } from '@ains/contracts';
import { InboxProcessor, consumedMessageOf } from '@ains/messaging';
import { DispatcherService } from './dispatcher.service';
import { TaskLifecycleService } from './task-lifecycle.service';

@Controller()
export class TaskEventsConsumer {
  constructor(
    private readonly inbox: InboxProcessor,
    private readonly tasks: TaskLifecycleService,
    private readonly dispatcher: DispatcherService,
  ) {}

  /** Every handled task event either queues work or frees a slot, so it wakes the dispatcher. */
  @EventPattern(Topics.task)
  async onTaskEvent(@Ctx() context: KafkaContext): Promise<void> {
    const outcome = await this.inbox.process(consumedMessageOf(context), {
      'ains.task.queued.v1': (event, manager) => this.tasks.onQueued(event, manager),
      'ains.task.priority_changed.v1': (event, manager) => this.tasks.onPriorityChanged(event, manager),
      'ains.task.assigned.v1': (event, manager) => this.tasks.onAssigned(event, manager),
      'ains.task.completed.v1': (event, manager) => this.tasks.onCompleted(event, manager),
      'ains.task.failed.v1': (event, manager) => this.tasks.onAttemptEnded(event, manager),
      'ains.task.timed_out.v1': (event, manager) => this.tasks.onAttemptEnded(event, manager),
      'ains.task.cancelled.v1': (event, manager) => this.tasks.onTaskEnded(event, manager),
      'ains.task.dead_lettered.v1': (event, manager) => this.tasks.onTaskEnded(event, manager),
    });
    if (outcome === 'processed') this.dispatcher.wake();
  }
}
