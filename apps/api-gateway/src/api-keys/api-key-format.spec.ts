import { formatApiKey, hashSecret, newKeyId, newSecret, parseApiKey, secretMatches } from './api-key-format';

describe('API key format', () => {
  it('issues ains_<16 hex>_<43 base64url chars> keys with 256 random bits that parse back', () => {
    const keyId = newKeyId();
    const secret = newSecret();
    const key = formatApiKey(keyId, secret);
    expect(key).toMatch(/^ains_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    expect(parseApiKey(key)).toEqual({ keyId, secret });
  });

  it('never issues the same key twice', () => {
    const keys = new Set(Array.from({ length: 1000 }, () => formatApiKey(newKeyId(), newSecret())));
    expect(keys.size).toBe(1000);
  });

  it.each(['', 'ains_', 'ains_xyz_abc', `ains_${'a'.repeat(16)}_short`, `AINS_${'a'.repeat(16)}_${'b'.repeat(43)}`, `ains_${'a'.repeat(16)}_${'b'.repeat(43)}x`, `ains_${'A'.repeat(16)}_${'b'.repeat(43)}`])(
    'rejects the malformed key %p',
    (presented) => {
      expect(parseApiKey(presented)).toBeUndefined();
    },
  );
});

describe('secret hashing', () => {
  const pepper = 'pepper-0123456789abcdef0123456789';

  it('verifies the secret it hashed and nothing else', () => {
    const secret = newSecret();
    const stored = hashSecret(secret, pepper);
    expect(secretMatches(secret, stored, pepper)).toBe(true);
    expect(secretMatches(newSecret(), stored, pepper)).toBe(false);
    expect(secretMatches(`${secret.slice(0, -1)}A` === secret ? `${secret.slice(0, -1)}B` : `${secret.slice(0, -1)}A`, stored, pepper)).toBe(false);
  });

  it('depends on the pepper, so a database copy alone cannot check guesses', () => {
    const secret = newSecret();
    const stored = hashSecret(secret, pepper);
    expect(secretMatches(secret, stored, 'another-pepper-0123456789abcdef01')).toBe(false);
  });

  it('salts each key, so equal secrets do not have equal hashes', () => {
    const secret = newSecret();
    expect(hashSecret(secret, pepper).hash).not.toBe(hashSecret(secret, pepper).hash);
  });

  it('stores neither the secret nor anything that contains it', () => {
    const secret = newSecret();
    const stored = hashSecret(secret, pepper);
    expect(JSON.stringify(stored)).not.toContain(secret);
  });
});
