import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { e2eEnv } from './stack-env';

const root = resolve(__dirname, '../../..');
const SCHEMAS = ['gateway', 'task', 'agent', 'trust', 'routing', 'scheduler', 'webhook'];

/** Starts the distributed stack the way `npm run stack` does, on empty schemas. */
export default async function globalSetup(): Promise<void> {
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
