import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@ains/platform';
import { createServiceApp } from '@ains/runtime';
import { callerHeaders, dropSchemas, ensureDatabase, query, serviceTestEnv, testCaller, testEnv } from '@ains/testing';
import { webhookService, type WebhookServiceSettings } from '../service';

describe('webhook endpoints API (webhook-service, real Postgres)', () => {
  let app: NestFastifyApplication;
  const clientA = `client-a-${randomUUID()}`;
  const clientB = `client-b-${randomUUID()}`;

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, clientId: string, payload?: object) =>
    app.inject({ method, url, headers: callerHeaders(method, url, testCaller({ clientId, scopes: ['webhooks:read', 'webhooks:write'] })), payload });

  beforeAll(async () => {
    await ensureDatabase(testEnv.databaseUrl);
    await dropSchemas(testEnv.databaseUrl, 'webhook');
    const config = loadConfig(webhookService.config, serviceTestEnv({ WEBHOOK_ALLOWED_CIDRS: '127.0.0.1/32' })) as WebhookServiceSettings;
    app = await createServiceApp({ ...webhookService, name: `webhook-service-int-${randomUUID().slice(0, 8)}` }, config);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(() => app?.close());

  it('creates an endpoint, shows its secret once and stores it only sealed', async () => {
    const created = await call('POST', '/v1/webhooks', clientA, { url: 'http://127.0.0.1:9/hook', event_types: ['ains.task.*', 'ains.task.*'], headers: { 'x-team': 'core' } });
    expect(created.statusCode).toBe(201);
    const body = created.json<{ id: string; secret: string; event_types: string[]; enabled: boolean }>();
    expect(body).toMatchObject({ event_types: ['ains.task.*'], enabled: true });
    expect(body.secret).toMatch(/^whsec_/);

    const fetched = await call('GET', `/v1/webhooks/${body.id}`, clientA);
    expect(fetched.statusCode).toBe(200);
    expect(fetched.json()).not.toHaveProperty('secret');
    const [row] = await query<{ secret_sealed: string }>(testEnv.databaseUrl, 'SELECT secret_sealed FROM webhook.endpoints WHERE id = $1', [body.id]);
    expect(row.secret_sealed).not.toContain(body.secret.slice(6, 20));
  });

  it('answers 404 for another client’s endpoint, on every route', async () => {
    const created = await call('POST', '/v1/webhooks', clientA, { url: 'http://127.0.0.1:9/hook', event_types: ['*'] });
    const id = created.json<{ id: string }>().id;
    const foreign = [
      await call('GET', `/v1/webhooks/${id}`, clientB),
      await call('PATCH', `/v1/webhooks/${id}`, clientB, { description: 'mine now' }),
      await call('POST', `/v1/webhooks/${id}/rotate-secret`, clientB, {}),
      await call('GET', `/v1/webhooks/${id}/deliveries`, clientB),
      await call('POST', `/v1/webhooks/${id}/recover?since=2026-01-01T00:00:00Z`, clientB),
      await call('DELETE', `/v1/webhooks/${id}`, clientB),
    ];
    expect(foreign.map((response) => response.statusCode)).toEqual([404, 404, 404, 404, 404, 404]);
    const list = await call('GET', '/v1/webhooks', clientB);
    expect(list.json<{ data: unknown[] }>().data).toEqual([]);
    expect((await call('GET', `/v1/webhooks/${id}`, clientA)).statusCode).toBe(200);
  });

  it.each([
    ['a private address', 'http://10.0.0.8/hook', /10\.0\.0\.8 is a private address/],
    ['the cloud metadata address', 'http://169.254.169.254/latest', /metadata/],
    ['an IPv6 loopback', 'http://[::1]:8080/hook', /loopback/],
    ['a loopback address outside the allow-list', 'http://127.0.0.2/hook', /loopback/],
    ['a host that does not resolve', 'http://does-not-exist.invalid/hook', /does not resolve/],
  ])('refuses %s with 422 and the reason', async (_what, url, reason) => {
    const response = await call('POST', '/v1/webhooks', clientA, { url, event_types: ['*'] });
    expect(response.statusCode).toBe(422);
    expect(response.json<{ detail: string }>().detail).toMatch(reason);
  });

  it('refuses a private destination on update too', async () => {
    const id = (await call('POST', '/v1/webhooks', clientA, { url: 'http://127.0.0.1:9/hook', event_types: ['*'] })).json<{ id: string }>().id;
    const response = await call('PATCH', `/v1/webhooks/${id}`, clientA, { url: 'http://192.168.0.10/hook' });
    expect(response.statusCode).toBe(422);
  });

  it('rejects invalid input with field errors', async () => {
    const response = await call('POST', '/v1/webhooks', clientA, { url: 'ftp://example.com', event_types: ['ains.agent.*', 'nope'], headers: { 'webhook-id': 'x' }, extra: 1 });
    expect(response.statusCode).toBe(400);
    const fields = response.json<{ errors: { field: string }[] }>().errors.map((error) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['url', 'event_types[0]', 'event_types[1]']));
  });

  it('rotates the secret with an overlap during which the previous one still signs', async () => {
    const created = (await call('POST', '/v1/webhooks', clientA, { url: 'http://127.0.0.1:9/hook', event_types: ['*'] })).json<{ id: string; secret: string }>();
    const rotated = await call('POST', `/v1/webhooks/${created.id}/rotate-secret`, clientA, { overlap_seconds: 3_600 });
    expect(rotated.statusCode).toBe(200);
    const body = rotated.json<{ secret: string; secret_rotation_ends_at: string }>();
    expect(body.secret).not.toBe(created.secret);
    expect(Date.parse(body.secret_rotation_ends_at) - Date.now()).toBeGreaterThan(3_500_000);
  });

  it('disables by hand with an event, and re-enables', async () => {
    const id = (await call('POST', '/v1/webhooks', clientA, { url: 'http://127.0.0.1:9/hook', event_types: ['*'] })).json<{ id: string }>().id;
    const disabled = await call('PATCH', `/v1/webhooks/${id}`, clientA, { enabled: false });
    expect(disabled.json()).toMatchObject({ enabled: false, disabled_reason: 'manual' });
    const events = await query<{ payload: { reason: string; clientId: string } }>(testEnv.databaseUrl, "SELECT payload FROM webhook.outbox WHERE message_key = $1 AND event_type = 'ains.webhook.endpoint_disabled.v1'", [id]);
    expect(events).toEqual([{ payload: expect.objectContaining({ reason: 'manual', clientId: clientA }) }]);
    const enabled = await call('PATCH', `/v1/webhooks/${id}`, clientA, { enabled: true });
    expect(enabled.json()).toMatchObject({ enabled: true, disabled_reason: null });
  });

  it('pages through endpoints and deletes one', async () => {
    const client = `client-page-${randomUUID()}`;
    for (const description of ['p1', 'p2', 'p3']) await call('POST', '/v1/webhooks', client, { url: 'http://127.0.0.1:9/hook', event_types: ['*'], description });
    const first = (await call('GET', '/v1/webhooks?limit=2', client)).json<{ data: { id: string; description: string }[]; next_cursor: string }>();
    expect(first.data.map((endpoint) => endpoint.description)).toEqual(['p3', 'p2']);
    const second = (await call('GET', `/v1/webhooks?limit=2&cursor=${first.next_cursor}`, client)).json<{ data: { description: string }[]; next_cursor: null }>();
    expect(second).toEqual({ data: [expect.objectContaining({ description: 'p1' })], next_cursor: null });
    expect((await call('DELETE', `/v1/webhooks/${first.data[0].id}`, client)).statusCode).toBe(204);
    expect((await call('GET', `/v1/webhooks/${first.data[0].id}`, client)).statusCode).toBe(404);
  });
});
