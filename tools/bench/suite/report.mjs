// Part 6: the results as Markdown tables on stdout (ready for docs/benchmarks.md) and as one JSON
// file with everything measured.
import { mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { root } from '../lib.mjs';

const ms = (value) => (value === null || value === undefined || Number.isNaN(value) ? '–' : value >= 100 ? value.toFixed(0) : value.toFixed(1));
const rate = (value) => (value === null || value === undefined || !Number.isFinite(value) ? '–' : value >= 100 ? value.toFixed(0) : value.toFixed(1));
const ratio = (a, b) => {
  if (a === null || b === null || a === undefined || b === undefined || b === 0) return '–';
  const value = a / b;
  return `${value >= 10 ? value.toFixed(0) : value >= 0.1 ? value.toFixed(1) : value.toPrecision(2)}×`;
};
const fixed = (value, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const pct = (value) => `${(value * 100).toFixed(value > 0 && value < 0.01 ? 2 : 1)} %`;
const table = (header, rows) => [`| ${header.join(' | ')} |`, `| ${header.map((_, index) => (index === 0 ? '---' : '---:')).join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)];
const triple = (summary) => `${ms(summary.p50)} / ${ms(summary.p95)} / ${ms(summary.p99)}`;

function machineLines({ machine }) {
  return [
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Linux ${machine.kernel}; Node.js ${machine.node}, PostgreSQL ${machine.postgres}, Redis ${machine.redis}, Kafka ${machine.kafka ?? '–'}; undici ${machine.packages.undici}, pg-boss ${machine.packages['pg-boss']}, BullMQ ${machine.packages.bullmq}.`,
    `Load average (1 / 5 / 15 min) at start ${machine.loadAverageAtStart.join(' / ')}, at end ${machine.loadAverageAtEnd?.join(' / ') ?? '–'}.`,
  ];
}

function mixedLines({ mixed }) {
  const rows = mixed.endpoints.map((endpoint) => [
    endpoint.endpoint,
    `${endpoint.weight}`,
    `${endpoint.requests}`,
    `${endpoint.errors ? `${pct(endpoint.errorRate)} (${Object.entries(endpoint.errorStatuses).map(([status, count]) => `${count}× ${status}`).join(', ')})` : '0'}`,
    `${rate(endpoint.achievedPerSecond)} (${rate(endpoint.offeredPerSecond)})`,
    ms(endpoint.latencyMs.p50),
    ms(endpoint.latencyMs.p95),
    ms(endpoint.latencyMs.p99),
    endpoint.seed ? `${endpoint.seed.p50} / ${endpoint.seed.p95} / ${endpoint.seed.p99} (${endpoint.seed.target})` : '–',
  ]);
  rows.push(['all', '', `${mixed.requests}`, mixed.errors ? pct(mixed.errors / mixed.requests) : '0', `${rate(mixed.achievedPerSecond)} (${rate(mixed.rate)})`, '', '', '', '']);
  return [
    `Mixed workload through the gateway: ${mixed.rate} req/s offered (open loop) for ${mixed.durationSeconds} s after a ${mixed.warmupSeconds} s warm-up; batches of ${mixed.batchSize} tasks. Latency in ms from each request's scheduled send time; the generator sent p99 ${ms(mixed.generatorLagMs.p99)} ms late.`,
    '',
    ...table(['endpoint', 'share', 'requests', 'errors', 'req/s achieved (offered)', 'p50', 'p95', 'p99', 'seed p50 / p95 / p99 (target)'], rows),
    '',
    `All endpoints, p50 / p99 per ${mixed.timeline[1]?.fromSecond ?? mixed.durationSeconds} s of the run: ${mixed.timeline.map((window) => `${ms(window.p50)} / ${ms(window.p99)}`).join(', ')}.`,
    '',
    `Cost per request of the mix (the asynchronous work it caused included): CPU µs ${Object.entries(mixed.cost.cpuMsPerTask)
      .map(([name, value]) => `${name} ${fixed(value * 1000, 0)}`)
      .join(', ')}, total ${fixed(mixed.cost.totalCpuMsPerTask * 1000, 0)} (load generator ${fixed(mixed.cost.generatorCpuMsPerRequest * 1000, 0)} more); PostgreSQL transactions ${fixed(mixed.cost.transactionsPerTask)}; Kafka messages produced ${fixed(mixed.cost.kafkaProducedPerTask)}, consumed ${fixed(mixed.cost.kafkaConsumedPerTask)}.`,
  ];
}

function jobLines({ lifecycle, peers, settings }) {
  const systems = [lifecycle?.workload, ...(peers ?? [])].filter(Boolean);
  const rows = systems.map((system) => [
    system.system,
    rate(system.steady.throughputPerSecond),
    triple(system.steady.startLatencyMs),
    triple(system.steady.submitLatencyMs),
    system.burst ? rate(system.burst.throughputPerSecond) : '–',
    system.burst ? `${ms(system.burst.startLatencyMs.p50)} / ${ms(system.burst.startLatencyMs.p99)}` : '–',
  ]);
  const lines = [
    `Jobs: ${settings.agents} workers × concurrency ${settings.concurrency}; steady ${settings.lifecycleRate} jobs/s for ${settings.lifecycleDuration} s (open loop), then ${settings.burst} at once. Latency in ms from the scheduled submission to the worker's handler starting.`,
    '',
    ...table(['system', `steady jobs/s (offered ${settings.lifecycleRate})`, 'submit → start p50 / p95 / p99', 'submit call p50 / p95 / p99', 'burst jobs/s', 'burst submit → start p50 / p99'], rows),
  ];
  const ains = lifecycle?.workload;
  if (ains && peers?.length) {
    lines.push('', 'AINS relative to each peer (latency: AINS ÷ peer, above 1× is slower; throughput: AINS ÷ peer, below 1× is less):', '');
    lines.push(
      ...table(
        ['peer', 'steady p50', 'steady p95', 'steady p99', 'burst jobs/s'],
        peers.map((peer) => [
          peer.system,
          ratio(ains.steady.startLatencyMs.p50, peer.steady.startLatencyMs.p50),
          ratio(ains.steady.startLatencyMs.p95, peer.steady.startLatencyMs.p95),
          ratio(ains.steady.startLatencyMs.p99, peer.steady.startLatencyMs.p99),
          ains.burst && peer.burst ? ratio(ains.burst.throughputPerSecond, peer.burst.throughputPerSecond) : '–',
        ]),
      ),
    );
  }
  lines.push('', ...systems.map((system) => `- ${system.description}`));
  for (const system of systems) {
    for (const [phase, result] of [['steady', system.steady], ['burst', system.burst]]) {
      if (result && !result.allStarted) lines.push(`- ${system.system}, ${phase}: only ${result.started} of ${result.jobs} jobs started within the wait; its figures cover those.`);
    }
  }
  return lines;
}

function lifecycleLines({ lifecycle }) {
  const { analysis } = lifecycle;
  const row = (name, phase) => [name, triple(phase.submitToAssignedMs), triple(phase.submitToClaimedMs), triple(phase.submitToCompletedMs), triple(phase.completedToTrustMs)];
  const rows = [row('steady', analysis.steady)];
  if (analysis.burst) rows.push(row('burst', analysis.burst));
  return [
    `AINS task lifecycle from the services' own timestamps (ms after the scheduled submission): ${analysis.completed} of ${analysis.tasks} tasks completed, ${analysis.trustRecorded} completions recorded by trust-service${analysis.burst ? `; burst completed at ${rate(analysis.burst.completedPerSecond)} tasks/s` : ''}. The trust API counted every completion ${ms(analysis.trustApiCaughtUpAfterLastCompletionMs)} ms after the last one (upper bound, polled).`,
    '',
    ...table(['phase', 'assigned p50 / p95 / p99', 'claimed p50 / p95 / p99', 'completed p50 / p95 / p99', 'completed → trust recorded p50 / p95 / p99'], rows),
  ];
}

function costLines({ lifecycle }) {
  const cost = lifecycle.workload.burst?.cost;
  if (!cost) return [];
  const cpuRows = Object.entries(cost.cpuMsPerTask).map(([name, value]) => [`CPU ms: ${name}`, fixed(value)]);
  return [
    `Per-task cost of the burst (${cost.tasks} tasks, ${fixed(cost.seconds, 1)} s from submission until the platform was quiet), from /proc, pg_stat_database, the topics' offsets and the services' metrics.`,
    '',
    ...table(
      ['per task', 'value'],
      [
        ...cpuRows,
        ['CPU ms: total (services + PostgreSQL + Redis + Kafka)', fixed(cost.totalCpuMsPerTask)],
        ['PostgreSQL transactions', fixed(cost.transactionsPerTask)],
        ['Kafka messages produced', fixed(cost.kafkaProducedPerTask)],
        ['Kafka deliveries consumed (skipped ones included)', fixed(cost.kafkaConsumedPerTask)],
        ['gateway requests', fixed(cost.gatewayRequestsPerTask)],
      ],
    ),
  ];
}

function idleLines({ idleTransactionsPerSecond }) {
  if (idleTransactionsPerSecond === undefined) return [];
  return [`Idle stack (after start-up, nothing submitted): ${idleTransactionsPerSecond.toFixed(1)} PostgreSQL transactions/s across the seven services (timers and safety-net polls).`];
}

function memoryLines({ memory }) {
  const phases = Object.keys(memory.phases);
  const rows = memory.processes.map(({ name }) => [name, ...phases.map((phase) => ms(memory.phases[phase][name])), ms(memory.highWater[name])]);
  const total = (phase) => memory.processes.filter(({ name }) => !name.startsWith('kafka')).reduce((sum, { name }) => sum + (memory.phases[phase][name] ?? 0), 0);
  rows.push(['seven services', ...phases.map((phase) => ms(total(phase))), '']);
  return ['Resident memory (RSS, MiB) of each process: at idle after start, and the peak during each part.', '', ...table(['process', ...phases.map((phase) => (phase === 'idle' ? 'idle' : `peak: ${phase}`)), 'peak since start (VmHWM)'], rows)];
}

export function formatReport(results) {
  const sections = [machineLines(results)];
  if (results.mixed) sections.push(mixedLines(results));
  if (results.lifecycle || results.peers) sections.push(jobLines(results));
  if (results.lifecycle) sections.push(lifecycleLines(results), costLines(results));
  if (results.memory) sections.push(idleLines(results), memoryLines(results));
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

/** Writes `results` to `<dir>/results-<timestamp>.json`; returns the path. */
export function writeResults(results, dir) {
  const directory = isAbsolute(dir) ? dir : join(root, dir);
  mkdirSync(directory, { recursive: true });
  const file = join(directory, `results-${results.startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}
