import { Inject, Injectable } from '@nestjs/common';
import type { CloudEvent } from '@ains/contracts';
import type { EntityManager } from 'typeorm';
import { AGENT_SETTINGS, type AgentSettings } from '../agent-settings';
import { LoadBatch } from './load-batch';
import { LoadRepository } from './load.repository';

type LoadEventType = 'ains.task.assigned.v1' | 'ains.task.completed.v1' | 'ains.task.failed.v1' | 'ains.task.timed_out.v1' | 'ains.task.cancelled.v1' | 'ains.task.dead_lettered.v1';

/** One of those events, its type telling its payload. */
export type LoadEvent = { [T in LoadEventType]: CloudEvent<T> }[LoadEventType];

/** The task events that move load and performance figures. */
export const LOAD_EVENT_TYPES: readonly LoadEventType[] = [
  'ains.task.assigned.v1',
  'ains.task.completed.v1',
  'ains.task.failed.v1',
  'ains.task.timed_out.v1',
  'ains.task.cancelled.v1',
  'ains.task.dead_lettered.v1',
];

/**
 * Keeps each agent's load (tasks it holds now) and performance (completed, failed, timed out,
 * moving-average completion time) from task events, a batch at a time: the batch's tasks'
 * assignments are read (and locked) at once, the events applied in order in memory (LoadBatch),
 * and the result written with one delete, one insert and one update per agent.
 */
@Injectable()
export class LoadService {
  constructor(
    private readonly load: LoadRepository,
    @Inject(AGENT_SETTINGS) private readonly settings: AgentSettings,
  ) {}

  /** Applies the events; returns the agents whose figures changed. */
  async apply(manager: EntityManager, events: readonly LoadEvent[]): Promise<string[]> {
    if (events.length === 0) return [];
    const stored = await this.load.lockAssignments(manager, [...new Set(events.map((event) => event.data.taskId))]);
    const batch = new LoadBatch(stored, this.settings.completionAverageAlpha);
    for (const event of events) {
      switch (event.type) {
        case 'ains.task.assigned.v1':
          batch.assign({ taskId: event.data.taskId, attempt: event.data.attempt, agentId: event.data.agentId, assignedAt: event.data.assignedAt });
          break;
        case 'ains.task.completed.v1':
          batch.release(event.data.taskId);
          batch.count(event.data.agentId, 'completed', event.data.durationMs);
          break;
        case 'ains.task.failed.v1':
        case 'ains.task.timed_out.v1':
          batch.release(event.data.taskId);
          // A failure before any agent held the task counts against no agent.
          if (event.data.agentId) batch.count(event.data.agentId, event.type === 'ains.task.failed.v1' ? 'failed' : 'timed_out', null);
          break;
        case 'ains.task.cancelled.v1':
        case 'ains.task.dead_lettered.v1':
          // The task leaves its agent without a new outcome to count.
          batch.release(event.data.taskId);
          break;
      }
    }
    const changes = batch.changes();
    await this.load.removeAssignments(manager, changes.released);
    await this.load.addAssignments(manager, changes.assigned);
    for (const change of [...changes.agents].sort((a, b) => a.agentId.localeCompare(b.agentId))) await this.load.changeMetrics(manager, change);
    return batch.changedAgents();
  }

  /** Trust is not part of the cached view (the gateway adds it from trust-service); it serves the `min_trust` filter. */
  async onTrustChanged(event: CloudEvent<'ains.trust.score_changed.v1'>, manager: EntityManager): Promise<void> {
    await this.load.upsertTrust(manager, event.data.agentId, event.data.scoreBp, event.data.changedAt);
  }
}
