import { randomUUID } from 'node:crypto';
import type { Scope } from '@ains/contracts';
import { api } from './http';
import { e2eEnv } from './stack-env';

/** The suite's admin key, installed by the gateway at start (BOOTSTRAP_ADMIN_API_KEY). */
export const adminKey: string = e2eEnv.BOOTSTRAP_ADMIN_API_KEY;

export interface TestApiKey {
  id: string;
  /** The full key, to send as `X-API-Key`. */
  key: string;
  clientId: string;
}

export interface ApiKeyOptions {
  scopes: Scope[];
  /** The tenant; a fresh one (no other key's data visible) unless given. */
  clientId?: string;
  /** Required with `agent:work`: the agent the key acts as. */
  agentId?: string;
  name?: string;
  /** Generous by default, so polling tests are not throttled. */
  rateLimitPerMinute?: number;
  burstPerSecond?: number;
}

/** Creates an API key through the gateway with the admin key. */
export async function createApiKey(options: ApiKeyOptions): Promise<TestApiKey> {
  const clientId = options.clientId ?? `e2e-client-${randomUUID()}`;
  const response = await api<{ id: string; api_key: string; client_id: string }>(
    'POST',
    '/v1/api-keys',
    {
      name: options.name ?? `e2e ${options.scopes.join(' ')}`,
      client_id: clientId,
      scopes: options.scopes,
      agent_id: options.agentId,
      rate_limit_per_minute: options.rateLimitPerMinute ?? 6_000,
      burst_per_second: options.burstPerSecond,
    },
    authHeaders(adminKey),
  );
  if (response.status !== 201) throw new Error(`creating an API key failed: ${response.status} ${JSON.stringify(response.body)}`);
  return { id: response.body.id, key: response.body.api_key, clientId: response.body.client_id };
}

/** Headers authenticating as `key` (a TestApiKey or the key string). */
export function authHeaders(key: TestApiKey | string): Record<string, string> {
  return { 'x-api-key': typeof key === 'string' ? key : key.key };
}
