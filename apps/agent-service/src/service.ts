import { z } from 'zod';
import { ConfigFragments, booleanFromEnv, destinationPolicy, isCidr } from '@ains/platform';
import { BaseServiceConfig, type ServiceDefinition } from '@ains/runtime';
import type { AgentSettings } from './agent-settings';
import { Agent } from './agents/agent.entity';
import { AgentsModule } from './agents/agents.module';
import { migrations } from './migrations';

export const AgentServiceConfig = z.object({
  ...BaseServiceConfig,
  ...ConfigFragments.http(8082),
  ...ConfigFragments.kafka,
  ...ConfigFragments.redis,
  AGENT_HEARTBEAT_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(60_000),
  AGENT_LIVENESS_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(5_000),
  AGENT_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  AGENT_LIST_CACHE_TTL_MS: z.coerce.number().int().min(0).max(300_000).default(5_000),
  AGENT_COMPLETION_AVERAGE_ALPHA: z.coerce.number().gt(0).max(1).default(0.2),
  AGENT_ENDPOINT_ALLOW_PRIVATE: booleanFromEnv.default(false),
  AGENT_ENDPOINT_ALLOWED_CIDRS: z
    .string()
    .default('')
    .transform((text) => text.split(',').map((part) => part.trim()).filter(Boolean))
    .refine((cidrs) => cidrs.every(isCidr), { message: 'must be a comma-separated list of CIDR ranges' }),
});

export type AgentServiceSettings = z.infer<typeof AgentServiceConfig>;

export function agentSettingsOf(config: AgentServiceSettings): AgentSettings {
  return {
    heartbeatTimeoutMs: config.AGENT_HEARTBEAT_TIMEOUT_MS,
    livenessSweepIntervalMs: config.AGENT_LIVENESS_SWEEP_INTERVAL_MS,
    cacheTtlSeconds: config.AGENT_CACHE_TTL_SECONDS,
    listCacheTtlMs: config.AGENT_LIST_CACHE_TTL_MS,
    completionAverageAlpha: config.AGENT_COMPLETION_AVERAGE_ALPHA,
    endpointPolicy: destinationPolicy(config.AGENT_ENDPOINT_ALLOW_PRIVATE, config.AGENT_ENDPOINT_ALLOWED_CIDRS),
  };
}

export const agentService: ServiceDefinition<AgentServiceSettings> = {
  name: 'agent-service',
  schema: 'agent',
  config: AgentServiceConfig,
  entities: [Agent],
  migrations,
  kafka: true,
  consumes: true,
  redis: true,
  internalAuth: true,
  features: (config) => [AgentsModule.forRoot(agentSettingsOf(config))],
};
