import { randomUUID } from 'node:crypto';
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Producer } from 'kafkajs';
import { Client } from 'pg';
import { EventCatalog, type Caller } from '@ains/contracts';
import { toKafkaHeaders } from '@ains/messaging';
import { loadConfig } from '@ains/platform';
import { createServiceApp } from '@ains/runtime';
import { callerHeaders, dropSchemas, ensureDatabase, query, serviceTestEnv, testCaller, testEnv, testKafka, waitFor } from '@ains/testing';
import { taskService, type TaskServiceSettings } from '../service';
import { AssignmentStreams } from './assignment-streams.service';

interface Task {
  id: string;
  status: string;
  attempt: number;
  attempts: { attempt: number; agent_id: string; outcome: string | null; error: string | null }[];
}

interface AssignmentEvent {
  id: string;
  task: Task;
}

/** An open assignment stream read over a real connection: the events parsed as they arrive. */
class StreamReader {
  readonly events: AssignmentEvent[] = [];
  private buffer = '';

  constructor(
    readonly request: ClientRequest,
    readonly response: IncomingMessage,
  ) {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      this.buffer += chunk;
      let end: number;
      while ((end = this.buffer.indexOf('\n\n')) >= 0) {
        const block = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        const fields = Object.fromEntries(block.split('\n').filter((line) => !line.startsWith(':')).map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]));
        if (fields.event === 'assignment') this.events.push({ id: fields.id as string, task: JSON.parse(fields.data as string) as Task });
      }
    });
  }

  close(): void {
    this.request.destroy();
  }
}

