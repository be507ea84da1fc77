import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { TaskListQuery } from '@ains/contracts';
import type { AttemptSignature } from '../signatures/report-signatures';
import type { AttemptRow, TaskRow } from './task.row';

/** Columns a new task is inserted with; the rest take their defaults. */
export type NewTaskRow = Pick<
  TaskRow,
  | 'id' | 'client_id' | 'task_type' | 'status' | 'priority' | 'effective_priority' | 'input' | 'depends_on' | 'routing' | 'timeout_seconds'
  | 'retry_policy' | 'labels' | 'metadata' | 'chain_id' | 'chain_step' | 'template_id' | 'schedule_id' | 'schedule_fire_time' | 'attempt' | 'queued_at'
>;

/** A routing decision as task-service applies it. */
export interface Decision {
  clientId: string;
  taskId: string;
  attempt: number;
  agentId: string;
}

export type NewAttemptRow = Pick<AttemptRow, 'task_id' | 'attempt' | 'agent_id' | 'assigned_at' | 'routing_strategy' | 'routing_candidates' | 'routing_ranking'>;

/** Columns the lifecycle changes. */
export type TaskChanges = Partial<Omit<TaskRow, 'id' | 'client_id' | 'created_at'>>;

const JSON_COLUMNS = new Set(['input', 'routing', 'retry_policy', 'labels', 'metadata', 'progress', 'result']);

export interface PageKey {
  createdAt: string;
  id: string;
}

export interface DueTimer {
  task: TaskRow;
  kind: 'lease_expired' | 'execution_timeout' | 'retry_due';
}

/**
 * All SQL on task.tasks and its attempts. Client-facing reads take the client id and put it in
 * the query, so another tenant's task is simply not found.
 */
