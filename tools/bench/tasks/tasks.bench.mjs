#!/usr/bin/env node
// Latency and throughput of task-service's creation and read paths, against the seed's targets.
//
//   npx nx build task-service && node tools/bench/tasks/tasks.bench.mjs
//       starts the built service (dist/apps/task-service/main.js) on its own database and calls it
//       directly, with caller headers signed as the gateway signs them;
//   BENCH_GATEWAY_URL=http://127.0.0.1:8080 BENCH_API_KEY=<tasks:write+tasks:read key> node tools/bench/tasks/tasks.bench.mjs
//       measures through the gateway of a running stack instead.
//
// Measures POST /v1/tasks, GET /v1/tasks/{id}, POST /v1/tasks/batch (100 tasks) and
// POST /v1/task-chains (3 steps), each sequentially and with BENCH_CONCURRENCY requests in flight.
// Prints a Markdown table for docs/task-service.md. BENCH_KEEP=1 keeps the database afterwards.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { SEED_RESPONSE_TARGETS, ensureDatabase, percentile, signedCallerHeaders, sql } from '../lib.mjs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as delay } from 'node:timers/promises';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const require = createRequire(join(root, 'package.json'));

const GATEWAY_URL = process.env.BENCH_GATEWAY_URL;
const API_KEY = process.env.BENCH_API_KEY;
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ains_bench_tasks';
const PORT = Number(process.env.BENCH_PORT ?? 24_081);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const SECRET = randomUUID() + randomUUID();
const CLIENT_ID = `bench-${randomUUID().slice(0, 8)}`;
const base = GATEWAY_URL ?? `http://127.0.0.1:${PORT}`;

/** The seed's response-time target of each measured operation. */
const SEED = {
  'POST /v1/tasks': SEED_RESPONSE_TARGETS['POST /v1/tasks'],
  'GET /v1/tasks/{id}': SEED_RESPONSE_TARGETS['GET /v1/tasks/{id}'],
  'POST /v1/task-chains': SEED_RESPONSE_TARGETS['POST /v1/task-chains'],
  'POST /v1/tasks/batch (100)': SEED_RESPONSE_TARGETS['POST /v1/tasks/batch'],
};

const say = (message) => process.stderr.write(`bench: ${message}\n`);

const adminUrl = () => Object.assign(new URL(DATABASE_URL), { pathname: '/postgres' }).toString();
const databaseName = new URL(DATABASE_URL).pathname.slice(1);

/** API key through the gateway, or the gateway's internal signature (libs/platform/src/auth/internal-auth.ts). */
function authHeaders(method, url) {
  if (GATEWAY_URL) return { 'x-api-key': API_KEY };
  return signedCallerHeaders({ clientId: CLIENT_ID, keyId: 'bench-key', scopes: ['tasks:read', 'tasks:write'] }, method, url, SECRET);
}

/** One request; returns its latency in ms and the parsed body. */
async function timed(method, path, body, expected) {
  const headers = authHeaders(method, path);
  if (body !== undefined) headers['content-type'] = 'application/json';
  const started = process.hrtime.bigint();
  const response = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (response.status !== expected) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return { ms, body: JSON.parse(text) };
}

function row(name, mode, samples, wallMs) {
  const sorted = [...samples].sort((a, b) => a - b);
  const f = (value) => value.toFixed(1);
  const { p50, p95, p99, target } = SEED[name];
  return `| ${name} | ${mode} | ${samples.length} | ${f(percentile(sorted, 50))} | ${f(percentile(sorted, 95))} | ${f(percentile(sorted, 99))} | ${Math.round((samples.length / wallMs) * 1000)} | ${p50} / ${p95} / ${p99} (${target}) |`;
}

/** Runs `count` requests with `concurrency` in flight; returns the latencies and the wall time. */
async function run(count, concurrency, request) {
  const samples = [];
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const index = next;
        next += 1;
        samples.push((await request(index)).ms);
      }
    }),
  );
  return { samples, wallMs: Date.now() - started };
}

