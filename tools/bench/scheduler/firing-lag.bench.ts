/**
 * Firing lag at a minute boundary with 10,000 active schedules all due at that instant.
 *
 * Replicas of the real firing code (ScheduleFiringService + ScheduleFiringLoop, one connection pool
 * each) run in this process against a database of their own. They write runs and outbox rows but no
 * relay publishes them: 10,000 events on the shared development broker would be replayed by every
 * new consumer group of every other test. The lag measured is therefore "fire time -> run and
 * event committed", which is what the scheduler controls; publishing adds the outbox relay's own
 * latency (docs/scheduler-service.md, "Benchmark").
 *
 * An observer polls how many runs of the boundary are visible (committed) every few milliseconds;
 * the time at which the k-th run became visible, minus the boundary, is the k-th lag.
 *
 *   npx jest -c tools/bench/scheduler/jest.config.js
 *   BENCH_SCHEDULES=10000 BENCH_REPLICAS=2 BENCH_BATCH_SIZE=500 BENCH_DATABASE_URL=postgres://... (defaults shown)
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { OutboxWriter, TransactionRunner } from '@ains/messaging';
import { runMigrations, toDataSourceOptions } from '@ains/persistence';
import { MetricsService, createLogger } from '@ains/platform';
import { dropSchemas, ensureDatabase } from '@ains/testing';
import { migrations } from '../../../apps/scheduler-service/src/migrations';
import { Schedule } from '../../../apps/scheduler-service/src/schedules/schedule.entity';
import { ScheduleRun } from '../../../apps/scheduler-service/src/schedules/schedule-run.entity';
import { ScheduleFiringLoop } from '../../../apps/scheduler-service/src/schedules/schedule-firing.loop';
import { ScheduleFiringService } from '../../../apps/scheduler-service/src/schedules/schedule-firing.service';
import { SchedulesRepository } from '../../../apps/scheduler-service/src/schedules/schedules.repository';
import { systemClock, type SchedulerSettings } from '../../../apps/scheduler-service/src/schedules/scheduler.settings';

const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ains_bench_scheduler';
const scheduleCount = Number(process.env.BENCH_SCHEDULES ?? 10_000);
const replicaCount = Number(process.env.BENCH_REPLICAS ?? 2);
const settings: SchedulerSettings = { tickIntervalMs: 1_000, batchSize: Number(process.env.BENCH_BATCH_SIZE ?? 500), minIntervalSeconds: 60, misfireThresholdMs: 60_000 };
const database = { url: databaseUrl, schema: 'scheduler', entities: [Schedule, ScheduleRun], migrations };

async function startReplica(index: number): Promise<{ loop: ScheduleFiringLoop; dataSource: DataSource }> {
  const dataSource = await new DataSource({ ...toDataSourceOptions({ ...database, applicationName: `bench-scheduler-${index}`, poolSize: 10 }) }).initialize();
  const logger = createLogger({ service: `bench-scheduler-${index}`, level: 'warn' });
  const repository = new SchedulesRepository(dataSource.getRepository(Schedule), dataSource.getRepository(ScheduleRun));
  const firing = new ScheduleFiringService(repository, new TransactionRunner(dataSource, () => undefined), new OutboxWriter('scheduler', '/ains/bench', `bench-scheduler-${index}`), settings, systemClock, logger, new MetricsService());
  const loop = new ScheduleFiringLoop(firing, settings, logger);
  loop.onApplicationBootstrap();
  return { loop, dataSource };
}

async function seed(dataSource: DataSource, boundary: Date): Promise<void> {
  for (let offset = 0; offset < scheduleCount; offset += 1_000) {
    const ids = Array.from({ length: Math.min(1_000, scheduleCount - offset) }, () => randomUUID());
    await dataSource.query(
      `INSERT INTO scheduler.schedules (id, client_id, name, cron_expression, time_zone, task, active, overlap_policy, misfire_policy, next_run_at, created_at, updated_at)
       SELECT id, 'bench-' || (n % 100), 'bench ' || n, '* * * * *', 'UTC', '{"task_type":"bench"}', true, 'allow', 'fire_once', $2, now(), now()
       FROM unnest($1::uuid[]) WITH ORDINALITY AS s(id, n)`,
      [ids, boundary],
    );
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

it(`fires ${scheduleCount} schedules due at one minute boundary`, async () => {
  await ensureDatabase(databaseUrl);
  await dropSchemas(databaseUrl, 'scheduler');
  await runMigrations({ ...database, applicationName: 'bench-scheduler-migrate' });
  const observer = await new DataSource(toDataSourceOptions({ ...database, applicationName: 'bench-observer', poolSize: 1 })).initialize();

  // The next minute boundary at least 20 s away, so seeding and start-up finish before it.
  const boundary = new Date(Math.ceil((Date.now() + 20_000) / 60_000) * 60_000);
  await seed(observer, boundary);
  const replicas = await Promise.all(Array.from({ length: replicaCount }, (_, i) => startReplica(i)));

  const lags: number[] = [];
  let visible = 0;
  const deadline = boundary.getTime() + 120_000;
  while (visible < scheduleCount && Date.now() < deadline) {
    const [{ count }] = (await observer.query('SELECT count(*)::int AS count FROM scheduler.schedule_runs WHERE fire_time = $1', [boundary])) as { count: number }[];
    const now = Date.now();
    for (; visible < count; visible += 1) lags.push(now - boundary.getTime());
    await delay(count > 0 ? 5 : 20);
  }
  await Promise.all(replicas.map(({ loop }) => loop.beforeApplicationShutdown()));

  const [{ duplicates }] = (await observer.query('SELECT count(*) - count(DISTINCT schedule_id) AS duplicates FROM scheduler.schedule_runs WHERE fire_time = $1', [boundary])) as { duplicates: string }[];
  const claimLags = ((await observer.query('SELECT extract(epoch FROM fired_at - fire_time) * 1000 AS ms FROM scheduler.schedule_runs WHERE fire_time = $1 ORDER BY 1', [boundary])) as { ms: string }[]).map((row) => Number(row.ms));
  await Promise.all([observer.destroy(), ...replicas.map(({ dataSource }) => dataSource.destroy())]);

  const result = {
    schedules: scheduleCount,
    replicas: replicaCount,
    batchSize: settings.batchSize,
    fired: lags.length,
    duplicates: Number(duplicates),
    committedLagMs: { p50: percentile(lags, 50), p99: percentile(lags, 99), max: lags.at(-1) },
    claimLagMs: { p50: Math.round(percentile(claimLags, 50)), p99: Math.round(percentile(claimLags, 99)) },
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  expect(result).toMatchObject({ fired: scheduleCount, duplicates: 0 });
});
