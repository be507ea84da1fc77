import { z } from 'zod';

export const AgentCapabilitySchema = z.object({
  name: z.string().min(1).max(64),
  version: z.string().min(1).max(64),
});

export const AgentStatusSchema = z.enum(['online', 'offline', 'draining', 'deregistered']);

export const AgentRegisteredV1 = z.object({
  agentId: z.uuid(),
  displayName: z.string(),
  tags: z.array(z.string()),
  capabilities: z.array(AgentCapabilitySchema),
  maxConcurrency: z.int().positive(),
  status: AgentStatusSchema,
  registeredAt: z.iso.datetime({ offset: true }),
});
