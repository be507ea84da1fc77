import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { E2E_PORT_BASE, SERVICE_PORTS, e2eEnv } from './stack-env';

const root = resolve(__dirname, '../../..');
const READY_TIMEOUT_MS = 180_000;

/**
 * Starts the single-process mode as `npm start` does (built services, embedded PostgreSQL in a
 * fresh data directory, in-process events, no Redis) and waits until every service is ready.
 */
export async function startStandalone(): Promise<ChildProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ains-e2e-standalone-'));
  const log = join(dataDir, 'ains.log');
  const output = openSync(log, 'a');
  // Without these the launcher embeds PostgreSQL and keeps events, caches and rate limits in
  // process, as on a fresh machine without Kafka or Redis.
  const { KAFKA_BROKERS: _kafka, DATABASE_URL: _database, REDIS_URL: _redis, ...inherited } = process.env;
  const child = spawn('node', ['tools/standalone/start.mjs', '--no-build'], {
    cwd: root,
    env: {
      ...inherited,
      PORT: String(E2E_PORT_BASE),
      AINS_DATA_DIR: dataDir,
      AINS_POSTGRES_PORT: String(E2E_PORT_BASE + 8),
      LOG_LEVEL: 'warn',
      BOOTSTRAP_ADMIN_API_KEY: e2eEnv.BOOTSTRAP_ADMIN_API_KEY,
      BOOTSTRAP_ADMIN_CLIENT_ID: e2eEnv.BOOTSTRAP_ADMIN_CLIENT_ID,
      BOOTSTRAP_ADMIN_RATE_LIMIT_PER_MINUTE: e2eEnv.BOOTSTRAP_ADMIN_RATE_LIMIT_PER_MINUTE,
      OUTBOX_POLL_INTERVAL_MS: e2eEnv.OUTBOX_POLL_INTERVAL_MS,
      WEBHOOK_ALLOWED_CIDRS: e2eEnv.WEBHOOK_ALLOWED_CIDRS,
      HTTP_HEADERS_TIMEOUT_MS: e2eEnv.HTTP_HEADERS_TIMEOUT_MS,
      HTTP_REQUEST_TIMEOUT_MS: e2eEnv.HTTP_REQUEST_TIMEOUT_MS,
    },
    stdio: ['ignore', output, output],
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (const port of Object.values(SERVICE_PORTS)) {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the single-process mode exited during start-up:\n${readFileSync(log, 'utf8').slice(-3_000)}`);
      const ready = await fetch(`http://127.0.0.1:${port}/ready`).then((r) => r.status === 200, () => false);
      if (ready) break;
      if (Date.now() > deadline) throw new Error(`port ${port} not ready after ${READY_TIMEOUT_MS} ms; log: ${log}`);
      await delay(250);
    }
  }
  return child;
}

/** Ctrl-C, as a person would: the process stops its services and PostgreSQL, then exits. */
export async function stopStandalone(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
  child.kill('SIGINT');
  await Promise.race([exited, delay(60_000)]);
  if (child.exitCode === null) child.kill('SIGKILL');
}
