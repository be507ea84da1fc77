import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import Redis from 'ioredis';
import { Topics, type LeaderboardView } from '@ains/contracts';
import { loadConfig } from '@ains/platform';
import { createServiceApp } from '@ains/runtime';
import { callerHeaders, dropSchemas, ensureDatabase, serviceTestEnv, testEnv } from '@ains/testing';
import { AgentEventsConsumer } from '../agents/agent-events.consumer';
import { trustService, type TrustServiceSettings } from '../service';
import { agentRegistered, consumed, finishedTask, kafkaEvent } from '../testing/trust-events';
import { TaskEventsConsumer } from '../trust/task-events.consumer';

describe('trust leaderboard (real Postgres and Redis)', () => {
  const cachePrefix = `test-${randomUUID()}:`;
  const tag = `lb-${randomUUID().slice(0, 8)}`;
  let app: NestFastifyApplication;
  let redis: Redis;
  const agents: Record<string, string> = {};

  const get = (url: string) => app.inject({ method: 'GET', url, headers: callerHeaders('GET', url) });
  const leaderboard = async (params: string): Promise<LeaderboardView> => {
    const response = await get(`/v1/trust/leaderboard?${params}`);
    expect(response.statusCode).toBe(200);
    return response.json<LeaderboardView>();
  };
  const names = (view: LeaderboardView) => view.data.map((entry) => entry.display_name);

  async function agentScoring(name: string, score: number, tags = [tag]): Promise<string> {
    const agentId = randomUUID();
    await app.get(AgentEventsConsumer).handle(consumed(agentRegistered(agentId, tags, name), Topics.agent));
    const url = `/v1/agents/${agentId}/trust/override`;
    const response = await app.inject({ method: 'POST', url, headers: callerHeaders('POST', url), payload: { score, reason: 'leaderboard fixture' } });
    expect(response.statusCode).toBe(200);
    agents[name] = agentId;
    return agentId;
  }

  beforeAll(async () => {
    await ensureDatabase(testEnv.databaseUrl);
    await dropSchemas(testEnv.databaseUrl, 'trust');
    const config = loadConfig(trustService.config, serviceTestEnv({ LEADERBOARD_CACHE_KEY_PREFIX: cachePrefix })) as TrustServiceSettings;
    app = await createServiceApp({ ...trustService, consumes: false }, config);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    redis = new Redis(testEnv.redisUrl);

    await agentScoring('alpha', 0.97);
    await agentScoring('bravo', 0.91);
    await agentScoring('charlie', 0.75);
    await agentScoring('delta', 0.4);
    await agentScoring('echo', 0.99, ['other-tag']);
    const gone = await agentScoring('foxtrot', 0.98);
    const deregistered = { agentId: gone, status: 'deregistered', previousStatus: 'online', reason: 'retired', changedAt: new Date().toISOString() } as const;
    await app.get(AgentEventsConsumer).handle(consumed(kafkaEvent('ains.agent.status_changed.v1', gone, deregistered), Topics.agent));
  });

  afterAll(async () => {
    await app?.close();
    redis?.disconnect();
  });

  it('ranks agents with a tag by score, leaving out deregistered ones', async () => {
    const view = await leaderboard(`tag=${tag}`);
    expect(names(view)).toEqual(['alpha', 'bravo', 'charlie', 'delta']);
    expect(view.data[0]).toMatchObject({ rank: 1, agent_id: agents.alpha, score: 0.97, tier: 'excellent', tags: [tag], success_rate: null });
    expect(view.data.map((entry) => entry.rank)).toEqual([1, 2, 3, 4]);
  });

  it('filters by tier and limits to the top N', async () => {
    expect(names(await leaderboard(`tag=${tag}&tier=excellent`))).toEqual(['alpha', 'bravo']);
    expect(names(await leaderboard(`tag=${tag}&tier=below_average`))).toEqual(['delta']);
    expect(names(await leaderboard(`tag=${tag}&limit=1`))).toEqual(['alpha']);
  });

  it('includes agents known only from task outcomes when no tag is asked for', async () => {
    const agentId = randomUUID();
    await app.get(TaskEventsConsumer).handle(consumed(finishedTask('completed', agentId), Topics.task));
    const view = await leaderboard('tier=average&limit=100');
    expect(view.data.find((entry) => entry.agent_id === agentId)).toMatchObject({ display_name: null, tags: [], score: 0.52, success_rate: 1 });
  });

  it('follows tag changes from agent profile updates', async () => {
    const newTag = `moved-${randomUUID().slice(0, 8)}`;
    const profile = { agentId: agents.delta, displayName: 'delta-renamed', tags: [newTag], capabilities: [], maxConcurrency: 1, updatedAt: new Date().toISOString() };
    await app.get(AgentEventsConsumer).handle(consumed(kafkaEvent('ains.agent.updated.v1', agents.delta, profile), Topics.agent));
    expect(names(await leaderboard(`tag=${newTag}`))).toEqual(['delta-renamed']);
  });

  it('serves a ranking from the cache for the TTL, then computes it again', async () => {
    const params = `tag=${tag}&tier=good`;
    const first = await leaderboard(params);
    expect(names(first)).toEqual(['charlie']);
    await agentScoring('golf', 0.8);

    const cached = await leaderboard(params);
    expect(cached).toEqual(first);
    const keys = await redis.keys(`${cachePrefix}leaderboard:*`);
    expect(keys.length).toBeGreaterThan(0);
    const ttls = await Promise.all(keys.map((key) => redis.ttl(key)));
    expect(ttls.every((ttl) => ttl > 0 && ttl <= 60)).toBe(true);

    // Expiry, without waiting for it.
    await redis.del(...keys);
    expect(names(await leaderboard(params))).toEqual(['golf', 'charlie']);
  });

  it.each(['tier=legendary', 'limit=0', 'limit=101', 'tag=Not%20A%20Tag', 'sort=asc'])('rejects %s with 400', async (params) => {
    const response = await get(`/v1/trust/leaderboard?${params}`);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });
});
