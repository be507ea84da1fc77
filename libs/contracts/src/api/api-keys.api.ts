import ipaddr from 'ipaddr.js';
import { z } from 'zod';
import { SCOPES } from '../auth/scopes';
import type { ApiOperation } from './api-operation';
import { ProblemSchema, pageOf } from './common.schemas';

/** The lookup id inside an API key `ains_<key id>_<secret>`: 16 lowercase hex digits. */
export const API_KEY_ID = /^[0-9a-f]{16}$/;

export const ApiKeyIdParam = z.strictObject({ id: z.string().regex(API_KEY_ID, 'must be an API key id (16 hex digits)') });

/** An IPv4 or IPv6 range in CIDR notation (`203.0.113.0/24`, `2001:db8::/32`). */
const Cidr = z.string().max(64).refine((value) => ipaddr.isValidCIDR(value), 'must be an IPv4 or IPv6 range in CIDR notation, such as 203.0.113.0/24 or 2001:db8::/32');

const ClientId = z.string().min(1).max(128).regex(/^[A-Za-z0-9._:-]+$/, 'must be letters, digits and . _ : -');

export const CreateApiKeyBody = z
  .strictObject({
    name: z.string().min(1).max(200),
    /** The tenant the key acts for; defaults to the creating key's own client. */
    client_id: ClientId.optional(),
    scopes: z.array(z.enum(SCOPES)).min(1).max(SCOPES.length),
    /** Required with (and only with) the `agent:work` scope: the one agent the key acts as. */
    agent_id: z.uuid().optional(),
    rate_limit_per_minute: z.int().min(1).max(100_000).optional(),
    burst_per_second: z.int().min(1).max(10_000).optional(),
    /** Must lie in the future. */
    expires_at: z.iso.datetime({ offset: true }).optional(),
    /**
     * Client addresses the key is accepted from (IPv4 and IPv6 ranges); a request from anywhere
     * else gets 403. Omitted or empty: any address.
     */
    allowed_cidrs: z.array(Cidr).max(50).optional(),
  })
  .refine((body) => body.scopes.includes('agent:work') === (body.agent_id !== undefined), {
    message: 'agent_id is required with the agent:work scope and allowed only with it',
    path: ['agent_id'],
  })
  .meta({ examples: [{ name: 'billing backend', client_id: 'acme', scopes: ['tasks:read', 'tasks:write'], rate_limit_per_minute: 600 }] });
export type CreateApiKeyBody = z.infer<typeof CreateApiKeyBody>;

export const RotateApiKeyBody = z.strictObject({
  /** How long the previous secret keeps working; defaults to the gateway's setting. */
  grace_period_seconds: z.int().min(0).max(30 * 24 * 3600).optional(),
});
export type RotateApiKeyBody = z.infer<typeof RotateApiKeyBody>;

export const ApiKeyListQuery = z.strictObject({
  client_id: ClientId.optional(),
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ApiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  client_id: z.string(),
  scopes: z.array(z.enum(SCOPES)),
  agent_id: z.uuid().nullable(),
  rate_limit_per_minute: z.int(),
  burst_per_second: z.int().nullable(),
  active: z.boolean(),
  created_at: z.iso.datetime({ offset: true }),
  created_by: z.string().nullable(),
  expires_at: z.iso.datetime({ offset: true }).nullable(),
  /** Empty: the key is accepted from any address. */
  allowed_cidrs: z.array(z.string()),
  last_used_at: z.iso.datetime({ offset: true }).nullable(),
  rotated_at: z.iso.datetime({ offset: true }).nullable(),
  previous_secret_valid_until: z.iso.datetime({ offset: true }).nullable(),
  revoked_at: z.iso.datetime({ offset: true }).nullable(),
});
export type ApiKeyView = z.infer<typeof ApiKeySchema>;

/** Returned once, at creation or rotation: the only time the full key is shown. */
export const IssuedApiKeySchema = ApiKeySchema.extend({
  api_key: z.string().meta({ examples: ['ains_3f9a1c0d5e7b2a64_Zk2mW8qX1vJ4nR6tY0pL3sH9dF5gB7cA2eU8iO4wQ1z'] }),
});

export const ApiKeyOperations: ApiOperation[] = [
  {
    operationId: 'createApiKey',
    method: 'POST',
    path: '/v1/api-keys',
    upstream: 'gateway',
    scopes: ['admin'],
    tag: 'API keys',
    summary: 'Create an API key',
    description: 'The full key is in `api_key` of this response only; the gateway stores a salted hash.',
    body: CreateApiKeyBody,
    responses: {
      201: { description: 'The new key, with its secret shown once.', schema: IssuedApiKeySchema },
      422: { description: 'An `expires_at` not in the future, or an `agent_id` agent-service does not know (or knows as deregistered).', schema: ProblemSchema },
    },
  },
  {
    operationId: 'listApiKeys',
    method: 'GET',
    path: '/v1/api-keys',
    upstream: 'gateway',
    scopes: ['admin'],
    tag: 'API keys',
    summary: 'List API keys',
    query: ApiKeyListQuery,
    responses: { 200: { description: 'A page of keys, newest first (secrets are never shown).', schema: pageOf(ApiKeySchema) } },
  },
  {
    operationId: 'getApiKey',
    method: 'GET',
    path: '/v1/api-keys/{id}',
    upstream: 'gateway',
    scopes: ['admin'],
    tag: 'API keys',
    summary: 'Get an API key',
    params: ApiKeyIdParam,
    responses: { 200: { description: 'The key (without its secret).', schema: ApiKeySchema } },
  },
  {
    operationId: 'rotateApiKey',
    method: 'POST',
    path: '/v1/api-keys/{id}/rotate',
    upstream: 'gateway',
    scopes: ['admin'],
    tag: 'API keys',
    summary: 'Rotate an API key',
    description: 'Issues a new secret for the same key id; the previous secret keeps working until `previous_secret_valid_until`.',
    params: ApiKeyIdParam,
    body: RotateApiKeyBody,
    responses: { 200: { description: 'The key with its new secret, shown once.', schema: IssuedApiKeySchema } },
  },
  {
    operationId: 'revokeApiKey',
    method: 'DELETE',
    path: '/v1/api-keys/{id}',
    upstream: 'gateway',
    scopes: ['admin'],
    tag: 'API keys',
    summary: 'Revoke an API key',
    description: 'Every gateway instance rejects the key within one second.',
    params: ApiKeyIdParam,
    responses: { 204: { description: 'Revoked.' } },
  },
];
