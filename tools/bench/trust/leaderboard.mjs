#!/usr/bin/env node
// Leaderboard latency of trust-service with 10,000 agents and 1,000,000 trust records.
//
//   npx nx build trust-service api-gateway && node tools/bench/trust/leaderboard.mjs
//
// Starts the built service (dist/apps/trust-service/main.js) and the gateway in front of it on
// their own database and Redis database, seeds them with generate_series, and queries the
// leaderboard through the gateway with an API key (authentication, rate limit, validation,
// forwarding), then straight to the service with caller headers signed as the gateway signs them.
// Prints Markdown tables for docs/trust-service.md. BENCH_KEEP=1 keeps the database afterwards.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { ensureDatabase, percentile, signedCallerHeaders, sql } from '../lib.mjs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as delay } from 'node:timers/promises';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const require = createRequire(join(root, 'package.json'));
const Redis = require('ioredis');

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ains_bench_trust';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/13';
const PORT = Number(process.env.BENCH_PORT ?? 24_083);
const SECRET = randomUUID() + randomUUID();
const CACHE_PREFIX = `bench-${randomUUID().slice(0, 8)}:`;
const AGENTS = 10_000;
const RECORDS = 1_000_000;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const base = `http://127.0.0.1:${PORT}`;
const gatewayBase = `http://127.0.0.1:${PORT + 1}`;
const API_KEY = `ains_${randomBytes(8).toString('hex')}_${randomBytes(32).toString('base64url')}`;

const say = (message) => process.stderr.write(`bench: ${message}\n`);

const adminUrl = () => Object.assign(new URL(DATABASE_URL), { pathname: '/postgres' }).toString();
const databaseName = new URL(DATABASE_URL).pathname.slice(1);

