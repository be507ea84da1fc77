import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Caller } from '@ains/contracts';
import { TransactionRunner } from '@ains/messaging';
import { loadConfig } from '@ains/platform';
import { createServiceApp } from '@ains/runtime';
import { callerHeaders, dropSchemas, ensureDatabase, query, serviceTestEnv, testCaller, testEnv } from '@ains/testing';
import { taskService, type TaskServiceSettings } from '../service';
import { TaskLifecycle } from '../tasks/task-lifecycle.service';

interface Task {
  id: string;
  status: string;
  started_at: string | null;
  result: Record<string, unknown> | null;
}
interface ReportResult {
  index: number;
  task_id: string | null;
  status: number;
  outcome: string;
  task?: Task;
  problem?: { status: number; type: string; detail?: string; errors?: { field: string; message: string }[] };
}

/** Claim-and-start and batched reports against real Postgres; assignments go through the lifecycle routing's decisions use. */
describe('claim-and-start and batched reports (task-service, real Postgres)', () => {
  let app: NestFastifyApplication;
  const client = testCaller({ clientId: `batch-${randomUUID()}` });
  const stranger = testCaller({ clientId: `stranger-${randomUUID()}` });
  const agent = (agentId: string): Caller => testCaller({ clientId: 'fleet-operator', keyId: `agent-key-${agentId}`, scopes: ['agent:work'], agentId });

  const call = (url: string, payload: unknown, caller: Caller) => app.inject({ method: 'POST', url, payload: payload as Record<string, unknown>, headers: callerHeaders('POST', url, caller) });
  async function createTasks(count: number, owner: Caller = client): Promise<string[]> {
    const response = await call('/v1/tasks/batch', { tasks: Array.from({ length: count }, () => ({ task_type: 'batch', retry_policy: { max_attempts: 3, backoff_base_ms: 600_000 } })) }, owner);
    expect(response.statusCode).toBe(201);
    return response.json<{ data: { id: string }[] }>().data.map((task) => task.id);
  }
  async function assign(ids: string[], agentId: string, owner: Caller = client): Promise<void> {
    const lifecycle = app.get(TaskLifecycle);
    await app.get(TransactionRunner).run(async (manager) => {
      await lifecycle.assignAll(manager, ids.map((id) => ({ clientId: owner.clientId, taskId: id, attempt: 1, agentId, strategy: 'least_loaded', candidateCount: 1 })));
    });
  }
  const claim = (agentId: string, body: Record<string, unknown>) => call(`/v1/agents/${agentId}/claim`, body, agent(agentId));
  const report = async (agentId: string, reports: unknown[]): Promise<ReportResult[]> => {
    const response = await call(`/v1/agents/${agentId}/reports`, { reports }, agent(agentId));
    expect(response.statusCode).toBe(200);
    return response.json<{ data: ReportResult[] }>().data;
  };
  const eventCounts = async (ids: string[]): Promise<Record<string, number>> => {
    const rows = await query<{ event_type: string; count: number }>(testEnv.databaseUrl, 'SELECT event_type, count(*)::int AS count FROM task.outbox WHERE message_key = ANY($1) GROUP BY event_type', [ids]);
    return Object.fromEntries(rows.map((row) => [row.event_type, row.count]));
  };

  beforeAll(async () => {
    await ensureDatabase(testEnv.databaseUrl);
    await dropSchemas(testEnv.databaseUrl, 'task');
    const config = loadConfig(taskService.config, serviceTestEnv({ TASK_TIMER_INTERVAL_MS: '60000' })) as TaskServiceSettings;
    app = await createServiceApp({ ...taskService, consumes: false }, config);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('starts claimed tasks in the claim itself: concurrent claims share them out, each started once, none left claimed but not started', async () => {
    const agentId = randomUUID();
    const ids = await createTasks(12);
    await assign(ids, agentId);
    const before = await eventCounts(ids);

    const answers = await Promise.all([claim(agentId, { max_tasks: 5, wait_ms: 0, start: true }), claim(agentId, { max_tasks: 5, wait_ms: 0, start: true }), claim(agentId, { max_tasks: 5, wait_ms: 0, start: true })]);
    const claimed = answers.flatMap((answer) => answer.json<{ data: Task[] }>().data);
    expect(claimed).toHaveLength(12);
    expect(new Set(claimed.map((task) => task.id)).size).toBe(12);
    for (const task of claimed) expect(task).toMatchObject({ status: 'running', started_at: expect.any(String) });

    const notStarted = await query(testEnv.databaseUrl, `SELECT id FROM task.tasks WHERE id = ANY($1) AND (status <> 'running' OR claimed_at IS NULL)`, [ids]);
    expect(notStarted).toEqual([]);
    const attempts = await query(testEnv.databaseUrl, 'SELECT task_id FROM task.task_attempts WHERE task_id = ANY($1) AND started_at IS NULL', [ids]);
    expect(attempts).toEqual([]);
    const after = await eventCounts(ids);
    // The claim emits only the started event of each task.
    expect({ ...after, 'ains.task.started.v1': (after['ains.task.started.v1'] ?? 0) - 12 }).toEqual({ ...before, 'ains.task.started.v1': before['ains.task.started.v1'] ?? 0 });
  });

  it('claims without starting when not asked to, emitting nothing', async () => {
    const agentId = randomUUID();
    const ids = await createTasks(2);
    await assign(ids, agentId);
    const before = await eventCounts(ids);
    const claimed = (await claim(agentId, { max_tasks: 5, wait_ms: 0 })).json<{ data: Task[] }>().data;
    expect(claimed.map((task) => task.status)).toEqual(['assigned', 'assigned']);
    expect(await eventCounts(ids)).toEqual(before);
  });

  it('answers each report on its own, applies the valid ones once, and applies nothing twice when the batch is sent again', async () => {
    const agentId = randomUUID();
    const [done, failing, unstorable, startedLater, cancelled] = await createTasks(5);
    await assign([done, failing, unstorable, cancelled], agentId);
    await claim(agentId, { max_tasks: 10, wait_ms: 0, start: true });
    await assign([startedLater], agentId);
    expect((await call(`/v1/tasks/${cancelled}/cancel`, { reason: 'no longer needed' }, client)).statusCode).toBe(200);
    const [foreign] = await createTasks(1, stranger);
    await assign([foreign], randomUUID(), stranger);
    const ids = [done, failing, unstorable, startedLater, cancelled, foreign];
    const eventsBefore = await eventCounts(ids);

    const batch = [
      { task_id: done, type: 'progress', progress: { percent: 50 } },
      { task_id: done, type: 'complete', result: { rows: 42 } },
      { task_id: failing, type: 'fail', error: 'input unreadable', retryable: false },
      { task_id: startedLater, type: 'start' },
      { task_id: cancelled, type: 'complete', result: {} },
      { task_id: foreign, type: 'complete', result: {} },
      { task_id: 'not-a-uuid', type: 'complete' },
      { type: 'explode' },
    ];
    const first = await report(agentId, batch);
    expect(first.map(({ index, status, outcome }) => [index, status, outcome])).toEqual([
      [0, 200, 'applied'],
      [1, 200, 'applied'],
      [2, 200, 'applied'],
      [3, 200, 'applied'],
      [4, 409, 'refused'],
      [5, 404, 'refused'],
      [6, 400, 'refused'],
      [7, 400, 'refused'],
    ]);
    expect(first[1].task).toMatchObject({ status: 'completed', result: { rows: 42 } });
    expect(first[4].problem).toMatchObject({ status: 409, type: expect.stringContaining('stale-report') });
    expect(first[6]).toMatchObject({ task_id: 'not-a-uuid', problem: { errors: [expect.objectContaining({ field: 'task_id' })] } });
    expect(first[7]).toMatchObject({ task_id: null, problem: { status: 400 } });

    // Text PostgreSQL cannot store is refused at the JSON step, for the whole request, naming the field.
    const unstorableBatch = await call(`/v1/agents/${agentId}/reports`, { reports: [{ task_id: unstorable, type: 'complete', result: { text: 'nul \u0000 here' } }] }, agent(agentId));
    expect(unstorableBatch.statusCode).toBe(400);
    expect(unstorableBatch.json<{ errors: { field: string }[] }>().errors.map((error) => error.field)).toEqual(['reports[0].result.text']);

    const second = await report(agentId, batch);
    expect(second.map(({ status, outcome }) => [status, outcome])).toEqual([
      [409, 'refused'], // progress on a completed task only ever was a lease renewal
      [200, 'already_applied'],
      [200, 'already_applied'],
      [200, 'already_applied'],
      [409, 'refused'],
      [404, 'refused'],
      [400, 'refused'],
      [400, 'refused'],
    ]);

    const after = await eventCounts(ids);
    expect(after['ains.task.completed.v1']).toBe(1);
    expect(after['ains.task.failed.v1']).toBe(1);
    expect(after['ains.task.started.v1']).toBe((eventsBefore['ains.task.started.v1'] ?? 0) + 1);
    const attempts = await query<{ task_id: string; outcome: string | null }>(testEnv.databaseUrl, 'SELECT task_id, outcome FROM task.task_attempts WHERE task_id = ANY($1) ORDER BY task_id', [[done, failing, unstorable]]);
    expect(Object.fromEntries(attempts.map((row) => [row.task_id, row.outcome]))).toEqual({ [done]: 'completed', [failing]: 'failed', [unstorable]: null });
    const rejected = await query(testEnv.databaseUrl, 'SELECT 1 FROM task.rejected_reports WHERE task_id = $1 AND agent_id = $2', [cancelled, agentId]);
    expect(rejected).toHaveLength(2);
  });

  it('completes the plain tasks of a batch as one set and the rest one by one, with the same outcome: dependents released, chains advanced, nothing twice', async () => {
    const agentId = randomUUID();
    const plain = await createTasks(20);
    const [awaited] = await createTasks(1);
    const dependent = (await call('/v1/tasks', { task_type: 'after', depends_on: [awaited] }, client)).json<Task>();
    const chain = (await call('/v1/task-chains', { name: 'set and chain', steps: [{ task_type: 'first' }, { task_type: 'second' }] }, client)).json<{ id: string; steps: { task_id: string }[] }>();
    const step = chain.steps[0].task_id;
    await assign([...plain, awaited, step], agentId);
    expect((await claim(agentId, { max_tasks: 50, wait_ms: 0, start: true })).json<{ data: Task[] }>().data).toHaveLength(22);
    const completeAll = jest.spyOn(app.get(TaskLifecycle), 'completeAll');

    const batch = [...plain, awaited, step].map((id, n) => ({ task_id: id, type: 'complete', result: { n } }));
    const answers = await report(agentId, batch);
    expect(answers.map(({ status, outcome }) => `${status} ${outcome}`)).toEqual(batch.map(() => '200 applied'));
    answers.forEach((answer, n) => expect(answer.task).toMatchObject({ id: batch[n].task_id, status: 'completed', result: { n } }));
    // The plain tasks went together; the one a task waits on and the chain step went on their own.
    expect(completeAll).toHaveBeenCalledTimes(1);
    expect(completeAll.mock.calls[0][1].map(({ task }) => task.id).sort()).toEqual([...plain].sort());
    completeAll.mockRestore();

    const ended = await query<{ outcome: string; ended: boolean }>(testEnv.databaseUrl, 'SELECT outcome, ended_at IS NOT NULL AS ended FROM task.task_attempts WHERE task_id = ANY($1)', [[...plain, awaited, step]]);
    expect(ended).toHaveLength(22);
    for (const attempt of ended) expect(attempt).toEqual({ outcome: 'completed', ended: true });
    expect((await eventCounts([...plain, awaited, step]))['ains.task.completed.v1']).toBe(22);
    const [released] = await query<{ status: string }>(testEnv.databaseUrl, 'SELECT status FROM task.tasks WHERE id = $1', [dependent.id]);
    expect(released.status).toBe('queued');
    const [advanced] = await query<{ current_step: number }>(testEnv.databaseUrl, 'SELECT current_step FROM task.task_chains WHERE id = $1', [chain.id]);
    expect(advanced.current_step).toBe(1);

    const again = await report(agentId, batch);
    expect(again.map(({ status, outcome }) => `${status} ${outcome}`)).toEqual(batch.map(() => '200 already_applied'));
    expect((await eventCounts([...plain, awaited, step]))['ains.task.completed.v1']).toBe(22);
  });

  it('assigns a dispatch round of decisions together, each only to the attempt it was made for', async () => {
    const agentId = randomUUID();
    const ids = await createTasks(6);
    const lifecycle = app.get(TaskLifecycle);
    const assigned = await app.get(TransactionRunner).run((manager) =>
      lifecycle.assignAll(manager, [
        ...ids.slice(0, 4).map((id) => ({ clientId: client.clientId, taskId: id, attempt: 1, agentId, strategy: 'least_loaded', candidateCount: 2 })),
        { clientId: client.clientId, taskId: ids[4], attempt: 2, agentId, strategy: 'least_loaded', candidateCount: 1 }, // a decision for another attempt
        { clientId: stranger.clientId, taskId: ids[5], attempt: 1, agentId, strategy: 'least_loaded', candidateCount: 1 }, // another tenant's decision
        { clientId: client.clientId, taskId: ids[0], attempt: 1, agentId: randomUUID(), strategy: 'least_loaded', candidateCount: 1 }, // a repeat
      ]),
    );
    expect(assigned.map((task) => task.id).sort()).toEqual(ids.slice(0, 4).sort());
    const rows = await query<{ id: string; status: string; assigned_agent_id: string | null }>(testEnv.databaseUrl, 'SELECT id, status, assigned_agent_id FROM task.tasks WHERE id = ANY($1)', [ids]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const id of ids.slice(0, 4)) expect(byId.get(id)).toMatchObject({ status: 'assigned', assigned_agent_id: agentId });
    for (const id of ids.slice(4)) expect(byId.get(id)).toMatchObject({ status: 'queued', assigned_agent_id: null });
    const attempts = await query<{ agent_id: string; routing_candidates: number }>(testEnv.databaseUrl, 'SELECT agent_id, routing_candidates FROM task.task_attempts WHERE task_id = ANY($1)', [ids]);
    expect(attempts).toEqual(ids.slice(0, 4).map(() => ({ agent_id: agentId, routing_candidates: 2 })));
    expect((await eventCounts(ids))['ains.task.assigned.v1']).toBe(4);
  });

  it('refuses a batch for another agent as a whole', async () => {
    const response = await call(`/v1/agents/${randomUUID()}/reports`, { reports: [{ task_id: randomUUID(), type: 'start' }] }, agent(randomUUID()));
    expect(response.statusCode).toBe(403);
  });
});
