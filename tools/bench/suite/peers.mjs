// Part 4's peers as job-workload systems: pg-boss (PostgreSQL) and BullMQ (Redis), bare queues with
// the same number of workers and the same concurrency per worker as AINS's agents, each in its
// documented default shape. They run in this process, as the SDK agents do.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ensureDatabase, root, sql } from '../lib.mjs';

const require = createRequire(join(root, 'package.json'));

/** pg-boss 10: `agents` workers, each fetching up to `concurrency` jobs per poll and running them together. */
export async function pgBossSystem(options, runId) {
  const PgBoss = require('pg-boss');
  await ensureDatabase(options.pgbossUrl);
  await sql(options.pgbossUrl, 'DROP SCHEMA IF EXISTS pgboss CASCADE');
  const boss = new PgBoss({ connectionString: options.pgbossUrl, max: options.agents + 4, schedule: false });
  boss.on('error', (error) => process.stderr.write(`bench: pg-boss: ${error.message}\n`));
  await boss.start();
  const queue = `bench-${runId}`;
  await boss.createQueue(queue);
  // Its minimum: a worker that found jobs still waits out the interval before fetching again.
  const pollingIntervalSeconds = 0.5;
  return {
    name: 'pg-boss',
    description: `pg-boss ${require('pg-boss/package.json').version}: ${options.agents} workers, each fetching up to ${options.concurrency} jobs per poll, polling every ${pollingIntervalSeconds} s (its minimum)`,
    enqueue: (data) => boss.send(queue, data),
    enqueueMany: (jobs) => boss.insert(jobs.map((data) => ({ name: queue, data }))),
    async startWorkers(onJob) {
      for (let index = 0; index < options.agents; index += 1) {
        await boss.work(queue, { batchSize: options.concurrency, pollingIntervalSeconds }, (jobs) => Promise.all(jobs.map((job) => onJob(job.data))));
      }
    },
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}

/** BullMQ 6: `agents` workers with `concurrency` each, blocking on Redis for new jobs. */
export async function bullMqSystem(options, runId) {
  const { Queue, Worker } = require('bullmq');
  const url = new URL(options.bullmqUrl);
  const connection = { host: url.hostname, port: Number(url.port || 6379), db: Number(url.pathname.slice(1) || 0), maxRetriesPerRequest: null };
  const name = `bench-${runId}`;
  const queue = new Queue(name, { connection });
  const workers = [];
  return {
    name: 'BullMQ',
    description: `BullMQ ${require('bullmq/package.json').version}: ${options.agents} workers with concurrency ${options.concurrency}, Redis db ${connection.db}`,
    enqueue: (data) => queue.add('noop', data),
    enqueueMany: (jobs) => queue.addBulk(jobs.map((data) => ({ name: 'noop', data }))),
    async startWorkers(onJob) {
      for (let index = 0; index < options.agents; index += 1) {
        const worker = new Worker(name, (job) => onJob(job.data), { connection, concurrency: options.concurrency });
        worker.on('error', (error) => process.stderr.write(`bench: BullMQ: ${error.message}\n`));
        workers.push(worker);
      }
      await Promise.all(workers.map((worker) => worker.waitUntilReady()));
    },
    async stop() {
      await Promise.all(workers.map((worker) => worker.close()));
      await queue.obliterate({ force: true });
      await queue.close();
    },
  };
}
