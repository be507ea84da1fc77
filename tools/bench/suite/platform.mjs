// The distributed stack under test, started the way `npm run stack` starts it (tools/stack/stack.mjs
// up --detach) on the suite's own ports, database, Redis database, consumer groups and, unless
// KAFKA_BROKERS names one, its own Kafka broker (tools/kafka/kafka.sh on port-base + 12, own data
// dir). Everything started is registered with `cleanup`, so an error or Ctrl-C stops it too.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDatabase, root, sql } from '../lib.mjs';
import { SERVICES } from '../../stack/services.mjs';

const SCHEMAS = ['gateway', 'task', 'agent', 'trust', 'routing', 'scheduler', 'webhook'];

/** Runs a command to completion, its output on stderr (stdout is the report's); rejects on a non-zero exit. */
export function runCommand(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', process.stderr, process.stderr] });
    child.once('error', reject);
    child.once('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code ?? signal}`))));
  });
}

/** A key in the gateway's format (`ains_<16 hex key id>_<secret>`), installed as admin at start. */
const newAdminKey = () => `ains_${randomBytes(8).toString('hex')}_${randomBytes(32).toString('base64url')}`;

function kafkaVersion() {
  return readFileSync(join(root, 'tools/kafka/pom.xml'), 'utf8').match(/<kafka\.version>(.*)<\/kafka\.version>/)?.[1] ?? 'unknown';
}

async function startKafka(options, cleanup, say) {
  const port = options.portBase + 12;
  const env = { ...process.env, KAFKA_PORT: String(port), KAFKA_CONTROLLER_PORT: String(port + 1), KAFKA_DATA_DIR: join(root, `.data/bench-kafka-${port}`) };
  const script = join(root, 'tools/kafka/kafka.sh');
  say(`starting a Kafka broker of its own on 127.0.0.1:${port}`);
  // `reset` stops a broker a killed run left behind and gives every run empty topics.
  const stop = cleanup.add('Kafka broker', () => runCommand(script, ['reset'], env));
  await runCommand(script, ['reset'], env);
  await runCommand(script, ['start'], env);
  const pid = Number(readFileSync(join(env.KAFKA_DATA_DIR, 'kafka.pid'), 'utf8'));
  return { brokers: `127.0.0.1:${port}`, pid, version: kafkaVersion(), own: true, stop };
}

/**
 * Starts Kafka (if needed) and the seven services on empty schemas; resolves with what the parts
 * need: the gateway URL, the admin key, the process ids (the services' from the stack's state
 * file) and `stop`, which stops the stack and the suite's own broker.
 */
export async function startPlatform(options, runId, cleanup, say) {
  const kafka = options.kafkaBrokers
    ? { brokers: options.kafkaBrokers, pid: undefined, version: `${kafkaVersion()} expected (external broker, not probed)`, own: false, stop: async () => undefined }
    : await startKafka(options, cleanup, say);

  await ensureDatabase(options.databaseUrl);
  for (const schema of SCHEMAS) await sql(options.databaseUrl, `DROP SCHEMA IF EXISTS "${schema}" CASCADE`);

  const adminKey = newAdminKey();
  const stateDir = join(root, `.data/stack-bench-suite-${options.portBase}`);
  const env = {
    ...process.env,
    AINS_PORT_BASE: String(options.portBase),
    AINS_STACK_DIR: stateDir,
    KAFKA_BROKERS: kafka.brokers,
    // New groups every run: on a shared broker no other stack takes this one's partitions.
    KAFKA_CONSUMER_GROUP_PREFIX: `bench-${options.portBase}-${runId}-`,
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    INTERNAL_AUTH_SECRET: randomBytes(32).toString('base64url'),
    BOOTSTRAP_ADMIN_API_KEY: adminKey,
    BOOTSTRAP_ADMIN_CLIENT_ID: `bench-admin-${runId}`,
    BOOTSTRAP_ADMIN_RATE_LIMIT_PER_MINUTE: '100000',
    // The mixed workload's tasks are never worked on; their queue must not trip backpressure
    // (5,000 by default), or POST /v1/tasks would measure 503s instead of task creation.
    ROUTING_BACKPRESSURE_LIMIT: '10000000',
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
  };
  const stack = (...args) => runCommand('node', [join(root, 'tools/stack/stack.mjs'), ...args], env);
  // A stack a killed run left behind in the same state dir is stopped first.
  await stack('down');
  const stopStack = cleanup.add('AINS stack', () => stack('down'));
  say(`starting the stack on ports ${options.portBase}–${options.portBase + 6}${options.build ? ' (building first)' : ''}`);
  await stack('up', '--detach', ...(options.build ? [] : ['--no-build']));

  const state = JSON.parse(readFileSync(join(stateDir, 'state.json'), 'utf8'));
  const processes = state.services.map(({ name, pid }) => ({ name, pid }));
  if (kafka.own && existsSync(`/proc/${kafka.pid}`)) processes.push({ name: 'kafka (JVM)', pid: kafka.pid });
  const stop = async () => {
    await stopStack();
    await kafka.stop();
  };
  const serviceUrls = SERVICES.map((_, index) => `http://127.0.0.1:${options.portBase + index}`);
  return { gateway: `http://127.0.0.1:${options.portBase}`, serviceUrls, adminKey, processes, kafka: { brokers: kafka.brokers, version: kafka.version, own: kafka.own }, stop };
}
