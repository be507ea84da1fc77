// Routing-service dispatch: queued→decided latency and sustained decisions per second, with
// simulated agents that finish each task after a fixed work time and free their slot.
//
//   npx jest -c tools/bench/dispatch/jest.config.js
//
// Events are handed to the service's real consumers in-process (CloudEvent decoding, inbox,
// handlers) rather than through the shared broker, and the outbox relay is stopped, so the
// benchmark measures the service and leaves no traffic on other teams' topics. Its database is
// its own and is dropped at the end.
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { OutboxRelay } from '@ains/messaging';
import { dropSchemas, ensureDatabase, query, serviceTestEnv } from '@ains/testing';
import { DispatchMetrics } from '../../../apps/routing-service/src/dispatch/dispatch.metrics';
import type { DecisionRecord } from '../../../apps/routing-service/src/dispatch/queue.repository';
import { completedTask, EventFeed, queuedTask, registeredAgent } from '../../../apps/routing-service/src/testing/event-feed';
import { startRoutingApp } from '../../../apps/routing-service/src/testing/routing-app';

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ains_bench_dispatch';
const AGENTS = 20;
const SLOTS_PER_AGENT = 4;
const WORK_MS = 50;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

describe('routing-service dispatch', () => {
  it('measures queued→decided latency at a steady rate, and decisions per second from a backlog', async () => {
    await ensureDatabase(DATABASE_URL);
    await dropSchemas(DATABASE_URL, 'routing');
    const app = await startRoutingApp(serviceTestEnv({ DATABASE_URL, LOG_LEVEL: 'error', ROUTING_DISPATCH_INTERVAL_MS: '250' }));
    await app.get(OutboxRelay).stop();
    const feed = new EventFeed(app);
    // The moment each decision commits (recordDecision runs right after the commit).
    const decidedAt = new Map<string, number>();
    const completions = new Set<Promise<void>>();
    const metrics = app.get(DispatchMetrics);
    const record = metrics.recordDecision.bind(metrics);
    metrics.recordDecision = (decision: DecisionRecord) => {
      record(decision);
      decidedAt.set(decision.taskId, performance.now());
      // The simulated agent works, then reports completion, which frees the slot.
      const completion = delay(WORK_MS).then(() => feed.deliver('ains.task.completed.v1', decision.taskId, completedTask(decision.taskId, decision.agentId, 1, WORK_MS)));
      completions.add(completion);
      void completion.finally(() => completions.delete(completion));
    };
    try {
      for (let i = 0; i < AGENTS; i += 1) {
        const agentId = randomUUID();
        await feed.deliver('ains.agent.registered.v1', agentId, registeredAgent(agentId, { tags: ['bench'], maxConcurrency: SLOTS_PER_AGENT }));
      }
      const submit = async (taskId: string, priority: number) => {
        await feed.deliver('ains.task.queued.v1', taskId, queuedTask({ taskId, priority, requiredTags: ['bench'] }));
        return performance.now();
      };

      // 1. Steady submissions well under capacity (capacity = 80 slots / 50 ms = 1 600 tasks/s).
      const rate = 200;
      const seconds = 15;
      const submittedAt = new Map<string, number>();
      const started = performance.now();
      const inFlight: Promise<void>[] = [];
      for (let i = 0; i < rate * seconds; i += 1) {
        const due = started + (i * 1_000) / rate;
        const wait = due - performance.now();
        if (wait > 0) await delay(wait);
        const taskId = randomUUID();
        inFlight.push(submit(taskId, 1 + (i % 10)).then((at) => void submittedAt.set(taskId, at)));
      }
      await Promise.all(inFlight);
      while (decidedAt.size < submittedAt.size) await delay(20);
      const latencies = [...submittedAt].map(([taskId, at]) => Math.max(0, (decidedAt.get(taskId) ?? at) - at)).sort((a, b) => a - b);

      // 2. A backlog of 5 000 tasks queued first, then the agents' capacity raised: decisions per second while it drains.
      const backlog = Array.from({ length: 5_000 }, () => randomUUID());
      const backlogTag = `backlog-${randomUUID().slice(0, 8)}`;
      const submittedBacklog = Array.from({ length: 8 }, async (_, worker) => {
        for (let i = worker; i < backlog.length; i += 8) await feed.deliver('ains.task.queued.v1', backlog[i], queuedTask({ taskId: backlog[i], priority: 1 + (i % 10), requiredTags: [backlogTag] }));
      });
      await Promise.all(submittedBacklog);
      const drainStart = performance.now();
      const before = decidedAt.size;
      for (let i = 0; i < AGENTS; i += 1) {
        const agentId = randomUUID();
        await feed.deliver('ains.agent.registered.v1', agentId, registeredAgent(agentId, { tags: [backlogTag], maxConcurrency: 50 }));
      }
      while (decidedAt.size < before + backlog.length) await delay(10);
      const drainSeconds = (performance.now() - drainStart) / 1_000;
      const [{ decisions }] = await query<{ decisions: number }>(DATABASE_URL, 'SELECT count(*)::int AS decisions FROM routing.decisions');
      expect(decisions).toBe(rate * seconds + backlog.length);

      process.stdout.write(
        [
          `One routing-service instance, ${AGENTS} simulated agents × ${SLOTS_PER_AGENT} slots, ${WORK_MS} ms of work per task, dispatch interval 250 ms.`,
          `Elapsed: steady phase ${seconds} s, backlog drained in ${drainSeconds.toFixed(1)} s.`,
          '',
          '| scenario | result |',
          '| --- | --- |',
          `| steady ${rate} tasks/s for ${seconds} s: queued→decided p50 | ${percentile(latencies, 50).toFixed(1)} ms |`,
          `| steady ${rate} tasks/s for ${seconds} s: queued→decided p99 | ${percentile(latencies, 99).toFixed(1)} ms |`,
          `| steady ${rate} tasks/s for ${seconds} s: queued→decided max | ${latencies[latencies.length - 1].toFixed(1)} ms |`,
          `| backlog of ${backlog.length} tasks, ${AGENTS} agents × 50 slots with ${WORK_MS} ms work: sustained decisions/s | ${Math.round(backlog.length / drainSeconds)} |`,
          '',
        ].join('\n'),
      );
    } finally {
      await Promise.allSettled([...completions]);
      await app.close();
      await query(DATABASE_URL.replace(/\/[^/]+$/, '/postgres'), `DROP DATABASE IF EXISTS "${new URL(DATABASE_URL).pathname.slice(1)}" WITH (FORCE)`);
    }
  });
});
