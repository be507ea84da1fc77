import { z } from 'zod';
import { Topics } from '../topics';
import { isoTime, type EventDefinition } from './event-definition';

export const AgentCapabilitySchema = z.object({ name: z.string().min(1).max(64), version: z.string().min(1).max(64) });
export const AgentStatusSchema = z.enum(['online', 'offline', 'draining', 'deregistered']);
export type AgentStatus = z.infer<typeof AgentStatusSchema>;

const AgentProfile = {
  agentId: z.uuid(),
  displayName: z.string(),
  tags: z.array(z.string()),
  capabilities: z.array(AgentCapabilitySchema),
  maxConcurrency: z.int().positive(),
  /**
   * The agent's Ed25519 public key (base64url of the raw 32 bytes), null without one. Optional, so
   * events published before keys existed still parse: absent reads as "no key".
   */
  publicKey: z.string().max(64).nullable().optional(),
};

export const AgentEvents = {
  'ains.agent.registered.v1': {
    topic: Topics.agent,
    schema: z.object({ ...AgentProfile, status: AgentStatusSchema, registeredAt: isoTime() }),
  },
  /** Profile changes (tags, capabilities, concurrency, name, public key rotation); carries the full new profile. */
  'ains.agent.updated.v1': {
    topic: Topics.agent,
    schema: z.object({ ...AgentProfile, updatedAt: isoTime() }),
  },
  'ains.agent.status_changed.v1': {
    topic: Topics.agent,
    schema: z.object({ agentId: z.uuid(), status: AgentStatusSchema, previousStatus: AgentStatusSchema, reason: z.string(), changedAt: isoTime() }),
  },
} as const satisfies Record<string, EventDefinition>;
