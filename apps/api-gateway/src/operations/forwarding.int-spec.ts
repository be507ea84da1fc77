import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { dropSchemas, ensureDatabase, serviceTestEnv, TEST_INTERNAL_AUTH_SECRET, testEnv } from '@ains/testing';
import { FakeUpstream } from '../testing/fake-upstream';
import { newApiKey, startGateway, upstreamEnv } from '../testing/gateway-app';

const AGENT_ID = '6f1c1b3e-8d55-4b1e-9d7e-1b2c3d4e5f60';

describe('forwarding to the services (real Postgres and Redis, fake services)', () => {
  const adminKey = newApiKey();
  const upstream = new FakeUpstream(TEST_INTERNAL_AUTH_SECRET);
  const apps: NestFastifyApplication[] = [];
  let gateway: NestFastifyApplication;
  let baseEnv: Record<string, string>;

  const asAdmin = { 'x-api-key': adminKey };

  async function keyFor(clientId: string, scopes: string[], extra: Record<string, unknown> = {}): Promise<string> {
    const response = await gateway.inject({ method: 'POST', url: '/v1/api-keys', headers: asAdmin, payload: { name: 'test', client_id: clientId, scopes, ...extra } });
    expect(response.statusCode).toBe(201);
    return response.json<{ api_key: string }>().api_key;
  }

  beforeAll(async () => {
    await ensureDatabase(testEnv.databaseUrl);
    await dropSchemas(testEnv.databaseUrl, 'gateway');
    await upstream.start();
    baseEnv = serviceTestEnv({ ...upstreamEnv(upstream.url), BOOTSTRAP_ADMIN_API_KEY: adminKey, REDIS_KEY_PREFIX: `test:gw:${randomUUID()}:`, MAX_JSON_DEPTH: '4', CORS_ALLOWED_ORIGINS: 'https://console.example' });
    gateway = await startGateway(baseEnv);
    apps.push(gateway);
  });

  afterEach(() => {
    upstream.route = (request) => ({ status: request.caller ? 200 : 401, body: { caller: request.caller, url: request.url } });
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    await upstream.stop();
  });

  it('forwards the caller signed for exactly this request, whatever caller headers the client sends', async () => {
    const key = await keyFor('tenant-a', ['agents:read']);
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const response = await gateway.inject({
      method: 'GET',
      url: '/v1/agents?limit=5',
      headers: { 'x-api-key': key, 'x-request-id': 'req-forward-1', traceparent, 'x-ains-client-id': 'tenant-b', 'x-ains-scopes': 'admin' },
    });
    expect(response.statusCode).toBe(200);
    const received = upstream.received.at(-1)!;
    expect(received.url).toBe('/v1/agents?limit=5');
    expect(received.caller).toMatchObject({ clientId: 'tenant-a', scopes: ['agents:read'], agentId: null });
    expect(received.headers['x-request-id']).toBe('req-forward-1');
    expect(String(received.headers.traceparent).slice(3, 35)).toBe('0af7651916cd43dd8448eb211c80319c');
    expect(received.headers['x-api-key']).toBeUndefined();
  });

  it('relays the service answer as it came: status, body and content type', async () => {
    upstream.route = () => ({ status: 404, body: { type: 'https://ains.dev/problems/not-found', title: 'Not found', status: 404 }, headers: { 'content-type': 'application/problem+json' } });
    const response = await gateway.inject({ method: 'GET', url: `/v1/agents/${AGENT_ID}`, headers: asAdmin });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.headers['ratelimit-limit']).toBeDefined();
  });

  it('validates with the operation schemas before any service sees the request', async () => {
    const before = upstream.received.length;
    const invalid = await gateway.inject({ method: 'POST', url: '/v1/agents', headers: asAdmin, payload: { display_name: 42, is_admin: true } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json<{ errors: { field: string }[] }>().errors.map((e) => e.field).sort()).toEqual(['display_name', 'is_admin']);
    const badId = await gateway.inject({ method: 'GET', url: '/v1/agents/not-a-uuid', headers: asAdmin });
    expect(badId.statusCode).toBe(400);
    expect(badId.json<{ errors: { field: string }[] }>().errors[0].field).toBe('id');
    const deep = await gateway.inject({ method: 'POST', url: '/v1/agents', headers: asAdmin, payload: { display_name: 'x', metadata: { a: { b: { c: { d: 1 } } } } } });
    expect(deep.statusCode).toBe(400);
    expect(deep.json()).toMatchObject({ errors: [{ field: 'metadata.a.b.c', message: expect.stringContaining('deeper') }] });
    expect(upstream.received.length).toBe(before);
  });

  it('combines the agent and its trust score, with trust null when trust-service has none', async () => {
    upstream.route = (request) => {
      if (request.url.endsWith('/trust')) return request.url.includes(AGENT_ID) ? { status: 200, body: { agent_id: AGENT_ID, score: 0.5, tier: 'average' } } : { status: 404, body: {} };
      return { status: 200, body: { id: request.url.split('/')[3], display_name: 'worker' } };
    };
    const withTrust = await gateway.inject({ method: 'GET', url: `/v1/agents/${AGENT_ID}`, headers: asAdmin });
    expect(withTrust.json()).toEqual({ id: AGENT_ID, display_name: 'worker', trust: { agent_id: AGENT_ID, score: 0.5, tier: 'average' } });
    const otherId = randomUUID();
    const withoutTrust = await gateway.inject({ method: 'GET', url: `/v1/agents/${otherId}`, headers: asAdmin });
    expect(withoutTrust.json()).toEqual({ id: otherId, display_name: 'worker', trust: null });
    // Each fan-out call is signed for its own path.
    const trustCall = upstream.received.find((r) => r.url === `/v1/agents/${AGENT_ID}/trust`);
    expect(trustCall?.caller?.clientId).toBe('ains-admin');
  });

  it('hands a newly registered agent its own agent:work key, bound to its id', async () => {
    upstream.route = () => ({ status: 201, body: { id: AGENT_ID, display_name: 'indexer' } });
    const registrar = await keyFor('tenant-a', ['agents:write']);
    const response = await gateway.inject({ method: 'POST', url: '/v1/agents', headers: { 'x-api-key': registrar }, payload: { display_name: 'indexer' } });
    expect(response.statusCode).toBe(201);
    const agent = response.json<{ id: string; api_key: string }>();
    expect(agent.api_key).toMatch(/^ains_/);

    const keys = await gateway.inject({ method: 'GET', url: '/v1/api-keys?client_id=tenant-a', headers: asAdmin });
    expect(keys.json<{ data: unknown[] }>().data).toContainEqual(expect.objectContaining({ client_id: 'tenant-a', scopes: ['agent:work'], agent_id: AGENT_ID }));
    // The agent key cannot do what its registrar can.
    expect((await gateway.inject({ method: 'GET', url: '/v1/agents', headers: { 'x-api-key': agent.api_key } })).statusCode).toBe(403);
  });

  it('serves the OpenAPI document and the docs page without a key', async () => {
    const document = await gateway.inject({ method: 'GET', url: '/openapi.json' });
    expect(document.statusCode).toBe(200);
    expect(document.json()).toMatchObject({ openapi: '3.1.0', paths: { '/v1/api-keys': expect.any(Object) } });
    const page = await gateway.inject({ method: 'GET', url: '/docs' });
    expect(page.body).toContain('/docs/swagger-ui-bundle.js');
    const bundle = await gateway.inject({ method: 'GET', url: '/docs/swagger-ui-bundle.js' });
    expect(bundle.statusCode).toBe(200);
    expect(bundle.body.length).toBeGreaterThan(100_000);
  });

  it('answers CORS preflights only for the allowed origins', async () => {
    const allowed = await gateway.inject({ method: 'OPTIONS', url: '/v1/agents', headers: { origin: 'https://console.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-api-key' } });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://console.example');
    const other = await gateway.inject({ method: 'OPTIONS', url: '/v1/agents', headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('opens the circuit to a failing service and answers 503 with Retry-After without calling it', async () => {
    const failing = new FakeUpstream(TEST_INTERNAL_AUTH_SECRET);
    await failing.start();
    failing.route = () => ({ status: 503, body: { title: 'down' } });
    const isolated = await startGateway({ ...baseEnv, ...upstreamEnv(failing.url), CIRCUIT_BREAKER_FAILURE_THRESHOLD: '3', CIRCUIT_BREAKER_OPEN_SECONDS: '30' });
    apps.push(isolated);
    try {
      for (let i = 0; i < 3; i++) expect((await isolated.inject({ method: 'GET', url: '/v1/agents', headers: asAdmin })).statusCode).toBe(503);
      const open = await isolated.inject({ method: 'GET', url: '/v1/agents', headers: asAdmin });
      expect(open.statusCode).toBe(503);
      expect(open.json()).toMatchObject({ type: expect.stringContaining('upstream-circuit-open') });
      expect(Number(open.headers['retry-after'])).toBeGreaterThan(0);
      expect(failing.received).toHaveLength(3);
    } finally {
      await failing.stop();
    }
  });
});
