import { AinsApiError, AinsClient, backoffDelayMs, sleep, type AgentRegistration, type FetchFunction, type Task } from '@ains/sdk';
import { resolveAgentOptions, type AinsAgentOptions, type ResolvedAgentOptions } from './agent-options';
import { readAssignmentStream, type StreamEnd } from './assignment-stream';
import { ConcurrencySlots } from './concurrency-slots';
import type { HandlerOptions, JsonObject, RegisteredHandler, TaskHandler } from './handlers';
import { ReportBatcher } from './report-batcher';
import { ReportSigner } from './report-signer';
import { TaskRunner, type AgentStats } from './task-runner';
import { STREAM_BACKOFF, STREAM_IDLE_TIMEOUT_MS, STREAM_UNAVAILABLE_RETRY_MS, claimRetryDelayMs } from './timing';

type AgentState = 'idle' | 'starting' | 'running' | 'stopping' | 'stopped';
/** What starting needs to know of the agent's record. */
type AgentProfile = { id: string; max_concurrency: number };

/** The most tasks one claim may ask for. */
const MAX_TASKS_PER_CLAIM = 100;
const STOP_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * An AINS agent: registers (or resumes) itself, sends heartbeats, receives the tasks routed to it
 * (pushed, already started, on its assignment stream; or, when the stream is not offered or drops,
 * by long-polling as long as it has free slots, claiming and starting them in one request), and
 * runs each with the handler of its task type. Its reports (progress, results, failures) travel in batches,
 * and a finished outcome is kept until the platform acknowledges it: rate limits and outages are
 * waited out, and only a task that is no longer the agent's (or `stop()` past its drain deadline)
 * ends the delivery.
 *
 * ```ts
 * const agent = new AinsAgent({ url, apiKey, agentId });
 * agent.handle<{ text: string }, { summary: string }>('summarize', async (input, ctx) => ({ summary: summarise(input.text) }));
 * await agent.start();
 * ```
 *
 * `stop()` (and SIGTERM/SIGINT) drains the agent, so routing sends it nothing new, takes what was
 * already assigned to it, lets every running task finish and report (until `drainTimeoutMs`),
 * then stops the heartbeats.
 * The agent stays registered, draining; starting an `AinsAgent` with its id later resumes it.
 */
export class AinsAgent {
  private readonly options: ResolvedAgentOptions;
  private readonly handlers = new Map<string, RegisteredHandler>();
  private readonly statistics: AgentStats = { claimed: 0, pushed: 0, claimRequests: 0, streamsOpened: 0, completed: 0, failed: 0, lost: 0, givenUp: 0 };
  /** Tasks pushed while every slot was busy (the service counts slots by what it knows to be running): each runs when a slot frees up. */
  private readonly backlog: Task[] = [];
  private state: AgentState = 'idle';
  private agentId: string | undefined;
  private client: AinsClient | undefined;
  private slots: ConcurrencySlots | undefined;
  private runner: TaskRunner | undefined;
  private reports: ReportBatcher | undefined;
  /** The key the agent works with: given, or issued at its registration. */
  private workKey: string;
  private claimLoop: Promise<void> | undefined;
  private heartbeatTimer: ReturnType<typeof setTimeout> | undefined;
  private starting: Promise<void> | undefined;
  private stopping: Promise<void> | undefined;
  /** Aborted by stop(): ends the waits between failed claims. */
  private readonly stopRequested = new AbortController();
  /** Signs complete and fail reports when the agent was given a signing key. */
  private readonly signer: ReportSigner | undefined;
  private readonly onSignal = (signal: NodeJS.Signals) => {
    this.options.logger.info(`${signal} received: finishing the running tasks, then stopping`);
    this.stop().catch((error: unknown) => this.options.logger.error('stopping failed', { error: String(error) }));
  };

  constructor(options: AinsAgentOptions) {
    this.options = resolveAgentOptions(options);
    this.agentId = options.agentId;
    this.workKey = options.apiKey;
    this.signer = options.signingKey === undefined ? undefined : new ReportSigner(options.signingKey);
  }

