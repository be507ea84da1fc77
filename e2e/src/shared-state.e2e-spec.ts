import { authHeaders, createApiKey } from './support/auth';
import { api } from './support/http';
import { E2E_MODE, SERVICE_PORTS } from './support/stack-env';

/**
 * Caches, rate limits, lockouts and key revocations live in Redis in the distributed mode and in
 * the process in the single-process mode, which runs without Redis. Runs against both modes.
 */
describe(`caches, rate limits and revocations (${E2E_MODE === 'distributed' ? 'in Redis' : 'in process, without Redis'})`, () => {
  it(`makes Redis a readiness check of the services that use it only in the distributed mode`, async () => {
    for (const service of ['api-gateway', 'agent-service', 'trust-service'] as const) {
      const response = await fetch(`http://127.0.0.1:${SERVICE_PORTS[service]}/ready`);
      expect(response.status).toBe(200);
      const { info } = (await response.json()) as { info: Record<string, unknown> };
      expect(info).toHaveProperty('postgres');
      expect({ service, redis: 'redis' in info }).toEqual({ service, redis: E2E_MODE === 'distributed' });
    }
  });

  it('counts a key’s requests and refuses the one over its limit', async () => {
    const key = await createApiKey({ scopes: ['agents:read'], rateLimitPerMinute: 2 });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await api('GET', '/v1/agents?limit=1', undefined, authHeaders(key))).status);
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('refuses a revoked key at once, although it was just cached', async () => {
    const key = await createApiKey({ scopes: ['agents:read'] });
    expect((await api('GET', '/v1/agents?limit=1', undefined, authHeaders(key))).status).toBe(200);
    expect((await api('DELETE', `/v1/api-keys/${key.id}`)).status).toBe(204);
    expect((await api('GET', '/v1/agents?limit=1', undefined, authHeaders(key))).status).toBe(401);
  });
});
