import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { callerHeaders, dropSchemas, ensureDatabase, serviceTestEnv, testCaller, testEnv } from '@ains/testing';
import { startRoutingApp } from '../testing/routing-app';

describe('routing HTTP API (strategies, policies, queue)', () => {
  let app: NestFastifyApplication;
  const alice = testCaller({ clientId: 'alice', scopes: ['tasks:write'] });
  const bob = testCaller({ clientId: 'bob', scopes: ['tasks:write'] });

  const call = (method: 'GET' | 'PUT', url: string, caller = alice, payload?: unknown) => app.inject({ method, url, headers: callerHeaders(method, url, caller), payload: payload as object });

  beforeAll(async () => {
    await ensureDatabase(testEnv.databaseUrl);
    await dropSchemas(testEnv.databaseUrl, 'routing');
    app = await startRoutingApp(serviceTestEnv({ ROUTING_DEFAULT_STRATEGY: 'round_robin' }));
  });

  afterAll(() => app?.close());

  it('lists the strategies and the configured default', async () => {
    const response = await call('GET', '/v1/routing/strategies');
    expect(response.statusCode).toBe(200);
    const body = response.json<{ data: { name: string; description: string }[]; default_strategy: string }>();
    expect(body.data.map((s) => s.name)).toEqual(['round_robin', 'least_loaded', 'trust_weighted', 'fastest_response']);
    expect(body.data.every((s) => s.description.length > 0)).toBe(true);
    expect(body.default_strategy).toBe('round_robin');
  });

  it('sets, replaces and reads a task type’s policy, per tenant', async () => {
    expect((await call('GET', '/v1/routing/policies/ocr')).statusCode).toBe(404);
    expect((await call('PUT', '/v1/routing/policies/ocr', alice, { strategy: 'trust_weighted' })).json()).toMatchObject({ task_type: 'ocr', strategy: 'trust_weighted' });
    expect((await call('PUT', '/v1/routing/policies/ocr', alice, { strategy: 'fastest_response' })).statusCode).toBe(200);
    expect((await call('GET', '/v1/routing/policies/ocr')).json()).toMatchObject({ task_type: 'ocr', strategy: 'fastest_response' });
    // Another tenant neither sees nor shares it.
    expect((await call('GET', '/v1/routing/policies/ocr', bob)).statusCode).toBe(404);
  });

  it('refuses an unknown strategy with 422 and malformed input with 400, as problem+json', async () => {
    const unknown = await call('PUT', '/v1/routing/policies/ocr', alice, { strategy: 'coin_flip' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json<{ errors: { field: string }[] }>().errors[0].field).toBe('strategy');
    const extra = await call('PUT', '/v1/routing/policies/ocr', alice, { strategy: 'round_robin', weight: 3 });
    expect(extra.statusCode).toBe(400);
    expect((await call('PUT', '/v1/routing/policies/Bad%20Type', alice, { strategy: 'round_robin' })).statusCode).toBe(400);
  });

  it('reports the queue depth per priority and the backpressure state', async () => {
    const response = await call('GET', '/v1/routing/queue', testCaller({ scopes: ['admin'] }));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ depth: 0, by_priority: { '1': 0, '10': 0 }, backpressure: { engaged: false, limit: 5_000, release_depth: 4_000 } });
  });

  it('exports the queue depth per priority as metrics', async () => {
    const metrics = await app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain('ains_task_queue_depth{priority="10"} 0');
  });
});
