import { z } from 'zod';
import { EventCatalog } from '../events/catalog';
import { Topics } from '../topics';
import type { ApiOperation } from './api-operation';
import { PageQuery, pageOf, uuidParam } from './common.schemas';

/**
 * Topics whose events are about one client's resources (every payload carries `clientId`) and can
 * therefore be delivered to that client's webhooks. Agent, trust and routing events describe the
 * shared fleet and are never delivered to a client.
 */
export const WEBHOOK_TOPICS: readonly string[] = [Topics.task, Topics.chain, Topics.schedule, Topics.webhook];

/** Every event type a webhook can receive. */
export const WEBHOOK_EVENT_TYPES: readonly string[] = Object.entries(EventCatalog)
  .filter(([, definition]) => WEBHOOK_TOPICS.includes(definition.topic))
  .map(([type]) => type);

const WEBHOOK_AGGREGATES = new Set(WEBHOOK_EVENT_TYPES.map((type) => type.split('.')[1]));

/** `*`, an exact deliverable type, or `ains.<aggregate>.*` for one of the deliverable aggregates. */
export function isWebhookEventFilter(filter: string): boolean {
  if (filter === '*' || WEBHOOK_EVENT_TYPES.includes(filter)) return true;
  const wildcard = /^ains\.([a-z]+)\.\*$/.exec(filter);
  return wildcard !== null && WEBHOOK_AGGREGATES.has(wildcard[1]);
}

const EventFilter = z
  .string()
  .min(1)
  .max(100)
  .refine(isWebhookEventFilter, { message: 'must be *, a deliverable event type (ains.task.completed.v1) or an aggregate wildcard (ains.task.*)' });

/** Headers the service sets itself or that would break the HTTP exchange; clients cannot override them. */
const RESERVED_HEADER = /^(webhook-.*|content-type|content-length|content-encoding|host|connection|transfer-encoding|keep-alive|upgrade|te|trailer|proxy-.*|user-agent)$/i;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$/;

const CustomHeaders = z
  .record(z.string().regex(HEADER_NAME, 'must be an HTTP header name').refine((name) => !RESERVED_HEADER.test(name), { message: 'is reserved' }), z.string().max(1_024).regex(/^[\t\x20-\x7e]*$/, 'must be printable ASCII'))
  .refine((headers) => Object.keys(headers).length <= 20, { message: 'must have at most 20 headers' });

const WebhookUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2_048);

export const CreateWebhookBody = z.strictObject({
  url: WebhookUrl,
  event_types: z.array(EventFilter).min(1).max(50),
  description: z.string().max(500).default(''),
  enabled: z.boolean().default(true),
  headers: CustomHeaders.default({}),
});
export type CreateWebhookBody = z.infer<typeof CreateWebhookBody>;

export const UpdateWebhookBody = z
  .strictObject({
    url: WebhookUrl.optional(),
    event_types: z.array(EventFilter).min(1).max(50).optional(),
    description: z.string().max(500).optional(),
    enabled: z.boolean().optional(),
    headers: CustomHeaders.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'must change at least one field' });
export type UpdateWebhookBody = z.infer<typeof UpdateWebhookBody>;

export const RotateWebhookSecretBody = z.strictObject({
  /** How long the previous secret keeps signing alongside the new one. */
  overlap_seconds: z.int().min(0).max(7 * 24 * 3_600).default(24 * 3_600),
});
export type RotateWebhookSecretBody = z.infer<typeof RotateWebhookSecretBody>;

export const WebhookSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  event_types: z.array(z.string()),
  description: z.string(),
  enabled: z.boolean(),
  disabled_reason: z.enum(['gone', 'failing', 'manual']).nullable(),
  headers: z.record(z.string(), z.string()),
  secret_rotation_ends_at: z.iso.datetime({ offset: true }).nullable(),
  failing_since: z.iso.datetime({ offset: true }).nullable(),
  created_at: z.iso.datetime({ offset: true }),
  updated_at: z.iso.datetime({ offset: true }),
});
export type WebhookView = z.infer<typeof WebhookSchema>;

/** Returned once, at creation and rotation: the only time the signing secret is shown. */
export const WebhookWithSecretSchema = WebhookSchema.extend({ secret: z.string().startsWith('whsec_') });
export type WebhookWithSecretView = z.infer<typeof WebhookWithSecretSchema>;

