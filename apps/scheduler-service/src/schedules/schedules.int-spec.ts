import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ScheduleRunView, ScheduleView } from '@ains/contracts';
import { loadConfig } from '@ains/platform';
import { createServiceApp } from '@ains/runtime';
import { callerHeaders, dropSchemas, ensureDatabase, query, serviceTestEnv, testCaller, testEnv } from '@ains/testing';
import { schedulerService, type SchedulerServiceSettings } from '../service';

describe('schedules API (scheduler-service, real Postgres)', () => {
  let app: NestFastifyApplication;
  const client = `client-${randomUUID().slice(0, 8)}`;
  const caller = testCaller({ clientId: client });

  async function call<T = unknown>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, who = caller) {
    const response = await app.inject({ method, url, headers: callerHeaders(method, url, who), payload });
    return { status: response.statusCode, body: (response.body ? response.json() : undefined) as T, contentType: response.headers['content-type'] };
  }

  const task = { task_type: 'report.build', input: { day: 'today' } };
  const create = (overrides: object = {}) => call<ScheduleView>('POST', '/v1/schedules', { name: 'nightly', cron_expression: '0 3 * * *', time_zone: 'Europe/Berlin', task, ...overrides });

  beforeAll(async () => {
    await ensureDatabase(testEnv.databaseUrl);
    await dropSchemas(testEnv.databaseUrl, 'scheduler');
    const config = loadConfig(schedulerService.config, serviceTestEnv()) as SchedulerServiceSettings;
    app = await createServiceApp({ ...schedulerService, name: `scheduler-service-api-${randomUUID().slice(0, 8)}` }, config);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(() => app?.close());

  it('creates a schedule with its next fire time in the zone, defaults filled in', async () => {
    const created = await create();
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'nightly',
      cron_expression: '0 3 * * *',
      time_zone: 'Europe/Berlin',
      task: { task_type: 'report.build', input: { day: 'today' }, priority: 5 },
      template_id: null,
      active: true,
      overlap_policy: 'allow',
      misfire_policy: 'fire_once',
      stats: { runs: 0, successes: 0, failures: 0, skipped: 0, last_run_at: null, last_outcome: null, average_duration_ms: null },
    });
    const next = new Date(created.body.next_run_at ?? '');
    expect(next.getTime()).toBeGreaterThan(Date.now());
    expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }).format(next)).toBe('03:00');
    const [row] = await query(testEnv.databaseUrl, 'SELECT client_id, next_run_at FROM scheduler.schedules WHERE id = $1', [created.body.id]);
    expect(row).toEqual({ client_id: client, next_run_at: next });
  });

  it('accepts a template with overrides instead of an inline task, and canonicalises the zone', async () => {
    const templateId = randomUUID();
    const created = await create({ task: undefined, template_id: templateId, overrides: { priority: 9 }, time_zone: 'america/new_york' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ task: null, template_id: templateId, overrides: { priority: 9 }, time_zone: 'America/New_York' });
    const changed = await call<ScheduleView>('PATCH', `/v1/schedules/${created.body.id}`, { overrides: { priority: 2 } });
    expect(changed.body).toMatchObject({ template_id: templateId, overrides: { priority: 2 } });
    const inline = await create();
    expect((await call('PATCH', `/v1/schedules/${inline.body.id}`, { overrides: { priority: 2 } })).status).toBe(422);
  });

  it('lists the schedules that use one template', async () => {
    const templateId = randomUUID();
    const users = [await create({ task: undefined, template_id: templateId }), await create({ task: undefined, template_id: templateId })];
    await create({ task: undefined, template_id: randomUUID() });
    const listed = await call<{ data: ScheduleView[] }>('GET', `/v1/schedules?template_id=${templateId}`);
    expect(listed.body.data.map((schedule) => schedule.id).sort()).toEqual(users.map((user) => user.body.id).sort());
    expect((await call('GET', '/v1/schedules?template_id=not-a-uuid')).status).toBe(400);
  });

  it.each([
    [{ cron_expression: '61 * * * *' }, 'cron_expression', /expected range 0-59/],
    [{ cron_expression: '* * *' }, 'cron_expression', /expected 5 .* or 6/],
    [{ time_zone: 'Mars/Olympus' }, 'time_zone', /not an IANA time zone/],
    [{ cron_expression: '0 0 31 4 *' }, 'cron_expression', /day of month/],
  ])('answers 422 problem+json explaining what is wrong with %p', async (change, field, message) => {
    const before = await query<{ count: number }>(testEnv.databaseUrl, 'SELECT count(*)::int AS count FROM scheduler.schedules');
    const response = await create(change);
    expect(response.status).toBe(422);
    expect(response.contentType).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status: 422, errors: [{ field, message: expect.stringMatching(message) }] });
    const after = await query<{ count: number }>(testEnv.databaseUrl, 'SELECT count(*)::int AS count FROM scheduler.schedules');
    expect(after[0].count).toBe(before[0].count);
  });

  it('refuses schedules firing more often than the minimum interval (60 s by default)', async () => {
    const response = await create({ cron_expression: '*/10 * * * * *' });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ detail: 'The schedule fires every 10 s at its most frequent; the minimum interval is 60 s.' });
  });

  it('answers 400 for malformed bodies: unknown fields, both targets, an empty window', async () => {
    const fieldsOf = (body: unknown) => (body as { errors: { field: string }[] }).errors.map((e) => e.field).sort();
    const malformed = await create({ colour: 'red', overlap_policy: 'sometimes' });
    expect(malformed.status).toBe(400);
    expect(fieldsOf(malformed.body)).toEqual(['colour', 'overlap_policy']);
    const contradictory = await create({ template_id: randomUUID(), end_at: '2030-01-01T00:00:00Z', start_at: '2030-01-02T00:00:00Z' });
    expect(contradictory.status).toBe(400);
    expect(fieldsOf(contradictory.body)).toEqual(['end_at', 'template_id']);
    const noTask = await call('POST', '/v1/schedules', { name: 'x', cron_expression: '0 3 * * *' });
    expect(noTask.status).toBe(400);
  });

  it('updates, recomputing the next fire time when the timing changes', async () => {
    const created = await create();
    const updated = await call<ScheduleView>('PATCH', `/v1/schedules/${created.body.id}`, { cron_expression: '15 4 * * *', time_zone: 'UTC', overlap_policy: 'skip', description: 'moved' });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ cron_expression: '15 4 * * *', time_zone: 'UTC', overlap_policy: 'skip', description: 'moved' });
    expect(updated.body.next_run_at).toMatch(/T04:15:00\.000Z$/);
    const invalid = await call('PATCH', `/v1/schedules/${created.body.id}`, { time_zone: 'Nowhere/Land' });
    expect(invalid.status).toBe(422);
  });

  it('pauses (nothing due) and resumes (next fire time from now)', async () => {
    const created = await create();
    const paused = await call<ScheduleView>('POST', `/v1/schedules/${created.body.id}/pause`);
    expect(paused.body).toMatchObject({ active: false, next_run_at: null });
    const resumed = await call<ScheduleView>('POST', `/v1/schedules/${created.body.id}/resume`);
    expect(resumed.body).toMatchObject({ active: true, next_run_at: created.body.next_run_at });
  });

  it('triggers a run now, even when paused, publishing the fired event; max_runs bounds triggers too', async () => {
    const created = await create({ max_runs: 1, active: false });
    const triggered = await call<ScheduleRunView>('POST', `/v1/schedules/${created.body.id}/trigger`);
    expect(triggered.status).toBe(201);
    expect(triggered.body).toMatchObject({ schedule_id: created.body.id, trigger: 'manual', status: 'fired', task_id: null });
    const events = await query<{ payload: Record<string, unknown> }>(testEnv.databaseUrl, "SELECT payload FROM scheduler.outbox WHERE message_key = $1 AND event_type = 'ains.schedule.fired.v1'", [created.body.id]);
    expect(events).toEqual([
      {
        payload: expect.objectContaining({
          scheduleId: created.body.id,
          clientId: client,
          runId: triggered.body.id,
          fireTime: triggered.body.fire_time,
          task: expect.objectContaining({ task_type: 'report.build' }),
          templateId: null,
          trigger: 'manual',
        }),
      },
    ]);
    const again = await call('POST', `/v1/schedules/${created.body.id}/trigger`);
    expect(again.status).toBe(409);
    const schedule = await call<ScheduleView>('GET', `/v1/schedules/${created.body.id}`);
    expect(schedule.body.stats).toMatchObject({ runs: 1, last_run_at: triggered.body.fire_time });
  });

  it('pages through runs, latest first', async () => {
    const created = await create();
    const fired: string[] = [];
    for (let i = 0; i < 3; i += 1) fired.push((await call<ScheduleRunView>('POST', `/v1/schedules/${created.body.id}/trigger`)).body.id);
    const first = await call<{ data: ScheduleRunView[]; next_cursor: string }>('GET', `/v1/schedules/${created.body.id}/runs?limit=2`);
    expect(first.body.data.map((run) => run.id)).toEqual([fired[2], fired[1]]);
    const second = await call<{ data: ScheduleRunView[]; next_cursor: string | null }>('GET', `/v1/schedules/${created.body.id}/runs?limit=2&cursor=${first.body.next_cursor}`);
    expect(second.body).toEqual({ data: [expect.objectContaining({ id: fired[0] })], next_cursor: null });
  });

  it("keeps tenants apart: another client's schedule is not found, whatever the operation", async () => {
    const created = await create();
    const stranger = testCaller({ clientId: `other-${randomUUID().slice(0, 8)}` });
    for (const [method, suffix] of [['GET', ''], ['PATCH', ''], ['POST', '/pause'], ['POST', '/resume'], ['POST', '/trigger'], ['GET', '/runs'], ['DELETE', '']] as const) {
      const response = await call(method, `/v1/schedules/${created.body.id}${suffix}`, method === 'PATCH' ? { name: 'mine now' } : undefined, stranger);
      expect({ method, suffix, status: response.status }).toEqual({ method, suffix, status: 404 });
    }
    const list = await call<{ data: ScheduleView[] }>('GET', '/v1/schedules', undefined, stranger);
    expect(list.body.data).toEqual([]);
    const mine = await call<{ data: ScheduleView[] }>('GET', '/v1/schedules?limit=200');
    expect(mine.body.data.map((s) => s.id)).toContain(created.body.id);
  });

  it('deletes a schedule with its runs', async () => {
    const created = await create();
    await call('POST', `/v1/schedules/${created.body.id}/trigger`);
    expect((await call('DELETE', `/v1/schedules/${created.body.id}`)).status).toBe(204);
    expect((await call('GET', `/v1/schedules/${created.body.id}`)).status).toBe(404);
    expect(await query(testEnv.databaseUrl, 'SELECT 1 FROM scheduler.schedule_runs WHERE schedule_id = $1', [created.body.id])).toEqual([]);
  });
});
