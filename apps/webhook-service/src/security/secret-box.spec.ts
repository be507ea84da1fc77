import { randomBytes } from 'node:crypto';
import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  const box = SecretBox.fromKey(randomBytes(32).toString('base64'));

  it('round-trips a secret without storing it in clear', () => {
    const sealed = box.seal('whsec_c2VjcmV0');
    expect(sealed).not.toContain('c2VjcmV0');
    expect(box.open(sealed)).toBe('whsec_c2VjcmV0');
    expect(box.seal('whsec_c2VjcmV0')).not.toBe(sealed);
  });

  it('refuses tampered ciphertext and another key', () => {
    const sealed = box.seal('whsec_c2VjcmV0');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('whsec_AAAAAAAA').toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow();
    expect(() => SecretBox.derivedFrom('another secret of enough length').open(sealed)).toThrow();
  });

  it('rejects keys that are not 32 bytes', () => {
    expect(() => SecretBox.fromKey(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
  });
});
