import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CloudEvent, RunOutcome } from '@ains/contracts';
import { OutboxWriter } from '@ains/messaging';
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
  constructor(
    private readonly schedules: SchedulesRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async onTaskCreated(event: CloudEvent<'ains.task.created.v1'>, manager: EntityManager): Promise<void> {
    const { scheduleId, clientId, taskId, scheduleFireTime } = event.data;
    if (scheduleId) await this.schedules.linkTask(manager, { scheduleId, clientId, taskId, fireTime: scheduleFireTime ?? null });
  }

  /**
   * The run's task could not be created: the run fails with the reason, counts as a failure and
   * is announced (`ains.schedule.run_failed.v1`, which webhooks deliver), all in the inbox
   * transaction, so it happens once however often the rejection arrives.
   */
  async onTaskNotCreated(event: CloudEvent<'ains.task.creation_rejected.v1'>, manager: EntityManager): Promise<void> {
    const { runId, clientId, reason } = event.data;
    const run = await this.schedules.failRunWithoutTask(manager, { runId, clientId, reason, at: new Date(event.time) });
    if (!run) return;
    await this.schedules.recordOutcome(manager, run.scheduleId, run);
    await this.outbox.append(manager, {
      type: 'ains.schedule.run_failed.v1',
      subject: run.scheduleId,
      data: { scheduleId: run.scheduleId, clientId, runId, fireTime: run.fireTime.toISOString(), outcome: 'task_not_created', reason, failedAt: event.time },
    });
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
