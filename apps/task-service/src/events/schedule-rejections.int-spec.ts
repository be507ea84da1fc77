import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Producer } from 'kafkajs';
import { EventCatalog, type EventData } from '@ains/contracts';
import { toKafkaHeaders } from '@ains/messaging';
import { loadConfig } from '@ains/platform';
import { createServiceApp } from '@ains/runtime';
import { callerHeaders, dropSchemas, ensureDatabase, query, serviceTestEnv, testCaller, testEnv, testKafka, waitFor } from '@ains/testing';
import { taskService, type TaskServiceSettings } from '../service';

type Fired = EventData<'ains.schedule.fired.v1'>;

/** A fired schedule whose task cannot be created is answered with a rejection, never a silent dead letter. */
describe('schedule fires that cannot create a task (task-service, real Postgres and Kafka)', () => {
  let app: NestFastifyApplication;
  let producer: Producer;
  const client = testCaller({ clientId: `client-${randomUUID()}` });

  const fired = (overrides: Partial<Fired>): Fired => ({
    scheduleId: randomUUID(),
    clientId: client.clientId,
    runId: randomUUID(),
    fireTime: '2026-11-26T06:00:00.000Z',
    task: null,
    templateId: null,
    overrides: null,
    firedAt: new Date().toISOString(),
    trigger: 'schedule',
    ...overrides,
  });

  /** Publishes the fired event, waits until the inbox took it, and returns what task-service answered. */
  async function fire(data: Fired): Promise<{ rejections: { payload: Record<string, unknown> }[]; tasks: unknown[] }> {
    const id = randomUUID();
    const headers = toKafkaHeaders({ specversion: '1.0', id, source: '/test', type: 'ains.schedule.fired.v1', time: new Date().toISOString(), subject: data.scheduleId, datacontenttype: 'application/json' });
    await producer.send({ topic: EventCatalog['ains.schedule.fired.v1'].topic, messages: [{ key: data.scheduleId, headers, value: JSON.stringify(data) }] });
    await waitFor(async () => (await query(testEnv.databaseUrl, 'SELECT 1 FROM task.inbox WHERE event_id = $1', [id])).length === 1, { description: 'the fired event to be consumed' });
    return {
      rejections: await query(testEnv.databaseUrl, "SELECT payload FROM task.outbox WHERE event_type = 'ains.task.creation_rejected.v1' AND message_key = $1", [data.scheduleId]),
      tasks: await query(testEnv.databaseUrl, 'SELECT id FROM task.tasks WHERE schedule_id = $1', [data.scheduleId]),
    };
  }

  beforeAll(async () => {
    await ensureDatabase(testEnv.databaseUrl);
    await dropSchemas(testEnv.databaseUrl, 'task');
    const config = loadConfig(taskService.config, serviceTestEnv()) as TaskServiceSettings;
    app = await createServiceApp({ ...taskService, name: `task-service-rejections-${randomUUID().slice(0, 8)}` }, config);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    producer = testKafka().producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await app?.close();
  });

  it('rejects a fire whose template does not exist, naming it', async () => {
    const data = fired({ templateId: randomUUID(), overrides: {} });
    const { rejections, tasks } = await fire(data);
    expect(tasks).toEqual([]);
    expect(rejections.map((row) => row.payload)).toEqual([
      expect.objectContaining({ clientId: client.clientId, scheduleId: data.scheduleId, runId: data.runId, fireTime: data.fireTime, reason: expect.stringContaining(String(data.templateId)) }),
    ]);
  });

  it('rejects a fire whose dependency does not exist', async () => {
    const missing = randomUUID();
    const { rejections, tasks } = await fire(fired({ task: { task_type: 'nightly', depends_on: [missing] } }));
    expect(tasks).toEqual([]);
    expect(rejections).toEqual([{ payload: expect.objectContaining({ reason: expect.stringContaining(missing) }) }]);
  });

  it('rejects a template whose defaults and overrides together are no valid task, keeping nothing of the attempt', async () => {
    const template = await app.inject({
      method: 'POST',
      url: '/v1/task-templates',
      headers: callerHeaders('POST', '/v1/task-templates', client),
      payload: { name: 'big', task_type: 'bulk', defaults: { input: { a: 'x'.repeat(40_000) } } },
    });
    expect(template.statusCode).toBe(201);
    const templateId = template.json<{ id: string }>().id;
    const { rejections, tasks } = await fire(fired({ templateId, overrides: { input: { b: 'y'.repeat(30_000) } } }));
    expect(tasks).toEqual([]);
    expect(rejections).toEqual([{ payload: expect.objectContaining({ reason: expect.stringContaining('input') }) }]);
    const [usage] = await query<{ times_used: number }>(testEnv.databaseUrl, 'SELECT times_used FROM task.task_templates WHERE id = $1', [templateId]);
    expect(usage.times_used).toBe(0);
  });

  it('still creates the task of a valid fire, and rejects nothing', async () => {
    const { rejections, tasks } = await fire(fired({ task: { task_type: 'nightly' } }));
    expect(tasks).toHaveLength(1);
    expect(rejections).toEqual([]);
  });
});
