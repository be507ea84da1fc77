import { randomUUID } from 'node:crypto';
import { adminKey, authHeaders, createApiKey } from './support/auth';
import { ANONYMOUS, api } from './support/http';
import { gatewayUrl } from './support/stack-env';

interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
}

describe('the gateway authenticates, authorises and limits every request', () => {
  it('refuses anonymous and unknown callers with the same 401 problem', async () => {
    const anonymous = await api<Problem>('GET', '/v1/agents', undefined, ANONYMOUS);
    const unknown = await api<Problem>('GET', '/v1/agents', undefined, { authorization: `Bearer ains_0123456789abcdef_${'x'.repeat(43)}` });
    for (const response of [anonymous, unknown]) {
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(unknown.body.detail).toBe(anonymous.body.detail);
  });

  it('serves the API description without a key', async () => {
    const document = await api<{ openapi: string; paths: Record<string, unknown> }>('GET', '/openapi.json', undefined, ANONYMOUS);
    expect(document.status).toBe(200);
    expect(document.body.openapi).toBe('3.1.0');
    expect(Object.keys(document.body.paths)).toEqual(expect.arrayContaining(['/v1/agents', '/v1/api-keys']));
    const docs = await fetch(`${gatewayUrl}/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger-ui-bundle.js');
  });

  it('gives a scoped key only what its scopes allow, with rate-limit headers on every answer', async () => {
    const reader = await createApiKey({ scopes: ['agents:read'] });
    const listed = await api('GET', '/v1/agents', undefined, authHeaders(reader));
    expect(listed.status).toBe(200);
    expect(listed.headers.get('ratelimit-limit')).toBe('6000');
    expect(Number(listed.headers.get('ratelimit-remaining'))).toBeLessThan(6000);
    const refused = await api<Problem>('POST', '/v1/agents', { display_name: 'not allowed' }, authHeaders(reader));
    expect(refused.status).toBe(403);
    expect(refused.headers.get('ratelimit-limit')).toBe('6000');
  });

  it('hands a registered agent a key that acts for that agent only', async () => {
    const registrar = await createApiKey({ scopes: ['agents:write', 'agents:read'] });
    const created = await api<{ id: string; api_key: string }>('POST', '/v1/agents', { display_name: `e2e-agent-${randomUUID()}` }, authHeaders(registrar));
    expect(created.status).toBe(201);
    const agentKey = created.body.api_key;
    expect(agentKey).toMatch(/^ains_[0-9a-f]{16}_/);

    const keys = await api<{ data: { agent_id: string | null; scopes: string[]; client_id: string }[] }>('GET', `/v1/api-keys?client_id=${registrar.clientId}`, undefined, authHeaders(adminKey));
    expect(keys.body.data).toContainEqual(expect.objectContaining({ agent_id: created.body.id, scopes: ['agent:work'], client_id: registrar.clientId }));

    const otherAgent = await api<{ id: string }>('POST', '/v1/agents', { display_name: `e2e-agent-${randomUUID()}` }, authHeaders(registrar));
    const foreignHeartbeat = await api<Problem>('POST', `/v1/agents/${otherAgent.body.id}/heartbeat`, {}, authHeaders(agentKey));
    expect(foreignHeartbeat.status).toBe(403);
    expect((await api('GET', '/v1/agents', undefined, authHeaders(agentKey))).status).toBe(403);
  });

  it('stops a key at its per-minute limit with 429, Retry-After and a problem body', async () => {
    const limited = await createApiKey({ scopes: ['agents:read'], rateLimitPerMinute: 2 });
    expect((await api('GET', '/v1/agents', undefined, authHeaders(limited))).status).toBe(200);
    expect((await api('GET', '/v1/agents', undefined, authHeaders(limited))).status).toBe(200);
    const refused = await api<Problem>('GET', '/v1/agents', undefined, authHeaders(limited));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
  });

  it('rejects a key as soon as it is revoked', async () => {
    const key = await createApiKey({ scopes: ['agents:read'] });
    expect((await api('GET', '/v1/agents', undefined, authHeaders(key))).status).toBe(200);
    expect((await api('DELETE', `/v1/api-keys/${key.id}`, undefined, authHeaders(adminKey))).status).toBe(204);
    expect((await api('GET', '/v1/agents', undefined, authHeaders(key))).status).toBe(401);
    const audit = await api<{ data: { action: string; detail: Record<string, unknown> }[] }>('GET', '/v1/audit-logs?action=api_key.revoke', undefined, authHeaders(adminKey));
    expect(audit.body.data).toContainEqual(expect.objectContaining({ action: 'api_key.revoke', detail: { revoked_key_id: key.id } }));
  });
});
