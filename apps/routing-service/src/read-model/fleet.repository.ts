import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CompletionFold } from './completion-times';

export interface AgentProfileRow {
  agentId: string;
  tags: string[];
  capabilities: { name: string; version: string }[];
  maxConcurrency: number;
}

/** All SQL of routing's read model of the fleet (agents, their status, trust and speed). */
@Injectable()
export class FleetRepository {
  /** Creates the agent, or refreshes its profile if a replayed registration finds it. */
  async upsertAgent(manager: EntityManager, profile: AgentProfileRow, status: string, at: string): Promise<void> {
    await manager.query(
      `INSERT INTO routing.agents (agent_id, tags, capabilities, max_concurrency, status, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (agent_id) DO UPDATE SET tags = EXCLUDED.tags, capabilities = EXCLUDED.capabilities, max_concurrency = EXCLUDED.max_concurrency, updated_at = EXCLUDED.updated_at`,
      [profile.agentId, profile.tags, JSON.stringify(profile.capabilities), profile.maxConcurrency, status, at],
    );
  }

  async updateProfile(manager: EntityManager, profile: AgentProfileRow, at: string): Promise<void> {
    await manager.query('UPDATE routing.agents SET tags = $2, capabilities = $3, max_concurrency = $4, updated_at = $5 WHERE agent_id = $1', [
      profile.agentId,
      profile.tags,
      JSON.stringify(profile.capabilities),
      profile.maxConcurrency,
      at,
    ]);
  }

  async updateStatus(manager: EntityManager, agentId: string, status: string, at: string): Promise<void> {
    await manager.query('UPDATE routing.agents SET status = $2, updated_at = $3 WHERE agent_id = $1', [agentId, status, at]);
  }

  /** Keeps the newest score: scores of one agent arrive in order, but a replay must not go back. */
  async upsertTrust(manager: EntityManager, agentId: string, scoreBp: number, changedAt: string): Promise<void> {
    await manager.query(
      `INSERT INTO routing.agent_trust (agent_id, score_bp, changed_at) VALUES ($1, $2, $3)
       ON CONFLICT (agent_id) DO UPDATE SET score_bp = EXCLUDED.score_bp, changed_at = EXCLUDED.changed_at WHERE routing.agent_trust.changed_at <= EXCLUDED.changed_at`,
      [agentId, scoreBp, changedAt],
    );
  }

  /** Applies a batch's completion times to the agent's exponential moving average (see CompletionTimes). */
  async foldCompletions(manager: EntityManager, fold: CompletionFold): Promise<void> {
    await manager.query(
      `UPDATE routing.agents SET avg_completion_ms = CASE WHEN avg_completion_ms IS NULL THEN $2::double precision ELSE $3 * avg_completion_ms + $4 END
       WHERE agent_id = $1`,
      [fold.agentId, fold.ifNoAverage, fold.factor, fold.offset],
    );
  }
}
