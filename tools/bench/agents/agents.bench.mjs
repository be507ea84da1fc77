#!/usr/bin/env node
// One agent-SDK agent working through many no-op tasks: throughput, gateway requests per task,
// 429s seen, timed-out attempts and results dropped. A benchmark, not a test: it asserts nothing
// and prints its figures with the targets next to them.
//
//   npx nx run-many -t build --projects=tag:type:app,agent-sdk && node tools/bench/agents/agents.bench.mjs
//       starts the single-process mode (`npm start`, embedded PostgreSQL, in-process events) on
//       BENCH_PORT_BASE (default 28180: gateway there, services on the next six ports) and stops it after;
//   BENCH_GATEWAY_URL=http://127.0.0.1:8080 BENCH_API_KEY=<admin key> node tools/bench/agents/agents.bench.mjs
//       runs against a platform already running (the distributed stack of `npm run stack`, say).
//
// BENCH_TASKS (5000) no-op tasks are submitted in batches of BENCH_BATCH (1000) to one agent with
// BENCH_CONCURRENCY (32) slots, whose key has the default rate limit of a registered agent.
// BENCH_PUSH=false makes the agent long-poll instead of taking its tasks on the assignment stream.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { root } from '../lib.mjs';
import { loadAgentSdk } from '../suite/agent-sdk.mjs';

