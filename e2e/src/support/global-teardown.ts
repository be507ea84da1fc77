import { spawnSync, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { Server } from 'node:http';
import { e2eEnv } from './stack-env';
import { stopStandalone } from './standalone';

export default async function globalTeardown(): Promise<void> {
  (globalThis as { otlpCollector?: Server }).otlpCollector?.close();
  const standalone = (globalThis as { standalone?: ChildProcess }).standalone;
  if (standalone) {
    await stopStandalone(standalone);
    return;
  }
  spawnSync('node', ['tools/stack/stack.mjs', 'down'], { cwd: resolve(__dirname, '../../..'), env: { ...process.env, ...e2eEnv }, stdio: 'inherit' });
}
