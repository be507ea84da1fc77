import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { dropSchemas, ensureDatabase } from '@ains/testing';
import { e2eEnv } from './stack-env';

const root = resolve(__dirname, '../../..');
const SCHEMAS = ['gateway', 'task', 'agent', 'trust', 'routing', 'scheduler', 'webhook'];

/** Starts the distributed stack the way `npm run stack` does, on an empty database. */
export default async function globalSetup(): Promise<void> {
  await ensureDatabase(e2eEnv.DATABASE_URL);
  await dropSchemas(e2eEnv.DATABASE_URL, ...SCHEMAS);
  const result = spawnSync('node', ['tools/stack/stack.mjs', 'up', '--detach'], {
    cwd: root,
    env: { ...process.env, ...e2eEnv },
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`the stack did not start (exit ${result.status ?? result.signal})`);
}