@Injectable()
export class TasksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts any number of tasks in one statement. */
  async insertMany(manager: EntityManager, tasks: NewTaskRow[]): Promise<TaskRow[]> {
    const rows = (await manager.query(
      `INSERT INTO task.tasks SELECT * FROM jsonb_populate_recordset(NULL::task.tasks, $1)
       ON CONFLICT (schedule_id, schedule_fire_time) DO NOTHING RETURNING *`,
      [JSON.stringify(tasks.map((task) => ({ ...task, created_at: new Date(), failures: 0, excluded_agent_ids: [] })))],
    )) as TaskRow[];
    const order = new Map(tasks.map((task, index) => [task.id, index]));
    return rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  }

  async findForClient(clientId: string, id: string, manager?: EntityManager): Promise<TaskRow | null> {
    const [row] = (await (manager ?? this.dataSource).query('SELECT * FROM task.tasks WHERE id = $1 AND client_id = $2', [id, clientId])) as TaskRow[];
    return row ?? null;
  }

  /** Locks the task for a state change; tenant and agent checks are the caller's. */
  async lock(manager: EntityManager, id: string): Promise<TaskRow | null> {
    const [row] = (await manager.query('SELECT * FROM task.tasks WHERE id = $1 FOR UPDATE', [id])) as TaskRow[];
    return row ?? null;
  }

  /** Locks the tasks among `ids` in id order (so concurrent batches cannot deadlock); a missing id is simply absent. */
  lockMany(manager: EntityManager, ids: readonly string[]): Promise<TaskRow[]> {
    return manager.query('SELECT * FROM task.tasks WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [[...new Set(ids)].sort()]);
  }

  async lockForClient(manager: EntityManager, clientId: string, id: string): Promise<TaskRow | null> {
    const [row] = (await manager.query('SELECT * FROM task.tasks WHERE id = $1 AND client_id = $2 FOR UPDATE', [id, clientId])) as TaskRow[];
    return row ?? null;
  }

  /** The client's tasks among `ids`, with their statuses (dependency validation). */
  findManyForClient(manager: EntityManager, clientId: string, ids: string[]): Promise<Pick<TaskRow, 'id' | 'status' | 'retry_at'>[]> {
    return manager.query('SELECT id, status, retry_at FROM task.tasks WHERE client_id = $1 AND id = ANY($2::uuid[]) FOR SHARE', [clientId, ids]);
  }

  /** Unfinished tasks that `ids` depend on, transitively, with what they already inherited. */
  ancestors(manager: EntityManager, ids: string[]): Promise<Pick<TaskRow, 'id' | 'client_id' | 'task_type' | 'effective_priority' | 'depends_on' | 'status'>[]> {
    return manager.query(
      `WITH RECURSIVE up AS (
         SELECT id, depends_on FROM task.tasks WHERE id = ANY($1::uuid[])
         UNION
         SELECT t.id, t.depends_on FROM task.tasks t JOIN up ON t.id = ANY(up.depends_on)
       )
       SELECT t.id, t.client_id, t.task_type, t.effective_priority, t.depends_on, t.status FROM task.tasks t JOIN up USING (id)
       WHERE t.status NOT IN ('completed', 'cancelled', 'dead_lettered')`,
      [ids],
    );
  }

  /** Tasks waiting on `id`, locked. */
  lockDependents(manager: EntityManager, id: string): Promise<TaskRow[]> {
    return manager.query(`SELECT * FROM task.tasks WHERE depends_on @> ARRAY[$1::uuid] AND status IN ('pending', 'blocked') ORDER BY created_at FOR UPDATE`, [id]);
  }

  /** Those of `ids` that a pending or blocked task waits on. */
  async withWaitingDependents(manager: EntityManager, ids: readonly string[]): Promise<Set<string>> {
    const rows = (await manager.query(
      `SELECT DISTINCT dependency FROM task.tasks, unnest(depends_on) AS dependency
       WHERE depends_on && $1::uuid[] AND status IN ('pending', 'blocked') AND dependency = ANY($1::uuid[])`,
      [ids],
    )) as { dependency: string }[];
    return new Set(rows.map((row) => row.dependency));
  }

  async countIncompleteDependencies(manager: EntityManager, ids: string[]): Promise<number> {
    const [row] = (await manager.query(`SELECT count(*)::int AS open FROM task.tasks WHERE id = ANY($1::uuid[]) AND status <> 'completed'`, [ids])) as { open: number }[];
    return row.open;
  }

  async update(manager: EntityManager, id: string, changes: TaskChanges): Promise<TaskRow> {
    const columns = Object.keys(changes) as (keyof TaskChanges)[];
    const assignments = columns.map((column, index) => `${column} = $${index + 2}`);
    const values = columns.map((column) => (JSON_COLUMNS.has(column) && changes[column] !== null ? JSON.stringify(changes[column]) : changes[column]));
    const [rows] = (await manager.query(`UPDATE task.tasks SET ${assignments.join(', ')} WHERE id = $1 RETURNING *`, [id, ...values])) as [TaskRow[], number];
    return rows[0];
  }

  /**
   * Assigns each task that still waits for exactly its decision's attempt (compare-and-set), all
   * in one statement; returns the tasks assigned. One decision per task: callers pass no repeats.
   */
  assignAllIfQueued(manager: EntityManager, decisions: readonly Decision[], leaseExpiresAt: Date): Promise<TaskRow[]> {
    return manager
      .query(
        `UPDATE task.tasks AS t SET status = 'assigned', assigned_agent_id = d.agent_id, assigned_at = now(), lease_expires_at = $5, claimed_at = NULL, status_reason = NULL
         FROM unnest($1::uuid[], $2::text[], $3::int[], $4::uuid[]) AS d(task_id, client_id, attempt, agent_id)
         WHERE t.id = d.task_id AND t.client_id = d.client_id AND t.status = 'queued' AND t.attempt = d.attempt RETURNING t.*`,
        [decisions.map((d) => d.taskId), decisions.map((d) => d.clientId), decisions.map((d) => d.attempt), decisions.map((d) => d.agentId), leaseExpiresAt],
      )
      .then(([rows]: [TaskRow[], number]) => rows);
  }

  async setEffectivePriority(manager: EntityManager, id: string, effectivePriority: number): Promise<void> {
    await manager.query('UPDATE task.tasks SET effective_priority = $2 WHERE id = $1', [id, effectivePriority]);
  }

  async listPage(clientId: string, filters: TaskListQuery, limit: number, after?: PageKey): Promise<TaskRow[]> {
    const conditions = ['client_id = $1'];
    const params: unknown[] = [clientId];
    const add = (sql: string, value: unknown): void => {
      params.push(value);
      conditions.push(sql.replace('?', `$${params.length}`));
    };
    if (filters.status) add('status = ?', filters.status);
    if (filters.task_type) add('task_type = ?', filters.task_type);
    if (filters.priority_min) add('priority >= ?', filters.priority_min);
    if (filters.priority_max) add('priority <= ?', filters.priority_max);
    if (filters.created_after) add('created_at >= ?', filters.created_after);
    if (filters.created_before) add('created_at < ?', filters.created_before);
    if (filters.agent_id) add('assigned_agent_id = ?', filters.agent_id);
    if (after) {
      params.push(after.createdAt, after.id);
      conditions.push(`(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(limit);
    return this.dataSource.query(`SELECT * FROM task.tasks WHERE ${conditions.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT $${params.length}`, params);
  }

  /** Marks up to `limit` of the agent's assigned, not yet claimed tasks as claimed and returns them. */
  claimAssigned(manager: EntityManager, agentId: string, limit: number): Promise<TaskRow[]> {
    return manager
      .query(
        `UPDATE task.tasks SET claimed_at = now() WHERE id IN (
           SELECT id FROM task.tasks WHERE assigned_agent_id = $1 AND status = 'assigned' AND claimed_at IS NULL
           ORDER BY effective_priority DESC, assigned_at LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING *`,
        [agentId, limit],
      )
      .then(([rows]: [TaskRow[], number]) => rows.sort((a, b) => b.effective_priority - a.effective_priority));
  }

  /**
   * Claims up to `limit` of the agent's assigned tasks and sets them `running` in one statement:
   * the lease runs from now, the execution deadline from each task's own timeout.
   */
  claimAndStartAssigned(manager: EntityManager, agentId: string, limit: number, started: { status: TaskRow['status']; at: Date; leaseExpiresAt: Date }): Promise<TaskRow[]> {
    return manager
      .query(
        `UPDATE task.tasks SET claimed_at = now(), status = $3, started_at = $4, lease_expires_at = $5, deadline_at = $4::timestamptz + timeout_seconds * interval '1 second'
         WHERE id IN (
           SELECT id FROM task.tasks WHERE assigned_agent_id = $1 AND status = 'assigned' AND claimed_at IS NULL
           ORDER BY effective_priority DESC, assigned_at LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING *`,
        [agentId, limit, started.status, started.at, started.leaseExpiresAt],
      )
      .then(([rows]: [TaskRow[], number]) => rows.sort((a, b) => b.effective_priority - a.effective_priority));
  }

  /** How many tasks the agent is running: what its assignment stream counts against its slots. */
  async countRunning(manager: EntityManager, agentId: string): Promise<number> {
    const [row] = (await manager.query(`SELECT count(*)::int AS running FROM task.tasks WHERE assigned_agent_id = $1 AND status = 'running'`, [agentId])) as { running: number }[];
    return row?.running ?? 0;
  }

  /** The agent's tasks in hand, locked (it went offline). */
  lockActiveForAgent(manager: EntityManager, agentId: string): Promise<TaskRow[]> {
    return manager.query(`SELECT * FROM task.tasks WHERE assigned_agent_id = $1 AND status IN ('assigned', 'running') ORDER BY id FOR UPDATE`, [agentId]);
  }

  /**
   * Locks due timers. SKIP LOCKED lets several replicas share the work: a row another replica is
   * handling is skipped, and once handled its status no longer matches.
   */
  async lockDue(manager: EntityManager, limit: number): Promise<DueTimer[]> {
    const leases = (await manager.query(
      `SELECT * FROM task.tasks WHERE status IN ('assigned', 'running') AND lease_expires_at <= now() ORDER BY lease_expires_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    )) as TaskRow[];
    const deadlines = (await manager.query(
      `SELECT * FROM task.tasks WHERE status = 'running' AND deadline_at <= now() AND NOT (id = ANY($2::uuid[])) ORDER BY deadline_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit, leases.map((task) => task.id)],
    )) as TaskRow[];
    const retries = (await manager.query(
      `SELECT * FROM task.tasks WHERE status IN ('failed', 'timed_out') AND retry_at <= now() ORDER BY retry_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    )) as TaskRow[];
    return [
      ...deadlines.map((task) => ({ task, kind: 'execution_timeout' as const })),
      ...leases.map((task) => ({ task, kind: 'lease_expired' as const })),
      ...retries.map((task) => ({ task, kind: 'retry_due' as const })),
    ];
  }

  async insertAttempts(manager: EntityManager, attempts: readonly NewAttemptRow[]): Promise<void> {
    await manager.query(
      `INSERT INTO task.task_attempts (task_id, attempt, agent_id, assigned_at, routing_strategy, routing_candidates, routing_ranking)
       SELECT * FROM unnest($1::uuid[], $2::int[], $3::uuid[], $4::timestamptz[], $5::text[], $6::int[], $7::jsonb[])`,
      [
        attempts.map((a) => a.task_id),
        attempts.map((a) => a.attempt),
        attempts.map((a) => a.agent_id),
        attempts.map((a) => a.assigned_at),
        attempts.map((a) => a.routing_strategy),
        attempts.map((a) => a.routing_candidates),
        attempts.map((a) => (a.routing_ranking === null ? null : JSON.stringify(a.routing_ranking))),
      ],
    );
  }

  async markAttemptStarted(manager: EntityManager, taskId: string, attempt: number, at: Date): Promise<void> {
    await manager.query('UPDATE task.task_attempts SET started_at = $3 WHERE task_id = $1 AND attempt = $2', [taskId, attempt, at]);
  }

  async markAttemptsStarted(manager: EntityManager, tasks: readonly Pick<TaskRow, 'id' | 'attempt'>[], at: Date): Promise<void> {
    await manager.query(
      'UPDATE task.task_attempts AS a SET started_at = $3 FROM unnest($1::uuid[], $2::int[]) AS s(task_id, attempt) WHERE a.task_id = s.task_id AND a.attempt = s.attempt',
      [tasks.map((task) => task.id), tasks.map((task) => task.attempt), at],
    );
  }

  /** Completes each task with its result in one statement (the caller checked that each may complete). */
  completeAll(manager: EntityManager, completions: readonly { id: string; result: Record<string, unknown> }[], at: Date): Promise<TaskRow[]> {
    return manager
      .query(
        `UPDATE task.tasks AS t SET status = 'completed', result = c.result, finished_at = $3, lease_expires_at = NULL, deadline_at = NULL, error = NULL
         FROM unnest($1::uuid[], $2::jsonb[]) AS c(id, result) WHERE t.id = c.id RETURNING t.*`,
        [completions.map((c) => c.id), completions.map((c) => JSON.stringify(c.result)), at],
      )
      .then(([rows]: [TaskRow[], number]) => rows);
  }

  async endAttempts(manager: EntityManager, tasks: readonly Pick<TaskRow, 'id' | 'attempt'>[], outcome: NonNullable<AttemptRow['outcome']>, at: Date): Promise<void> {
    await manager.query(
      `UPDATE task.task_attempts AS a SET ended_at = $3, outcome = $4, error = NULL
       FROM unnest($1::uuid[], $2::int[]) AS s(task_id, attempt) WHERE a.task_id = s.task_id AND a.attempt = s.attempt AND a.ended_at IS NULL`,
      [tasks.map((task) => task.id), tasks.map((task) => task.attempt), at, outcome],
    );
  }

  async endAttempt(manager: EntityManager, taskId: string, attempt: number, outcome: NonNullable<AttemptRow['outcome']>, error: string | null, at: Date): Promise<void> {
    await manager.query('UPDATE task.task_attempts SET ended_at = $3, outcome = $4, error = $5 WHERE task_id = $1 AND attempt = $2 AND ended_at IS NULL', [taskId, attempt, at, outcome, error]);
  }

  /** Keeps the verified signature of the report that ended the attempt. */
  async signAttempt(manager: EntityManager, taskId: string, attempt: number, signed: AttemptSignature): Promise<void> {
    await manager.query('UPDATE task.task_attempts SET signature = $3, signature_public_key = $4, reported_retryable = $5 WHERE task_id = $1 AND attempt = $2', [taskId, attempt, signed.signature, signed.publicKey, signed.retryable]);
  }

  listAttempts(taskId: string): Promise<AttemptRow[]> {
    return this.dataSource.query('SELECT * FROM task.task_attempts WHERE task_id = $1 ORDER BY attempt', [taskId]);
  }

  async agentHadAttempt(manager: EntityManager, taskId: string, agentId: string): Promise<boolean> {
    const rows = (await manager.query('SELECT 1 FROM task.task_attempts WHERE task_id = $1 AND agent_id = $2 LIMIT 1', [taskId, agentId])) as unknown[];
    return rows.length > 0;
  }

  async recordRejectedReport(taskId: string, agentId: string, report: string, reason: string): Promise<void> {
    await this.dataSource.query('INSERT INTO task.rejected_reports (task_id, agent_id, report, reason) VALUES ($1, $2, $3, $4)', [taskId, agentId, report, reason]);
  }
}
