import type { TaskReport } from '@ains/contracts';
import type { AttemptRow, TaskRow } from '../tasks/task.row';

export type ReportType = TaskReport['type'];

/**
 * Whether a report the agent sends again was already applied by an earlier copy of it: a batch
 * resent after a lost answer must not start, complete or fail a task twice. Progress is never
 * "already applied": repeating it only renews the lease, or is stale once the task has moved on.
 *
 * @param latest the agent's latest attempt at the task
 */
export function wasAlreadyApplied(type: ReportType, task: Pick<TaskRow, 'status' | 'assigned_agent_id' | 'attempt'>, agentId: string, latest: Pick<AttemptRow, 'attempt' | 'outcome'> | undefined): boolean {
  if (!latest) return false;
  switch (type) {
    case 'start':
      return task.status === 'running' && task.assigned_agent_id === agentId && latest.attempt === task.attempt;
    case 'complete':
      return latest.outcome === 'completed';
    case 'fail':
      return latest.outcome === 'failed';
    case 'progress':
      return false;
  }
}

/**
 * The order reports are applied in: by task id, so concurrent batches lock rows in the same order
 * and cannot deadlock; reports on the same task keep their order in the request (stable sort).
 */
export function applicationOrder<T extends { report: { task_id: string } }>(reports: readonly T[]): T[] {
  return [...reports].sort((a, b) => (a.report.task_id < b.report.task_id ? -1 : a.report.task_id > b.report.task_id ? 1 : 0));
}

/** PostgreSQL errors that mean the report's content cannot be stored: the client's fault, a 400. */
const UNSTORABLE_CODES = new Set([
  '22P05', // untranslatable character: \u0000 in jsonb
  '22021', // character not in repertoire: invalid UTF-8, lone surrogates
  '54000', // program limit exceeded: a value too large to store
]);

export function isUnstorableContent(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && UNSTORABLE_CODES.has(code);
}
