// The one workload parts 3 and 4 run on every system (AINS with SDK agents, pg-boss, BullMQ): no-op
// jobs, first submitted at a fixed rate (open loop) and then all at once, handled by `agents`
// workers that each run up to `concurrency` jobs at a time. A system is an adapter:
//
//   { name, enqueue(data) → Promise, enqueueMany(data[]) → Promise,
//     startWorkers(onJob) → Promise  (onJob(data) called when a worker starts a job; its promise
//                                     is the job's no-op work), stop() → Promise }
//
// Every job carries `seq` and `scheduled_at` (epoch ms); latency is measured from the scheduled
// submission to the moment a worker starts the job, on the same clock.
import { setTimeout as delay } from 'node:timers/promises';
import { summarize } from '../lib.mjs';
import { epochNow, openLoop } from './open-loop.mjs';

const SETTLE_TIMEOUT_MS = 120_000;
const WARMUP_SEQ = 2_000_000;
const BURST_SEQ = 1_000_000;

/** Collects, per phase, when each job was started. */
function startLog() {
  const started = new Map();
  return {
    onJob(data) {
      if (!started.has(data.seq)) started.set(data.seq, epochNow());
    },
    started,
    async waitFor(count, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (started.size < count && Date.now() < deadline) await delay(50);
      return started.size >= count;
    },
  };
}

function phaseResult(jobs, started, firstAt) {
  const latencies = jobs.filter((job) => started.has(job.seq)).map((job) => started.get(job.seq) - job.scheduled_at);
  let lastStart = firstAt;
  for (const at of started.values()) lastStart = Math.max(lastStart, at);
  return {
    jobs: jobs.length,
    started: started.size,
    startLatencyMs: summarize(latencies),
    // Jobs started per second, from the first submission to the last start.
    throughputPerSecond: started.size === 0 ? 0 : started.size / ((lastStart - firstAt) / 1000),
  };
}

/**
 * Runs a warm-up and both phases on `system`; resolves with the measurements and, for each
 * phase, the submitted jobs (for the caller's own analysis, e.g. AINS's server-side timestamps).
 * With `burstMeter` (see cost.mjs), the burst's cost per job is measured from its submission until
 * the system is quiet again.
 */
export async function runJobWorkload(system, options, say, burstMeter) {
  const log = startLog();
  await system.startWorkers((data) => log.onJob(data));

  // Two rounds of every worker slot, unmeasured: connections open, consumers have joined their
  // groups and freed slots come back before the clock starts.
  const warmupJobs = Array.from({ length: 2 * options.agents * options.concurrency }, (_, index) => ({ seq: WARMUP_SEQ + index, scheduled_at: epochNow() }));
  say(`${system.name}: warming up with ${warmupJobs.length} jobs`);
  await system.enqueueMany(warmupJobs);
  if (!(await log.waitFor(warmupJobs.length, SETTLE_TIMEOUT_MS))) throw new Error(`${system.name}: the warm-up jobs did not all start within ${SETTLE_TIMEOUT_MS / 1000} s`);
  log.started.clear();

  say(`${system.name}: ${options.lifecycleDuration} s at ${options.lifecycleRate} jobs/s`);
  const steadyJobs = [];
  const steady = await openLoop({
    rate: options.lifecycleRate,
    durationMs: options.lifecycleDuration * 1000,
    send: async (index, scheduledAt) => {
      const job = { seq: index, scheduled_at: scheduledAt };
      job.ref = await system.enqueue(job);
      steadyJobs.push(job);
      return { ok: true, status: 'submitted' };
    },
  });
  const steadyComplete = await log.waitFor(steadyJobs.length, SETTLE_TIMEOUT_MS);
  const submitted = steady.records.filter((record) => record.ok);
  const result = {
    system: system.name,
    description: system.description,
    steady: {
      rate: options.lifecycleRate,
      durationSeconds: options.lifecycleDuration,
      submitErrors: steady.records.length - submitted.length,
      submitLatencyMs: summarize(submitted.map((record) => record.latencyMs)),
      // Throughput here is the sustained rate: it equals the offered rate while the system keeps up.
      ...phaseResult(steadyJobs, log.started, steady.startedAt),
      allStarted: steadyComplete,
    },
    steadyJobs,
  };

  if (options.burst > 0) {
    say(`${system.name}: ${options.burst} jobs at once`);
    log.started.clear();
    await burstMeter?.start();
    const firstAt = epochNow();
    const burstJobs = Array.from({ length: options.burst }, (_, index) => ({ seq: BURST_SEQ + index, scheduled_at: firstAt }));
    await system.enqueueMany(burstJobs); // may set each job's `ref`, as `enqueue` returns it
    const enqueueSeconds = (epochNow() - firstAt) / 1000;
    const burstComplete = await log.waitFor(burstJobs.length, SETTLE_TIMEOUT_MS);
    result.burst = { ...phaseResult(burstJobs, log.started, firstAt), enqueueSeconds, allStarted: burstComplete };
    if (burstMeter) result.burst.cost = await burstMeter.stop(burstJobs.length);
    result.burstJobs = burstJobs;
  }
  return result;
}