describe('assignment streams (task-service, real Postgres and Kafka)', () => {
  let app: NestFastifyApplication;
  let producer: Producer;
  let port: number;
  const client = testCaller({ clientId: `client-${randomUUID()}` });
  const agent = (agentId: string): Caller => testCaller({ clientId: 'fleet-operator', keyId: `agent-key-${agentId}`, scopes: ['agent:work'], agentId });
  const call = (method: 'GET' | 'POST', url: string, payload?: unknown, caller: Caller = client) =>
    app.inject({ method, url, payload: payload as Record<string, unknown>, headers: callerHeaders(method, url, caller) });
  const getTask = async (id: string): Promise<Task> => (await call('GET', `/v1/tasks/${id}`)).json<Task>();
  const createTask = async (): Promise<Task> => (await call('POST', '/v1/tasks', { task_type: 'pushed' })).json<Task>();
  const consumed = (eventId: string) => waitFor(async () => (await query(testEnv.databaseUrl, 'SELECT 1 FROM task.inbox WHERE event_id = $1', [eventId])).length === 1, { description: `event ${eventId} to be consumed` });
  /** routing-service's decision, published as it would, and consumed. */
  const assign = async (taskId: string, agentId: string, attempt = 1): Promise<void> => {
    const id = randomUUID();
    const type = 'ains.routing.decided.v1';
    const headers = toKafkaHeaders({ specversion: '1.0', id, source: '/test', type, time: new Date().toISOString(), subject: taskId, datacontenttype: 'application/json' });
    const data = { taskId, clientId: client.clientId, agentId, attempt, strategy: 'least_loaded', candidateCount: 1, decidedAt: new Date().toISOString() };
    await producer.send({ topic: EventCatalog[type].topic, messages: [{ key: taskId, headers, value: JSON.stringify(data) }] });
    await consumed(id);
  };
  const startedEvents = async (taskId: string) => (await query(testEnv.databaseUrl, `SELECT 1 FROM task.outbox WHERE message_key = $1 AND event_type = 'ains.task.started.v1'`, [taskId])).length;

  const openStream = (agentId: string, slots: number, caller: Caller = agent(agentId)): Promise<StreamReader> => {
    const path = `/v1/agents/${agentId}/assignments?slots=${slots}`;
    return new Promise((resolve, reject) => {
      const request = httpRequest({ host: '127.0.0.1', port, path, headers: { accept: 'text/event-stream', ...callerHeaders('GET', path, caller) } }, (response) => resolve(new StreamReader(request, response)));
      request.on('error', reject);
      request.end();
    });
  };
  const connections = () => new Promise<number>((resolve, reject) => app.getHttpServer().getConnections((error, count) => (error ? reject(error) : resolve(count))));

  beforeAll(async () => {
    await ensureDatabase(testEnv.databaseUrl);
    await dropSchemas(testEnv.databaseUrl, 'task');
    const config = loadConfig(taskService.config, serviceTestEnv({ TASK_TIMER_INTERVAL_MS: '50' })) as TaskServiceSettings;
    app = await createServiceApp({ ...taskService, name: `task-service-int-${randomUUID().slice(0, 8)}` }, config);
    await app.listen(0, '127.0.0.1');
    port = (app.getHttpServer().address() as AddressInfo).port;
    producer = testKafka().producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await app?.close();
  });

  it('pushes an assignment to the open stream, started exactly once, without a claim', async () => {
    const agentId = randomUUID();
    const stream = await openStream(agentId, 2);
    expect(stream.response.statusCode).toBe(200);
    expect(stream.response.headers['content-type']).toMatch(/^text\/event-stream/);
    const task = await createTask();
    await assign(task.id, agentId);

    await waitFor(() => stream.events.length === 1, { description: 'the assignment to be pushed' });
    expect(stream.events[0]).toMatchObject({ id: `${task.id}:1`, task: { id: task.id, status: 'running', attempt: 1 } });
    expect(await getTask(task.id)).toMatchObject({ status: 'running', attempts: [{ attempt: 1, agent_id: agentId, outcome: null }] });
    expect(await startedEvents(task.id)).toBe(1);
    // Pushed is claimed: a long poll of the same agent gets nothing more.
    expect((await call('POST', `/v1/agents/${agentId}/claim`, { wait_ms: 0, start: true }, agent(agentId))).json()).toEqual({ data: [] });
    stream.close();
  });

  it('pushes no more than the free slots, and pushes again once an outcome is applied', async () => {
    const agentId = randomUUID();
    const stream = await openStream(agentId, 1);
    const [first, second] = [await createTask(), await createTask()];
    await assign(first.id, agentId);
    await assign(second.id, agentId);
    await waitFor(() => stream.events.length === 1, { description: 'one assignment to be pushed' });
    const pushedFirst = stream.events[0]?.task.id as string;
    const other = pushedFirst === first.id ? second.id : first.id;
    expect((await getTask(other)).status).toBe('assigned');

    const completed = await call('POST', `/v1/agents/${agentId}/reports`, { reports: [{ task_id: pushedFirst, type: 'complete', result: {} }] }, agent(agentId));
    expect(completed.json()).toMatchObject({ data: [{ status: 200, outcome: 'applied' }] });
    await waitFor(() => stream.events.length === 2, { description: 'the second assignment once a slot is free' });
    expect(stream.events[1]?.task).toMatchObject({ id: other, status: 'running' });
    expect(await startedEvents(other)).toBe(1);
    stream.close();
  });

  it('refuses a key of another agent (403) and ends the older stream of an agent that connects again', async () => {
    const agentId = randomUUID();
    const path = `/v1/agents/${agentId}/assignments`;
    expect((await app.inject({ method: 'GET', url: path, headers: callerHeaders('GET', path, agent(randomUUID())) })).statusCode).toBe(403);

    const older = await openStream(agentId, 1);
    const ended = new Promise<void>((resolve) => older.response.once('end', resolve));
    const newer = await openStream(agentId, 1);
    await ended;
    const task = await createTask();
    await assign(task.id, agentId);
    await waitFor(() => newer.events.length === 1, { description: 'the assignment on the newer stream' });
    expect(older.events).toEqual([]);
    newer.close();
  });

  it('queues a task again at once when its stream closed before the task could be sent', async () => {
    const agentId = randomUUID();
    const task = await createTask();
    await assign(task.id, agentId);
    // Holds the attempt row, so the stream's claim-and-start waits on it while its client leaves.
    const blocker = new Client({ connectionString: testEnv.databaseUrl });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('SELECT 1 FROM task.task_attempts WHERE task_id = $1 FOR UPDATE', [task.id]);
      const before = await connections();
      const stream = await openStream(agentId, 1);
      const blockerPid = (await blocker.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid;
      await waitFor(async () => ((await blocker.query('SELECT 1 FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))', [blockerPid])).rowCount ?? 0) > 0, { description: 'the stream to be starting the task' });
      stream.close();
      await waitFor(async () => (await connections()) < before + 1, { description: 'the server to see the client gone' });
      await blocker.query('COMMIT');
    } finally {
      await blocker.end();
    }

    const released = await waitFor(async () => {
      const current = await getTask(task.id);
      return current.attempt === 2 ? current : undefined;
    }, { description: 'the undelivered task to be queued again' });
    expect(released.status).toBe('queued');
    expect(released.attempts).toMatchObject([{ attempt: 1, agent_id: agentId, outcome: 'requeued', error: 'the assignment stream closed before the task was delivered' }]);
  });

  // Last: it begins the service's shutdown.
  it('refuses a stream asked for once shutdown has begun (503), which nothing would end and which would hold the server open', async () => {
    app.get(AssignmentStreams).beforeApplicationShutdown();
    const agentId = randomUUID();
    const path = `/v1/agents/${agentId}/assignments`;
    const refused = await app.inject({ method: 'GET', url: path, headers: callerHeaders('GET', path, agent(agentId)) });
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.headers['retry-after']).toBe('1');
  });
});
