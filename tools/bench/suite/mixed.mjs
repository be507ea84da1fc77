// Part 2: a weighted mix of the seed's six measured endpoints through the gateway, at a fixed
// arrival rate (open loop), with the client key of the fixtures. The tasks it creates require a
// tag no agent has, so they wait in the queue and add no agent work to what is measured.
import { SEED_RESPONSE_TARGETS, summarize } from '../lib.mjs';
import { processCpuMs } from '../process-cpu.mjs';
import { openLoop } from './open-loop.mjs';

const TIMELINE_WINDOW_SECONDS = 10;

/**
 * A deterministic interleaving with exactly the weights' shares (smooth weighted round robin):
 * every run sends the same sequence, and no endpoint's calls bunch together.
 */
export function weightedSequence(weights, length) {
  const entries = Object.entries(weights).map(([name, weight]) => ({ name, weight, current: 0 }));
  const total = entries.reduce((sum, entry) => sum + entry.weight, 0);
  const sequence = [];
  for (let index = 0; index < length; index += 1) {
    for (const entry of entries) entry.current += entry.weight;
    const chosen = entries.reduce((best, entry) => (entry.current > best.current ? entry : best));
    chosen.current -= total;
    sequence.push(chosen.name);
  }
  return sequence;
}

/** Each endpoint's requests, prepared once: bodies are serialised before the clock starts. */
function endpoints({ taskIds, tags }, batchSize) {
  const routing = { required_tags: [tags.unrouted] };
  const text = 'lorem ipsum dolor sit amet '.repeat(8);
  const taskBodies = Array.from({ length: 10 }, (_, index) => JSON.stringify({ task_type: 'bench.mixed', priority: index + 1, input: { index, text }, routing, labels: { bench: 'mixed' } }));
  // Ten-task dependency chains, like tools/bench/tasks: one task in ten is queued, the rest blocked.
  const batchBody = JSON.stringify({
    tasks: Array.from({ length: batchSize }, (_, index) => ({ task_type: 'bench.mixed', input: { index, text }, routing, ref: `t${index}`, depends_on_refs: index % 10 === 0 ? [] : [`t${index - 1}`] })),
  });
  const chainBody = JSON.stringify({
    name: 'bench chain',
    steps: [
      { task_type: 'bench.extract', input: { url: 'https://example.org' }, routing },
      { task_type: 'bench.transform', routing, input_mapping: [{ target: 'rows', source: 'steps.0.result.rows' }] },
      { task_type: 'bench.load', routing, input_mapping: [{ target: 'count', source: 'steps.1.result.count' }] },
    ],
  });
  const leaderboards = ['/v1/trust/leaderboard?limit=10', '/v1/trust/leaderboard?limit=100', `/v1/trust/leaderboard?tag=${tags.catalogue}&limit=10`, '/v1/trust/leaderboard?tier=average&limit=50'];
  const listings = ['/v1/agents?limit=20', `/v1/agents?tags=${tags.catalogue}&limit=20`, '/v1/agents?capability=python&capability_range=%3E%3D3.11&limit=20'];
  return {
    'GET /v1/agents': { expected: 200, request: (n) => ['GET', listings[n % listings.length]] },
    'POST /v1/tasks': { expected: 201, request: (n) => ['POST', '/v1/tasks', taskBodies[n % taskBodies.length]] },
    'GET /v1/tasks/{id}': { expected: 200, request: (n) => ['GET', `/v1/tasks/${taskIds[n % taskIds.length]}`] },
    'POST /v1/task-chains': { expected: 201, request: () => ['POST', '/v1/task-chains', chainBody] },
    'GET /v1/trust/leaderboard': { expected: 200, request: (n) => ['GET', leaderboards[n % leaderboards.length]] },
    'POST /v1/tasks/batch': { expected: 201, request: () => ['POST', '/v1/tasks/batch', batchBody] },
  };
}

async function load(client, fixtures, options, seconds) {
  const catalogue = endpoints(fixtures, options.batchSize);
  const sequence = weightedSequence(options.mix, Math.max(1, Math.round(options.rate * seconds)));
  const counters = Object.fromEntries(Object.keys(options.mix).map((name) => [name, 0]));
  const run = await openLoop({
    rate: options.rate,
    durationMs: seconds * 1000,
    send: async (index) => {
      const name = sequence[index];
      const endpoint = catalogue[name];
      const [method, path, body] = endpoint.request(counters[name]++);
      const { status } = await client.request(method, path, fixtures.clientKey, body);
      return { ok: status === endpoint.expected, status };
    },
  });
  return { ...run, sequence };
}

/**
 * Runs the warm-up, then the measured load; resolves with per-endpoint results and what a request
 * cost each process (`meter`, see cost.mjs; the load generator's own CPU beside it).
 */
export async function runMixed(client, fixtures, options, say, meter) {
  if (options.warmup > 0) {
    say(`mixed workload: ${options.warmup} s warm-up at ${options.rate} req/s`);
    await load(client, fixtures, options, options.warmup);
  }
  say(`mixed workload: ${options.duration} s at ${options.rate} req/s`);
  await meter.start();
  const generatorCpuFrom = processCpuMs(process.pid);
  const measuredFrom = Date.now();
  const run = await load(client, fixtures, options, options.duration);
  const measuredUntil = Date.now();
  const generatorCpuMs = processCpuMs(process.pid) - generatorCpuFrom;
  const cost = await meter.stop(run.records.length);
  const wallSeconds = (run.finishedAt - run.startedAt) / 1000;
  const endpointResults = Object.keys(options.mix).map((name) => {
    const records = run.records.filter((_, index) => run.sequence[index] === name);
    const answered = records.filter((record) => record.ok);
    const statuses = {};
    for (const record of records.filter((entry) => !entry.ok)) statuses[record.status] = (statuses[record.status] ?? 0) + 1;
    return {
      endpoint: name,
      weight: options.mix[name],
      requests: records.length,
      errors: records.length - answered.length,
      errorRate: (records.length - answered.length) / records.length,
      errorStatuses: statuses,
      offeredPerSecond: records.length / options.duration,
      achievedPerSecond: answered.length / wallSeconds,
      latencyMs: summarize(answered.map((record) => record.latencyMs)),
      seed: SEED_RESPONSE_TARGETS[name],
    };
  });
  const ok = run.records.filter((record) => record.ok).length;
  // Latency that keeps growing from window to window means the rate is above what the stack sustains.
  const windows = [];
  for (let from = 0; from < options.duration; from += TIMELINE_WINDOW_SECONDS) {
    const inWindow = run.records.filter((record) => record.ok && record.scheduledAt - run.startedAt >= from * 1000 && record.scheduledAt - run.startedAt < (from + TIMELINE_WINDOW_SECONDS) * 1000);
    const { p50, p99 } = summarize(inWindow.map((record) => record.latencyMs));
    windows.push({ fromSecond: from, p50, p99 });
  }
  return {
    rate: options.rate,
    durationSeconds: options.duration,
    warmupSeconds: options.warmup,
    batchSize: options.batchSize,
    mix: options.mix,
    requests: run.records.length,
    errors: run.records.length - ok,
    achievedPerSecond: ok / wallSeconds,
    generatorLagMs: summarize(run.records.filter((record) => record.sendLagMs !== null).map((record) => record.sendLagMs)),
    endpoints: endpointResults,
    cost: { ...cost, generatorCpuMsPerRequest: generatorCpuMs / run.records.length },
    timeline: windows,
    window: { from: measuredFrom, until: measuredUntil },
  };
}
