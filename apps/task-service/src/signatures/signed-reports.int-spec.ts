import { generateKeyPairSync, randomUUID, sign, verify, type KeyObject } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Producer } from 'kafkajs';
import { EventCatalog, type Caller, type EventData, type EventType } from '@ains/contracts';
import { toKafkaHeaders, TransactionRunner } from '@ains/messaging';
import { loadConfig } from '@ains/platform';
import { createServiceApp } from '@ains/runtime';
import { reportSigningBytes, type SignedReport } from '@ains/sdk';
import { callerHeaders, dropSchemas, ensureDatabase, query, serviceTestEnv, testCaller, testEnv, testKafka, waitFor } from '@ains/testing';
import { taskService, type TaskServiceSettings } from '../service';
import { TaskLifecycle } from '../tasks/task-lifecycle.service';

interface Signature {
  algorithm: string;
  value: string;
  public_key: string;
  key_fingerprint: string;
  report: 'complete' | 'fail';
  retryable: boolean | null;
}
interface Task {
  id: string;
  status: string;
  attempt: number;
  result: Record<string, unknown> | null;
  attempts: { attempt: number; outcome: string | null; error: string | null; signature: Signature | null }[];
}
interface Problem {
  status: number;
  type: string;
  errors?: { field: string }[];
}
interface ReportResult {
  index: number;
  status: number;
  outcome: string;
  problem?: Problem;
}

interface AgentKeys {
  privateKey: KeyObject;
  publicKey: string;
}
const newKeys = (): AgentKeys => {
  const pair = generateKeyPairSync('ed25519');
  return { privateKey: pair.privateKey, publicKey: pair.publicKey.export({ format: 'jwk' }).x as string };
};
const signed = (keys: AgentKeys, report: SignedReport) => sign(null, reportSigningBytes(report), keys.privateKey).toString('base64url');

