import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { dropSchemas, ensureDatabase, serviceTestEnv, TEST_INTERNAL_AUTH_SECRET, testEnv } from '@ains/testing';
import { FakeUpstream } from '../testing/fake-upstream';
import { newApiKey, startGateway, upstreamEnv } from '../testing/gateway-app';

interface Problem {
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
}

/** The gateway checks references between services before it forwards (fake services behind it). */
describe('schedule and template references (real Postgres and Redis)', () => {
  const adminKey = newApiKey();
  const upstream = new FakeUpstream(TEST_INTERNAL_AUTH_SECRET);
  const template = randomUUID();
  const usedTemplate = randomUUID();
  const task = randomUUID();
  let gateway: NestFastifyApplication;
  const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => gateway.inject({ method, url, headers: { 'x-api-key': adminKey }, payload });
  const forwarded = (method: string, prefix: string) => upstream.received.filter((request) => request.method === method && request.url.startsWith(prefix));
  const schedule = (target: object) => ({ name: 'nightly', cron_expression: '0 3 * * *', ...target });

  beforeAll(async () => {
    await ensureDatabase(testEnv.databaseUrl);
    await dropSchemas(testEnv.databaseUrl, 'gateway');
    await upstream.start();
    upstream.route = (request) => {
      if (request.method === 'GET' && (request.url === `/v1/task-templates/${template}` || request.url === `/v1/task-templates/${usedTemplate}` || request.url === `/v1/tasks/${task}`)) return { status: 200, body: { id: 'x' } };
      if (request.method === 'GET' && /^\/v1\/(task-templates|tasks)\//.test(request.url)) return { status: 404, body: { type: 'not-found', title: 'Not found', status: 404 } };
      if (request.method === 'GET' && request.url.startsWith('/v1/schedules?template_id=')) {
        const used = request.url.includes(usedTemplate);
        return { status: 200, body: { data: used ? [{ id: 'b9d0a1f2-0000-4000-8000-000000000001', name: 'nightly backup' }] : [], next_cursor: null } };
      }
      if (request.method === 'DELETE') return { status: 204 };
      return { status: 201, body: { id: randomUUID() } };
    };
    gateway = await startGateway(serviceTestEnv({ ...upstreamEnv(upstream.url), BOOTSTRAP_ADMIN_API_KEY: adminKey, REDIS_KEY_PREFIX: `test:gw:${randomUUID()}:` }));
  });

  afterAll(async () => {
    await gateway?.close();
    await upstream.stop();
  });

  it('refuses a schedule naming an unknown template with 422, without reaching the scheduler', async () => {
    const before = forwarded('POST', '/v1/schedules').length;
    const response = await send('POST', '/v1/schedules', schedule({ template_id: randomUUID() }));
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json<Problem>().errors).toEqual([{ field: 'template_id', message: expect.stringContaining('does not exist') }]);
    expect(forwarded('POST', '/v1/schedules')).toHaveLength(before);
  });

  it('refuses unknown depends_on tasks, naming each, in the inline task and in template overrides', async () => {
    const missing = randomUUID();
    const inline = await send('POST', '/v1/schedules', schedule({ task: { task_type: 'report', depends_on: [task, missing] } }));
    expect(inline.statusCode).toBe(422);
    expect(inline.json<Problem>().errors).toEqual([{ field: 'task.depends_on[1]', message: `task ${missing} does not exist` }]);
    const overrides = await send('POST', '/v1/schedules', schedule({ template_id: template, overrides: { depends_on: [missing] } }));
    expect(overrides.json<Problem>().errors).toEqual([{ field: 'overrides.depends_on[0]', message: `task ${missing} does not exist` }]);
  });

  it('checks references on update too', async () => {
    const id = randomUUID();
    const response = await send('PATCH', `/v1/schedules/${id}`, { template_id: randomUUID() });
    expect(response.statusCode).toBe(422);
    expect(forwarded('PATCH', `/v1/schedules/${id}`)).toHaveLength(0);
    expect((await send('PATCH', `/v1/schedules/${id}`, { name: 'renamed' })).statusCode).toBe(201);
    expect(forwarded('PATCH', `/v1/schedules/${id}`)).toHaveLength(1);
  });

  it('forwards a schedule whose references exist', async () => {
    expect((await send('POST', '/v1/schedules', schedule({ template_id: template, overrides: { depends_on: [task] } }))).statusCode).toBe(201);
    expect((await send('POST', '/v1/schedules', schedule({ task: { task_type: 'report', depends_on: [task] } }))).statusCode).toBe(201);
  });

  it('refuses to delete a template a schedule uses with 409 naming the schedule, and deletes an unused one', async () => {
    const refused = await send('DELETE', `/v1/task-templates/${usedTemplate}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json<Problem>().detail).toContain('nightly backup');
    expect(forwarded('DELETE', `/v1/task-templates/${usedTemplate}`)).toHaveLength(0);
    expect((await send('DELETE', `/v1/task-templates/${template}`)).statusCode).toBe(204);
    expect(forwarded('DELETE', `/v1/task-templates/${template}`)).toHaveLength(1);
  });
});