  /** The agent's id: given, or known once `start()` has registered it. */
  get id(): string | undefined {
    return this.agentId;
  }

  /** Counts of what the agent has done, and how many tasks run now. */
  get stats(): Readonly<AgentStats & { running: number }> {
    return { ...this.statistics, running: this.slots?.used ?? 0 };
  }

  /** Sets the handler of a task type (replacing an earlier one). */
  handle<TInput = JsonObject, TOutput extends object | void = JsonObject | void>(taskType: string, handler: TaskHandler<TInput, TOutput>, options: HandlerOptions<TInput> = {}): this {
    this.handlers.set(taskType, { handler: handler as TaskHandler<unknown>, parseInput: options.parseInput });
    return this;
  }

  /** Registers or resumes the agent, then heartbeats and claims in the background. Resolves once it works. */
  start(): Promise<void> {
    if (this.state !== 'idle') return Promise.reject(new Error(`The agent cannot start: it is ${this.state}`));
    this.state = 'starting';
    this.starting = this.begin().catch((error: unknown) => {
      this.state = 'idle';
      throw error;
    });
    return this.starting;
  }

  /**
   * Stops gracefully: drains the agent, claims what was already assigned to it, waits for every
   * running task to finish and report, then stops the heartbeats. Calling it again returns the
   * same promise.
   */
  stop(): Promise<void> {
    this.stopping ??= this.end();
    return this.stopping;
  }

  private async begin(): Promise<void> {
    const { logger } = this.options;
    const { max_concurrency: maxConcurrency } = this.options.agentId ? await this.resume(this.options.agentId) : await this.register();
    const concurrency = this.options.concurrency ?? maxConcurrency;
    if (concurrency > maxConcurrency) logger.warn('concurrency is above the max_concurrency routing uses for this agent; the extra slots stay idle', { concurrency, maxConcurrency });
    // Reports retry on their own terms (see ReportBatcher), so their client does not retry.
    const reportClient = new AinsClient({ url: this.options.url, apiKey: this.workKey, retry: false, fetch: this.options.fetch });
    this.reports = new ReportBatcher(reportClient, this.agentId as string, { lingerMs: this.options.reportLingerMs, maxBatchSize: this.options.maxReportBatchSize }, logger);
    this.slots = new ConcurrencySlots(concurrency);
    this.runner = new TaskRunner(this.reports, this.handlers, logger, this.statistics, this.options.leaseRenewalIntervalMs, this.signer);
    this.state = 'running';
    this.scheduleHeartbeat();
    this.claimLoop = this.workUntilStopped();
    if (this.options.handleSignals) for (const signal of STOP_SIGNALS) process.once(signal, this.onSignal);
    logger.info('agent started', { agentId: this.agentId, concurrency, taskTypes: [...this.handlers.keys()] });
  }

  private async register(): Promise<AgentProfile> {
    // The options were validated: without an agent id there is a registration.
    const registration = this.options.registration as AgentRegistration;
    const registrar = new AinsClient({ url: this.options.url, apiKey: this.options.apiKey, retry: this.options.retry, fetch: this.options.fetch });
    const registered = await registrar.post('/v1/agents', { body: { max_concurrency: this.options.concurrency, ...registration, ...(this.signer ? { public_key: this.signer.publicKey } : {}) } });
    this.agentId = registered.id;
    this.workKey = registered.api_key;
    this.client = new AinsClient({ url: this.options.url, apiKey: registered.api_key, retry: this.options.retry, fetch: this.options.fetch });
    this.options.logger.info('agent registered', { agentId: registered.id });
    this.options.onRegistered?.(registered);
    return registered;
  }

  /**
   * A heartbeat brings an offline agent back; with a signing key, the agent's public key is made
   * the signing key's; resume ends the drain a previous stop() left.
   */
  private async resume(agentId: string): Promise<AgentProfile> {
    const client = this.workClient();
    const params = { path: { id: agentId } };
    const agent = await client.post('/v1/agents/{id}/heartbeat', { params, body: {}, idempotent: true });
    // Before the drain ends: an agent that cannot sign as its record says takes no work.
    if (this.signer && agent.public_key !== this.signer.publicKey) await this.rotatePublicKey(this.signer.publicKey, agent.public_key);
    if (agent.status !== 'draining') return agent;
    this.options.logger.info('ending the drain of the agent', { agentId });
    return client.post('/v1/agents/{id}/resume', { params, body: {}, idempotent: true });
  }

