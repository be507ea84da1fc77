import type { AgentStatus } from '@ains/contracts';
import { Agent } from './agent.entity';

/** What agent-service knows of an agent's work, from task events. */
export interface AgentMetrics {
  activeTasks: number;
  completed: number;
  failed: number;
  timedOut: number;
  avgCompletionMs: number | null;
}

export interface AgentRecord {
  agent: Agent;
  metrics: AgentMetrics;
}

export const NO_METRICS: AgentMetrics = { activeTasks: 0, completed: 0, failed: 0, timedOut: 0, avgCompletionMs: null };

/** The columns `AGENT_RECORD_COLUMNS` selects, as raw rows. */
export interface AgentRecordRow {
  id: string;
  display_name: string;
  endpoint: string | null;
  owner_client_id: string | null;
  public_key: string | null;
  tags: string[];
  capabilities: { name: string; version: string }[];
  max_concurrency: number;
  status: AgentStatus;
  metadata: Record<string, unknown>;
  draining: boolean;
  last_heartbeat_at: Date;
  registered_at: Date;
  updated_at: Date;
  active_tasks: number | null;
  completed: number | null;
  failed: number | null;
  timed_out: number | null;
  avg_completion_ms: number | null;
}

/** An agent with its metrics; `a` is agent.agents, `m` agent.agent_metrics (left-joined). */
export const AGENT_RECORD_COLUMNS = `a.id, a.display_name, a.endpoint, a.owner_client_id, a.public_key, a.tags, a.capabilities, a.max_concurrency, a.status, a.metadata, a.draining,
  a.last_heartbeat_at, a.registered_at, a.updated_at, m.active_tasks, m.completed, m.failed, m.timed_out, m.avg_completion_ms`;

export function toAgentRecord(row: AgentRecordRow): AgentRecord {
  const agent = Object.assign(new Agent(), {
    id: row.id,
    displayName: row.display_name,
    endpoint: row.endpoint,
    ownerClientId: row.owner_client_id,
    publicKey: row.public_key,
    tags: row.tags,
    capabilities: row.capabilities,
    maxConcurrency: row.max_concurrency,
    status: row.status,
    metadata: row.metadata,
    draining: row.draining,
    lastHeartbeatAt: row.last_heartbeat_at,
    registeredAt: row.registered_at,
    updatedAt: row.updated_at,
  });
  return {
    agent,
    metrics: {
      activeTasks: row.active_tasks ?? 0,
      completed: row.completed ?? 0,
      failed: row.failed ?? 0,
      timedOut: row.timed_out ?? 0,
      avgCompletionMs: row.avg_completion_ms,
    },
  };
}
