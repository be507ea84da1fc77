import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { callerHeaders, dropSchemas, ensureDatabase, query, serviceTestEnv, testEnv } from '@ains/testing';
import { EventFeed, startAgentApp } from '../testing/agent-app';

type View = { id: string; display_name: string; status: string; tags: string[]; max_concurrency: number };

describe('agent registry: update, deregister and filters (agent-service, real Postgres and Redis)', () => {
  let app: NestFastifyApplication;
  let feed: EventFeed;

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) => app.inject({ method, url, headers: callerHeaders(method, url), payload: payload as object });
  const register = async (body: Record<string, unknown>) => (await call('POST', '/v1/agents', body)).json<View>();
  const eventsOf = (id: string) => query<{ event_type: string; payload: Record<string, unknown> }>(testEnv.databaseUrl, 'SELECT event_type, payload FROM agent.outbox WHERE message_key = $1 ORDER BY seq', [id]);
  const names = async (url: string) => (await call('GET', url)).json<{ data: View[] }>().data.map((agent) => agent.display_name).sort();

  beforeAll(async () => {
    await ensureDatabase(testEnv.databaseUrl);
    await dropSchemas(testEnv.databaseUrl, 'agent');
    app = await startAgentApp(serviceTestEnv());
    feed = new EventFeed(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('updates only the given fields and publishes the full new profile', async () => {
    const agent = await register({ display_name: 'before', tags: ['a'], max_concurrency: 2 });
    const response = await call('PATCH', `/v1/agents/${agent.id}`, { display_name: 'after', tags: ['b', 'b'] });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ display_name: 'after', tags: ['b'], max_concurrency: 2 });
    const [, updated] = await eventsOf(agent.id);
    expect(updated).toMatchObject({ event_type: 'ains.agent.updated.v1', payload: { agentId: agent.id, displayName: 'after', tags: ['b'], maxConcurrency: 2 } });
    expect((await call('PATCH', `/v1/agents/${agent.id}`, {})).statusCode).toBe(400);
    expect((await call('PATCH', `/v1/agents/${randomUUID()}`, { display_name: 'x' })).statusCode).toBe(404);
  });

  it('deregisters once: 204, a status event, hidden from the list, and no more heartbeats', async () => {
    const agent = await register({ display_name: `leaving-${randomUUID()}` });
    expect((await call('DELETE', `/v1/agents/${agent.id}`)).statusCode).toBe(204);
    expect((await call('DELETE', `/v1/agents/${agent.id}`)).statusCode).toBe(204);
    const statusEvents = (await eventsOf(agent.id)).filter((e) => e.event_type === 'ains.agent.status_changed.v1');
    expect(statusEvents.map((e) => e.payload)).toEqual([expect.objectContaining({ status: 'deregistered', previousStatus: 'online' })]);
    expect((await call('GET', `/v1/agents/${agent.id}`)).json()).toMatchObject({ status: 'deregistered' });
    expect(await names('/v1/agents?limit=200')).not.toContain(agent.display_name);
    expect(await names('/v1/agents?status=deregistered')).toContain(agent.display_name);
    expect((await call('POST', `/v1/agents/${agent.id}/heartbeat`)).statusCode).toBe(409);
    expect((await call('PATCH', `/v1/agents/${agent.id}`, { display_name: 'back' })).statusCode).toBe(409);
  });

  it('counts the fleet per status, every status present, and each change moves the counts', async () => {
    const stats = async () => (await call('GET', '/v1/agents/stats')).json<{ by_status: Record<string, number> }>().by_status;
    const before = await stats();
    expect(Object.keys(before).sort()).toEqual(['deregistered', 'draining', 'offline', 'online']);
    const [draining, leaving] = [await register({ display_name: 'counted-1' }), await register({ display_name: 'counted-2' }), await register({ display_name: 'counted-3' })];
    await call('POST', `/v1/agents/${draining.id}/drain`);
    await call('DELETE', `/v1/agents/${leaving.id}`);
    expect(await stats()).toEqual({ online: before.online + 1, draining: before.draining + 1, offline: before.offline, deregistered: before.deregistered + 1 });
  });

  it('filters by tags (all or any), capability version range, status and minimum trust', async () => {
    const tag = `f${randomUUID().slice(0, 8)}`;
    const py311 = await register({ display_name: 'py311', tags: [tag, 'gpu'], capabilities: [{ name: 'python', version: '3.11.4' }] });
    await register({ display_name: 'py312', tags: [tag], capabilities: [{ name: 'python', version: '3.12.1' }] });
    await register({ display_name: 'node', tags: [tag, 'cpu'], capabilities: [{ name: 'node', version: '20.1.0' }] });
    await feed.deliver('ains.trust.score_changed.v1', py311.id, { agentId: py311.id, scoreBp: 9_200, previousScoreBp: 5_000, tier: 'excellent', reason: 'test', taskId: null, changedAt: new Date().toISOString() });

    expect(await names(`/v1/agents?tags=${tag},gpu`)).toEqual(['py311']);
    expect(await names(`/v1/agents?tags=gpu,cpu&tags_match=any`)).toEqual(['node', 'py311']);
    expect(await names(`/v1/agents?tags=${tag}&capability=python&capability_range=${encodeURIComponent('>=3.12')}`)).toEqual(['py312']);
    expect(await names(`/v1/agents?tags=${tag}&capability=python`)).toEqual(['py311', 'py312']);
    expect(await names(`/v1/agents?tags=${tag}&min_trust=0.9`)).toEqual(['py311']);
    // Unscored agents count at the initial 0.5.
    expect(await names(`/v1/agents?tags=${tag}&min_trust=0.5`)).toEqual(['node', 'py311', 'py312']);
    expect(await names(`/v1/agents?tags=${tag}&status=offline`)).toEqual([]);

    expect((await call('GET', `/v1/agents?capability=python&capability_range=${encodeURIComponent('>>3')}`)).statusCode).toBe(400);
    expect((await call('GET', `/v1/agents?capability_range=1.x`)).statusCode).toBe(400);
    expect((await call('GET', `/v1/agents?min_trust=2`)).statusCode).toBe(400);
  });

  it('pages through a range-filtered list without gaps or repeats', async () => {
    const tag = `r${randomUUID().slice(0, 8)}`;
    for (let i = 0; i < 7; i += 1) await register({ display_name: `r${i}`, tags: [tag], capabilities: [{ name: 'java', version: `${i % 2 === 0 ? 21 : 17}.0.0` }] });
    const seen: string[] = [];
    let url = `/v1/agents?tags=${tag}&capability=java&capability_range=21&limit=2`;
    for (;;) {
      const page = (await call('GET', url)).json<{ data: View[]; next_cursor: string | null }>();
      seen.push(...page.data.map((agent) => agent.display_name));
      if (!page.next_cursor) break;
      url = `/v1/agents?tags=${tag}&capability=java&capability_range=21&limit=2&cursor=${page.next_cursor}`;
    }
    expect(seen).toEqual(['r6', 'r4', 'r2', 'r0']);
  });
});
