// Trust-service event throughput: task outcomes through the real inbox path (CloudEvent decoding,
// payload validation, inbox insert, row lock, audit record, outbox) against PostgreSQL.
//
//   npx jest -c tools/bench/trust/jest.config.js
//
// Deliveries come from async workers in-process rather than from the shared broker, so the
// benchmark measures the service and leaves no traffic on other teams' topics; the outbox relay is
// stopped for the same reason (the events stay in the benchmark database, which is dropped).
import { randomUUID } from 'node:crypto';
import { Topics } from '@ains/contracts';
import { InboxProcessor, OutboxRelay } from '@ains/messaging';
import { loadConfig } from '@ains/platform';
import { createServiceApp } from '@ains/runtime';
import { dropSchemas, ensureDatabase, query, serviceTestEnv } from '@ains/testing';
import { trustService, type TrustServiceSettings } from '../../../apps/trust-service/src/service';
import { consumed, finishedTask, type KafkaEvent } from '../../../apps/trust-service/src/testing/trust-events';

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ains_bench_trust_events';
const WORKERS = 16;

/** Events/s through the inbox: `workers` concurrent deliveries of `batchSize` events each (one partition batch). */
async function throughput(inbox: InboxProcessor, events: KafkaEvent[], workers = WORKERS, batchSize = 1): Promise<number> {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < events.length) {
        const batch = events.slice(next, next + batchSize).map((event, i) => consumed(event, Topics.task, next + i));
        next += batchSize;
        await inbox.processBatch(batch);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return events.length / seconds;
}

const outcomeOf = (i: number) => (i % 10 < 8 ? 'completed' : i % 10 < 9 ? 'failed' : 'timed_out');

describe('trust-service event throughput', () => {
  it('measures events processed per second', async () => {
    await ensureDatabase(DATABASE_URL);
    await dropSchemas(DATABASE_URL, 'trust');
    const config = loadConfig(trustService.config, serviceTestEnv({ DATABASE_URL, LOG_LEVEL: 'error' })) as TrustServiceSettings;
    const app = await createServiceApp({ ...trustService, consumes: false }, config);
    await app.init();
    await app.get(OutboxRelay).stop();
    try {
      const inbox = app.get(InboxProcessor);
      const agents = Array.from({ length: 1_000 }, () => randomUUID());
      const warmUp = Array.from({ length: 1_000 }, (_, i) => finishedTask(outcomeOf(i), agents[i % agents.length]));
      await throughput(inbox, warmUp);

      const spread = Array.from({ length: 20_000 }, (_, i) => finishedTask(outcomeOf(i), agents[(i * 7919) % agents.length]));
      const oneAgent = randomUUID();
      const hot = Array.from({ length: 5_000 }, (_, i) => finishedTask(outcomeOf(i), oneAgent));
      const duplicates = spread.slice(0, 5_000);
      const sequential = Array.from({ length: 2_000 }, (_, i) => finishedTask(outcomeOf(i), agents[(i * 104_729) % agents.length]));
      const batched = Array.from({ length: 20_000 }, (_, i) => finishedTask(outcomeOf(i), agents[(i * 7_907) % 8]));

      const rows = [
        ['20,000 outcomes over 1,000 agents', await throughput(inbox, spread)],
        ['5,000 outcomes for one agent (all on one row lock)', await throughput(inbox, hot)],
        ['5,000 redeliveries (inbox duplicates)', await throughput(inbox, duplicates)],
        ['2,000 outcomes over 1,000 agents, one delivery at a time (one consumer)', await throughput(inbox, sequential, 1)],
        ['20,000 outcomes over 8 agents in partition batches of 200, 3 at a time', await throughput(inbox, batched, 3, 200)],
      ] as const;
      const [{ records }] = await query<{ records: number }>(DATABASE_URL, 'SELECT count(*)::int AS records FROM trust.trust_records');
      expect(records).toBe(agents.length + 1 + warmUp.length + spread.length + hot.length + sequential.length + batched.length);

      process.stdout.write(
        [
          `${WORKERS} concurrent deliveries of one event unless noted, pool of ${config.DATABASE_POOL_SIZE} connections, one service instance.`,
          '',
          '| scenario | events/s |',
          '| --- | --- |',
          ...rows.map(([name, rate]) => `| ${name} | ${Math.round(rate)} |`),
          '',
        ].join('\n'),
      );
    } finally {
      await app.close();
      await query(DATABASE_URL.replace(/\/[^/]+$/, '/postgres'), `DROP DATABASE IF EXISTS "${new URL(DATABASE_URL).pathname.slice(1)}" WITH (FORCE)`);
    }
  });
});
