import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { dropSchemas, ensureDatabase, serviceTestEnv, TEST_INTERNAL_AUTH_SECRET, testEnv } from '@ains/testing';
import { FakeUpstream } from '../testing/fake-upstream';
import { newApiKey, startGateway, upstreamEnv } from '../testing/gateway-app';

/**
 * The same cases against both stores of the limits: two instances sharing Redis, and one instance
 * without REDIS_URL counting in process (the single-process mode).
 */
const backends = [
  { name: 'two gateway instances sharing Redis', instances: 2, withRedis: true },
  { name: 'one gateway instance without Redis', instances: 1, withRedis: false },
];

describe('sliding-window rate limits', () => {
  const adminKey = newApiKey();
  const upstream = new FakeUpstream(TEST_INTERNAL_AUTH_SECRET);
  const apps: NestFastifyApplication[] = [];
  let baseEnv: Record<string, string>;

  async function start(env: Record<string, string>): Promise<NestFastifyApplication> {
    const app = await startGateway(env);
    apps.push(app);
    return app;
  }

  async function createKey(gateway: NestFastifyApplication, body: Record<string, unknown>): Promise<string> {
    const response = await gateway.inject({ method: 'POST', url: '/v1/api-keys', headers: { 'x-api-key': adminKey }, payload: { name: 'limited', client_id: 'acme', scopes: ['agents:read'], ...body } });
    expect(response.statusCode).toBe(201);
    return response.json<{ api_key: string }>().api_key;
  }

  beforeAll(async () => {
    await ensureDatabase(testEnv.databaseUrl);
    await dropSchemas(testEnv.databaseUrl, 'gateway');
    await upstream.start();
    baseEnv = serviceTestEnv({ ...upstreamEnv(upstream.url), BOOTSTRAP_ADMIN_API_KEY: adminKey, REDIS_KEY_PREFIX: `test:gw:${randomUUID()}:`, AGENT_WORK_RATE_LIMIT_PER_MINUTE: '8' });
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    await upstream.stop();
  });

  describe.each(backends)('$name', ({ instances, withRedis }) => {
    let gateways: NestFastifyApplication[];
    const gateway = (i: number) => gateways[i % gateways.length];

    beforeAll(async () => {
      const { REDIS_URL: _redis, ...withoutRedis } = baseEnv;
      gateways = [];
      for (let i = 0; i < instances; i++) gateways.push(await start(withRedis ? baseEnv : withoutRedis));
    });

    it('counts the requests of one key across the instances and refuses the one over the limit', async () => {
      const key = await createKey(gateway(0), { rate_limit_per_minute: 5 });
      const remaining: string[] = [];
      for (let i = 0; i < 5; i++) {
        const response = await gateway(i).inject({ method: 'GET', url: '/v1/agents', headers: { 'x-api-key': key } });
        expect(response.statusCode).toBe(200);
        expect(response.headers['ratelimit-limit']).toBe('5');
        expect(Number(response.headers['ratelimit-reset'])).toBeGreaterThan(0);
        remaining.push(String(response.headers['ratelimit-remaining']));
      }
      expect(remaining).toEqual(['4', '3', '2', '1', '0']);

      const refused = await gateway(1).inject({ method: 'GET', url: '/v1/agents', headers: { 'x-api-key': key } });
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json()).toMatchObject({ status: 429, type: expect.stringContaining('rate-limited') });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
      expect(refused.headers['ratelimit-remaining']).toBe('0');
    });

    it('keeps keys independent', async () => {
      const first = await createKey(gateway(0), { rate_limit_per_minute: 1 });
      const second = await createKey(gateway(0), { rate_limit_per_minute: 1 });
      expect((await gateway(0).inject({ method: 'GET', url: '/v1/agents', headers: { 'x-api-key': first } })).statusCode).toBe(200);
      expect((await gateway(1).inject({ method: 'GET', url: '/v1/agents', headers: { 'x-api-key': second } })).statusCode).toBe(200);
      expect((await gateway(1).inject({ method: 'GET', url: '/v1/agents', headers: { 'x-api-key': first } })).statusCode).toBe(429);
    });

    it('applies the per-second burst limit on top of the per-minute one', async () => {
      const key = await createKey(gateway(0), { rate_limit_per_minute: 1_000, burst_per_second: 2 });
      const statuses = await Promise.all(Array.from({ length: 8 }, (_, i) => gateway(i).inject({ method: 'GET', url: '/v1/agents', headers: { 'x-api-key': key } }).then((r) => r.statusCode)));
      expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
    });

    it('counts an agent key’s work calls in the agent work budget, not in the key’s own tight limit', async () => {
      const agentId = randomUUID();
      const key = await createKey(gateway(0), { scopes: ['agent:work'], agent_id: agentId, rate_limit_per_minute: 2 });
      const work = (i: number, path: string) => gateway(i).inject({ method: 'POST', url: `/v1/agents/${agentId}/${path}`, headers: { 'x-api-key': key }, payload: path === 'reports' ? { reports: [{ task_id: randomUUID(), type: 'start' }] } : {} });
      for (let i = 0; i < 8; i++) {
        const response = await work(i, i % 2 === 0 ? 'claim' : 'reports');
        expect(response.statusCode).toBe(200);
        expect(response.headers['ratelimit-limit']).toBe('8');
      }
      // Abuse is still refused, with the budget named.
      const refused = await work(1, 'claim');
      expect(refused.statusCode).toBe(429);
      expect(refused.json<{ detail: string }>().detail).toContain('work budget');
    });

    it(`reports ${withRedis ? 'Redis among' : 'no Redis in'} its readiness checks`, async () => {
      const ready = await gateway(0).inject({ method: 'GET', url: '/ready' });
      expect(ready.statusCode).toBe(200);
      expect('redis' in ready.json<{ info: Record<string, unknown> }>().info).toBe(withRedis);
    });
  });

  describe('when Redis is unreachable', () => {
    // Port 1 on loopback: nothing listens, so every Redis command fails at once.
    const deadRedis = 'redis://127.0.0.1:1/0';

    it('admits requests unmetered when failing open, and counts that in a metric', async () => {
      const key = await createKey(apps[0], { rate_limit_per_minute: 100 });
      const gateway = await start({ ...baseEnv, REDIS_URL: deadRedis, RATE_LIMIT_REDIS_FAILURE_MODE: 'open' });
      const response = await gateway.inject({ method: 'GET', url: '/v1/agents', headers: { 'x-api-key': key } });
      expect(response.statusCode).toBe(200);
      expect(response.headers['ratelimit-limit']).toBe('100');
      const metrics = await gateway.inject({ method: 'GET', url: '/metrics' });
      expect(metrics.body).toMatch(/ains_gateway_rate_limiter_unavailable_total\{mode="open"\} [1-9]/);
    });

    it('refuses with 503 and Retry-After when failing closed', async () => {
      const key = await createKey(apps[0], { rate_limit_per_minute: 100 });
      const gateway = await start({ ...baseEnv, REDIS_URL: deadRedis, RATE_LIMIT_REDIS_FAILURE_MODE: 'closed' });
      const response = await gateway.inject({ method: 'GET', url: '/v1/agents', headers: { 'x-api-key': key } });
      expect(response.statusCode).toBe(503);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.headers['retry-after']).toBe('1');
    });
  });
});
