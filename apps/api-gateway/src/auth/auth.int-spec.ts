import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { dropSchemas, ensureDatabase, query, serviceTestEnv, TEST_INTERNAL_AUTH_SECRET, testEnv, waitFor } from '@ains/testing';
import { FakeUpstream } from '../testing/fake-upstream';
import { newApiKey, startGateway, upstreamEnv } from '../testing/gateway-app';

interface IssuedKey {
  id: string;
  api_key: string;
  client_id: string;
  scopes: string[];
}

describe('API-key authentication (two gateway instances, real Postgres and Redis)', () => {
  const adminKey = newApiKey();
  const upstream = new FakeUpstream(TEST_INTERNAL_AUTH_SECRET);
  let gatewayA: NestFastifyApplication;
  let gatewayB: NestFastifyApplication;

  const env = () =>
    serviceTestEnv({
      ...upstreamEnv(upstream.url),
      BOOTSTRAP_ADMIN_API_KEY: adminKey,
      REDIS_KEY_PREFIX: `test:gw:${randomUUID()}:`,
      API_KEY_PEPPER: 'integration-test-pepper-0123456789abcdef',
      AUTH_SLOWDOWN_AFTER_FAILURES: '100',
      AUTH_LOCKOUT_AFTER_FAILURES: '4',
      TRUSTED_PROXIES: '198.51.100.0/24',
    });

  const asAdmin = { 'x-api-key': adminKey };

  async function createKey(app: NestFastifyApplication, body: Record<string, unknown>): Promise<IssuedKey> {
    const response = await app.inject({ method: 'POST', url: '/v1/api-keys', headers: asAdmin, payload: body });
    expect(response.statusCode).toBe(201);
    return response.json<IssuedKey>();
  }

  beforeAll(async () => {
    await ensureDatabase(testEnv.databaseUrl);
    await dropSchemas(testEnv.databaseUrl, 'gateway');
    await upstream.start();
    const shared = env();
    gatewayA = await startGateway(shared);
    gatewayB = await startGateway(shared);
  });

  afterAll(async () => {
    await gatewayA?.close();
    await gatewayB?.close();
    await upstream.stop();
  });

  it('installs the bootstrap admin key, storing only a salted hash', async () => {
    const [row] = await query<{ key_hash: string; scopes: string[] }>(testEnv.databaseUrl, 'SELECT key_hash, scopes FROM gateway.api_keys WHERE id = $1', [adminKey.split('_')[1]]);
    expect(row.scopes).toEqual(['admin']);
    expect(JSON.stringify(row)).not.toContain(adminKey.slice(22));
  });

  it('accepts a key in X-API-Key or as a bearer token', async () => {
    const key = await createKey(gatewayA, { name: 'reader', client_id: 'acme', scopes: ['agents:read'] });
    expect(key.api_key).toMatch(/^ains_[0-9a-f]{16}_/);
    for (const headers of [{ 'x-api-key': key.api_key }, { authorization: `Bearer ${key.api_key}` }]) {
      const response = await gatewayB.inject({ method: 'GET', url: '/v1/agents', headers });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ caller: { clientId: 'acme', keyId: key.id, scopes: ['agents:read'] } });
    }
  });

  it('answers missing, malformed, unknown, wrong-secret, expired and revoked keys with the same 401', async () => {
    // A key cannot be created already expired; this one expires in the database before its first use.
    const expired = await createKey(gatewayA, { name: 'old', client_id: 'acme', scopes: ['agents:read'] });
    await query(testEnv.databaseUrl, "UPDATE gateway.api_keys SET expires_at = now() - interval '1 second' WHERE id = $1", [expired.id]);
    const revoked = await createKey(gatewayA, { name: 'gone', client_id: 'acme', scopes: ['agents:read'] });
    await gatewayA.inject({ method: 'DELETE', url: `/v1/api-keys/${revoked.id}`, headers: asAdmin });
    const wrongSecret = `${revoked.api_key.slice(0, 22)}${'A'.repeat(43)}`;
    const attempts: Record<string, string>[] = [{}, { 'x-api-key': 'not-a-key' }, { 'x-api-key': newApiKey() }, { 'x-api-key': wrongSecret }, { 'x-api-key': expired.api_key }, { authorization: `Bearer ${revoked.api_key}` }];
    const bodies = new Set<string>();
    for (const [index, headers] of attempts.entries()) {
      // One address each, so the lockout (tested below) does not step in.
      const response = await gatewayB.inject({ method: 'GET', url: '/v1/agents', headers, remoteAddress: `192.0.2.${10 + index}` });
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const { type, title, detail } = response.json<Record<string, string>>();
      bodies.add(JSON.stringify({ type, title, detail }));
    }
    expect(bodies.size).toBe(1);
    expect(upstream.received.filter((r) => r.headers['x-ains-key-id'] === revoked.id)).toHaveLength(0);
  });

  it('logs each failure with the address, and locks a guesser out while a valid key from the same address keeps working', async () => {
    const ip = '127.0.0.1';
    const agentId = randomUUID();
    const agentKey = await createKey(gatewayA, { name: 'agent', client_id: 'acme', scopes: ['agent:work'], agent_id: agentId });
    const claim = { method: 'POST' as const, url: `/v1/agents/${agentId}/claim`, payload: {} };
    for (let i = 0; i < 4; i++) {
      expect((await gatewayA.inject({ method: 'GET', url: '/v1/agents', headers: { 'x-api-key': newApiKey() }, remoteAddress: ip })).statusCode).toBe(401);
    }
    // The guesser is refused on every instance, whatever it presents next that is not a valid key.
    for (const headers of [{ 'x-api-key': newApiKey() }, { 'x-api-key': 'not-a-key' }, {}]) {
      const locked = await gatewayB.inject({ method: 'GET', url: '/v1/agents', headers, remoteAddress: ip });
      expect(locked.statusCode).toBe(429);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    }
    // The agent's valid key on the same host keeps working, and other addresses are unaffected.
    expect((await gatewayB.inject({ ...claim, headers: { 'x-api-key': agentKey.api_key }, remoteAddress: ip })).statusCode).toBe(200);
    expect((await gatewayB.inject({ method: 'GET', url: '/v1/agents', headers: { 'x-api-key': newApiKey() }, remoteAddress: '192.0.2.78' })).statusCode).toBe(401);

    const audit = await gatewayA.inject({ method: 'GET', url: `/v1/audit-logs?ip=${ip}`, headers: asAdmin });
    const actions = audit.json<{ data: { action: string; outcome: string; ip: string }[] }>().data;
    expect(actions.filter((entry) => entry.action === 'auth.failure')).toHaveLength(4);
    expect(actions).toContainEqual(expect.objectContaining({ action: 'auth.lockout', outcome: 'denied', ip }));
  });

  it('locks out the guessed secrets of one key from one address, not the key elsewhere nor other keys there', async () => {
    const ip = '192.0.2.88';
    const target = await createKey(gatewayA, { name: 'target', client_id: 'acme', scopes: ['agents:read'] });
    const other = await createKey(gatewayA, { name: 'other', client_id: 'acme', scopes: ['agents:read'] });
    const guess = `${target.api_key.slice(0, 22)}${'B'.repeat(43)}`;
    for (let i = 0; i < 4; i++) expect((await gatewayA.inject({ method: 'GET', url: '/v1/agents', headers: { 'x-api-key': guess }, remoteAddress: ip })).statusCode).toBe(401);
    expect((await gatewayB.inject({ method: 'GET', url: '/v1/agents', headers: { 'x-api-key': target.api_key }, remoteAddress: ip })).statusCode).toBe(429);
    expect((await gatewayB.inject({ method: 'GET', url: '/v1/agents', headers: { 'x-api-key': target.api_key }, remoteAddress: '192.0.2.89' })).statusCode).toBe(200);
    expect((await gatewayB.inject({ method: 'GET', url: '/v1/agents', headers: { 'x-api-key': other.api_key }, remoteAddress: ip })).statusCode).toBe(200);
  });

  it('takes the client address from X-Forwarded-For only behind a trusted proxy', async () => {
    const headers = { 'x-api-key': newApiKey(), 'x-forwarded-for': '203.0.113.50' };
    await gatewayA.inject({ method: 'GET', url: '/v1/agents', headers, remoteAddress: '198.51.100.1' });
    await gatewayA.inject({ method: 'GET', url: '/v1/agents', headers, remoteAddress: '192.0.2.99' });
    const behindProxy = await gatewayA.inject({ method: 'GET', url: '/v1/audit-logs?ip=203.0.113.50', headers: asAdmin });
    expect(behindProxy.json<{ data: unknown[] }>().data).toHaveLength(1);
    const direct = await gatewayA.inject({ method: 'GET', url: '/v1/audit-logs?ip=192.0.2.99', headers: asAdmin });
    expect(direct.json<{ data: unknown[] }>().data).toHaveLength(1);
  });

  it('refuses an operation the key has no scope for with 403, and admin passes', async () => {
    const writer = await createKey(gatewayA, { name: 'writer', client_id: 'acme', scopes: ['webhooks:read'] });
    const denied = await gatewayA.inject({ method: 'GET', url: '/v1/agents', headers: { 'x-api-key': writer.api_key } });
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toMatchObject({ status: 403, detail: expect.stringContaining('agents:read') });
    expect((await gatewayA.inject({ method: 'GET', url: '/v1/api-keys', headers: { 'x-api-key': writer.api_key } })).statusCode).toBe(403);
    expect((await gatewayA.inject({ method: 'GET', url: '/v1/agents', headers: asAdmin })).statusCode).toBe(200);
  });

  it('keeps the previous secret working through the grace period of a rotation', async () => {
    const key = await createKey(gatewayA, { name: 'rotating', client_id: 'acme', scopes: ['agents:read'] });
    await gatewayB.inject({ method: 'GET', url: '/v1/agents', headers: { 'x-api-key': key.api_key } }); // cached on B
    const rotated = await gatewayA.inject({ method: 'POST', url: `/v1/api-keys/${key.id}/rotate`, headers: asAdmin, payload: { grace_period_seconds: 3600 } });
    expect(rotated.statusCode).toBe(200);
    const next = rotated.json<IssuedKey & { previous_secret_valid_until: string }>();
    expect(next.id).toBe(key.id);
    expect(next.api_key).not.toBe(key.api_key);
    expect(Date.parse(next.previous_secret_valid_until)).toBeGreaterThan(Date.now() + 3_500_000);
    for (const secret of [key.api_key, next.api_key]) {
      expect((await gatewayB.inject({ method: 'GET', url: '/v1/agents', headers: { 'x-api-key': secret } })).statusCode).toBe(200);
    }

    const immediate = await gatewayA.inject({ method: 'POST', url: `/v1/api-keys/${key.id}/rotate`, headers: asAdmin, payload: { grace_period_seconds: 0 } });
    const third = immediate.json<IssuedKey>();
    await waitFor(async () => (await gatewayB.inject({ method: 'GET', url: '/v1/agents', headers: { 'x-api-key': next.api_key } })).statusCode === 401, { timeoutMs: 1_000, description: 'the replaced secret to stop working on the other instance' });
    expect((await gatewayB.inject({ method: 'GET', url: '/v1/agents', headers: { 'x-api-key': third.api_key } })).statusCode).toBe(200);
  });

  it('rejects a revoked key on the other instance within one second, despite its caches', async () => {
    const key = await createKey(gatewayA, { name: 'to revoke', client_id: 'acme', scopes: ['agents:read'] });
    // Warm both caches of instance B (in-process and Redis).
    expect((await gatewayB.inject({ method: 'GET', url: '/v1/agents', headers: { 'x-api-key': key.api_key } })).statusCode).toBe(200);
    expect((await gatewayA.inject({ method: 'DELETE', url: `/v1/api-keys/${key.id}`, headers: asAdmin })).statusCode).toBe(204);
    await waitFor(async () => (await gatewayB.inject({ method: 'GET', url: '/v1/agents', headers: { 'x-api-key': key.api_key } })).statusCode === 401, {
      timeoutMs: 1_000,
      intervalMs: 20,
      description: 'instance B to reject the revoked key',
    });
    const view = await gatewayB.inject({ method: 'GET', url: `/v1/api-keys/${key.id}`, headers: asAdmin });
    expect(view.json()).toMatchObject({ active: false, revoked_at: expect.any(String) });
  });

  it('audits admin actions with who did them', async () => {
    const key = await createKey(gatewayA, { name: 'audited', client_id: 'globex', scopes: ['tasks:read'] });
    const response = await gatewayA.inject({ method: 'GET', url: '/v1/audit-logs?action=api_key.create&limit=200', headers: asAdmin });
    const entry = response.json<{ data: { detail: { created_key_id: string }; key_id: string; outcome: string }[] }>().data.find((e) => e.detail.created_key_id === key.id);
    expect(entry).toMatchObject({ key_id: adminKey.split('_')[1], outcome: 'success' });
  });
});
