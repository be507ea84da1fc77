/** Shapes exchanged over internal HTTP between the gateway and the services. */
export interface AgentCapabilityView {
  name: string;
  version: string;
}

export interface AgentView {
  id: string;
  display_name: string;
  endpoint: string | null;
  tags: string[];
  capabilities: AgentCapabilityView[];
  max_concurrency: number;
  status: string;
  metadata: Record<string, unknown>;
  registered_at: string;
  updated_at: string;
}

export interface TrustView {
  agent_id: string;
  score: number;
  tier: string;
  updated_at: string;
}
