import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Topics, type EventType, type ScheduleRunView, type ScheduleView } from '@ains/contracts';
import { toKafkaHeaders } from '@ains/messaging';
import { loadConfig } from '@ains/platform';
import { createServiceApp } from '@ains/runtime';
import { callerHeaders, dropSchemas, ensureDatabase, query, serviceTestEnv, testCaller, testEnv, testKafka, waitFor } from '@ains/testing';
import { schedulerService, type SchedulerServiceSettings } from '../service';

const caller = testCaller({ clientId: `client-${randomUUID().slice(0, 8)}` });

describe('run statistics from task events (scheduler-service, real Postgres and Kafka)', () => {
  let app: NestFastifyApplication;

  async function call<T>(method: 'GET' | 'POST', url: string, payload?: object): Promise<T> {
    const response = await app.inject({ method, url, headers: callerHeaders(method, url, caller), payload });
    expect(response.statusCode).toBeLessThan(300);
    return response.json<T>();
  }

  /** Task events as task-service publishes them; one key keeps them in order on one partition. */
  async function publishTaskEvents(key: string, events: { type: EventType; data: Record<string, unknown>; id?: string }[]): Promise<void> {
    const producer = testKafka().producer();
    await producer.connect();
    try {
      await producer.send({
        topic: Topics.task,
        messages: events.map((event) => ({
          key,
          headers: toKafkaHeaders({ specversion: '1.0', id: event.id ?? randomUUID(), source: '/task-service', type: event.type, time: new Date().toISOString(), subject: String(event.data['taskId'] ?? event.data['scheduleId']), datacontenttype: 'application/json' }),
          value: JSON.stringify(event.data),
        })),
      });
    } finally {
      await producer.disconnect();
    }
  }

  const taskRef = (taskId: string) => ({ taskId, clientId: caller.clientId, taskType: 'tick' });
  /**
   * Events that end a task name the schedule that created it; the consumer skips the others unread.
   * Which schedule does not matter to it (the task's run is found by task id), only that there is one.
   */
  const endRef = (taskId: string, scheduleId: string | null = randomUUID()) => ({ ...taskRef(taskId), scheduleId });
  const created = (taskId: string, scheduleId: string) => ({
    type: 'ains.task.created.v1' as const,
    data: { ...taskRef(taskId), priority: 5, status: 'queued', dependsOn: [], chainId: null, scheduleId, createdAt: new Date().toISOString() },
  });
  const completed = (taskId: string, durationMs: number, scheduleId?: string | null) => ({
    type: 'ains.task.completed.v1' as const,
    data: { ...endRef(taskId, scheduleId), agentId: randomUUID(), attempt: 1, durationMs, completedAt: new Date().toISOString() },
  });
  const failed = (taskId: string, willRetry: boolean) => ({
    type: 'ains.task.failed.v1' as const,
    data: { ...endRef(taskId), agentId: randomUUID(), attempt: 1, error: 'boom', retryable: willRetry, willRetry, failedAt: new Date().toISOString() },
  });
  const deadLettered = (taskId: string) => ({
    type: 'ains.task.dead_lettered.v1' as const,
    data: { ...endRef(taskId), agentId: null, attempts: 3, lastError: 'boom', deadLetteredAt: new Date().toISOString() },
  });

  /**
   * The task each run was linked to. A task-service running elsewhere on the shared broker may
   * create the task from the fired event before this test's own created event arrives; whichever
   * comes first is the run's task, so terminal events are sent for the task actually linked.
   */
  async function linkedTasks(runIds: string[]): Promise<string[]> {
    return waitFor(
      async () => {
        const rows = await query<{ id: string; task_id: string | null }>(testEnv.databaseUrl, 'SELECT id, task_id FROM scheduler.schedule_runs WHERE id = ANY($1)', [runIds]);
        const byRun = new Map(rows.map((row) => [row.id, row.task_id]));
        const tasks = runIds.map((id) => byRun.get(id));
        return tasks.every((task): task is string => typeof task === 'string') ? tasks : undefined;
      },
      { description: 'the runs to be linked to their tasks' },
    );
  }

  beforeAll(async () => {
    await ensureDatabase(testEnv.databaseUrl);
    await dropSchemas(testEnv.databaseUrl, 'scheduler');
    const config = loadConfig(schedulerService.config, serviceTestEnv({ SCHEDULER_TICK_INTERVAL_MS: '50', SCHEDULER_MIN_INTERVAL_SECONDS: '1' })) as SchedulerServiceSettings;
    app = await createServiceApp({ ...schedulerService, name: `scheduler-service-outcomes-${randomUUID().slice(0, 8)}` }, config);
    await app.init();
    await caughtUpWithTheTaskTopic();
  }, 240_000);

  /**
   * The new consumer group starts at the beginning of the shared task topic, which other suites
   * have filled; a fence on every partition tells when it has read everything published before.
   */
  async function caughtUpWithTheTaskTopic(): Promise<void> {
    const kafka = testKafka();
    const admin = kafka.admin();
    await admin.connect();
    const partitions = (await admin.fetchTopicOffsets(Topics.task)).map((offset) => offset.partition);
    await admin.disconnect();
    const fences = partitions.map(() => randomUUID());
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: Topics.task,
      messages: partitions.map((partition, i) => {
        const event = completed(randomUUID(), 1);
        const headers = toKafkaHeaders({ specversion: '1.0', id: fences[i], source: '/test', type: event.type, time: new Date().toISOString(), subject: event.data.taskId, datacontenttype: 'application/json' });
        return { partition, headers, value: JSON.stringify(event.data) };
      }),
    });
    await producer.disconnect();
    await waitFor(async () => (await query(testEnv.databaseUrl, 'SELECT 1 FROM scheduler.inbox WHERE event_id = ANY($1)', [fences])).length === fences.length, {
      timeoutMs: 200_000,
      intervalMs: 500,
      description: 'the consumer to catch up with the task topic',
    });
  }

  afterAll(() => app?.close());

  it('counts each run once by its first terminal outcome, ignoring retries and later events', async () => {
    const schedule = await call<ScheduleView>('POST', '/v1/schedules', { name: 'stats', cron_expression: '0 3 * * *', task: { task_type: 'tick' }, active: false });
    const first = await call<ScheduleRunView>('POST', `/v1/schedules/${schedule.id}/trigger`);
    const second = await call<ScheduleRunView>('POST', `/v1/schedules/${schedule.id}/trigger`);
    const strangerTask = randomUUID();
    await publishTaskEvents(schedule.id, [
      created(randomUUID(), schedule.id),
      created(randomUUID(), schedule.id),
      { ...created(strangerTask, schedule.id), data: { ...created(strangerTask, schedule.id).data, scheduleId: null } },
    ]);
    const [taskA, taskB] = await linkedTasks([first.id, second.id]);
    const completedA = { ...completed(taskA, 1_200), id: randomUUID() };
    await publishTaskEvents(schedule.id, [
      completedA,
      completedA, // redelivered: the inbox drops it
      failed(taskB, true), // will be retried: not an outcome yet
      failed(taskB, false),
      deadLettered(taskB), // the same task again: already counted
      completed(strangerTask, 50, null), // not a scheduled task: skipped unread
    ]);

    const view = await waitFor(
      async () => {
        const current = await call<ScheduleView>('GET', `/v1/schedules/${schedule.id}`);
        return current.stats.successes + current.stats.failures === 2 ? current : undefined;
      },
      { description: 'both outcomes to be counted' },
    );
    // A fence behind the last event on the same partition: once it is in, every earlier event was seen.
    const fence = randomUUID();
    await publishTaskEvents(schedule.id, [{ ...completed(randomUUID(), 1), id: fence }]);
    await waitFor(async () => (await query(testEnv.databaseUrl, 'SELECT 1 FROM scheduler.inbox WHERE event_id = $1', [fence])).length === 1, { description: 'the fence event' });

    const final = await call<ScheduleView>('GET', `/v1/schedules/${schedule.id}`);
    expect(final.stats).toEqual({ ...view.stats, runs: 2, successes: 1, failures: 1, skipped: 0, last_outcome: 'failed', average_duration_ms: 1_200 });
    const runs = await call<{ data: ScheduleRunView[] }>('GET', `/v1/schedules/${schedule.id}/runs`);
    expect(runs.data).toEqual([
      expect.objectContaining({ id: second.id, task_id: taskB, status: 'failed', outcome: 'failed', duration_ms: null }),
      expect.objectContaining({ id: first.id, task_id: taskA, status: 'completed', outcome: 'completed', duration_ms: 1_200 }),
    ]);
  });

  it('fails a run whose task could not be created, with the reason, once, counted and announced', async () => {
    const schedule = await call<ScheduleView>('POST', '/v1/schedules', { name: 'rejected', cron_expression: '0 3 * * *', template_id: randomUUID(), active: false });
    const run = await call<ScheduleRunView>('POST', `/v1/schedules/${schedule.id}/trigger`);
    const rejected = {
      type: 'ains.task.creation_rejected.v1' as const,
      id: randomUUID(),
      data: { clientId: caller.clientId, scheduleId: schedule.id, runId: run.id, fireTime: run.fire_time, reason: `Task template ${schedule.template_id} was not found.`, rejectedAt: new Date().toISOString() },
    };
    // Redelivered, and once more under another event id: the run changes once.
    await publishTaskEvents(schedule.id, [rejected, rejected, { ...rejected, id: randomUUID() }]);
    const fence = randomUUID();
    await publishTaskEvents(schedule.id, [{ ...completed(randomUUID(), 1), id: fence }]);
    await waitFor(async () => (await query(testEnv.databaseUrl, 'SELECT 1 FROM scheduler.inbox WHERE event_id = $1', [fence])).length === 1, { description: 'the fence event' });

    const runs = await call<{ data: ScheduleRunView[] }>('GET', `/v1/schedules/${schedule.id}/runs`);
    expect(runs.data).toEqual([
      expect.objectContaining({ id: run.id, status: 'failed', outcome: 'task_not_created', task_id: null, failure_reason: rejected.data.reason, finished_at: expect.any(String) }),
    ]);
    const view = await call<ScheduleView>('GET', `/v1/schedules/${schedule.id}`);
    expect(view.stats).toMatchObject({ runs: 1, successes: 0, failures: 1, last_outcome: 'task_not_created' });
    const announced = await query<{ payload: Record<string, unknown> }>(testEnv.databaseUrl, "SELECT payload FROM scheduler.outbox WHERE event_type = 'ains.schedule.run_failed.v1' AND message_key = $1", [schedule.id]);
    expect(announced.map((row) => row.payload)).toEqual([
      expect.objectContaining({ scheduleId: schedule.id, clientId: caller.clientId, runId: run.id, outcome: 'task_not_created', reason: rejected.data.reason }),
    ]);
  });

  it('links each created task to the run of its fire time, whatever order the tasks are created in', async () => {
    const schedule = await call<ScheduleView>('POST', '/v1/schedules', { name: 'exact links', cron_expression: '0 3 * * *', task: { task_type: 'tick' }, overlap_policy: 'allow', active: false });
    const first = await call<ScheduleRunView>('POST', `/v1/schedules/${schedule.id}/trigger`);
    const second = await call<ScheduleRunView>('POST', `/v1/schedules/${schedule.id}/trigger`);
    const forFirst = randomUUID();
    const forSecond = randomUUID();
    const createdFor = (taskId: string, run: ScheduleRunView) => ({ type: 'ains.task.created.v1' as const, data: { ...created(taskId, schedule.id).data, scheduleFireTime: run.fire_time } });

    // The later run's task first: linking by arrival order would swap them.
    await publishTaskEvents(schedule.id, [createdFor(forSecond, second), createdFor(forFirst, first)]);

    expect(await linkedTasks([first.id, second.id])).toEqual([forFirst, forSecond]);
  });

  it('overlap skip: fire times are skipped while the previous run is open, and fire again once it ended', async () => {
    const schedule = await call<ScheduleView>('POST', '/v1/schedules', { name: 'overlap', cron_expression: '* * * * * *', task: { task_type: 'tick' }, overlap_policy: 'skip', active: false });
    const open = await call<ScheduleRunView>('POST', `/v1/schedules/${schedule.id}/trigger`);
    await call('POST', `/v1/schedules/${schedule.id}/resume`);
    const statuses = async () => (await call<{ data: ScheduleRunView[] }>('GET', `/v1/schedules/${schedule.id}/runs?limit=200`)).data;

    await waitFor(async () => (await statuses()).some((run) => run.status === 'skipped'), { description: 'a skipped fire time' });
    expect((await statuses()).filter((run) => run.status === 'fired' && run.trigger === 'schedule')).toEqual([]);

    await publishTaskEvents(schedule.id, [created(randomUUID(), schedule.id)]);
    const [taskId] = await linkedTasks([open.id]);
    await publishTaskEvents(schedule.id, [completed(taskId, 10)]);
    await waitFor(async () => (await statuses()).some((run) => run.trigger === 'schedule' && run.status === 'fired'), { description: 'the schedule to fire again' });
    await call('POST', `/v1/schedules/${schedule.id}/pause`);
    const runs = await statuses();
    expect(runs.find((run) => run.id === open.id)).toMatchObject({ status: 'completed', task_id: taskId });
    const view = await call<ScheduleView>('GET', `/v1/schedules/${schedule.id}`);
    expect(view.stats.skipped).toBe(runs.filter((run) => run.status === 'skipped').length);
  });
});
