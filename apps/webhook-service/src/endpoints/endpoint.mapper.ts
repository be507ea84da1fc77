import type { WebhookView } from '@ains/contracts';
import type { Endpoint } from './endpoint.entity';

export function toWebhookView(endpoint: Endpoint, now = new Date()): WebhookView {
  const rotationEnds = endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now ? endpoint.previousSecretExpiresAt : null;
  return {
    id: endpoint.id,
    url: endpoint.url,
    event_types: endpoint.eventTypes,
    description: endpoint.description,
    enabled: endpoint.enabled,
    disabled_reason: endpoint.disabledReason,
    headers: endpoint.headers,
    secret_rotation_ends_at: rotationEnds?.toISOString() ?? null,
    failing_since: endpoint.failingSince?.toISOString() ?? null,
    created_at: endpoint.createdAt.toISOString(),
    updated_at: endpoint.updatedAt.toISOString(),
  };
}
