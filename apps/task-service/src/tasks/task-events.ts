import type { NewEvent } from '@ains/messaging';
import type { TaskRow } from './task.row';

/** Builders of the task events; every one carries the client id (webhooks filter by it). */
const ref = (task: Pick<TaskRow, 'id' | 'client_id' | 'task_type'>) => ({ taskId: task.id, clientId: task.client_id, taskType: task.task_type });
/** Events that end an attempt or the task also name the schedule that created it. */
const endRef = (task: TaskRow) => ({ ...ref(task), scheduleId: task.schedule_id });

/** The routing half of a queued attempt, shared by `queued` and a runnable task's `created`. */
const queuedAttempt = (task: TaskRow) => ({
  effectivePriority: task.effective_priority,
  routing: { requiredTags: task.routing.required_tags, capabilities: task.routing.capabilities, minTrust: task.routing.min_trust, strategy: task.routing.strategy },
  excludedAgentIds: task.excluded_agent_ids,
  attempt: task.attempt,
  queuedAt: (task.queued_at ?? new Date()).toISOString(),
});

export const TaskEventsOf = {
  /** A task runnable at creation is queued by this one event. */
  created: (task: TaskRow): NewEvent => ({
    type: 'ains.task.created.v1',
    subject: task.id,
    data: {
      ...ref(task),
      priority: task.priority,
      status: task.status,
      dependsOn: task.depends_on,
      chainId: task.chain_id,
      scheduleId: task.schedule_id,
      scheduleFireTime: task.schedule_fire_time?.toISOString() ?? null,
      createdAt: task.created_at.toISOString(),
      queued: task.status === 'queued' ? queuedAttempt(task) : null,
    },
  }),
  queued: (task: TaskRow): NewEvent => ({
    type: 'ains.task.queued.v1',
    subject: task.id,
    data: { ...ref(task), priority: task.priority, ...queuedAttempt(task) },
  }),
  priorityChanged: (task: Pick<TaskRow, 'id' | 'client_id' | 'task_type'>, effectivePriority: number): NewEvent => ({
    type: 'ains.task.priority_changed.v1',
    subject: task.id,
    data: { ...ref(task), effectivePriority, changedAt: new Date().toISOString() },
  }),
  assigned: (task: TaskRow, agentId: string): NewEvent => ({
    type: 'ains.task.assigned.v1',
    subject: task.id,
    data: { ...ref(task), agentId, attempt: task.attempt, leaseExpiresAt: iso(task.lease_expires_at), assignedAt: iso(task.assigned_at) },
  }),
  started: (task: TaskRow, agentId: string): NewEvent => ({
    type: 'ains.task.started.v1',
    subject: task.id,
    data: { ...ref(task), agentId, attempt: task.attempt, startedAt: iso(task.started_at) },
  }),
  completed: (task: TaskRow, agentId: string): NewEvent => ({
    type: 'ains.task.completed.v1',
    subject: task.id,
    data: { ...endRef(task), agentId, attempt: task.attempt, durationMs: Math.max(0, (task.finished_at?.getTime() ?? 0) - (task.started_at?.getTime() ?? 0)), completedAt: iso(task.finished_at) },
  }),
  failed: (task: TaskRow, agentId: string | null, error: string, retryable: boolean): NewEvent => ({
    type: 'ains.task.failed.v1',
    subject: task.id,
    data: { ...endRef(task), agentId, attempt: task.attempt, error, retryable, willRetry: task.retry_at !== null, failedAt: new Date().toISOString() },
  }),
  timedOut: (task: TaskRow, agentId: string | null, reason: 'lease_expired' | 'execution_timeout'): NewEvent => ({
    type: 'ains.task.timed_out.v1',
    subject: task.id,
    data: { ...endRef(task), agentId, attempt: task.attempt, reason, willRetry: task.retry_at !== null, timedOutAt: new Date().toISOString() },
  }),
  cancelled: (task: TaskRow, agentId: string | null, reason: string): NewEvent => ({
    type: 'ains.task.cancelled.v1',
    subject: task.id,
    data: { ...endRef(task), agentId, reason, cancelledAt: iso(task.finished_at) },
  }),
  deadLettered: (task: TaskRow, agentId: string | null): NewEvent => ({
    type: 'ains.task.dead_lettered.v1',
    subject: task.id,
    data: { ...endRef(task), agentId, attempts: Math.max(1, task.attempt), lastError: task.error ?? 'unknown error', deadLetteredAt: iso(task.finished_at) },
  }),
};

function iso(date: Date | null): string {
  return (date ?? new Date()).toISOString();
}
