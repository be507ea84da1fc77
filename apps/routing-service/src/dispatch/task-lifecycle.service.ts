import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CloudEvent } from '@ains/contracts';
import { FleetRepository } from '../read-model/fleet.repository';
import { ROUTING_SETTINGS, type RoutingSettings } from '../routing-settings';
import { BackpressureService } from './backpressure.service';
import { QueueRepository } from './queue.repository';

/**
 * Follows task-service's events: queued attempts enter the dispatch queue, priority changes
 * re-rank them, and an attempt that ends (or moves on) frees the agent slot its decision took.
 */
@Injectable()
export class TaskLifecycleService {
  constructor(
    private readonly queue: QueueRepository,
    private readonly fleet: FleetRepository,
    private readonly backpressure: BackpressureService,
    @Inject(ROUTING_SETTINGS) private readonly settings: RoutingSettings,
  ) {}

  async onQueued(event: CloudEvent<'ains.task.queued.v1'>, manager: EntityManager): Promise<void> {
    const { data } = event;
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
    await this.backpressure.evaluate(manager);
  }

  async onPriorityChanged(event: CloudEvent<'ains.task.priority_changed.v1'>, manager: EntityManager): Promise<void> {
    await this.queue.setEffectivePriority(manager, event.data.taskId, event.data.effectivePriority);
  }

  async onAssigned(event: CloudEvent<'ains.task.assigned.v1'>, manager: EntityManager): Promise<void> {
    await this.queue.remove(manager, event.data.taskId, event.data.attempt);
    await this.queue.confirm(manager, event.data.taskId, event.data.attempt);
  }

  async onCompleted(event: CloudEvent<'ains.task.completed.v1'>, manager: EntityManager): Promise<void> {
    const { data } = event;
    await this.queue.release(manager, data.taskId, { attempt: data.attempt });
    await this.fleet.recordCompletion(manager, data.agentId, data.durationMs, this.settings.completionAverageAlpha);
  }

  /** Failed or timed out: the attempt is over; a retry arrives as a new queued attempt. */
  async onAttemptEnded(event: CloudEvent<'ains.task.failed.v1' | 'ains.task.timed_out.v1'>, manager: EntityManager): Promise<void> {
    await this.queue.release(manager, event.data.taskId, { attempt: event.data.attempt });
    await this.queue.remove(manager, event.data.taskId, event.data.attempt);
    await this.backpressure.evaluate(manager);
  }

  /** Cancelled or dead-lettered: nothing of the task runs any more. */
  async onTaskEnded(event: CloudEvent<'ains.task.cancelled.v1' | 'ains.task.dead_lettered.v1'>, manager: EntityManager): Promise<void> {
    await this.queue.release(manager, event.data.taskId, 'all');
    await this.queue.remove(manager, event.data.taskId);
    await this.backpressure.evaluate(manager);
  }
}
