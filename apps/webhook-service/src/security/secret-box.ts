import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;

/**
 * Encrypts signing secrets at rest with AES-256-GCM. Receivers need the plain secret to verify,
 * so it cannot be hashed like an API key; a database dump alone reveals nothing without the key.
 * Stored form: `v1.<iv>.<tag>.<ciphertext>`, each part base64url.
 */
export class SecretBox {
  private constructor(private readonly key: Buffer) {}

  /** From a dedicated 32-byte key (base64). */
  static fromKey(base64Key: string): SecretBox {
    const key = Buffer.from(base64Key, 'base64');
    if (key.length !== 32) throw new Error('the secret encryption key must be 32 bytes');
    return new SecretBox(key);
  }

  /** Derives a key with HKDF-SHA256 from another secret, under a label used for nothing else. */
  static derivedFrom(secret: string): SecretBox {
    return new SecretBox(Buffer.from(hkdfSync('sha256', secret, 'ains-webhook-service', 'webhook signing secrets at rest', 32)));
  }

  seal(plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
  }

  open(sealed: string): string {
    const [version, iv, tag, ciphertext] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new Error('not a sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  }
}
