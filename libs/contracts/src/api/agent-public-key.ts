import { createHash, createPublicKey, type KeyObject } from 'node:crypto';

/**
 * An agent's Ed25519 public key, as the API takes and shows it: the raw 32-byte key in base64url
 * without padding (43 characters, RFC 8037's `x`). One format only, so a key is written one way.
 */
const ENCODED_KEY = /^[A-Za-z0-9_-]{43}$/;

/** The key as node:crypto uses it, or undefined when the text is not exactly an Ed25519 public key in that form. */
export function agentPublicKeyObject(publicKey: string): KeyObject | undefined {
  if (!ENCODED_KEY.test(publicKey)) return undefined;
  // The 43rd character carries 2 unused bits: only one spelling of each key is accepted.
  if (Buffer.from(publicKey, 'base64url').toString('base64url') !== publicKey) return undefined;
  try {
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey }, format: 'jwk' });
  } catch {
    return undefined;
  }
}

export function isAgentPublicKey(publicKey: string): boolean {
  return agentPublicKeyObject(publicKey) !== undefined;
}

/** SHA-256 of the raw key, lowercase hex: a short name for a key in views and stored signatures. */
export function publicKeyFingerprint(publicKey: string): string {
  return createHash('sha256').update(Buffer.from(publicKey, 'base64url')).digest('hex');
}
