import type { Scope } from '@ains/contracts';
import type { ApiKey } from './api-key.entity';
import { secretMatches, type HashedSecret } from './api-key-format';

/** What authentication needs of a key, in a form that survives JSON (the Redis cache). */
export interface CachedKey {
  id: string;
  clientId: string;
  scopes: Scope[];
  agentId: string | null;
  rateLimitPerMinute: number;
  burstPerSecond: number | null;
  active: boolean;
  expiresAt: number | null;
  /** Absent in entries cached before the field existed: read as empty (any address). */
  allowedCidrs?: string[];
  current: HashedSecret;
  previous: (HashedSecret & { validUntil: number }) | null;
}

export function toCachedKey(key: ApiKey): CachedKey {
  const previous =
    key.previousKeyHash && key.previousKeySalt && key.previousValidUntil
      ? { hash: key.previousKeyHash, salt: key.previousKeySalt, validUntil: key.previousValidUntil.getTime() }
      : null;
  return {
    id: key.id,
    clientId: key.clientId,
    scopes: key.scopes,
    agentId: key.agentId,
    rateLimitPerMinute: key.rateLimitPerMinute,
    burstPerSecond: key.burstPerSecond,
    active: key.active,
    expiresAt: key.expiresAt?.getTime() ?? null,
    allowedCidrs: key.allowedCidrs,
    current: { hash: key.keyHash, salt: key.keySalt },
    previous,
  };
}

/**
 * Whether `secret` opens this key at `now`: active, not expired, and the current secret or, during
 * the grace period after a rotation, the previous one. Both hashes are always compared, so the
 * time taken does not tell which one matched.
 */
export function keyAccepts(key: CachedKey, secret: string, pepper: string, now: number): boolean {
  if (!key.active || (key.expiresAt !== null && key.expiresAt <= now)) return false;
  const current = secretMatches(secret, key.current, pepper);
  const previous = key.previous !== null && secretMatches(secret, key.previous, pepper) && now < key.previous.validUntil;
  return current || previous;
}
