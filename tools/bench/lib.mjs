// Helpers shared by the benchmark scripts.
import { createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { Client } = createRequire(join(root, 'package.json'))('pg');

/**
 * The caller headers the gateway adds to a forwarded request (the same canonical string and HMAC
 * as libs/platform/src/auth/internal-auth.ts), for calling a service directly.
 */
export function signedCallerHeaders({ clientId, keyId, scopes, agentId = '' }, method, url, secret) {
  const timestamp = String(Date.now());
  const canonical = ['v1', method, url, clientId, keyId, scopes.join(','), agentId, timestamp].join('\n');
  return {
    'x-ains-client-id': clientId,
    'x-ains-key-id': keyId,
    'x-ains-scopes': scopes.join(','),
    'x-ains-auth-timestamp': timestamp,
    'x-ains-auth-signature': createHmac('sha256', secret).update(canonical).digest('base64url'),
  };
}

export async function sql(url, text, params = []) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows;
  } finally {
    await client.end();
  }
}

export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
