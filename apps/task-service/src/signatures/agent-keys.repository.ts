import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** What task-service knows of an agent's public key: null when the agent has none. */
export interface KnownAgentKey {
  publicKey: string | null;
}

/** The read model of agents' public keys, kept from agent-service's events. */
@Injectable()
export class AgentKeysRepository {
  /** The newest event wins: a late delivery of an older profile cannot bring back a rotated-out key. */
  async record(manager: EntityManager, agentId: string, publicKey: string | null, changedAt: string): Promise<void> {
    await manager.query(
      `INSERT INTO task.agent_keys (agent_id, public_key, changed_at) VALUES ($1, $2, $3)
       ON CONFLICT (agent_id) DO UPDATE SET public_key = EXCLUDED.public_key, changed_at = EXCLUDED.changed_at
       WHERE task.agent_keys.changed_at <= EXCLUDED.changed_at`,
      [agentId, publicKey, changedAt],
    );
  }

  /** The agent's key as task-service knows it now; undefined before any event of the agent arrived. */
  async find(manager: EntityManager, agentId: string): Promise<KnownAgentKey | undefined> {
    const [row] = (await manager.query('SELECT public_key FROM task.agent_keys WHERE agent_id = $1', [agentId])) as { public_key: string | null }[];
    return row ? { publicKey: row.public_key } : undefined;
  }
}
