import type { TaskStatus } from './api-types';

const FINAL_STATUSES: ReadonlySet<TaskStatus> = new Set(['completed', 'cancelled', 'dead_lettered']);

/**
 * Whether a task has reached its end: completed, cancelled or dead-lettered, or failed or timed
 * out with no retry due (`retry_at` null; otherwise it is queued again at `retry_at`).
 */
export function isTaskFinished(task: { status: TaskStatus; retry_at: string | null }): boolean {
  return FINAL_STATUSES.has(task.status) || ((task.status === 'failed' || task.status === 'timed_out') && task.retry_at === null);
}
