import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { callerHeaders, dropSchemas, ensureDatabase, query, serviceTestEnv, testEnv } from '@ains/testing';
import { startAgentApp } from '../testing/agent-app';

describe('agent registration (agent-service, real Postgres)', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    await ensureDatabase(testEnv.databaseUrl);
    await dropSchemas(testEnv.databaseUrl, 'agent');
    app = await startAgentApp(serviceTestEnv());
  });

  afterAll(() => app?.close());

  it('stores the agent and its registered event in the outbox, in one transaction', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/agents',
      headers: callerHeaders('POST', '/v1/agents'),
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
    const response = await app.inject({ method: 'POST', url: '/v1/agents', headers: callerHeaders('POST', '/v1/agents'), payload: { display_name: '', max_concurrency: 0, tags: ['Not Valid'] } });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json<{ errors: { field: string }[] }>().errors.map((e) => e.field).sort()).toEqual(['display_name', 'max_concurrency', 'tags[0]']);
    const after = await query<{ count: number }>(testEnv.databaseUrl, 'SELECT count(*)::int AS count FROM agent.outbox');
    expect(after[0].count).toBe(before[0].count);
  });

  it.each([
    ['http://169.254.169.254/latest/meta-data', 'cloud metadata'],
    ['http://127.0.0.1:9000/', 'loopback'],
    ['http://[fd00::1]/', 'unique-local'],
    ['http://localhost/', 'loopback'],
  ])('refuses the endpoint %s (%s) with 422 naming the field, on registration and update', async (endpoint, kind) => {
    const registered = await app.inject({ method: 'POST', url: '/v1/agents', headers: callerHeaders('POST', '/v1/agents'), payload: { display_name: 'ssrf', endpoint } });
    expect(registered.statusCode).toBe(422);
    expect(registered.headers['content-type']).toContain('application/problem+json');
    expect(registered.json<{ errors: { field: string; message: string }[] }>().errors).toEqual([{ field: 'endpoint', message: expect.stringContaining(kind) }]);
    const agent = (await app.inject({ method: 'POST', url: '/v1/agents', headers: callerHeaders('POST', '/v1/agents'), payload: { display_name: 'public', endpoint: 'https://1.1.1.1/status' } })).json<{ id: string; endpoint: string }>();
    expect(agent.endpoint).toBe('https://1.1.1.1/status');
    const url = `/v1/agents/${agent.id}`;
    expect((await app.inject({ method: 'PATCH', url, headers: callerHeaders('PATCH', url), payload: { endpoint } })).statusCode).toBe(422);
  });

  it('refuses requests without a caller signed by the gateway', async () => {
    const unsigned = await app.inject({ method: 'GET', url: '/v1/agents' });
    expect(unsigned.statusCode).toBe(401);
    const forged = await app.inject({ method: 'GET', url: '/v1/agents', headers: { ...callerHeaders('GET', '/v1/agents'), 'x-ains-client-id': 'someone-else' } });
    expect(forged.statusCode).toBe(401);
    const signed = await app.inject({ method: 'GET', url: '/v1/agents', headers: callerHeaders('GET', '/v1/agents') });
    expect(signed.statusCode).toBe(200);
  });

  it('pages through agents with a cursor', async () => {
    for (const name of ['p1', 'p2', 'p3']) {
      await app.inject({ method: 'POST', url: '/v1/agents', headers: callerHeaders('POST', '/v1/agents'), payload: { display_name: name } });
    }
    const first = await app.inject({ method: 'GET', url: '/v1/agents?limit=2', headers: callerHeaders('GET', '/v1/agents?limit=2') });
    const firstPage = first.json<{ data: { display_name: string }[]; next_cursor: string }>();
    expect(firstPage.data.map((a) => a.display_name)).toEqual(['p3', 'p2']);
    const url = `/v1/agents?limit=2&cursor=${firstPage.next_cursor}`;
    const second = await app.inject({ method: 'GET', url, headers: callerHeaders('GET', url) });
    expect(second.json<{ data: { display_name: string }[] }>().data[0].display_name).toBe('p1');
  });

  it('reports ready only with its schema migrated, Kafka and Redis reachable', async () => {
    const response = await app.inject({ method: 'GET', url: '/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', info: { postgres: { status: 'up' }, kafka: { status: 'up' }, redis: { status: 'up' } } });
  });
});
