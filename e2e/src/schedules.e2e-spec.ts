import { randomUUID } from 'node:crypto';
import { waitFor } from '@ains/testing';
import { authHeaders, createApiKey, type TestApiKey } from './support/auth';
import { api } from './support/http';

interface Schedule {
  id: string;
  next_run_at: string | null;
  stats: { runs: number };
}

interface Task {
  id: string;
  task_type: string;
  input: Record<string, unknown>;
}

interface Run {
  id: string;
  fire_time: string;
  status: string;
  task_id: string | null;
}

describe('schedules through the gateway', () => {
  let client: TestApiKey;

  beforeAll(async () => {
    client = await createApiKey({ scopes: ['schedules:read', 'schedules:write', 'tasks:read'] });
  });

  it('creates a schedule, triggers it, and task-service creates the run’s task from the fired event', async () => {
    const taskType = `e2e.scheduled.${randomUUID().slice(0, 8)}`;
    const created = await api<Schedule>(
      'POST',
      '/v1/schedules',
      { name: 'e2e nightly', cron_expression: '0 3 * * *', time_zone: 'Europe/Berlin', task: { task_type: taskType, input: { from: 'schedule' } } },
      authHeaders(client),
    );
    expect(created.status).toBe(201);
    expect(created.body.next_run_at).toMatch(/T0[12]:00:00\.000Z$/);

    const triggered = await api<Run>('POST', `/v1/schedules/${created.body.id}/trigger`, undefined, authHeaders(client));
    expect(triggered.status).toBe(201);
    expect(triggered.body).toMatchObject({ status: 'fired', task_id: null });

    // The task is the caller's: listed under the same client, made from the schedule's definition.
    const tasks = await waitFor(
      async () => {
        const listed = await api<{ data: Task[] }>('GET', `/v1/tasks?task_type=${taskType}`, undefined, authHeaders(client));
        return listed.body.data.length > 0 ? listed.body.data : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500, description: 'task-service to create the task of the fired schedule' },
    );
    expect(tasks).toEqual([expect.objectContaining({ task_type: taskType, input: { from: 'schedule' } })]);
    const schedule = await api<Schedule>('GET', `/v1/schedules/${created.body.id}`, undefined, authHeaders(client));
    expect(schedule.body.stats.runs).toBe(1);
  }, 120_000);

  it('answers 422 for an unusable cron expression or zone, 403 without the write scope, 404 for another client', async () => {
    const badCron = await api<{ errors: { field: string }[] }>('POST', '/v1/schedules', { name: 'bad', cron_expression: '0 25 * * *', task: { task_type: 'e2e.x' } }, authHeaders(client));
    expect(badCron.status).toBe(422);
    expect(badCron.headers.get('content-type')).toContain('application/problem+json');
    expect(badCron.body.errors).toEqual([{ field: 'cron_expression', message: expect.stringContaining('expected range 0-23') }]);
    const badZone = await api('POST', '/v1/schedules', { name: 'bad', cron_expression: '0 3 * * *', time_zone: 'Mars/Olympus', task: { task_type: 'e2e.x' } }, authHeaders(client));
    expect(badZone.status).toBe(422);

    const reader = await createApiKey({ scopes: ['schedules:read'] });
    expect((await api('POST', '/v1/schedules', { name: 'x', cron_expression: '0 3 * * *', task: { task_type: 'e2e.x' } }, authHeaders(reader))).status).toBe(403);

    const mine = await api<Schedule>('POST', '/v1/schedules', { name: 'mine', cron_expression: '0 3 * * *', task: { task_type: 'e2e.x' } }, authHeaders(client));
    const stranger = await createApiKey({ scopes: ['schedules:read', 'schedules:write'] });
    expect((await api('GET', `/v1/schedules/${mine.body.id}`, undefined, authHeaders(stranger))).status).toBe(404);
    expect((await api('POST', `/v1/schedules/${mine.body.id}/trigger`, undefined, authHeaders(stranger))).status).toBe(404);
  });
});
