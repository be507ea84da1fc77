// What the numbers were measured on: CPU, memory, versions, and the load average, which tells
// whether the machine was shared during the run.
import { cpus, loadavg, release, totalmem } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { root, sql } from '../lib.mjs';

const require = createRequire(join(root, 'package.json'));

async function redisVersion(url) {
  const Redis = require('ioredis');
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    return (await redis.info('server')).match(/^redis_version:(.*)$/m)?.[1].trim();
  } finally {
    redis.disconnect();
  }
}

/** The machine and the versions of what runs on it; Kafka's is added once the broker is known. */
export async function describeMachine(options) {
  const [{ server_version: postgres }] = await sql(options.databaseUrl.replace(/\/[^/]*$/, '/postgres'), 'SHOW server_version');
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    kernel: release(),
    node: process.version,
    postgres,
    redis: await redisVersion(options.redisUrl),
    packages: Object.fromEntries(['undici', 'pg-boss', 'bullmq'].map((name) => [name, require(`${name}/package.json`).version])),
    loadAverageAtStart: loadavg().map((value) => Math.round(value * 100) / 100),
  };
}

export const loadAverageNow = () => loadavg().map((value) => Math.round(value * 100) / 100);
