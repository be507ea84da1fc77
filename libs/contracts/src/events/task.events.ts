import { z } from 'zod';
import { Topics } from '../topics';
import { isoTime, type EventDefinition } from './event-definition';

export const TaskStatusSchema = z.enum(['pending', 'blocked', 'queued', 'assigned', 'running', 'completed', 'failed', 'timed_out', 'cancelled', 'dead_lettered']);
export type TaskStatus = z.infer<typeof TaskStatusSchema>;

/** What routing needs to find a capable agent. */
export const RoutingRequirementsSchema = z.object({
  requiredTags: z.array(z.string()),
  /** Capability names with semver ranges, e.g. `{ name: 'python', range: '>=3.11' }`. */
  capabilities: z.array(z.object({ name: z.string(), range: z.string() })),
  minTrust: z.number().min(0).max(1).nullable(),
  strategy: z.string().nullable(),
});
export type RoutingRequirements = z.infer<typeof RoutingRequirementsSchema>;

const TaskRef = { taskId: z.uuid(), clientId: z.string(), taskType: z.string() };

/**
 * The schedule that created the task, on the events that end an attempt or the task, so a consumer
 * that follows only scheduled tasks skips the others without a lookup. Absent on older events.
 */
const ScheduleRef = { scheduleId: z.uuid().nullable().optional() };

/** What routing needs of one queued attempt. */
const QueuedAttempt = {
  effectivePriority: z.int().min(1).max(10),
  routing: RoutingRequirementsSchema,
  /** Agents that already failed or timed out on this task (failover). */
  excludedAgentIds: z.array(z.uuid()),
  attempt: z.int().min(1),
  queuedAt: isoTime(),
};

export const TaskEvents = {
  'ains.task.created.v1': {
    topic: Topics.task,
    schema: z.object({
      ...TaskRef,
      priority: z.int().min(1).max(10),
      status: TaskStatusSchema,
      dependsOn: z.array(z.uuid()),
      chainId: z.uuid().nullable(),
      scheduleId: z.uuid().nullable(),
      /** The schedule fire time this task was created for (with scheduleId), so the run it belongs to is exact. */
      scheduleFireTime: isoTime().nullable().optional(),
      createdAt: isoTime(),
      /**
       * Set when the task is runnable at creation (`status: queued`): its first attempt is queued by
       * this event and no `ains.task.queued.v1` follows. Null while it waits for dependencies.
       */
      queued: z.object(QueuedAttempt).nullable().optional(),
    }),
  },
  /**
   * A schedule fired but its task could not be created (its template or a dependency is gone, or
   * its definition no longer validates). Nothing was created; scheduler-service ends the run as
   * failed with this reason. The subject is the schedule id.
   */
  'ains.task.creation_rejected.v1': {
    topic: Topics.task,
    schema: z.object({
      clientId: z.string(),
      scheduleId: z.uuid(),
      runId: z.uuid(),
      fireTime: isoTime(),
      /** Why, for people: the problem task-service would have answered to the same request. */
      reason: z.string(),
      rejectedAt: isoTime(),
    }),
  },
  /**
   * The task became runnable after its creation (its dependencies completed, a retry, a manual
   * retry) and waits for an agent; sent for each such attempt.
   */
  'ains.task.queued.v1': {
    topic: Topics.task,
    schema: z.object({ ...TaskRef, priority: z.int().min(1).max(10), ...QueuedAttempt }),
  },
  /** Priority inheritance raised (or a dependent's change lowered) the task's effective priority. */
  'ains.task.priority_changed.v1': {
    topic: Topics.task,
    schema: z.object({ ...TaskRef, effectivePriority: z.int().min(1).max(10), changedAt: isoTime() }),
  },
  'ains.task.assigned.v1': {
    topic: Topics.task,
    schema: z.object({ ...TaskRef, agentId: z.uuid(), attempt: z.int().min(1), leaseExpiresAt: isoTime(), assignedAt: isoTime() }),
  },
  'ains.task.started.v1': {
    topic: Topics.task,
    schema: z.object({ ...TaskRef, agentId: z.uuid(), attempt: z.int().min(1), startedAt: isoTime() }),
  },
  'ains.task.completed.v1': {
    topic: Topics.task,
    schema: z.object({ ...TaskRef, ...ScheduleRef, agentId: z.uuid(), attempt: z.int().min(1), durationMs: z.int().min(0), completedAt: isoTime() }),
  },
  'ains.task.failed.v1': {
    topic: Topics.task,
    schema: z.object({
      ...TaskRef,
      ...ScheduleRef,
      agentId: z.uuid().nullable(),
      attempt: z.int().min(1),
      error: z.string(),
      retryable: z.boolean(),
      willRetry: z.boolean(),
      failedAt: isoTime(),
    }),
  },
  'ains.task.timed_out.v1': {
    topic: Topics.task,
    schema: z.object({
      ...TaskRef,
      ...ScheduleRef,
      agentId: z.uuid().nullable(),
      attempt: z.int().min(1),
      reason: z.enum(['lease_expired', 'execution_timeout']),
      willRetry: z.boolean(),
      timedOutAt: isoTime(),
    }),
  },
  'ains.task.cancelled.v1': {
    topic: Topics.task,
    schema: z.object({ ...TaskRef, ...ScheduleRef, agentId: z.uuid().nullable(), reason: z.string(), cancelledAt: isoTime() }),
  },
  /** Retries exhausted: the task will not run again unless retried by hand. */
  'ains.task.dead_lettered.v1': {
    topic: Topics.task,
    schema: z.object({ ...TaskRef, ...ScheduleRef, agentId: z.uuid().nullable(), attempts: z.int().min(1), lastError: z.string(), deadLetteredAt: isoTime() }),
  },
} as const satisfies Record<string, EventDefinition>;
