import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Producer } from 'kafkajs';
import { EventCatalog, type Caller, type TaskStatsView } from '@ains/contracts';
import { toKafkaHeaders } from '@ains/messaging';
import { loadConfig } from '@ains/platform';
import { createServiceApp } from '@ains/runtime';
import { callerHeaders, dropSchemas, ensureDatabase, query, serviceTestEnv, testCaller, testEnv, testKafka, waitFor } from '@ains/testing';
import { taskService, type TaskServiceSettings } from '../service';

describe('task statistics (task-service, real Postgres and Kafka)', () => {
  let app: NestFastifyApplication;
  let producer: Producer;
  const reader = (clientId: string): Caller => testCaller({ clientId, keyId: `key-${clientId}`, scopes: ['tasks:read', 'tasks:write'] });
  const acme = reader(`acme-${randomUUID()}`);
  const globex = reader(`globex-${randomUUID()}`);
  const agentId = randomUUID();
  const agent = testCaller({ clientId: acme.clientId, keyId: 'agent-key', scopes: ['agent:work'], agentId });

  const call = async (method: 'GET' | 'POST', url: string, caller: Caller, payload?: Record<string, unknown>) => {
    const response = await app.inject({ method, url, payload, headers: callerHeaders(method, url, caller) });
    expect(response.statusCode).toBeLessThan(300);
    return response.json<{ id: string } & Record<string, unknown>>();
  };
  const stats = (caller: Caller) => call('GET', '/v1/tasks/stats', caller) as unknown as Promise<TaskStatsView>;
  const create = (caller: Caller, priority: number) => call('POST', '/v1/tasks', caller, { task_type: 'stats-test', priority });

  /** Assigns the task to the agent as routing-service would, and waits until task-service applied it. */
  async function assign(taskId: string): Promise<void> {
    const id = randomUUID();
    const headers = toKafkaHeaders({ specversion: '1.0', id, source: '/test', type: 'ains.routing.decided.v1', time: new Date().toISOString(), subject: taskId, datacontenttype: 'application/json' });
    const data = { taskId, clientId: acme.clientId, agentId, attempt: 1, strategy: 'least_loaded', candidateCount: 1, decidedAt: new Date().toISOString() };
    await producer.send({ topic: EventCatalog['ains.routing.decided.v1'].topic, messages: [{ key: taskId, headers, value: JSON.stringify(data) }] });
    await waitFor(async () => (await query(testEnv.databaseUrl, 'SELECT 1 FROM task.inbox WHERE event_id = $1', [id])).length === 1, { description: `decision for ${taskId}` });
  }

  beforeAll(async () => {
    await ensureDatabase(testEnv.databaseUrl);
    await dropSchemas(testEnv.databaseUrl, 'task');
    // No cache: every read below must see the writes before it.
    const config = loadConfig(taskService.config, serviceTestEnv({ TASK_STATS_CACHE_MS: '0' })) as TaskServiceSettings;
    app = await createServiceApp({ ...taskService, name: `task-service-stats-${randomUUID().slice(0, 8)}` }, config);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    producer = testKafka().producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await app?.close();
  });

  it('count the caller’s tasks per state, its queue per priority and the last hour’s creations and ends; never another client’s', async () => {
    const [completed, failed, cancelled, queuedHigh, queuedLow] = [await create(acme, 7), await create(acme, 7), await create(acme, 5), await create(acme, 9), await create(acme, 2)];
    for (let i = 0; i < 3; i++) await create(globex, 9);
    await assign(completed.id);
    await assign(failed.id);
    await call('POST', `/v1/tasks/${completed.id}/start`, agent);
    await call('POST', `/v1/tasks/${completed.id}/complete`, agent, { result: { ok: true } });
    await call('POST', `/v1/tasks/${failed.id}/fail`, agent, { error: 'broken input', retryable: false });
    await call('POST', `/v1/tasks/${cancelled.id}/cancel`, acme, {});

    const mine = await stats(acme);
    expect(mine.scope).toBe('client');
    expect(mine.by_status).toEqual({ pending: 0, blocked: 0, queued: 2, assigned: 0, running: 0, completed: 1, failed: 1, timed_out: 0, cancelled: 1, dead_lettered: 0 });
    expect(mine.queue.depth).toBe(2);
    const level = (priority: number) => mine.queue.by_priority.find((entry) => entry.priority === priority);
    expect(level(9)).toMatchObject({ count: 1, oldest_queued_at: (await call('GET', `/v1/tasks/${queuedHigh.id}`, acme)).queued_at });
    expect(level(2)).toMatchObject({ count: 1, oldest_queued_at: (await call('GET', `/v1/tasks/${queuedLow.id}`, acme)).queued_at });
    expect(level(9)?.oldest_age_ms).toBeGreaterThanOrEqual(0);
    expect(level(7)).toEqual({ priority: 7, count: 0, oldest_queued_at: null, oldest_age_ms: null });
    expect(mine.queue.oldest_queued_at).toBe(level(9)?.oldest_queued_at);

    const { buckets } = mine.last_hour;
    expect(buckets).toHaveLength(60);
    expect(mine.last_hour.bucket_seconds).toBe(60);
    const total = (field: 'created' | 'completed' | 'failed') => buckets.reduce((sum, bucket) => sum + bucket[field], 0);
    expect([total('created'), total('completed'), total('failed')]).toEqual([5, 1, 1]);
    const currentMinute = Math.floor(Date.now() / 60_000) * 60_000;
    expect(Date.parse(buckets[59].start)).toBeGreaterThanOrEqual(currentMinute - 60_000);

    const theirs = await stats(globex);
    expect(theirs.by_status).toMatchObject({ queued: 3, completed: 0, failed: 0, cancelled: 0 });
    expect(theirs.queue.by_priority.find((entry) => entry.priority === 9)?.count).toBe(3);
    expect(theirs.last_hour.buckets.reduce((sum, bucket) => sum + bucket.created, 0)).toBe(3);

    // An admin key counts every client's tasks.
    const all = await stats(testCaller({ clientId: 'operator', scopes: ['admin'] }));
    expect(all.scope).toBe('all');
    expect(all.by_status.queued).toBeGreaterThanOrEqual(5);
    expect(all.last_hour.buckets.reduce((sum, bucket) => sum + bucket.created, 0)).toBeGreaterThanOrEqual(8);
  });
});