/** One GET, straight to trust-service (`direct`) or through the gateway with the API key. */
async function timedGet(path, via = 'direct') {
  const started = process.hrtime.bigint();
  const response =
    via === 'direct' ? await fetch(base + path, { headers: signedCallerHeaders({ clientId: 'bench', keyId: 'bench-key', scopes: ['trust:read'] }, 'GET', path, SECRET) }) : await fetch(gatewayBase + path, { headers: { 'x-api-key': API_KEY } });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

function summary(name, samples, wallMs) {
  const sorted = [...samples].sort((a, b) => a - b);
  const f = (value) => value.toFixed(1);
  const rate = wallMs ? ` | ${Math.round((samples.length / wallMs) * 1000)}` : ' | –';
  return `| ${name} | ${samples.length} | ${f(percentile(sorted, 50))} | ${f(percentile(sorted, 95))} | ${f(percentile(sorted, 99))} | ${f(sorted.at(-1))}${rate} |`;
}

async function seed() {
  say(`seeding ${AGENTS} agents and ${RECORDS} trust records`);
  const tier = (s) => `CASE WHEN ${s} >= 9000 THEN 'excellent' WHEN ${s} >= 7000 THEN 'good' WHEN ${s} >= 5000 THEN 'average' WHEN ${s} >= 3000 THEN 'below_average' ELSE 'poor' END`;
  await sql(
    DATABASE_URL,
    `INSERT INTO trust.trust_scores (agent_id, score_bp, tier, recent_outcomes, tasks_completed, tasks_failed, tasks_timed_out, updated_at)
     SELECT md5('agent' || g)::uuid, s, ${tier('s')}, repeat('1', 95) || repeat('0', 5), 95, 3, 2, now()
       FROM generate_series(1, ${AGENTS}) g, LATERAL (SELECT (hashtext(g::text) & 2147483647) % 10001 AS s) score`,
  );
  await sql(
    DATABASE_URL,
    `INSERT INTO trust.agent_profiles (agent_id, display_name, tags, status, updated_at)
     SELECT md5('agent' || g)::uuid, 'agent-' || g, ARRAY['tag-' || (g % 20), 'region-' || (g % 5)], CASE WHEN g % 50 = 0 THEN 'deregistered' ELSE 'online' END, now()
       FROM generate_series(1, ${AGENTS}) g`,
  );
  await sql(
    DATABASE_URL,
    `INSERT INTO trust.trust_records (agent_id, event_type, task_id, delta_bp, score_before_bp, score_after_bp, reason, created_at)
     SELECT md5('agent' || (g % ${AGENTS} + 1))::uuid, 'ains.task.completed.v1', md5('task' || g)::uuid, 200, 5000, 5200, 'seeded', now() - make_interval(secs => g)
       FROM generate_series(1, ${RECORDS}) g`,
  );
  await sql(DATABASE_URL, 'ANALYZE trust.trust_scores, trust.agent_profiles, trust.trust_records');
}

async function main() {
  await ensureDatabase(DATABASE_URL);
  await sql(DATABASE_URL, 'DROP SCHEMA IF EXISTS trust CASCADE');

  const service = spawn(process.execPath, [join(root, 'dist/apps/trust-service/main.js')], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      MIGRATIONS_RUN: 'true',
      LOG_LEVEL: 'warn',
      PORT: String(PORT),
      DATABASE_URL,
      REDIS_URL,
      KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
      KAFKA_CONSUMER_GROUP_PREFIX: `bench-${randomUUID().slice(0, 8)}-`,
      INTERNAL_AUTH_SECRET: SECRET,
      LEADERBOARD_CACHE_KEY_PREFIX: CACHE_PREFIX,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const gateway = spawn(process.execPath, [join(root, 'dist/apps/api-gateway/main.js')], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      MIGRATIONS_RUN: 'true',
      LOG_LEVEL: 'warn',
      PORT: String(PORT + 1),
      DATABASE_URL,
      REDIS_URL,
      INTERNAL_AUTH_SECRET: SECRET,
      TRUST_SERVICE_URL: base,
      BOOTSTRAP_ADMIN_API_KEY: API_KEY,
      BOOTSTRAP_ADMIN_RATE_LIMIT_PER_MINUTE: '100000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const processes = [service, gateway];
  const redis = new Redis(REDIS_URL);
  try {
    for (const [name, url, child] of [['trust-service', base, service], ['api-gateway', gatewayBase, gateway]]) {
      for (let ready = false; !ready; ) {
        if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
        ready = (await fetch(`${url}/ready`).catch(() => undefined))?.status === 200;
        if (!ready) await delay(250);
      }
    }
    await seed();

    const queries = ['/v1/trust/leaderboard?limit=10', '/v1/trust/leaderboard?limit=100', '/v1/trust/leaderboard?tier=good&limit=10', '/v1/trust/leaderboard?tag=tag-7&limit=10', '/v1/trust/leaderboard?tier=excellent&tag=region-3&limit=50'];
    const clearCache = async () => {
      const keys = await redis.keys(`${CACHE_PREFIX}*`);
      if (keys.length > 0) await redis.del(...keys);
    };

    const measure = async (via) => {
      for (const query of queries) await timedGet(query, via); // warm up connections and plans
      const uncached = [];
      for (let i = 0; i < REQUESTS; i += 1) {
        await clearCache();
        uncached.push(await timedGet(queries[i % queries.length], via));
      }
      const cached = [];
      for (let i = 0; i < REQUESTS; i += 1) cached.push(await timedGet(queries[i % queries.length], via));
      const concurrent = [];
      const started = Date.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: 16 }, async () => {
          while (next < REQUESTS * 5) {
            next += 1;
            concurrent.push(await timedGet(queries[next % queries.length], via));
          }
        }),
      );
      const wallMs = Date.now() - started;
      return [
        summary(`${via}: cache miss (key deleted before each request), sequential`, uncached),
        summary(`${via}: cache hit, sequential`, cached),
        summary(`${via}: cache hit, 16 concurrent`, concurrent, wallMs),
      ];
    };
    const rows = [...(await measure('gateway')), ...(await measure('direct'))];

    const [{ records }] = await sql(DATABASE_URL, 'SELECT count(*)::int AS records FROM trust.trust_records');
    process.stdout.write(
      [
        `${AGENTS} agents, ${records} trust records; ${queries.length} query shapes in rotation; latency in ms, measured by the client.`,
        '',
        '| scenario | requests | p50 | p95 | p99 | max | req/s |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        ...rows,
        '',
      ].join('\n'),
    );
  } finally {
    redis.disconnect();
    for (const child of processes) child.kill('SIGTERM');
    await Promise.all(processes.map((child) => new Promise((done) => (child.exitCode !== null ? done() : child.once('exit', done)))));
    if (process.env.BENCH_KEEP !== '1') await sql(adminUrl(), `DROP DATABASE IF EXISTS "${databaseName}"`);
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