export const DELIVERY_STATUSES = ['pending', 'succeeded', 'dead_lettered'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const DeliveryQuery = PageQuery.extend({
  status: z.enum(DELIVERY_STATUSES).optional(),
  event_type: z.string().max(100).optional(),
  /** Deliveries created at or after this time. */
  since: z.iso.datetime({ offset: true }).optional(),
  /** Deliveries created before this time. */
  until: z.iso.datetime({ offset: true }).optional(),
});
export type DeliveryQuery = z.infer<typeof DeliveryQuery>;

export const RecoverQuery = z.strictObject({ since: z.iso.datetime({ offset: true }) });
export type RecoverQuery = z.infer<typeof RecoverQuery>;

export const WebhookDeliveryParams = z.strictObject({ id: z.uuid(), deliveryId: z.uuid() });

export const DeliveryAttemptSchema = z.object({
  attempt: z.int().min(1),
  attempted_at: z.iso.datetime({ offset: true }),
  status_code: z.int().nullable(),
  latency_ms: z.int().min(0),
  response_body: z.string().nullable(),
  error: z.string().nullable(),
});

export const DeliverySchema = z.object({
  id: z.uuid(),
  webhook_id: z.uuid(),
  /** The `webhook-id` header: stable across retries and replays of this message. */
  message_id: z.string(),
  event_id: z.string(),
  event_type: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.int().min(0),
  next_attempt_at: z.iso.datetime({ offset: true }).nullable(),
  last_error: z.string().nullable(),
  created_at: z.iso.datetime({ offset: true }),
  updated_at: z.iso.datetime({ offset: true }),
});
export type DeliveryView = z.infer<typeof DeliverySchema>;

export const DeliveryDetailSchema = DeliverySchema.extend({ attempts_log: z.array(DeliveryAttemptSchema) });
export type DeliveryDetailView = z.infer<typeof DeliveryDetailSchema>;

export const RecoverResultSchema = z.object({ recovered: z.int().min(0) });

const common = { upstream: 'webhook', tag: 'Webhooks' } as const;
const read = ['webhooks:read'] as const;
const write = ['webhooks:write'] as const;

export const WebhookOperations: ApiOperation[] = [
  {
    ...common,
    operationId: 'createWebhook',
    method: 'POST',
    path: '/v1/webhooks',
    scopes: write,
    summary: 'Create a webhook endpoint',
    description: 'The destination must resolve to a public address. The response carries the signing secret; it is never shown again.',
    body: CreateWebhookBody,
    responses: { 201: { description: 'The endpoint with its signing secret.', schema: WebhookWithSecretSchema }, 422: { description: 'The destination is not allowed.' } },
  },
  {
    ...common,
    operationId: 'listWebhooks',
    method: 'GET',
    path: '/v1/webhooks',
    scopes: read,
    summary: 'List webhook endpoints',
    query: PageQuery,
    responses: { 200: { description: 'A page of endpoints, newest first.', schema: pageOf(WebhookSchema) } },
  },
  {
    ...common,
    operationId: 'getWebhook',
    method: 'GET',
    path: '/v1/webhooks/{id}',
    scopes: read,
    summary: 'Get a webhook endpoint',
    params: uuidParam(),
    responses: { 200: { description: 'The endpoint.', schema: WebhookSchema } },
  },
  {
    ...common,
    operationId: 'updateWebhook',
    method: 'PATCH',
    path: '/v1/webhooks/{id}',
    scopes: write,
    summary: 'Change a webhook endpoint',
    description: 'Enabling a disabled endpoint clears its failure record; its dead-lettered deliveries can then be recovered.',
    params: uuidParam(),
    body: UpdateWebhookBody,
    responses: { 200: { description: 'The endpoint.', schema: WebhookSchema }, 422: { description: 'The destination is not allowed.' } },
  },
  {
    ...common,
    operationId: 'deleteWebhook',
    method: 'DELETE',
    path: '/v1/webhooks/{id}',
    scopes: write,
    summary: 'Delete a webhook endpoint and its delivery log',
    params: uuidParam(),
    responses: { 204: { description: 'Deleted.' } },
  },
  {
    ...common,
    operationId: 'rotateWebhookSecret',
    method: 'POST',
    path: '/v1/webhooks/{id}/rotate-secret',
    scopes: write,
    summary: 'Rotate the signing secret',
    description: 'Deliveries are signed with both the new and the previous secret until the overlap ends.',
    params: uuidParam(),
    body: RotateWebhookSecretBody,
    responses: { 200: { description: 'The endpoint with its new signing secret.', schema: WebhookWithSecretSchema } },
  },
  {
    ...common,
    operationId: 'listWebhookDeliveries',
    method: 'GET',
    path: '/v1/webhooks/{id}/deliveries',
    scopes: read,
    summary: 'List deliveries to an endpoint',
    params: uuidParam(),
    query: DeliveryQuery,
    responses: { 200: { description: 'A page of deliveries, newest first.', schema: pageOf(DeliverySchema) } },
  },
  {
    ...common,
    operationId: 'getWebhookDelivery',
    method: 'GET',
    path: '/v1/webhooks/{id}/deliveries/{deliveryId}',
    scopes: read,
    summary: 'Get a delivery with every attempt',
    params: WebhookDeliveryParams,
    responses: { 200: { description: 'The delivery and its attempts.', schema: DeliveryDetailSchema } },
  },
  {
    ...common,
    operationId: 'replayWebhookDelivery',
    method: 'POST',
    path: '/v1/webhooks/{id}/deliveries/{deliveryId}/replay',
    scopes: write,
    summary: 'Send a finished delivery again',
    description: 'Same `webhook-id`, a fresh retry schedule. Refused (409) while the delivery is pending or the endpoint is disabled.',
    params: WebhookDeliveryParams,
    responses: { 202: { description: 'The delivery, pending again.', schema: DeliverySchema } },
  },
  {
    ...common,
    operationId: 'recoverWebhookDeliveries',
    method: 'POST',
    path: '/v1/webhooks/{id}/recover',
    scopes: write,
    summary: 'Resend every dead-lettered delivery since a time',
    params: uuidParam(),
    query: RecoverQuery,
    responses: { 202: { description: 'How many deliveries were queued again.', schema: RecoverResultSchema } },
  },
];
