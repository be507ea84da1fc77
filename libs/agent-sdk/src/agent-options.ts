import type { KeyObject } from 'node:crypto';
import type { AgentRegistration, FetchFunction, RegisteredAgent, RetryOptions } from '@ains/sdk';
import { silentLogger, type AgentLogger } from './logger';

export interface AinsAgentOptions {
  /** The gateway, e.g. `http://127.0.0.1:8080`. */
  url: string;
  /**
   * With `agentId`: that agent's own `agent:work` key (issued at its registration). Without: a
   * key with `agents:write`, used once to register a new agent described by `registration`.
   */
  apiKey: string;
  /** Run as this registered agent (ending its drain, if it is draining). */
  agentId?: string;
  /** Register a new agent (when no `agentId` is given); `max_concurrency` defaults to `concurrency`. */
  registration?: AgentRegistration;
  /** Called once a new agent is registered: keep its id and `api_key` to run as it next time. */
  onRegistered?: (agent: RegisteredAgent) => void;
  /**
   * The agent's Ed25519 private key (a KeyObject, or PKCS#8 PEM text). With it, every complete and
   * fail report is signed, and the agent's public key is set from it: at registration, or, for an
   * agent whose key differs, with `keyRotationApiKey`.
   */
  signingKey?: KeyObject | string;
  /**
   * A key of the agent's owning client with `agents:write` (or an admin key), used only when the
   * agent's public key differs from `signingKey`'s, to replace it (an agent's own `agent:work` key
   * may not change its public key). Without it, such an agent does not start.
   */
  keyRotationApiKey?: string;
  /** Tasks run at once (default: the agent's `max_concurrency`). */
  concurrency?: number;
  /** Time between heartbeats (default 15 s; agents silent for 60 s go offline). */
  heartbeatIntervalMs?: number;
  /**
   * Receive tasks on the assignment stream (server-sent events), pushed and started as they are
   * assigned, instead of long-polling (default true). When the platform does not offer it or the
   * stream drops, the agent long-polls and tries the stream again later.
   */
  push?: boolean;
  /** How long one claim waits for work (default 5 s; the service caps it at 8 s by default). */
  claimWaitMs?: number;
  /** How long a report may wait for others to share its request (default 20 ms). */
  reportLingerMs?: number;
  /** The most reports in one request (default 100, at most 500). */
  maxReportBatchSize?: number;
  /**
   * How long the claim loop may wait for more slots to free up before claiming (default 25 ms):
   * claiming for several slots at once spares requests when tasks are short.
   */
  claimLingerMs?: number;
  /**
   * How long `stop()` waits for running tasks and their undelivered outcomes (default 60 s); past
   * it, the agent gives up what is left and logs each outcome it gave up.
   */
  drainTimeoutMs?: number;
  /** Time between automatic lease renewals (default: a third of the lease AINS grants). */
  leaseRenewalIntervalMs?: number;
  /** Stop gracefully on SIGTERM and SIGINT (default true). */
  handleSignals?: boolean;
  /** Default: silent. `consoleLogger()` prints to the console. */
  logger?: AgentLogger;
  /** Retries of the underlying client (429, 503, transport failures). */
  retry?: Partial<RetryOptions> | false;
  /** The `fetch` to send requests with (default: the global one). */
  fetch?: FetchFunction;
}

export interface ResolvedAgentOptions extends AinsAgentOptions {
  push: boolean;
  heartbeatIntervalMs: number;
  claimWaitMs: number;
  reportLingerMs: number;
  maxReportBatchSize: number;
  claimLingerMs: number;
  drainTimeoutMs: number;
  handleSignals: boolean;
  logger: AgentLogger;
}

const MAX_CLAIM_WAIT_MS = 30_000;
/** The most reports the API takes in one request. */
const MAX_REPORT_BATCH_SIZE = 500;
const MAX_LINGER_MS = 1_000;

/** Applies the defaults and rejects options that cannot work, naming each problem. */
export function resolveAgentOptions(options: AinsAgentOptions): ResolvedAgentOptions {
  const resolved: ResolvedAgentOptions = {
    heartbeatIntervalMs: 15_000,
    claimWaitMs: 5_000,
    reportLingerMs: 20,
    maxReportBatchSize: 100,
    claimLingerMs: 25,
    drainTimeoutMs: 60_000,
    handleSignals: true,
    push: true,
    logger: silentLogger,
    ...options,
  };
  const problems: string[] = [];
  if (!resolved.url) problems.push('`url` is required');
  if (!resolved.apiKey) problems.push('`apiKey` is required');
  if (resolved.agentId === undefined && resolved.registration === undefined) problems.push('give `agentId` (with its agent key) or `registration` (with a key that may register agents)');
  if (resolved.agentId !== undefined && resolved.registration !== undefined) problems.push('give `agentId` or `registration`, not both');
  if (resolved.keyRotationApiKey !== undefined && resolved.signingKey === undefined) problems.push('`keyRotationApiKey` is only used with `signingKey`');
  if (resolved.concurrency !== undefined && !isPositiveInteger(resolved.concurrency)) problems.push('`concurrency` must be a positive integer');
  if (!isPositiveInteger(resolved.heartbeatIntervalMs)) problems.push('`heartbeatIntervalMs` must be a positive integer');
  if (!Number.isInteger(resolved.claimWaitMs) || resolved.claimWaitMs < 0 || resolved.claimWaitMs > MAX_CLAIM_WAIT_MS) problems.push(`\`claimWaitMs\` must be an integer from 0 to ${MAX_CLAIM_WAIT_MS}`);
  for (const name of ['reportLingerMs', 'claimLingerMs'] as const) {
    if (!Number.isInteger(resolved[name]) || resolved[name] < 0 || resolved[name] > MAX_LINGER_MS) problems.push(`\`${name}\` must be an integer from 0 to ${MAX_LINGER_MS}`);
  }
  if (!isPositiveInteger(resolved.maxReportBatchSize) || resolved.maxReportBatchSize > MAX_REPORT_BATCH_SIZE) problems.push(`\`maxReportBatchSize\` must be an integer from 1 to ${MAX_REPORT_BATCH_SIZE}`);
  if (!isPositiveInteger(resolved.drainTimeoutMs)) problems.push('`drainTimeoutMs` must be a positive integer');
  if (resolved.leaseRenewalIntervalMs !== undefined && !isPositiveInteger(resolved.leaseRenewalIntervalMs)) problems.push('`leaseRenewalIntervalMs` must be a positive integer');
  if (problems.length > 0) throw new TypeError(`Invalid AinsAgent options: ${problems.join('; ')}`);
  return resolved;
}

function isPositiveInteger(value: number): boolean {
  return Number.isInteger(value) && value > 0;
}
