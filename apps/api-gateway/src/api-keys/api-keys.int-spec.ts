import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { dropSchemas, ensureDatabase, serviceTestEnv, TEST_INTERNAL_AUTH_SECRET, testEnv } from '@ains/testing';
import { FakeUpstream } from '../testing/fake-upstream';
import { newApiKey, startGateway, upstreamEnv } from '../testing/gateway-app';
import { ApiKeysService } from './api-keys.service';

interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

describe('API-key management endpoints (real Postgres and Redis)', () => {
  const adminKey = newApiKey();
  const upstream = new FakeUpstream(TEST_INTERNAL_AUTH_SECRET);
  let gateway: NestFastifyApplication;
  const asAdmin = { 'x-api-key': adminKey };

  beforeAll(async () => {
    await ensureDatabase(testEnv.databaseUrl);
    await dropSchemas(testEnv.databaseUrl, 'gateway');
    await upstream.start();
    gateway = await startGateway(serviceTestEnv({ ...upstreamEnv(upstream.url), BOOTSTRAP_ADMIN_API_KEY: adminKey, REDIS_KEY_PREFIX: `test:gw:${randomUUID()}:` }));
  });

  afterAll(async () => {
    await gateway?.close();
    await upstream.stop();
  });

  it('issues a working admin key from the bootstrap-admin command', async () => {
    const issued = await gateway.get(ApiKeysService).bootstrapAdmin();
    expect(issued).toMatchObject({ scopes: ['admin'], client_id: 'ains-admin' });
    expect((await gateway.inject({ method: 'GET', url: `/v1/api-keys/${issued.id}`, headers: { authorization: `Bearer ${issued.api_key}` } })).statusCode).toBe(200);
  });

  it('validates new keys: known scopes, and an agent id exactly with agent:work', async () => {
    const cases = [
      { body: { name: 'x', scopes: ['root'] }, field: 'scopes[0]' },
      { body: { name: 'x', scopes: ['agent:work'] }, field: 'agent_id' },
      { body: { name: 'x', scopes: ['tasks:read'], agent_id: randomUUID() }, field: 'agent_id' },
      { body: { name: 'x', scopes: ['tasks:read'], secret: 'mine' }, field: 'secret' },
    ];
    for (const { body, field } of cases) {
      const response = await gateway.inject({ method: 'POST', url: '/v1/api-keys', headers: asAdmin, payload: body });
      expect(response.statusCode).toBe(400);
      expect(response.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toContain(field);
    }
  });

  it('pages through one client’s keys, newest first, never showing secrets', async () => {
    const client = `client-${randomUUID()}`;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const created = await gateway.inject({ method: 'POST', url: '/v1/api-keys', headers: asAdmin, payload: { name: `k${i}`, client_id: client, scopes: ['tasks:read'] } });
      ids.push(created.json<{ id: string }>().id);
    }
    const first = (await gateway.inject({ method: 'GET', url: `/v1/api-keys?client_id=${client}&limit=2`, headers: asAdmin })).json<Page<{ id: string }>>();
    expect(first.data.map((k) => k.id)).toEqual([ids[2], ids[1]]);
    const second = (await gateway.inject({ method: 'GET', url: `/v1/api-keys?client_id=${client}&limit=2&cursor=${first.next_cursor}`, headers: asAdmin })).json<Page<{ id: string }>>();
    expect(second).toEqual({ data: [expect.objectContaining({ id: ids[0] })], next_cursor: null });
    expect(JSON.stringify([first, second])).not.toMatch(/api_key|hash|salt/);
  });

  it('answers 404 for unknown keys and for rotating a revoked one', async () => {
    expect((await gateway.inject({ method: 'GET', url: '/v1/api-keys/0000000000000000', headers: asAdmin })).statusCode).toBe(404);
    const created = (await gateway.inject({ method: 'POST', url: '/v1/api-keys', headers: asAdmin, payload: { name: 'r', scopes: ['tasks:read'] } })).json<{ id: string }>();
    await gateway.inject({ method: 'DELETE', url: `/v1/api-keys/${created.id}`, headers: asAdmin });
    expect((await gateway.inject({ method: 'POST', url: `/v1/api-keys/${created.id}/rotate`, headers: asAdmin, payload: {} })).statusCode).toBe(404);
    expect((await gateway.inject({ method: 'GET', url: '/v1/api-keys/not-an-id', headers: asAdmin })).statusCode).toBe(400);
  });

  it('pages and filters the audit log', async () => {
    const first = (await gateway.inject({ method: 'GET', url: '/v1/audit-logs?action=api_key.create&limit=2', headers: asAdmin })).json<Page<{ id: string; action: string }>>();
    expect(first.data).toHaveLength(2);
    expect(first.data.every((entry) => entry.action === 'api_key.create')).toBe(true);
    const second = (await gateway.inject({ method: 'GET', url: `/v1/audit-logs?action=api_key.create&limit=2&cursor=${first.next_cursor}`, headers: asAdmin })).json<Page<{ id: string }>>();
    expect(Number(second.data[0].id)).toBeLessThan(Number(first.data[1].id));
    expect((await gateway.inject({ method: 'GET', url: '/v1/audit-logs?cursor=garbage', headers: asAdmin })).statusCode).toBe(400);
  });
});
