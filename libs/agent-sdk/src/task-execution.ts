import { AinsApiError, type AinsClient, type Task } from '@ains/sdk';
import { TaskLostError } from './errors';
import type { JsonObject, TaskContext } from './handlers';
import type { AgentLogger } from './logger';

/** Answers to a report that mean the task is no longer this agent's. */
const LOST_STATUSES = new Set([403, 404, 409]);

/**
 * One started task while its handler runs: the handler's context, the lease renewed on a timer
 * (resending the last progress, since a progress report replaces the stored one), and the signal
 * aborted when the task is lost or its execution timeout passes.
 */
export class TaskExecution {
  readonly context: TaskContext;
  private readonly controller = new AbortController();
  private lastProgress: JsonObject = {};
  private lostError: TaskLostError | undefined;
  private renewalTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly deadlineTimer: ReturnType<typeof setTimeout>;

  constructor(
    private readonly client: AinsClient,
    readonly task: Task,
    private readonly renewalIntervalMs: number,
    private readonly logger: AgentLogger,
  ) {
    this.context = { task, signal: this.controller.signal, logger, progress: (progress) => this.progress(progress) };
    this.scheduleRenewal();
    this.deadlineTimer = setTimeout(() => this.controller.abort(new Error(`The task's execution timeout (${task.timeout_seconds} s) has passed`)), task.timeout_seconds * 1_000);
  }

  /** Set once a report was refused because the task is no longer this agent's. */
  get lost(): TaskLostError | undefined {
    return this.lostError;
  }

  async progress(progress: JsonObject = this.lastProgress): Promise<void> {
    if (this.lostError) throw this.lostError;
    this.lastProgress = progress;
    this.scheduleRenewal();
    try {
      // Repeating a progress report only renews the lease again, so it may be retried.
      await this.client.post('/v1/tasks/{id}/progress', { params: { path: { id: this.task.id } }, body: { progress }, idempotent: true });
    } catch (error) {
      if (error instanceof AinsApiError && LOST_STATUSES.has(error.status)) throw this.markLost(error);
      throw error;
    }
  }

  /** Stops the timers once the handler has settled. */
  finish(): void {
    clearTimeout(this.renewalTimer);
    clearTimeout(this.deadlineTimer);
  }

  private scheduleRenewal(): void {
    clearTimeout(this.renewalTimer);
    this.renewalTimer = setTimeout(() => {
      this.progress().catch((error: unknown) => {
        if (!(error instanceof TaskLostError)) this.logger.warn('lease renewal failed; trying again at the next interval', { taskId: this.task.id, error: String(error) });
      });
    }, this.renewalIntervalMs);
  }

  private markLost(error: AinsApiError): TaskLostError {
    this.lostError ??= new TaskLostError(`Task ${this.task.id} is no longer this agent's: ${error.detail ?? error.title}`);
    this.finish();
    this.controller.abort(this.lostError);
    return this.lostError;
  }
}
