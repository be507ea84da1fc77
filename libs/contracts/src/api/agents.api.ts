import semver from 'semver';
import { z } from 'zod';
import type { ApiOperation } from './api-operation';
import { PageQuery, ProblemSchema, jsonObject, pageOf, uuidParam } from './common.schemas';
import { isAgentPublicKey } from './agent-public-key';
import { TrustDetailSchema } from './trust.api';

const NAME = /^[a-z0-9][a-z0-9._:-]*$/;
const name = () => z.string().min(1).max(64).regex(NAME, 'must be lowercase letters, digits and . _ : -');

/**
 * A semver version (`3.12.1`, `2.0.0-rc.1`), or its short forms `3.12` and `3`, which capability
 * ranges read as `3.12.0` and `3.0.0`. Anything else (`three`, `latest`) cannot be matched by a
 * range and is refused.
 */
export function isCapabilityVersion(version: string): boolean {
  return semver.valid(version) !== null || /^(0|[1-9]\d*)(\.(0|[1-9]\d*))?$/.test(version);
}

export const AgentCapability = z.strictObject({
  name: name(),
  version: z.string().min(1).max(64).refine(isCapabilityVersion, 'must be a semver version such as 3.12.1 (or 3.12, 3)'),
});
export type AgentCapability = z.infer<typeof AgentCapability>;

const AgentProfileFields = {
  display_name: z.string().min(1).max(200),
  /**
   * Where operators reach the agent itself (its status or admin page). AINS shows it and never
   * connects to it; it must still name a public host (the webhook destination rules), or 422.
   */
  endpoint: z.url({ protocol: /^https?$/ }).max(2_048),
  tags: z.array(name()).max(50),
  capabilities: z.array(AgentCapability).max(100),
  max_concurrency: z.int().min(1).max(1_000),
  metadata: jsonObject(16_384),
  /**
   * The agent's Ed25519 public key, base64url of the raw 32 bytes (43 characters). With it, every
   * `complete` and `fail` report of the agent must be signed with the matching private key.
   */
  public_key: z
    .string()
    .max(43, { message: 'must be 43 characters: the base64url of a raw 32-byte Ed25519 public key', abort: true })
    .refine(isAgentPublicKey, 'must be an Ed25519 public key: the base64url (no padding) of its raw 32 bytes')
    .meta({ examples: ['57tS0uDII7prMphv5-2BrvY8jBa3yIZG6XZkDO-j3c4'] }),
};

export const RegisterAgentBody = z.strictObject({
  display_name: AgentProfileFields.display_name,
  endpoint: AgentProfileFields.endpoint.optional(),
  tags: AgentProfileFields.tags.default([]),
  capabilities: AgentProfileFields.capabilities.default([]),
  max_concurrency: AgentProfileFields.max_concurrency.default(1),
  metadata: AgentProfileFields.metadata.default({}),
  public_key: AgentProfileFields.public_key.optional(),
});
export type RegisterAgentBody = z.infer<typeof RegisterAgentBody>;

/** Partial update: only the fields given change; `endpoint: null` removes the endpoint. */
export const UpdateAgentBody = z
  .strictObject({
    display_name: AgentProfileFields.display_name.optional(),
    endpoint: AgentProfileFields.endpoint.nullable().optional(),
    tags: AgentProfileFields.tags.optional(),
    capabilities: AgentProfileFields.capabilities.optional(),
    max_concurrency: AgentProfileFields.max_concurrency.optional(),
    metadata: AgentProfileFields.metadata.optional(),
    /** A new key replaces the old one (rotation); a key once set cannot be removed, only replaced. */
    public_key: AgentProfileFields.public_key.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'must change at least one field' });
export type UpdateAgentBody = z.infer<typeof UpdateAgentBody>;

export const AGENT_STATUSES = ['online', 'offline', 'draining', 'deregistered'] as const;

const commaList = (item: z.ZodString, max: number) =>
  z
    .string()
    .max(2_000)
    .transform((value) => value.split(',').map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(item).min(1).max(max));