  /**
   * Sets the agent's public key to the signing key's, before any task is claimed. Reports signed
   * with it are verified once task-service has learned of the change (moments later; until then a
   * report waits, see ReportBatcher), so rotate while the agent is stopped.
   */
  private async rotatePublicKey(publicKey: string, current: string | null): Promise<void> {
    const agentId = this.agentId as string;
    if (!this.options.keyRotationApiKey) {
      throw new Error(`Agent ${agentId} has ${current === null ? 'no public key' : 'another public key'} than the signing key's; give keyRotationApiKey (an agents:write key of its owner) to set it`);
    }
    const owner = new AinsClient({ url: this.options.url, apiKey: this.options.keyRotationApiKey, retry: this.options.retry, fetch: this.options.fetch });
    await owner.patch('/v1/agents/{id}', { params: { path: { id: agentId } }, body: { public_key: publicKey } });
    this.options.logger.info('agent public key set from the signing key', { agentId });
  }

  private workClient(): AinsClient {
    this.client ??= new AinsClient({ url: this.options.url, apiKey: this.options.apiKey, retry: this.options.retry, fetch: this.options.fetch });
    return this.client;
  }

  private scheduleHeartbeat(): void {
    this.heartbeatTimer = setTimeout(() => {
      void this.heartbeat().finally(() => {
        if (this.state === 'running' || this.state === 'stopping') this.scheduleHeartbeat();
      });
    }, this.options.heartbeatIntervalMs);
  }

  private async heartbeat(): Promise<void> {
    try {
      await this.workClient().post('/v1/agents/{id}/heartbeat', { params: { path: { id: this.agentId as string } }, body: {}, idempotent: true });
    } catch (error) {
      if (error instanceof AinsApiError && error.status === 409) {
        this.options.logger.error('the agent was deregistered; stopping', { agentId: this.agentId });
        void this.stop();
        return;
      }
      this.options.logger.warn('heartbeat failed', { error: String(error) });
    }
  }

  /**
   * Takes work until stopped: on the assignment stream while the platform offers it, otherwise by
   * claims. After a stream ends (refused, dropped), at least one claim round runs before the stream
   * is tried again, after a backoff: what was assigned meanwhile is claimed, and a stream that cannot
   * stay up costs nothing but the wait. Once stopping, it finishes what is in flight and makes one
   * last claim without waiting, for tasks assigned before the drain took effect, then ends.
   */
  private async workUntilStopped(): Promise<void> {
    const slots = this.slots as ConcurrencySlots;
    let claimFailures = 0;
    let streamFailures = 0;
    let nextStreamAt = 0;
    // Claiming for several slots at once spares requests when tasks are short.
    const worthAClaim = Math.max(1, Math.ceil(slots.capacity / 4));
    for (;;) {
      if (this.options.push && this.state === 'running' && Date.now() >= nextStreamAt) {
        const opened = this.statistics.streamsOpened;
        const end = await this.streamAssignments();
        if (end !== 'stopped') {
          streamFailures = this.statistics.streamsOpened > opened ? 1 : streamFailures + 1;
          const delay = end === 'unavailable' ? STREAM_UNAVAILABLE_RETRY_MS : backoffDelayMs(streamFailures, STREAM_BACKOFF);
          nextStreamAt = Date.now() + delay;
          this.options.logger.info('assignment stream ended; long-polling until it is tried again', { end, retryInMs: delay });
        }
      }
      await slots.whenFree();
      if (slots.free < worthAClaim && this.options.claimLingerMs > 0) await Promise.race([slots.whenFree(worthAClaim), sleep(this.options.claimLingerMs)]);
      const lastRound = this.state === 'stopping';
      try {
        const tasks = await this.claim(Math.max(1, Math.min(slots.free, MAX_TASKS_PER_CLAIM)), lastRound ? 0 : this.options.claimWaitMs);
        claimFailures = 0;
        for (const task of tasks) this.accept(task);
      } catch (error) {
        claimFailures++;
        const delay = claimRetryDelayMs(claimFailures, error);
        this.options.logger.warn('claim failed', { error: String(error), retryInMs: delay });
        if (!lastRound) await sleep(delay, this.stopRequested.signal).catch(() => undefined);
      }
      if (lastRound) return;
    }
  }

