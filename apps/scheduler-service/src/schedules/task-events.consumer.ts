import { Injectable } from '@nestjs/common';
import { EventHandlersConsumer, type EventHandlers } from '@ains/messaging';
import { RunOutcomesService } from './run-outcomes.service';

/** Follows the tasks schedules created, to record each run's outcome; other tasks are skipped unread. */
@Injectable()
export class TaskEventsConsumer extends EventHandlersConsumer {
  protected readonly handlers: EventHandlers = {
    'ains.task.created.v1': (event, manager) => this.outcomes.onTaskCreated(event, manager),
    'ains.task.completed.v1': (event, manager) => this.outcomes.onTaskFinished(event, manager),
    'ains.task.failed.v1': (event, manager) => this.outcomes.onTaskFinished(event, manager),
    'ains.task.timed_out.v1': (event, manager) => this.outcomes.onTaskFinished(event, manager),
    'ains.task.cancelled.v1': (event, manager) => this.outcomes.onTaskFinished(event, manager),
    'ains.task.dead_lettered.v1': (event, manager) => this.outcomes.onTaskFinished(event, manager),
    'ains.task.creation_rejected.v1': (event, manager) => this.outcomes.onTaskNotCreated(event, manager),
  };

  constructor(private readonly outcomes: RunOutcomesService) {
    super();
  }

  /** Task events carry the schedule that created the task; a task of no schedule is none of ours. */
  override concerns(_type: string, data: unknown): boolean {
    const scheduleId = (data as { scheduleId?: unknown } | null)?.scheduleId;
    return typeof scheduleId === 'string';
  }
}
