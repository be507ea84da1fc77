import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Producer } from 'kafkajs';
import { EventCatalog, type Caller, type EventData, type EventType } from '@ains/contracts';
import { toKafkaHeaders } from '@ains/messaging';
import { loadConfig } from '@ains/platform';
import { createServiceApp } from '@ains/runtime';
import { callerHeaders, dropSchemas, ensureDatabase, query, serviceTestEnv, testCaller, testEnv, testKafka, waitFor } from '@ains/testing';
import { taskService, type TaskServiceSettings } from '../service';

interface Task {
  id: string;
  status: string;
  attempt: number;
  assigned_agent_id: string | null;
  input: Record<string, unknown>;
  result: Record<string, unknown> | null;
  lease_expires_at: string | null;
  attempts: { attempt: number; agent_id: string; outcome: string | null; error: string | null }[];
}

describe('agent work protocol and consumed events (task-service, real Postgres and Kafka)', () => {
  let app: NestFastifyApplication;
  let producer: Producer;
  const client = testCaller({ clientId: `client-${randomUUID()}` });
  const agent = (agentId: string, clientId = 'fleet-operator'): Caller => testCaller({ clientId, keyId: `agent-key-${agentId}`, scopes: ['agent:work'], agentId });

  const call = (method: 'GET' | 'POST', url: string, payload?: unknown, caller: Caller = client) =>
    app.inject({ method, url, payload: payload as Record<string, unknown>, headers: callerHeaders(method, url, caller) });
  const getTask = async (id: string): Promise<Task> => (await call('GET', `/v1/tasks/${id}`)).json<Task>();
  const createTask = async (body: Record<string, unknown>): Promise<Task> => {
    const response = await call('POST', '/v1/tasks', body);
    expect(response.statusCode).toBe(201);
    return response.json<Task>();
  };

  /** Publishes an event as its owning service would and returns its id. */
  async function publish<T extends EventType>(type: T, subject: string, data: EventData<T>): Promise<string> {
    const id = randomUUID();
    const headers = toKafkaHeaders({ specversion: '1.0', id, source: '/test', type, time: new Date().toISOString(), subject, datacontenttype: 'application/json' });
    await producer.send({ topic: EventCatalog[type].topic, messages: [{ key: subject, headers, value: JSON.stringify(data) }] });
    return id;
  }
  const consumed = (eventId: string) => waitFor(async () => (await query(testEnv.databaseUrl, 'SELECT 1 FROM task.inbox WHERE event_id = $1', [eventId])).length === 1, { description: `event ${eventId} to be consumed` });
  const decision = (taskId: string, attempt: number, agentId: string) =>
    publish('ains.routing.decided.v1', taskId, { taskId, clientId: client.clientId, agentId, attempt, strategy: 'least_loaded', candidateCount: 1, decidedAt: new Date().toISOString() });
  const assign = async (taskId: string, attempt: number, agentId: string): Promise<void> => {
    await consumed(await decision(taskId, attempt, agentId));
  };
  const eventsOf = (id: string) => query<{ event_type: string; payload: Record<string, unknown> }>(testEnv.databaseUrl, 'SELECT event_type, payload FROM task.outbox WHERE message_key = $1 ORDER BY seq', [id]);
  /**
   * Backpressure signals are ordered by `changedAt` and earlier runs' signals stay on the topic, so
   * this run's are dated after all of them: far in the future, later on every run.
   */
  const signalTime = (step: number) => new Date(Date.UTC(2100, 0, 1) + Date.now() + step * 1_000).toISOString();
  const setBackpressure = async (engaged: boolean, step: number) =>
    consumed(await publish('ains.routing.backpressure_changed.v1', 'dispatch', { engaged, queuedDepth: 0, limit: 10, retryAfterSeconds: 3, changedAt: signalTime(step) }));

  beforeAll(async () => {
    await ensureDatabase(testEnv.databaseUrl);
    await dropSchemas(testEnv.databaseUrl, 'task');
    const config = loadConfig(taskService.config, serviceTestEnv({ TASK_TIMER_INTERVAL_MS: '50', TASK_CLAIM_MAX_WAIT_MS: '20000' })) as TaskServiceSettings;
    // A consumer group of its own, so this suite does not compete with other runs for the topics.
    app = await createServiceApp({ ...taskService, name: `task-service-int-${randomUUID().slice(0, 8)}` }, config);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    producer = testKafka().producer();
    await producer.connect();
    // Other suites' backpressure events stay on the topic; a later signal makes this suite's state known.
    await setBackpressure(false, 0);
  });

  afterAll(async () => {
    await producer?.disconnect();
    await app?.close();
  });

  it('answers a waiting claim as soon as routing assigns the task, and ignores duplicate, stale or foreign decisions', async () => {
    const agentA = randomUUID();
    const task = await createTask({ task_type: 'summarise' });
    const foreign = await publish('ains.routing.decided.v1', task.id, { taskId: task.id, clientId: 'another-client', agentId: randomUUID(), attempt: 1, strategy: 'least_loaded', candidateCount: 1, decidedAt: new Date().toISOString() });
    await consumed(foreign);
    expect((await getTask(task.id)).status).toBe('queued');

    const claimUrl = `/v1/agents/${agentA}/claim`;
    const claim = call('POST', claimUrl, { wait_ms: 20_000, max_tasks: 5 }, agent(agentA));
    await decision(task.id, 1, agentA);
    const claimed = await claim;
    expect(claimed.statusCode).toBe(200);
    expect(claimed.json<{ data: Task[] }>().data.map((item) => [item.id, item.status])).toEqual([[task.id, 'assigned']]);

    await assign(task.id, 1, randomUUID());
    await assign(task.id, 2, randomUUID());
    const after = await getTask(task.id);
    expect(after).toMatchObject({ status: 'assigned', assigned_agent_id: agentA, attempt: 1 });
    expect(after.attempts).toHaveLength(1);
    // The task shows why it went where it went.
    expect(after.attempts[0]).toMatchObject({ agent_id: agentA, routing: { strategy: 'least_loaded', candidate_count: 1 } });
    expect((await eventsOf(task.id)).filter((event) => event.event_type === 'ains.task.assigned.v1')).toHaveLength(1);

    const empty = await call('POST', claimUrl, { wait_ms: 0 }, agent(agentA));
    expect(empty.json()).toEqual({ data: [] });
    expect((await call('POST', claimUrl, {}, agent(randomUUID()))).statusCode).toBe(403);
  });

  it('shows the candidates routing ranked, with their scores, in the attempt; other agents’ ids only to keys that may read agents', async () => {
    const [chosen, runnerUp, third] = [randomUUID(), randomUUID(), randomUUID()];
    const task = await createTask({ task_type: 'summarise' });
    const candidates = [
      { agentId: runnerUp, score: 0.5, factors: { trust: 0.9 } },
      { agentId: chosen, score: 0.3333, factors: { trust: 0.6 } },
      { agentId: third, score: 0.1667, factors: { trust: 0.3 } },
    ];
    await consumed(await publish('ains.routing.decided.v1', task.id, { taskId: task.id, clientId: client.clientId, agentId: chosen, attempt: 1, strategy: 'trust_weighted', candidateCount: 7, candidates, decidedAt: new Date().toISOString() }));

    const readAs = async (scopes: Caller['scopes'], caller: Caller = { ...client, scopes }) => {
      const url = `/v1/tasks/${task.id}`;
      return app.inject({ method: 'GET', url, headers: callerHeaders('GET', url, caller) });
    };
    const routingFor = async (scopes: Caller['scopes']) => (await readAs(scopes)).json<{ attempts: { routing: unknown }[] }>().attempts[0].routing;
    const withAgents = {
      strategy: 'trust_weighted',
      candidate_count: 7,
      candidates: [
        { agent_id: runnerUp, score: 0.5, factors: { trust: 0.9 }, chosen: false },
        { agent_id: chosen, score: 0.3333, factors: { trust: 0.6 }, chosen: true },
        { agent_id: third, score: 0.1667, factors: { trust: 0.3 }, chosen: false },
      ],
    };
    expect(await routingFor(['tasks:read', 'agents:read'])).toEqual(withAgents);
    expect(await routingFor(['admin'])).toEqual(withAgents);
    expect(await routingFor(['tasks:read'])).toEqual({
      ...withAgents,
      candidates: withAgents.candidates.map((candidate) => ({ ...candidate, agent_id: candidate.chosen ? chosen : null })),
    });
    // Another client's key does not learn the decision: the task does not exist for it.
    expect((await readAs(['tasks:read', 'agents:read'], testCaller({ clientId: `other-${randomUUID()}`, scopes: ['tasks:read', 'agents:read'] }))).statusCode).toBe(404);

    // A decision from a producer that does not send candidates still reads, with none.
    const older = await createTask({ task_type: 'summarise' });
    await assign(older.id, 1, randomUUID());
    expect((await getTask(older.id)).attempts[0]).toMatchObject({ routing: { strategy: 'least_loaded', candidate_count: 1, candidates: [] } });
  });

  it('lets only the assigned agent start, renew, and complete, then releases dependents', async () => {
    const agentA = randomUUID();
    const task = await createTask({ task_type: 'extract', timeout_seconds: 600 });
    const dependent = await createTask({ task_type: 'load', depends_on: [task.id] });
    await assign(task.id, 1, agentA);

    const url = (verb: string) => `/v1/tasks/${task.id}/${verb}`;
    expect((await call('POST', url('start'), {}, agent(randomUUID(), client.clientId))).statusCode).toBe(403);
    expect((await call('POST', url('start'), {}, agent(randomUUID()))).statusCode).toBe(404);
    expect((await call('POST', url('start'), {}, client)).statusCode).toBe(403);
    expect((await call('POST', url('complete'), { result: {} }, agent(agentA))).statusCode).toBe(409);

    expect((await call('POST', url('start'), {}, agent(agentA))).json()).toMatchObject({ status: 'running' });
    const progressed = await call('POST', url('progress'), { progress: { percent: 50 } }, agent(agentA));
    expect(progressed.json()).toMatchObject({ status: 'running', progress: { percent: 50 } });
    const completed = await call('POST', url('complete'), { result: { rows: 42 } }, agent(agentA));
    expect(completed.json()).toMatchObject({ status: 'completed', result: { rows: 42 } });

    const events = await eventsOf(task.id);
    expect(events.map((event) => event.event_type)).toEqual(['ains.task.created.v1', 'ains.task.assigned.v1', 'ains.task.started.v1', 'ains.task.completed.v1']);
    expect(events[3].payload).toMatchObject({ agentId: agentA, clientId: client.clientId, attempt: 1 });
    expect((await getTask(dependent.id)).status).toBe('queued');
    expect((await getTask(task.id)).attempts).toMatchObject([{ attempt: 1, agent_id: agentA, outcome: 'completed' }]);
  });

  it('retries a failed attempt on another agent after its backoff, and records a stale report without applying it', async () => {
    const [agentA, agentB] = [randomUUID(), randomUUID()];
    const task = await createTask({ task_type: 'render', retry_policy: { max_attempts: 2, backoff_base_ms: 0, jitter: 0 } });
    const dependent = await createTask({ task_type: 'publish', depends_on: [task.id] });
    await assign(task.id, 1, agentA);
    await call('POST', `/v1/tasks/${task.id}/start`, {}, agent(agentA));
    const failed = await call('POST', `/v1/tasks/${task.id}/fail`, { error: 'out of memory', retryable: true }, agent(agentA));
    expect(failed.json()).toMatchObject({ status: 'failed', error: 'out of memory' });

    const requeued = await waitFor(async () => {
      const current = await getTask(task.id);
      return current.status === 'queued' ? current : undefined;
    }, { description: 'the retry to be queued' });
    expect(requeued.attempt).toBe(2);
    const queued = (await eventsOf(task.id)).filter((event) => event.event_type === 'ains.task.queued.v1');
    expect(queued.at(-1)?.payload).toMatchObject({ attempt: 2, excludedAgentIds: [agentA] });

    await assign(task.id, 2, agentB);
    const stale = await call('POST', `/v1/tasks/${task.id}/complete`, { result: { late: true } }, agent(agentA));
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ detail: string }>().detail).toContain('reassigned');
    expect(await query(testEnv.databaseUrl, 'SELECT agent_id, report FROM task.rejected_reports WHERE task_id = $1', [task.id])).toEqual([{ agent_id: agentA, report: 'complete' }]);

    await call('POST', `/v1/tasks/${task.id}/start`, {}, agent(agentB));
    const final = await call('POST', `/v1/tasks/${task.id}/fail`, { error: 'bad input', retryable: false }, agent(agentB));
    expect(final.json()).toMatchObject({ status: 'failed', retry_at: null, result: null });
    expect((await getTask(dependent.id)).status).toBe('cancelled');
    expect((await getTask(task.id)).attempts.map((attempt) => [attempt.agent_id, attempt.outcome])).toEqual([[agentA, 'failed'], [agentB, 'failed']]);
  });

  it('dead-letters a task whose retries are exhausted', async () => {
    const agentA = randomUUID();
    const task = await createTask({ task_type: 'flaky', retry_policy: { max_attempts: 1 } });
    await assign(task.id, 1, agentA);
    await call('POST', `/v1/tasks/${task.id}/start`, {}, agent(agentA));
    const failed = await call('POST', `/v1/tasks/${task.id}/fail`, { error: 'boom' }, agent(agentA));
    expect(failed.json()).toMatchObject({ status: 'dead_lettered' });
    expect((await eventsOf(task.id)).slice(-2).map((event) => event.event_type)).toEqual(['ains.task.failed.v1', 'ains.task.dead_lettered.v1']);
    const retried = await call('POST', `/v1/tasks/${task.id}/retry`);
    expect(retried.json()).toMatchObject({ status: 'queued', attempt: 2 });
  });

  it('requeues the tasks of an agent that goes offline, excluding it', async () => {
    const agentA = randomUUID();
    const running = await createTask({ task_type: 'crawl' });
    const assigned = await createTask({ task_type: 'crawl' });
    await assign(running.id, 1, agentA);
    await assign(assigned.id, 1, agentA);
    await call('POST', `/v1/tasks/${running.id}/start`, {}, agent(agentA));

    await consumed(await publish('ains.agent.status_changed.v1', agentA, { agentId: agentA, status: 'offline', previousStatus: 'online', reason: 'missed heartbeats', changedAt: new Date().toISOString() }));
    for (const id of [running.id, assigned.id]) {
      const task = await getTask(id);
      expect(task).toMatchObject({ status: 'queued', attempt: 2, assigned_agent_id: null });
      expect(task.attempts).toMatchObject([{ agent_id: agentA, outcome: 'requeued' }]);
      expect((await eventsOf(id)).at(-1)?.payload).toMatchObject({ attempt: 2, excludedAgentIds: [agentA] });
    }
    expect((await call('POST', `/v1/tasks/${running.id}/complete`, {}, agent(agentA))).statusCode).toBe(409);
  });

  it('creates one task per schedule fire time, inline or from a template', async () => {
    const scheduleId = randomUUID();
    const fireTime = '2026-11-26T06:00:00.000Z';
    const fired = { scheduleId, clientId: client.clientId, runId: randomUUID(), fireTime, task: { task_type: 'nightly-report', priority: 4 }, templateId: null, overrides: null, firedAt: new Date().toISOString() };
    await consumed(await publish('ains.schedule.fired.v1', scheduleId, fired));
    await consumed(await publish('ains.schedule.fired.v1', scheduleId, { ...fired, runId: randomUUID() }));
    const tasks = await query(testEnv.databaseUrl, 'SELECT task_type, priority, status FROM task.tasks WHERE schedule_id = $1', [scheduleId]);
    expect(tasks).toEqual([{ task_type: 'nightly-report', priority: 4, status: 'queued' }]);

    const template = (await call('POST', '/v1/task-templates', { name: 'backup', task_type: 'backup', defaults: { input: { target: 's3' } } })).json<{ id: string }>();
    const templated = { ...fired, scheduleId: randomUUID(), task: null, templateId: template.id, overrides: { input: { full: true } } };
    await consumed(await publish('ains.schedule.fired.v1', templated.scheduleId, templated));
    await consumed(await publish('ains.schedule.fired.v1', templated.scheduleId, templated));
    const fromTemplate = await query(testEnv.databaseUrl, 'SELECT input, template_id FROM task.tasks WHERE schedule_id = $1', [templated.scheduleId]);
    expect(fromTemplate).toEqual([{ input: { target: 's3', full: true }, template_id: template.id }]);
    expect((await call('GET', `/v1/task-templates/${template.id}`)).json()).toMatchObject({ times_used: 1 });
  });

  it('runs a chain step by step, feeding each result into the next step', async () => {
    const agentA = randomUUID();
    const response = await call('POST', '/v1/task-chains', {
      name: 'etl',
      steps: [{ task_type: 'extract' }, { task_type: 'transform', input: { mode: 'strict' }, input_mapping: [{ target: 'rows', source: 'steps.0.result.rows' }] }],
    });
    const chain = response.json<{ id: string; steps: { task_id: string }[] }>();
    const runStep = async (taskId: string, result: Record<string, unknown>): Promise<void> => {
      await assign(taskId, 1, agentA);
      await call('POST', `/v1/tasks/${taskId}/start`, {}, agent(agentA));
      expect((await call('POST', `/v1/tasks/${taskId}/complete`, { result }, agent(agentA))).statusCode).toBe(200);
    };
    await runStep(chain.steps[0].task_id, { rows: [1, 2, 3] });
    const afterFirst = (await call('GET', `/v1/task-chains/${chain.id}`)).json<{ current_step: number; steps: { task_id: string; result: unknown }[] }>();
    expect(afterFirst.current_step).toBe(1);
    expect(afterFirst.steps[0].result).toEqual({ rows: [1, 2, 3] });
    const second = await getTask(afterFirst.steps[1].task_id);
    expect(second.input).toEqual({ mode: 'strict', rows: [1, 2, 3] });

    await runStep(second.id, { ok: true });
    expect((await call('GET', `/v1/task-chains/${chain.id}`)).json()).toMatchObject({ status: 'completed', steps: [{ status: 'completed' }, { status: 'completed', result: { ok: true } }] });
    expect((await eventsOf(chain.id)).map((event) => event.event_type)).toEqual(['ains.chain.started.v1', 'ains.chain.step_completed.v1', 'ains.chain.step_completed.v1', 'ains.chain.completed.v1']);
  });

  it('stops a chain at a failed step under the stop policy', async () => {
    const agentA = randomUUID();
    const chain = (await call('POST', '/v1/task-chains', { name: 'fragile', steps: [{ task_type: 'a', retry_policy: { max_attempts: 1 } }, { task_type: 'b' }] })).json<{ id: string; steps: { task_id: string }[] }>();
    const taskId = chain.steps[0].task_id;
    await assign(taskId, 1, agentA);
    await call('POST', `/v1/tasks/${taskId}/start`, {}, agent(agentA));
    await call('POST', `/v1/tasks/${taskId}/fail`, { error: 'nope', retryable: false }, agent(agentA));
    expect((await call('GET', `/v1/task-chains/${chain.id}`)).json()).toMatchObject({ status: 'failed', steps: [{ status: 'failed', error: 'nope' }, { task_id: null }] });
    expect((await eventsOf(chain.id)).at(-1)).toMatchObject({ event_type: 'ains.chain.failed.v1', payload: { stepIndex: 0, taskId, reason: 'step 0 ended failed: nope' } });
  });

  it('follows routing-service’s backpressure signal', async () => {
    await setBackpressure(true, 1);
    const refused = await waitFor(async () => {
      const response = await call('POST', '/v1/tasks', { task_type: 'x' });
      return response.statusCode === 503 ? response : undefined;
    }, { timeoutMs: 5_000, description: 'creation to be refused' });
    expect(refused.headers['retry-after']).toBe('3');
    await setBackpressure(false, 2);
    await waitFor(async () => (await call('POST', '/v1/tasks', { task_type: 'x' })).statusCode === 201, { timeoutMs: 5_000, description: 'creation to be accepted again' });
  });
});
