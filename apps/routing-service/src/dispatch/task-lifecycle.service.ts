import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CloudEvent, EventData } from '@ains/contracts';
import { QueueRepository } from './queue.repository';

type QueuedAttempt = Pick<EventData<'ains.task.queued.v1'>, 'taskId' | 'clientId' | 'taskType' | 'priority' | 'effectivePriority' | 'routing' | 'excludedAgentIds' | 'attempt' | 'queuedAt'>;

/**
 * Follows task-service's events: queued attempts enter the dispatch queue, priority changes
 * re-rank them, and an attempt that ends (or moves on) frees the agent slot its decision took.
 * What depends on the whole queue (backpressure) or folds many events into one row (completion
 * times) is left to the batch (TaskEventsConsumer), so it is done once per batch.
 */
@Injectable()
export class TaskLifecycleService {
  constructor(private readonly queue: QueueRepository) {}

  /** A task runnable at creation is queued by its `created` event. */
  async onCreated(event: CloudEvent<'ains.task.created.v1'>, manager: EntityManager): Promise<boolean> {
    const { data } = event;
    if (!data.queued) return false;
    await this.enqueue(manager, { ...data, ...data.queued });
    return true;
  }

  async onQueued(event: CloudEvent<'ains.task.queued.v1'>, manager: EntityManager): Promise<void> {
    await this.enqueue(manager, event.data);
  }

  async onPriorityChanged(event: CloudEvent<'ains.task.priority_changed.v1'>, manager: EntityManager): Promise<void> {
    await this.queue.setEffectivePriority(manager, event.data.taskId, event.data.effectivePriority);
  }

  async onAssigned(event: CloudEvent<'ains.task.assigned.v1'>, manager: EntityManager): Promise<void> {
    await this.queue.remove(manager, event.data.taskId, event.data.attempt);
    await this.queue.confirm(manager, event.data.taskId, event.data.attempt);
  }

  async onCompleted(event: CloudEvent<'ains.task.completed.v1'>, manager: EntityManager): Promise<void> {
    await this.queue.release(manager, event.data.taskId, { attempt: event.data.attempt });
  }

  /** Failed or timed out: the attempt is over; a retry arrives as a new queued attempt. */
  async onAttemptEnded(event: CloudEvent<'ains.task.failed.v1' | 'ains.task.timed_out.v1'>, manager: EntityManager): Promise<void> {
    await this.queue.release(manager, event.data.taskId, { attempt: event.data.attempt });
    await this.queue.remove(manager, event.data.taskId, event.data.attempt);
  }

  /** Cancelled or dead-lettered: nothing of the task runs any more. */
  async onTaskEnded(event: CloudEvent<'ains.task.cancelled.v1' | 'ains.task.dead_lettered.v1'>, manager: EntityManager): Promise<void> {
    await this.queue.release(manager, event.data.taskId, 'all');
    await this.queue.remove(manager, event.data.taskId);
  }

  private async enqueue(manager: EntityManager, data: QueuedAttempt): Promise<void> {
    // A new attempt means every earlier one is over, whatever happened to its own events.
    await this.queue.release(manager, data.taskId, { attemptsBelow: data.attempt });
    await this.queue.enqueue(manager, {
      taskId: data.taskId,
      clientId: data.clientId,
      taskType: data.taskType,
      attempt: data.attempt,
      priority: data.priority,
      effectivePriority: data.effectivePriority,
      requirements: data.routing,
      excludedAgentIds: data.excludedAgentIds,
      queuedAt: new Date(data.queuedAt),
    });
  }
}
