#!/usr/bin/env node
// Authenticated GET through the gateway versus the same GET straight to agent-service, one run
// side by side on this machine, with what each request costs in CPU: the gateway's, the service's,
// PostgreSQL's, Redis's and the load generator's own (all on the same cores), from /proc. Starts its
// own stack (own ports, database and secrets), measures, prints a Markdown table and stops the
// stack. Not a test: nothing here passes or fails on speed.
//
//   node tools/bench/gateway/bench.mjs [--requests 5000] [--concurrency 32] [--no-build]
//
// Traffic goes to 127.0.0.1 only, in a bounded number of requests.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { signedCallerHeaders } from '../lib.mjs';
import { namedProcessesCpuMs, postgresCpuMs, processCpuMs } from '../process-cpu.mjs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const require = createRequire(join(root, 'package.json'));
const { Pool } = require('undici');

const arg = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
};
const REQUESTS = arg('requests', 5_000);
const CONCURRENCY = arg('concurrency', 32);
const WARMUP = Math.min(500, REQUESTS);
const PORT_BASE = Number(process.env.BENCH_PORT_BASE ?? 23_080);

const secret = randomBytes(32).toString('base64url');
const adminKey = `ains_${randomBytes(8).toString('hex')}_${randomBytes(32).toString('base64url')}`;
const env = {
  ...process.env,
  AINS_PORT_BASE: String(PORT_BASE),
  AINS_STACK_DIR: join(root, `.data/stack-bench-${PORT_BASE}`),
  KAFKA_CONSUMER_GROUP_PREFIX: `bench-${PORT_BASE}-`,
  DATABASE_URL: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ains_bench',
  REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/12',
  INTERNAL_AUTH_SECRET: secret,
  BOOTSTRAP_ADMIN_API_KEY: adminKey,
  // Production's level: every request's access line is part of its cost.
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  NODE_ENV: 'production',
  MIGRATIONS_RUN: 'false',
  // A broker of its own would be stopped with the stack; use the running one (started if needed, left running).
  KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
};
const gateway = `http://127.0.0.1:${PORT_BASE}`;
const agentService = `http://127.0.0.1:${PORT_BASE + 2}`;

function stack(...args) {
  const result = spawnSync('node', [join(root, 'tools/stack/stack.mjs'), ...args], { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`stack ${args.join(' ')} failed`);
}

async function json(method, url, body, headers) {
  const response = await fetch(url, { method, headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${url}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** Sends `count` GETs from CONCURRENCY workers over keep-alive connections; returns each latency in ms. */
async function load(pool, count, path, headersFor) {
  const latencies = [];
  let sent = 0;
  let failures = 0;
  const worker = async () => {
    while (sent < count) {
      sent++;
      const started = process.hrtime.bigint();
      const response = await pool.request({ method: 'GET', path, headers: headersFor() });
      await response.body.dump();
      if (response.statusCode !== 200) failures++;
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { latencies, failures };
}

/** CPU ms so far of each process the measurement involves. */
function cpuNow(pids) {
  const own = process.cpuUsage();
  return {
    gateway: processCpuMs(pids['api-gateway']),
    service: processCpuMs(pids['agent-service']),
    postgresql: postgresCpuMs(),
    redis: namedProcessesCpuMs('redis-server'),
    generator: (own.user + own.system) / 1000,
  };
}

async function measure(origin, path, headersFor, pids) {
  const pool = new Pool(origin, { connections: CONCURRENCY });
  try {
    await load(pool, WARMUP, path, headersFor);
    const cpuBefore = cpuNow(pids);
    const begin = performance.now();
    const { latencies, failures } = await load(pool, REQUESTS, path, headersFor);
    const seconds = (performance.now() - begin) / 1000;
    const cpuAfter = cpuNow(pids);
    latencies.sort((a, b) => a - b);
    const pick = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
    // µs of CPU per request, per process.
    const cpuUs = Object.fromEntries(Object.keys(cpuAfter).map((name) => [name, ((cpuAfter[name] - cpuBefore[name]) * 1000) / latencies.length]));
    return { rps: latencies.length / seconds, p50: pick(0.5), p99: pick(0.99), failures, cpuUs };
  } finally {
    await pool.close();
  }
}

async function main() {
  if (!process.env.KAFKA_BROKERS) spawnSync(join(root, 'tools/kafka/kafka.sh'), ['start'], { cwd: root, stdio: 'inherit' });
  stack('up', '--detach', ...(process.argv.includes('--no-build') ? ['--no-build'] : []));
  try {
    const admin = { 'x-api-key': adminKey };
    const agent = await json('POST', `${gateway}/v1/agents`, { display_name: 'bench-agent', capabilities: [{ name: 'python', version: '3.12.1' }] }, admin);
    const key = await json('POST', `${gateway}/v1/api-keys`, { name: 'bench', client_id: 'bench', scopes: ['agents:read'], rate_limit_per_minute: 100_000 }, admin);
    const path = `/v1/agents?limit=10`;
    const caller = { clientId: 'bench', keyId: key.id, scopes: ['agents:read'] };
    const pids = Object.fromEntries(JSON.parse(readFileSync(join(env.AINS_STACK_DIR, 'state.json'), 'utf8')).services.map(({ name, pid }) => [name, pid]));
    const direct = await measure(agentService, path, () => signedCallerHeaders(caller, 'GET', path, secret), pids);
    const through = await measure(gateway, path, () => ({ 'x-api-key': key.api_key }), pids);
    const fmt = (n) => (Number.isFinite(n) ? n.toFixed(n >= 100 ? 0 : 2) : '–');
    const row = (label, m) =>
      `| ${label} | ${fmt(m.rps)} | ${fmt(m.p50)} | ${fmt(m.p99)} | ${m.failures} | ${fmt(m.cpuUs.gateway)} | ${fmt(m.cpuUs.service)} | ${fmt(m.cpuUs.postgresql)} | ${fmt(m.cpuUs.redis)} | ${fmt(m.cpuUs.generator)} |`;
    const lines = [
      `GET ${path} (agent ${agent.id.slice(0, 8)}…), ${REQUESTS} requests after ${WARMUP} warm-up, concurrency ${CONCURRENCY}, node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
      '',
      '| path | req/s | p50 ms | p99 ms | non-200 | CPU µs/req gateway | agent-service | PostgreSQL | Redis | load generator |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      row('straight to agent-service (signed caller)', direct),
      row('through the gateway (API key, rate limit, validation, forwarding)', through),
      `| gateway's added latency | | ${fmt(through.p50 - direct.p50)} | ${fmt(through.p99 - direct.p99)} | | | | | | |`,
    ];
    process.stdout.write(`\n${lines.join('\n')}\n`);
  } finally {
    stack('down');
  }
}

main().catch((error) => {
  process.stderr.write(`bench: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
