import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CloudEvent, RunOutcome } from '@ains/contracts';
import { SchedulesRepository } from './schedules.repository';

type TerminalEvent =
  | CloudEvent<'ains.task.completed.v1'>
  | CloudEvent<'ains.task.failed.v1'>
  | CloudEvent<'ains.task.timed_out.v1'>
  | CloudEvent<'ains.task.cancelled.v1'>
  | CloudEvent<'ains.task.dead_lettered.v1'>;

/**
 * Run statistics from the tasks the schedules created. A task created for a schedule is linked to
 * its run; the first terminal event of that task ends the run and counts once in the schedule's
 * statistics. Events of tasks no schedule created find no run and change nothing.
 */
@Injectable()
export class RunOutcomesService {
  constructor(private readonly schedules: SchedulesRepository) {}

  async onTaskCreated(event: CloudEvent<'ains.task.created.v1'>, manager: EntityManager): Promise<void> {
    const { scheduleId, clientId, taskId, scheduleFireTime } = event.data;
    if (scheduleId) await this.schedules.linkTask(manager, { scheduleId, clientId, taskId, fireTime: scheduleFireTime ?? null });
  }

  async onTaskFinished(event: TerminalEvent, manager: EntityManager): Promise<void> {
    const outcome = outcomeOf(event);
    if (!outcome) return;
    const run = await this.schedules.finishRun(manager, event.data.taskId, {
      status: outcome === 'completed' ? 'completed' : 'failed',
      outcome,
      durationMs: event.type === 'ains.task.completed.v1' ? event.data.durationMs : null,
      finishedAt: new Date(event.time),
    });
    if (run) await this.schedules.recordOutcome(manager, run.scheduleId, run);
  }
}

/** The run's outcome, or undefined while the task will still be retried. */
function outcomeOf(event: TerminalEvent): RunOutcome | undefined {
  switch (event.type) {
    case 'ains.task.completed.v1':
      return 'completed';
    case 'ains.task.failed.v1':
      return event.data.willRetry ? undefined : 'failed';
    case 'ains.task.timed_out.v1':
      return event.data.willRetry ? undefined : 'timed_out';
    case 'ains.task.cancelled.v1':
      return 'cancelled';
    case 'ains.task.dead_lettered.v1':
      return 'dead_lettered';
  }
}
