import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { dropSchemas, ensureDatabase, serviceTestEnv, TEST_INTERNAL_AUTH_SECRET, testEnv } from '@ains/testing';
import { FakeUpstream } from '../testing/fake-upstream';
import { newApiKey, startGateway, upstreamEnv } from '../testing/gateway-app';

/** What auth.int-spec.ts proves across instances sharing Redis, for one instance without REDIS_URL. */
describe('API-key authentication without Redis (one gateway instance, state in process)', () => {
  const adminKey = newApiKey();
  const asAdmin = { 'x-api-key': adminKey };
  const upstream = new FakeUpstream(TEST_INTERNAL_AUTH_SECRET);
  let gateway: NestFastifyApplication;

  async function createKey(): Promise<{ id: string; api_key: string }> {
    const response = await gateway.inject({ method: 'POST', url: '/v1/api-keys', headers: asAdmin, payload: { name: 'in process', client_id: 'acme', scopes: ['agents:read'] } });
    expect(response.statusCode).toBe(201);
    return response.json();
  }

  const agents = (headers: Record<string, string>, remoteAddress = '192.0.2.1') => gateway.inject({ method: 'GET', url: '/v1/agents', headers, remoteAddress });

  beforeAll(async () => {
    await ensureDatabase(testEnv.databaseUrl);
    await dropSchemas(testEnv.databaseUrl, 'gateway');
    await upstream.start();
    const { REDIS_URL: _redis, ...env } = serviceTestEnv({
      ...upstreamEnv(upstream.url),
      BOOTSTRAP_ADMIN_API_KEY: adminKey,
      REDIS_KEY_PREFIX: `test:gw:${randomUUID()}:`,
      AUTH_SLOWDOWN_AFTER_FAILURES: '100',
      AUTH_LOCKOUT_AFTER_FAILURES: '3',
    });
    gateway = await startGateway(env);
  });

  afterAll(async () => {
    await gateway?.close();
    await upstream.stop();
  });

  it('is ready with PostgreSQL alone', async () => {
    const ready = await gateway.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(200);
    expect(Object.keys(ready.json<{ info: Record<string, unknown> }>().info)).toEqual(['postgres']);
  });

  it('locks a guesser out after repeated failures, leaving valid keys from the same address and other addresses alone', async () => {
    const good = await createKey();
    for (let i = 0; i < 3; i++) expect((await agents({ 'x-api-key': newApiKey() }, '192.0.2.50')).statusCode).toBe(401);
    const locked = await agents({ 'x-api-key': newApiKey() }, '192.0.2.50');
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await agents({ 'x-api-key': newApiKey() }, '192.0.2.51')).statusCode).toBe(401);
    expect((await agents({ 'x-api-key': good.api_key }, '192.0.2.50')).statusCode).toBe(200);
  });

  it('refuses a revoked key at once, although both caches held it', async () => {
    const key = await createKey();
    expect((await agents({ 'x-api-key': key.api_key })).statusCode).toBe(200);
    expect((await gateway.inject({ method: 'DELETE', url: `/v1/api-keys/${key.id}`, headers: asAdmin })).statusCode).toBe(204);
    expect((await agents({ 'x-api-key': key.api_key })).statusCode).toBe(401);
  });

  it('counts key lookups as cache hits and misses', async () => {
    const key = await createKey();
    await agents({ 'x-api-key': key.api_key });
    await agents({ 'x-api-key': key.api_key });
    const metrics = (await gateway.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/ains_cache_requests_total\{cache="api-keys",result="hit"\} [1-9]/);
    expect(metrics).toMatch(/ains_cache_requests_total\{cache="api-keys",result="miss"\} [1-9]/);
  });
});
