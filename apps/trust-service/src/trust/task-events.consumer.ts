import { Injectable } from '@nestjs/common';
import type { CloudEvent, EventType } from '@ains/contracts';
import { EventConsumer, inEventContext, type ConsumerTransaction } from '@ains/messaging';
import type { TaskOutcome } from './trust-rules';
import { TrustService, type FinishedTask } from './trust.service';

const OUTCOMES: Partial<Record<EventType, TaskOutcome>> = {
  'ains.task.completed.v1': 'completed',
  'ains.task.failed.v1': 'failed',
  'ains.task.timed_out.v1': 'timed_out',
};

type OutcomeEvent = CloudEvent<'ains.task.completed.v1' | 'ains.task.failed.v1' | 'ains.task.timed_out.v1'>;

/**
 * Terminal task events move the score of the agent that ran the task, exactly once each (inbox),
 * a batch at a time. Failures and time-outs without an agent (the task never reached one) change
 * nothing and are skipped before any database work.
 */
@Injectable()
export class TaskEventsConsumer extends EventConsumer {
  readonly eventTypes = Object.keys(OUTCOMES) as EventType[];

  constructor(private readonly trust: TrustService) {
    super();
  }

  override concerns(_type: EventType, data: unknown): boolean {
    return typeof (data as { agentId?: unknown } | null)?.agentId === 'string';
  }

  async handle(events: readonly CloudEvent[], tx: ConsumerTransaction): Promise<void> {
    const finished: FinishedTask[] = [];
    for (const event of events as readonly OutcomeEvent[]) {
      const outcome = OUTCOMES[event.type];
      // `concerns` let through only outcomes with an agent; the check keeps the types honest.
      if (outcome && event.data.agentId) finished.push({ agentId: event.data.agentId, taskId: event.data.taskId, outcome, eventId: event.id, eventType: event.type });
    }
    // One span for the batch, in the trace of its first event.
    await inEventContext(events[0], () => this.trust.applyTaskOutcomes(tx.manager, finished));
  }
}
