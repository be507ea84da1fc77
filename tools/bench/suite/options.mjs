// The suite's settings: each one a flag (`--rate 40`) or an environment variable (BENCH_RATE=40),
// the flag winning. The defaults keep a full run under about ten minutes on two cores.

/** Weighted share of each endpoint in the mixed workload (`--mix 'GET /v1/agents=20,…'`). */
export const DEFAULT_MIX = {
  'GET /v1/agents': 20,
  'POST /v1/tasks': 25,
  'GET /v1/tasks/{id}': 25,
  'POST /v1/task-chains': 5,
  'GET /v1/trust/leaderboard': 20,
  'POST /v1/tasks/batch': 5,
};

const NUMBERS = {
  rate: ['BENCH_RATE', 40, 'mixed workload: requests per second sent to the gateway'],
  duration: ['BENCH_DURATION', 120, 'mixed workload: measured seconds'],
  warmup: ['BENCH_WARMUP', 15, 'mixed workload: seconds at the same rate before measuring'],
  'batch-size': ['BENCH_BATCH_SIZE', 20, 'tasks per POST /v1/tasks/batch'],
  agents: ['BENCH_AGENTS', 8, 'lifecycle and peers: agents (workers)'],
  concurrency: ['BENCH_CONCURRENCY', 4, 'lifecycle and peers: tasks each agent (worker) runs at once'],
  'lifecycle-rate': ['BENCH_LIFECYCLE_RATE', 10, 'lifecycle and peers: tasks (jobs) submitted per second'],
  'lifecycle-duration': ['BENCH_LIFECYCLE_DURATION', 45, 'lifecycle and peers: seconds of submissions at that rate'],
  burst: ['BENCH_BURST', 1000, 'lifecycle and peers: tasks (jobs) submitted at once to measure throughput (0: skip)'],
  'port-base': ['BENCH_PORT_BASE', 23_080, "the stack's ports: gateway on this one, services above it"],
};

const STRINGS = {
  parts: ['BENCH_PARTS', 'lifecycle,mixed,peers', 'which parts to run, comma-separated'],
  mix: ['BENCH_MIX', Object.entries(DEFAULT_MIX).map(([name, weight]) => `${name}=${weight}`).join(','), 'mixed workload weights, `<METHOD> <path>=<weight>,…`'],
  'database-url': ['BENCH_DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/ains_bench_suite', "the stack's database (its service schemas are dropped at start)"],
  'redis-url': ['BENCH_REDIS_URL', 'redis://127.0.0.1:6379/5', "the stack's Redis database"],
  'pgboss-url': ['BENCH_PGBOSS_DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/ains_bench_pgboss', "pg-boss's database (schema pgboss dropped at start)"],
  'bullmq-url': ['BENCH_BULLMQ_REDIS_URL', 'redis://127.0.0.1:6379/4', "BullMQ's Redis database"],
  'results-dir': ['BENCH_RESULTS_DIR', '.data/bench', 'where the JSON result file goes (relative to the repository)'],
};

export function usage() {
  const line = ([flag, [env, fallback, help]]) => `  --${flag.padEnd(20)} ${env.padEnd(26)} ${help} (default ${fallback})`;
  return [
    'npm run bench -- [flags]    (node tools/bench/suite/run.mjs [flags])',
    '',
    ...Object.entries(NUMBERS).map(line),
    ...Object.entries(STRINGS).map(line),
    `  --${'no-build'.padEnd(20)} ${'BENCH_NO_BUILD=1'.padEnd(26)} use dist/ as it is`,
    `  ${''.padEnd(22)} ${'KAFKA_BROKERS'.padEnd(26)} use this broker instead of starting one on port-base + 12`,
    '',
  ].join('\n');
}

function flagValue(argv, flag) {
  const index = argv.indexOf(`--${flag}`);
  if (index === -1) return undefined;
  const value = argv[index + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`--${flag} needs a value`);
  return value;
}

function parseMix(text) {
  const mix = {};
  for (const entry of text.split(',')) {
    const at = entry.lastIndexOf('=');
    const name = entry.slice(0, at).trim();
    const weight = Number(entry.slice(at + 1));
    if (!(name in DEFAULT_MIX)) throw new Error(`--mix: unknown endpoint "${name}" (known: ${Object.keys(DEFAULT_MIX).join(', ')})`);
    if (!Number.isFinite(weight) || weight < 0) throw new Error(`--mix: weight of ${name} must be a number ≥ 0`);
    if (weight > 0) mix[name] = weight;
  }
  if (Object.keys(mix).length === 0) throw new Error('--mix: no endpoint with a weight above 0');
  return mix;
}

/** Reads the settings from `argv` and `env`; throws on an unknown flag or a bad value. */
export function readOptions(argv = process.argv.slice(2), env = process.env) {
  const known = new Set([...Object.keys(NUMBERS), ...Object.keys(STRINGS)].map((flag) => `--${flag}`));
  const unknown = argv.filter((arg, index) => arg.startsWith('--') && !known.has(arg) && arg !== '--no-build' && arg !== '--help' && !known.has(argv[index - 1]));
  if (unknown.length > 0) throw new Error(`unknown flag ${unknown.join(', ')}\n\n${usage()}`);

  const options = { help: argv.includes('--help'), build: !(argv.includes('--no-build') || env.BENCH_NO_BUILD === '1'), kafkaBrokers: env.KAFKA_BROKERS || undefined };
  for (const [flag, [name, fallback]] of Object.entries(NUMBERS)) {
    const value = Number(flagValue(argv, flag) ?? env[name] ?? fallback);
    if (!Number.isFinite(value) || value < 0) throw new Error(`--${flag} (${name}) must be a number ≥ 0`);
    options[camel(flag)] = value;
  }
  for (const [flag, [name, fallback]] of Object.entries(STRINGS)) options[camel(flag)] = flagValue(argv, flag) ?? env[name] ?? fallback;
  options.parts = new Set(options.parts.split(',').map((part) => part.trim()));
  for (const part of options.parts) if (!['lifecycle', 'mixed', 'peers'].includes(part)) throw new Error(`--parts: unknown part "${part}"`);
  options.mix = parseMix(options.mix);
  for (const flag of ['rate', 'duration', 'agents', 'concurrency', 'lifecycle-rate', 'lifecycle-duration', 'batch-size']) {
    if (options[camel(flag)] <= 0) throw new Error(`--${flag} must be above 0`);
  }
  return options;
}

const camel = (flag) => flag.replace(/-(\w)/g, (_, letter) => letter.toUpperCase());
