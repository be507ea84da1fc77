import type { Task } from '@ains/sdk';
import { TaskLostError } from './errors';
import type { JsonObject, TaskContext } from './handlers';
import type { AgentLogger } from './logger';
import type { ReportAnswer, ReportBatcher } from './report-batcher';

/** Answers to a report that mean the task is no longer this agent's. */
export const LOST_STATUSES = new Set([403, 404, 409]);

/**
 * One started task until its outcome is acknowledged: the handler's context, the lease renewed on
 * a timer (resending the last progress, since a progress report replaces the stored one) while the
 * handler runs and while its outcome waits for delivery, and the signal aborted when the task is
 * lost or its execution timeout passes.
 */
export class TaskExecution {
  readonly context: TaskContext;
  private readonly controller = new AbortController();
  private lastProgress: JsonObject = {};
  private lostError: TaskLostError | undefined;
  private renewalTimer: ReturnType<typeof setTimeout> | undefined;
  private renewing = false;
  private finished = false;
  private readonly deadlineTimer: ReturnType<typeof setTimeout>;

  constructor(
    private readonly reports: ReportBatcher,
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
    const answer = await this.reports.submit({ task_id: this.task.id, type: 'progress', progress });
    if (answer.outcome !== 'refused') return;
    if (LOST_STATUSES.has(answer.status)) throw this.markLost(answer);
    throw new Error(`The progress report was refused: ${answer.problem?.detail ?? answer.problem?.title ?? answer.status}`);
  }

  /** Stops the renewals once the outcome is acknowledged (or given up). */
  finish(): void {
    this.finished = true;
    clearTimeout(this.renewalTimer);
    clearTimeout(this.deadlineTimer);
  }

  /** Aborts the handler's signal (the agent stops without waiting for it any longer). */
  abort(reason: Error): void {
    this.controller.abort(reason);
  }

  private scheduleRenewal(): void {
    clearTimeout(this.renewalTimer);
    if (this.finished) return;
    this.renewalTimer = setTimeout(() => {
      // One renewal at a time: while the platform is unreachable they would only pile up.
      if (this.renewing) return this.scheduleRenewal();
      this.renewing = true;
      this.progress()
        .catch((error: unknown) => {
          if (!(error instanceof TaskLostError)) this.logger.warn('lease renewal failed; trying again at the next interval', { taskId: this.task.id, error: String(error) });
        })
        .finally(() => (this.renewing = false));
    }, this.renewalIntervalMs);
  }

  private markLost(answer: ReportAnswer): TaskLostError {
    const detail = 'problem' in answer ? (answer.problem?.detail ?? answer.problem?.title) : undefined;
    this.lostError ??= new TaskLostError(`Task ${this.task.id} is no longer this agent's: ${detail ?? answer.status}`);
    this.finish();
    this.controller.abort(this.lostError);
    return this.lostError;
  }
}
