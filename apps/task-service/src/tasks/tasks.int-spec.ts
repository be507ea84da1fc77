import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Caller } from '@ains/contracts';
import { loadConfig } from '@ains/platform';
import { createServiceApp } from '@ains/runtime';
import { callerHeaders, dropSchemas, ensureDatabase, query, serviceTestEnv, testCaller, testEnv, waitFor } from '@ains/testing';
import { taskService, type TaskServiceSettings } from '../service';

interface Task {
  id: string;
  status: string;
  priority: number;
  effective_priority: number;
  attempt: number;
  depends_on: string[];
  input: Record<string, unknown>;
  ref?: string | null;
  attempts?: unknown[];
}

describe('task API (task-service, real Postgres)', () => {
  let app: NestFastifyApplication;
  const alice = testCaller({ clientId: `alice-${randomUUID()}` });
  const bob = testCaller({ clientId: `bob-${randomUUID()}` });

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, caller: Caller = alice, headers: Record<string, string> = {}) =>
    app.inject({ method, url, payload: payload as Record<string, unknown>, headers: { ...callerHeaders(method, url, caller), ...headers } });
  const createTask = async (body: Record<string, unknown>, caller: Caller = alice): Promise<Task> => {
    const response = await call('POST', '/v1/tasks', body, caller);
    expect(response.statusCode).toBe(201);
    return response.json<Task>();
  };
  const eventsOf = (id: string) => query<{ event_type: string; payload: Record<string, unknown> }>(testEnv.databaseUrl, 'SELECT event_type, payload FROM task.outbox WHERE message_key = $1 ORDER BY seq', [id]);

  beforeAll(async () => {
    await ensureDatabase(testEnv.databaseUrl);
    await dropSchemas(testEnv.databaseUrl, 'task');
    // No consumers: events other suites left on the topics must not change this suite's state.
    app = await createServiceApp({ ...taskService, consumes: false }, loadConfig(taskService.config, serviceTestEnv()) as TaskServiceSettings);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(() => app?.close());

  it('creates a runnable task as queued, with one created event in the outbox that queues it', async () => {
    const task = await createTask({ task_type: 'summarise', priority: 7, input: { text: 'hi' }, routing: { required_tags: ['nlp'], capabilities: [{ name: 'python', range: '>=3.11' }] } });
    expect(task).toMatchObject({ status: 'queued', priority: 7, effective_priority: 7, attempt: 1, input: { text: 'hi' } });
    const events = await eventsOf(task.id);
    expect(events.map((event) => event.event_type)).toEqual(['ains.task.created.v1']);
    expect(events[0].payload).toMatchObject({
      clientId: alice.clientId,
      status: 'queued',
      queued: { attempt: 1, effectivePriority: 7, excludedAgentIds: [], routing: { requiredTags: ['nlp'], capabilities: [{ name: 'python', range: '>=3.11' }], minTrust: null } },
    });
  });

  it('rejects invalid tasks field by field, and unknown or foreign dependencies with 422', async () => {
    const invalid = await call('POST', '/v1/tasks', { task_type: 'Bad Type', priority: 11, surprise: true });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json<{ errors: { field: string }[] }>().errors.map((error) => error.field).sort()).toEqual(['priority', 'surprise', 'task_type']);

    const foreign = await createTask({ task_type: 'other' }, bob);
    const unknown = randomUUID();
    const response = await call('POST', '/v1/tasks', { task_type: 'x', depends_on: [foreign.id, unknown] });
    expect(response.statusCode).toBe(422);
    expect(response.json<{ errors: { message: string }[] }>().errors.map((error) => error.message)).toEqual([`task ${foreign.id} does not exist`, `task ${unknown} does not exist`]);
  });

  it('blocks a task on open dependencies and raises their effective priority transitively', async () => {
    const root = await createTask({ task_type: 'fetch', priority: 2 });
    const middle = await createTask({ task_type: 'parse', priority: 3, depends_on: [root.id] });
    expect(middle.status).toBe('blocked');
    const urgent = await createTask({ task_type: 'report', priority: 9, depends_on: [middle.id] });
    expect(urgent).toMatchObject({ status: 'blocked', effective_priority: 9 });

    for (const id of [root.id, middle.id]) {
      const detail = (await call('GET', `/v1/tasks/${id}`)).json<Task>();
      expect(detail.effective_priority).toBe(9);
      const changes = (await eventsOf(id)).filter((event) => event.event_type === 'ains.task.priority_changed.v1');
      expect(changes.at(-1)?.payload).toMatchObject({ effectivePriority: 9, clientId: alice.clientId });
    }
  });

  it('creates a batch in one transaction, resolving refs, and refuses a cycle by naming it', async () => {
    const response = await call('POST', '/v1/tasks/batch', {
      tasks: [
        { ref: 'load', task_type: 'load' },
        { ref: 'train', task_type: 'train', priority: 8, depends_on_refs: ['load'] },
        { task_type: 'publish', depends_on_refs: ['train', 'load'] },
      ],
    });
    expect(response.statusCode).toBe(201);
    const [load, train, publish] = response.json<{ data: Task[] }>().data;
    expect(load).toMatchObject({ ref: 'load', status: 'queued', effective_priority: 8 });
    expect(train).toMatchObject({ ref: 'train', status: 'blocked', depends_on: [load.id] });
    expect(publish).toMatchObject({ ref: null, status: 'blocked' });
    expect(publish.depends_on.sort()).toEqual([load.id, train.id].sort());

    const before = await query<{ count: number }>(testEnv.databaseUrl, 'SELECT count(*)::int AS count FROM task.tasks WHERE client_id = $1', [alice.clientId]);
    const cyclic = await call('POST', '/v1/tasks/batch', {
      tasks: [
        { ref: 'ok', task_type: 'fine' },
        { ref: 'a', task_type: 'a', depends_on_refs: ['c'] },
        { ref: 'b', task_type: 'b', depends_on_refs: ['a'] },
        { ref: 'c', task_type: 'c', depends_on_refs: ['b', 'ok'] },
      ],
    });
    expect(cyclic.statusCode).toBe(422);
    expect(cyclic.json<{ detail: string }>().detail).toBe('The dependencies form a cycle: a → c → b → a.');
    expect(cyclic.json<{ errors: { field: string }[] }>().errors).toEqual([{ field: 'tasks[1].depends_on_refs', message: 'cycle a → c → b → a' }]);
    const after = await query<{ count: number }>(testEnv.databaseUrl, 'SELECT count(*)::int AS count FROM task.tasks WHERE client_id = $1', [alice.clientId]);
    expect(after[0].count).toBe(before[0].count);

    const unknownRef = await call('POST', '/v1/tasks/batch', { tasks: [{ task_type: 'a', depends_on_refs: ['nope'] }] });
    expect(unknownRef.statusCode).toBe(422);
  });

  it('accepts 1,000 tasks in one batch and refuses 1,001', async () => {
    const tasks = Array.from({ length: 1_000 }, (_, index) => ({ task_type: 'bulk', input: { index } }));
    const response = await call('POST', '/v1/tasks/batch', { tasks });
    expect(response.statusCode).toBe(201);
    expect(response.json<{ data: Task[] }>().data.map((task) => task.input.index)).toEqual(tasks.map((_, index) => index));
    const tooMany = await call('POST', '/v1/tasks/batch', { tasks: [...tasks, { task_type: 'bulk' }] });
    expect(tooMany.statusCode).toBe(400);
  });

  it('replays an idempotent create and refuses the key with another body', async () => {
    const headers = { 'idempotency-key': `key-${randomUUID()}` };
    const first = await call('POST', '/v1/tasks', { task_type: 'once', input: { a: 1, b: 2 } }, alice, headers);
    const again = await call('POST', '/v1/tasks', { input: { b: 2, a: 1 }, task_type: 'once' }, alice, headers);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.json<Task>().id).toBe(first.json<Task>().id);
    const rows = await query(testEnv.databaseUrl, `SELECT id FROM task.tasks WHERE client_id = $1 AND task_type = 'once'`, [alice.clientId]);
    expect(rows).toHaveLength(1);

    const other = await call('POST', '/v1/tasks', { task_type: 'once', input: { a: 2 } }, alice, headers);
    expect(other.statusCode).toBe(422);
    const otherClient = await call('POST', '/v1/tasks', { task_type: 'once' }, bob, headers);
    expect(otherClient.statusCode).toBe(201);
  });

  it('lists with filters and cursor pages, newest first, only the caller’s tasks', async () => {
    const carol = testCaller({ clientId: `carol-${randomUUID()}` });
    const created: Task[] = [];
    for (const priority of [1, 4, 6, 9]) created.push(await createTask({ task_type: priority > 5 ? 'high' : 'low', priority }, carol));
    await createTask({ task_type: 'high', priority: 9 }, bob);

    const url = '/v1/tasks?task_type=high&priority_min=6&limit=1';
    const first = (await call('GET', url, undefined, carol)).json<{ data: Task[]; next_cursor: string }>();
    expect(first.data.map((task) => task.id)).toEqual([created[3].id]);
    const nextUrl = `${url}&cursor=${first.next_cursor}`;
    const second = (await call('GET', nextUrl, undefined, carol)).json<{ data: Task[]; next_cursor: string | null }>();
    expect(second.data.map((task) => task.id)).toEqual([created[2].id]);
    expect(second.next_cursor).toBeNull();

    const queued = (await call('GET', '/v1/tasks?status=queued&limit=200', undefined, carol)).json<{ data: Task[] }>();
    expect(queued.data).toHaveLength(4);
    const bad = await call('GET', '/v1/tasks?cursor=garbage', undefined, carol);
    expect(bad.statusCode).toBe(400);
  });

  it('cancels a task and its waiting dependents; cancelling again is a 409; retry refuses a cancelled task', async () => {
    const dependency = await createTask({ task_type: 'step' });
    const dependent = await createTask({ task_type: 'next', depends_on: [dependency.id] });
    const cancel = await call('POST', `/v1/tasks/${dependency.id}/cancel`, { reason: 'not needed' });
    expect(cancel.statusCode).toBe(200);
    expect(cancel.json()).toMatchObject({ status: 'cancelled', status_reason: 'not needed' });
    const after = (await call('GET', `/v1/tasks/${dependent.id}`)).json<Task & { status_reason: string }>();
    expect(after).toMatchObject({ status: 'cancelled', status_reason: `dependency ${dependency.id} ended cancelled` });

    const again = await call('POST', `/v1/tasks/${dependency.id}/cancel`);
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect((await call('POST', `/v1/tasks/${dependency.id}/retry`)).statusCode).toBe(409);
    const late = await call('POST', '/v1/tasks', { task_type: 'late', depends_on: [dependency.id] });
    expect(late.statusCode).toBe(422);
  });

  it('answers 404 for another client’s task on every task route', async () => {
    const foreign = await createTask({ task_type: 'private' }, bob);
    for (const [method, url] of [
      ['GET', `/v1/tasks/${foreign.id}`],
      ['POST', `/v1/tasks/${foreign.id}/cancel`],
      ['POST', `/v1/tasks/${foreign.id}/retry`],
    ] as const) {
      expect((await call(method, url)).statusCode).toBe(404);
    }
    expect((await call('GET', `/v1/tasks/${foreign.id}`, undefined, bob)).json()).toMatchObject({ id: foreign.id, attempts: [] });
  });

  it('manages templates and instantiates them with overrides, counting uses', async () => {
    const created = await call('POST', '/v1/task-templates', { name: 'nightly', task_type: 'index', defaults: { priority: 3, input: { language: 'en', depth: 1 }, labels: { team: 'search' } } });
    expect(created.statusCode).toBe(201);
    const template = created.json<{ id: string }>();

    const task = await call('POST', `/v1/task-templates/${template.id}/tasks`, { priority: 8, input: { depth: 2 } });
    expect(task.statusCode).toBe(201);
    expect(task.json()).toMatchObject({ task_type: 'index', priority: 8, input: { language: 'en', depth: 2 }, labels: { team: 'search' }, template_id: template.id, status: 'queued' });
    const plain = await call('POST', `/v1/task-templates/${template.id}/tasks`, {});
    expect(plain.json()).toMatchObject({ priority: 3, timeout_seconds: 300, input: { language: 'en', depth: 1 } });

    const updated = await call('PATCH', `/v1/task-templates/${template.id}`, { description: 'every night' });
    expect(updated.json()).toMatchObject({ description: 'every night', times_used: 2 });
    expect((await call('PATCH', `/v1/task-templates/${template.id}`, { defaults: { priority: 42 } })).statusCode).toBe(400);
    const list = (await call('GET', '/v1/task-templates')).json<{ data: { id: string }[] }>();
    expect(list.data.map((item) => item.id)).toContain(template.id);

    for (const [method, url, body] of [
      ['GET', `/v1/task-templates/${template.id}`, undefined],
      ['PATCH', `/v1/task-templates/${template.id}`, { name: 'stolen' }],
      ['POST', `/v1/task-templates/${template.id}/tasks`, {}],
      ['DELETE', `/v1/task-templates/${template.id}`, undefined],
    ] as const) {
      expect((await call(method, url, body, bob)).statusCode).toBe(404);
    }
    expect((await call('DELETE', `/v1/task-templates/${template.id}`)).statusCode).toBe(204);
    expect((await call('GET', `/v1/task-templates/${template.id}`)).statusCode).toBe(404);
  });

  it('starts a chain with its first step, and cancels it with the step', async () => {
    const template = (await call('POST', '/v1/task-templates', { name: 'fmt', task_type: 'format', defaults: { priority: 6 } })).json<{ id: string }>();
    const response = await call('POST', '/v1/task-chains', {
      name: 'pipeline',
      steps: [{ task_type: 'extract', input: { url: 'https://example.org' } }, { template_id: template.id, input_mapping: [{ target: 'text', source: 'steps.0.result.text' }] }],
    });
    expect(response.statusCode).toBe(201);
    const chain = response.json<{ id: string; status: string; steps: { task_id: string | null; status: string | null; task_type: string }[] }>();
    expect(chain.status).toBe('running');
    expect(chain.steps.map((step) => [step.task_type, step.status])).toEqual([['extract', 'queued'], ['format', null]]);
    expect((await eventsOf(chain.id)).map((event) => event.event_type)).toEqual(['ains.chain.started.v1']);

    expect((await call('GET', `/v1/task-chains/${chain.id}`, undefined, bob)).statusCode).toBe(404);
    expect((await call('POST', `/v1/task-chains/${chain.id}/cancel`, undefined, bob)).statusCode).toBe(404);
    const cancelled = await call('POST', `/v1/task-chains/${chain.id}/cancel`);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', steps: [{ status: 'cancelled' }, { status: null }] });
    expect((await call('POST', `/v1/task-chains/${chain.id}/cancel`)).statusCode).toBe(409);

    const unknownTemplate = await call('POST', '/v1/task-chains', { name: 'x', steps: [{ template_id: randomUUID() }] });
    expect(unknownTemplate.statusCode).toBe(422);
    const forwardMapping = await call('POST', '/v1/task-chains', { name: 'x', steps: [{ task_type: 'a', input_mapping: [{ target: 'a', source: 'steps.0.result' }] }] });
    expect(forwardMapping.statusCode).toBe(400);
  });

  it('refuses new tasks with 503 and Retry-After while backpressure is engaged', async () => {
    await query(testEnv.databaseUrl, 'INSERT INTO task.backpressure (engaged, retry_after_seconds, changed_at) VALUES (true, 7, now())');
    try {
      // Each replica caches the shared state for up to a second.
      const refused = await waitFor(
        async () => {
          const response = await call('POST', '/v1/tasks', { task_type: 'x' });
          return response.statusCode === 503 ? response : undefined;
        },
        { timeoutMs: 5_000, description: 'creation to be refused' },
      );
      expect(refused.headers['retry-after']).toBe('7');
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect((await call('POST', '/v1/tasks/batch', { tasks: [{ task_type: 'x' }] })).statusCode).toBe(503);
    } finally {
      await query(testEnv.databaseUrl, 'DELETE FROM task.backpressure');
    }
  });
});
