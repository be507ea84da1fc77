import { z } from 'zod';
import { ConfigFragments } from '@ains/platform';
import { BaseServiceConfig, type ServiceDefinition } from '@ains/runtime';
import { Agent } from './agents/agent.entity';
import { AgentsModule } from './agents/agents.module';
import { migrations } from './migrations';

export const AgentServiceConfig = z.object({
  ...BaseServiceConfig,
  ...ConfigFragments.http(8082),
  ...ConfigFragments.kafka,
});

export type AgentServiceSettings = z.infer<typeof AgentServiceConfig>;

export const agentService: ServiceDefinition<AgentServiceSettings> = {
  name: 'agent-service',
  schema: 'agent',
  config: AgentServiceConfig,
  entities: [Agent],
  migrations,
  kafka: true,
  consumes: false,
  redis: false,
  features: () => [{ module: AgentsModule }],
};
