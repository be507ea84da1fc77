import type { AgentView } from '@ains/contracts';
import type { Agent } from './agent.entity';

export function toAgentView(agent: Agent): AgentView {
  return {
    id: agent.id,
    display_name: agent.displayName,
    endpoint: agent.endpoint,
    tags: agent.tags,
    capabilities: agent.capabilities,
    max_concurrency: agent.maxConcurrency,
    status: agent.status,
    metadata: agent.metadata,
    registered_at: agent.registeredAt.toISOString(),
    updated_at: agent.updatedAt.toISOString(),
  };
}
