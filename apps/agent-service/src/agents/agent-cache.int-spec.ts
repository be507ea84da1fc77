import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import Redis from 'ioredis';
import { callerHeaders, dropSchemas, ensureDatabase, query, serviceTestEnv, testEnv } from '@ains/testing';
import { startAgentApp } from '../testing/agent-app';

type View = { id: string; display_name: string; max_concurrency: number };

/** The same cache behaviour with Redis and, without REDIS_URL, in process (the single-process mode). */
const backends = [
  { name: 'Redis', withRedis: true },
  { name: 'in process, without Redis', withRedis: false },
];

describe.each(backends)('agent cache: $name (agent-service, real Postgres)', ({ withRedis }) => {
  let app: NestFastifyApplication;

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => app.inject({ method, url, headers: callerHeaders(method, url), payload: payload as object });
  const register = async (displayName: string) => (await call('POST', '/v1/agents', { display_name: displayName })).json<View>();
  const cacheRequests = async (result: 'hit' | 'miss') => {
    const metrics = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    return Number(new RegExp(`ains_cache_requests_total\\{cache="agents",result="${result}"\\} (\\d+)`).exec(metrics)?.[1]);
  };

  beforeAll(async () => {
    await ensureDatabase(testEnv.databaseUrl);
    await dropSchemas(testEnv.databaseUrl, 'agent');
    const { REDIS_URL: _redis, ...withoutRedis } = serviceTestEnv();
    app = await startAgentApp(withRedis ? serviceTestEnv() : withoutRedis);
  });

  afterAll(() => app?.close());

  it('serves single-agent reads from the cache and drops the entry on change', async () => {
    const agent = await register('cached');
    await call('GET', `/v1/agents/${agent.id}`);
    // A read served from the cache: the database row changed behind the service's back is not seen.
    await query(testEnv.databaseUrl, "UPDATE agent.agents SET display_name = 'changed behind' WHERE id = $1", [agent.id]);
    expect((await call('GET', `/v1/agents/${agent.id}`)).json()).toMatchObject({ display_name: 'cached' });
    // A change through the service invalidates it.
    await call('PATCH', `/v1/agents/${agent.id}`, { max_concurrency: 3 });
    expect((await call('GET', `/v1/agents/${agent.id}`)).json()).toMatchObject({ display_name: 'changed behind', max_concurrency: 3 });
  });

  it('counts reads as cache hits and misses', async () => {
    const agent = await register('counted');
    const [hits, misses] = [await cacheRequests('hit'), await cacheRequests('miss')];
    await call('GET', `/v1/agents/${agent.id}`);
    await call('GET', `/v1/agents/${agent.id}`);
    await call('GET', `/v1/agents/${agent.id}`);
    expect([await cacheRequests('hit'), await cacheRequests('miss')]).toEqual([hits + 2, misses + 1]);
  });

  it(`lists ${withRedis ? 'Redis among' : 'no Redis in'} its readiness checks`, async () => {
    const ready = await app.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(200);
    expect('redis' in ready.json<{ info: Record<string, unknown> }>().info).toBe(withRedis);
  });
});

describe('agent cache in Redis', () => {
  let app: NestFastifyApplication;
  let redis: Redis;

  beforeAll(async () => {
    await ensureDatabase(testEnv.databaseUrl);
    app = await startAgentApp(serviceTestEnv());
    redis = new Redis(testEnv.redisUrl);
  });

  afterAll(async () => {
    redis?.disconnect();
    await app?.close();
  });

  it('keeps an entry for five minutes under a versioned key, and deletes it on change', async () => {
    const register = await app.inject({ method: 'POST', url: '/v1/agents', headers: callerHeaders('POST', '/v1/agents'), payload: { display_name: 'in redis' } });
    const { id } = register.json<View>();
    const key = `ains:agent-service:agent:v2:${id}`;
    expect(await redis.exists(key)).toBe(0);
    await app.inject({ method: 'GET', url: `/v1/agents/${id}`, headers: callerHeaders('GET', `/v1/agents/${id}`) });
    expect(await redis.ttl(key)).toBeGreaterThan(290);
    await app.inject({ method: 'PATCH', url: `/v1/agents/${id}`, headers: callerHeaders('PATCH', `/v1/agents/${id}`), payload: { max_concurrency: 2 } });
    expect(await redis.exists(key)).toBe(0);
  });
});
