import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { dropSchemas, ensureDatabase, serviceTestEnv, TEST_INTERNAL_AUTH_SECRET, testEnv } from '@ains/testing';
import { FakeUpstream } from '../testing/fake-upstream';
import { newApiKey, startGateway, upstreamEnv } from '../testing/gateway-app';

interface Problem {
  type: string;
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
}

/** What a new key may carry: a future expiry, a live agent, client-address ranges that are then enforced. */
describe('API-key restrictions (real Postgres and Redis)', () => {
  const adminKey = newApiKey();
  const upstream = new FakeUpstream(TEST_INTERNAL_AUTH_SECRET);
  const liveAgent = randomUUID();
  const goneAgent = randomUUID();
  let gateway: NestFastifyApplication;
  const asAdmin = { 'x-api-key': adminKey };

  const createKey = (payload: object) => gateway.inject({ method: 'POST', url: '/v1/api-keys', headers: asAdmin, payload });
  const listTasks = (key: string, remoteAddress: string, headers: Record<string, string> = {}) =>
    gateway.inject({ method: 'GET', url: '/v1/tasks', headers: { 'x-api-key': key, ...headers }, remoteAddress });

  beforeAll(async () => {
    await ensureDatabase(testEnv.databaseUrl);
    await dropSchemas(testEnv.databaseUrl, 'gateway');
    await upstream.start();
    upstream.route = (request) => {
      if (request.url === `/v1/agents/${liveAgent}`) return { status: 200, body: { id: liveAgent, status: 'online' } };
      if (request.url === `/v1/agents/${goneAgent}`) return { status: 200, body: { id: goneAgent, status: 'deregistered' } };
      if (request.url.startsWith('/v1/agents/')) return { status: 404, body: { type: 'not-found', title: 'Not found', status: 404 }, headers: { 'content-type': 'application/problem+json' } };
      return { status: 200, body: { data: [], next_cursor: null } };
    };
    gateway = await startGateway(
      serviceTestEnv({ ...upstreamEnv(upstream.url), BOOTSTRAP_ADMIN_API_KEY: adminKey, REDIS_KEY_PREFIX: `test:gw:${randomUUID()}:`, TRUSTED_PROXIES: '10.0.0.1' }),
    );
  });

  afterAll(async () => {
    await gateway?.close();
    await upstream.stop();
  });

  it('refuses an expiry in the past with 422 naming expires_at', async () => {
    const response = await createKey({ name: 'stale', scopes: ['tasks:read'], expires_at: new Date(Date.now() - 60_000).toISOString() });
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json<Problem>().errors).toEqual([expect.objectContaining({ field: 'expires_at' })]);
    expect((await createKey({ name: 'fresh', scopes: ['tasks:read'], expires_at: new Date(Date.now() + 3_600_000).toISOString() })).statusCode).toBe(201);
  });

  it('refuses an agent:work key bound to an agent that does not exist or is deregistered', async () => {
    for (const agentId of [randomUUID(), goneAgent]) {
      const response = await createKey({ name: 'ghost', scopes: ['agent:work'], agent_id: agentId });
      expect(response.statusCode).toBe(422);
      expect(response.json<Problem>().errors).toEqual([expect.objectContaining({ field: 'agent_id' })]);
    }
    const live = await createKey({ name: 'worker', scopes: ['agent:work'], agent_id: liveAgent });
    expect(live.statusCode).toBe(201);
    expect(upstream.received.some((request) => request.url === `/v1/agents/${liveAgent}` && request.caller?.scopes.includes('admin'))).toBe(true);
  });

  it('refuses malformed ranges, naming the entry', async () => {
    const response = await createKey({ name: 'bad', scopes: ['tasks:read'], allowed_cidrs: ['203.0.113.0/24', '10.0.0.0/33'] });
    expect(response.statusCode).toBe(400);
    expect(response.json<Problem>().errors?.map((error) => error.field)).toEqual(['allowed_cidrs[1]']);
  });

  it('accepts an IPv4-restricted key from inside its ranges and refuses it elsewhere with 403', async () => {
    const created = await createKey({ name: 'office', scopes: ['tasks:read'], allowed_cidrs: ['203.0.113.0/24'] });
    expect(created.json<{ allowed_cidrs: string[] }>().allowed_cidrs).toEqual(['203.0.113.0/24']);
    const key = created.json<{ api_key: string }>().api_key;
    expect((await listTasks(key, '203.0.113.7')).statusCode).toBe(200);
    expect((await listTasks(key, '::ffff:203.0.113.8')).statusCode).toBe(200);
    const refused = await listTasks(key, '198.51.100.7');
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json<Problem>()).toMatchObject({ type: expect.stringContaining('address-not-allowed'), status: 403, detail: expect.stringContaining('198.51.100.7') });
  });

  it('accepts an IPv6-restricted key from inside its ranges and refuses it elsewhere', async () => {
    const key = (await createKey({ name: 'v6', scopes: ['tasks:read'], allowed_cidrs: ['2001:db8::/32'] })).json<{ api_key: string }>().api_key;
    expect((await listTasks(key, '2001:db8::5')).statusCode).toBe(200);
    expect((await listTasks(key, '2001:db9::5')).statusCode).toBe(403);
    expect((await listTasks(key, '203.0.113.7')).statusCode).toBe(403);
  });

  it('judges the address behind a trusted proxy by X-Forwarded-For, and ignores the header from anyone else', async () => {
    const key = (await createKey({ name: 'behind-lb', scopes: ['tasks:read'], allowed_cidrs: ['203.0.113.0/24'] })).json<{ api_key: string }>().api_key;
    expect((await listTasks(key, '10.0.0.1', { 'x-forwarded-for': '203.0.113.9' })).statusCode).toBe(200);
    expect((await listTasks(key, '10.0.0.1', { 'x-forwarded-for': '203.0.113.9, 198.51.100.2' })).statusCode).toBe(403);
    expect((await listTasks(key, '198.51.100.2', { 'x-forwarded-for': '203.0.113.9' })).statusCode).toBe(403);
  });

  it('records refused addresses in the audit log without counting them as failed authentications', async () => {
    const key = (await createKey({ name: 'audited', scopes: ['tasks:read'], allowed_cidrs: ['203.0.113.0/24'] })).json<{ id: string; api_key: string }>();
    expect((await listTasks(key.api_key, '192.0.2.44')).statusCode).toBe(403);
    const audit = await gateway.inject({ method: 'GET', url: '/v1/audit-logs?action=auth.address_refused', headers: asAdmin });
    expect(audit.json<{ data: { key_id: string; ip: string }[] }>().data).toContainEqual(expect.objectContaining({ key_id: key.id, ip: '192.0.2.44' }));
    const failures = await gateway.inject({ method: 'GET', url: '/v1/audit-logs?action=auth.failure', headers: asAdmin });
    expect(failures.json<{ data: { ip: string }[] }>().data.filter((entry) => entry.ip === '192.0.2.44')).toEqual([]);
  });
});
