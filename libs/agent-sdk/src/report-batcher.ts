import { AinsApiError, backoffDelayMs, sleep, type AinsClient, type RequestBody, type ResponseBody } from '@ains/sdk';
import { afterFailedDelivery, REPORT_BACKOFF } from './delivery-policy';
import type { AgentLogger } from './logger';

export type TaskReport = RequestBody<'post', '/v1/agents/{agentId}/reports'>['reports'][number];
type ReportResult = ResponseBody<'post', '/v1/agents/{agentId}/reports'>['data'][number];

/** How the platform answered one report, or that the agent gave it up (stopped after its drain deadline). */
export type ReportAnswer = Pick<ReportResult, 'outcome' | 'status' | 'task' | 'problem'> | { outcome: 'given_up'; status: 0; reason: string };

export interface ReportBatcherOptions {
  /** How long a report may wait for others to share its request. */
  lingerMs: number;
  /** The most reports in one request. */
  maxBatchSize: number;
}

interface Pending {
  report: TaskReport;
  /** Sent alone: its batch was refused as a whole and the culprit is being looked for. */
  alone: boolean;
  resolve: (answer: ReportAnswer) => void;
}

/** Within one request, a task's reports in the order they take effect. */
const RANK: Record<TaskReport['type'], number> = { start: 0, progress: 1, complete: 2, fail: 2 };

/**
 * Gathers the agent's reports into few requests: a report waits at most `lingerMs` for others,
 * and a full batch leaves at once. One request is in flight at a time, so reports on a task reach
 * the platform in the order they were made. A report's promise settles only once the platform has
 * answered it (see `afterFailedDelivery` for what is waited out), or when the agent gives up.
 */
export class ReportBatcher {
  private queue: Pending[] = [];
  /** Queued reports in the request being sent. */
  private readonly inFlight = new Set<Pending>();
  private linger: ReturnType<typeof setTimeout> | undefined;
  private sending: Promise<void> | undefined;
  private readonly stopWaiting = new AbortController();
  private givenUp: string | undefined;

  constructor(
    private readonly client: AinsClient,
    private readonly agentId: string,
    private readonly options: ReportBatcherOptions,
    private readonly logger: AgentLogger,
  ) {}

  /** Reports waiting to be sent or answered. */
  get pending(): number {
    return this.queue.length;
  }

  submit(report: TaskReport): Promise<ReportAnswer> {
    if (this.givenUp) return Promise.resolve({ outcome: 'given_up', status: 0, reason: this.givenUp });
    return new Promise((resolve) => {
      this.queue.push({ report, alone: false, resolve });
      this.schedule();
    });
  }

  /** Drops the queued progress reports of a task whose final report was answered: they could only be refused. */
  discardProgress(taskId: string): void {
    const discarded = this.queue.filter((item) => item.report.type === 'progress' && item.report.task_id === taskId && !this.inFlight.has(item));
    if (discarded.length === 0) return;
    this.queue = this.queue.filter((item) => !discarded.includes(item));
    for (const item of discarded) item.resolve({ outcome: 'already_applied', status: 200 });
  }

  /** Stops delivering: every report not yet answered settles as given up, with the reason. */
  giveUp(reason: string): void {
    this.givenUp = reason;
    clearTimeout(this.linger);
    this.stopWaiting.abort(new Error(reason));
    for (const item of this.queue.splice(0)) item.resolve({ outcome: 'given_up', status: 0, reason });
  }

  private schedule(): void {
    if (this.sending || this.givenUp || this.queue.length === 0) return;
    if (this.queue.length >= this.options.maxBatchSize) {
      clearTimeout(this.linger);
      this.linger = undefined;
      this.sending = this.sendLoop();
      return;
    }
    this.linger ??= setTimeout(() => {
      this.linger = undefined;
      this.sending = this.sendLoop();
    }, this.options.lingerMs);
  }

  private async sendLoop(): Promise<void> {
    try {
      let failures = 0;
      while (this.queue.length > 0 && !this.givenUp) {
        const batch = this.take();
        const delivered = await this.deliver(batch, failures + 1);
        failures = delivered ? 0 : failures + 1;
      }
    } finally {
      this.sending = undefined;
      this.schedule();
    }
  }

  /** The next request's reports: one report looked at alone, or up to a full batch of the others. */
  private take(): Pending[] {
    const alone = this.queue.find((item) => item.alone);
    const batch = alone ? [alone] : inEffectOrder(this.queue.slice(0, this.options.maxBatchSize));
    for (const item of batch) this.inFlight.add(item);
    return batch;
  }

  /** Sends one request; true when every report in it was answered. Unanswered reports stay queued. */
  private async deliver(batch: Pending[], attempt: number): Promise<boolean> {
    try {
      const answer = await this.client.post('/v1/agents/{agentId}/reports', { params: { path: { agentId: this.agentId } }, body: { reports: batch.map((item) => item.report) } });
      // A report answered 503 could not be decided yet (its agent's key has not reached task-service, say): it stays queued.
      const unavailable = batch.filter((_item, index) => answer.data[index]?.status === 503);
      for (const [index, item] of batch.entries()) {
        if (unavailable.includes(item)) this.inFlight.delete(item);
        else this.settle(item, answer.data[index]);
      }
      if (unavailable.length === 0) return true;
      const afterMs = backoffDelayMs(attempt, REPORT_BACKOFF);
      this.logger.warn('reports not decided yet; sending them again', { reports: unavailable.length, retryInMs: afterMs });
      await sleep(afterMs, this.stopWaiting.signal).catch(() => undefined);
      return false;
    } catch (error) {
      const step = afterFailedDelivery(error, attempt, batch.length);
      if (step.kind === 'refuse') {
        this.logger.error('reports refused by the platform', { reports: batch.length, error: String(error) });
        const problem = error instanceof AinsApiError ? { type: error.type, title: error.title, status: error.status, detail: error.detail } : undefined;
        for (const item of batch) this.settle(item, { outcome: 'refused', status: problem?.status ?? 0, problem });
        return false;
      }
      for (const item of batch) this.inFlight.delete(item);
      if (step.kind === 'split') {
        for (const item of batch) item.alone = true;
        return false;
      }
      this.logger.warn('reports not delivered; sending them again', { reports: batch.length, retryInMs: step.afterMs, error: String(error) });
      await sleep(step.afterMs, this.stopWaiting.signal).catch(() => undefined);
      return false;
    }
  }

  private settle(item: Pending, answer: ReportAnswer | undefined): void {
    this.inFlight.delete(item);
    this.queue = this.queue.filter((queued) => queued !== item);
    item.resolve(answer ?? { outcome: 'refused', status: 0, problem: { type: 'about:blank', title: 'No answer for this report', status: 0 } });
  }
}

/** Reports grouped by task (in the order tasks first appear), each task's in the order they take effect. */
function inEffectOrder(batch: Pending[]): Pending[] {
  const firstSeen = new Map<string, number>();
  for (const [index, item] of batch.entries()) if (!firstSeen.has(item.report.task_id)) firstSeen.set(item.report.task_id, index);
  const position = (item: Pending) => firstSeen.get(item.report.task_id) as number;
  return [...batch].sort((a, b) => position(a) - position(b) || RANK[a.report.type] - RANK[b.report.type]);
}
