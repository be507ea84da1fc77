import { Inject, Injectable } from '@nestjs/common';
import type { CloudEvent } from '@ains/contracts';
import type { EntityManager } from 'typeorm';
import { AGENT_SETTINGS, type AgentSettings } from '../agent-settings';
import { LoadRepository } from './load.repository';

/**
 * Keeps each agent's load (tasks it holds now) and performance (completed, failed, timed out,
 * moving-average completion time) from task events. Each method returns the agents whose
 * figures changed, so the consumer can drop their cached views once the change has committed.
 */
@Injectable()
export class LoadService {
  constructor(
    private readonly load: LoadRepository,
    @Inject(AGENT_SETTINGS) private readonly settings: AgentSettings,
  ) {}

  async onAssigned(event: CloudEvent<'ains.task.assigned.v1'>, manager: EntityManager): Promise<string[]> {
    const { taskId, attempt, agentId, assignedAt } = event.data;
    const released = await this.release(manager, taskId);
    await this.load.addAssignment(manager, taskId, attempt, agentId, assignedAt);
    await this.load.changeActive(manager, agentId, 1);
    return [...released, agentId];
  }

  async onCompleted(event: CloudEvent<'ains.task.completed.v1'>, manager: EntityManager): Promise<string[]> {
    const { taskId, agentId, durationMs } = event.data;
    const released = await this.release(manager, taskId);
    await this.load.countOutcome(manager, agentId, 'completed', durationMs, this.settings.completionAverageAlpha);
    return [...released, agentId];
  }

  async onFailed(event: CloudEvent<'ains.task.failed.v1' | 'ains.task.timed_out.v1'>, manager: EntityManager): Promise<string[]> {
    const { taskId, agentId } = event.data;
    const released = await this.release(manager, taskId);
    // A failure before any agent held the task counts against no agent.
    if (!agentId) return released;
    await this.load.countOutcome(manager, agentId, event.type === 'ains.task.failed.v1' ? 'failed' : 'timed_out', null, this.settings.completionAverageAlpha);
    return [...released, agentId];
  }

  /** Cancelled or dead-lettered: the task leaves its agent without a new outcome to count. */
  onEnded(event: CloudEvent<'ains.task.cancelled.v1' | 'ains.task.dead_lettered.v1'>, manager: EntityManager): Promise<string[]> {
    return this.release(manager, event.data.taskId);
  }

  /** Trust is not part of the cached view (the gateway adds it from trust-service); it serves the `min_trust` filter. */
  async onTrustChanged(event: CloudEvent<'ains.trust.score_changed.v1'>, manager: EntityManager): Promise<void> {
    await this.load.upsertTrust(manager, event.data.agentId, event.data.scoreBp, event.data.changedAt);
  }

  private async release(manager: EntityManager, taskId: string): Promise<string[]> {
    const holder = await this.load.removeAssignment(manager, taskId);
    if (!holder) return [];
    await this.load.changeActive(manager, holder, -1);
    return [holder];
  }
}
