import { publicKeyFingerprint, type AgentView } from '@ains/contracts';
import type { AgentRecord } from './agent-record';

export function toAgentView({ agent, metrics }: AgentRecord): AgentView {
  const finished = metrics.completed + metrics.failed + metrics.timedOut;
  return {
    id: agent.id,
    display_name: agent.displayName,
    endpoint: agent.endpoint,
    owner_client_id: agent.ownerClientId,
    tags: agent.tags,
    capabilities: agent.capabilities,
    max_concurrency: agent.maxConcurrency,
    status: agent.status,
    metadata: agent.metadata,
    public_key: agent.publicKey,
    public_key_fingerprint: agent.publicKey === null ? null : publicKeyFingerprint(agent.publicKey),
    last_heartbeat_at: agent.lastHeartbeatAt.toISOString(),
    load: { active_tasks: metrics.activeTasks, max_concurrency: agent.maxConcurrency, utilisation: metrics.activeTasks / agent.maxConcurrency },
    metrics: {
      completed: metrics.completed,
      failed: metrics.failed,
      timed_out: metrics.timedOut,
      success_rate: finished === 0 ? null : metrics.completed / finished,
      avg_completion_ms: metrics.avgCompletionMs === null ? null : Math.round(metrics.avgCompletionMs),
    },
    registered_at: agent.registeredAt.toISOString(),
    updated_at: agent.updatedAt.toISOString(),
  };
}
