import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { callerHeaders, dropSchemas, ensureDatabase, serviceTestEnv, testEnv } from '@ains/testing';
import { EventFeed, startAgentApp } from '../testing/agent-app';

type View = { load: { active_tasks: number; utilisation: number }; metrics: { completed: number; failed: number; timed_out: number; success_rate: number | null; avg_completion_ms: number | null } };

describe('agent load and performance from task events (agent-service, real Postgres and Redis)', () => {
  let app: NestFastifyApplication;
  let feed: EventFeed;
  const ref = { clientId: 'client-sim', taskType: 'simulate' };
  const at = () => new Date().toISOString();

  const view = async (id: string) => (await app.inject({ method: 'GET', url: `/v1/agents/${id}`, headers: callerHeaders('GET', `/v1/agents/${id}`) })).json<View>();
  const assign = (taskId: string, agentId: string, attempt = 1) => feed.deliver('ains.task.assigned.v1', taskId, { ...ref, taskId, agentId, attempt, leaseExpiresAt: at(), assignedAt: at() });

  beforeAll(async () => {
    await ensureDatabase(testEnv.databaseUrl);
    await dropSchemas(testEnv.databaseUrl, 'agent');
    app = await startAgentApp(serviceTestEnv({ AGENT_COMPLETION_AVERAGE_ALPHA: '0.5' }));
    feed = new EventFeed(app);
  });

  afterAll(() => app?.close());

  it('counts active tasks, outcomes, success rate and the moving-average completion time, and the cached view follows', async () => {
    const agentId = (await app.inject({ method: 'POST', url: '/v1/agents', headers: callerHeaders('POST', '/v1/agents'), payload: { display_name: 'worker', max_concurrency: 4 } })).json<{ id: string }>().id;
    expect(await view(agentId)).toMatchObject({ load: { active_tasks: 0 }, metrics: { completed: 0, success_rate: null, avg_completion_ms: null } });

    const tasks = Array.from({ length: 5 }, () => randomUUID());
    for (const taskId of tasks) await assign(taskId, agentId);
    expect((await view(agentId)).load).toEqual({ active_tasks: 5, max_concurrency: 4, utilisation: 1.25 });

    await feed.deliver('ains.task.completed.v1', tasks[0], { ...ref, taskId: tasks[0], agentId, attempt: 1, durationMs: 1_000, completedAt: at() });
    await feed.deliver('ains.task.completed.v1', tasks[1], { ...ref, taskId: tasks[1], agentId, attempt: 1, durationMs: 3_000, completedAt: at() });
    await feed.deliver('ains.task.failed.v1', tasks[2], { ...ref, taskId: tasks[2], agentId, attempt: 1, error: 'boom', retryable: true, willRetry: true, failedAt: at() });
    await feed.deliver('ains.task.timed_out.v1', tasks[3], { ...ref, taskId: tasks[3], agentId, attempt: 1, reason: 'lease_expired', willRetry: false, timedOutAt: at() });
    await feed.deliver('ains.task.cancelled.v1', tasks[4], { ...ref, taskId: tasks[4], agentId, reason: 'client', cancelledAt: at() });
    // A task that finishes twice (a redelivered terminal event under a new id) does not free a slot twice.
    await feed.deliver('ains.task.cancelled.v1', tasks[4], { ...ref, taskId: tasks[4], agentId, reason: 'client', cancelledAt: at() });

    const after = await view(agentId);
    expect(after.load.active_tasks).toBe(0);
    // EMA with alpha 0.5: first 1000, then 0.5 * 3000 + 0.5 * 1000.
    expect(after.metrics).toEqual({ completed: 2, failed: 1, timed_out: 1, success_rate: 0.5, avg_completion_ms: 2_000 });
  });

  it('moves the load with a retry that goes to another agent', async () => {
    const register = async (name: string) => (await app.inject({ method: 'POST', url: '/v1/agents', headers: callerHeaders('POST', '/v1/agents'), payload: { display_name: name } })).json<{ id: string }>().id;
    const [first, second] = [await register('first'), await register('second')];
    const taskId = randomUUID();
    await assign(taskId, first, 1);
    await feed.deliver('ains.task.timed_out.v1', taskId, { ...ref, taskId, agentId: first, attempt: 1, reason: 'lease_expired', willRetry: true, timedOutAt: at() });
    await assign(taskId, second, 2);
    expect([(await view(first)).load.active_tasks, (await view(second)).load.active_tasks]).toEqual([0, 1]);
    expect((await view(first)).metrics.timed_out).toBe(1);
  });
});
