import type { TaskStatus } from '@ains/contracts';

/**
 * Every allowed task transition, named by the action that causes it. Nothing else may change a
 * task's status: the services ask `transition()` first, and a refused transition is a 409.
 */
export type TaskAction =
  | 'block' // created with open dependencies
  | 'queue' // runnable: created without open dependencies, dependencies done, or chain step reached
  | 'assign' // routing chose an agent
  | 'start' // the agent started
  | 'complete' // the agent reported a result
  | 'fail' // the agent reported a failure
  | 'time_out' // lease expired or execution timeout
  | 'requeue' // the agent went away, or a failed/timed-out attempt's backoff is over
  | 'dead_letter' // retries exhausted
  | 'cancel' // the client, a failed dependency or the chain cancelled it
  | 'retry'; // the client asked to run a finished-but-unsuccessful task again

const TRANSITIONS: Record<TaskAction, Partial<Record<TaskStatus, TaskStatus>>> = {
  block: { pending: 'blocked' },
  queue: { pending: 'queued', blocked: 'queued' },
  assign: { queued: 'assigned' },
  start: { assigned: 'running' },
  complete: { running: 'completed' },
  fail: { running: 'failed', assigned: 'failed' },
  time_out: { assigned: 'timed_out', running: 'timed_out' },
  requeue: { assigned: 'queued', running: 'queued', failed: 'queued', timed_out: 'queued' },
  dead_letter: { failed: 'dead_lettered', timed_out: 'dead_lettered' },
  cancel: { pending: 'cancelled', blocked: 'cancelled', queued: 'cancelled', assigned: 'cancelled', running: 'cancelled', failed: 'cancelled', timed_out: 'cancelled' },
  retry: { failed: 'queued', timed_out: 'queued', dead_lettered: 'queued' },
};

/** States a task never leaves on its own (only `retry` by the client revives some of them). */
export const FINAL_STATUSES: readonly TaskStatus[] = ['completed', 'cancelled', 'dead_lettered'];

/** States in which an agent holds the task. */
export const ACTIVE_STATUSES: readonly TaskStatus[] = ['assigned', 'running'];

/** How a refused action reads in an error: "A task that is completed cannot be cancelled." */
const PAST_PARTICIPLES: Record<TaskAction, string> = {
  block: 'blocked',
  queue: 'queued',
  assign: 'assigned',
  start: 'started',
  complete: 'completed',
  fail: 'failed',
  time_out: 'timed out',
  requeue: 'queued again',
  dead_letter: 'dead-lettered',
  cancel: 'cancelled',
  retry: 'retried',
};

export class InvalidTransitionError extends Error {
  override readonly name = 'InvalidTransitionError';

  constructor(
    readonly from: TaskStatus,
    readonly action: TaskAction,
  ) {
    const already = Object.values(TRANSITIONS[action]).includes(from);
    super(already ? `The task is already ${from.replace('_', ' ')}.` : `A task that is ${from.replace('_', ' ')} cannot be ${PAST_PARTICIPLES[action]}.`);
  }
}

/** The status after `action`, or an InvalidTransitionError when the action is not allowed now. */
export function transition(from: TaskStatus, action: TaskAction): TaskStatus {
  const to = TRANSITIONS[action][from];
  if (!to) throw new InvalidTransitionError(from, action);
  return to;
}

export function canTransition(from: TaskStatus, action: TaskAction): boolean {
  return TRANSITIONS[action][from] !== undefined;
}

/**
 * A failed or timed-out task that will not be retried: `failed` stays failed only when the agent
 * said the error is not retryable; running out of attempts dead-letters it.
 */
export function isTerminal(status: TaskStatus, retryAt: Date | null): boolean {
  if (FINAL_STATUSES.includes(status)) return true;
  return (status === 'failed' || status === 'timed_out') && retryAt === null;
}
