import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { waitFor } from '@ains/testing';
import { SERVICE_PORTS, e2eEnv } from './stack-env';

const root = resolve(__dirname, '../../..');
const stackDir = resolve(root, e2eEnv.AINS_STACK_DIR);
const stateFile = join(stackDir, 'state.json');

interface StackState {
  services: { name: string; pid: number }[];
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Stops one service of the distributed stack the suite started, keeps it down for `downMs`, then
 * starts it again exactly as it ran (same environment, read from the process), and records the
 * new process in the stack's state so `stack down` stops it. Linux only (/proc).
 */
export async function restartService(name: keyof typeof SERVICE_PORTS, downMs: number, whileDown: () => Promise<void> = async () => undefined): Promise<void> {
  const state = JSON.parse(readFileSync(stateFile, 'utf8')) as StackState;
  const entry = state.services.find((service) => service.name === name);
  if (!entry || !alive(entry.pid)) throw new Error(`${name} is not running in the stack at ${stackDir}`);
  const environment = Object.fromEntries(
    readFileSync(`/proc/${entry.pid}/environ`, 'utf8')
      .split('\0')
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
  );
  process.kill(entry.pid, 'SIGKILL');
  await waitFor(() => !alive(entry.pid), { timeoutMs: 10_000, description: `${name} to exit` });
  const downSince = Date.now();
  await whileDown();
  await delay(Math.max(0, downMs - (Date.now() - downSince)));

  const log = openSync(join(stackDir, 'logs', `${name}.log`), 'a');
  const child = spawn('node', ['--enable-source-maps', join(root, 'dist/apps', name, 'main.js')], { cwd: root, env: environment, stdio: ['ignore', log, log], detached: true });
  closeSync(log);
  child.unref();
  entry.pid = child.pid as number;
  writeFileSync(stateFile, JSON.stringify(state, null, 2));
  await waitFor(async () => (await fetch(`http://127.0.0.1:${SERVICE_PORTS[name]}/ready`).catch(() => undefined))?.status === 200, { timeoutMs: 60_000, intervalMs: 250, description: `${name} to be ready again` });
}
