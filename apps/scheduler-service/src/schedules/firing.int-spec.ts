import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Topics, type ScheduleView } from '@ains/contracts';
import { loadConfig } from '@ains/platform';
import { createServiceApp } from '@ains/runtime';
import { TopicRecorder, callerHeaders, dropSchemas, ensureDatabase, query, serviceTestEnv, testCaller, testEnv, waitFor } from '@ains/testing';
import { schedulerService, type SchedulerServiceSettings } from '../service';

/** Every-second schedules need a 1 s minimum interval; a short misfire threshold keeps the downtime test quick. */
const config = loadConfig(
  schedulerService.config,
  serviceTestEnv({ SCHEDULER_TICK_INTERVAL_MS: '50', SCHEDULER_MIN_INTERVAL_SECONDS: '1', SCHEDULER_MISFIRE_THRESHOLD_SECONDS: '5' }),
) as SchedulerServiceSettings;
const replicaName = `scheduler-service-firing-${randomUUID().slice(0, 8)}`;
const caller = testCaller({ clientId: `client-${randomUUID().slice(0, 8)}` });

async function startReplica(settings = config): Promise<NestFastifyApplication> {
  const app = await createServiceApp({ ...schedulerService, name: replicaName }, settings);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

async function createSchedule(app: NestFastifyApplication, body: object): Promise<ScheduleView> {
  const response = await app.inject({ method: 'POST', url: '/v1/schedules', headers: callerHeaders('POST', '/v1/schedules', caller), payload: { name: 'firing', task: { task_type: 'tick' }, ...body } });
  expect(response.statusCode).toBe(201);
  return response.json<ScheduleView>();
}

interface RunRow {
  fire_time: Date;
  status: string;
  missed_since: Date | null;
}

const runsOf = (scheduleId: string) =>
  query<RunRow>(testEnv.databaseUrl, 'SELECT fire_time, status, missed_since FROM scheduler.schedule_runs WHERE schedule_id = $1 ORDER BY fire_time', [scheduleId]);

describe('firing schedules (scheduler-service, real Postgres and Kafka)', () => {
  let recorder: TopicRecorder;

  beforeAll(async () => {
    await ensureDatabase(testEnv.databaseUrl);
    await dropSchemas(testEnv.databaseUrl, 'scheduler');
    recorder = await new TopicRecorder([Topics.schedule]).start();
  });

  afterAll(() => recorder?.stop());

  it('wakes every replica when a schedule is created, instead of waiting out the tick interval', async () => {
    // A tick far longer than the test: only the schedules table's announcement can wake the loops.
    const slowTicks = loadConfig(schedulerService.config, serviceTestEnv({ SCHEDULER_TICK_INTERVAL_MS: '300000', SCHEDULER_MIN_INTERVAL_SECONDS: '1' })) as SchedulerServiceSettings;
    const replicas = [await startReplica(slowTicks), await startReplica(slowTicks)];
    try {
      const start = new Date(Math.ceil(Date.now() / 1_000) * 1_000 + 2_000);
      const schedule = await createSchedule(replicas[0], { cron_expression: '* * * * * *', start_at: start.toISOString(), end_at: new Date(start.getTime() + 1_000).toISOString() });
      const runs = await waitFor(async () => ((await runsOf(schedule.id)).length === 2 ? runsOf(schedule.id) : undefined), { timeoutMs: 30_000, description: 'both fire times' });
      expect(runs.map((run) => run.fire_time.toISOString())).toEqual([start.toISOString(), new Date(start.getTime() + 1_000).toISOString()]);
    } finally {
      await Promise.all(replicas.map((app) => app.close()));
    }
  });

  it('three replicas on one database fire every second of a schedule exactly once, none missing', async () => {
    const replicas = [await startReplica(), await startReplica(), await startReplica()];
    try {
      const start = new Date(Math.ceil(Date.now() / 1_000) * 1_000 + 3_000);
      const end = new Date(start.getTime() + 11_000);
      const expected = Array.from({ length: 12 }, (_, i) => new Date(start.getTime() + i * 1_000).toISOString());
      const schedule = await createSchedule(replicas[1], { cron_expression: '* * * * * *', start_at: start.toISOString(), end_at: end.toISOString() });

      await waitFor(async () => (await query(testEnv.databaseUrl, 'SELECT 1 FROM scheduler.schedules WHERE id = $1 AND next_run_at IS NULL', [schedule.id])).length === 1, {
        timeoutMs: 40_000,
        description: 'the schedule to reach its end_at',
      });
      const runs = await runsOf(schedule.id);
      expect(runs.map((run) => run.fire_time.toISOString())).toEqual(expected);
      expect(runs.every((run) => run.status === 'fired' && run.missed_since === null)).toBe(true);

      const firedOf = () => recorder.find((message) => message.key === schedule.id).map((message) => JSON.parse(message.value ?? '{}') as { fireTime: string });
      await waitFor(() => firedOf().length >= expected.length, { timeoutMs: 20_000, description: 'the fired events on Kafka' });
      await waitFor(async () => (await query(testEnv.databaseUrl, 'SELECT 1 FROM scheduler.outbox WHERE message_key = $1 AND published_at IS NULL', [schedule.id])).length === 0, {
        description: 'the outbox to be drained',
      });
      expect(firedOf().map((event) => event.fireTime).sort()).toEqual(expected);
    } finally {
      await Promise.all(replicas.map((replica) => replica.close()));
    }
  });

  it('after downtime, fire_once makes one run of all missed fire times and skip drops them; no burst either way', async () => {
    let app = await startReplica();
    const fireOnce = await createSchedule(app, { cron_expression: '*/10 * * * * *', misfire_policy: 'fire_once', active: false });
    const skip = await createSchedule(app, { cron_expression: '*/10 * * * * *', misfire_policy: 'skip', active: false });
    await app.close();

    // While no scheduler runs, both were active and due ten minutes ago (60 fire times missed since).
    const missedSince = new Date(Math.floor(Date.now() / 10_000) * 10_000 - 600_000);
    await query(testEnv.databaseUrl, 'UPDATE scheduler.schedules SET active = true, next_run_at = $2 WHERE id = ANY($1)', [[fireOnce.id, skip.id], missedSince]);
    const restartedAt = Date.now();
    app = await startReplica();
    try {
      const bothAdvanced = async () =>
        (await query(testEnv.databaseUrl, 'SELECT 1 FROM scheduler.schedules WHERE id = ANY($1) AND next_run_at > $2', [[fireOnce.id, skip.id], new Date(restartedAt)])).length === 2;
      await waitFor(bothAdvanced, { description: 'both schedules to catch up' });

      const onTimeFrom = restartedAt - 5_000;
      const fireOnceRuns = await runsOf(fireOnce.id);
      const catchUp = fireOnceRuns.filter((run) => run.fire_time.getTime() < onTimeFrom);
      expect(catchUp).toHaveLength(1);
      expect(catchUp[0].missed_since).toEqual(missedSince);
      expect(catchUp[0].fire_time.getTime()).toBeGreaterThanOrEqual(onTimeFrom - 10_000);
      expect(fireOnceRuns.filter((run) => run.missed_since !== null)).toHaveLength(1);

      const skipRuns = await runsOf(skip.id);
      expect(skipRuns.filter((run) => run.fire_time.getTime() < onTimeFrom || run.missed_since !== null)).toEqual([]);

      const events = await query<{ payload: { fireTime: string; missedSince: string | null } }>(
        testEnv.databaseUrl,
        "SELECT payload FROM scheduler.outbox WHERE message_key = $1 AND event_type = 'ains.schedule.fired.v1' AND payload->>'missedSince' IS NOT NULL",
        [fireOnce.id],
      );
      expect(events.map((event) => event.payload)).toEqual([expect.objectContaining({ fireTime: catchUp[0].fire_time.toISOString(), missedSince: missedSince.toISOString() })]);
    } finally {
      await app.close();
    }
  });
});
