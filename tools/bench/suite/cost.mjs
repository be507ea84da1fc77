// The per-task cost report: what one task costs the platform during a measured phase, from the
// operating system and the components' own counters, read before and after it:
//   CPU ms of each service process, of PostgreSQL (the postmaster, its live backends and the
//   backends that exited meanwhile, whose time the kernel adds to the postmaster's children) and of
//   the suite's Kafka JVM and of Redis (every redis-server), from /proc/<pid>/stat; PostgreSQL transactions (xact_commit +
//   xact_rollback of the database, pg_stat_database); Kafka messages produced (the ains topics' end
//   offsets) and deliveries consumed (every service's ains_events_consumed_total, skipped included);
//   gateway requests (its http_server_request_duration_seconds_count).
import { setTimeout as delay } from 'node:timers/promises';
import { Kafka, logLevel } from 'kafkajs';
import { sql } from '../lib.mjs';
import { namedProcessesCpuMs, postgresCpuMs, processCpuMs } from '../process-cpu.mjs';

/** PostgreSQL publishes a backend's counters at most once a second after its transactions end. */
const STATS_FLUSH_MS = 1_500;
/** No delivery consumed for this long: the phase's events have all been handled. */
const QUIET_MS = 1_000;

export async function transactions(databaseUrl) {
  const name = new URL(databaseUrl).pathname.slice(1);
  const [row] = await sql(databaseUrl, 'SELECT (xact_commit + xact_rollback)::bigint AS count FROM pg_stat_database WHERE datname = $1', [name]);
  return Number(row.count);
}

/** Sum of a metric's samples in a Prometheus text exposition. */
function metricSum(text, name) {
  let sum = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith(`${name}{`) || line.startsWith(`${name} `)) sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}

async function scrape(url) {
  const response = await fetch(url);
  return response.ok ? response.text() : '';
}

/**
 * `meter = costMeter(...)`; `await meter.start()` before the phase, `await meter.stop(units)` after
 * it resolves with the costs, each per unit (a task, or a request of the mixed workload), the
 * asynchronous work the phase caused included: stop waits until no more events are consumed.
 */
export function costMeter({ processes, databaseUrl, kafkaBrokers, serviceUrls, gatewayUrl }) {
  const kafka = new Kafka({ clientId: 'ains-bench-cost', brokers: kafkaBrokers.split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();

  async function producedMessages() {
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith('ains.'));
    let total = 0;
    for (const topic of topics) for (const partition of await admin.fetchTopicOffsets(topic)) total += Number(partition.high);
    return total;
  }

  async function consumedDeliveries() {
    const texts = await Promise.all(serviceUrls.map((url) => scrape(`${url}/metrics`)));
    return texts.reduce((sum, text) => sum + metricSum(text, 'ains_events_consumed_total'), 0);
  }

  async function read() {
    await delay(STATS_FLUSH_MS);
    return {
      cpu: Object.fromEntries([...processes.map(({ name, pid }) => [name, processCpuMs(pid)]), ['postgresql', postgresCpuMs()], ['redis', namedProcessesCpuMs('redis-server')]]),
      transactions: await transactions(databaseUrl),
      produced: await producedMessages(),
      consumed: await consumedDeliveries(),
      gatewayRequests: metricSum(await scrape(`${gatewayUrl}/metrics`), 'http_server_request_duration_seconds_count'),
      at: Date.now(),
    };
  }

  let before;
  return {
    async start() {
      await admin.connect();
      before = await read();
    },
    /** Waits until the platform is quiet (no more deliveries consumed), then reads. */
    async stop(tasks) {
      let consumed = await consumedDeliveries();
      for (;;) {
        await delay(QUIET_MS);
        const now = await consumedDeliveries();
        if (now === consumed) break;
        consumed = now;
      }
      const after = await read();
      await admin.disconnect();
      const perTask = (value) => value / tasks;
      const cpuMs = Object.fromEntries(Object.keys(after.cpu).map((name) => [name, perTask(after.cpu[name] - before.cpu[name])]));
      return {
        tasks,
        seconds: (after.at - before.at) / 1000,
        cpuMsPerTask: cpuMs,
        totalCpuMsPerTask: Object.values(cpuMs).reduce((sum, ms) => sum + (Number.isFinite(ms) ? ms : 0), 0),
        transactionsPerTask: perTask(after.transactions - before.transactions),
        kafkaProducedPerTask: perTask(after.produced - before.produced),
        kafkaConsumedPerTask: perTask(after.consumed - before.consumed),
        // The suite's own scrapes of the gateway's /metrics are requests too; they are not the tasks'.
        gatewayRequestsPerTask: perTask(after.gatewayRequests - before.gatewayRequests - 1),
      };
    },
  };
}
