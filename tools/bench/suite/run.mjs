#!/usr/bin/env node
// The benchmark suite: `npm run bench` (see docs/benchmarks.md). Starts the distributed stack on
// its own ports, database, Redis database and Kafka broker, then measures
//   1. the task lifecycle with agents written with the agent SDK (submit → claim → complete → trust),
//   2. a mixed workload of the seed's six endpoints through the gateway at a fixed arrival rate,
//   3. the same job workload as 1 on pg-boss and on BullMQ, once the stack is stopped,
//   4. each service's resident memory at idle and under load,
// prints Markdown tables and writes everything to a JSON file. Not a test: nothing passes or fails
// on speed. Everything it starts is stopped at the end, on an error and on Ctrl-C.
import { setTimeout as delay } from 'node:timers/promises';
import { buildAgentSdk, loadAgentSdk } from './agent-sdk.mjs';
import { createCleanup } from './cleanup.mjs';
import { costMeter, transactions } from './cost.mjs';
import { createFixtures } from './fixtures.mjs';
import { gatewayClient } from './gateway-client.mjs';
import { runJobWorkload } from './job-workload.mjs';
import { ainsSystem, analyseLifecycle } from './lifecycle.mjs';
import { describeMachine, loadAverageNow } from './machine.mjs';
import { memorySampler } from './memory.mjs';
import { runMixed } from './mixed.mjs';
import { readOptions, usage } from './options.mjs';
import { bullMqSystem, pgBossSystem } from './peers.mjs';
import { startPlatform } from './platform.mjs';
import { formatReport, writeResults } from './report.mjs';

const IDLE_SETTLE_MS = 10_000;

const say = (message) => process.stderr.write(`bench: ${message}\n`);
const withoutJobs = ({ steadyJobs: _steady, burstJobs: _burst, ...result }) => result;

const meterOf = (platform, options) =>
  costMeter({ processes: platform.processes, databaseUrl: options.databaseUrl, kafkaBrokers: platform.kafka.brokers, serviceUrls: platform.serviceUrls, gatewayUrl: platform.gateway });

/** Parts 1, 2 and 4 against the running stack; resolves with their results. */
async function measurePlatform(options, runId, cleanup) {
  const platform = await startPlatform(options, runId, cleanup, say);
  const memory = memorySampler(platform.processes);
  say(`stack ready; ${IDLE_SETTLE_MS / 1000} s at idle before the first memory reading`);
  // Past start-up's own work, the idle stack's PostgreSQL transactions per second: only timers and safety polls.
  await delay(IDLE_SETTLE_MS / 2);
  const idleFrom = { at: Date.now(), count: await transactions(options.databaseUrl) };
  await delay(IDLE_SETTLE_MS / 2);
  // The reading itself is one transaction and is left in: a conservative figure.
  const idleTransactionsPerSecond = (await transactions(options.databaseUrl) - idleFrom.count) / ((Date.now() - idleFrom.at) / 1000);
  memory.snapshot('idle');

  const client = gatewayClient(platform.gateway);
  const closeClient = cleanup.add('HTTP connections', () => client.close());
  const fixtures = await createFixtures(client, platform.adminKey, runId, options);
  const results = { kafka: platform.kafka, idleTransactionsPerSecond };

  if (options.parts.has('lifecycle')) {
    memory.during('lifecycle');
    const system = await ainsSystem(client, fixtures, platform.gateway, options);
    const stopAgents = cleanup.add('SDK agents', () => system.stop());
    const workload = await runJobWorkload(system, options, say, meterOf(platform, options));
    const analysis = await analyseLifecycle(client, fixtures, options.databaseUrl, workload, say);
    await stopAgents();
    results.lifecycle = { workload: withoutJobs(workload), analysis };
  }
  if (options.parts.has('mixed')) {
    memory.during('mixed');
    results.mixed = await runMixed(client, fixtures, options, say, meterOf(platform, options));
  }
  memory.pause();
  results.memory = memory.stop();
  await closeClient();
  await platform.stop();
  return results;
}

async function main() {
  const options = readOptions();
  if (options.help) {
    process.stdout.write(usage());
    return;
  }
  if (options.parts.has('lifecycle')) {
    // The stack builds the services; the simulated agents need the SDK's build as well.
    if (options.build) buildAgentSdk();
    // Fails now, with the build command, rather than after the stack started.
    loadAgentSdk();
  }
  const runId = Date.now().toString(36);
  const cleanup = createCleanup(say);
  const startedAt = new Date().toISOString();
  try {
    const machine = await describeMachine(options);
    const settings = { ...options, parts: [...options.parts] };
    const results = { startedAt, runId, settings, machine };

    if (options.parts.has('lifecycle') || options.parts.has('mixed')) {
      const { kafka, ...measured } = await measurePlatform(options, runId, cleanup);
      machine.kafka = kafka.own ? `${kafka.version} (own broker, ${kafka.brokers})` : `${kafka.version} at ${kafka.brokers}`;
      Object.assign(results, measured);
    }
    if (options.parts.has('peers')) {
      results.peers = [];
      for (const makeSystem of [pgBossSystem, bullMqSystem]) {
        const system = await makeSystem(options, runId);
        const stopSystem = cleanup.add(system.name, () => system.stop());
        results.peers.push(withoutJobs(await runJobWorkload(system, options, say)));
        await stopSystem();
      }
    }

    machine.loadAverageAtEnd = loadAverageNow();
    results.finishedAt = new Date().toISOString();
    process.stdout.write(`\n${formatReport(results)}`);
    say(`results written to ${writeResults(results, options.resultsDir)}`);
  } finally {
    await cleanup.run();
  }
}

main().catch((error) => {
  process.stderr.write(`bench: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
