import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { Topics } from '@ains/contracts';
import { InboxProcessor, consumedMessageOf, type ConsumedMessage, type EventHandlers, type ProcessOutcome } from '@ains/messaging';
import { TrustService } from './trust.service';

/**
 * Terminal task events move the score of the agent that ran the task, exactly once each (inbox).
 * Failures and time-outs without an agent (the task never reached one) change nothing.
 */
@Controller()
export class TaskEventsConsumer {
  private readonly handlers: EventHandlers = {
    'ains.task.completed.v1': (event, manager) =>
      this.trust.applyTaskOutcome(manager, { agentId: event.data.agentId, taskId: event.data.taskId, outcome: 'completed', eventId: event.id, eventType: event.type }),
    'ains.task.failed.v1': async (event, manager) => {
      if (event.data.agentId === null) return;
      await this.trust.applyTaskOutcome(manager, { agentId: event.data.agentId, taskId: event.data.taskId, outcome: 'failed', eventId: event.id, eventType: event.type });
    },
    'ains.task.timed_out.v1': async (event, manager) => {
      if (event.data.agentId === null) return;
      await this.trust.applyTaskOutcome(manager, { agentId: event.data.agentId, taskId: event.data.taskId, outcome: 'timed_out', eventId: event.id, eventType: event.type });
    },
  };

  constructor(
    private readonly inbox: InboxProcessor,
    private readonly trust: TrustService,
  ) {}

  @EventPattern(Topics.task)
  async onTaskEvent(@Ctx() context: KafkaContext): Promise<void> {
    await this.handle(consumedMessageOf(context));
  }

  /** One consumed message through the inbox; public so tests can drive many deliveries at once. */
  handle(message: ConsumedMessage): Promise<ProcessOutcome> {
    return this.inbox.process(message, this.handlers);
  }
}