  /** Runs every task pushed on one assignment stream, until it ends. */
  private streamAssignments(): Promise<StreamEnd> {
    return readAssignmentStream({
      url: this.options.url,
      apiKey: this.workKey,
      agentId: this.agentId as string,
      slots: (this.slots as ConcurrencySlots).capacity,
      fetch: this.options.fetch ?? ((request: Request) => fetch(request)) satisfies FetchFunction,
      signal: this.stopRequested.signal,
      idleTimeoutMs: STREAM_IDLE_TIMEOUT_MS,
      onOpen: () => {
        this.statistics.streamsOpened++;
        this.options.logger.info('assignment stream open', { agentId: this.agentId });
      },
      onTask: (task) => {
        this.statistics.pushed++;
        this.accept(task);
      },
    });
  }

  private async claim(maxTasks: number, waitMs: number): Promise<Task[]> {
    this.statistics.claimRequests++;
    const claimed = await this.workClient().post('/v1/agents/{agentId}/claim', { params: { path: { agentId: this.agentId as string } }, body: { max_tasks: maxTasks, wait_ms: waitMs, start: true } });
    this.statistics.claimed += claimed.data.length;
    return claimed.data;
  }

  /** Runs the task in a free slot, or as soon as one frees up. */
  private accept(task: Task): void {
    if ((this.slots as ConcurrencySlots).free > 0) this.launch(task);
    else this.backlog.push(task);
  }

  private launch(task: Task): void {
    const slots = this.slots as ConcurrencySlots;
    slots.acquire();
    (this.runner as TaskRunner)
      .run(task)
      .catch((error: unknown) => this.options.logger.error('running the task failed', { taskId: task.id, error: String(error) }))
      .finally(() => {
        slots.release();
        const next = this.backlog.shift();
        if (next) this.launch(next);
      });
  }

  private async end(): Promise<void> {
    await this.starting?.catch(() => undefined);
    if (this.state !== 'running') {
      this.state = 'stopped';
      return;
    }
    const { logger } = this.options;
    this.state = 'stopping';
    this.stopRequested.abort();
    for (const signal of STOP_SIGNALS) process.removeListener(signal, this.onSignal);
    try {
      await this.workClient().post('/v1/agents/{id}/drain', { params: { path: { id: this.agentId as string } }, body: {}, idempotent: true });
    } catch (error) {
      logger.warn('drain failed; stopping anyway', { error: String(error) });
    }
    await this.claimLoop;
    await this.drainWithin(this.options.drainTimeoutMs);
    clearTimeout(this.heartbeatTimer);
    this.state = 'stopped';
    logger.info('agent stopped', { agentId: this.agentId, ...this.statistics });
  }

  /** Waits for the running tasks and their outcomes' delivery; past the deadline, gives up what is left. */
  private async drainWithin(timeoutMs: number): Promise<void> {
    const slots = this.slots as ConcurrencySlots;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<'deadline'>((resolve) => (timer = setTimeout(() => resolve('deadline'), timeoutMs)));
    const drained = await Promise.race([slots.whenIdle().then(() => 'idle' as const), deadline]);
    clearTimeout(timer);
    if (drained === 'idle') return;
    const reason = `the agent stopped ${timeoutMs} ms after it began draining`;
    this.options.logger.error('drain deadline passed: giving up the outcomes not yet acknowledged and the tasks still running', { running: slots.used, pendingReports: this.reports?.pending ?? 0 });
    this.reports?.giveUp(reason);
    this.runner?.abortAll(new Error(reason));
  }
}