/** Signed complete and fail reports against real Postgres, with agents' keys arriving as agent-service's events through Kafka. */
describe('signed reports (task-service, real Postgres and Kafka)', () => {
  let app: NestFastifyApplication;
  let producer: Producer;
  const client = testCaller({ clientId: `signed-${randomUUID()}` });
  const agentCaller = (agentId: string): Caller => testCaller({ clientId: 'fleet-operator', keyId: `agent-key-${agentId}`, scopes: ['agent:work'], agentId });

  const call = (url: string, payload: unknown, caller: Caller) => app.inject({ method: 'POST', url, payload: payload as Record<string, unknown>, headers: callerHeaders('POST', url, caller) });
  const getTask = async (id: string): Promise<Task> => (await app.inject({ method: 'GET', url: `/v1/tasks/${id}`, headers: callerHeaders('GET', `/v1/tasks/${id}`, client) })).json<Task>();

  async function publish<T extends EventType>(type: T, subject: string, data: EventData<T>): Promise<void> {
    const id = randomUUID();
    const headers = toKafkaHeaders({ specversion: '1.0', id, source: '/test', type, time: new Date().toISOString(), subject, datacontenttype: 'application/json' });
    await producer.send({ topic: EventCatalog[type].topic, messages: [{ key: subject, headers, value: JSON.stringify(data) }] });
    await waitFor(async () => (await query(testEnv.databaseUrl, 'SELECT 1 FROM task.inbox WHERE event_id = $1', [id])).length === 1, { description: `${type} to be consumed` });
  }
  const profile = (agentId: string, publicKey: string | null) => ({ agentId, displayName: 'signer', tags: [], capabilities: [], maxConcurrency: 4, publicKey });
  const registered = (agentId: string, publicKey: string | null, at = new Date()) => publish('ains.agent.registered.v1', agentId, { ...profile(agentId, publicKey), status: 'online', registeredAt: at.toISOString() });
  const updated = (agentId: string, publicKey: string | null, at = new Date()) => publish('ains.agent.updated.v1', agentId, { ...profile(agentId, publicKey), updatedAt: at.toISOString() });

  /** Tasks assigned to the agent (attempt 1) and started by its claim. */
  async function runningTasks(agentId: string, count: number): Promise<string[]> {
    const created = await call('/v1/tasks/batch', { tasks: Array.from({ length: count }, () => ({ task_type: 'signed', retry_policy: { max_attempts: 3, backoff_base_ms: 600_000 } })) }, client);
    expect(created.statusCode).toBe(201);
    const ids = created.json<{ data: { id: string }[] }>().data.map((task) => task.id);
    const lifecycle = app.get(TaskLifecycle);
    await app.get(TransactionRunner).run(async (manager) => {
      await lifecycle.assignAll(manager, ids.map((id) => ({ clientId: client.clientId, taskId: id, attempt: 1, agentId, strategy: 'least_loaded', candidateCount: 1 })));
    });
    expect((await call(`/v1/agents/${agentId}/claim`, { max_tasks: count, wait_ms: 0, start: true }, agentCaller(agentId))).json<{ data: unknown[] }>().data).toHaveLength(count);
    return ids;
  }
  const complete = (agentId: string, taskId: string, body: Record<string, unknown>) => call(`/v1/tasks/${taskId}/complete`, body, agentCaller(agentId));
  const fail = (agentId: string, taskId: string, body: Record<string, unknown>) => call(`/v1/tasks/${taskId}/fail`, body, agentCaller(agentId));
  const expectRefused = (response: Awaited<ReturnType<typeof call>>, status: number, type: string) => {
    expect({ status: response.statusCode, type: response.json<Problem>().type }).toEqual({ status, type: expect.stringContaining(type) });
    expect(response.headers['content-type']).toContain('application/problem+json');
  };

  beforeAll(async () => {
    await ensureDatabase(testEnv.databaseUrl);
    await dropSchemas(testEnv.databaseUrl, 'task');
    const config = loadConfig(taskService.config, serviceTestEnv({ TASK_TIMER_INTERVAL_MS: '60000' })) as TaskServiceSettings;
    // A consumer group of its own, so this suite does not compete with other runs for the topics.
    app = await createServiceApp({ ...taskService, name: `task-service-int-${randomUUID().slice(0, 8)}` }, config);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    producer = testKafka().producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await app?.close();
  });

  it('accepts a signed result, keeps the signature with the attempt, and it verifies afterwards with the public key', async () => {
    const agentId = randomUUID();
    const keys = newKeys();
    await registered(agentId, keys.publicKey);
    const [taskId] = await runningTasks(agentId, 1);
    const result = { summary: 'Hello, agents.', scores: [0.5, 1e21, -0], nested: { 'ü': true, a: null } };

    const response = await complete(agentId, taskId, { result, signature: signed(keys, { type: 'complete', taskId, attempt: 1, result }) });
    expect(response.statusCode).toBe(200);

    const task = await getTask(taskId);
    expect(task.status).toBe('completed');
    const signature = task.attempts[0].signature as Signature;
    expect(signature).toMatchObject({ algorithm: 'ed25519', public_key: keys.publicKey, report: 'complete', retryable: null, key_fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // Anyone holding the public key can check the stored result against the stored signature.
    const publicKey = { key: { kty: 'OKP', crv: 'Ed25519', x: signature.public_key }, format: 'jwk' as const };
    const bytes = reportSigningBytes({ type: 'complete', taskId, attempt: task.attempts[0].attempt, result: task.result ?? {} });
    expect(verify(null, bytes, publicKey, Buffer.from(signature.value, 'base64url'))).toBe(true);
    expect(verify(null, reportSigningBytes({ type: 'complete', taskId, attempt: 1, result: { ...result, summary: 'forged' } }), publicKey, Buffer.from(signature.value, 'base64url'))).toBe(false);
  });

  it('refuses a tampered result, a signature for another attempt or by another key, and a missing signature, applying none', async () => {
    const agentId = randomUUID();
    const keys = newKeys();
    await registered(agentId, keys.publicKey);
    const [taskId] = await runningTasks(agentId, 1);
    const result = { answer: 42 };

    expectRefused(await complete(agentId, taskId, { result: { answer: 43 }, signature: signed(keys, { type: 'complete', taskId, attempt: 1, result }) }), 422, 'signature-invalid');
    expectRefused(await complete(agentId, taskId, { result, signature: signed(keys, { type: 'complete', taskId, attempt: 2, result }) }), 422, 'signature-invalid');
    expectRefused(await complete(agentId, taskId, { result, signature: signed(newKeys(), { type: 'complete', taskId, attempt: 1, result }) }), 422, 'signature-invalid');
    expectRefused(await complete(agentId, taskId, { result, signature: signed(keys, { type: 'fail', taskId, attempt: 1, error: JSON.stringify(result), retryable: true }) }), 422, 'signature-invalid');
    const missing = await complete(agentId, taskId, { result });
    expectRefused(missing, 422, 'signature-required');
    expect(missing.json<Problem>().errors?.map((error) => error.field)).toEqual(['signature']);
    expectRefused(await fail(agentId, taskId, { error: 'broken', retryable: false }), 422, 'signature-required');
    expectRefused(await fail(agentId, taskId, { error: 'broken', retryable: false, signature: signed(keys, { type: 'fail', taskId, attempt: 1, error: 'broken', retryable: true }) }), 422, 'signature-invalid');
    expect((await complete(agentId, taskId, { result, signature: 'A'.repeat(85) })).statusCode).toBe(400);

    const untouched = await getTask(taskId);
    expect({ status: untouched.status, result: untouched.result, outcome: untouched.attempts[0].outcome }).toEqual({ status: 'running', result: null, outcome: null });
    const events = await query(testEnv.databaseUrl, "SELECT 1 FROM task.outbox WHERE message_key = $1 AND event_type IN ('ains.task.completed.v1', 'ains.task.failed.v1')", [taskId]);
    expect(events).toEqual([]);

    expect((await complete(agentId, taskId, { result, signature: signed(keys, { type: 'complete', taskId, attempt: 1, result }) })).statusCode).toBe(200);
  });

  it('keeps a signed failure, retryable flag included, with its attempt', async () => {
    const agentId = randomUUID();
    const keys = newKeys();
    await registered(agentId, keys.publicKey);
    const [taskId] = await runningTasks(agentId, 1);
    const response = await fail(agentId, taskId, { error: 'input unreadable', retryable: false, signature: signed(keys, { type: 'fail', taskId, attempt: 1, error: 'input unreadable', retryable: false }) });
    expect(response.statusCode).toBe(200);
    const attempt = (await getTask(taskId)).attempts[0];
    expect(attempt).toMatchObject({ outcome: 'failed', error: 'input unreadable', signature: { report: 'fail', retryable: false, public_key: keys.publicKey } });
    const bytes = reportSigningBytes({ type: 'fail', taskId, attempt: 1, error: attempt.error as string, retryable: attempt.signature?.retryable as boolean });
    expect(verify(null, bytes, { key: { kty: 'OKP', crv: 'Ed25519', x: keys.publicKey }, format: 'jwk' }, Buffer.from(attempt.signature?.value as string, 'base64url'))).toBe(true);
  });

  it('leaves agents without a key as they were, and asks a signed report of an agent whose key is not known yet to come back', async () => {
    const keyless = randomUUID();
    await registered(keyless, null);
    const neverSeen = randomUUID();
    const [a] = await runningTasks(keyless, 1);
    const [b] = await runningTasks(neverSeen, 1);
    expect((await complete(keyless, a, { result: { ok: true } })).statusCode).toBe(200);
    expect((await fail(neverSeen, b, { error: 'nope', retryable: false })).statusCode).toBe(200);
    expect((await getTask(a)).attempts[0].signature).toBeNull();
    expect((await getTask(b)).attempts[0].signature).toBeNull();

    const early = randomUUID();
    const keys = newKeys();
    const [c] = await runningTasks(early, 1);
    const body = { result: {}, signature: signed(keys, { type: 'complete', taskId: c, attempt: 1, result: {} }) };
    const tooEarly = await complete(early, c, body);
    expectRefused(tooEarly, 503, 'service-unavailable');
    expect(tooEarly.headers['retry-after']).toBe('1');
    await registered(early, keys.publicKey);
    expect((await complete(early, c, body)).statusCode).toBe(200);
  });

  it('answers a batch with good and bad signatures item by item, applying only the good ones', async () => {
    const agentId = randomUUID();
    const keys = newKeys();
    await registered(agentId, keys.publicKey);
    const [good, tampered, unsigned, goodFail, otherKey] = await runningTasks(agentId, 5);
    const result = { rows: 7 };
    const response = await call(
      `/v1/agents/${agentId}/reports`,
      {
        reports: [
          { task_id: good, type: 'complete', result, signature: signed(keys, { type: 'complete', taskId: good, attempt: 1, result }) },
          { task_id: tampered, type: 'complete', result: { rows: 8 }, signature: signed(keys, { type: 'complete', taskId: tampered, attempt: 1, result }) },
          { task_id: unsigned, type: 'complete', result },
          { task_id: goodFail, type: 'fail', error: 'disk full', retryable: true, signature: signed(keys, { type: 'fail', taskId: goodFail, attempt: 1, error: 'disk full', retryable: true }) },
          { task_id: otherKey, type: 'fail', error: 'disk full', retryable: true, signature: signed(newKeys(), { type: 'fail', taskId: otherKey, attempt: 1, error: 'disk full', retryable: true }) },
          { task_id: good, type: 'progress', progress: {} },
        ],
      },
      agentCaller(agentId),
    );
    expect(response.statusCode).toBe(200);
    const answers = response.json<{ data: ReportResult[] }>().data;
    expect(answers.map((answer) => [answer.status, answer.outcome, answer.problem?.type.split('/').pop() ?? null])).toEqual([
      [200, 'applied', null],
      [422, 'refused', 'signature-invalid'],
      [422, 'refused', 'signature-required'],
      [200, 'applied', null],
      [422, 'refused', 'signature-invalid'],
      [409, 'refused', 'stale-report'],
    ]);
    const statuses = await Promise.all([good, tampered, unsigned, goodFail, otherKey].map(async (id) => (await getTask(id)).status));
    expect(statuses).toEqual(['completed', 'running', 'running', 'failed', 'running']);
    expect((await getTask(good)).attempts[0].signature?.report).toBe('complete');
    expect((await getTask(goodFail)).attempts[0].signature).toMatchObject({ report: 'fail', retryable: true });
  });

  it('verifies with the key current when the report arrives: after a rotation the old key is refused, and a late older event changes nothing', async () => {
    const agentId = randomUUID();
    const before = newKeys();
    const after = newKeys();
    const registeredAt = new Date(Date.now() - 60_000);
    await registered(agentId, before.publicKey, registeredAt);
    await updated(agentId, after.publicKey);
    // The registration delivered again, late: older than the rotation, so the rotated-out key stays out.
    await registered(agentId, before.publicKey, registeredAt);
    const [taskId] = await runningTasks(agentId, 1);
    const result = { rotated: true };
    expectRefused(await complete(agentId, taskId, { result, signature: signed(before, { type: 'complete', taskId, attempt: 1, result }) }), 422, 'signature-invalid');
    expect((await complete(agentId, taskId, { result, signature: signed(after, { type: 'complete', taskId, attempt: 1, result }) })).statusCode).toBe(200);
    expect((await getTask(taskId)).attempts[0].signature?.public_key).toBe(after.publicKey);
  });
});
