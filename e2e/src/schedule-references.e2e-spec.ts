import { randomUUID } from 'node:crypto';
import { waitFor } from '@ains/testing';
import { authHeaders, createApiKey, type TestApiKey } from './support/auth';
import { api } from './support/http';
import { WebhookReceiver } from './support/webhook-receiver';

interface Problem {
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
}

interface Schedule {
  id: string;
  stats: { runs: number; failures: number; last_outcome: string | null };
}

interface Run {
  id: string;
  status: string;
  outcome: string | null;
  task_id: string | null;
  failure_reason: string | null;
}

describe('schedule references through the gateway', () => {
  let client: TestApiKey;
  const receiver = new WebhookReceiver();
  const as = () => authHeaders(client);
  const createTemplate = async (defaults: Record<string, unknown> = {}): Promise<string> => {
    const created = await api<{ id: string }>('POST', '/v1/task-templates', { name: 'e2e template', task_type: 'e2e.templated', defaults }, as());
    expect(created.status).toBe(201);
    return created.body.id;
  };
  const schedule = (target: Record<string, unknown>) => ({ name: 'e2e refs', cron_expression: '0 3 * * *', active: false, ...target });

  beforeAll(async () => {
    client = await createApiKey({ scopes: ['schedules:read', 'schedules:write', 'tasks:read', 'tasks:write', 'webhooks:write'] });
    const url = await receiver.start();
    const webhook = await api<{ secret: string }>('POST', '/v1/webhooks', { url, event_types: ['ains.schedule.run_failed.v1'] }, as());
    expect(webhook.status).toBe(201);
    receiver.trust(webhook.body.secret);
  });

  afterAll(() => receiver.stop());

  it('refuses a schedule naming an unknown template or dependency with 422, on create and update', async () => {
    const unknownTemplate = await api<Problem>('POST', '/v1/schedules', schedule({ template_id: randomUUID() }), as());
    expect(unknownTemplate.status).toBe(422);
    expect(unknownTemplate.headers.get('content-type')).toContain('application/problem+json');
    expect(unknownTemplate.body.errors).toEqual([expect.objectContaining({ field: 'template_id' })]);

    const dependency = await api<{ id: string }>('POST', '/v1/tasks', { task_type: 'e2e.dependency' }, as());
    const missing = randomUUID();
    const unknownTask = await api<Problem>('POST', '/v1/schedules', schedule({ task: { task_type: 'e2e.dependent', depends_on: [dependency.body.id, missing] } }), as());
    expect(unknownTask.status).toBe(422);
    expect(unknownTask.body.errors).toEqual([{ field: 'task.depends_on[1]', message: `task ${missing} does not exist` }]);

    // Another client's template is as unknown as a made-up id.
    const other = await createApiKey({ scopes: ['tasks:write'] });
    const foreign = await api<{ id: string }>('POST', '/v1/task-templates', { name: 'theirs', task_type: 'e2e.theirs' }, authHeaders(other));
    expect((await api('POST', '/v1/schedules', schedule({ template_id: foreign.body.id }), as())).status).toBe(422);

    const good = await api<Schedule>('POST', '/v1/schedules', schedule({ template_id: await createTemplate() }), as());
    expect(good.status).toBe(201);
    expect((await api<Problem>('PATCH', `/v1/schedules/${good.body.id}`, { template_id: randomUUID() }, as())).status).toBe(422);
  });

  it('refuses to delete a template a schedule uses (409), and deletes it once the schedule is gone', async () => {
    const templateId = await createTemplate();
    const user = await api<Schedule>('POST', '/v1/schedules', schedule({ name: 'uses the template', template_id: templateId }), as());
    const refused = await api<Problem>('DELETE', `/v1/task-templates/${templateId}`, undefined, as());
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.detail).toContain(user.body.id);
    expect((await api('GET', `/v1/task-templates/${templateId}`, undefined, as())).status).toBe(200);

    expect((await api('DELETE', `/v1/schedules/${user.body.id}`, undefined, as())).status).toBe(204);
    expect((await api('DELETE', `/v1/task-templates/${templateId}`, undefined, as())).status).toBe(204);
  });

  it('fails a run whose task cannot be created, with the reason, in the stats and as a webhook', async () => {
    // Valid apart, too large together: the template's input grows after the schedule was written.
    const templateId = await createTemplate({ input: { a: 'x' } });
    const created = await api<Schedule>('POST', '/v1/schedules', schedule({ template_id: templateId, overrides: { input: { b: 'y'.repeat(30_000) } } }), as());
    expect(created.status).toBe(201);
    expect((await api('PATCH', `/v1/task-templates/${templateId}`, { defaults: { input: { a: 'x'.repeat(40_000) } } }, as())).status).toBe(200);

    const run = await api<Run>('POST', `/v1/schedules/${created.body.id}/trigger`, undefined, as());
    expect(run.status).toBe(201);
    const failed = await waitFor(
      async () => {
        const runs = await api<{ data: Run[] }>('GET', `/v1/schedules/${created.body.id}/runs`, undefined, as());
        const current = runs.body.data.find((entry) => entry.id === run.body.id);
        return current?.status === 'failed' ? current : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500, description: 'the run to fail' },
    );
    expect(failed).toMatchObject({ outcome: 'task_not_created', task_id: null, failure_reason: expect.stringContaining('input') });
    const view = await api<Schedule>('GET', `/v1/schedules/${created.body.id}`, undefined, as());
    expect(view.body.stats).toMatchObject({ runs: 1, failures: 1, last_outcome: 'task_not_created' });

    const announced = await waitFor(() => Promise.resolve(receiver.received.find((hook) => hook.data['runId'] === run.body.id)), {
      timeoutMs: 60_000,
      intervalMs: 250,
      description: 'the run_failed webhook',
    });
    expect(announced).toMatchObject({ type: 'ains.schedule.run_failed.v1', data: { scheduleId: created.body.id, outcome: 'task_not_created', reason: failed.failure_reason } });
  }, 120_000);
});
