#!/usr/bin/env node
// Distributed mode on one machine, without Docker: Kafka (via tools/kafka unless KAFKA_BROKERS is
// set), migrations, then all seven services as separate processes on fixed ports.
//
//   node tools/stack/stack.mjs up [--detach] [--no-build]   start; Ctrl-C stops everything
//   node tools/stack/stack.mjs down                          stop a stack left running (--detach)
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as delay } from 'node:timers/promises';
import { createRequire } from 'node:module';
import { SERVICES, portOf, upstreamEnv } from './services.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const stateDir = process.env.AINS_STACK_DIR ?? join(root, '.data/stack');
const stateFile = join(stateDir, 'state.json');
const logDir = join(stateDir, 'logs');
const READY_TIMEOUT_MS = Number(process.env.AINS_READY_TIMEOUT_MS ?? 120_000);
const STOP_TIMEOUT_MS = 30_000;

const say = (message) => process.stdout.write(`stack: ${message}\n`);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function readState() {
  return existsSync(stateFile) ? JSON.parse(readFileSync(stateFile, 'utf8')) : undefined;
}

async function ensureDatabase(url) {
  const require = createRequire(join(root, 'package.json'));
  const { Client } = require('pg');
  const name = new URL(url).pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      say(`created database ${name}`);
    }
  } finally {
    await client.end();
  }
}

async function waitReady(children, env) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  const services = children.map(({ service }) => service);
  const pending = new Set(services.map((s) => s.name));
  while (pending.size > 0) {
    const dead = children.find(({ child }) => child.exitCode !== null || child.signalCode !== null);
    if (dead) {
      const log = readFileSync(join(logDir, `${dead.service.name}.log`), 'utf8').trim().split('\n').slice(-15).join('\n');
      throw new Error(`${dead.service.name} exited during start-up (${dead.child.exitCode ?? dead.child.signalCode}):\n${log}`);
    }
    for (const service of services) {
      if (!pending.has(service.name)) continue;
      const response = await fetch(`http://127.0.0.1:${portOf(service, env)}/ready`).catch(() => undefined);
      if (response?.status === 200) pending.delete(service.name);
    }
    if (pending.size === 0) break;
    if (Date.now() > deadline) throw new Error(`not ready after ${READY_TIMEOUT_MS} ms: ${[...pending].join(', ')} (see ${logDir})`);
    await delay(250);
  }
}

async function stopProcesses(pids) {
  for (const pid of pids) if (alive(pid)) process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (pids.some(alive) && Date.now() < deadline) await delay(100);
  for (const pid of pids.filter(alive)) process.kill(pid, 'SIGKILL');
}

async function up({ detach, build }) {
  const existing = readState();
  if (existing?.services?.some((s) => alive(s.pid))) throw new Error('a stack is already running; run `npm run stack:down` first');
  mkdirSync(logDir, { recursive: true });

  const env = { ...process.env };
  let startedKafka = false;
  if (!env.KAFKA_BROKERS) {
    // A broker that was already running is left running when the stack stops.
    const running = spawnSync(join(root, 'tools/kafka/kafka.sh'), ['status'], { cwd: root, stdio: 'ignore' }).status === 0;
    if (!running) {
      run(join(root, 'tools/kafka/kafka.sh'), ['start']);
      startedKafka = true;
    }
    env.KAFKA_BROKERS = `127.0.0.1:${env.KAFKA_PORT ?? 9092}`;
  }
  env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/ains';
  env.REDIS_URL ??= 'redis://127.0.0.1:6379/0';
  env.NODE_ENV ??= 'development';
  // One secret per stack run: the gateway signs forwarded callers with it, the services verify.
  env.INTERNAL_AUTH_SECRET ??= randomBytes(32).toString('base64url');
  for (const [name, url] of Object.entries(upstreamEnv(env))) env[name] ??= url;
  await ensureDatabase(env.DATABASE_URL);

  if (build) run('npx', ['nx', 'run-many', '-t', 'build', '--projects=tag:type:app', '--parallel=2', '--output-style=static'], { env: { ...env, NX_DAEMON: 'false' } });
  for (const service of SERVICES) run('node', [join(root, 'dist/apps', service.name, 'main.js'), 'migrate'], { env });

  const children = SERVICES.map((service) => {
    // Each service writes straight to its log file, so it keeps logging after a detached `up` exits.
    const log = openSync(join(logDir, `${service.name}.log`), 'a');
    // AINS_NODE_ARGS adds flags to every service's node, e.g. `--cpu-prof --cpu-prof-dir=/tmp/profiles`.
    const nodeArgs = (env.AINS_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const child = spawn('node', ['--enable-source-maps', ...nodeArgs, join(root, 'dist/apps', service.name, 'main.js')], {
      cwd: root,
      env: { ...env, PORT: String(portOf(service, env)), MIGRATIONS_RUN: 'false' },
      stdio: ['ignore', log, log],
      detached: detach,
    });
    closeSync(log);
    return { service, child };
  });
  writeFileSync(stateFile, JSON.stringify({ startedKafka, services: children.map(({ service, child }) => ({ name: service.name, pid: child.pid })) }, null, 2));

  const shutdown = async () => {
    say('stopping');
    await stopProcesses(children.map(({ child }) => child.pid));
    if (startedKafka) run(join(root, 'tools/kafka/kafka.sh'), ['stop']);
    rmSync(stateFile, { force: true });
  };

  try {
    await waitReady(children, env);
  } catch (error) {
    await shutdown();
    throw error;
  }
  const gateway = `http://127.0.0.1:${portOf(SERVICES.at(-1), env)}`;
  say(`all ${SERVICES.length} services are ready; logs in ${logDir}`);
  say(`gateway: ${gateway}`);
  if (detach) {
    for (const { child } of children) child.unref();
    say('running in the background; stop it with `npm run stack:down`');
    return;
  }
  for (const { service, child } of children) {
    child.on('exit', (code, signal) => say(`${service.name} exited (${signal ?? code})`));
  }
  await new Promise((resolveSignal) => {
    process.once('SIGINT', resolveSignal);
    process.once('SIGTERM', resolveSignal);
  });
  await shutdown();
}

async function down() {
  const state = readState();
  if (!state) {
    say('no stack is running');
    return;
  }
  await stopProcesses(state.services.map((s) => s.pid));
  if (state.startedKafka) run(join(root, 'tools/kafka/kafka.sh'), ['stop']);
  rmSync(stateFile, { force: true });
  say('stopped');
}

const [command = 'up', ...flags] = process.argv.slice(2);
const main = command === 'down' ? down() : command === 'up' ? up({ detach: flags.includes('--detach'), build: !flags.includes('--no-build') }) : Promise.reject(new Error(`unknown command ${command}`));
main.catch((error) => {
  process.stderr.write(`stack: ${error.message}\n`);
  process.exit(1);
});
