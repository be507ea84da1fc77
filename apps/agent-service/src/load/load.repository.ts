import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { returned } from '../agents/agents.repository';

export type FinishedOutcome = 'completed' | 'failed' | 'timed_out' | 'cancelled';

/** All SQL of agents' load and performance figures, kept from task and trust events. */
@Injectable()
export class LoadRepository {
  /** Records that the agent holds the task (the caller removed any earlier attempt's record first). */
  async addAssignment(manager: EntityManager, taskId: string, attempt: number, agentId: string, assignedAt: string): Promise<void> {
    await manager.query('INSERT INTO agent.agent_assignments (task_id, attempt, agent_id, assigned_at) VALUES ($1, $2, $3, $4)', [taskId, attempt, agentId, assignedAt]);
  }

  /** Forgets the task's assignment; returns the agent that held it, if one did. */
  async removeAssignment(manager: EntityManager, taskId: string): Promise<string | undefined> {
    const [row] = returned<{ agent_id: string }>(await manager.query('DELETE FROM agent.agent_assignments WHERE task_id = $1 RETURNING agent_id', [taskId]));
    return row?.agent_id;
  }

  async changeActive(manager: EntityManager, agentId: string, delta: 1 | -1): Promise<void> {
    await manager.query(
      `INSERT INTO agent.agent_metrics (agent_id, active_tasks) VALUES ($1, GREATEST($2, 0))
       ON CONFLICT (agent_id) DO UPDATE SET active_tasks = GREATEST(agent.agent_metrics.active_tasks + $2, 0), updated_at = now()`,
      [agentId, delta],
    );
  }

  /** Counts a finished attempt; a completion also folds its duration into the moving average. */
  async countOutcome(manager: EntityManager, agentId: string, outcome: Exclude<FinishedOutcome, 'cancelled'>, durationMs: number | null, alpha: number): Promise<void> {
    const column = { completed: 'completed', failed: 'failed', timed_out: 'timed_out' }[outcome];
    await manager.query(
      `INSERT INTO agent.agent_metrics (agent_id, ${column}, avg_completion_ms) VALUES ($1, 1, $2)
       ON CONFLICT (agent_id) DO UPDATE SET ${column} = agent.agent_metrics.${column} + 1, updated_at = now(),
         avg_completion_ms = CASE
           WHEN $2::double precision IS NULL THEN agent.agent_metrics.avg_completion_ms
           WHEN agent.agent_metrics.avg_completion_ms IS NULL THEN $2::double precision
           ELSE $3 * $2::double precision + (1 - $3) * agent.agent_metrics.avg_completion_ms END`,
      [agentId, durationMs, alpha],
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