const taskBody = (index) => ({ task_type: 'bench', priority: (index % 10) + 1, input: { index, text: 'lorem ipsum '.repeat(10) }, labels: { bench: 'tasks' } });
const batchBody = () => ({ tasks: Array.from({ length: 100 }, (_, index) => ({ ...taskBody(index), ref: `t${index}`, depends_on_refs: index % 10 === 0 ? [] : [`t${index - 1}`] })) });
const chainBody = () => ({
  name: 'bench chain',
  steps: [{ task_type: 'extract', input: { url: 'https://example.org' } }, { task_type: 'transform', input_mapping: [{ target: 'rows', source: 'steps.0.result.rows' }] }, { task_type: 'load', input_mapping: [{ target: 'count', source: 'steps.1.result.count' }] }],
});

async function scenarios() {
  const ids = [];
  const scenario = {
    'POST /v1/tasks': async (index) => {
      const result = await timed('POST', '/v1/tasks', taskBody(index), 201);
      ids.push(result.body.id);
      return result;
    },
    'GET /v1/tasks/{id}': (index) => timed('GET', `/v1/tasks/${ids[index % ids.length]}`, undefined, 200),
    'POST /v1/tasks/batch (100)': () => timed('POST', '/v1/tasks/batch', batchBody(), 201),
    'POST /v1/task-chains': () => timed('POST', '/v1/task-chains', chainBody(), 201),
  };
  const counts = { 'POST /v1/tasks': REQUESTS, 'GET /v1/tasks/{id}': REQUESTS, 'POST /v1/tasks/batch (100)': Math.max(10, Math.round(REQUESTS / 8)), 'POST /v1/task-chains': Math.round(REQUESTS / 2) };

  for (const request of Object.values(scenario)) for (let i = 0; i < 5; i += 1) await request(i); // warm up
  const lines = [];
  for (const [name, request] of Object.entries(scenario)) {
    const sequential = await run(counts[name], 1, request);
    lines.push(row(name, 'sequential', sequential.samples, sequential.wallMs));
    const concurrent = await run(counts[name], CONCURRENCY, request);
    lines.push(row(name, `${CONCURRENCY} in flight`, concurrent.samples, concurrent.wallMs));
  }
  return lines;
}

function report(lines) {
  process.stdout.write(
    [
      `Target: ${GATEWAY_URL ? `the gateway at ${GATEWAY_URL}` : 'task-service directly (signed caller headers)'}; latency in ms, measured by the client; seed p50 / p95 / p99 (target) for comparison.`,
      '',
      '| operation | mode | requests | p50 | p95 | p99 | req/s | seed |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      ...lines,
      '',
    ].join('\n'),
  );
}

async function startService() {
  await ensureDatabase(DATABASE_URL);
  await sql(DATABASE_URL, 'DROP SCHEMA IF EXISTS task CASCADE');
  const service = spawn(process.execPath, [join(root, 'dist/apps/task-service/main.js')], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      MIGRATIONS_RUN: 'true',
      LOG_LEVEL: 'warn',
      PORT: String(PORT),
      DATABASE_URL,
      KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
      KAFKA_CONSUMER_GROUP_PREFIX: `bench-${randomUUID().slice(0, 8)}-`,
      INTERNAL_AUTH_SECRET: SECRET,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let ready = false; !ready; ) {
    if (service.exitCode !== null) throw new Error(`task-service exited with ${service.exitCode}`);
    ready = (await fetch(`${base}/ready`).catch(() => undefined))?.status === 200;
    if (!ready) await delay(250);
  }
  return service;
}

async function main() {
  if (GATEWAY_URL) {
    if (!API_KEY) throw new Error('BENCH_API_KEY is required with BENCH_GATEWAY_URL');
    report(await scenarios());
    return;
  }
  say('starting task-service');
  const service = await startService();
  try {
    report(await scenarios());
  } finally {
    service.kill('SIGTERM');
    await new Promise((done) => (service.exitCode !== null ? done() : service.once('exit', done)));
    if (process.env.BENCH_KEEP !== '1') await sql(adminUrl(), `DROP DATABASE IF EXISTS "${databaseName}"`);
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
