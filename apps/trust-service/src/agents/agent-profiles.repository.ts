import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AgentStatus } from '@ains/contracts';

export interface AgentProfileUpdate {
  agentId: string;
  displayName: string;
  tags: string[];
  /** Unknown on profile updates: an agent first seen through one is taken to be online. */
  status?: AgentStatus;
  at: Date;
}

/** The leaderboard's copy of agents' names, tags and status, written by agent events. */
@Injectable()
export class AgentProfilesRepository {
  async upsert(manager: EntityManager, profile: AgentProfileUpdate): Promise<void> {
    await manager.query(
      `INSERT INTO trust.agent_profiles (agent_id, display_name, tags, status, updated_at) VALUES ($1, $2, $3, COALESCE($4, 'online'), $5)
       ON CONFLICT (agent_id) DO UPDATE
         SET display_name = excluded.display_name, tags = excluded.tags, status = COALESCE($4, agent_profiles.status), updated_at = excluded.updated_at`,
      [profile.agentId, profile.displayName, profile.tags, profile.status ?? null, profile.at],
    );
  }

  async setStatus(manager: EntityManager, agentId: string, status: AgentStatus, at: Date): Promise<void> {
    await manager.query('UPDATE trust.agent_profiles SET status = $2, updated_at = $3 WHERE agent_id = $1', [agentId, status, at]);
  }
}
