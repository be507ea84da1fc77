import { Injectable } from '@nestjs/common';
import { EventHandlersConsumer, type EventHandlers } from '@ains/messaging';
import { TrustService } from './trust.service';

/**
 * Terminal task events move the score of the agent that ran the task, exactly once each (inbox).
 * Failures and time-outs without an agent (the task never reached one) change nothing.
 */
@Injectable()
export class TaskEventsConsumer extends EventHandlersConsumer {
  protected readonly handlers: EventHandlers = {
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

  constructor(private readonly trust: TrustService) {
    super();
  }

  /** Failures and time-outs that never reached an agent are skipped before any database work. */
  override concerns(_type: string, data: unknown): boolean {
    return (data as { agentId?: unknown } | null)?.agentId !== null;
  }
}
