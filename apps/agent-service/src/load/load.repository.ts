import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AgentMetricsChange, Assignment } from './load-batch';

interface AssignmentRow {
  task_id: string;
  attempt: number;
  agent_id: string;
  assigned_at: Date;
}

/** All SQL of agents' load and performance figures, kept from task and trust events. */
@Injectable()
export class LoadRepository {
  /** The stored assignments of these tasks, locked until the transaction ends. */
  async lockAssignments(manager: EntityManager, taskIds: readonly string[]): Promise<Map<string, Assignment>> {
    if (taskIds.length === 0) return new Map();
    const rows = (await manager.query('SELECT task_id, attempt, agent_id, assigned_at FROM agent.agent_assignments WHERE task_id = ANY($1) ORDER BY task_id FOR UPDATE', [
      taskIds,
    ])) as AssignmentRow[];
    return new Map(rows.map((row) => [row.task_id, { taskId: row.task_id, attempt: row.attempt, agentId: row.agent_id, assignedAt: row.assigned_at.toISOString() }]));
  }

  async removeAssignments(manager: EntityManager, taskIds: readonly string[]): Promise<void> {
    if (taskIds.length > 0) await manager.query('DELETE FROM agent.agent_assignments WHERE task_id = ANY($1)', [taskIds]);
  }

  async addAssignments(manager: EntityManager, assignments: readonly Assignment[]): Promise<void> {
    if (assignments.length === 0) return;
    await manager.query(
      'INSERT INTO agent.agent_assignments (task_id, attempt, agent_id, assigned_at) SELECT * FROM unnest($1::uuid[], $2::int[], $3::uuid[], $4::timestamptz[])',
      [assignments.map((a) => a.taskId), assignments.map((a) => a.attempt), assignments.map((a) => a.agentId), assignments.map((a) => a.assignedAt)],
    );
  }

  /** Applies a batch's net change to one agent's figures (see LoadBatch). */
  async changeMetrics(manager: EntityManager, change: AgentMetricsChange): Promise<void> {
    const { agentId, activeDelta, completed, failed, timedOut, average } = change;
    await manager.query(
      `INSERT INTO agent.agent_metrics (agent_id, active_tasks, completed, failed, timed_out, avg_completion_ms) VALUES ($1, GREATEST($2, 0), $3, $4, $5, $6)
       ON CONFLICT (agent_id) DO UPDATE SET
         active_tasks = GREATEST(agent.agent_metrics.active_tasks + $2, 0),
         completed = agent.agent_metrics.completed + $3, failed = agent.agent_metrics.failed + $4, timed_out = agent.agent_metrics.timed_out + $5,
         avg_completion_ms = CASE
           WHEN $6::double precision IS NULL THEN agent.agent_metrics.avg_completion_ms
           WHEN agent.agent_metrics.avg_completion_ms IS NULL THEN $6::double precision
           ELSE $7 * agent.agent_metrics.avg_completion_ms + $8 END,
         updated_at = now()`,
      [agentId, activeDelta, completed, failed, timedOut, average?.ifNoAverage ?? null, average?.factor ?? 1, average?.offset ?? 0],
    );
  }

  async upsertTrust(manager: EntityManager, agentId: string, scoreBp: number, changedAt: string): Promise<void> {
    await manager.query(
      `INSERT INTO agent.agent_trust (agent_id, score_bp, changed_at) VALUES ($1, $2, $3)
       ON CONFLICT (agent_id) DO UPDATE SET score_bp = EXCLUDED.score_bp, changed_at = EXCLUDED.changed_at WHERE agent.agent_trust.changed_at <= EXCLUDED.changed_at`,
      [agentId, scoreBp, changedAt],
    );
  }
}
