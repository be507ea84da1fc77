import { hashSecret, newSecret } from './api-key-format';
import { keyAccepts, type CachedKey } from './cached-key';

const pepper = 'p'.repeat(32);
const now = 1_800_000_000_000;

function keyWith(secret: string, overrides: Partial<CachedKey> = {}): CachedKey {
  return { id: '0123456789abcdef', clientId: 'acme', scopes: ['tasks:read'], agentId: null, rateLimitPerMinute: 60, burstPerSecond: null, active: true, expiresAt: null, current: hashSecret(secret, pepper), previous: null, ...overrides };
}

describe('keyAccepts', () => {
  const secret = newSecret();

  it('accepts the current secret of an active key', () => {
    expect(keyAccepts(keyWith(secret), secret, pepper, now)).toBe(true);
    expect(keyAccepts(keyWith(secret), newSecret(), pepper, now)).toBe(false);
  });

  it('rejects revoked and expired keys even with the right secret', () => {
    expect(keyAccepts(keyWith(secret, { active: false }), secret, pepper, now)).toBe(false);
    expect(keyAccepts(keyWith(secret, { expiresAt: now }), secret, pepper, now)).toBe(false);
    expect(keyAccepts(keyWith(secret, { expiresAt: now + 1 }), secret, pepper, now)).toBe(true);
  });

  it('accepts the previous secret only until the grace period ends', () => {
    const old = newSecret();
    const rotated = keyWith(newSecret(), { previous: { ...hashSecret(old, pepper), validUntil: now + 1_000 } });
    expect(keyAccepts(rotated, old, pepper, now + 999)).toBe(true);
    expect(keyAccepts(rotated, old, pepper, now + 1_000)).toBe(false);
  });
});