/**
 * Filters of `GET /v1/agents`. `tags` is comma-separated and matches all of them (or any, with
 * `tags_match=any`); `capability` with `capability_range` (a semver range such as `>=3.11 <4`)
 * keeps agents with that capability in that range; `min_trust` is a score in [0, 1].
 */
export const ListAgentsQuery = PageQuery.extend({
  tags: commaList(name(), 20).optional(),
  tags_match: z.enum(['all', 'any']).default('all'),
  capability: name().optional(),
  capability_range: z.string().min(1).max(128).optional(),
  status: z.enum(AGENT_STATUSES).optional(),
  min_trust: z.coerce.number().min(0).max(1).optional(),
}).refine((query) => query.capability_range === undefined || query.capability !== undefined, {
  message: 'needs `capability`',
  path: ['capability_range'],
});
export type ListAgentsQuery = z.infer<typeof ListAgentsQuery>;

export const AgentLoadSchema = z.object({
  active_tasks: z.int().min(0),
  max_concurrency: z.int().min(1),
  /** active_tasks / max_concurrency, in [0, 1] (above 1 only while a lowered limit drains). */
  utilisation: z.number().min(0),
});

export const AgentMetricsSchema = z.object({
  completed: z.int().min(0),
  failed: z.int().min(0),
  timed_out: z.int().min(0),
  /** completed / (completed + failed + timed_out); null before the first finished task. */
  success_rate: z.number().min(0).max(1).nullable(),
  /** Exponential moving average of completion times; null before the first completion. */
  avg_completion_ms: z.number().min(0).nullable(),
});

export const AgentSchema = z.object({
  id: z.uuid(),
  display_name: z.string(),
  endpoint: z.string().nullable(),
  /** The client that registered the agent: shown to that client and to admins, null to others. */
  owner_client_id: z.string().nullable(),
  tags: z.array(z.string()),
  capabilities: z.array(AgentCapability),
  max_concurrency: z.int(),
  status: z.enum(AGENT_STATUSES),
  metadata: z.record(z.string(), z.unknown()),
  /** The Ed25519 public key its complete and fail reports are verified with; null when it signs nothing. */
  public_key: z.string().nullable(),
  /** SHA-256 of the raw public key, lowercase hex; stored with each signature the key verified. */
  public_key_fingerprint: z.string().nullable(),
  last_heartbeat_at: z.iso.datetime({ offset: true }),
  load: AgentLoadSchema,
  metrics: AgentMetricsSchema,
  registered_at: z.iso.datetime({ offset: true }),
  updated_at: z.iso.datetime({ offset: true }),
});
export type AgentView = z.infer<typeof AgentSchema>;

export const AgentStatsSchema = z.object({
  generated_at: z.iso.datetime({ offset: true }),
  by_status: z.record(z.enum(AGENT_STATUSES), z.int()).meta({ description: 'agents in each status now, the whole fleet (every status present)' }),
});
export type AgentStatsView = z.infer<typeof AgentStatsSchema>;

/** The trust part is exactly what `GET /v1/agents/{id}/trust` answers. */
export const AgentDetailSchema = AgentSchema.extend({ trust: TrustDetailSchema.nullable() });

/** Heartbeat and drain take no fields; an empty JSON object (or no body) is accepted. */
export const EmptyBody = z.strictObject({}).optional();

