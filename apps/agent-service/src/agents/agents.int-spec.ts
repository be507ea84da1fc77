import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@ains/platform';
import { createServiceApp } from '@ains/runtime';
import { dropSchemas, ensureDatabase, query, serviceTestEnv, testEnv } from '@ains/testing';
import { agentService, type AgentServiceSettings } from '../service';

describe('agent registration (agent-service, real Postgres)', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    await ensureDatabase(testEnv.databaseUrl);
    await dropSchemas(testEnv.databaseUrl, 'agent');
    app = await createServiceApp(agentService, loadConfig(agentService.config, serviceTestEnv()) as AgentServiceSettings);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(() => app?.close());

  it('stores the agent and its registered event in the outbox, in one transaction', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/agents',
      payload: { display_name: 'indexer', tags: ['search', 'search'], capabilities: [{ name: 'node', version: '20.19.0' }], max_concurrency: 2 },
    });
    expect(response.statusCode).toBe(201);
    const agent = response.json<{ id: string; tags: string[]; status: string }>();
    expect(agent).toMatchObject({ tags: ['search'], status: 'online' });

    const [row] = await query(testEnv.databaseUrl, 'SELECT display_name, max_concurrency FROM agent.agents WHERE id = $1', [agent.id]);
    expect(row).toEqual({ display_name: 'indexer', max_concurrency: 2 });
    const events = await query<{ event_type: string; payload: { agentId: string } }>(testEnv.databaseUrl, 'SELECT event_type, payload FROM agent.outbox WHERE message_key = $1', [agent.id]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ event_type: 'ains.agent.registered.v1', payload: { agentId: agent.id } });
  });

  it('rejects an invalid registration without writing anything', async () => {
    const before = await query<{ count: number }>(testEnv.databaseUrl, 'SELECT count(*)::int AS count FROM agent.outbox');
    const response = await app.inject({ method: 'POST', url: '/v1/agents', payload: { display_name: '', max_concurrency: 0, tags: ['Not Valid'] } });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json<{ errors: { field: string }[] }>().errors.map((e) => e.field).sort()).toEqual(['display_name', 'max_concurrency', 'tags']);
    const after = await query<{ count: number }>(testEnv.databaseUrl, 'SELECT count(*)::int AS count FROM agent.outbox');
    expect(after[0].count).toBe(before[0].count);
  });

  it('reports ready only with its schema migrated and Kafka reachable', async () => {
    const response = await app.inject({ method: 'GET', url: '/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', info: { postgres: { status: 'up' }, kafka: { status: 'up' } } });
  });
});
