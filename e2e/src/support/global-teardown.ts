import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { e2eEnv } from './stack-env';

export default async function globalTeardown(): Promise<void> {
  spawnSync('node', ['tools/stack/stack.mjs', 'down'], { cwd: resolve(__dirname, '../../..'), env: { ...process.env, ...e2eEnv }, stdio: 'inherit' });
}