export const AgentOperations: ApiOperation[] = [
  {
    operationId: 'registerAgent',
    method: 'POST',
    path: '/v1/agents',
    upstream: 'agent',
    scopes: ['agents:write'],
    tag: 'Agents',
    summary: 'Register an agent',
    description: 'With `public_key` (an Ed25519 public key, base64url of its raw 32 bytes), every `complete` and `fail` report of the agent must carry a signature made with the matching private key.',
    body: RegisterAgentBody,
    responses: { 201: { description: 'The registered agent.', schema: AgentSchema }, 422: { description: 'The endpoint is not an allowed destination.', schema: ProblemSchema } },
  },
  {
    operationId: 'listAgents',
    method: 'GET',
    path: '/v1/agents',
    upstream: 'agent',
    scopes: ['agents:read'],
    tag: 'Agents',
    summary: 'List agents',
    description: 'Deregistered agents are listed only with `status=deregistered`.',
    query: ListAgentsQuery,
    responses: { 200: { description: 'A page of agents, newest first.', schema: pageOf(AgentSchema) } },
  },
  {
    operationId: 'getAgentStats',
    method: 'GET',
    path: '/v1/agents/stats',
    upstream: 'agent',
    scopes: ['agents:read'],
    tag: 'Agents',
    summary: 'Agents per status',
    description: 'The whole fleet, as every `agents:read` key sees it: one grouped count, never a page of agents.',
    responses: { 200: { description: 'The counts.', schema: AgentStatsSchema } },
  },
  {
    operationId: 'getAgent',
    method: 'GET',
    path: '/v1/agents/{id}',
    upstream: 'agent',
    scopes: ['agents:read'],
    tag: 'Agents',
    summary: 'Get an agent with its load, metrics and trust score',
    description: 'Combines the agent with its load and metrics (agent-service) and its trust (trust-service), exactly as `GET /v1/agents/{id}/trust` answers it; `trust` is null until trust-service has seen the registration.',
    params: uuidParam(),
    responses: { 200: { description: 'The agent.', schema: AgentDetailSchema } },
  },
  {
    operationId: 'updateAgent',
    method: 'PATCH',
    path: '/v1/agents/{id}',
    upstream: 'agent',
    scopes: ['agents:write'],
    tag: 'Agents',
    summary: 'Change an agent’s profile',
    description:
      'Routing uses the new tags, capabilities and concurrency limit for its next decisions. A new `public_key` replaces the agent’s key (rotation): reports reaching task-service once it has learned of the change are verified with the new key only. Only the owning client’s `agents:write` keys and admins may change an agent; its own `agent:work` key may not.',
    params: uuidParam(),
    body: UpdateAgentBody,
    responses: { 200: { description: 'The updated agent.', schema: AgentSchema }, 422: { description: 'The endpoint is not an allowed destination.', schema: ProblemSchema } },
  },
  {
    operationId: 'deregisterAgent',
    method: 'DELETE',
    path: '/v1/agents/{id}',
    upstream: 'agent',
    scopes: ['agents:write'],
    tag: 'Agents',
    summary: 'Deregister an agent',
    description: 'Routing stops sending it work; its record stays readable with status `deregistered`.',
    params: uuidParam(),
    responses: { 204: { description: 'Deregistered.' } },
  },
  {
    operationId: 'heartbeatAgent',
    method: 'POST',
    path: '/v1/agents/{id}/heartbeat',
    upstream: 'agent',
    scopes: ['agents:write', 'agent:work'],
    tag: 'Agents',
    summary: 'Report that an agent is alive',
    description: 'An `agent:work` key may only heartbeat its own agent. An offline agent comes back online (or draining, if it was draining).',
    params: uuidParam(),
    body: EmptyBody,
    responses: { 200: { description: 'The agent.', schema: AgentSchema } },
  },
  {
    operationId: 'drainAgent',
    method: 'POST',
    path: '/v1/agents/{id}/drain',
    upstream: 'agent',
    scopes: ['agents:write', 'agent:work'],
    tag: 'Agents',
    summary: 'Drain an agent',
    description: 'The agent finishes its current tasks and receives no new ones. An `agent:work` key may only drain its own agent.',
    params: uuidParam(),
    body: EmptyBody,
    responses: { 200: { description: 'The agent, now draining.', schema: AgentSchema } },
  },
  {
    operationId: 'resumeAgent',
    method: 'POST',
    path: '/v1/agents/{id}/resume',
    upstream: 'agent',
    scopes: ['agents:write', 'agent:work'],
    tag: 'Agents',
    summary: 'End an agent’s drain',
    description: 'A draining agent takes new tasks again (an offline one will, once its heartbeats return). An `agent:work` key may only resume its own agent.',
    params: uuidParam(),
    body: EmptyBody,
    responses: { 200: { description: 'The agent.', schema: AgentSchema } },
  },
];
