import type { ApiKeyView } from '@ains/contracts';
import type { ApiKey } from './api-key.entity';

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

/** The public view of a key: never its hash or salt. */
export function toApiKeyView(key: ApiKey): ApiKeyView {
  return {
    id: key.id,
    name: key.name,
    client_id: key.clientId,
    scopes: key.scopes,
    agent_id: key.agentId,
    rate_limit_per_minute: key.rateLimitPerMinute,
    burst_per_second: key.burstPerSecond,
    active: key.active,
    created_at: key.createdAt.toISOString(),
    created_by: key.createdBy,
    expires_at: iso(key.expiresAt),
    allowed_cidrs: key.allowedCidrs,
    last_used_at: iso(key.lastUsedAt),
    rotated_at: iso(key.rotatedAt),
    previous_secret_valid_until: iso(key.previousValidUntil),
    revoked_at: iso(key.revokedAt),
  };
}
