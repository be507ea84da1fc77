import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxWriter } from '@ains/messaging';
import { TaskEventsOf } from './task-events';
import { transition } from './task-state-machine';
import type { TaskRow } from './task.row';
import { TasksRepository, type TaskChanges } from './tasks.repository';

/** Puts a task (back) in the dispatch queue as a new attempt, and tells routing-service. */
@Injectable()
export class TaskQueue {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async queue(manager: EntityManager, task: TaskRow, action: 'queue' | 'requeue' | 'retry', changes: TaskChanges = {}): Promise<TaskRow> {
    const queued = await this.tasks.update(manager, task.id, {
      status_reason: null,
      ...changes,
      status: transition(task.status, action),
      attempt: task.attempt + 1,
      queued_at: new Date(),
      assigned_agent_id: null,
      claimed_at: null,
      lease_expires_at: null,
      deadline_at: null,
      retry_at: null,
    });
    await this.outbox.append(manager, TaskEventsOf.queued(queued));
    return queued;
  }
}
