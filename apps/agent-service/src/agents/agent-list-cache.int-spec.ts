import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { callerHeaders, dropSchemas, ensureDatabase, query, serviceTestEnv, testEnv, waitFor } from '@ains/testing';
import { EventFeed, startAgentApp } from '../testing/agent-app';

type View = { id: string; display_name: string; max_concurrency: number; status: string; load: { active_tasks: number } };

// Long enough that only an invalidation, never the TTL, can refresh a page during a test.
const LIST_TTL = { AGENT_LIST_CACHE_TTL_MS: '300000' };

const call = (app: NestFastifyApplication, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  app.inject({ method, url, headers: callerHeaders(method, url), payload: payload as object });
const register = async (app: NestFastifyApplication, tag: string, displayName: string) =>
  (await call(app, 'POST', '/v1/agents', { display_name: displayName, tags: [tag] })).json<View>();
const list = async (app: NestFastifyApplication, search: string) => (await call(app, 'GET', `/v1/agents?${search}`)).json<{ data: View[] }>().data;
/** Polls the replica's list until it satisfies `expectation`; the invalidation travels by pub/sub. */
const eventually = (app: NestFastifyApplication, search: string, expectation: (agents: View[]) => boolean) =>
  waitFor(async () => {
    const agents = await list(app, search);
    return expectation(agents) ? agents : undefined;
  }, { timeoutMs: 10_000, intervalMs: 20 });

describe('agent list cache on two replicas sharing Redis (agent-service, real Postgres)', () => {
  let writer: NestFastifyApplication;
  let reader: NestFastifyApplication;

  beforeAll(async () => {
    await ensureDatabase(testEnv.databaseUrl);
    await dropSchemas(testEnv.databaseUrl, 'agent');
    writer = await startAgentApp(serviceTestEnv(LIST_TTL));
    reader = await startAgentApp(serviceTestEnv(LIST_TTL));
  });

  afterAll(async () => {
    await writer?.close();
    await reader?.close();
  });

  it('serves a repeated list query from memory, and every kind of write on one replica clears it on the other', async () => {
    const tag = `t${randomUUID().slice(0, 8)}`;
    const search = `tags=${tag}`;
    const first = await register(writer, tag, 'first');
    expect((await list(reader, search)).map((agent) => agent.display_name)).toEqual(['first']);

    // Cached: a change made behind the services' back is not seen.
    await query(testEnv.databaseUrl, "UPDATE agent.agents SET display_name = 'behind' WHERE id = $1", [first.id]);
    expect((await list(reader, search))[0].display_name).toBe('first');

    // A profile change through the other replica.
    await call(writer, 'PATCH', `/v1/agents/${first.id}`, { max_concurrency: 3 });
    expect((await eventually(reader, search, (agents) => agents[0]?.max_concurrency === 3))[0].display_name).toBe('behind');

    // A registration.
    await register(writer, tag, 'second');
    await eventually(reader, search, (agents) => agents.length === 2);

    // A status change.
    await call(writer, 'POST', `/v1/agents/${first.id}/drain`);
    await eventually(reader, search, (agents) => agents.find((agent) => agent.id === first.id)?.status === 'draining');

    // Load from task events, consumed by the other replica.
    const taskId = randomUUID();
    const at = new Date().toISOString();
    await new EventFeed(writer).deliver('ains.task.assigned.v1', taskId, { clientId: 'client-sim', taskType: 't', taskId, agentId: first.id, attempt: 1, leaseExpiresAt: at, assignedAt: at });
    await eventually(reader, search, (agents) => agents.find((agent) => agent.id === first.id)?.load.active_tasks === 1);

    // A trust score, which only the `min_trust` filter shows.
    expect(await list(reader, `${search}&min_trust=0.9`)).toEqual([]);
    await new EventFeed(writer).deliver('ains.trust.score_changed.v1', first.id, {
      agentId: first.id, scoreBp: 9_500, previousScoreBp: 5_000, tier: 'excellent', reason: 'override', taskId: null, changedAt: new Date().toISOString(),
    });
    await eventually(reader, `${search}&min_trust=0.9`, (agents) => agents.length === 1 && agents[0].id === first.id);
  });
});

describe('agent list cache in one process, without Redis', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    await ensureDatabase(testEnv.databaseUrl);
    const { REDIS_URL: _redis, ...withoutRedis } = serviceTestEnv(LIST_TTL);
    app = await startAgentApp(withoutRedis);
  });

  afterAll(() => app?.close());

  it('is cleared by the write itself, before the write answers', async () => {
    const tag = `t${randomUUID().slice(0, 8)}`;
    const agent = await register(app, tag, 'solo');
    expect((await list(app, `tags=${tag}`))[0].max_concurrency).toBe(1);
    await call(app, 'PATCH', `/v1/agents/${agent.id}`, { max_concurrency: 5 });
    expect((await list(app, `tags=${tag}`))[0].max_concurrency).toBe(5);
  });

  it('is off with AGENT_LIST_CACHE_TTL_MS=0', async () => {
    const { REDIS_URL: _redis, ...uncached } = serviceTestEnv({ AGENT_LIST_CACHE_TTL_MS: '0' });
    const other = await startAgentApp(uncached);
    try {
      const tag = `t${randomUUID().slice(0, 8)}`;
      const agent = await register(other, tag, 'uncached');
      expect((await list(other, `tags=${tag}`))[0].display_name).toBe('uncached');
      await query(testEnv.databaseUrl, "UPDATE agent.agents SET display_name = 'seen at once' WHERE id = $1", [agent.id]);
      expect((await list(other, `tags=${tag}`))[0].display_name).toBe('seen at once');
    } finally {
      await other.close();
    }
  });
});
