import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { API_KEY_ID } from '@ains/contracts';

/**
 * API keys look like `ains_<key id>_<secret>`: a recognisable prefix (secret scanners find leaked
 * keys), a public lookup id (one indexed read, no hash scan), and 256 bits of CSPRNG secret.
 * Only `HMAC-SHA256(pepper, salt || secret)` is stored, with a random salt per key: a database
 * leak alone reveals nothing usable, and with the pepper kept outside the database not even a
 * guess can be checked offline.
 */
const PREFIX = 'ains_';
const SECRET_BYTES = 32;
const SALT_BYTES = 16;
const KEY_FORMAT = /^ains_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export interface ParsedApiKey {
  keyId: string;
  secret: string;
}

export interface HashedSecret {
  salt: string;
  hash: string;
}

export function newKeyId(): string {
  return randomBytes(8).toString('hex');
}

export function newSecret(): string {
  return randomBytes(SECRET_BYTES).toString('base64url');
}

export function formatApiKey(keyId: string, secret: string): string {
  return `${PREFIX}${keyId}_${secret}`;
}

/** Splits a presented key; undefined when it is not in the key format at all. */
export function parseApiKey(presented: string): ParsedApiKey | undefined {
  const match = KEY_FORMAT.exec(presented);
  if (!match || !API_KEY_ID.test(match[1])) return undefined;
  return { keyId: match[1], secret: match[2] };
}

export function hashSecret(secret: string, pepper: string, salt = randomBytes(SALT_BYTES).toString('base64url')): HashedSecret {
  return { salt, hash: createHmac('sha256', pepper).update(salt).update(':').update(secret).digest('base64url') };
}

/** Constant-time: the comparison takes as long whether the first or the last byte differs. */
export function secretMatches(secret: string, stored: HashedSecret, pepper: string): boolean {
  const expected = Buffer.from(stored.hash, 'base64url');
  const actual = Buffer.from(hashSecret(secret, pepper, stored.salt).hash, 'base64url');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
