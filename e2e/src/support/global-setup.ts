import { spawnSync, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { Client } from 'pg';
import type { Server } from 'node:http';
import { E2E_MODE, E2E_PORT_BASE, e2eEnv } from './stack-env';
import { startStandalone } from './standalone';
import { startOtlpCollector } from './otlp-collector';

const root = resolve(__dirname, '../../..');
const SCHEMAS = ['gateway', 'task', 'agent', 'trust', 'routing', 'scheduler', 'webhook'];

/**
 * Starts the platform under test: the distributed stack the way `npm run stack` does, on empty
 * schemas, or with E2E_MODE=standalone the single-process mode the way `npm start` does.
 */
export default async function globalSetup(): Promise<void> {
  // Kept on globalThis for globalTeardown, which runs in this same process.
  (globalThis as { otlpCollector?: Server }).otlpCollector = await startOtlpCollector(E2E_PORT_BASE + 9);
  if (E2E_MODE === 'standalone') {
    (globalThis as { standalone?: ChildProcess }).standalone = await startStandalone();
    return;
  }
  await dropSchemas();
  const result = spawnSync('node', ['tools/stack/stack.mjs', 'up', '--detach'], {
    cwd: root,
    env: { ...process.env, ...e2eEnv },
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`the stack did not start (exit ${result.status ?? result.signal})`);
}

// Global setup runs outside Jest's module mapping, so it cannot use @ains/testing.
async function dropSchemas(): Promise<void> {
  const client = new Client({ connectionString: e2eEnv.DATABASE_URL });
  const connected = await client.connect().then(
    () => true,
    (error: { code?: string }) => {
      if (error.code === '3D000') return false; // no database yet: the stack creates it
      throw error;
    },
  );
  if (!connected) return;
  try {
    for (const schema of SCHEMAS) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
