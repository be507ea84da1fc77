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

/** Nearest-rank percentiles and the mean of `values` (ms); every field is null when there are none. */
export function summarize(values) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return { count: 0, p50: null, p95: null, p99: null, max: null, mean: null };
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  return { count: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1), mean };
}

/** The seed's production response-time targets (ms), per endpoint: p50, p95, p99 and the target. */
export const SEED_RESPONSE_TARGETS = {
  'GET /v1/agents': { p50: 15, p95: 35, p99: 50, target: '<50' },
  'POST /v1/tasks': { p50: 45, p95: 85, p99: 120, target: '<100' },
  'GET /v1/tasks/{id}': { p50: 10, p95: 25, p99: 40, target: '<30' },
  'POST /v1/task-chains': { p50: 120, p95: 180, p99: 250, target: '<200' },
  'GET /v1/trust/leaderboard': { p50: 55, p95: 95, p99: 130, target: '<100' },
  'POST /v1/tasks/batch': { p50: 250, p95: 420, p99: 600, target: '<500' },
};

/** Creates the database of `url` unless it exists (connecting to `postgres` on the same server). */
export async function ensureDatabase(url) {
  const name = new URL(url).pathname.slice(1);
  const admin = Object.assign(new URL(url), { pathname: '/postgres' }).toString();
  const existing = await sql(admin, 'SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (existing.length === 0) await sql(admin, `CREATE DATABASE "${name.replace(/"/g, '')}"`);
}