const TASKS = Number(process.env.BENCH_TASKS ?? 5_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 1_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const PORT_BASE = Number(process.env.BENCH_PORT_BASE ?? 28_180);
const DEADLINE_MS = Number(process.env.BENCH_DEADLINE_MS ?? 600_000);
const PUSH = process.env.BENCH_PUSH !== 'false';
const TARGETS = { tasksPerSecond: 200, requestsPerTask: 0.3, timedOut: 0, dropped: 0 };

const say = (message) => process.stderr.write(`agents bench: ${message}\n`);

/** `npm start` on its own ports and data directory; resolves with the gateway URL, admin key and a stop function. */
async function startSingleProcess() {
  // A platform left running on these ports would answer the readiness checks below in place of ours.
  for (let port = PORT_BASE; port <= PORT_BASE + 6; port++) {
    if (await fetch(`http://127.0.0.1:${port}/ready`).then(() => true, () => false)) throw new Error(`port ${port} already answers: stop what runs there or choose BENCH_PORT_BASE`);
  }
  const adminKey = `ains_${randomBytes(8).toString('hex')}_${randomBytes(32).toString('base64url')}`;
  const { KAFKA_BROKERS: _kafka, DATABASE_URL: _database, REDIS_URL: _redis, ...inherited } = process.env;
  const child = spawn('node', ['tools/standalone/start.mjs', '--no-build'], {
    cwd: root,
    env: { ...inherited, PORT: String(PORT_BASE), AINS_DATA_DIR: mkdtempSync(join(tmpdir(), 'ains-bench-agents-')), AINS_POSTGRES_PORT: String(PORT_BASE + 8), LOG_LEVEL: 'warn', BOOTSTRAP_ADMIN_API_KEY: adminKey },
    stdio: ['ignore', 'ignore', process.stderr],
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    await Promise.race([exited, delay(60_000)]);
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  const deadline = Date.now() + 180_000;
  for (let port = PORT_BASE; port <= PORT_BASE + 6; port++) {
    while ((await fetch(`http://127.0.0.1:${port}/ready`).then((r) => r.status, () => 0)) !== 200) {
      if (child.exitCode !== null) throw new Error('the single-process mode exited during start-up');
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`port ${port} not ready after 180 s`);
      }
      await delay(250);
    }
  }
  return { url: `http://127.0.0.1:${PORT_BASE}`, adminKey, stop, mode: 'single-process (npm start)' };
}

/** A fetch that counts the agent's requests and the 429s among their answers. */
function countingFetch(counts) {
  return async (request) => {
    counts.requests++;
    const response = await fetch(request);
    if (response.status === 429) counts.rateLimited++;
    return response;
  };
}

async function main() {
  const platform = process.env.BENCH_GATEWAY_URL
    ? { url: process.env.BENCH_GATEWAY_URL, adminKey: process.env.BENCH_API_KEY, stop: async () => undefined, mode: `running platform at ${process.env.BENCH_GATEWAY_URL}` }
    : await startSingleProcess();
  // Ctrl-C stops what the bench started rather than leaving it behind.
  process.once('SIGINT', () => void platform.stop().finally(() => process.exit(130)));
  if (!platform.adminKey) throw new Error('BENCH_API_KEY (an admin key) is required with BENCH_GATEWAY_URL');
  const { AinsAgent } = loadAgentSdk();
  let agent;
  try {
    const post = async (path, key, body) => {
      const response = await fetch(`${platform.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': key }, body: JSON.stringify(body) });
      if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
      return response.json();
    };
    const get = async (path, key) => (await fetch(`${platform.url}${path}`, { headers: { 'x-api-key': key } })).json();
    const clientKey = (await post('/v1/api-keys', platform.adminKey, { name: 'agents bench', client_id: `bench-agents-${randomUUID()}`, scopes: ['tasks:read', 'tasks:write', 'agents:read', 'agents:write'], rate_limit_per_minute: 100_000 })).api_key;
    const tag = `bench-${randomUUID().slice(0, 8)}`;
    const registered = await post('/v1/agents', clientKey, { display_name: 'agents bench', tags: [tag], max_concurrency: CONCURRENCY });

    const counts = { requests: 0, rateLimited: 0 };
    agent = new AinsAgent({ url: platform.url, apiKey: registered.api_key, agentId: registered.id, concurrency: CONCURRENCY, handleSignals: false, push: PUSH, fetch: countingFetch(counts) });
    agent.handle('bench.noop', () => ({}));
    await agent.start();
    const setupRequests = counts.requests;

    say(`${platform.mode}: ${TASKS} no-op tasks in batches of ${BATCH}, one agent at concurrency ${CONCURRENCY}, ${PUSH ? 'assignment stream' : 'long-poll'}`);
    const began = Date.now();
    let submitRequests = 0;
    for (let sent = 0; sent < TASKS; sent += BATCH) {
      const size = Math.min(BATCH, TASKS - sent);
      await post('/v1/tasks/batch', clientKey, { tasks: Array.from({ length: size }, () => ({ task_type: 'bench.noop', routing: { required_tags: [tag] } })) });
      submitRequests++;
    }
    while (agent.stats.completed + agent.stats.lost + agent.stats.givenUp + agent.stats.failed < TASKS && Date.now() - began < DEADLINE_MS) await delay(50);
    const elapsedMs = Date.now() - began;
    const stats = agent.stats;
    const agentRequests = counts.requests - setupRequests;

    // The platform's own count of timed-out attempts, once its metrics have caught up with the completions.
    let metrics;
    for (const until = Date.now() + 60_000; Date.now() < until; await delay(500)) {
      metrics = (await get(`/v1/agents/${registered.id}`, clientKey)).metrics;
      if (metrics && metrics.completed + metrics.failed + metrics.timed_out >= stats.completed) break;
    }

    const figures = {
      mode: platform.mode,
      transport: PUSH ? 'assignment stream' : 'long-poll',
      tasks: TASKS,
      completed: stats.completed,
      elapsed_s: Number((elapsedMs / 1000).toFixed(1)),
      tasks_per_s: Number((stats.completed / (elapsedMs / 1000)).toFixed(1)),
      agent_requests: agentRequests,
      agent_requests_per_task: Number((agentRequests / TASKS).toFixed(3)),
      claim_requests: stats.claimRequests,
      pushed: stats.pushed,
      gateway_requests_per_task_with_submission: Number(((agentRequests + submitRequests) / TASKS).toFixed(3)),
      rate_limited_429: counts.rateLimited,
      timed_out_attempts: metrics?.timed_out ?? null,
      dropped: TASKS - stats.completed,
      lost: stats.lost,
      given_up: stats.givenUp,
      targets: TARGETS,
    };
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
    process.stdout.write(
      `\n| mode | tasks | tasks/s | requests per task (agent) | 429s | timed-out attempts | dropped |\n| --- | --- | --- | --- | --- | --- | --- |\n| ${figures.mode} | ${TASKS} | ${figures.tasks_per_s} (target ≥ ${TARGETS.tasksPerSecond}) | ${figures.agent_requests_per_task} (target ≤ ${TARGETS.requestsPerTask}) | ${figures.rate_limited_429} | ${figures.timed_out_attempts} (target 0) | ${figures.dropped} (target 0) |\n`,
    );
  } finally {
    await agent?.stop().catch(() => undefined);
    await platform.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`agents bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
