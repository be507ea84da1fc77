import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TransactionRunner } from '@ains/messaging';
import { loadConfig } from '@ains/platform';
import { createServiceApp } from '@ains/runtime';
import { callerHeaders, dropSchemas, ensureDatabase, query, serviceTestEnv, testCaller, testEnv, waitFor } from '@ains/testing';
import { taskService, type TaskServiceSettings } from '../service';
import { TaskLifecycle } from '../tasks/task-lifecycle.service';
import { TasksRepository } from '../tasks/tasks.repository';

/** Timers live in Postgres: they survive a restart and fire once with several replicas. */
describe('task timers (task-service, real Postgres)', () => {
  const client = testCaller({ clientId: `timers-${randomUUID()}` });
  const apps: NestFastifyApplication[] = [];

  async function startReplica(settings: Record<string, string>): Promise<NestFastifyApplication> {
    const config = loadConfig(taskService.config, serviceTestEnv(settings)) as TaskServiceSettings;
    const app = await createServiceApp({ ...taskService, consumes: false }, config);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    apps.push(app);
    return app;
  }

  async function createTasks(app: NestFastifyApplication, count: number, body: Record<string, unknown>): Promise<string[]> {
    const response = await app.inject({ method: 'POST', url: '/v1/tasks/batch', payload: { tasks: Array.from({ length: count }, () => body) }, headers: callerHeaders('POST', '/v1/tasks/batch', client) });
    expect(response.statusCode).toBe(201);
    return response.json<{ data: { id: string }[] }>().data.map((task) => task.id);
  }

  /** Assigns (and optionally starts) through the same code the routing.decided consumer runs. */
  async function assign(app: NestFastifyApplication, ids: string[], start = false): Promise<void> {
    const lifecycle = app.get(TaskLifecycle);
    const tasks = app.get(TasksRepository);
    await app.get(TransactionRunner).run(async (manager) => {
      for (const id of ids) {
        await lifecycle.assignAll(manager, [{ clientId: client.clientId, taskId: id, attempt: 1, agentId: randomUUID(), strategy: 'least_loaded', candidateCount: 1 }]);
        const task = await tasks.lock(manager, id);
        if (start && task) await lifecycle.start(manager, task);
      }
    });
  }

  const timedOutEvents = (ids: string[]) =>
    query<{ message_key: string; payload: { reason: string } }>(testEnv.databaseUrl, `SELECT message_key, payload FROM task.outbox WHERE event_type = 'ains.task.timed_out.v1' AND message_key = ANY($1)`, [ids]);

  beforeAll(async () => {
    await ensureDatabase(testEnv.databaseUrl);
    await dropSchemas(testEnv.databaseUrl, 'task');
  });

  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
  });

  it('gives a lease that lapsed while no replica was running one more lease period after the restart, then fires it', async () => {
    const first = await startReplica({ TASK_LEASE_MS: '1000', TASK_TIMER_INTERVAL_MS: '60000' });
    const [id] = await createTasks(first, 1, { task_type: 'lease', retry_policy: { backoff_base_ms: 600_000 } });
    await assign(first, [id]);
    await first.close();
    apps.splice(0);
    await waitFor(async () => (await query(testEnv.databaseUrl, 'SELECT 1 FROM task.tasks WHERE id = $1 AND lease_expires_at < now()', [id])).length === 1, { description: 'the lease to expire' });

    // The platform was down: the agent could not renew, so the lapsed lease is not held against it yet.
    const [{ now: restartedAt }] = await query<{ now: Date }>(testEnv.databaseUrl, 'SELECT now() AS now');
    await startReplica({ TASK_LEASE_MS: '1000', TASK_TIMER_INTERVAL_MS: '20' });
    await waitFor(async () => (await query(testEnv.databaseUrl, `SELECT 1 FROM task.tasks WHERE id = $1 AND status = 'timed_out'`, [id])).length === 1, { description: 'the restarted replica to time the task out' });
    const [attempt] = await query<{ ended_at: Date }>(testEnv.databaseUrl, 'SELECT ended_at FROM task.task_attempts WHERE task_id = $1', [id]);
    expect(attempt.ended_at.getTime() - restartedAt.getTime()).toBeGreaterThanOrEqual(1_000);
    const [task] = await query<{ status_reason: string; retry_at: Date | null; excluded_agent_ids: string[] }>(testEnv.databaseUrl, 'SELECT status_reason, retry_at, excluded_agent_ids FROM task.tasks WHERE id = $1', [id]);
    expect(task.status_reason).toBe('lease_expired');
    expect(task.retry_at).not.toBeNull();
    expect(task.excluded_agent_ids).toHaveLength(1);
    expect((await timedOutEvents([id])).map((event) => event.payload.reason)).toEqual(['lease_expired']);
  });

  it('times out each due task exactly once with two replicas on one database', async () => {
    const settings = { TASK_LEASE_MS: '300', TASK_TIMER_INTERVAL_MS: '10', TASK_TIMER_BATCH_SIZE: '5' };
    const [one] = await Promise.all([startReplica(settings), startReplica(settings)]);
    const ids = await createTasks(one, 60, { task_type: 'race', retry_policy: { backoff_base_ms: 600_000 } });
    await assign(one, ids);

    await waitFor(async () => (await query(testEnv.databaseUrl, `SELECT 1 FROM task.tasks WHERE id = ANY($1) AND status = 'timed_out'`, [ids])).length === ids.length, { description: 'every task to time out' });
    const events = await timedOutEvents(ids);
    expect(events).toHaveLength(ids.length);
    expect(new Set(events.map((event) => event.message_key)).size).toBe(ids.length);
    const attempts = await query<{ count: number }>(testEnv.databaseUrl, `SELECT count(*)::int AS count FROM task.task_attempts WHERE task_id = ANY($1) AND outcome = 'timed_out'`, [ids]);
    expect(attempts[0].count).toBe(ids.length);
  });

  it('times out a running task at its execution timeout and queues the retry when its backoff is over', async () => {
    const app = await startReplica({ TASK_LEASE_MS: '600000', TASK_TIMER_INTERVAL_MS: '20' });
    const [id] = await createTasks(app, 1, { task_type: 'slow', timeout_seconds: 1, retry_policy: { backoff_base_ms: 0, jitter: 0 } });
    await assign(app, [id], true);
    await waitFor(async () => (await query(testEnv.databaseUrl, `SELECT 1 FROM task.tasks WHERE id = $1 AND status = 'queued' AND attempt = 2`, [id])).length === 1, { description: 'the retry to be queued' });
    expect((await timedOutEvents([id])).map((event) => event.payload.reason)).toEqual(['execution_timeout']);
  });
});
