import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import Redis from 'ioredis';
import { Topics, type LeaderboardView } from '@ains/contracts';
import { loadConfig } from '@ains/platform';
import { createServiceApp } from '@ains/runtime';
import { callerHeaders, dropSchemas, ensureDatabase, serviceTestEnv, testEnv } from '@ains/testing';
import { trustService, type TrustServiceSettings } from '../service';
import { agentRegistered, deliver, finishedTask, kafkaEvent } from '../testing/trust-events';

async function startTrustApp(env: Record<string, string>): Promise<NestFastifyApplication> {
  const app = await createServiceApp({ ...trustService, consumes: false }, loadConfig(trustService.config, env) as TrustServiceSettings);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

const get = (app: NestFastifyApplication, url: string) => app.inject({ method: 'GET', url, headers: callerHeaders('GET', url) });

async function leaderboard(app: NestFastifyApplication, params: string): Promise<LeaderboardView> {
  const response = await get(app, `/v1/trust/leaderboard?${params}`);
  expect(response.statusCode).toBe(200);
  return response.json<LeaderboardView>();
}

const names = (view: LeaderboardView) => view.data.map((entry) => entry.display_name);

/** An agent known to trust-service by its registration event, with its score set by an override. */
async function agentScoring(app: NestFastifyApplication, name: string, score: number, tags: string[]): Promise<string> {
  const agentId = randomUUID();
  await deliver(app, agentRegistered(agentId, tags, name), Topics.agent);
  const url = `/v1/agents/${agentId}/trust/override`;
  const response = await app.inject({ method: 'POST', url, headers: callerHeaders('POST', url), payload: { score, reason: 'leaderboard fixture' } });
  expect(response.statusCode).toBe(200);
  return agentId;
}

/** The same cases with the cache in Redis and, without REDIS_URL, in process (the single-process mode). */
const backends = [
  { name: 'cache in Redis', withRedis: true },
  { name: 'cache in process, without Redis', withRedis: false },
];

describe.each(backends)('trust leaderboard ($name, real Postgres)', ({ withRedis }) => {
  const tag = `lb-${randomUUID().slice(0, 8)}`;
  let app: NestFastifyApplication;
  const agents: Record<string, string> = {};

  const score = async (name: string, value: number, tags = [tag]) => {
    agents[name] = await agentScoring(app, name, value, tags);
    return agents[name];
  };
  const cacheRequests = async (result: 'hit' | 'miss') => {
    const metrics = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    return Number(new RegExp(`ains_cache_requests_total\\{cache="leaderboard",result="${result}"\\} (\\d+)`).exec(metrics)?.[1]);
  };

  beforeAll(async () => {
    await ensureDatabase(testEnv.databaseUrl);
    await dropSchemas(testEnv.databaseUrl, 'trust');
    const env = serviceTestEnv({ LEADERBOARD_CACHE_KEY_PREFIX: `test-${randomUUID()}:` });
    const { REDIS_URL: _redis, ...withoutRedis } = env;
    app = await startTrustApp(withRedis ? env : withoutRedis);

    await score('alpha', 0.97);
    await score('bravo', 0.91);
    await score('charlie', 0.75);
    await score('delta', 0.4);
    await score('echo', 0.99, ['other-tag']);
    const gone = await score('foxtrot', 0.98);
    const deregistered = { agentId: gone, status: 'deregistered', previousStatus: 'online', reason: 'retired', changedAt: new Date().toISOString() } as const;
    await deliver(app, kafkaEvent('ains.agent.status_changed.v1', gone, deregistered), Topics.agent);
  });

  afterAll(() => app?.close());

  it('ranks agents with a tag by score, leaving out deregistered ones', async () => {
    const view = await leaderboard(app, `tag=${tag}`);
    expect(names(view)).toEqual(['alpha', 'bravo', 'charlie', 'delta']);
    expect(view.data[0]).toMatchObject({ rank: 1, agent_id: agents.alpha, score: 0.97, tier: 'excellent', tags: [tag], success_rate: null });
    expect(view.data.map((entry) => entry.rank)).toEqual([1, 2, 3, 4]);
  });

  it('filters by tier and limits to the top N', async () => {
    expect(names(await leaderboard(app, `tag=${tag}&tier=excellent`))).toEqual(['alpha', 'bravo']);
    expect(names(await leaderboard(app, `tag=${tag}&tier=below_average`))).toEqual(['delta']);
    expect(names(await leaderboard(app, `tag=${tag}&limit=1`))).toEqual(['alpha']);
  });

  it('includes agents known only from task outcomes when no tag is asked for', async () => {
    const agentId = randomUUID();
    await deliver(app, finishedTask('completed', agentId), Topics.task);
    const view = await leaderboard(app, 'tier=average&limit=100');
    expect(view.data.find((entry) => entry.agent_id === agentId)).toMatchObject({ display_name: null, tags: [], score: 0.52, success_rate: 1 });
  });

  it('follows tag changes from agent profile updates', async () => {
    const newTag = `moved-${randomUUID().slice(0, 8)}`;
    const profile = { agentId: agents.delta, displayName: 'delta-renamed', tags: [newTag], capabilities: [], maxConcurrency: 1, updatedAt: new Date().toISOString() };
    await deliver(app, kafkaEvent('ains.agent.updated.v1', agents.delta, profile), Topics.agent);
    expect(names(await leaderboard(app, `tag=${newTag}`))).toEqual(['delta-renamed']);
  });

  it('serves a ranking from the cache within the TTL, counting hits and misses', async () => {
    const params = `tag=${tag}&tier=good`;
    const [hits, misses] = [await cacheRequests('hit'), await cacheRequests('miss')];
    const first = await leaderboard(app, params);
    expect(names(first)).toEqual(['charlie']);
    await score('golf', 0.8);
    expect(await leaderboard(app, params)).toEqual(first);
    expect([await cacheRequests('hit'), await cacheRequests('miss')]).toEqual([hits + 1, misses + 1]);
  });

  it(`lists ${withRedis ? 'Redis among' : 'no Redis in'} its readiness checks`, async () => {
    const ready = await app.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(200);
    expect('redis' in ready.json<{ info: Record<string, unknown> }>().info).toBe(withRedis);
  });

  it.each(['tier=legendary', 'limit=0', 'limit=101', 'tag=Not%20A%20Tag', 'sort=asc'])('rejects %s with 400', async (params) => {
    const response = await get(app, `/v1/trust/leaderboard?${params}`);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });
});

describe('trust leaderboard cache in Redis', () => {
  const cachePrefix = `test-${randomUUID()}:`;
  const tag = `lb-${randomUUID().slice(0, 8)}`;
  let app: NestFastifyApplication;
  let redis: Redis;

  beforeAll(async () => {
    await ensureDatabase(testEnv.databaseUrl);
    app = await startTrustApp(serviceTestEnv({ LEADERBOARD_CACHE_KEY_PREFIX: cachePrefix }));
    redis = new Redis(testEnv.redisUrl);
  });

  afterAll(async () => {
    await app?.close();
    redis?.disconnect();
  });

  it('keeps a ranking under the key prefix for the TTL, then computes it again', async () => {
    await agentScoring(app, 'hotel', 0.7, [tag]);
    const first = await leaderboard(app, `tag=${tag}`);
    await agentScoring(app, 'india', 0.9, [tag]);
    expect(await leaderboard(app, `tag=${tag}`)).toEqual(first);

    const keys = await redis.keys(`${cachePrefix}leaderboard:*`);
    expect(keys.length).toBeGreaterThan(0);
    const ttls = await Promise.all(keys.map((key) => redis.ttl(key)));
    expect(ttls.every((ttl) => ttl > 0 && ttl <= 60)).toBe(true);

    // Expiry, without waiting for it.
    await redis.del(...keys);
    expect(names(await leaderboard(app, `tag=${tag}`))).toEqual(['india', 'hotel']);
  });
});
